/**
 * The last step of an import: walks the whole COD tree and reports as `aladi.unmapped` every
 * element, attribute and stray text the mappers did not take. An unmapped subtree is reported once,
 * at its top. XML comments and processing instructions are not data and are not reported.
 */
import { normalizeText, type CodReader } from './cod-reader.js';
import type { XmlNode } from './xml-tree.js';

/** Attributes that only carry XML machinery: namespace declarations, schema hints, signature anchors. */
function isStructuralAttribute(node: XmlNode, name: string): boolean {
  if (name === 'xmlns' || name.startsWith('xmlns:') || name.startsWith('xsi:')) return true;
  // The fixed ids the signatures reference (`URI="#COD"`, `URI="#CODEH"`).
  return name === 'id' && (node.local === 'COD' || node.local === 'CODEH');
}

function hasConsumed(node: XmlNode, reader: CodReader): boolean {
  return reader.isConsumed(node) || node.children.some((c) => hasConsumed(c, reader));
}

/** Reports everything under `root` that was neither mapped nor already reported. */
export function sweepUnmapped(root: XmlNode, reader: CodReader): void {
  const visit = (node: XmlNode): void => {
    if (reader.isReported(node)) return;
    if (!hasConsumed(node, reader)) {
      reader.unmapped(node);
      return;
    }
    for (const [name, value] of node.attributes) {
      if (isStructuralAttribute(node, name)) continue;
      reader.report({ code: 'aladi.unmapped', path: '', params: { element: `${node.path}/@${name}`, value } });
    }
    // Text beside child elements (mixed content) has no place in a COD; a leaf's text was mapped.
    const text = normalizeText(node.text);
    if (node.children.length > 0 && text !== '') {
      reader.report({ code: 'aladi.unmapped', path: '', params: { element: `${node.path}/text()`, value: text } });
    }
    for (const c of node.children) visit(c);
  };
  visit(root);
}
