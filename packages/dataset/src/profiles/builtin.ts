/**
 * The agreement profiles shipped with the package (generated from profiles/*.yaml), and the
 * choice of the profile that applies to a document from its agreement, document type and form.
 */
import { builtinProfileData } from './builtin-profiles.generated.js';
import type { Profile } from './profile-schema.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Every built-in profile, frozen (profiles are shared configuration), in file-name order. */
export const builtinProfiles: readonly Profile[] = deepFreeze(builtinProfileData);

/** The profile with that id, among `profiles` (default: the built-in ones). */
export function findProfile(id: string, profiles: readonly Profile[] = builtinProfiles): Profile | undefined {
  return profiles.find((p) => p.id === id);
}

function headerField(document: unknown, field: string): string | undefined {
  if (typeof document !== 'object' || document === null) return undefined;
  const header = (document as { header?: unknown }).header;
  if (typeof header !== 'object' || header === null) return undefined;
  const value = (header as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The profile that applies to a document: same `header.agreementCode`, a `header.typeCode` the
 * profile allows and a `header.formType` it allows (a profile without form types allows any).
 * A profile naming the form explicitly wins over one that allows any form; without a type code, a
 * certificate profile wins (as documentKind reads a missing type code). Undefined when none fits.
 */
export function selectProfile(document: unknown, profiles: readonly Profile[] = builtinProfiles): Profile | undefined {
  const agreement = headerField(document, 'agreementCode');
  if (agreement === undefined) return undefined;
  const typeCode = headerField(document, 'typeCode');
  const formType = headerField(document, 'formType');
  let best: Profile | undefined;
  let bestScore = -1;
  for (const profile of profiles) {
    if (profile.agreement.code !== agreement) continue;
    const types: readonly string[] = profile.documentTypes;
    if (typeCode !== undefined && !types.includes(typeCode)) continue;
    if (formType !== undefined && profile.formTypes && !profile.formTypes.includes(formType)) continue;
    const score = (formType !== undefined && profile.formTypes ? 2 : 0) + (typeCode === undefined && !types.includes('862') ? 1 : 0);
    if (score > bestScore) {
      best = profile;
      bestScore = score;
    }
  }
  return best;
}
