/**
 * The business rules in force under a profile, for the annex: every code the validation rules can
 * report (from the issue-code registry), kept when the profile uses what the check reads, with the
 * agreement's value where the check depends on one. A rule added to src/validation/rules/ appears
 * here by default; the conditions below only narrow it to the profiles it concerns.
 */
import type { CodeListId } from '../catalogue/entry.js';
import { codeList } from '../codelists/code-lists.js';
import type { Profile } from '../profiles/profile-schema.js';
import { issueCodes, type IssueCode } from '../validation/issue-codes.js';
import { rules } from '../validation/rules/index.js';
import { code, type Text } from './annex-model.js';
import { profileKinds } from '../profiles/used-elements.js';

interface Context {
  readonly profile: Profile;
  readonly uses: (...keys: string[]) => boolean;
}

const criteria = (p: Profile, pick: (c: Profile['originCriteria'][number]) => boolean) => p.originCriteria.filter(pick).map((c) => c.code);

/** When a code applies; absent: always. */
const appliesWhen: Partial<Record<IssueCode, (c: Context) => boolean>> = {
  'profile.form-type': (c) => c.profile.formTypes !== undefined,
  'profile.hs-digits': (c) => c.profile.hsDigits !== undefined,
  'rule.issued-after-departure': (c) => c.uses('transport.departureDate'),
  'rule.retroactive-before-departure': (c) => c.uses('transport.departureDate', 'specialCases.issuedRetroactively'),
  'rule.retroactive-too-late': (c) => c.uses('transport.departureDate', 'specialCases.issuedRetroactively'),
  'rule.validity-order': (c) => c.uses('header.validUntil'),
  'rule.validity-too-long': (c) => c.uses('header.validUntil'),
  'rule.rvc-missing': (c) => criteria(c.profile, (x) => x.percentage === 'required').length > 0,
  'rule.rvc-not-applicable': (c) => c.uses('goodsItems[].originCriterion.rvcPercentage') && criteria(c.profile, (x) => x.percentage === undefined).length > 0,
  'rule.rvc-range': (c) => c.uses('goodsItems[].originCriterion.rvcPercentage'),
  'rule.fob-missing': (c) => criteria(c.profile, (x) => x.fobRequired === true).length > 0,
  'rule.back-to-back-original-missing': (c) => c.uses('backToBack') && (c.uses('specialCases.backToBack') || c.uses('specialCases.movementCertificate')),
  'rule.back-to-back-not-marked': (c) => c.uses('backToBack'),
  'rule.replacement-number-missing': (c) => c.uses('replacement'),
  'rule.replacement-self': (c) => c.uses('replacement'),
  'rule.total-items': (c) => c.uses('totals.itemCount'),
  'rule.total-packages': (c) => c.uses('totals.packageCount'),
  'rule.total-gross-weight': (c) => c.uses('totals.grossWeight'),
  'rule.total-fob': (c) => c.uses('totals.fobValue', 'goodsItems[].fobValue'),
  'rule.total-mixed-units': (c) => c.uses('totals'),
  'rule.invoice-unresolved': (c) => c.uses('invoices', 'goodsItems[].invoiceNumber'),
  'rule.invoice-duplicate': (c) => c.uses('invoices'),
  'rule.producer-unresolved': (c) => c.uses('producers', 'goodsItems[].producerRef'),
  'rule.producer-duplicate': (c) => c.uses('producers'),
  'rule.currency-missing': (c) => c.uses('goodsItems[].fobValue') || c.uses('totals.fobValue'),
  'rule.amount-missing': (c) => c.uses('goodsItems[].fobValue') || c.uses('totals.fobValue'),
  'rule.exhibition-details-missing': (c) => c.uses('specialCases.exhibition'),
  'rule.third-party-operator-missing': (c) => c.uses('specialCases.thirdPartyInvoicing'),
  'rule.certification-missing': (c) => profileKinds(c.profile).includes('certificate'),
  'rule.declaration-authorisation-missing': (c) => profileKinds(c.profile).includes('declaration'),
  'rule.attachment-content-missing': (c) => c.uses('attachments'),
  'rule.attachment-digest-missing': (c) => c.uses('attachments'),
  'rule.attachment-digest-mismatch': (c) => c.uses('attachments'),
};

