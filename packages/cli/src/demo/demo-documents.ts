/**
 * Documents the demo (and the end-to-end tests) derive from the corpus for the lifecycle flows: a
 * certificate under a new number, its replacement and its amendment, and an RCEP declaration of
 * origin (type 862) by a registered Chinese exporter for Korea, made from the Thai tuna sample.
 */
import { readFile } from 'node:fs/promises';
import { corpusDir, type Sample } from './demo-samples.js';

export type DemoDocument = Sample['document'];

/** A corpus sample by file name (dataset/corpus/valid). */
export async function corpusDocument(file: string): Promise<DemoDocument> {
  return JSON.parse(await readFile(`${corpusDir()}${file}`, 'utf8')) as DemoDocument;
}

/** A copy of `doc` under another number (a certificate no gateway has seen). */
export function renumbered(doc: DemoDocument, number: string): DemoDocument {
  const copy = structuredClone(doc);
  copy.header = { ...copy.header, number };
  return copy;
}

/** The replacement of `doc` under `number`: the same goods, naming the certificate it replaces. */
export function replacementOf(doc: DemoDocument, number: string, reason = 'The original was lost in transit.'): DemoDocument {
  const copy = renumbered(doc, number);
  copy['replacement'] = { replacedNumber: doc.header.number, reasonCode: 'lost', reason };
  return copy;
}

/** Version `version` of `doc` (same number), with a corrected remark so that its content differs. */
export function amendmentOf(doc: DemoDocument, version: number): DemoDocument {
  const copy = structuredClone(doc);
  copy.header = { ...copy.header, version } as DemoDocument['header'];
  copy['remarks'] = `Amendment ${version}: the consignee's address corrected.`;
  return copy;
}

/** The registered-exporter number of the declaration's exporter (its country's REX-style registry). */
export const declarationExporter = 'CN-RE-3309000012';

/**
 * An RCEP declaration of origin made out by a registered exporter in China for Korea (the corpus has
 * none between the demo's countries): the Thai tuna declaration with a Chinese exporter and port.
 */
export async function declarationOfOrigin(number: string, exporterNumber = declarationExporter): Promise<DemoDocument> {
  const doc = renumbered(await corpusDocument('rcep-do-th-kr-tuna-registered-producer.json'), number) as DemoDocument & Record<string, Record<string, unknown>>;
  doc.header = { ...doc.header, issuingCountry: 'CN', issuePlace: 'Zhoushan' } as DemoDocument['header'];
  doc['exporter'] = { id: '3309000012', name: 'Zhoushan Ocean Canning Co., Ltd.', address: { line: '18 Haiyang Road, Dinghai', city: 'Zhoushan', postcode: '316000', country: 'CN' } };
  doc['transport'] = { ...doc['transport'], meansName: 'MV ZHOUSHAN STAR', loadingPlace: { name: 'Ningbo-Zhoushan', code: 'CNNGB' } };
  const items = doc['goodsItems'] as unknown as Record<string, unknown>[];
  for (const item of items) item['originCountry'] = 'CN';
  doc['exporterDeclaration'] = { ...doc['exporterDeclaration'], place: 'Zhoushan', signatoryName: 'Chen Jing', signatoryTitle: 'Export Compliance Manager' };
  doc['selfDeclaration'] = { exporterAuthorisationNumber: exporterNumber, authorisationType: 'registered', uniqueReference: `${exporterNumber}/2026/00388` };
  return doc;
}
