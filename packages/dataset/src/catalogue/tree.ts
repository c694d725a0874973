/**
 * The catalogue as a tree: each class with its children in document order. The validator, the
 * codecs and the schema generators all walk this tree, so the JSON shape is defined in one place.
 */
import type { Catalogue, CatalogueEntry, ClassEntry, ElementEntry } from './entry.js';

interface NodeBase {
  /** JSON property name under the parent. */
  readonly field: string;
  readonly min: number;
  /** Upper bound; Infinity for `n`. */
  readonly max: number;
  /** True when the JSON value is an array (max > 1). */
  readonly isArray: boolean;
}
export interface ClassNode extends NodeBase {
  readonly entry: ClassEntry;
  readonly children: readonly TreeNode[];
}
export interface ElementNode extends NodeBase {
  readonly entry: ElementEntry;
}
export type TreeNode = ClassNode | ElementNode;

/** The document root: a synthetic class whose children are the top-level entries. */
export interface RootNode {
  readonly children: readonly TreeNode[];
}

/** `1..n` -> [1, Infinity]. */
export function parseCardinality(c: string): { min: number; max: number } {
  const [lo, hi] = c.split('..');
  return { min: Number(lo), max: hi === 'n' ? Infinity : Number(hi) };
}

/** Parent key of an entry key: `goodsItems[].hsCode` -> `goodsItems`; top level -> ''. */
export function parentKey(key: string): string {
  const i = key.lastIndexOf('.');
  return i < 0 ? '' : key.slice(0, i).replace(/\[\]$/, '');
}

/** Last path segment without the array marker: `producers[].address.city` -> `city`. */
export function fieldName(key: string): string {
  return key.slice(key.lastIndexOf('.') + 1).replace(/\[\]$/, '');
}

const trees = new WeakMap<Catalogue, RootNode>();

/** Builds (once per catalogue object) the tree of a catalogue. */
export function catalogueTree(catalogue: Catalogue): RootNode {
  const cached = trees.get(catalogue);
  if (cached) return cached;
  const childrenOf = new Map<string, CatalogueEntry[]>();
  for (const entry of catalogue.entries) {
    const parent = parentKey(entry.key);
    const list = childrenOf.get(parent) ?? [];
    list.push(entry);
    childrenOf.set(parent, list);
  }
  const build = (entry: CatalogueEntry): TreeNode => {
    const { min, max } = parseCardinality(entry.cardinality);
    const base = { field: fieldName(entry.key), min, max, isArray: max > 1 };
    if (entry.kind === 'element') return { ...base, entry };
    return { ...base, entry, children: (childrenOf.get(entry.key) ?? []).map(build) };
  };
  const root: RootNode = { children: (childrenOf.get('') ?? []).map(build) };
  trees.set(catalogue, root);
  return root;
}
