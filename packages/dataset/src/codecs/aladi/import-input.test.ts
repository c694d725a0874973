import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importAladiCod } from './import-cod.js';
import { corpus, corpusFiles } from './test-corpus.js';

const sample = corpus(corpusFiles.realUnsigned);
const codes = (xml: string, options = {}) => importAladiCod(xml, options).issues.map((i) => i.code);

/** A minimal COD around one form element. */
const minimal = (form: string) => `<ns1:Envelope xmlns:ns1="http://www.w3.org/2001/12/soap-envelope"><ns1:CertOrigin><CODEH id="CODEH"><CODExporter><COD id="COD">
<CODVer>4.1.0</CODVer><CODSubmitterType>EXP</CODSubmitterType><Agreement><AgreementName>ACE18</AgreementName><AgreementAcronym>A18</AgreementAcronym></Agreement>
${form}</COD></CODExporter></CODEH></ns1:CertOrigin></ns1:Envelope>`;

describe('importAladiCod input safety', () => {
  it('rejects a document with a DOCTYPE and entity declarations before parsing', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>${sample.replace(/^\uFEFF<\?xml[^>]*>/, '')}`;
    const r = importAladiCod(xml);
    assert.equal(r.ok, false);
    assert.equal(r.document, undefined);
    assert.deepEqual(codes(xml), ['xml.doctype-forbidden']);
  });

  it('rejects an ENTITY declaration even without a DOCTYPE keyword in upper case', () => {
    assert.deepEqual(codes('<!entity x "y"><a/>'), ['xml.doctype-forbidden']);
  });

  it('rejects input over the size limit', () => {
    const r = importAladiCod(sample, { maxBytes: 1000 });
    assert.deepEqual(r.issues.map((i) => [i.code, i.params['maxBytes']]), [['input.too-large', 1000]]);
  });

  it('rejects nesting deeper than the limit', () => {
    // The sample nests 9 levels: Envelope > ... > Goods > GoodsItemCode.
    assert.deepEqual(codes(sample, { maxDepth: 8 }), ['xml.too-deep']);
    assert.equal(importAladiCod(sample, { maxDepth: 9 }).ok, true);
  });

  it('reports malformed XML, and text or a second element outside the root', () => {
    assert.deepEqual(codes('<ns1:Envelope><a></ns1:Envelope>'), ['xml.malformed']);
    assert.deepEqual(codes('<a/><b/>'), ['xml.malformed']);
    assert.deepEqual(codes(''), ['xml.malformed']);
  });

  it('reports XML that is not a COD envelope', () => {
    const r = importAladiCod('<Certificate><Exporter/></Certificate>');
    assert.deepEqual(r.issues.map((i) => [i.code, i.params['root']]), [['aladi.not-cod', 'Certificate']]);
  });

  it('refuses a form it does not map, naming the supported ones', () => {
    const r = importAladiCod(minimal('<FormA99><Exporter/></FormA99>'));
    assert.equal(r.ok, false);
    assert.equal(r.form, 'A99');
    const issue = r.issues.find((i) => i.code === 'aladi.unsupported-form');
    assert.equal(issue?.severity, 'error');
    assert.equal(issue?.params['form'], 'A99');
    assert.match(String(issue?.params['supported']), /\bA18\b.*\bA35\b/);
  });

  it('refuses a COD without any form', () => {
    assert.ok(codes(minimal('')).includes('aladi.unsupported-form'));
  });

  it('decodes the XML entities and character references, and keeps CDATA literal', () => {
    const xml = sample
      .replace('IVECO ARGENTINA SA', 'IVECO &amp; CO &#x41;RGENTINA S&#65;')
      .replace('CORDOBA', '<![CDATA[C&amp;RDOBA]]>');
    const doc = importAladiCod(xml).document;
    assert.equal(doc?.exporter?.name, 'IVECO & CO ARGENTINA SA');
    assert.equal(doc?.transport?.loadingPlace?.name, 'C&amp;RDOBA');
  });

  it('reports an element it does not know, with its path and value, instead of dropping it', () => {
    const xml = sample.replace('<ExporterCity>', '<ExporterWebsite>iveco.example</ExporterWebsite><ExporterCity>');
    const issue = importAladiCod(xml).issues.find((i) => i.code === 'aladi.unmapped' && String(i.params['element']).endsWith('/ExporterWebsite'));
    assert.equal(issue?.params['value'], 'iveco.example');
  });

  it('reports an attribute with no place in the dataset', () => {
    const xml = sample.replace('<InvoiceNo>', '<InvoiceNo currency="ARS">');
    const issue = importAladiCod(xml).issues.find((i) => i.code === 'aladi.unmapped' && String(i.params['element']).endsWith('/InvoiceNo/@currency'));
    assert.equal(issue?.params['value'], 'ARS');
  });

  it('reports both halves of a quantity whose unit name it does not know, and keeps no quantity', () => {
    const r = importAladiCod(sample.replace('<GoodsItemMeasureUnit>UNIDADES', '<GoodsItemMeasureUnit>PARES'));
    assert.equal(r.document?.goodsItems?.[0]?.quantity, undefined);
    const unmapped = r.issues.filter((i) => i.code === 'aladi.unmapped').map((i) => [String(i.params['element']).split('/').pop() ?? '', String(i.params['value'])] as const);
    assert.deepEqual(unmapped.filter(([e]) => e.startsWith('GoodsItem')), [['GoodsItemMeasureUnit', 'PARES'], ['GoodsItemWeightAmount', '4500.000000']]);
  });

  it('gives cited origin rules the criterion code the caller chooses, keeping the citation in the remarks', () => {
    const doc = importAladiCod(sample, { citationCriterionCode: 'SR' }).document;
    assert.deepEqual(doc?.goodsItems?.[0]?.originCriterion, { code: 'SR' });
    assert.match(doc?.remarks ?? '', /Origin rule of item 1: XXXVIII Protocolo Adicional/);
  });

  it('warns when a declared count differs from the elements present', () => {
    const r = importAladiCod(sample.replace('<GoodsQty>1</GoodsQty>', '<GoodsQty>3</GoodsQty>'));
    const issue = r.issues.find((i) => i.code === 'aladi.count-mismatch');
    assert.deepEqual([issue?.severity, issue?.params['declared'], issue?.params['actual']], ['warning', 3, 1]);
  });
});
