/**
 * Demo step 7, retroactive verification: Korea's customs doubts the origin of Indonesia's plywood,
 * Indonesia's gateway acknowledges the request with its signed receipt and lists it as open, its
 * issuing authority answers "not confirmed" (a second answer is refused), Korea flags the claim it
 * had accepted for recovery of duties, and Indonesia withdraws the certificate.
 */
import { api, codeOf, deliveredMessage, expectStatus, waitUntil } from './demo-api.js';
import { sample } from './demo-clearance.js';
import { receivedId, say, summaryAt, type DemoContext } from './demo-context.js';

interface Verification { readonly id: string; readonly requestId: string; readonly state: string; readonly replyBy: string; readonly overdue: boolean; readonly outcome: string | null; readonly responseMessageId: string | null }

export async function verificationStep(ctx: DemoContext): Promise<void> {
  ctx.io.out('\n7. Retroactive verification (POST /api/v1/verifications; the issuing side answers POST /api/v1/verifications/{id}/answer)');
  const [kr, id] = [ctx.gateway('KR'), ctx.gateway('ID')];
  const plywood = sample(ctx, 'akfta-ak-id-kr-plywood.json');
  const atKr = await receivedId(kr, plywood.number);

  const reasons = [{ code: 'ORIGIN-DOUBT', text: 'Were the logs harvested in Indonesia?' }];
  const requested = expectStatus<Verification>(await api(kr, 'customs', 'POST', '/api/v1/verifications', { certificateId: atKr, reasons }), 201, `KR: verification of ${plywood.number}`);
  const acknowledged = await waitUntil('Indonesia\'s receipt for the request', async () => {
    const v = expectStatus<Verification>(await api(kr, 'customs', 'GET', `/api/v1/verifications/${requested.id}`), 200, 'KR: the verification');
    return v.state === 'acknowledged' ? v : undefined;
  });
  say(ctx, 'KR', `verify ${plywood.number} at ID (reply by ${requested.replyBy})`, `${requested.state} -> ${acknowledged.state} (ID's signed receipt); overdue: ${String(acknowledged.overdue)}`);

  const open = expectStatus<{ items: Verification[] }>(await api(id, 'issuer', 'GET', '/api/v1/verifications?direction=inbound&state=acknowledged'), 200, 'ID: open requests').items;
  const request = open.find((v) => v.requestId === requested.requestId);
  if (!request) throw new Error(`Indonesia does not list Korea's request ${requested.requestId} as open`);
  const findings = 'The producer could not show the origin of the logs.';
  const answered = expectStatus<Verification>(await api(id, 'issuer', 'POST', `/api/v1/verifications/${request.id}/answer`, { outcome: 'not-confirmed', findings }), 200, 'ID: the answer');
  await deliveredMessage(id, answered.responseMessageId ?? '', 'the verification.response');
  say(ctx, 'ID', `${open.length} open request(s); answers not-confirmed`, `${answered.state}; verification.response delivered`);
  const again = await api(id, 'issuer', 'POST', `/api/v1/verifications/${request.id}/answer`, { outcome: 'confirmed', findings: 'On second thoughts.' });
  say(ctx, 'ID', 'answers the same request again', `HTTP ${again.status} ${codeOf(again)}`);

  const status = (await summaryAt(kr, atKr))['verificationStatus'];
  const recovery = expectStatus<{ items: unknown[] }>(await api(kr, 'customs', 'GET', `/api/v1/claims?status=recovery-of-duties&certificateId=${atKr}`), 200, 'KR: flagged claims').items;
  say(ctx, 'KR', `${plywood.number}: verification ${String(status)}`, `${recovery.length} accepted claim(s) flagged recovery-of-duties`);

  const cancelled = expectStatus<{ messageId: string }>(await api(id, 'issuer', 'POST', `/api/v1/certificates/${plywood.id}/cancel`, { reasonCode: 'ORIGIN-NOT-CONFIRMED', reason: 'Withdrawn after verification.' }), 202, `ID: cancel ${plywood.number}`);
  await deliveredMessage(id, cancelled.messageId, 'the co.cancelled message');
  say(ctx, 'ID', `withdraws ${plywood.number}`, `co.cancelled delivered; at KR it is ${String((await summaryAt(kr, atKr))['lifecycle'])}`);
}
