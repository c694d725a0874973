/**
 * Tests of the structural validator: required elements (by the dataset and by a profile), not-used
 * and not-for-kind elements, unknown elements, objects, arrays and their cardinalities, and the
 * JSON pointers of what it reports.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregate, element } from '../catalogue/builders.js';
import { currentDatasetVersion } from '../catalogue/catalogue.js';
import type { Catalogue, DocumentKind } from '../catalogue/entry.js';
import { catalogueAt } from '../catalogue/versions.js';
import { noUsageConstraints, type ElementUsage } from './element-usage.js';
import type { RawIssue } from './issue.js';
import { compileStructure } from './structure-validator.js';
import { certificate, declaration, finding } from '../testing/fixtures.js';

const current = catalogueAt(currentDatasetVersion);

function check(document: unknown, options: { usage?: ElementUsage; kind?: DocumentKind; catalogue?: Catalogue } = {}): string[] {
  const issues: RawIssue[] = [];
  compileStructure(options.catalogue ?? current, { usage: options.usage ?? noUsageConstraints, kind: options.kind ?? 'certificate', profileId: 'test-profile' })(document, issues);
  return issues.map((i) => finding(i.code, i.path));
}

const usage = (required: string[], notUsed: string[] = []): ElementUsage => ({ required: new Set(required), notUsed: new Set(notUsed) });

describe('structure: required elements', () => {
  it('accepts a complete document', () => {
    assert.deepEqual(check(certificate()), []);
  });

  it('reports each missing mandatory element, at top level and inside arrays', () => {
    const doc = certificate((d) => { Reflect.deleteProperty(d, 'header'); Reflect.deleteProperty(d.goodsItems[1]!, 'description'); });
    assert.deepEqual(check(doc), [finding('structure.required', '/header'), finding('structure.required', '/goodsItems/1/description')]);
  });

  it('checks the mandatory children of an optional block only when the block is present', () => {
    assert.deepEqual(check(certificate((d) => { delete d.exhibition; })), []);
    assert.deepEqual(check(certificate((d) => { d.exhibition = { place: 'Bangkok' } as unknown as { name: string }; })), [finding('structure.required', '/exhibition/name')]);
  });

  it('makes optional elements mandatory where the profile requires them, including arrays', () => {
    const doc = certificate((d) => { delete d.invoices; delete d.goodsItems[0]!.packages; });
    assert.deepEqual(check(doc, { usage: usage(['invoices', 'goodsItems[].packages']) }), [finding('structure.required', '/goodsItems/0/packages'), finding('structure.required', '/invoices')]);
  });
});

describe('structure: elements that must not appear', () => {
  it('rejects an element the profile does not use, without looking inside it', () => {
    const doc = certificate((d) => { d.importer = { name: '', address: { country: 'xx' } }; });
    assert.deepEqual(check(doc, { usage: usage([], ['importer']) }), [finding('structure.not-used', '/importer')]);
  });

  it('does not ask for a required element that the profile does not use', () => {
    assert.deepEqual(check(certificate(), { usage: usage([], ['header']) }).filter((f) => f.includes('/header')), [finding('structure.not-used', '/header')]);
    assert.deepEqual(check(certificate((d) => { Reflect.deleteProperty(d, 'header'); }), { usage: usage([], ['header']) }), []);
  });

  it('rejects a certification block on a declaration and a self-declaration block on a certificate', () => {
    const decl = declaration((d) => { d.certification = { authorityId: 'JP-JCCI', authorityName: 'JCCI' }; });
    assert.deepEqual(check(decl, { kind: 'declaration' }), [finding('structure.not-for-kind', '/certification')]);
    assert.deepEqual(check(declaration(), { kind: 'certificate' }), [finding('structure.not-for-kind', '/selfDeclaration')]);
  });

  it('reports not-for-kind before not-used when both apply', () => {
    const decl = declaration((d) => { d.certification = { authorityId: 'JP-JCCI', authorityName: 'JCCI' }; });
    assert.deepEqual(check(decl, { kind: 'declaration', usage: usage([], ['certification']) }), [finding('structure.not-for-kind', '/certification')]);
  });
});

describe('structure: unknown elements and objects', () => {
  it('rejects unknown elements at any depth, with escaped JSON pointers', () => {
    const doc: Record<string, unknown> = { ...certificate(), 'a/b~c': 1 };
    (doc['exporter'] as Record<string, unknown>)['vatNumber'] = 'TH123';
    assert.deepEqual(check(doc), [finding('structure.unknown-element', '/a~1b~0c'), finding('structure.unknown-element', '/exporter/vatNumber')]);
  });

  it('treats a "__proto__" key from JSON.parse as an unknown element, not as the prototype', () => {
    const doc = JSON.parse(JSON.stringify(certificate()).replace('{"header"', '{"__proto__":{"x":1},"header"')) as unknown;
    assert.deepEqual(check(doc), [finding('structure.unknown-element', '/__proto__')]);
  });

  it('rejects a document that is not an object', () => {
    for (const doc of [null, [], 'certificate', 42]) assert.deepEqual(check(doc), [finding('structure.not-an-object', '')], JSON.stringify(doc));
  });

  it('rejects a block that is not an object, including an array where one object is expected', () => {
    assert.deepEqual(check(certificate((d) => { (d as unknown as Record<string, unknown>)['exporter'] = [d.exporter]; })), [finding('structure.not-an-object', '/exporter')]);
    assert.deepEqual(check(certificate((d) => { (d.goodsItems as unknown[])[0] = 'rice'; })), [finding('structure.not-an-object', '/goodsItems/0')]);
  });
});

describe('structure: arrays', () => {
  it('rejects a single value where an array is expected', () => {
    assert.deepEqual(check(certificate((d) => { (d as unknown as Record<string, unknown>)['goodsItems'] = d.goodsItems[0]; })), [finding('structure.type', '/goodsItems')]);
    assert.deepEqual(check(certificate((d) => { (d.transport as unknown as Record<string, unknown>)['transitCountries'] = 'LA'; })), [finding('structure.type', '/transport/transitCountries')]);
  });

  it('rejects an empty array, mandatory or optional (leave an optional list out)', () => {
    assert.deepEqual(check(certificate((d) => { d.goodsItems = []; })), [finding('structure.too-few', '/goodsItems')]);
    assert.deepEqual(check(certificate((d) => { d.invoices = []; })), [finding('structure.too-few', '/invoices')]);
  });

  it('checks every value of an array of elements at its index', () => {
    assert.deepEqual(check(certificate((d) => { d.transport!.transitCountries = ['LA', 'L4', 'XX']; })), [finding('structure.characters', '/transport/transitCountries/1'), finding('codelist.country', '/transport/transitCountries/2')]);
  });

  it('rejects more occurrences than a finite maximum allows', () => {
    const small: Catalogue = {
      version: '1.0.0',
      entries: [
        aggregate({ group: 'goods', key: 'lines', name: 'Line', definition: 'A line.', cardinality: '1..3' }),
        element({ group: 'goods', key: 'lines[].text', name: 'Text', definition: 'Text.', type: 'text', format: 'an..5', cardinality: '1..1' }),
        element({ group: 'goods', key: 'codes', name: 'Code', definition: 'Codes.', type: 'code', format: 'a2', cardinality: '0..2' }),
      ],
    };
    assert.deepEqual(check({ lines: [{ text: 'a' }, { text: 'b' }, { text: 'c' }], codes: ['AB', 'CD'] }, { catalogue: small }), []);
    assert.deepEqual(check({ lines: [{ text: 'a' }, { text: 'b' }, { text: 'c' }, { text: 'd' }], codes: ['AB', 'CD', 'EF'] }, { catalogue: small }), [finding('structure.too-many', '/lines'), finding('structure.too-many', '/codes')]);
  });
});
