/**
 * Tests of the generated JSON Schema, compiled with ajv (draft 2020-12) and ajv-formats: it accepts
 * every valid corpus document and every structurally valid generated document, rejects the invalid
 * corpus documents with a structural error it can express, and covers every catalogue entry.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import fc from 'fast-check';
import { catalogue } from '../catalogue/catalogue.js';
import { certificate, declaration } from '../testing/fixtures.js';
import { corpusNow, invalidCorpus, validCorpus } from '../testing/corpus.js';
import { arbitraryDocument } from '../testing/arbitrary-document.js';
import { validateDocument } from '../validation/validate.js';
import { jsonSchemaId, renderJsonSchema, type JsonSchema } from './json-schema.js';

const schema = renderJsonSchema(catalogue);
const ajv = new Ajv2020({ strict: true, allErrors: true });
// ajv-formats is CommonJS: under NodeNext its default import is the module, whose `default` is the plugin.
formats.default(ajv);
const accepts = ajv.compile(schema);
const errorsOf = () => (accepts.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);

/** Structural codes a JSON Schema cannot express: decimal places of a binary float, and a profile's element usage. */
const inexpressible = new Set(['structure.fraction-digits', 'structure.not-used']);

describe('JSON Schema of the e-CO document', () => {
  it('is draft 2020-12 with an $id naming the dataset version, and plain JSON', () => {
    assert.equal(schema['$schema'], 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema['$id'], jsonSchemaId(catalogue));
    assert.ok(String(schema['$id']).includes(catalogue.version));
    assert.deepEqual(JSON.parse(JSON.stringify(schema)), schema);
  });

  it('has a property for every catalogue entry, with the tree of classes as nested objects', () => {
    for (const entry of catalogue.entries) {
      let node: JsonSchema | undefined = schema;
      for (const segment of entry.key.split('.')) {
        const field = segment.replace(/\[\]$/, '');
        const properties: Record<string, JsonSchema> | undefined = node?.['properties'] as Record<string, JsonSchema> | undefined;
        node = properties?.[field];
        if (segment.endsWith('[]')) node = node?.['items'] as JsonSchema | undefined;
      }
      assert.ok(node, `no schema for ${entry.key}`);
    }
  });

  it('accepts every valid corpus document', () => {
    for (const { file, document } of validCorpus()) assert.ok(accepts(document), `${file}: ${errorsOf().join('; ')}`);
  });

  it('rejects every invalid corpus document with a structural error it can express', () => {
    const exempt: string[] = [];
    for (const c of invalidCorpus()) {
      // What the dataset alone says (no profile): the schema is the maximum dataset, profile-free.
      const structural = validateDocument(c.document, { now: corpusNow }).issues.filter((i) => i.code.startsWith('structure.') && !inexpressible.has(i.code));
      if (structural.length > 0) assert.equal(accepts(c.document), false, `${c.file} passed the schema`);
      else if (c.issues.some((i) => i.code.startsWith('structure.'))) exempt.push(c.file);
    }
    // Structural only through the profile (not used, required by the profile) or through decimal places.
    assert.deepEqual(exempt, [
      'profile-ace14-hs-digits-and-producers.json',
      'profile-chkfta-fob-not-used.json',
      'rule-declaration-authorisation-missing.json',
      'structure-decimal-places.json',
      'structure-not-used-by-profile.json',
    ]);
  });

  it('accepts every structurally valid document the catalogue allows', () => {
    fc.assert(
      fc.property(arbitraryDocument(catalogue), (doc) => {
        assert.ok(accepts(doc), errorsOf().join('; '));
      }),
      { numRuns: 200 },
    );
  });

  it('counts string length in code points, as the WCO formats do', () => {
    assert.ok(accepts(certificate((d) => { d.exporter.name = '😀'.repeat(256); })), errorsOf().join('; '));
    assert.equal(accepts(certificate((d) => { d.exporter.name = '😀'.repeat(257); })), false);
  });

  it('rejects blank text, control characters, unknown elements and empty lists', () => {
    assert.equal(accepts(certificate((d) => { d.exporter.name = '  '; })), false);
    assert.equal(accepts(certificate((d) => { d.exporter.name = 'A\u0007B'; })), false);
    assert.equal(accepts({ ...certificate(), extra: 1 }), false);
    assert.equal(accepts(certificate((d) => { d.invoices = []; })), false);
  });

  it('keeps certification off declarations and the self-declaration off certificates', () => {
    assert.ok(accepts(declaration()), errorsOf().join('; '));
    assert.equal(accepts(declaration((d) => { d.certification = { authorityId: 'JP-JCCI', authorityName: 'JCCI' }; })), false);
    assert.equal(accepts(certificate((d) => { d.selfDeclaration = { exporterAuthorisationNumber: 'X-1', authorisationType: 'approved' }; })), false);
  });

  it('bounds numbers by their WCO digits and keeps them non-negative', () => {
    assert.equal(accepts(certificate((d) => { d.goodsItems[0]!.itemNumber = 100000; })), false, 'n..5');
    assert.equal(accepts(certificate((d) => { d.goodsItems[0]!.grossWeight!.value = 1e10; })), false, 'n..16,6: ten digits before the point');
    assert.ok(accepts(certificate((d) => { d.goodsItems[0]!.grossWeight!.value = 9999999999.5; })), errorsOf().join('; '));
    assert.equal(accepts(certificate((d) => { d.goodsItems[0]!.grossWeight!.value = -1; })), false);
  });

  it('can leave every code list to the validator', () => {
    const plain = renderJsonSchema(catalogue, { maxInlinedCodes: 0 });
    assert.deepEqual(plain['$defs'], {});
    const accept = new Ajv2020({ strict: true }).addFormat('date', true).compile(plain);
    assert.ok(accept(certificate((d) => { d.header.importingCountry = 'XX'; })));
    assert.equal(accept(certificate((d) => { d.header.importingCountry = 'X1'; })), false, 'the a2 format still holds');
  });

  it('checks calendar dates and inlines the small code lists', () => {
    assert.equal(accepts(certificate((d) => { d.header.issueDate = '2026-02-30'; })), false);
    assert.equal(accepts(certificate((d) => { d.header.importingCountry = 'XX'; })), false);
    assert.equal(accepts(certificate((d) => { d.header.typeCode = '863'; })), false);
    assert.ok(Array.isArray((schema['$defs'] as Record<string, JsonSchema>)['iso3166-alpha2']?.['enum']));
  });
});
