/**
 * The handler of each message kind this gateway accepts from partners. Each area exports its own
 * map (claims: co.utilisation; lifecycle: co.replaced, co.cancelled; verification:
 * verification.request, verification.response); a kind without a handler is refused with
 * protocol.kind-not-supported. pull.request/pull.response travel on /partner/v1/pull, not here.
 */
import { claimHandlers } from './claim-handlers.js';
import { handleDocumentIssued } from './document-issued.js';
import type { HandlerMap } from './handler.js';
import { lifecycleHandlers } from './lifecycle-handlers.js';
import { verificationHandlers } from './verification-handlers.js';

export const handlers: HandlerMap = {
  'co.issued': handleDocumentIssued,
  'declaration.issued': handleDocumentIssued,
  ...claimHandlers,
  ...lifecycleHandlers,
  ...verificationHandlers,
};
