/**
 * Dataset versions: reconstructs the catalogue as it was at an earlier version from the entries'
 * `since`, `removedIn` and `changes`, so that history lives in one place (the entries themselves).
 */
import { catalogue, datasetVersions } from './catalogue.js';
import type { Catalogue, CatalogueEntry, DatasetVersion } from './entry.js';

/** Compares two `x.y.z` versions numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function isKnownVersion(v: string): v is DatasetVersion {
  return (datasetVersions as readonly string[]).includes(v);
}

/** The entry as it stood at `version`: changes made after it are undone. */
function entryAt(entry: CatalogueEntry, version: string): CatalogueEntry {
  const later = (entry.changes ?? []).filter((c) => compareVersions(c.version, version) > 0);
  if (later.length === 0) return entry;
  const copy: Record<string, unknown> = { ...entry };
  // Undo newest first so that several changes of one field restore the oldest value.
  for (const change of [...later].sort((a, b) => compareVersions(b.version, a.version))) {
    if (change.from === undefined) delete copy[change.field];
    else copy[change.field] = change.from;
  }
  copy['changes'] = (entry.changes ?? []).filter((c) => compareVersions(c.version, version) <= 0);
  return copy as unknown as CatalogueEntry;
}

const cache = new Map<string, Catalogue>();

/** The catalogue at a released version (throws on an unknown version: a programming error). */
export function catalogueAt(version: DatasetVersion): Catalogue {
  if (!isKnownVersion(version)) throw new RangeError(`unknown dataset version ${String(version)}`);
  let view = cache.get(version);
  if (!view) {
    view = {
      version,
      entries: catalogue.entries
        .filter((e) => compareVersions(e.since, version) <= 0 && (e.removedIn === undefined || compareVersions(e.removedIn, version) > 0))
        .map((e) => entryAt(e, version)),
    };
    cache.set(version, view);
  }
  return view;
}
