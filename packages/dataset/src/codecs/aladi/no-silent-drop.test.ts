/**
 * Nothing is dropped silently: every element of every sample is either found in the imported
 * draft (its value, or a conversion naming it) or reported as unmapped (itself or an ancestor).
 * The check reads the output only; it does not trust the importer's own bookkeeping.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeText } from './cod-reader.js';
import { importAladiCod, type AladiImport } from './import-cod.js';
import { corpus, corpusFiles } from './test-corpus.js';
import { defaultXmlLimits } from './xml-guard.js';
import { parseXmlTree, type XmlNode } from './xml-tree.js';

// Elements whose content is structure, not a value the draft repeats: the envelope and the counts
// and keys the importer checks or resolves (a wrong count is reported as aladi.count-mismatch;
// an unresolvable invoice key as aladi.unmapped), and enumerations read as booleans.
const structural = new Set(['InvoiceQty', 'GoodsQty', 'ProducerQty', 'InvoiceOrderNo', 'GoodsInvoiceOrderNo', 'ProducerExporter', 'ProducerConfidenciality', 'ThirdOpStatement', 'Op3cStatement']);

/** Every primitive value of the draft, as text. */
function leafValues(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => leafValues(x, out));
  else if (typeof v === 'object' && v !== null) Object.values(v).forEach((x) => leafValues(x, out));
  else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.add(String(v));
  return out;
}

/** The paths of elements the import neither placed in the draft nor reported. */
function silentlyDropped(root: XmlNode, result: AladiImport): string[] {
  const values = leafValues(result.document);
  const remarks = result.document?.remarks ?? '';
  const named = new Set(result.issues.filter((i) => i.code === 'aladi.converted' || i.code === 'aladi.count-mismatch').map((i) => String(i.params['element'])));
  const reported = new Set(result.issues.filter((i) => i.code === 'aladi.unmapped').map((i) => String(i.params['element'])));
  const dropped: string[] = [];
  const visit = (n: XmlNode): void => {
    if (reported.has(n.path)) return;
    if (n.children.length > 0) {
      n.children.forEach(visit);
      return;
    }
    const text = normalizeText(n.text);
    const found = text === ''
      || values.has(text)
      // A midnight date-time converts to its date without loss, so without a conversion issue.
      || (/^\d{4}-\d{2}-\d{2}T00:00:00$/.test(text) && values.has(text.slice(0, 10)))
      || (!Number.isNaN(Number(text)) && values.has(String(Number(text))))
      || remarks.includes(text)
      || named.has(n.path)
      || structural.has(n.local)
      || (n.local === 'CODVer' && text === result.codVersion);
    if (!found) dropped.push(n.path);
  };
  visit(root);
  return dropped;
}

const tree = (xml: string): XmlNode => {
  const parsed = parseXmlTree(xml, defaultXmlLimits);
  assert.ok('root' in parsed);
  return parsed.root;
};

describe('the ALADI importer drops nothing silently', () => {
  for (const name of Object.values(corpusFiles)) {
    it(`maps or reports every element of ${name}`, () => {
      const xml = corpus(name);
      assert.deepEqual(silentlyDropped(tree(xml), importAladiCod(xml)), []);
    });
  }

  it('the check finds an element the import did not report (so it can fail)', () => {
    const xml = corpus(corpusFiles.realUnsigned);
    const result = importAladiCod(xml);
    const withoutOne = { ...result, issues: result.issues.filter((i) => !String(i.params['element']).endsWith('/TransportMeans')) };
    assert.deepEqual(silentlyDropped(tree(xml), withoutOne), ['/ns1:Envelope/ns1:CertOrigin/CODEH/CODExporter/COD/FormA18/Transport/TransportMeans']);
  });

  it('maps or reports every element of a COD using every block the forms share', () => {
    const xml = corpus(corpusFiles.a35)
      .replace('<ExporterCity>', '<ExporterLocality>Pirque</ExporterLocality><ExporterCity>')
      .replace('<ExporterTelephone>', '<ExporterTaxIdentification>76.123.456-7</ExporterTaxIdentification><ExporterTelephone>')
      .replace('<ExporterEmail>', '<ExporterFax>+56 2 2850 4401</ExporterFax><ExporterEmail>')
      .replace('</ExporterEmail>', '</ExporterEmail><ExporterURL>https://vinalosandes.example</ExporterURL>')
      .replace('<GeneralComments>', '<PACComments>Sin observaciones</PACComments><GeneralComments>')
      .replace('</GoodsItemOriginRules>', '</GoodsItemOriginRules><GoodsDeclarationDate>2024-06-01T00:00:00</GoodsDeclarationDate>')
      .replace('<DeclarationDate>', '<CountryOfOrigin>CL</CountryOfOrigin><CertificateInitialDate>2024-06-05T00:00:00</CertificateInitialDate><CertificateFinalDate>2025-06-05T00:00:00</CertificateFinalDate><DeclarationDate>')
      .replace('</FormA35>', '<Op3cComments><Op3cStatement>true</Op3cStatement><Op3cBusinessName>OTRO SA</Op3cBusinessName></Op3cComments></FormA35>');
    const result = importAladiCod(xml);
    assert.equal(result.ok, true);
    assert.deepEqual(silentlyDropped(tree(xml), result), []);
    assert.equal(result.document?.header?.validUntil, '2025-06-05');
    assert.deepEqual(result.document?.goodsItems?.map((g) => g.originCountry), ['CL', 'CL']);
  });
});
