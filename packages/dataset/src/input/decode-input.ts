/**
 * Reads a document from text in any of the formats OriginLink accepts, detected by content:
 * JSON, OriginLink XML (namespace urn:originlink:eco:1), or ALADI COD XML (schema-validated when
 * it declares COD 4.1.0). The result is the JSON document to validate, plus the decoding issues.
 */
import { importAladiCod, validateAladiSchema } from '../codecs/aladi/index.js';
import { decodeXml, ecoNamespace } from '../codecs/xml/index.js';
import type { Issue } from '../validation/issue.js';
import { finishIssues } from '../validation/validate.js';

export const inputFormats = ['json', 'xml', 'aladi'] as const;
export type InputFormat = (typeof inputFormats)[number];

export interface DecodedInput {
  /** The detected format; undefined when none was recognised. */
  readonly format: InputFormat | undefined;
  /** The JSON document; undefined when decoding failed. */
  readonly document: unknown;
  readonly issues: readonly Issue[];
}

/** Default largest input, bytes (the gateway's body limit is configured separately). */
export const defaultMaxInputBytes = 10 * 1024 * 1024;

/** Detects the format from the first significant characters and the root element's namespace. */
export function detectFormat(text: string): InputFormat | undefined {
  const body = text.replace(/^\uFEFF?\s*/, '');
  if (body.startsWith('{')) return 'json';
  if (!body.startsWith('<')) return undefined;
  // The first start tag that is not a declaration, comment or processing instruction.
  const head = body.slice(0, 4096);
  if (head.includes(ecoNamespace)) return 'xml';
  if (/<(\w+:)?(CertOrigin|COD|CODEH|CODExporter)\b/.test(body.slice(0, 65536))) return 'aladi';
  return 'xml';
}

export async function decodeInput(text: string, options: { maxBytes?: number } = {}): Promise<DecodedInput> {
  const maxBytes = options.maxBytes ?? defaultMaxInputBytes;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) return { format: undefined, document: undefined, issues: finishIssues([{ code: 'input.too-large', path: '', params: { bytes, maxBytes } }]) };
  const format = detectFormat(text);
  switch (format) {
    case 'json':
      try {
        return { format, document: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown, issues: [] };
      } catch (err) {
        return { format, document: undefined, issues: finishIssues([{ code: 'json.malformed', path: '', params: { detail: (err as Error).message } }]) };
      }
    case 'xml': {
      const result = decodeXml(text, { maxBytes });
      return result.ok ? { format, document: result.value, issues: result.issues } : { format, document: undefined, issues: result.issues };
    }
    case 'aladi': {
      const imported = importAladiCod(text, { maxBytes });
      const schemaIssues: Issue[] = imported.document !== undefined ? await validateAladiSchema(text, { maxBytes }) : [];
      const issues = [...imported.issues, ...schemaIssues];
      return { format, document: imported.ok && schemaIssues.every((i) => i.severity !== 'error') ? imported.document : undefined, issues };
    }
    default:
      return { format: undefined, document: undefined, issues: finishIssues([{ code: 'input.unrecognised', path: '', params: {} }]) };
  }
}
