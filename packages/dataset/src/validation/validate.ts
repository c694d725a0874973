/**
 * Validates an e-CO document: structure (from the catalogue, adjusted by the profile's element usage
 * and the document kind), code lists, and business rules. Bad input is data, never an exception.
 */
import { currentDatasetVersion } from '../catalogue/catalogue.js';
import type { Catalogue, DocumentKind } from '../catalogue/entry.js';
import { catalogueAt, isKnownVersion } from '../catalogue/versions.js';
import { declarationTypeCodes } from '../codelists/small-lists.js';
import type { Profile } from '../profiles/profile-schema.js';
import { profileUsage } from '../profiles/profile-usage.js';
import type { EcoDocument } from '../types.generated.js';
import { noUsageConstraints } from './element-usage.js';
import { issueCodes } from './issue-codes.js';
import type { Issue, RawIssue, Result } from './issue.js';
import { messageEn } from './messages-en.js';
import { rules } from './rules/index.js';
import { compileStructure, type StructureValidator } from './structure-validator.js';

export interface ValidateOptions {
  /** Agreement profile; absent: no agreement-specific checks. */
  readonly profile?: Profile | undefined;
  /** The current instant (tests pin it); default: now. */
  readonly now?: Date;
}

/** The document kind from its type code (862 is a declaration of origin). */
export function documentKind(document: unknown): DocumentKind {
  const header = typeof document === 'object' && document !== null ? (document as { header?: { typeCode?: unknown } }).header : undefined;
  return typeof header?.typeCode === 'string' && declarationTypeCodes.has(header.typeCode) ? 'declaration' : 'certificate';
}

/**
 * Compiled validators, per profile (a WeakMap, so profiles parsed per request do not accumulate)
 * and per catalogue version and document kind.
 */
const perProfile = new WeakMap<Profile, Map<string, StructureValidator>>();
const withoutProfile = new Map<string, StructureValidator>();

function structureValidator(catalogue: Catalogue, profile: Profile | undefined, kind: DocumentKind): StructureValidator {
  let cache = profile ? perProfile.get(profile) : withoutProfile;
  if (!cache) perProfile.set(profile!, (cache = new Map<string, StructureValidator>()));
  const key = `${catalogue.version}|${kind}`;
  let validator = cache.get(key);
  if (!validator) {
    validator = compileStructure(catalogue, { usage: profile ? profileUsage(profile) : noUsageConstraints, kind, ...(profile ? { profileId: profile.id } : {}) });
    cache.set(key, validator);
  }
  return validator;
}

/** Attaches severity and message to raw issues. */
export function finishIssues(raw: readonly RawIssue[]): Issue[] {
  return raw.map((r) => ({ ...r, severity: issueCodes[r.code].severity, message: messageEn(r) }));
}

/** True when no issue is an error (warnings and information do not fail). */
export function hasNoErrors(issues: readonly Issue[]): boolean {
  return issues.every((i) => i.severity !== 'error');
}

/** The latest calendar date on Earth at `now` (UTC+14): a date not after it is not in the future anywhere. */
function latestToday(now: Date): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** Validates a parsed JSON document; returns it typed when there is no error. */
export function validateDocument(document: unknown, options: ValidateOptions = {}): Result<EcoDocument> {
  const profile = options.profile;
  const raw: RawIssue[] = [];
  if (profile && !isKnownVersion(profile.datasetVersion)) {
    raw.push({ code: 'profile.dataset-version', path: '', params: { profile: profile.id, version: profile.datasetVersion } });
    return { ok: false, issues: finishIssues(raw) };
  }
  const catalogue = catalogueAt(profile ? (profile.datasetVersion as typeof currentDatasetVersion) : currentDatasetVersion);
  const kind = documentKind(document);
  structureValidator(catalogue, profile, kind)(document, raw);
  if (typeof document === 'object' && document !== null && !Array.isArray(document)) {
    const ctx = {
      document: document as Readonly<Record<string, unknown>>,
      catalogue,
      kind,
      profile,
      today: latestToday(options.now ?? new Date()),
      report: (code: RawIssue['code'], path: string, params: RawIssue['params'] = {}) => void raw.push({ code, path, params }),
    };
    for (const rule of rules) rule.check(ctx);
  }
  if (!profile) {
    const agreement = (document as { header?: { agreementCode?: unknown } } | null)?.header?.agreementCode;
    raw.push({ code: 'profile.none', path: '/header/agreementCode', params: { agreement: typeof agreement === 'string' ? agreement : '' } });
  }
  const issues = finishIssues(raw);
  return hasNoErrors(issues) ? { ok: true, value: document as EcoDocument, issues } : { ok: false, issues };
}
