/**
 * Test support: a fast-check arbitrary of structurally valid e-CO documents for a catalogue,
 * respecting cardinalities, WCO formats, patterns, code lists and the certificate/declaration split.
 * Business rules (totals, dates in order, references) are not attempted: the documents are for
 * codec and schema tests, which must hold for any structurally valid document.
 */
import fc from 'fast-check';
import { documentKinds, type Catalogue, type DocumentKind } from '../catalogue/entry.js';
import { catalogueTree, type TreeNode } from '../catalogue/tree.js';
import type { EcoDocument } from '../types.generated.js';
import { arbitraryLeaf } from './arbitrary-values.js';

export interface ArbitraryDocumentOptions {
  /** Only certificates or only declarations of origin (default: both). */
  readonly kind?: DocumentKind;
  /** Most items of a repeated element (default 3). */
  readonly maxItems?: number;
}

function objectArbitrary(children: readonly TreeNode[], kind: DocumentKind, maxItems: number): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const child of children) {
    if (child.entry.kinds && !child.entry.kinds.includes(kind)) continue;
    const item = 'children' in child ? objectArbitrary(child.children, kind, maxItems) : arbitraryLeaf(child.entry, kind);
    // A present list is never empty (an optional list is left out instead).
    const min = Math.max(1, child.min);
    model[child.field] = child.isArray ? fc.array(item, { minLength: min, maxLength: Math.max(min, Math.min(child.max, maxItems)) }) : item;
    if (child.min > 0) requiredKeys.push(child.field);
  }
  return fc.record(model, { requiredKeys, noNullPrototype: true });
}

/** An arbitrary structurally valid document of a catalogue version. */
export function arbitraryDocument(catalogue: Catalogue, options: ArbitraryDocumentOptions = {}): fc.Arbitrary<EcoDocument> {
  const tree = catalogueTree(catalogue);
  const maxItems = options.maxItems ?? 3;
  const kinds = options.kind ? [options.kind] : [...documentKinds];
  return fc.oneof(...kinds.map((kind) => objectArbitrary(tree.children, kind, maxItems))) as unknown as fc.Arbitrary<EcoDocument>;
}
