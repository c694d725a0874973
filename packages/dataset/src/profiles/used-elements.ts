/**
 * Which catalogue entries an agreement profile uses, and with what cardinality: the entries that
 * apply to the profile's document kinds and are not marked (or inside a class marked) not used,
 * with the minimum raised to 1 where the agreement makes an element mandatory.
 */
import type { Catalogue, CatalogueEntry, DocumentKind } from '../catalogue/entry.js';
import { parentKey, parseCardinality } from '../catalogue/tree.js';
import { declarationTypeCodes } from '../codelists/small-lists.js';
import type { Profile } from './profile-schema.js';

/** How an entry is used: required by the dataset, required by the agreement, or optional. */
export type Usage = 'required' | 'required by the agreement' | 'optional';

export interface UsedEntry {
  readonly entry: CatalogueEntry;
  /** Cardinality as the profile uses it, relative to the parent (`1..1`, `0..n`). */
  readonly cardinality: string;
  readonly usage: Usage;
}

/** The document kinds a profile's document types stand for. */
export function profileKinds(profile: Profile): readonly DocumentKind[] {
  const kinds = new Set<DocumentKind>(profile.documentTypes.map((t) => (declarationTypeCodes.has(t) ? 'declaration' : 'certificate')));
  return [...kinds];
}

/** The key and every ancestor key (`goodsItems[].fobValue.amount`, `goodsItems[].fobValue`, `goodsItems`). */
function selfAndAncestors(key: string): string[] {
  const keys = [key];
  for (let k = parentKey(key); k !== ''; k = parentKey(k)) keys.push(k);
  return keys;
}

/** Why the profile does not use an entry, or undefined when it does. */
export function exclusion(profile: Profile, entry: CatalogueEntry): 'not used by the agreement' | 'not for this document kind' | undefined {
  const kinds = profileKinds(profile);
  if (entry.kinds && !entry.kinds.some((k) => kinds.includes(k))) return 'not for this document kind';
  const notUsed = new Set(profile.elements.notUsed.map((k) => k.replace(/\[\]$/, '')));
  return selfAndAncestors(entry.key).some((k) => notUsed.has(k)) ? 'not used by the agreement' : undefined;
}

/** The entries the profile uses, in catalogue (document) order. */
export function usedEntries(profile: Profile, catalogue: Catalogue): UsedEntry[] {
  const required = new Set(profile.elements.required);
  const out: UsedEntry[] = [];
  for (const entry of catalogue.entries) {
    if (entry.removedIn !== undefined || exclusion(profile, entry) !== undefined) continue;
    const { min, max } = parseCardinality(entry.cardinality);
    const byAgreement = required.has(entry.key) && min === 0;
    const effectiveMin = byAgreement ? 1 : min;
    out.push({
      entry,
      cardinality: `${effectiveMin}..${max === Infinity ? 'n' : max}`,
      usage: byAgreement ? 'required by the agreement' : effectiveMin > 0 ? 'required' : 'optional',
    });
  }
  return out;
}

/** The set of keys the profile uses (for quick membership tests). */
export function usedKeys(profile: Profile, catalogue: Catalogue): ReadonlySet<string> {
  return new Set(usedEntries(profile, catalogue).map((u) => u.entry.key));
}
