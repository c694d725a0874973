/**
 * Generates the dataset reference (docs/reference/dataset.md) from the catalogue: what the dataset
 * is, its version history (from the entries' since, changes and removedIn), one table per group with
 * the definitions below it, and the code lists with their sources.
 */
import { groupDescriptions } from '../annex/clusters.js';
import { escapeMarkdown as esc } from '../annex/render-markdown.js';
import type { Catalogue, CatalogueEntry, EntryChange } from '../catalogue/entry.js';
import { codeListIds, groups, idProvenances } from '../catalogue/entry.js';
import { compareVersions } from '../catalogue/versions.js';
import { codeList } from '../codelists/code-lists.js';

const code = (s: string) => `\`${s}\``;
const atOrBefore = (v: string, version: string) => compareVersions(v, version) <= 0;

/** Entries in the dataset at the catalogue's version. */
function liveEntries(catalogue: Catalogue): CatalogueEntry[] {
  return catalogue.entries.filter((e) => atOrBefore(e.since, catalogue.version) && (e.removedIn === undefined || !atOrBefore(e.removedIn, catalogue.version)));
}

/** Every version the entries mention, up to the catalogue's, newest first. */
function versionsOf(catalogue: Catalogue): string[] {
  const all = new Set<string>([catalogue.version]);
  for (const e of catalogue.entries) {
    all.add(e.since);
    if (e.removedIn !== undefined) all.add(e.removedIn);
    for (const c of e.changes ?? []) all.add(c.version);
  }
  return [...all].filter((v) => atOrBefore(v, catalogue.version)).sort((a, b) => compareVersions(b, a));
}

/** The value of a changed field after a change: the next change's `from`, or the entry's value. */
function valueAfter(entry: CatalogueEntry, change: EntryChange): string {
  const later = (entry.changes ?? []).filter((c) => c.field === change.field && compareVersions(c.version, change.version) > 0).sort((a, b) => compareVersions(a.version, b.version));
  const value = later[0] ? later[0].from : (entry as unknown as Record<string, unknown>)[change.field];
  return typeof value === 'string' ? value : '(none)';
}

function history(catalogue: Catalogue): string[] {
  const out = ['## Version history', ''];
  const versions = versionsOf(catalogue);
  const first = versions[versions.length - 1];
  for (const v of versions) {
    out.push(`### ${v}`, '');
    const added = catalogue.entries.filter((e) => e.since === v);
    if (v === first) {
      out.push(`- First version: ${added.length} entries.`, '');
      continue;
    }
    const lines: string[] = [];
    for (const e of added) lines.push(`- Added ${code(e.key)} (${esc(e.name)}, ${e.cardinality}).`);
    for (const e of catalogue.entries) for (const c of e.changes ?? []) if (c.version === v) lines.push(`- Changed ${code(e.key)}: ${c.field} ${code(c.from ?? '(none)')} -> ${code(valueAfter(e, c))}.`);
    for (const e of catalogue.entries) if (e.removedIn === v) lines.push(`- Removed ${code(e.key)} (${esc(e.name)}).`);
    out.push(...(lines.length > 0 ? lines : ['- No change to the elements.']), '');
  }
  return out;
}

function groupSection(group: (typeof groups)[number], entries: readonly CatalogueEntry[]): string[] {
  const { title, description } = groupDescriptions[group];
  const rows = entries.map((e) => {
    const cells = [
      code(e.key),
      esc(e.name),
      e.wcoId ?? '-',
      e.idProvenance,
      e.kind === 'element' ? code(e.format) : 'class',
      e.cardinality,
      e.kind === 'element' && e.codeList ? code(e.codeList) : '-',
      e.since,
    ];
    return `| ${cells.join(' | ')} |`;
  });
  const definitions = entries.map((e) => `- ${code(e.key)}: ${esc(e.definition)}${e.originDefinition ? ` *Origin-specific:* ${esc(e.originDefinition)}` : ''}`);
  return [
    `### ${esc(title)} (${code(group)})`,
    '',
    esc(description),
    '',
    '| Key | Name | WCO DM ID | Provenance | Format | Cardinality | Code list | Since |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Definitions:',
    '',
    ...definitions,
    '',
  ];
}

function codeLists(entries: readonly CatalogueEntry[]): string[] {
  const rows = codeListIds.map((id) => {
    const list = codeList(id);
    const users = entries.filter((e) => e.kind === 'element' && e.codeList === id).map((e) => code(e.key));
    return `| ${code(id)} | ${esc(list.title)} | ${esc(list.source)} | ${list.codes.size} | ${users.join(', ') || '-'} |`;
  });
  return ['## Code lists', '', '| Id | Code list | Source | Codes | Used by |', '|---|---|---|---|---|', ...rows, ''];
}

/** The dataset reference as Markdown, for the catalogue's version. */
export function renderDatasetReference(catalogue: Catalogue): string {
  const entries = liveEntries(catalogue);
  const classes = entries.filter((e) => e.kind === 'class').length;
  const byProvenance = idProvenances.map((p) => `${entries.filter((e) => e.idProvenance === p).length} ${code(p)}`).join(', ');
  const intro = [
    '# e-CO dataset reference',
    '',
    '<!-- Generated from the catalogue (packages/dataset/src/catalogue/) by `npm run gen`; do not edit by hand. -->',
    '',
    `The e-CO maximum dataset, version ${catalogue.version}: every data element a certificate or declaration of origin can carry, on the WCO Data Model. Each agreement profile uses all or a subset of it (its technical annex lists which, with the cardinalities the agreement sets); elements outside the dataset are not exchanged, and new elements come through a change proposal, which adds a dataset version.`,
    '',
    `${entries.length} entries: ${classes} classes (aggregates) and ${entries.length - classes} data elements.`,
    '',
    '- **Key**: the stable name of the element: a dot path with `[]` after a repeated element (`goodsItems[].hsCode`). Keys are never reused.',
    '- **WCO DM ID** and **provenance**: `wco-dm-3.6` when the ID comes from the WCO Data Model 3.6, `co-mapping` when it comes from the published mapping of certificate-of-origin boxes to the WCO DM, `unassigned` when the element has no known WCO DM ID yet. Counts: ' + byProvenance + '.',
    '- **Format**: the WCO notation: `a` letters, `n` digits, `an` any text; `an..70` up to 70 characters, `a2` exactly 2, `n..16,6` up to 16 digits with up to 6 decimals. Dates are `YYYY-MM-DD`.',
    '- **Cardinality**: `min..max` relative to the parent element, `n` unbounded.',
    '- **Since**: the dataset version that introduced the element.',
    '',
  ];
  const tables = ['## Elements by group', '', ...groups.flatMap((g) => {
    const inGroup = entries.filter((e) => e.group === g);
    return inGroup.length > 0 ? groupSection(g, inGroup) : [];
  })];
  return [...intro, ...history(catalogue), ...tables, ...codeLists(entries)].join('\n');
}
