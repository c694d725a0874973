/** English messages of the profile issue codes (see ../codes/profile-codes.ts). */
import type { profileCodes } from '../codes/profile-codes.js';
import { p, q, type Render } from './render.js';

export const profileMessages: Record<keyof typeof profileCodes, Render> = {
  'profile.none': (x) => `No agreement profile for agreement ${q(x['agreement'])}; agreement-specific checks were skipped.`,
  'profile.agreement-mismatch': (x) => `Agreement ${q(x['value'])} does not match profile ${p(x, 'profile')} (${p(x, 'expected')}).`,
  'profile.document-type': (x) => `Document type ${q(x['value'])} is not allowed by profile ${p(x, 'profile')} (allowed: ${p(x, 'allowed')}).`,
  'profile.form-type': (x) => `Form ${q(x['value'])} is not allowed by profile ${p(x, 'profile')} (allowed: ${p(x, 'allowed')}).`,
  'profile.country-not-party': (x) => `${q(x['value'])} is not a party to the agreement of profile ${p(x, 'profile')} (${p(x, 'parties')}).`,
  'profile.origin-criterion': (x) => `Origin criterion ${q(x['value'])} is not used by profile ${p(x, 'profile')} (allowed: ${p(x, 'allowed')}).`,
  'profile.additional-criterion': (x) => `Second-line criterion ${q(x['value'])} is not used by profile ${p(x, 'profile')} (allowed: ${p(x, 'allowed')}).`,
  'profile.hs-digits': (x) => `HS code ${q(x['value'])} has ${p(x, 'digits')} digits; the agreement accepts ${p(x, 'allowed')}.`,
  'profile.dataset-version': (x) => `Profile ${p(x, 'profile')} names dataset version ${q(x['version'])}, which this build does not know.`,
};
