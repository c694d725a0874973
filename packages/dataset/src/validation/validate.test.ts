/**
 * Tests of validateDocument as a whole: the result shape, severities and messages, the profile's
 * dataset version, the document kind, and that no input makes it throw.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { catalogue } from '../catalogue/catalogue.js';
import { arbitraryDocument } from '../testing/arbitrary-document.js';
import { certificate, declaration, finding, profile } from '../testing/fixtures.js';
import { documentKind, hasNoErrors, validateDocument } from './validate.js';

const now = new Date('2026-11-01T00:00:00Z');

describe('validateDocument', () => {
  it('returns the document typed, with no issue, when it is valid under its profile', () => {
    const doc = certificate();
    const result = validateDocument(doc, { profile: profile('atiga-form-d'), now });
    assert.equal(result.ok, true);
    assert.equal(result.ok && result.value, doc);
    assert.deepEqual(result.issues, []);
  });

  it('reports, as information only, that no profile applied', () => {
    const result = validateDocument(certificate(), { now });
    assert.equal(result.ok, true);
    assert.deepEqual(result.issues.map((i) => [i.code, i.severity, i.path]), [['profile.none', 'info', '/header/agreementCode']]);
  });

  it('gives every issue its registered severity and an English message', () => {
    const result = validateDocument(certificate((d) => { d.header.importingCountry = 'TH'; d.backToBack = { originalNumber: 'X-1' }; }), { profile: profile('atiga-form-d'), now });
    assert.equal(result.ok, false);
    const byCode = new Map(result.issues.map((i) => [i.code, i]));
    assert.equal(byCode.get('rule.same-country')?.severity, 'error');
    assert.equal(byCode.get('rule.back-to-back-not-marked')?.severity, 'warning');
    assert.equal(byCode.get('rule.same-country')?.message, 'The issuing and importing country are both TH.');
  });

  it('passes a document whose only findings are warnings', () => {
    const result = validateDocument(certificate((d) => { d.backToBack = { originalNumber: 'X-1' }; }), { profile: profile('atiga-form-d'), now });
    assert.equal(result.ok, true);
    assert.equal(hasNoErrors(result.issues), true);
    assert.deepEqual(result.issues.map((i) => i.code), ['rule.back-to-back-not-marked']);
  });

  it('refuses a profile naming a dataset version this build does not know, before looking at the document', () => {
    const unknown = { ...profile('atiga-form-d'), datasetVersion: '9.9.9' };
    const result = validateDocument(null, { profile: unknown, now });
    assert.equal(result.ok, false);
    assert.deepEqual(result.issues.map((i) => finding(i.code, i.path)), [finding('profile.dataset-version', '')]);
  });

  it('reads the document kind from the type code (862 is a declaration)', () => {
    assert.equal(documentKind(declaration()), 'declaration');
    assert.equal(documentKind(certificate()), 'certificate');
    assert.equal(documentKind({ header: { typeCode: 862 } }), 'certificate');
    assert.equal(documentKind(null), 'certificate');
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        validateDocument(value, { now });
        validateDocument({ header: value, goodsItems: [value], totals: value, attachments: [value] }, { profile: profile('atiga-form-d'), now });
      }),
      { numRuns: 300 },
    );
  });

  it('finds no structural issue in any structurally valid document', () => {
    fc.assert(
      fc.property(arbitraryDocument(catalogue), (doc) => {
        const structural = validateDocument(doc, { now }).issues.filter((i) => i.code.startsWith('structure.') || (i.code.startsWith('codelist.') && i.severity === 'error'));
        assert.deepEqual(structural.map((i) => finding(i.code, i.path)), []);
      }),
      { numRuns: 100 },
    );
  });
});
