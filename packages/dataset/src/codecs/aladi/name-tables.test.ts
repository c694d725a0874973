import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeList } from '../../codelists/code-lists.js';
import { agreementCode, aladiAgreementCodes } from './agreements.js';
import { codXsd410 } from './cod-4.1.0-xsd.generated.js';
import { CodReader } from './cod-reader.js';
import { currencyCode, currencyNames, transportModeCode, transportModeNames, unitCode, unitNames } from './name-tables.js';
import { readDate, readHsCode } from './value-conversions.js';
import type { XmlNode } from './xml-tree.js';

const leaf = (text: string): XmlNode => ({ name: 'X', local: 'X', path: '/X', attributes: new Map(), children: [], text });

describe('ALADI name tables', () => {
  it('maps Spanish and Portuguese unit names, with or without accents, to Rec 20', () => {
    assert.equal(unitCode('UNIDADES'), 'C62');
    assert.equal(unitCode('Kilogramos'), 'KGM');
    assert.equal(unitCode('quilogramas'), 'KGM');
    assert.equal(unitCode('METROS CÚBICOS'), 'MTQ');
    assert.equal(unitCode('KGM'), 'KGM');
    assert.equal(unitCode('PARES'), undefined);
  });

  it('maps currency names to ISO 4217', () => {
    assert.equal(currencyCode('DOLARES ESTADOUNIDENSES'), 'USD');
    assert.equal(currencyCode('Dólares estadounidenses'), 'USD');
    assert.equal(currencyCode('REAIS'), 'BRL');
    assert.equal(currencyCode('EUR'), 'EUR');
    assert.equal(currencyCode('MONEDA LOCAL'), undefined);
  });

  it('maps transport means to Rec 19 modes, and leaves "Terrestre" (road or rail) unmapped', () => {
    assert.equal(transportModeCode('Marítimo'), '1');
    assert.equal(transportModeCode('Carretero'), '3');
    assert.equal(transportModeCode('Aéreo'), '4');
    assert.equal(transportModeCode('Terrestre'), undefined);
  });

  it('maps only to codes of the bundled code lists', () => {
    for (const c of unitNames.values()) assert.ok(codeList('unece-rec20').codes.has(c), c);
    for (const c of currencyNames.values()) assert.ok(codeList('iso4217').codes.has(c), c);
    for (const c of transportModeNames.values()) assert.ok(codeList('unece-rec19').codes.has(c), c);
  });
});

describe('ALADI agreement table', () => {
  it('maps ACE acronyms and regional agreements, and nothing it cannot justify', () => {
    assert.equal(agreementCode('A14'), 'ACE14');
    assert.equal(agreementCode('A02'), 'ACE2');
    assert.equal(agreementCode('R04'), 'AR4');
    assert.equal(agreementCode('H29'), undefined);
    assert.equal(agreementCode('CA1'), undefined);
  });

  it('covers every A and R acronym of the 4.1.0 schema, with codes the dataset accepts', () => {
    const block = codXsd410.slice(codXsd410.indexOf('<xs:simpleType name="Acronyms">'));
    const acronyms = [...block.slice(0, block.indexOf('</xs:simpleType>')).matchAll(/value="([A-Z0-9]+)"/g)].map((m) => m[1]!);
    assert.equal(acronyms.length, 48);
    assert.deepEqual(acronyms.filter((a) => /^[AR]\d\d$/.test(a)), [...aladiAgreementCodes.keys()]);
    for (const code of aladiAgreementCodes.values()) assert.match(code, /^[A-Z0-9][A-Z0-9-]*$/);
  });
});

describe('ALADI value conversions', () => {
  it('takes the local date of a date-time and reports the loss of time and offset', () => {
    const reader = new CodReader();
    assert.equal(readDate(reader, leaf('2018-09-14T23:59:59-03:00'), '/d'), '2018-09-14');
    assert.equal(readDate(reader, leaf('2018-09-12T00:00:00'), '/d'), '2018-09-12');
    assert.equal(readDate(reader, leaf('2018-09-12'), '/d'), '2018-09-12');
    assert.deepEqual(reader.issues.map((i) => [i.code, i.params['from']]), [['aladi.converted', '2018-09-14T23:59:59-03:00']]);
  });

  it('reports a date it cannot read as unmapped', () => {
    const reader = new CodReader();
    assert.equal(readDate(reader, leaf('14/09/2018'), '/d'), undefined);
    assert.deepEqual(reader.issues.map((i) => [i.code, i.params['value']]), [['aladi.unmapped', '14/09/2018']]);
  });

  it('strips the dots of a tariff code and reports it; a code without dots passes unchanged', () => {
    const reader = new CodReader();
    assert.equal(readHsCode(reader, leaf('8408.90.90'), '/h'), '84089090');
    assert.equal(readHsCode(reader, leaf('840890'), '/h'), '840890');
    assert.deepEqual(reader.issues.map((i) => [i.params['from'], i.params['to']]), [['8408.90.90', '84089090']]);
  });
});