const joined = (xs: readonly (string | number)[]) => (xs.length > 0 ? xs.join(', ') : 'none');

/** The agreement's value a check depends on, where it depends on one. */
const agreementValue: Partial<Record<IssueCode, (p: Profile) => string>> = {
  'profile.agreement-mismatch': (p) => `header.agreementCode = ${p.agreement.code}`,
  'profile.document-type': (p) => joined(p.documentTypes.map((t) => `${t} ${codeList('document-type').codes.get(t) ?? ''}`.trim())),
  'profile.form-type': (p) => joined(p.formTypes ?? []),
  'profile.country-not-party': (p) => joined(p.parties),
  'profile.origin-criterion': (p) => joined(p.originCriteria.map((c) => c.code)),
  'profile.additional-criterion': (p) => joined(p.additionalCriteria ?? []),
  'profile.hs-digits': (p) => `${joined(p.hsDigits ?? [])} digits`,
  'rule.issued-after-departure': (p) => `${p.retroactive.graceDays} days' grace after departure`,
  'rule.retroactive-too-late': (p) => `at most ${p.retroactive.maxMonths} months after departure`,
  'rule.validity-too-long': (p) => (p.validity.days === undefined ? `${p.validity.months} months from the issue date` : `${p.validity.days} days from the issue date`),
  'rule.rvc-missing': (p) => joined(criteria(p, (c) => c.percentage === 'required')),
  'rule.rvc-not-applicable': (p) => joined(criteria(p, (c) => c.percentage === undefined)),
  'rule.fob-missing': (p) => joined(criteria(p, (c) => c.fobRequired === true)),
};

/** Rows `code, severity, rule, check, agreement value` of every rule code in force under the profile. */
export function businessRuleRows(profile: Profile, used: ReadonlySet<string>): Text[][] {
  const context: Context = { profile, uses: (...keys) => keys.every((k) => used.has(k)) };
  const rows: Text[][] = [];
  for (const rule of rules) {
    for (const c of rule.codes) {
      if (appliesWhen[c] && !appliesWhen[c](context)) continue;
      rows.push([code(c), issueCodes[c].severity, rule.name, issueCodes[c].summary, agreementValue[c]?.(profile) ?? '']);
    }
  }
  return rows;
}

/** Rows `code, severity, check` of the structural checks (they apply to every profile). */
export function structureRows(): Text[][] {
  return Object.entries(issueCodes)
    .filter(([c]) => c.startsWith('structure.'))
    .map(([c, spec]) => [code(c), spec.severity, spec.summary]);
}

/** The issue codes each code list reports (exhaustive over the code lists). */
const codeListIssues: Record<CodeListId, readonly IssueCode[]> = {
  'iso3166-alpha2': ['codelist.country'],
  iso4217: ['codelist.currency', 'codelist.currency-withdrawn'],
  'unece-rec20': ['codelist.unit'],
  'unece-rec21': ['codelist.package-type'],
  'unece-rec19': ['codelist.transport-mode'],
  'unece-rec28': ['codelist.transport-means'],
  'hs2022-subheading': ['codelist.hs-subheading', 'codelist.hs-unchecked'],
  'hs-version': ['codelist.hs-version'],
  'document-type': ['codelist.document-type'],
  'replacement-reason': ['codelist.replacement-reason'],
  'exporter-authorisation-type': ['codelist.authorisation-type'],
};

/** Rows `code list, source, issue codes` for the code lists bound to elements the profile uses. */
export function codeListRows(listIds: readonly CodeListId[]): Text[][] {
  return listIds.map((id) => {
    const list = codeList(id);
    return [`${list.title} (${id})`, list.source, codeListIssues[id].flatMap((c, i) => (i === 0 ? [code(c)] : [', ', code(c)]))];
  });
}
