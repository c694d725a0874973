/**
 * Dataset maintenance: the differences between two catalogue versions, element by element and
 * field by field, each classified as breaking or not for the agreement profiles in use (a breaking
 * change can make a proof that was valid under a profile invalid, or a profile itself invalid).
 * `renderDiffText` prints a diff for the command line.
 */
import { usedKeys } from '../profiles/used-elements.js';
import type { Profile } from '../profiles/profile-schema.js';
import type { Catalogue, CatalogueEntry } from './entry.js';
import { parseFormat } from './format.js';
import { parentKey, parseCardinality } from './tree.js';

/** The entry fields compared, in report order. */
export const diffFields = ['kind', 'type', 'format', 'cardinality', 'codeList', 'pattern', 'kinds', 'xmlName', 'wcoId', 'idProvenance', 'name', 'definition', 'originDefinition', 'group'] as const;
export type DiffField = (typeof diffFields)[number];

/** One field of an entry that differs between the two versions. */
export interface FieldChange {
  readonly field: DiffField;
  readonly from: string | undefined;
  readonly to: string | undefined;
  /** Why it can invalidate proofs that were valid (absent: it cannot). */
  readonly breakingReason?: string;
  /** "widened", "narrowed: max length 70 -> 35", ... where it helps the reader. */
  readonly note?: string;
}

export interface ElementDiff {
  readonly key: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** The entry as it is in the newer catalogue (added, changed) or was in the older one (removed). */
  readonly entry: CatalogueEntry;
  readonly fields: readonly FieldChange[];
  /** Why the change can break existing proofs or profiles. */
  readonly reasons: readonly string[];
  /** Ids of the profiles it breaks (profiles that use the element or name its key). */
  readonly affectedProfiles: readonly string[];
  /** Breaking for the profiles given; with no profile given, breaking for the maximum dataset. */
  readonly breaking: boolean;
}

/** A key a profile names (in elements.required or elements.notUsed) that the newer catalogue lacks. */
export interface ProfileKeyProblem {
  readonly profile: string;
  readonly key: string;
  readonly list: 'required' | 'notUsed';
}

export interface CatalogueDiff {
  readonly from: string;
  readonly to: string;
  readonly added: readonly ElementDiff[];
  readonly removed: readonly ElementDiff[];
  readonly changed: readonly ElementDiff[];
  readonly profileKeys: readonly ProfileKeyProblem[];
  /** The ids of the profiles checked. */
  readonly profiles: readonly string[];
  readonly breaking: boolean;
}

function fieldValue(entry: CatalogueEntry, field: DiffField): string | undefined {
  const value = (entry as unknown as Record<string, unknown>)[field];
  if (Array.isArray(value)) return value.join(',');
  // Every compared field is a string or a list of strings (see entry.ts).
  return typeof value === 'string' ? value : undefined;
}

/** Compares two WCO formats: widened, narrowed (breaking) or changed (breaking). */
function compareFormats(from: string, to: string): Pick<FieldChange, 'breakingReason' | 'note'> {
  let a, b;
  try {
    a = parseFormat(from);
    b = parseFormat(to);
  } catch {
    return { breakingReason: `format changed from ${from} to ${to}` };
  }
  const narrowing: string[] = [];
  if (a.charset !== b.charset && b.charset !== 'an') narrowing.push(a.charset === 'an' ? `characters restricted to ${b.charset === 'a' ? 'letters' : 'digits'}` : `characters changed from ${a.charset} to ${b.charset}`);
  const length = a.charset === 'n' ? 'digits' : 'max length';
  if (b.maxLength < a.maxLength) narrowing.push(`${length} ${a.maxLength} -> ${b.maxLength}`);
  if (b.minLength > a.minLength) narrowing.push(`min length ${a.minLength} -> ${b.minLength}`);
  if (b.fractionDigits < a.fractionDigits) narrowing.push(`decimals ${a.fractionDigits} -> ${b.fractionDigits}`);
  if (narrowing.length > 0) return { breakingReason: `format narrowed (${narrowing.join(', ')})`, note: `narrowed: ${narrowing.join(', ')}` };
  return { note: 'widened' };
}

