import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinProfiles, findProfile } from '../profiles/builtin.js';
import type { Profile } from '../profiles/profile-schema.js';
import { aggregate, element } from './builders.js';
import { diffCatalogues, renderDiffText, type CatalogueDiff } from './diff.js';
import type { Catalogue, CatalogueEntry, ElementEntry } from './entry.js';
import { catalogueAt } from './versions.js';

describe('diffCatalogues 1.0.0 -> 1.1.0 (the real history)', () => {
  const diff = diffCatalogues(catalogueAt('1.0.0'), catalogueAt('1.1.0'), builtinProfiles);

  it('adds the self-declaration elements', () => {
    assert.deepEqual(diff.added.map((d) => d.key), ['selfDeclaration', 'selfDeclaration.exporterAuthorisationNumber', 'selfDeclaration.authorisationType', 'selfDeclaration.uniqueReference', 'selfDeclaration.statement']);
    assert.deepEqual(diff.removed, []);
  });
  it('widens formats and breaks nothing', () => {
    const changes = new Map(diff.changed.map((d) => [d.key, d.fields.map((f) => `${f.field} ${f.from} -> ${f.to} ${f.note}`)]));
    assert.deepEqual(changes.get('header.issuePlace'), ['format an..35 -> an..70 widened']);
    assert.deepEqual(changes.get('goodsItems[].description'), ['format an..350 -> an..512 widened']);
    assert.deepEqual(changes.get('goodsItems[].originCriterion.code'), ['format an..10 -> an..20 widened']);
    // Party names and cities were widened for ALADI COD (names up to 256, cities up to 50 characters).
    assert.deepEqual(changes.get('exporter.name'), ['format an..70 -> an..256 widened']);
    assert.deepEqual(changes.get('consignee.address.city'), ['format an..35 -> an..50 widened']);
    assert.deepEqual(changes.get('remarks'), ['format an..1024 -> an..2048 widened']);
    assert.ok([...changes.values()].every((fields) => fields.every((f) => f.startsWith('format ') && f.endsWith(' widened'))));
    assert.equal(diff.breaking, false);
    assert.ok([...diff.added, ...diff.changed].every((d) => !d.breaking && d.reasons.length === 0));
  });
  it('prints a readable report', () => {
    const text = renderDiffText(diff);
    assert.match(text, new RegExp(`^e-CO dataset 1\\.0\\.0 -> 1\\.1\\.0: 5 added, 0 removed, ${diff.changed.length} changed\\.\\nNo breaking change for 7 profiles`));
    assert.match(text, /\n {2}\+ selfDeclaration\.uniqueReference \(an\.\.70, 0\.\.1\)\n/);
    assert.match(text, /\n {6}format: an\.\.35 -> an\.\.70 \(widened\)\n/);
  });
  it('finds the reverse direction breaking (narrowed formats, removed elements a profile uses)', () => {
    const back = diffCatalogues(catalogueAt('1.1.0'), catalogueAt('1.0.0'), builtinProfiles);
    assert.equal(back.breaking, true);
    assert.ok(back.changed.every((d) => d.breaking));
    assert.deepEqual(back.removed.find((d) => d.key === 'selfDeclaration.statement')?.affectedProfiles, ['rcep-declaration']);
    assert.match(renderDiffText(back), /BREAKING: format narrowed \(max length 70 -> 35\)/);
  });
});

