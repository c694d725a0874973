/**
 * Validates a COD against the ALADI XSD of the version it declares, with libxml2 compiled to
 * WebAssembly (xmllint-wasm: no system dependency, no network, runs in a worker thread). Only
 * schema 4.1.0 is bundled; a COD declaring another version gets an info issue saying it was not
 * checked. The input passes the same guard as the importer before libxml2 sees it.
 */
import { memoryPages, validateXML } from 'xmllint-wasm';
import { finishIssues } from '../../validation/validate.js';
import type { Issue, RawIssue } from '../../validation/issue.js';
import { codXsd410 } from './cod-4.1.0-xsd.generated.js';
import { CodReader } from './cod-reader.js';
import { codPath, findCodParts } from './envelope.js';
import type { AladiImportOptions } from './import-cod.js';
import { defaultXmlLimits, guardXml, type XmlLimits } from './xml-guard.js';
import { parseXmlTree } from './xml-tree.js';
import { xmldsigSubsetFileName, xmldsigSubsetXsd } from './xmldsig-subset-xsd.js';

/** The COD versions whose XSD is bundled. */
export const checkedCodVersions = ['4.1.0'] as const;

// The published XSD imports the W3C xmldsig schema by URL (with a trailing space); point the
// import at the bundled subset instead, since the validator cannot and must not fetch it.
const xmldsigImport = /(<xs:import namespace="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#" schemaLocation=")[^"]*(")/;

/** The 4.1.0 XSD with its xmldsig import resolved locally; undefined if the import is not found. */
export function localCodXsd410(): string | undefined {
  return xmldsigImport.test(codXsd410) ? codXsd410.replace(xmldsigImport, `$1${xmldsigSubsetFileName}$2`) : undefined;
}

/** The declared version (`CODVer`), or the issue that stops the check before the schema is used. */
function declaredVersion(xml: string, limits: XmlLimits): { version: string | undefined } | { issue: RawIssue } {
  const refused = guardXml(xml, limits);
  if (refused) return { issue: refused };
  const parsed = parseXmlTree(xml, limits);
  if ('issue' in parsed) return parsed;
  const parts = findCodParts(parsed.root, new CodReader());
  if (!parts) return { issue: { code: 'aladi.not-cod', path: '', params: { root: parsed.root.name, expected: codPath } } };
  return { version: parts.version };
}

/**
 * Validates a COD against the bundled XSD of its declared version. Resolves to the issues: none
 * when it validates, `aladi.schema` per violation (with the line), `aladi.schema-not-checked` for
 * a version without a bundled XSD. Never rejects for bad input.
 */
export async function validateAladiSchema(xml: string, options: AladiImportOptions = {}): Promise<Issue[]> {
  const limits: XmlLimits = { maxBytes: options.maxBytes ?? defaultXmlLimits.maxBytes, maxDepth: options.maxDepth ?? defaultXmlLimits.maxDepth };
  const declared = declaredVersion(xml, limits);
  if ('issue' in declared) return finishIssues([declared.issue]);
  const version = declared.version ?? '(none)';
  if (!(checkedCodVersions as readonly string[]).includes(version)) {
    return finishIssues([{ code: 'aladi.schema-not-checked', path: '', params: { version, checked: checkedCodVersions.join(', ') } }]);
  }
  const xsd = localCodXsd410();
  if (xsd === undefined) return finishIssues([{ code: 'aladi.schema-failed', path: '', params: { detail: 'the bundled XSD has no xmldsig import to resolve' } }]);
  try {
    const result = await validateXML({
      xml: [{ fileName: 'cod.xml', contents: xml }],
      schema: [{ fileName: 'cod_ver_4.1.0.xsd', contents: xsd }],
      preload: [{ fileName: xmldsigSubsetFileName, contents: xmldsigSubsetXsd }],
      // libxml2 needs several times the document's size; the default 32 MiB is short for a large COD.
      maxMemoryPages: 256 * memoryPages.MiB,
    });
    if (result.valid) return [];
    return finishIssues(result.errors.map((e) => ({
      code: 'aladi.schema',
      path: '',
      params: { version, detail: e.message.replace(/^(element \S+: )?Schemas validity error\s*:\s*/, '').replace(/\.$/, ''), ...(e.loc ? { line: e.loc.lineNumber } : {}) },
    })));
  } catch (e) {
    return finishIssues([{ code: 'aladi.schema-failed', path: '', params: { detail: e instanceof Error ? e.message : String(e) } }]);
  }
}
