/**
 * Maps the parsed XML tree onto the catalogue tree and builds the JSON shape: element names to
 * fields, repeated elements to arrays, leaf text to typed values. Each departure from the format is
 * an issue at the JSON pointer where the value would be. Recursion follows the catalogue tree only
 * (unknown elements are reported, not entered), so hostile nesting cannot deepen it.
 */
import type { ElementNode, TreeNode } from '../../catalogue/tree.js';
import { pointer, type RawIssue } from '../../validation/issue.js';
import { ecoNamespace, xsiNamespace } from './xml-names.js';
import { enterScope, expandedName, resolveName, type NamespaceScope, type QualifiedName } from './xml-namespaces.js';
import { cdataKey, nodeAttributes, nodeChildren, nodeName, nodeText, textKey, type OrderedNode } from './xml-ordered-node.js';
import { isXmlWhitespace } from './xml-text.js';
import { readLeafValue } from './xml-values.js';

interface ChildSlot {
  readonly node: TreeNode;
  /** Position in the catalogue (XSD sequence) order. */
  readonly index: number;
}

const slotMaps = new WeakMap<readonly TreeNode[], ReadonlyMap<string, ChildSlot>>();

/** XML name -> child, built once per class of each catalogue tree. */
function childSlots(children: readonly TreeNode[]): ReadonlyMap<string, ChildSlot> {
  let slots = slotMaps.get(children);
  if (!slots) {
    slots = new Map(children.map((node, index) => [node.entry.xmlName, { node, index }]));
    slotMaps.set(children, slots);
  }
  return slots;
}

/** An element's name for messages: local in the OriginLink namespace, `{uri}local` in another, as written when unbound. */
function shownName(written: string, q: QualifiedName): string {
  if (q.namespace === ecoNamespace) return q.local;
  return q.namespace === undefined ? written : expandedName(q);
}

const ignoredXsiAttributes = new Set(['schemaLocation', 'noNamespaceSchemaLocation']);

/** Reports attributes other than namespace declarations, xsi schema hints and the `allowed` ones. */
export function checkAttributes(element: string, attributes: Readonly<Record<string, string>>, scope: NamespaceScope, path: string, issues: RawIssue[], allowed: ReadonlySet<string> = new Set()): void {
  for (const attribute of Object.keys(attributes)) {
    if (attribute === 'xmlns' || attribute.startsWith('xmlns:') || allowed.has(attribute)) continue;
    const q = resolveName(attribute, scope, true);
    if (q.namespace === xsiNamespace && ignoredXsiAttributes.has(q.local)) continue;
    issues.push({ code: 'xml.unknown-attribute', path, params: { attribute, name: element } });
  }
}

/** Reads the children of a class element (or of the root) into an object. */
export function readChildren(children: readonly TreeNode[], items: readonly OrderedNode[], owner: string, path: string, scope: NamespaceScope, issues: RawIssue[]): Record<string, unknown> {
  const slots = childSlots(children);
  const result: Record<string, unknown> = {};
  let last: ChildSlot | undefined;
  for (const item of items) {
    const name = nodeName(item);
    if (name === textKey || name === cdataKey) {
      const text = nodeText(item, name);
      // Indentation between elements is not data; anything else has no place in a container.
      if (!isXmlWhitespace(text)) issues.push({ code: 'xml.unexpected-text', path, params: { name: owner, text: text.trim().slice(0, 60) } });
      continue;
    }
    if (name.startsWith('?')) continue;
    const attributes = nodeAttributes(item);
    const inner = enterScope(scope, attributes);
    const q = resolveName(name, inner);
    const slot = q.namespace === ecoNamespace ? slots.get(q.local) : undefined;
    if (!slot) {
      issues.push({ code: 'xml.unknown-element', path: pointer(path, name), params: { name: shownName(name, q) } });
      continue;
    }
    const { node } = slot;
    let p = pointer(path, node.field);
    checkAttributes(name, attributes, inner, p, issues);
    if (!node.isArray && result[node.field] !== undefined) {
      issues.push({ code: 'xml.repeated-element', path: p, params: { name: q.local } });
      continue;
    }
    if (last && slot.index < last.index) issues.push({ code: 'xml.element-order', path: p, params: { name: q.local, after: last.node.entry.xmlName } });
    else last = slot;
    if (node.isArray) p = pointer(p, ((result[node.field] ??= []) as unknown[]).length);
    const value = 'children' in node ? readChildren(node.children, nodeChildren(item, name), q.local, p, inner, issues) : readLeaf(node, nodeChildren(item, name), q.local, p, inner, issues);
    if (node.isArray) (result[node.field] as unknown[]).push(value);
    else result[node.field] = value;
  }
  return result;
}

/** Reads a leaf element's text (text and CDATA concatenated, comments dropped) as its typed value. */
function readLeaf(node: ElementNode, items: readonly OrderedNode[], name: string, path: string, scope: NamespaceScope, issues: RawIssue[]): unknown {
  let text = '';
  for (const item of items) {
    const itemName = nodeName(item);
    if (itemName === textKey || itemName === cdataKey) text += nodeText(item, itemName);
    else if (!itemName.startsWith('?')) {
      // Mixed content: a leaf holds text only.
      const q = resolveName(itemName, enterScope(scope, nodeAttributes(item)));
      issues.push({ code: 'xml.unknown-element', path: pointer(path, itemName), params: { name: shownName(itemName, q) } });
    }
  }
  const read = readLeafValue(node.entry.type, text);
  if (read.ok) return read.value;
  issues.push({ code: 'xml.value', path, params: { name, value: text, expected: read.expected } });
  return text;
}
