/** The XML writer: names, order, repeated elements, value forms and escaping. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EcoDocument } from '../../types.generated.js';
import { encodeXml } from './xml-writer.js';

/** A small valid certificate (the ATIGA Form D corpus sample, cut down). */
function sample(): EcoDocument {
  return {
    header: { number: 'CO-1', typeCode: '861', agreementCode: 'ATIGA', issuingCountry: 'ID', importingCountry: 'TH', issueDate: '2026-03-02' },
    exporter: { name: 'PT Kopi', address: { country: 'ID' } },
    goodsItems: [
      { itemNumber: 1, description: 'Coffee', hsCode: '090111', originCriterion: { code: 'WO' } },
      { itemNumber: 2, description: 'Tea', hsCode: '090210', originCriterion: { code: 'RVC', rvcPercentage: 48 } },
    ],
  };
}

describe('encodeXml', () => {
  it('writes the root in the OriginLink namespace with the dataset version', () => {
    const xml = encodeXml(sample());
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<ProofOfOrigin xmlns="urn:originlink:eco:1" datasetVersion="1.1.0">/);
    assert.match(encodeXml(sample(), { datasetVersion: '1.0.0' }), /datasetVersion="1.0.0"/);
  });

  it('refuses an unknown dataset version', () => {
    assert.throws(() => encodeXml(sample(), { datasetVersion: '9.9.9' }), RangeError);
  });

  it('writes children in catalogue order, whatever the JSON key order', () => {
    const doc = sample();
    const header = Object.fromEntries(Object.entries(doc.header).reverse());
    const reordered = { goodsItems: doc.goodsItems, exporter: doc.exporter, header } as EcoDocument;
    const xml = encodeXml(reordered, { pretty: false });
    assert.ok(xml.indexOf('<Header>') < xml.indexOf('<Exporter>') && xml.indexOf('<Exporter>') < xml.indexOf('<GoodsItem>'));
    assert.ok(xml.indexOf('<ID>CO-1</ID>') < xml.indexOf('<IssueDate>'));
    assert.equal(xml, encodeXml(doc, { pretty: false }));
  });

  it('writes arrays as repeated elements without a wrapper', () => {
    const doc = { ...sample(), transport: { transitCountries: ['SG', 'MY'] } };
    const xml = encodeXml(doc, { pretty: false });
    assert.equal(xml.match(/<GoodsItem>/g)?.length, 2);
    assert.match(xml, /<Transport><RoutingCountryCode>SG<\/RoutingCountryCode><RoutingCountryCode>MY<\/RoutingCountryCode><\/Transport>/);
  });

  it('writes booleans as true/false and numbers in plain decimal form, never with an exponent', () => {
    const doc: EcoDocument = {
      ...sample(),
      specialCases: { backToBack: true, exhibition: false },
      totals: { grossWeight: { value: 1e-7, unitCode: 'KGM' }, fobValue: { amount: 1e21 } },
    };
    const xml = encodeXml(doc, { pretty: false });
    assert.match(xml, /<BackToBackIndicator>true<\/BackToBackIndicator><ExhibitionIndicator>false<\/ExhibitionIndicator>/);
    assert.match(xml, /<Value>0.0000001<\/Value>/);
    assert.match(xml, /<Amount>1000000000000000000000<\/Amount>/);
    assert.doesNotMatch(xml, /\d[eE][+-]?\d/);
  });

  it('escapes markup characters, writes CR as &#13; and keeps TAB and LF', () => {
    const doc = { ...sample(), remarks: ' a < b && c > d\r\n\t"quoted" \'single\' ]]> é 😀 ' };
    const xml = encodeXml(doc, { pretty: false });
    assert.ok(xml.includes('<Remarks> a &lt; b &amp;&amp; c &gt; d&#13;\n\t"quoted" \'single\' ]]&gt; é 😀 </Remarks>'));
  });

  it('indents elements when pretty and adds no white space otherwise, never inside leaf text', () => {
    const doc = { ...sample(), remarks: 'line 1\nline 2' };
    const pretty = encodeXml(doc);
    assert.match(pretty, /\n {2}<Header>\n {4}<ID>CO-1<\/ID>\n/);
    assert.ok(pretty.includes('<Remarks>line 1\nline 2</Remarks>'));
    const compact = encodeXml(doc, { pretty: false });
    assert.doesNotMatch(compact.slice(compact.indexOf('<ProofOfOrigin')), />\s+</);
  });

  it('writes an empty aggregate as an empty element', () => {
    const doc = { ...sample(), exporter: { name: 'PT Kopi', contact: {} } };
    assert.match(encodeXml(doc, { pretty: false }), /<Exporter><Name>PT Kopi<\/Name><Contact\/><\/Exporter>/);
  });

  it('does not write properties outside the catalogue', () => {
    const doc = { ...sample(), extra: 'x', header: { ...sample().header, colour: 'red' } } as unknown as EcoDocument;
    const xml = encodeXml(doc);
    assert.doesNotMatch(xml, /extra|colour|red/);
  });

  it('throws a TypeError for a value of the wrong type, naming its path', () => {
    const doc = { ...sample(), specialCases: { backToBack: 'yes' } } as unknown as EcoDocument;
    assert.throws(() => encodeXml(doc), /\/specialCases\/backToBack/);
    const notArray = { ...sample(), goodsItems: sample().goodsItems[0] } as unknown as EcoDocument;
    assert.throws(() => encodeXml(notArray), /\/goodsItems .* must be an array/);
  });

  it('throws for text XML cannot carry (a control character or a lone surrogate)', () => {
    assert.throws(() => encodeXml({ ...sample(), remarks: 'bell \u0007' }), /\/remarks/);
    assert.throws(() => encodeXml({ ...sample(), remarks: 'half \ud83d' }), /\/remarks/);
  });
});