// Synthetic catalogues: one base, and one change per case.
const base: CatalogueEntry[] = [
  aggregate({ group: 'header', key: 'header', name: 'Header', definition: 'd', cardinality: '1..1' }),
  element({ group: 'header', key: 'header.number', name: 'Number', definition: 'd', type: 'text', format: 'an..70', cardinality: '1..1' }),
  element({ group: 'header', key: 'header.note', name: 'Note', definition: 'd', type: 'text', format: 'an..70', cardinality: '0..1' }),
  element({ group: 'header', key: 'header.country', name: 'Country', definition: 'd', type: 'code', format: 'a2', cardinality: '0..1' }),
  element({ group: 'header', key: 'header.weight', name: 'Weight', definition: 'd', type: 'decimal', format: 'n..16,6', cardinality: '0..1' }),
  aggregate({ group: 'remarks', key: 'extra', name: 'Extra', definition: 'd', cardinality: '0..1' }),
  element({ group: 'remarks', key: 'extra.text', name: 'Extra text', definition: 'd', type: 'text', format: 'an..35', cardinality: '0..1' }),
];
const cat = (entries: CatalogueEntry[], version: '1.0.0' | '1.1.0' = '1.0.0'): Catalogue => ({ version, entries });
const withEntry = (key: string, patch: Partial<ElementEntry>): CatalogueEntry[] => base.map((e) => (e.key === key ? ({ ...e, ...patch } as CatalogueEntry) : e));
const atiga = findProfile('atiga-form-d')!;
const profile = (id: string, required: string[], notUsed: string[]): Profile => ({ ...atiga, id, elements: { required, notUsed } });
const user = profile('user', [], []);
const ignoresExtra = profile('no-extra', [], ['extra']);
const requiresNote = profile('requires-note', ['header.note'], []);
const profiles = [user, ignoresExtra, requiresNote];

function only(diff: CatalogueDiff) {
  const all = [...diff.added, ...diff.removed, ...diff.changed];
  assert.equal(all.length, 1, JSON.stringify(all.map((d) => d.key)));
  return all[0]!;
}
const change = (key: string, patch: Partial<ElementEntry>) => only(diffCatalogues(cat(base), cat(withEntry(key, patch), '1.1.0'), profiles));

