/**
 * A small markup builder for the XSD generator: elements as data, rendered with two-space
 * indentation. Text is escaped; attribute values also get control characters as references.
 */
import { escapeAttribute, escapeText } from '../codecs/xml/xml-text.js';

export interface Markup {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string | number>>;
  readonly children: readonly (Markup | string)[];
}

/** An element; children are elements or text. */
export function el(name: string, attributes: Markup['attributes'] = {}, children: Markup['children'] = []): Markup {
  return { name, attributes, children };
}

function attributeText(value: string | number): string {
  // DEL and C1 controls are legal XML but invisible in a file: write them as references.
  return escapeAttribute(String(value)).replace(/[\u007F-\u009F]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Renders an element and its descendants (the schema is a few levels deep: recursion is fine). */
export function renderMarkup(node: Markup, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attributes = Object.entries(node.attributes).map(([k, v]) => ` ${k}="${attributeText(v)}"`).join('');
  if (node.children.length === 0) return `${pad}<${node.name}${attributes}/>`;
  const only = node.children[0];
  if (node.children.length === 1 && typeof only === 'string') return `${pad}<${node.name}${attributes}>${escapeText(only)}</${node.name}>`;
  const inner = node.children.map((c) => (typeof c === 'string' ? `${pad}  ${escapeText(c)}` : renderMarkup(c, depth + 1)));
  return [`${pad}<${node.name}${attributes}>`, ...inner, `${pad}</${node.name}>`].join('\n');
}
