/**
 * A handler for one kind of verified partner message: it validates the payload (outside the
 * transaction) and returns the issues for the receipt and, when accepted, the writes to commit.
 */
import type { IssueSummary, MessageKind, SignedMessage } from '@originlink/protocol';
import type { Repositories } from '@originlink/store';
import { exchangeCodes, type ExchangeCode } from '../../errors/exchange-codes.js';
import type { GatewayContext } from '../../gateway-context.js';

export interface HandlerOutcome {
  /** Issues for the receipt; any error means the message is rejected (and `write` is not run). */
  readonly issues: IssueSummary[];
  readonly write?: (tx: Repositories) => Promise<void>;
  /** The certificate the message is about, linked to the stored message. */
  readonly certificateId?: string;
}

export type Handler = (ctx: GatewayContext, message: SignedMessage<never>, now: number) => Promise<HandlerOutcome>;
export type HandlerMap = Partial<Record<MessageKind, Handler>>;

export function exchangeIssue(code: ExchangeCode, path: string, detail?: string): IssueSummary {
  return { code, path, severity: 'error', message: detail ? `${exchangeCodes[code]}: ${detail}` : exchangeCodes[code] };
}