describe('diffCatalogues: breaking cases', () => {
  it('a removed element a profile uses breaks that profile only', () => {
    const d = only(diffCatalogues(cat(base), cat(base.filter((e) => e.key !== 'extra.text'), '1.1.0'), profiles));
    assert.equal(d.change, 'removed');
    assert.deepEqual([d.breaking, d.affectedProfiles], [true, ['requires-note', 'user']]);
  });
  it('a removed element no profile uses is not breaking for them', () => {
    const d = only(diffCatalogues(cat(base), cat(base.filter((e) => e.key !== 'extra.text'), '1.1.0'), [ignoresExtra]));
    assert.deepEqual([d.breaking, d.affectedProfiles], [false, []]);
  });
  it('a removed key a profile names is reported, and breaks the profile that names it', () => {
    const diff = diffCatalogues(cat(base), cat(base.filter((e) => !e.key.startsWith('extra')), '1.1.0'), [ignoresExtra]);
    assert.deepEqual(diff.profileKeys, [{ profile: 'no-extra', key: 'extra', list: 'notUsed' }]);
    const d = diff.removed.find((r) => r.key === 'extra')!;
    assert.deepEqual([d.breaking, d.affectedProfiles], [true, ['no-extra']]);
    assert.match(d.reasons.join(), /named in elements\.notUsed by no-extra/);
    assert.equal(diff.breaking, true);
    assert.match(renderDiffText(diff), /Profiles naming keys that no longer exist:\n {2}! no-extra: extra \(elements\.notUsed\)/);
  });
  it('a raised minimum breaks the profiles that left the element optional', () => {
    const d = change('header.note', { cardinality: '1..1' });
    assert.equal(d.breaking, true);
    assert.deepEqual(d.affectedProfiles, ['no-extra', 'user']);
    assert.match(d.reasons[0]!, /minimum raised 0 -> 1/);
  });
  it('a lowered minimum or raised maximum within the same shape is not breaking', () => {
    assert.equal(change('header.number', { cardinality: '0..1' }).breaking, false);
  });
  it('a change between single value and array is breaking', () => {
    assert.match(change('header.note', { cardinality: '0..n' }).reasons[0]!, /single value and an array/);
  });
  it('a shorter maximum length is breaking', () => {
    const d = change('header.note', { format: 'an..35' });
    assert.deepEqual([d.breaking, d.fields[0]!.note], [true, 'narrowed: max length 70 -> 35']);
  });
  it('fewer digits or fewer decimals are breaking, more are not', () => {
    assert.match(change('header.weight', { format: 'n..12,6' }).reasons[0]!, /digits 16 -> 12/);
    assert.match(change('header.weight', { format: 'n..16,3' }).reasons[0]!, /decimals 6 -> 3/);
    assert.equal(change('header.weight', { format: 'n..18,6' }).breaking, false);
  });
  it('restricting characters or fixing a length is breaking', () => {
    assert.match(change('header.note', { format: 'a..70' }).reasons[0]!, /characters restricted to letters/);
    assert.match(change('header.note', { format: 'an70' }).reasons[0]!, /min length 1 -> 70/);
    assert.equal(change('header.country', { format: 'an..2' }).breaking, false);
  });
  it('a code list added or changed is breaking, removed is not', () => {
    assert.match(change('header.country', { codeList: 'iso3166-alpha2' }).reasons[0]!, /code list iso3166-alpha2 added/);
    const withList = withEntry('header.country', { codeList: 'iso3166-alpha2' });
    const changedList = only(diffCatalogues(cat(withList), cat(withList.map((e): CatalogueEntry => (e.key === 'header.country' ? { ...e, codeList: 'unece-rec21' } as CatalogueEntry : e)), '1.1.0'), profiles));
    assert.match(changedList.reasons[0]!, /code list changed from iso3166-alpha2 to unece-rec21/);
    const removedList = only(diffCatalogues(cat(withList), cat(base, '1.1.0'), profiles));
    assert.deepEqual([removedList.breaking, removedList.fields[0]!.note], [false, 'code list removed (widened)']);
  });
  it('a changed value type is breaking', () => {
    assert.match(change('header.weight', { type: 'integer' }).reasons[0]!, /value type changed from decimal to integer/);
  });
  it('a new mandatory element under an element profiles use is breaking; optional, or under a new class, is not', () => {
    const mandatory = element({ group: 'header', key: 'header.newMandatory', name: 'New', definition: 'd', type: 'text', format: 'an..5', cardinality: '1..1' });
    const d = only(diffCatalogues(cat(base), cat([...base, mandatory], '1.1.0'), profiles));
    assert.deepEqual([d.change, d.breaking, d.affectedProfiles], ['added', true, ['no-extra', 'requires-note', 'user']]);
    assert.equal(only(diffCatalogues(cat(base), cat([...base, { ...mandatory, cardinality: '0..1' }], '1.1.0'), profiles)).breaking, false);
    const newClass = aggregate({ group: 'remarks', key: 'fresh', name: 'Fresh', definition: 'd', cardinality: '0..1' });
    const child = element({ group: 'remarks', key: 'fresh.id', name: 'Id', definition: 'd', type: 'text', format: 'an..5', cardinality: '1..1' });
    const diff = diffCatalogues(cat(base), cat([...base, newClass, child], '1.1.0'), profiles);
    assert.equal(diff.breaking, false);
  });
  it('wording and WCO ID changes are reported but not breaking', () => {
    const d = change('header.note', { name: 'Note text', wcoId: '225' });
    assert.deepEqual(d.fields.map((f) => f.field), ['wcoId', 'name']);
    assert.equal(d.breaking, false);
  });
  it('with no profile given, judges against the maximum dataset', () => {
    const d = only(diffCatalogues(cat(base), cat(withEntry('extra.text', { format: 'an..10' }), '1.1.0'), []));
    assert.deepEqual([d.breaking, d.affectedProfiles], [true, []]);
    assert.match(renderDiffText(diffCatalogues(cat(base), cat(base, '1.1.0'), [])), /No breaking change for the maximum dataset/);
  });
});
