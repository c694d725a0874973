import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogueAt } from '../catalogue/versions.js';
import { findProfile } from './builtin.js';
import { exclusion, profileKinds, usedEntries } from './used-elements.js';

const catalogue = catalogueAt('1.1.0');

describe('usedEntries', () => {
  const atiga = findProfile('atiga-form-d')!;
  const used = new Map(usedEntries(atiga, catalogue).map((u) => [u.entry.key, u]));

  it('leaves out an element marked not used and everything under it', () => {
    assert.ok(!used.has('importer') && !used.has('importer.address.city'));
    assert.equal(exclusion(atiga, catalogue.entries.find((e) => e.key === 'importer.name')!), 'not used by the agreement');
  });
  it('leaves out elements of the other document kind', () => {
    assert.deepEqual(profileKinds(atiga), ['certificate']);
    assert.ok(used.has('certification.authorityId'));
    assert.ok(![...used.keys()].some((k) => k.startsWith('selfDeclaration')));
  });
  it('raises the minimum of elements the agreement requires, and says so', () => {
    assert.deepEqual({ cardinality: used.get('consignee')!.cardinality, usage: used.get('consignee')!.usage }, { cardinality: '1..1', usage: 'required by the agreement' });
    assert.deepEqual({ cardinality: used.get('goodsItems')!.cardinality, usage: used.get('goodsItems')!.usage }, { cardinality: '1..n', usage: 'required' });
    assert.equal(used.get('remarks')!.usage, 'optional');
  });
  it('keeps both kinds for a profile that allows certificates and declarations', () => {
    const both = { ...atiga, documentTypes: ['861', '862'] as typeof atiga.documentTypes, elements: { required: [], notUsed: [] } };
    const keys = new Set(usedEntries(both, catalogue).map((u) => u.entry.key));
    assert.ok(keys.has('selfDeclaration') && keys.has('certification'));
    assert.equal(keys.size, catalogue.entries.length);
  });
});
