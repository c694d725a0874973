/**
 * Reads an agreement profile from YAML or JSON text and validates it against ProfileSchema and the
 * catalogue (every element key it names must exist in its dataset version). Pure: the caller reads
 * the file.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { catalogueAt, isKnownVersion } from '../catalogue/versions.js';
import { ProfileSchema, type Profile } from './profile-schema.js';

/** A problem with a profile file (profiles are configuration: their errors are not dataset issues). */
export interface ProfileProblem {
  /** JSON pointer into the profile. */
  readonly path: string;
  readonly message: string;
}

export type ProfileResult = { readonly ok: true; readonly profile: Profile } | { readonly ok: false; readonly problems: readonly ProfileProblem[] };

let validator: ReturnType<Ajv['compile']> | undefined;
function schemaValidator(): NonNullable<typeof validator> {
  return (validator ??= new Ajv({ allErrors: true, strict: true }).compile(ProfileSchema));
}

function ajvProblem(e: ErrorObject): ProfileProblem {
  const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : '';
  return { path: e.instancePath, message: `${e.message ?? 'invalid'}${extra}` };
}

/** The fewest days any run of `months` calendar months has (a month check from any start date covers at least this). */
function shortestMonthsInDays(months: number): number {
  let shortest = Infinity;
  // A common (non-leap) year gives the shortest runs; every start month is tried.
  for (let start = 0; start < 12; start++) shortest = Math.min(shortest, (Date.UTC(2023, start + months, 1) - Date.UTC(2023, start, 1)) / 86_400_000);
  return shortest;
}

/** A validity in days needs the matching month count, so that validators that only read months are never stricter. */
function validityProblems(validity: Profile['validity']): ProfileProblem[] {
  const { months, days } = validity;
  if (days === undefined) return [];
  const covers = shortestMonthsInDays(months) >= days;
  const shortest = months === 1 || shortestMonthsInDays(months - 1) < days;
  return covers && shortest ? [] : [{ path: '/validity/months', message: `${months} months does not match ${days} days (give the shortest whole number of months that always covers the days)` }];
}

/** Validates an already-parsed profile object. */
export function checkProfile(value: unknown): ProfileResult {
  const validate = schemaValidator();
  if (!validate(value)) return { ok: false, problems: (validate.errors ?? []).map(ajvProblem) };
  const profile = value as Profile;
  if (!isKnownVersion(profile.datasetVersion)) return { ok: false, problems: [{ path: '/datasetVersion', message: `unknown dataset version ${profile.datasetVersion}` }] };
  const keys = new Set(catalogueAt(profile.datasetVersion).entries.map((e) => e.key));
  const problems: ProfileProblem[] = [];
  for (const list of ['required', 'notUsed'] as const) {
    profile.elements[list].forEach((key, i) => {
      if (!keys.has(key)) problems.push({ path: `/elements/${list}/${i}`, message: `${key} is not an element of dataset ${profile.datasetVersion}` });
    });
  }
  problems.push(...validityProblems(profile.validity));
  for (const key of profile.elements.required) {
    if (profile.elements.notUsed.includes(key)) problems.push({ path: '/elements', message: `${key} is both required and not used` });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, profile };
}

/** Parses YAML (a superset of JSON) and validates the profile. */
export function parseProfile(text: string): ProfileResult {
  let value: unknown;
  try {
    value = parseYaml(text, { prettyErrors: true, maxAliasCount: 50 });
  } catch (err) {
    return { ok: false, problems: [{ path: '', message: `not valid YAML or JSON: ${(err as Error).message}` }] };
  }
  return checkProfile(value);
}
