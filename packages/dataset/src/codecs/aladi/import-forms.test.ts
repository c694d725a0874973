import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateDocument } from '../../validation/validate.js';
import { importAladiCod } from './import-cod.js';
import { corpus, corpusFiles } from './test-corpus.js';

const now = new Date('2025-01-15T00:00:00Z');

describe('importAladiCod on certified COD 4.1.0 documents', () => {
  for (const name of [corpusFiles.a18, corpusFiles.a35, corpusFiles.a33]) {
    it(`imports ${name} into a draft that validates without errors`, () => {
      const r = importAladiCod(corpus(name));
      assert.equal(r.ok, true);
      assert.equal(r.codVersion, '4.1.0');
      const errors = validateDocument(r.document, { now }).issues.filter((i) => i.severity === 'error');
      assert.deepEqual(errors, []);
    });
  }

  it('maps the certifying part of Form A18: number, dates, control code, entity', () => {
    const doc = importAladiCod(corpus(corpusFiles.a18)).document;
    assert.deepEqual(doc?.header, {
      number: 'ARCIRA00180000452124', issueDate: '2024-05-08', verificationCode: '7F3A9C21',
      typeCode: '861', formType: 'A18', agreementCode: 'ACE18', issuingCountry: 'AR', importingCountry: 'UY',
    });
    assert.deepEqual(doc?.certification, { authorityId: 'CIR', authorityName: 'CAMARA DE LA INDUSTRIA DE REPUESTOS', place: 'Buenos Aires', date: '2024-05-08' });
    assert.equal(doc?.exporterDeclaration?.signatoryName, 'MARIA LAURA GOMEZ');
    assert.deepEqual(doc?.goodsItems?.map((g) => [g.hsCode, g.hsVersion, g.quantity?.unitCode]), [['87082999', '2022', 'KGM'], ['87083090', '2022', 'C62']]);
    assert.deepEqual(doc?.specialCases, { thirdPartyInvoicing: false });
    assert.match(doc?.remarks ?? '', /\nOrigin rule of items 1, 2: Decision CMC 01\/09 - Articulo 3 b\)$/);
  });

  it('reports both signatures as not carried over', () => {
    const unmapped = importAladiCod(corpus(corpusFiles.a18)).issues.filter((i) => i.code === 'aladi.unmapped').map((i) => String(i.params['element']));
    assert.ok(unmapped.includes('/ns1:Envelope/ns1:CertOrigin/ds:Signature'));
    assert.ok(unmapped.includes('/ns1:Envelope/ns1:CertOrigin/CODEH/CODExporter/ds:Signature'));
  });

  it('maps Form A35: consignee, road transport, goods linked to the invoice, third-party operator and its invoice', () => {
    const doc = importAladiCod(corpus(corpusFiles.a35)).document;
    assert.equal(doc?.consignee?.name, 'DEPOSITO FISCAL LUJAN DE CUYO');
    assert.deepEqual(doc?.transport, { modeCode: '3', loadingPlace: { name: 'LOS ANDES' } });
    assert.deepEqual(doc?.goodsItems?.map((g) => g.invoiceNumber), ['F-000981', 'F-000981']);
    assert.deepEqual(doc?.thirdPartyOperator, { name: 'ANDES WINE TRADING LLC', address: { line: '200 Biscayne Blvd, Miami', country: 'US' } });
    assert.deepEqual(doc?.invoices?.[1], { number: 'AWT-2024-0412', date: '2024-06-04', issuerName: 'ANDES WINE TRADING LLC', issuerCountry: 'US' });
    assert.deepEqual(doc?.specialCases, { thirdPartyInvoicing: true });
  });

  it('maps Form A33: producers, producer references, criterion letters and second-line criteria', () => {
    const doc = importAladiCod(corpus(corpusFiles.a33)).document;
    assert.deepEqual(doc?.producers?.[0], { ref: '1', sameAsExporter: true });
    assert.equal(doc?.producers?.[1]?.name, 'MOTORES ELECTRICOS DE QUERETARO SA DE CV');
    assert.equal(doc?.producers?.[1]?.id, 'MEQ010705AB1');
    assert.equal(doc?.producers?.[1]?.confidential, false);
    assert.deepEqual(doc?.goodsItems?.map((g) => [g.producerRef, g.originCriterion]), [['1', { code: 'C', additionalCodes: ['DMI'] }], ['2', { code: 'D' }]]);
    assert.equal(doc?.exporter?.id, 'EBA980312KX4');
    assert.equal(doc?.exporterDeclaration?.signatoryTitle, 'GERENTE DE COMERCIO EXTERIOR');
  });

  it('takes FOB values as US dollars when the COD names no currency, and says so once', () => {
    const r = importAladiCod(corpus(corpusFiles.a35));
    assert.deepEqual(r.document?.goodsItems?.map((g) => g.fobValue), [{ amount: 27000, currency: 'USD' }, { amount: 9900, currency: 'USD' }]);
    const assumed = r.issues.filter((i) => i.code === 'aladi.converted' && i.params['from'] === '(no LocalCurrency)');
    assert.deepEqual(assumed.map((i) => i.path), ['/goodsItems/0/fobValue/currency']);
  });

  it('still imports the schema-invalid sample: schema validity is a separate check', () => {
    assert.equal(importAladiCod(corpus(corpusFiles.invalid)).ok, true);
  });
});
