/**
 * Writes an e-CO document as OriginLink XML: root `ProofOfOrigin` in `urn:originlink:eco:1`,
 * element names from the catalogue's `xmlName`, children in catalogue order (the XSD sequence),
 * arrays as repeated elements. The caller validates first: elements outside the catalogue are not
 * written, and a value of the wrong JSON type is a programming error (TypeError).
 */
import { currentDatasetVersion } from '../../catalogue/catalogue.js';
import type { ElementEntry } from '../../catalogue/entry.js';
import { catalogueTree, type TreeNode } from '../../catalogue/tree.js';
import { catalogueAt } from '../../catalogue/versions.js';
import { pointer } from '../../validation/issue.js';
import type { EcoDocument } from '../../types.generated.js';
import { decimalString } from './xml-number.js';
import { datasetVersionAttribute, ecoNamespace, rootElementName } from './xml-names.js';
import { escapeAttribute, escapeText, nonXmlCharacter } from './xml-text.js';

export interface EncodeXmlOptions {
  /** The dataset version to write (default: the current one); throws RangeError when unknown. */
  readonly datasetVersion?: string;
  /** Indent nested elements (default true). Leaf text is never changed, only the space between elements. */
  readonly pretty?: boolean;
}

function isObject(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The text of a leaf value, by its catalogue type. */
function leafText(entry: ElementEntry, value: unknown, path: string): string {
  const wrong = (): never => {
    throw new TypeError(`encodeXml: ${path} (${entry.key}) holds ${JSON.stringify(value) ?? String(value)}, not a valid ${entry.type}; validate the document first`);
  };
  switch (entry.type) {
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : wrong();
    case 'integer':
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? decimalString(value) : wrong();
    default:
      // Characters XML cannot carry (control characters, lone surrogates) cannot be escaped either.
      return typeof value === 'string' && !nonXmlCharacter.test(value) ? escapeText(value) : wrong();
  }
}

/**
 * Encodes a (validated) document as OriginLink XML, with an XML declaration. Numbers are written
 * in plain decimal form, booleans as `true`/`false`, CR in text as `&#13;`.
 */
export function encodeXml(document: EcoDocument, options: EncodeXmlOptions = {}): string {
  const version = options.datasetVersion ?? currentDatasetVersion;
  const tree = catalogueTree(catalogueAt(version as typeof currentDatasetVersion));
  const pretty = options.pretty ?? true;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', pretty ? '\n' : ''];
  const newline = (depth: number): string => (pretty ? `\n${'  '.repeat(depth)}` : '');

  // Recursion follows the catalogue tree (a few levels deep), never the input's own nesting.
  const writeChildren = (children: readonly TreeNode[], value: Readonly<Record<string, unknown>>, path: string, depth: number): void => {
    for (const node of children) {
      const v = value[node.field];
      if (v === undefined) continue;
      const p = pointer(path, node.field);
      if (!node.isArray) writeNode(node, v, p, depth);
      else if (Array.isArray(v)) v.forEach((item, i) => writeNode(node, item, pointer(p, i), depth));
      else throw new TypeError(`encodeXml: ${p} (${node.entry.key}) must be an array; validate the document first`);
    }
  };

  const writeNode = (node: TreeNode, value: unknown, path: string, depth: number): void => {
    const name = node.entry.xmlName;
    out.push(newline(depth));
    if (node.entry.kind === 'element') {
      const text = leafText(node.entry, value, path);
      out.push(text === '' ? `<${name}/>` : `<${name}>${text}</${name}>`);
      return;
    }
    if (!isObject(value)) throw new TypeError(`encodeXml: ${path} (${node.entry.key}) must be an object; validate the document first`);
    const start = out.length;
    out.push(`<${name}>`);
    if ('children' in node) writeChildren(node.children, value, path, depth + 1);
    if (out.length === start + 1) out[start] = `<${name}/>`;
    else out.push(newline(depth), `</${name}>`);
  };

  if (!isObject(document)) throw new TypeError('encodeXml: the document must be an object; validate it first');
  out.push(`<${rootElementName} xmlns="${ecoNamespace}" ${datasetVersionAttribute}="${escapeAttribute(version)}">`);
  writeChildren(tree.children, document, '', 1);
  out.push(newline(0), `</${rootElementName}>`, pretty ? '\n' : '');
  return out.join('');
}