function compareCardinalities(from: string, to: string): Pick<FieldChange, 'breakingReason' | 'note'> {
  const a = parseCardinality(from);
  const b = parseCardinality(to);
  if ((a.max > 1) !== (b.max > 1)) return { breakingReason: `cardinality ${from} -> ${to} changes the value between a single value and an array` };
  const reasons: string[] = [];
  if (b.min > a.min) reasons.push(`minimum raised ${a.min} -> ${b.min}`);
  if (b.max < a.max) reasons.push(`maximum lowered ${a.max} -> ${b.max}`);
  return reasons.length > 0 ? { breakingReason: `cardinality ${reasons.join(', ')}`, note: reasons.join(', ') } : { note: 'widened' };
}

function compareField(field: DiffField, from: string | undefined, to: string | undefined): FieldChange {
  const base = { field, from, to };
  const set = (v: string | undefined) => new Set(v === undefined ? ['certificate', 'declaration'] : v.split(','));
  switch (field) {
    case 'kind':
      return { ...base, breakingReason: `changed from ${String(from)} to ${String(to)}` };
    case 'type':
      return { ...base, breakingReason: `value type changed from ${String(from)} to ${String(to)}` };
    case 'format':
      return { ...base, ...(from !== undefined && to !== undefined ? compareFormats(from, to) : { breakingReason: 'format changed' }) };
    case 'cardinality':
      return { ...base, ...compareCardinalities(from ?? '0..1', to ?? '0..1') };
    case 'codeList':
      if (to === undefined) return { ...base, note: 'code list removed (widened)' };
      return { ...base, breakingReason: from === undefined ? `code list ${to} added` : `code list changed from ${from} to ${to}` };
    case 'pattern':
      if (to === undefined) return { ...base, note: 'pattern removed (widened)' };
      return { ...base, breakingReason: from === undefined ? 'pattern added' : 'pattern changed' };
    case 'kinds': {
      const lost = [...set(from)].filter((k) => !set(to).has(k));
      return lost.length > 0 ? { ...base, breakingReason: `no longer applies to ${lost.join(' and ')} documents` } : { ...base, note: 'widened' };
    }
    case 'xmlName':
      return { ...base, breakingReason: `XML element name changed from ${String(from)} to ${String(to)} (XML documents)` };
    default:
      return base;
  }
}

function sortedIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}

/** The profiles whose proofs a change of `key` reaches: those that use it in the older catalogue. */
function usersOf(key: string, usage: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  return [...usage].filter(([, keys]) => keys.has(key)).map(([id]) => id);
}

/**
 * Differences from catalogue `a` to catalogue `b`, judged against `profiles` (typically the built-in
 * ones): a breaking change is reported with the profiles it affects.
 */
