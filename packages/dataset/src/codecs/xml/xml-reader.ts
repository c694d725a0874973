/**
 * Reads OriginLink XML into the JSON shape of an e-CO document (the caller then runs
 * validateDocument). Hostile input is refused before the parser sees it: size limit, any DOCTYPE or
 * ENTITY declaration, characters XML forbids, malformed markup, excessive nesting, unknown entities.
 * Every failure is an issue with a stable code; nothing throws on bad input.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { datasetVersions } from '../../catalogue/catalogue.js';
import { catalogueTree } from '../../catalogue/tree.js';
import { catalogueAt, isKnownVersion } from '../../catalogue/versions.js';
import type { RawIssue, Result } from '../../validation/issue.js';
import { finishIssues, hasNoErrors } from '../../validation/validate.js';
import { defaultXmlLimits, forbiddenDeclaration, lineAt, sizeOver, type XmlLimits } from './xml-limits.js';
import { datasetVersionAttribute, ecoNamespace, rootElementName } from './xml-names.js';
import { emptyScope, enterScope, expandedName, resolveName } from './xml-namespaces.js';
import { nodeAttributes, nodeChildren, nodeName, type OrderedNode } from './xml-ordered-node.js';
import { scanMarkup } from './xml-scan.js';
import { nonXmlCharacter } from './xml-text.js';
import { checkAttributes, readChildren } from './xml-tree-reader.js';

function parserFor(maxDepth: number): XMLParser {
  return new XMLParser({
    preserveOrder: true, // element order is needed to report order errors and paths
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false, // strings stay strings; the catalogue decides types
    parseAttributeValue: false,
    trimValues: false, // leaf text is data, white space included
    processEntities: false, // references are checked by the scanner and decoded by us (numeric ones too)
    htmlEntities: false,
    cdataPropName: '#cdata',
    ignoreDeclaration: true,
    ignorePiTags: true,
    removeNSPrefix: false, // prefixes are resolved against xmlns declarations, not dropped
    jPath: false, // the jPath string costs O(depth) per element
    maxNestedTags: maxDepth + 1, // already enforced by the scanner; a second guard
    onDangerousProperty: (name) => name, // names are only compared, never used as object paths
  });
}

/** The pre-parse checks; the first failure ends reading. */
function precheck(text: string, maxBytes: number, maxDepth: number): RawIssue | undefined {
  const bytes = sizeOver(text, maxBytes);
  if (bytes !== undefined) return { code: 'input.too-large', path: '', params: { bytes, maxBytes } };
  const declaration = forbiddenDeclaration(text);
  if (declaration >= 0) return { code: 'xml.doctype-forbidden', path: '', params: { line: lineAt(text, declaration) } };
  const bad = nonXmlCharacter.exec(text);
  if (bad) {
    const code = bad[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0') ?? '?';
    return { code: 'xml.malformed', path: '', params: { detail: `character U+${code} is not allowed in XML`, line: lineAt(text, bad.index) } };
  }
  // The linear scan bounds nesting before the validator, which is slower on deep input.
  const scanned = scanMarkup(text, maxDepth);
  if (scanned) return scanned;
  const wellFormed = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (wellFormed !== true) return { code: 'xml.malformed', path: '', params: { detail: wellFormed.err.msg.replace(/\.$/, ''), line: wellFormed.err.line, column: wellFormed.err.col } };
  return undefined;
}

/** Root element, namespace and dataset version, then the document itself. */
function readRoot(nodes: readonly OrderedNode[], issues: RawIssue[]): unknown {
  const root = nodes.find((n) => !nodeName(n).startsWith('#') && !nodeName(n).startsWith('?'));
  if (!root) {
    issues.push({ code: 'xml.malformed', path: '', params: { detail: 'there is no root element' } });
    return undefined;
  }
  const name = nodeName(root);
  const attributes = nodeAttributes(root);
  const scope = enterScope(emptyScope, attributes);
  const q = resolveName(name, scope);
  if (q.namespace !== ecoNamespace || q.local !== rootElementName) {
    issues.push({ code: 'xml.wrong-root', path: '', params: { root: q.namespace === undefined ? name : expandedName(q), expected: `${rootElementName} in namespace ${ecoNamespace}` } });
    return undefined;
  }
  checkAttributes(name, attributes, scope, '', issues, new Set([datasetVersionAttribute]));
  const version = attributes[datasetVersionAttribute];
  if (version === undefined || !isKnownVersion(version)) {
    issues.push({ code: 'xml.dataset-version', path: '', params: { version: version ?? '(missing)', known: datasetVersions.join(', ') } });
    return undefined;
  }
  return readChildren(catalogueTree(catalogueAt(version)).children, nodeChildren(root, name), rootElementName, '', scope, issues);
}

/**
 * Decodes OriginLink XML into the JSON shape of an e-CO document: integers and decimals become
 * numbers, booleans booleans, repeated elements arrays; leaf text is kept exactly. The elements are
 * read with the catalogue of the root's `datasetVersion`. Validate the value afterwards.
 */
export function decodeXml(text: string, limits: XmlLimits = {}): Result<unknown> {
  const maxBytes = limits.maxBytes ?? defaultXmlLimits.maxBytes;
  const maxDepth = limits.maxDepth ?? defaultXmlLimits.maxDepth;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const problem = precheck(body, maxBytes, maxDepth);
  if (problem) return { ok: false, issues: finishIssues([problem]) };
  let nodes: readonly OrderedNode[];
  try {
    nodes = parserFor(maxDepth).parse(body) as OrderedNode[];
  } catch (e) {
    // The validator accepted the text; the parser refusing it anyway (for example an element named
    // "constructor", which it will not create) is reported as malformed rather than thrown.
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, issues: finishIssues([{ code: 'xml.malformed', path: '', params: { detail } }]) };
  }
  const raw: RawIssue[] = [];
  const value = readRoot(nodes, raw);
  const issues = finishIssues(raw);
  return hasNoErrors(issues) ? { ok: true, value, issues } : { ok: false, issues };
}
