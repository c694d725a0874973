/**
 * Test support: reads the ALADI samples of corpus/aladi/ (see its README.md for their sources).
 * Kept beside the tests; no production module imports it.
 */
import { readFileSync } from 'node:fs';

const dir = new URL('../../../corpus/aladi/', import.meta.url);

export const corpusFiles = {
  realUnsigned: 'A14-FormA18-unsigned.xml',
  a18: 'A18-FormA18-certified-4.1.0.xml',
  a35: 'A35-FormA35-certified-4.1.0.xml',
  a33: 'A33-FormA33-certified-4.1.0.xml',
  invalid: 'A18-FormA18-invalid-4.1.0.xml',
} as const;

/** The text of a corpus file. */
export function corpus(name: (typeof corpusFiles)[keyof typeof corpusFiles]): string {
  return readFileSync(new URL(name, dir), 'utf8');
}
