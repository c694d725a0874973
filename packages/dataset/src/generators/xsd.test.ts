/**
 * The generated XSD: its shape, that libxml2 (system xmllint) compiles it, accepts the writer's XML
 * for every corpus document and for generated documents, and rejects structurally invalid XML.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { catalogue } from '../catalogue/catalogue.js';
import { catalogueAt } from '../catalogue/versions.js';
import { encodeXml } from '../codecs/xml/xml-writer.js';
import { arbitraryDocument } from '../testing/arbitrary-document.js';
import { validCorpus } from '../testing/corpus.js';
import { requireXmllint, xmllint } from '../testing/xmllint.js';
import type { EcoDocument } from '../types.generated.js';
import { xsdPattern } from './xsd-simple-type.js';
import { renderXsd } from './xsd.js';

const dir = mkdtempSync(join(tmpdir(), 'originlink-xsd-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const xsd = renderXsd(catalogue);
const xsdPath = join(dir, 'eco-document.xsd');
writeFileSync(xsdPath, xsd);

/** Writes XML files and validates them in one xmllint run; returns the names that failed. */
function failing(files: ReadonlyMap<string, string>): { failed: string[]; output: string } {
  const paths = [...files].map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
  const run = xmllint(['--noout', '--schema', xsdPath, ...paths]);
  assert.doesNotMatch(run.output, /failed to compile/, run.output);
  const failed = [...files.keys()].filter((name) => run.output.includes(`${join(dir, name)} fails to validate`));
  return { failed, output: run.output };
}

const minimal: EcoDocument = {
  header: { number: 'CO-1', typeCode: '861', agreementCode: 'ATIGA', issuingCountry: 'ID', importingCountry: 'TH', issueDate: '2026-03-02' },
  exporter: { name: 'PT Kopi' },
  goodsItems: [{ itemNumber: 1, description: 'Coffee', hsCode: '090111', originCriterion: { code: 'WO' } }],
};

describe('renderXsd', () => {
  it('declares the OriginLink namespace, qualified elements and the root element', () => {
    assert.match(xsd, /targetNamespace="urn:originlink:eco:1"/);
    assert.match(xsd, /elementFormDefault="qualified"/);
    assert.match(xsd, /<xs:element name="ProofOfOrigin" type="eco:ProofOfOriginType"\/>/);
    assert.match(xsd, /<xs:attribute name="datasetVersion" use="required">/);
  });

  it('is well-formed XML', () => {
    assert.equal(XMLValidator.validate(xsd), true);
  });

  it('has one complex type per class, children in catalogue order, occurrences from cardinalities', () => {
    const classes = catalogue.entries.filter((e) => e.kind === 'class').length;
    assert.equal(xsd.match(/<xs:complexType name=/g)?.length, classes + 1);
    const header = xsd.slice(xsd.indexOf('<xs:complexType name="HeaderType">'), xsd.indexOf('</xs:complexType>', xsd.indexOf('<xs:complexType name="HeaderType">')));
    const names = [...header.matchAll(/<xs:element name="(\w+)"/g)].map((m) => m[1]);
    assert.deepEqual(names, catalogue.entries.filter((e) => /^header\.[a-zA-Z]+$/.test(e.key)).map((e) => e.xmlName));
    assert.match(xsd, /<xs:element name="GoodsItem" maxOccurs="unbounded" type="eco:GoodsItemType">/);
    assert.match(xsd, /<xs:element name="Producer" minOccurs="0" maxOccurs="unbounded" type="eco:ProducerType">/);
  });

  it('derives simple types from the WCO formats and documents each element with its WCO DM ID', () => {
    assert.match(xsd, /<xs:restriction base="xs:decimal">\s*<xs:totalDigits value="16"\/>\s*<xs:fractionDigits value="6"\/>\s*<xs:minInclusive value="0"\/>\s*<xs:maxExclusive value="10000000000"\/>/);
    assert.match(xsd, /<xs:restriction base="xs:nonNegativeInteger">\s*<xs:totalDigits value="5"\/>/);
    assert.match(xsd, /<xs:element name="BackToBackIndicator" minOccurs="0" type="xs:boolean">/);
    assert.match(xsd, /<xs:restriction base="xs:date">/);
    assert.match(xsd, /<xs:restriction base="xs:base64Binary">/);
    assert.match(xsd, /<xs:pattern value="\[0-9\]\{6\}\(\[0-9\]\{2\}\)\{0,3\}"\/>/);
    assert.match(xsd, /Commodity classification \(HS code\): .* WCO DM ID 145 \(wco-dm-3\.6\)\./);
  });

  it('inlines the code lists of at most 300 codes as enumerations, not HS or units', () => {
    assert.match(xsd, /<xs:simpleType name="DocumentTypeCode">/);
    assert.match(xsd, /<xs:simpleType name="Iso3166Alpha2Code">/);
    assert.match(xsd, /<xs:enumeration value="864"\/>/);
    assert.doesNotMatch(xsd, /Hs2022SubheadingCode|UneceRec20Code/);
  });

  it('renders an earlier dataset version without the elements added since', () => {
    const v1 = renderXsd(catalogueAt('1.0.0'));
    assert.match(v1, /version="1.0.0"/);
    assert.doesNotMatch(v1, /SelfDeclaration/);
    assert.match(xsd, /SelfDeclaration/);
  });

  it('refuses a catalogue pattern XSD cannot express', () => {
    assert.equal(xsdPattern('^[A-Z]{2}$'), '[A-Z]{2}');
    assert.throws(() => xsdPattern('^(?:ab)+$'));
    assert.throws(() => xsdPattern('^\\bword$'));
  });
});

