/** Receipt issue codes (business refusals of verified partner messages) for: Claims at clearance, utilisation notices, transition. Merged into exchange-codes.ts. */

export const claimsExchangeCodes = {
  'exchange.utilisation-unknown-certificate': 'The utilisation notice names a certificate this gateway did not issue',
  'exchange.utilisation-not-addressed': 'The utilisation notice is about a certificate not addressed to the sender\'s country',
  'exchange.utilisation-unknown-item': 'The utilisation notice names an item number the certificate does not have',
} as const satisfies Record<string, string>;
