/**
 * A claim decision's reasons and the decision rule: rejected if any reason rejects, else
 * manual-review if any asks for review, else accepted. Reasons are data (code, effect, item line,
 * params) with the English message rendered once, when the reason is made.
 */
import type { ClaimDecision } from '@originlink/store';
import { claimReasonCodes, type ClaimEffect, type ClaimReasonCode } from '../../errors/claim-codes.js';
import { claimMessagesEn, type ClaimParams } from '../../errors/claim-messages.js';

export interface ClaimReason {
  readonly code: ClaimReasonCode;
  readonly effect: ClaimEffect;
  /** The claimed item (its `line`) the reason is about; absent for the whole certificate. */
  readonly itemLine?: number;
  readonly params: ClaimParams;
  readonly message: string;
}

/** A reason with the code's usual effect, or `effect` where the rule says otherwise. */
export function reason(code: ClaimReasonCode, params: ClaimParams, options: { itemLine?: number; effect?: ClaimEffect } = {}): ClaimReason {
  return {
    code,
    effect: options.effect ?? claimReasonCodes[code].effect,
    ...(options.itemLine !== undefined ? { itemLine: options.itemLine } : {}),
    params,
    message: claimMessagesEn[code](params),
  };
}

export function decide(reasons: readonly ClaimReason[]): ClaimDecision {
  if (reasons.some((r) => r.effect === 'reject')) return 'rejected';
  if (reasons.some((r) => r.effect === 'review')) return 'manual-review';
  return 'accepted';
}
