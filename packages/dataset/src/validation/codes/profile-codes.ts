/** Issue codes of profile-aware checks (the agreement profile the document is validated against). */
import type { IssueCodeSpec } from '../issue-code-spec.js';

export const profileCodes = {
  'profile.none': { severity: 'info', summary: 'No agreement profile applies to the document; agreement-specific checks were skipped.' },
  'profile.agreement-mismatch': { severity: 'error', summary: 'The document\'s agreement code is not the profile\'s.' },
  'profile.document-type': { severity: 'error', summary: 'The profile does not allow this document type (certificate or declaration of origin).' },
  'profile.form-type': { severity: 'error', summary: 'The profile does not allow this form type.' },
  'profile.country-not-party': { severity: 'error', summary: 'The issuing or importing country is not a party to the agreement.' },
  'profile.origin-criterion': { severity: 'error', summary: 'The origin criterion is not one the agreement uses.' },
  'profile.additional-criterion': { severity: 'error', summary: 'A second-line origin criterion the agreement does not use.' },
  'profile.hs-digits': { severity: 'error', summary: 'The HS code has a number of digits the agreement does not accept (RCEP: 6).' },
  'profile.dataset-version': { severity: 'error', summary: 'The profile names a dataset version this build does not know.' },
} as const satisfies Record<string, IssueCodeSpec>;
