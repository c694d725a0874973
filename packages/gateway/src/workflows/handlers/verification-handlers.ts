/** Handlers of the partner messages of the verification area (see index.ts and workflows/verification/). */
import { handleVerificationRequest } from '../verification/receive-request.js';
import { handleVerificationResponse } from '../verification/receive-response.js';
import type { HandlerMap } from './handler.js';

export const verificationHandlers: HandlerMap = {
  'verification.request': handleVerificationRequest,
  'verification.response': handleVerificationResponse,
};
