/**
 * Reading the partner's answer to our pull.request: HTTP status (a problem, a rate limit), then the
 * signed pull.response decoded with the partner's pinned keys, sent by the partner we asked, and
 * referring to our request. Anything else is a PullOutcome saying why nothing can be trusted.
 */
import { decodeMessage, type Envelope, type PayloadOf, type SignedMessage } from '@originlink/protocol';
import { exchangeCodes } from '../../errors/exchange-codes.js';
import type { GatewayContext } from '../../gateway-context.js';
import type { PartnerCallResponse } from '../../partners/partner-call.js';
import type { PullOutcome } from './pull-outcome.js';

export type PullResponseRead =
  | { readonly ok: true; readonly message: SignedMessage<PayloadOf<'pull.response'>>; readonly raw: Buffer; /** English text of a not-found reason. */ readonly reasonText: string }
  | { readonly ok: false; readonly outcome: PullOutcome };

const invalid = (detail: string): PullResponseRead => ({ ok: false, outcome: { found: false, refusedBy: 'gateway', reason: 'pull.response-invalid', detail } });

export function readPullResponse(ctx: GatewayContext, res: PartnerCallResponse, request: Envelope, now: number): PullResponseRead {
  if (res.status !== 200) {
    const code = /"code"\s*:\s*"([^"]+)"/.exec(res.body.toString('utf8', 0, 2000))?.[1];
    if (res.status === 429) {
      const seconds = Number(res.retryAfter);
      return { ok: false, outcome: { found: false, refusedBy: 'gateway', reason: 'partner.rate-limited', detail: `${request.receiver.country} limits the rate of pull requests`, ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterSeconds: seconds } : {}) } };
    }
    return invalid(`the partner answered HTTP ${res.status}${code ? ` ${code}` : ''} instead of a signed pull.response`);
  }
  const decoded = decodeMessage(res.body, {
    self: ctx.config.self,
    keysOf: (sender) => ctx.partners.keysOf(sender),
    allowedAlgorithms: ['ES256', 'EdDSA'],
    now,
    maxAgeMs: ctx.config.inbound.maxMessageAgeMs,
    maxFutureSkewMs: ctx.config.inbound.maxFutureSkewMs,
    supportedDatasetVersions: ctx.agreements.datasetVersions,
    expectKind: 'pull.response',
  });
  if (!decoded.ok) return invalid(`${decoded.code}: ${decoded.detail}`);
  const message = decoded.message as SignedMessage<PayloadOf<'pull.response'>>;
  const env = message.envelope;
  if (env.sender.country !== request.receiver.country || env.sender.gateway !== request.receiver.gateway) return invalid(`signed by ${env.sender.country}/${env.sender.gateway}, asked ${request.receiver.country}/${request.receiver.gateway}`);
  if (env.refersTo !== request.id) return invalid(`refers to ${env.refersTo ?? 'no message'}, not to our request ${request.id}`);
  const reason = message.payload.found ? '' : message.payload.reason;
  return { ok: true, message, raw: res.body, reasonText: (exchangeCodes as Record<string, string>)[reason] ?? reason };
}