describe('renderXsd with xmllint', () => {
  it('compiles as a schema and accepts the XML of every corpus document', (t) => {
    if (!requireXmllint(t)) return;
    const files = new Map<string, string>();
    for (const { file: name, document } of validCorpus()) {
      files.set(name.replace(/\.json$/, '.xml'), encodeXml(document as EcoDocument));
      files.set(name.replace(/\.json$/, '.compact.xml'), encodeXml(document as EcoDocument, { pretty: false }));
    }
    const { failed, output } = failing(files);
    assert.deepEqual(failed, [], output);
  });

  it('accepts the XML of generated documents (60, fixed seed)', (t) => {
    if (!requireXmllint(t)) return;
    const docs = fc.sample(arbitraryDocument(catalogue), { numRuns: 60, seed: 7 });
    const { failed, output } = failing(new Map(docs.map((d, i) => [`generated-${i}.xml`, encodeXml(d, { pretty: i % 2 === 0 })])));
    assert.deepEqual(failed, [], output);
  });

  it('rejects structurally invalid XML', (t) => {
    if (!requireXmllint(t)) return;
    const good = encodeXml({ ...minimal, specialCases: { backToBack: true }, totals: { grossWeight: { value: 12.5, unitCode: 'KGM' } } }, { pretty: false });
    assert.deepEqual(failing(new Map([['good.xml', good]])).failed, [], 'the base document is valid');
    const bad: Record<string, string> = {
      'missing-required.xml': good.replace('<ID>CO-1</ID>', ''),
      'wrong-order.xml': good.replace(/(<Header>.*<\/Header>)(<Exporter>.*<\/Exporter>)/, '$2$1'),
      'unknown-element.xml': good.replace('</Exporter>', '<Colour>red</Colour></Exporter>'),
      'repeated-element.xml': good.replace('<Name>PT Kopi</Name>', '<Name>PT Kopi</Name><Name>Again</Name>'),
      'bad-date.xml': good.replace('2026-03-02', '2026-02-30'),
      'date-with-zone.xml': good.replace('2026-03-02', '2026-03-02Z'),
      'negative.xml': good.replace('<Value>12.5</Value>', '<Value>-12.5</Value>'),
      'fraction-digits.xml': good.replace('<Value>12.5</Value>', '<Value>12.1234567</Value>'),
      'too-many-digits.xml': good.replace('<Value>12.5</Value>', '<Value>12345678901</Value>'),
      'exponent.xml': good.replace('<Value>12.5</Value>', '<Value>1.25e1</Value>'),
      'bad-boolean.xml': good.replace('<BackToBackIndicator>true', '<BackToBackIndicator>yes'),
      'too-long.xml': good.replace('PT Kopi', 'x'.repeat(257)),
      'blank.xml': good.replace('PT Kopi', '   '),
      'pattern.xml': good.replace('090111', '0901.11'),
      'letters-only.xml': good.replace('<IssuingCountryCode>ID', '<IssuingCountryCode>I1'),
      'document-type.xml': good.replace('<TypeCode>861', '<TypeCode>999'),
      'no-goods.xml': good.replace(/<GoodsItem>.*<\/GoodsItem>/, ''),
      'wrong-namespace.xml': good.replace('urn:originlink:eco:1', 'urn:other'),
      'no-version.xml': good.replace(' datasetVersion="1.1.0"', ''),
    };
    for (const [name, text] of Object.entries(bad)) assert.notEqual(text, good, `${name} changes the document`);
    const { failed, output } = failing(new Map(Object.entries(bad)));
    assert.deepEqual(failed.sort(), Object.keys(bad).sort(), output);
  });
});
