/** The document arbitrary produces structurally valid documents of both kinds, with varied content. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { catalogue } from '../catalogue/catalogue.js';
import { catalogueAt } from '../catalogue/versions.js';
import { documentKind, validateDocument } from '../validation/validate.js';
import { arbitraryDocument } from './arbitrary-document.js';

const structural = (code: string): boolean => code.startsWith('structure.') || code.startsWith('codelist.');

describe('arbitraryDocument', () => {
  const docs = fc.sample(arbitraryDocument(catalogue), { numRuns: 150, seed: 11 });

  it('generates documents without structural or code-list errors', () => {
    for (const doc of docs) {
      const errors = validateDocument(doc).issues.filter((i) => i.severity === 'error' && structural(i.code));
      assert.deepEqual(errors, [], JSON.stringify(doc));
    }
  });

  it('generates certificates and declarations, each without the elements of the other kind', () => {
    const kinds = docs.map((d) => documentKind(d));
    assert.ok(kinds.includes('certificate') && kinds.includes('declaration'));
    for (const doc of docs) {
      if (documentKind(doc) === 'declaration') assert.equal(doc.certification, undefined);
      else assert.equal(doc.selfDeclaration, undefined);
    }
    const onlyDeclarations = fc.sample(arbitraryDocument(catalogue, { kind: 'declaration' }), { numRuns: 20, seed: 1 });
    assert.ok(onlyDeclarations.every((d) => documentKind(d) === 'declaration'));
  });

  it('varies optional elements, repeated elements and text', () => {
    assert.ok(docs.some((d) => d.goodsItems.length > 1));
    assert.ok(docs.some((d) => d.remarks !== undefined) && docs.some((d) => d.remarks === undefined));
    const text = JSON.stringify(docs);
    for (const fragment of ['\\r', '\\n', '\\t', '<', '&', 'é', '😀']) assert.ok(text.includes(fragment), `some text contains ${fragment}`);
  });

  it('follows an earlier catalogue version when given one', () => {
    const v1 = fc.sample(arbitraryDocument(catalogueAt('1.0.0'), { kind: 'declaration' }), { numRuns: 30, seed: 3 });
    assert.ok(v1.every((d) => d.selfDeclaration === undefined));
  });
});
