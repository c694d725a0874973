/** Profile conformance of the header: agreement, document and form type, parties of the agreement. */
import { obj, str } from './read.js';
import type { Rule } from './rule.js';

export const profileHeaderRules: Rule = {
  name: 'agreement profile header',
  codes: ['profile.agreement-mismatch', 'profile.document-type', 'profile.form-type', 'profile.country-not-party'],
  check(ctx) {
    const profile = ctx.profile;
    if (!profile) return;
    const header = obj(ctx.document['header']);
    const agreement = str(header?.['agreementCode']);
    if (agreement !== undefined && agreement !== profile.agreement.code) ctx.report('profile.agreement-mismatch', '/header/agreementCode', { value: agreement, expected: profile.agreement.code, profile: profile.id });
    const type = str(header?.['typeCode']);
    if (type !== undefined && !(profile.documentTypes as readonly string[]).includes(type)) ctx.report('profile.document-type', '/header/typeCode', { value: type, allowed: profile.documentTypes.join(', '), profile: profile.id });
    const form = str(header?.['formType']);
    if (form !== undefined && profile.formTypes && !profile.formTypes.includes(form)) ctx.report('profile.form-type', '/header/formType', { value: form, allowed: profile.formTypes.join(', '), profile: profile.id });
    for (const field of ['issuingCountry', 'importingCountry'] as const) {
      const country = str(header?.[field]);
      if (country !== undefined && !profile.parties.includes(country)) ctx.report('profile.country-not-party', `/header/${field}`, { value: country, parties: profile.parties.join(', '), profile: profile.id });
    }
  },
};
