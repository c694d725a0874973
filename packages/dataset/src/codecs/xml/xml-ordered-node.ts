/**
 * Accessors for fast-xml-parser's `preserveOrder` output: a list of nodes, each `{ name: children }`
 * with attributes under `:@`, text as `{ '#text': raw }` and CDATA as `{ '#cdata': [{ '#text': raw }] }`.
 * Text and attribute values arrive with their references undecoded (entity processing is off).
 */
import { decodeReferences } from './xml-text.js';

export type OrderedNode = Readonly<Record<string, unknown>>;

export const textKey = '#text';
export const cdataKey = '#cdata';
const attributesKey = ':@';

/** The node's name: an element name, `#text`, `#cdata`, or `?target` for a processing instruction. */
export function nodeName(node: OrderedNode): string {
  for (const key of Object.keys(node)) if (key !== attributesKey) return key;
  return '';
}

/** The children of an element node. */
export function nodeChildren(node: OrderedNode, name: string): readonly OrderedNode[] {
  const children = node[name];
  return Array.isArray(children) ? (children as OrderedNode[]) : [];
}

/** The attributes of an element node, references decoded. */
export function nodeAttributes(node: OrderedNode): Readonly<Record<string, string>> {
  const raw = node[attributesKey];
  if (typeof raw !== 'object' || raw === null) return {};
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) out[name] = decodeReferences(String(value));
  return out;
}

/** The character data of a text or CDATA node (references decoded in text, CDATA verbatim). */
export function nodeText(node: OrderedNode, name: string): string {
  if (name === textKey) return decodeReferences(String(node[textKey]));
  const raw = nodeChildren(node, cdataKey)[0]?.[textKey];
  return typeof raw === 'string' ? raw : '';
}
