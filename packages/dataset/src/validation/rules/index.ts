/** Every business rule, in the order their findings are reported. */
import { currencyRules, totalsRules } from './amount-rules.js';
import { issueDateRules, validityRules } from './date-rules.js';
import { attachmentRules, documentKindRules, partyRules, replacementRules, specialCaseRules } from './document-rules.js';
import { originCriterionRules } from './origin-criterion-rules.js';
import { profileHeaderRules } from './profile-rules.js';
import { itemNumberRules, referenceRules } from './reference-rules.js';
import type { Rule } from './rule.js';

export const rules: readonly Rule[] = [
  profileHeaderRules,
  issueDateRules,
  validityRules,
  partyRules,
  documentKindRules,
  itemNumberRules,
  originCriterionRules,
  referenceRules,
  currencyRules,
  totalsRules,
  specialCaseRules,
  replacementRules,
  attachmentRules,
];
