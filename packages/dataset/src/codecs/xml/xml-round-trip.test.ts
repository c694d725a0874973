/**
 * JSON -> XML -> JSON is lossless for every document of corpus/valid/ (listed when the test runs)
 * and for generated structurally valid documents, in pretty and compact form.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { catalogue } from '../../catalogue/catalogue.js';
import { arbitraryDocument } from '../../testing/arbitrary-document.js';
import { validCorpus } from '../../testing/corpus.js';
import type { EcoDocument } from '../../types.generated.js';
import { validateDocument } from '../../validation/validate.js';
import { decodeXml } from './xml-reader.js';
import { encodeXml } from './xml-writer.js';

function roundTrip(document: EcoDocument, pretty: boolean): unknown {
  const result = decodeXml(encodeXml(document, { pretty }));
  assert.equal(result.ok, true, JSON.stringify(result.issues));
  return result.ok ? result.value : undefined;
}

describe('XML round trip', () => {
  const corpus = validCorpus();

  it('has corpus documents to check', () => {
    assert.ok(corpus.length > 0);
  });

  for (const { file, document } of corpus) {
    it(`keeps ${file} exactly`, () => {
      assert.equal(validateDocument(document, { now: new Date('2026-06-01T00:00:00Z') }).issues.filter((i) => i.code.startsWith('structure.')).length, 0, 'corpus documents are structurally valid');
      assert.deepStrictEqual(roundTrip(document as EcoDocument, true), document);
      assert.deepStrictEqual(roundTrip(document as EcoDocument, false), document);
    });
  }

  it('keeps generated documents exactly (200 runs, fixed seed)', () => {
    fc.assert(
      fc.property(arbitraryDocument(catalogue), fc.boolean(), (document, pretty) => {
        assert.deepStrictEqual(roundTrip(document, pretty), document);
      }),
      { numRuns: 200, seed: 20260302 },
    );
  });
});
