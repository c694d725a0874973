/**
 * The demo's certificates: every valid sample of the dataset corpus whose issuing and importing
 * countries are both in the demo network, plus one deliberately invalid certificate to show how
 * the national API explains errors.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export interface Sample {
  readonly file: string;
  readonly document: Record<string, unknown> & { header: { number: string; issuingCountry: string; importingCountry: string; agreementCode: string } };
}

/** The dataset package's corpus/valid folder (beside its src/ or dist/). */
export function corpusDir(): string {
  return fileURLToPath(new URL('../corpus/valid/', import.meta.resolve('@originlink/dataset')));
}

export async function demoSamples(countries: readonly string[]): Promise<Sample[]> {
  const dir = corpusDir();
  const out: Sample[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    const document = JSON.parse(await readFile(`${dir}${file}`, 'utf8')) as Sample['document'];
    if (countries.includes(document.header.issuingCountry) && countries.includes(document.header.importingCountry)) out.push({ file, document });
  }
  return out;
}

/** A copy of a sample broken in two ways the validator explains: no exporter name, an unknown HS subheading. */
export function brokenSample(sample: Sample): Sample {
  const doc = structuredClone(sample.document) as Sample['document'] & { exporter: Record<string, unknown>; goodsItems: Record<string, unknown>[] };
  doc.header = { ...doc.header, number: `${doc.header.number}-BROKEN` };
  delete doc.exporter['name'];
  if (doc.goodsItems[0]) doc.goodsItems[0]['hsCode'] = '999999';
  return { file: `${sample.file} (broken on purpose)`, document: doc };
}
