/**
 * Certificates for the end-to-end tests: the corpus's China -> Korea ChKFTA certificate (kimchi,
 * dataset/corpus/valid/chkfta-cn-kr-kimchi.json) under a fresh number per use, so each test and
 * each run submits certificates no gateway has seen.
 */
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { corpusDir, type Sample } from '../demo/demo-samples.js';

export type TestCertificate = Sample['document'];

let cached: TestCertificate | undefined;

/** The corpus sample, read once. */
async function kimchi(): Promise<TestCertificate> {
  cached ??= JSON.parse(await readFile(`${corpusDir()}chkfta-cn-kr-kimchi.json`, 'utf8')) as TestCertificate;
  return cached;
}

/** A prefix unique to this run, so numbers never collide with another run's leftovers. */
export const runTag = randomBytes(3).toString('hex').toUpperCase();

/** The China -> Korea certificate numbered `E2E-<run>-<label>-<n>`. */
export async function testCertificate(label: string, n: number): Promise<TestCertificate> {
  const doc = structuredClone(await kimchi());
  doc.header = { ...doc.header, number: `E2E-${runTag}-${label}-${n}` };
  return doc;
}
