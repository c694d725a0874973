/** Receipt issue codes (business refusals of verified partner messages) for: Replacement, amendment, cancellation and the timeline. Merged into exchange-codes.ts. */

export const lifecycleExchangeCodes = {
  'exchange.replaced-unknown': 'The replaced certificate was never received here; the replacement is stored without a link to it (warning)',
  'exchange.replacement-mismatch': 'The replacement document\'s replacement.replacedNumber is not the certificate the message says it replaces',
  'exchange.cancelled-unknown': 'No certificate with this number from this issuer was received here; there is nothing to cancel',
  'exchange.already-cancelled': 'The certificate was already cancelled: it cannot be replaced, amended or cancelled again',
  'exchange.already-replaced': 'The certificate was already replaced by another one: amend, replace or cancel the replacement instead',
  'exchange.amendment-not-allowed': 'This gateway\'s agreement profile allows no amendments (lifecycle.amendment: replacement-only); send a replacement (co.replaced)',
} as const satisfies Record<string, string>;
