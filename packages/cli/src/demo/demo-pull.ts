/**
 * Demo step 8, the Pull model: Korea's gateway is down while China issues two certificates for it,
 * so their pushes fail and wait for a retry; back up, Korea's customs pulls one (signed pull.request
 * and pull.response) and claims on the other, which the gateway pulls by itself first. Pulling a
 * number China never issued gets China's signed "not found".
 */
import { api, codeOf, expectStatus, outboxSettled, waitUntil } from './demo-api.js';
import { neverIssued } from './demo-clearance.js';
import { claim, decisionText, say, type DemoContext } from './demo-context.js';
import { corpusDocument, renumbered } from './demo-documents.js';
import { kimchiClaim } from './demo-changes.js';

interface Delivery { readonly messageId: string; readonly state: string; readonly attempts: number; readonly nextAttemptAt: string | null }

export async function pullStep(ctx: DemoContext): Promise<void> {
  ctx.io.out('\n8. Pull (POST /api/v1/pulls, and automatically for a claim on a certificate not received)');
  const [cn, kr] = [ctx.gateway('CN'), ctx.gateway('KR')];
  // Korea stops only once nothing is on its way to it (a delivery cut off would only be retried).
  await Promise.all(ctx.network.filter((g) => g !== kr).map((g) => outboxSettled(g)));
  await ctx.stopGateway('KR');
  const doc = await corpusDocument('chkfta-cn-kr-kimchi.json');
  const issued: { number: string; messageId: string }[] = [];
  for (const number of ['K264200000019903', 'K264200000019904']) {
    const s = expectStatus<{ messageId: string }>(await api(cn, 'issuer', 'POST', '/api/v1/certificates', renumbered(doc, number)), 202, `CN: submit ${number}`);
    issued.push({ number, messageId: s.messageId });
  }
  const failed = await waitUntil('China\'s first push attempts to fail', async () => {
    const { body } = await api(cn, 'admin', 'GET', '/api/v1/deliveries?state=pending');
    const ours = (body['items'] as Delivery[] | undefined)?.filter((d) => issued.some((i) => i.messageId === d.messageId) && d.attempts >= 1) ?? [];
    return ours.length === issued.length ? ours : undefined;
  });
  const retry = Math.min(...failed.map((d) => (d.nextAttemptAt ? Date.parse(d.nextAttemptAt) : Date.now()) - Date.now()));
  say(ctx, 'CN', `issues ${issued.map((i) => i.number).join(', ')} for KR`, `KR's gateway is down: pushes failed, next try in ${Math.max(0, Math.round(retry / 1000))} s`);
  await ctx.startGateway('KR');

  const [first, second] = issued as [typeof issued[0], typeof issued[0]];
  const pulled = await api(kr, 'customs', 'POST', '/api/v1/pulls', { certificateNumber: first.number, issuingCountry: 'CN' });
  const p = expectStatus<{ found: boolean; stored?: boolean }>(pulled, [200, 201], `KR: pull ${first.number}`);
  say(ctx, 'KR', `gateway back up; pulls ${first.number}`, p.stored ? `HTTP ${pulled.status}: pulled, verified and stored (source pull)` : `HTTP ${pulled.status}: already here (China's retry came first)`);
  const c = await claim(kr, kimchiClaim(second.number, 'KR-IMP-PULL'));
  say(ctx, 'KR', `claim on ${second.number} (not received)`, decisionText(c));
  const none = await api(kr, 'customs', 'POST', '/api/v1/pulls', { certificateNumber: neverIssued, issuingCountry: 'CN' });
  const n = expectStatus<{ found: boolean; reason?: string }>(none, 200, `KR: pull ${neverIssued}`);
  say(ctx, 'KR', `pulls ${neverIssued} (never issued)`, n.found ? 'found?' : `found: false, ${n.reason ?? codeOf(none)} (CN's signed answer)`);
}
