/**
 * Issue codes the gateway itself puts in receipts when a verified partner message is refused for a
 * business reason (besides the dataset's validation codes and the protocol's codes). One map, with
 * English messages, documented in docs/reference/errors.md.
 */

import { claimsExchangeCodes } from './areas/claims-exchange-codes.js';
import { lifecycleExchangeCodes } from './areas/lifecycle-exchange-codes.js';
import { verificationExchangeCodes } from './areas/verification-exchange-codes.js';

export const exchangeCodes = {
  'exchange.no-profile': 'No agreement profile on this gateway for the document\'s agreement and type',
  'exchange.issuer-mismatch': 'The document\'s issuing country is not the sender\'s country',
  'exchange.not-for-receiver': 'The document\'s importing country is not this gateway\'s country',
  'exchange.agreement-mismatch': 'The envelope\'s agreement differs from the document\'s agreement code',
  'exchange.certificate-exists': 'A different document with this number from this issuer was already received; send a replacement (co.replaced)',
  ...claimsExchangeCodes,
  ...lifecycleExchangeCodes,
  ...verificationExchangeCodes,
} as const;

export type ExchangeCode = keyof typeof exchangeCodes;