export function diffCatalogues(a: Catalogue, b: Catalogue, profiles: readonly Profile[]): CatalogueDiff {
  const live = (c: Catalogue) => new Map(c.entries.filter((e) => e.removedIn === undefined).map((e) => [e.key, e]));
  const before = live(a);
  const after = live(b);
  const usage = new Map(profiles.map((p) => [p.id, usedKeys(p, a)]));
  const requiredBy = new Map(profiles.map((p) => [p.id, new Set(p.elements.required)]));
  const judge = (reasons: string[], affected: string[]) => reasons.length > 0 && (profiles.length === 0 || affected.length > 0);

  const profileKeys: ProfileKeyProblem[] = [];
  for (const p of profiles) {
    for (const list of ['required', 'notUsed'] as const) {
      for (const key of p.elements[list]) if (!after.has(key)) profileKeys.push({ profile: p.id, key, list });
    }
  }

  const removed: ElementDiff[] = [];
  for (const [key, entry] of before) {
    if (after.has(key)) continue;
    const naming = profileKeys.filter((k) => k.key === key);
    const affected = sortedIds([...usersOf(key, usage), ...naming.map((k) => k.profile)]);
    const namedIn = (list: ProfileKeyProblem['list']) => naming.filter((k) => k.list === list).map((k) => k.profile);
    const reasons = ['removed: proofs that contain it are rejected as unknown elements'];
    for (const list of ['required', 'notUsed'] as const) if (namedIn(list).length > 0) reasons.push(`named in elements.${list} by ${namedIn(list).join(', ')}`);
    removed.push({ key, change: 'removed', entry, fields: [], reasons, affectedProfiles: affected, breaking: judge(reasons, affected) });
  }

  const added: ElementDiff[] = [];
  for (const [key, entry] of after) {
    if (before.has(key)) continue;
    const parent = parentKey(key);
    const mandatory = parseCardinality(entry.cardinality).min > 0 && (parent === '' || before.has(parent));
    const affected = mandatory ? sortedIds(parent === '' ? profiles.map((p) => p.id) : usersOf(parent, usage)) : [];
    const reasons = mandatory ? [`new mandatory element (${entry.cardinality}) under an existing ${parent === '' ? 'document root' : `element ${parent}`}`] : [];
    added.push({ key, change: 'added', entry, fields: [], reasons, affectedProfiles: affected, breaking: judge(reasons, affected) });
  }

  const changed: ElementDiff[] = [];
  for (const [key, old] of before) {
    const entry = after.get(key);
    if (!entry) continue;
    const fields = diffFields.flatMap((f) => {
      const from = fieldValue(old, f);
      const to = fieldValue(entry, f);
      return from === to ? [] : [compareField(f, from, to)];
    });
    if (fields.length === 0) continue;
    const reasons = fields.flatMap((f) => (f.breakingReason === undefined ? [] : [f.breakingReason]));
    const users = usersOf(key, usage);
    const affected = new Set<string>();
    for (const f of fields) {
      if (f.breakingReason === undefined) continue;
      // A raised minimum alone does not reach a profile that already made the element mandatory.
      const minimumOnly = f.field === 'cardinality' && /^cardinality minimum raised [^,]*$/.test(f.breakingReason);
      for (const id of users) if (!(minimumOnly && requiredBy.get(id)?.has(key))) affected.add(id);
    }
    changed.push({ key, change: 'changed', entry, fields, reasons, affectedProfiles: sortedIds(affected), breaking: judge(reasons, [...affected]) });
  }

  const all = [...added, ...removed, ...changed];
  return { from: a.version, to: b.version, added, removed, changed, profileKeys, profiles: profiles.map((p) => p.id), breaking: all.some((d) => d.breaking) || profileKeys.length > 0 };
}

function describeEntry(e: CatalogueEntry): string {
  return e.kind === 'class' ? `class, ${e.cardinality}` : `${e.format}, ${e.cardinality}`;
}

function line(d: ElementDiff): string[] {
  const mark = d.breaking ? '!' : d.change === 'added' ? '+' : d.change === 'removed' ? '-' : '~';
  const head = d.change === 'changed' ? `  ${mark} ${d.key}` : `  ${mark} ${d.key} (${describeEntry(d.entry)})`;
  const fields = d.fields.map((f) => `      ${f.field}: ${f.from ?? '(none)'} -> ${f.to ?? '(none)'}${f.note ? ` (${f.note})` : ''}`);
  const why = d.breaking ? [`      BREAKING: ${d.reasons.join('; ')}${d.affectedProfiles.length > 0 ? `; affects ${d.affectedProfiles.join(', ')}` : ''}`] : [];
  return [head, ...fields, ...why];
}

/** A plain-text report of a diff, for the command line. */
export function renderDiffText(diff: CatalogueDiff): string {
  const breaking = [...diff.added, ...diff.removed, ...diff.changed].filter((d) => d.breaking).length;
  const scope = diff.profiles.length === 0 ? 'the maximum dataset' : `${diff.profiles.length} profile${diff.profiles.length === 1 ? '' : 's'} (${diff.profiles.join(', ')})`;
  const out = [
    `e-CO dataset ${diff.from} -> ${diff.to}: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed.`,
    breaking === 0 && diff.profileKeys.length === 0
      ? `No breaking change for ${scope}.`
      : `${breaking} breaking change${breaking === 1 ? '' : 's'}${diff.profileKeys.length > 0 ? ` and ${diff.profileKeys.length} profile key${diff.profileKeys.length === 1 ? '' : 's'} that no longer exist` : ''} for ${scope}.`,
  ];
  const part = (title: string, list: readonly ElementDiff[]) => (list.length > 0 ? ['', `${title}:`, ...list.flatMap(line)] : []);
  out.push(...part('Added', diff.added), ...part('Removed', diff.removed), ...part('Changed', diff.changed));
  if (diff.profileKeys.length > 0) {
    out.push('', 'Profiles naming keys that no longer exist:', ...diff.profileKeys.map((k) => `  ! ${k.profile}: ${k.key} (elements.${k.list})`));
  }
  return `${out.join('\n')}\n`;
}
