import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Issue } from '../../validation/issue.js';
import { validateDocument } from '../../validation/validate.js';
import { importAladiCod } from './import-cod.js';
import { corpus, corpusFiles } from './test-corpus.js';

const sample = corpus(corpusFiles.realUnsigned);
const codPath = '/ns1:Envelope/ns1:CertOrigin/CODEH/CODExporter/COD';
const formPath = `${codPath}/FormA18`;

/** The issues of one code as `element -> params`, for compact assertions. */
function byElement(issues: readonly Issue[], code: Issue['code']): Map<string, Issue['params']> {
  return new Map(issues.filter((i) => i.code === code).map((i) => [String(i.params['element']), i.params]));
}

describe('importAladiCod on the real ACE 14 Form A18 sample (COD 1.8.0, unsigned)', () => {
  const result = importAladiCod(sample);
  const doc = result.document;

  it('imports it and names the form, version and agreement', () => {
    assert.equal(result.ok, true);
    assert.equal(result.form, 'A18');
    assert.equal(result.codVersion, '1.8.0');
    assert.equal(result.agreement, 'ACE14');
  });

  it('maps the header from the agreement, the form and the countries', () => {
    assert.deepEqual(doc?.header, { typeCode: '861', formType: 'A18', agreementCode: 'ACE14', issuingCountry: 'AR', importingCountry: 'BR' });
  });

  it('maps the exporter, importer and consignee', () => {
    assert.deepEqual(doc?.exporter, { name: 'IVECO ARGENTINA SA', address: { line: 'Cnel Int.A.Avalos 2829-Ed.1;P4', city: 'Munro, Vicente López', country: 'AR' } });
    assert.equal(doc?.importer?.name, 'CNH INDUSTRIAL BRASIL LTDA-Piracicaba');
    assert.equal(doc?.importer?.address?.line, 'RUA JOSE COELHO PRATTES JR 1020-Distrito Industrial Unileste');
    assert.equal(doc?.consignee?.address?.city, 'Piracicaba');
  });

  it('maps the invoice with its date', () => {
    assert.deepEqual(doc?.invoices, [{ number: '0200-00002657', date: '2018-09-12' }]);
  });

  it('maps the goods item: HS code without dots, quantity in Rec 20, FOB value in USD', () => {
    const item = doc?.goodsItems?.[0];
    assert.equal(item?.itemNumber, 1);
    assert.equal(item?.hsCode, '84089090');
    assert.match(item?.description ?? '', /^LOS DEMÁS\. LOS DEMÁS MOTORES\. .* \(MOTORES DIESEL O SEMI-DIESEL\)\.$/);
    assert.deepEqual(item?.quantity, { value: 4500, unitCode: 'C62' });
    assert.deepEqual(item?.fobValue, { amount: 66810.5, currency: 'USD' });
  });

  it('keeps the origin rule citation: code LEGAL-REF, full text in the remarks', () => {
    assert.deepEqual(doc?.goodsItems?.[0]?.originCriterion, { code: 'LEGAL-REF' });
    assert.equal(
      doc?.remarks,
      'TRIGESIMO OCTAVO PROTOCOLO ADICIONAL AL ACUERDO DE COMPLEMENTACION ECONOMICA N° ACE 14\n'
        + 'Origin rule of item 1: XXXVIII Protocolo Adicional - Al Acuerdo de Complementacion Economica N° ACE 14 - Titulo III - ARTICULO 16',
    );
  });

  it('takes the declaration date as written, at the declarant\'s offset', () => {
    assert.deepEqual(doc?.exporterDeclaration, { declarantRole: 'exporter', date: '2018-09-14' });
  });

  it('reports each conversion with the element, the original value and the result', () => {
    const converted = byElement(result.issues, 'aladi.converted');
    const expect = (element: string, from: string, to: string) => assert.deepEqual(converted.get(element), { element, from, to });
    expect(`${formPath}/GoodsList/Goods/GoodsItemCode`, '8408.90.90', '84089090');
    expect(`${formPath}/GoodsList/Goods/GoodsItemMeasureUnit`, 'UNIDADES', 'C62');
    expect(`${formPath}/Comments/LocalCurrency`, 'DOLARES ESTADOUNIDENSES', 'USD');
    expect(`${formPath}/Declaration/DeclarationDate`, '2018-09-14T09:24:33.2592964-03:00', '2018-09-14');
    expect(`${codPath}/Agreement/AgreementAcronym`, 'A14', 'ACE14');
    expect(`${codPath}/CODSubmitterType`, 'EXP', 'exporter');
    assert.ok(result.issues.filter((i) => i.code === 'aladi.converted').every((i) => i.severity === 'info'));
  });

  it('does not report a midnight invoice date as a lossy conversion', () => {
    assert.equal(byElement(result.issues, 'aladi.converted').has(`${formPath}/Invoices/Invoice/InvoiceDate`), false);
  });

  it('warns about exactly the elements with no place in the dataset, with their values', () => {
    const unmapped = byElement(result.issues, 'aladi.unmapped');
    assert.deepEqual([...unmapped.keys()].sort(), [
      `${codPath}/Agreement/AgreementName`,
      `${formPath}/GoodsList/Goods/GoodsDeclarationDate`,
      `${formPath}/Transport/TransportMeans`,
    ]);
    assert.equal(unmapped.get(`${formPath}/Transport/TransportMeans`)?.['value'], 'Terrestre');
    assert.equal(unmapped.get(`${formPath}/GoodsList/Goods/GoodsDeclarationDate`)?.['value'], '2018-09-12T00:00:00');
    assert.ok(result.issues.filter((i) => i.code === 'aladi.unmapped').every((i) => i.severity === 'warning'));
  });

  it('yields a draft whose only validation errors are the certifying part an unsigned COD lacks', () => {
    const validation = validateDocument(doc);
    const errors = validation.issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.path}`).sort();
    assert.deepEqual(errors, ['rule.certification-missing /certification', 'structure.required /header/issueDate', 'structure.required /header/number']);
  });
});
