/**
 * Test support: a small valid certificate and declaration to edit in a test, and helpers that run one
 * rule (or the whole validator) and return the findings as `code at path` strings, so that a test
 * asserts the exact outcome rather than "some issue".
 */
import { currentDatasetVersion } from '../catalogue/catalogue.js';
import { catalogueAt } from '../catalogue/versions.js';
import { findProfile } from '../profiles/builtin.js';
import type { Profile } from '../profiles/profile-schema.js';
import type { EcoDocument } from '../types.generated.js';
import type { IssueCode } from '../validation/issue-codes.js';
import type { RawIssue } from '../validation/issue.js';
import type { Rule } from '../validation/rules/rule.js';
import { documentKind, validateDocument } from '../validation/validate.js';

/** A certificate valid without a profile and under atiga-form-d (Thailand to Viet Nam, issued 2026-03-02). */
export function certificate(edit?: (d: EcoDocument) => void): EcoDocument {
  const d: EcoDocument = {
    header: { number: 'TH-D-2026-0001', typeCode: '861', formType: 'D', agreementCode: 'ATIGA', issuingCountry: 'TH', importingCountry: 'VN', issueDate: '2026-03-02' },
    exporter: { name: 'Siam Rice Export Co., Ltd.', address: { city: 'Bangkok', country: 'TH' } },
    consignee: { name: 'Saigon Food Import JSC', address: { city: 'Ho Chi Minh City', country: 'VN' } },
    transport: { departureDate: '2026-03-02', modeCode: '1', meansName: 'MV MEKONG STAR', dischargePlace: { name: 'Ho Chi Minh City', code: 'VNSGN' } },
    goodsItems: [
      { itemNumber: 1, packages: { quantity: 100, typeCode: 'BG' }, description: 'Milled rice, 5% broken', hsCode: '100630', originCriterion: { code: 'WO' }, grossWeight: { value: 5020, unitCode: 'KGM' }, invoiceNumber: 'INV-1' },
      { itemNumber: 2, packages: { quantity: 20, typeCode: 'CT' }, description: 'Rice crackers', hsCode: '190590', originCriterion: { code: 'RVC', rvcPercentage: 45 }, grossWeight: { value: 240.5, unitCode: 'KGM' }, fobValue: { amount: 1800, currency: 'USD' }, invoiceNumber: 'INV-1' },
    ],
    invoices: [{ number: 'INV-1', date: '2026-02-25' }],
    exporterDeclaration: { place: 'Bangkok', date: '2026-02-27' },
    certification: { authorityId: 'TH-DFT-BKK', authorityName: 'Department of Foreign Trade', date: '2026-03-02' },
  };
  edit?.(d);
  return d;
}

/** A declaration of origin (862) valid without a profile and under rcep-declaration. */
export function declaration(edit?: (d: EcoDocument) => void): EcoDocument {
  const d: EcoDocument = {
    header: { number: 'AE-2026-0001', typeCode: '862', formType: 'RCEP', agreementCode: 'RCEP', issuingCountry: 'JP', importingCountry: 'AU', issueDate: '2026-05-25' },
    exporter: { name: 'Yokohama Tire Export Co., Ltd.', address: { country: 'JP' } },
    importer: { name: 'Southern Cross Tyres Pty Ltd', address: { country: 'AU' } },
    goodsItems: [{ itemNumber: 1, packages: { quantity: 10, typeCode: 'NE' }, description: 'New radial tyres for cars', hsCode: '401110', originCriterion: { code: 'CTC' }, originCountry: 'JP', invoiceNumber: 'YT-1' }],
    invoices: [{ number: 'YT-1', date: '2026-05-19' }],
    exporterDeclaration: { declarantRole: 'exporter', date: '2026-05-25', signatoryName: 'Kobayashi Kenji' },
    selfDeclaration: { exporterAuthorisationNumber: 'JPAE-000871', authorisationType: 'approved', uniqueReference: 'JPAE000871-2026-1' },
  };
  edit?.(d);
  return d;
}

/** A built-in profile by id; throws when it does not exist (a broken test, not a finding). */
export function profile(id: string): Profile {
  const p = findProfile(id);
  if (!p) throw new Error(`no built-in profile ${id}`);
  return p;
}

/** `code at path`, the form findings are compared in. */
export function finding(code: IssueCode, path: string): string {
  return `${code} at ${path}`;
}

function findings(issues: readonly Pick<RawIssue, 'code' | 'path'>[]): string[] {
  return issues.map((i) => finding(i.code, i.path));
}

export interface RunOptions {
  readonly profile?: Profile;
  /** The latest calendar date on Earth, as the validator computes it from `now` (default 2026-11-01). */
  readonly today?: string;
}

/** Runs one rule alone over a document and returns its findings in report order. */
export function runRule(rule: Rule, document: unknown, options: RunOptions = {}): string[] {
  const raw: RawIssue[] = [];
  rule.check({
    document: document as Readonly<Record<string, unknown>>,
    catalogue: catalogueAt(currentDatasetVersion),
    kind: documentKind(document),
    profile: options.profile,
    today: options.today ?? '2026-11-01',
    report: (code, path, params = {}) => void raw.push({ code, path, params }),
  });
  return findings(raw);
}

/** Validates a document (now pinned to 2026-11-01T00:00Z) and returns every finding, info `profile.none` left out. */
export function validate(document: unknown, options: { profile?: Profile; now?: Date } = {}): string[] {
  const result = validateDocument(document, { profile: options.profile, now: options.now ?? new Date('2026-11-01T00:00:00Z') });
  return findings(result.issues.filter((i) => i.code !== 'profile.none'));
}
