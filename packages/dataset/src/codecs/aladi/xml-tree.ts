/**
 * Parses a COD into a small element tree (name, attributes, children, text, XPath-like path) with
 * fast-xml-parser. Entities are decoded here rather than by the parser so that only the five XML
 * entities and character references are understood; CDATA stays literal. Bad input is an issue.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { RawIssue } from '../../validation/issue.js';
import type { XmlLimits } from './xml-guard.js';

/** One XML element of the input. */
export interface XmlNode {
  /** Qualified name as written (`ns1:Envelope`, `CODEH`). */
  readonly name: string;
  /** Local name, without the prefix. */
  readonly local: string;
  /** XPath-like location, with a 1-based index where siblings share the name (`.../Goods[2]`). */
  readonly path: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlNode[];
  /** The element's own character data (text and CDATA), decoded, untrimmed. */
  readonly text: string;
}

type Ordered = Record<string, unknown>;

const parser = (maxDepth: number) =>
  new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
    cdataPropName: '#cdata',
    ignoreDeclaration: true,
    ignorePiTags: true,
    // One more than the limit, so that exceeding it shows up in our own depth check below.
    maxNestedTags: maxDepth + 1,
  });

const references = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references (XML 1.0 §4.1, §4.6). */
export function decodeReferences(s: string): string {
  return s.replace(references, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) return named[name] ?? '';
    const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : '\uFFFD';
  });
}

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/** Builds the nodes of one ordered list; each sibling's path gets an index when its name repeats. */
function build(list: readonly Ordered[], parentPath: string, depth: number, maxDepth: number): XmlNode[] | 'too-deep' {
  const counts = new Map<string, number>();
  for (const item of list) {
    const name = elementName(item);
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  // `depth` is the depth of the elements in `list`: the root is at depth 1.
  if (depth > maxDepth && counts.size > 0) return 'too-deep';
  const seen = new Map<string, number>();
  const out: XmlNode[] = [];
  for (const item of list) {
    const name = elementName(item);
    if (!name) continue;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    const path = `${parentPath}/${name}${(counts.get(name) ?? 0) > 1 ? `[${n}]` : ''}`;
    const content = (item[name] ?? []) as Ordered[];
    const children = build(content, path, depth + 1, maxDepth);
    if (children === 'too-deep') return children;
    const attrs = new Map<string, string>();
    for (const [k, v] of Object.entries((item[':@'] ?? {}) as Record<string, unknown>)) attrs.set(k, decodeReferences(String(v)));
    out.push({ name, local: localName(name), path, attributes: attrs, children, text: textOf(content) });
  }
  return out;
}

function elementName(item: Ordered): string | undefined {
  return Object.keys(item).find((k) => k !== ':@' && k !== '#text' && k !== '#cdata');
}

function textOf(content: readonly Ordered[]): string {
  let s = '';
  for (const c of content) {
    if (typeof c['#text'] === 'string') s += decodeReferences(c['#text']);
    else if (Array.isArray(c['#cdata'])) for (const t of c['#cdata'] as Ordered[]) s += typeof t['#text'] === 'string' ? t['#text'] : '';
  }
  return s;
}

/** Parses well-formed XML into its root element, or returns the issue that stops it. */
export function parseXmlTree(xml: string, limits: XmlLimits): { root: XmlNode } | { issue: RawIssue } {
  const text = xml.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { issue: { code: 'xml.malformed', path: '', params: { detail: `${valid.err.msg} (line ${valid.err.line})` } } };
  let ordered: Ordered[];
  try {
    ordered = parser(limits.maxDepth).parse(text) as Ordered[];
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    if (/nested/i.test(detail)) return { issue: { code: 'xml.too-deep', path: '', params: { maxDepth: limits.maxDepth } } };
    return { issue: { code: 'xml.malformed', path: '', params: { detail } } };
  }
  const roots = build(ordered, '', 1, limits.maxDepth);
  if (roots === 'too-deep') return { issue: { code: 'xml.too-deep', path: '', params: { maxDepth: limits.maxDepth } } };
  const stray = ordered.some((o) => typeof o['#text'] === 'string' && o['#text'].trim() !== '');
  // The validator accepts several top-level elements and text outside the root; XML does not.
  if (roots.length !== 1 || stray) return { issue: { code: 'xml.malformed', path: '', params: { detail: roots.length === 0 ? 'no root element' : 'content outside the root element' } } };
  return { root: roots[0]! };
}
