import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupDescriptions } from '../annex/clusters.js';
import { element } from '../catalogue/builders.js';
import { catalogue } from '../catalogue/catalogue.js';
import { codeListIds, groups, type Catalogue } from '../catalogue/entry.js';
import { codeList } from '../codelists/code-lists.js';
import { renderDatasetReference } from './dataset-reference.js';

const doc = renderDatasetReference(catalogue);

/** The table rows (lines starting with `| \``) of the section under a heading. */
function sectionOf(text: string, heading: string): string {
  const start = text.indexOf(`${heading}\n`);
  assert.ok(start >= 0, heading);
  const next = text.indexOf('\n#', start + heading.length);
  return text.slice(start, next < 0 ? undefined : next);
}

describe('renderDatasetReference', () => {
  it('has one table per group, with one row per entry of the group', () => {
    for (const g of groups) {
      const section = sectionOf(doc, `### ${groupDescriptions[g].title} (\`${g}\`)`);
      const rows = section.split('\n').filter((l) => l.startsWith('| `'));
      assert.equal(rows.length, catalogue.entries.filter((e) => e.group === g).length, g);
    }
  });

  it('gives each row its key, name, WCO DM ID, provenance, format, cardinality, code list and version', () => {
    assert.ok(doc.includes('| `goodsItems[].hsCode` | Commodity classification (HS code) | 145 | wco-dm-3.6 | `an..12` | 1..1 | `hs2022-subheading` | 1.0.0 |'));
    assert.ok(doc.includes('| `selfDeclaration` | Self-declaration of origin | - | unassigned | class | 0..1 | - | 1.1.0 |'));
  });

  it('gives the generic and the origin-specific definitions', () => {
    assert.match(doc, /- `goodsItems\[\]\.marksAndNumbers`: Free form description of the marks .*\*Origin-specific:\* Shipping marks of the packages/);
  });

  it('records the version history from the entries', () => {
    const v110 = sectionOf(doc, '### 1.1.0');
    assert.match(v110, /- Added `selfDeclaration\.uniqueReference` \(Unique reference number, 0\.\.1\)\./);
    assert.match(v110, /- Changed `header\.issuePlace`: format `an\.\.35` -> `an\.\.70`\./);
    assert.match(sectionOf(doc, '### 1.0.0'), /First version: 184 entries/);
  });

  it('lists every code list with its source and the elements bound to it', () => {
    const section = sectionOf(doc, '## Code lists');
    for (const id of codeListIds) assert.ok(section.includes(`| \`${id}\` | ${codeList(id).title} | ${codeList(id).source} |`), id);
    assert.match(section, /\| `unece-rec19` .*\| 10 \| `transport\.modeCode` \|/);
  });

  it('shows a removed element in the history and no longer in the tables, and a later change with its new value', () => {
    const entries = [
      ...catalogue.entries,
      element({ group: 'remarks', key: 'legacyNote', name: 'Legacy note', definition: 'Old.', type: 'text', format: 'an..35', cardinality: '0..1', removedIn: '1.1.0' }),
    ];
    const text = renderDatasetReference({ version: '1.1.0', entries } satisfies Catalogue);
    assert.match(sectionOf(text, '### 1.1.0'), /- Removed `legacyNote` \(Legacy note\)\./);
    assert.ok(!text.includes('| `legacyNote` |'));
    const older = renderDatasetReference({ version: '1.0.0', entries });
    assert.ok(older.includes('| `legacyNote` |'));
    assert.ok(!older.includes('### 1.1.0'));
  });
});
