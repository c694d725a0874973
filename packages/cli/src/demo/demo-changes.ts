/**
 * Demo step 6, the issuing side changes certificates: China's amendment of the kimchi certificate
 * is refused (ChKFTA allows replacement only), a new certificate is replaced (Korea refuses claims
 * on the old one, naming the new one), the kimchi certificate is cancelled (Korea flags the claims
 * it accepted for post-clearance review), and replacing the cancelled certificate is a 409.
 */
import { api, codeOf, deliveredMessage, expectStatus } from './demo-api.js';
import { sample } from './demo-clearance.js';
import { claim, decisionText, receivedId, say, summaryAt, type DemoContext } from './demo-context.js';
import { amendmentOf, corpusDocument, renumbered, replacementOf } from './demo-documents.js';

interface Changed { readonly id: string; readonly number: string; readonly messageId: string }

export async function changesStep(ctx: DemoContext): Promise<void> {
  ctx.io.out('\n6. The issuing side amends, replaces and cancels (POST /api/v1/certificates/{id}/amend|replace|cancel)');
  const [cn, kr] = [ctx.gateway('CN'), ctx.gateway('KR')];
  const kimchi = sample(ctx, 'chkfta-cn-kr-kimchi.json');
  const doc = await corpusDocument('chkfta-cn-kr-kimchi.json');

  const amend = await api(cn, 'issuer', 'POST', `/api/v1/certificates/${kimchi.id}/amend`, amendmentOf(doc, 2));
  say(ctx, 'CN', `amend ${kimchi.number} (version 2)`, `HTTP ${amend.status} ${codeOf(amend)} (ChKFTA: replacement only)`);

  const original = renumbered(doc, 'K264200000019901');
  const issued = expectStatus<{ id: string; messageId: string }>(await api(cn, 'issuer', 'POST', '/api/v1/certificates', original), 202, 'CN: submit K264200000019901');
  await deliveredMessage(cn, issued.messageId, 'K264200000019901');
  const oldAtKr = await receivedId(kr, original.header.number);
  const replaced = expectStatus<Changed>(await api(cn, 'issuer', 'POST', `/api/v1/certificates/${issued.id}/replace`, replacementOf(original, 'K264200000019902')), 202, 'CN: replace K264200000019901');
  await deliveredMessage(cn, replaced.messageId, 'the co.replaced message');
  const newAtKr = await receivedId(kr, replaced.number);
  const old = await summaryAt(kr, oldAtKr);
  say(ctx, 'CN', `replace ${original.header.number} by ${replaced.number}`, `co.replaced delivered; at KR the old one is ${String(old['lifecycle'])}${old['replacedById'] === newAtKr ? ', linked to the new one' : ''}`);
  const onOld = await claim(kr, kimchiClaim(original.header.number, 'KR-IMP-OLD'));
  const named = onOld.reasons[0]?.params['replacementNumber'];
  say(ctx, 'KR', `claim on ${original.header.number}`, `${decisionText(onOld)} (replacement ${typeof named === 'string' ? named : '?'})`);
  say(ctx, 'KR', `claim on ${replaced.number}`, decisionText(await claim(kr, kimchiClaim(replaced.number, 'KR-IMP-NEW'))));

  const cancelled = expectStatus<Changed>(await api(cn, 'issuer', 'POST', `/api/v1/certificates/${kimchi.id}/cancel`, { reasonCode: 'ISSUED-IN-ERROR', reason: 'Wrong consignee.' }), 202, `CN: cancel ${kimchi.number}`);
  await deliveredMessage(cn, cancelled.messageId, 'the co.cancelled message');
  const kimchiAtKr = await receivedId(kr, kimchi.number);
  const flagged = expectStatus<{ items: unknown[] }>(await api(kr, 'customs', 'GET', `/api/v1/claims?status=post-clearance-review&certificateId=${kimchiAtKr}`), 200, 'KR: flagged claims').items;
  say(ctx, 'CN', `cancel ${kimchi.number} (ISSUED-IN-ERROR)`, `co.cancelled delivered; KR flagged ${flagged.length} accepted claim(s) post-clearance-review`);
  say(ctx, 'KR', `claim on ${kimchi.number}`, decisionText(await claim(kr, kimchiClaim(kimchi.number, 'KR-IMP-AFTER'))));
  const illegal = await api(cn, 'issuer', 'POST', `/api/v1/certificates/${kimchi.id}/replace`, replacementOf(doc, 'K264200000019905'));
  say(ctx, 'CN', `replace the cancelled ${kimchi.number}`, `HTTP ${illegal.status} ${codeOf(illegal)}`);
}

/** A claim on item 1 of a kimchi certificate, 100 kg, declared after its issue. */
export function kimchiClaim(number: string, reference: string): Record<string, unknown> {
  return {
    certificateNumber: number, issuingCountry: 'CN', agreement: 'CHKFTA', declarationReference: reference, declarationDate: '2026-03-23',
    importer: { name: 'Hansang Food Service' }, items: [{ line: 1, itemNumber: 1, hsCode: '200599', quantity: 100, unitCode: 'KGM' }],
  };
}
