/**
 * Reading a COD tree while keeping account of every element: the mappers take the elements they
 * map (which marks them consumed) and report the ones they cannot place. A final sweep
 * (unmapped-sweep.ts) reports whatever nobody took, so that nothing is dropped silently.
 */
import type { RawIssue } from '../../validation/issue.js';
import type { XmlNode } from './xml-tree.js';

/** Collapses whitespace runs and trims: the XSD types are mostly xs:token, and the multi-line
 * values of real CODs are pretty-printing, not content. */
export function normalizeText(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export class CodReader {
  readonly issues: RawIssue[] = [];
  private readonly consumed = new Set<XmlNode>();
  private readonly reported = new Set<XmlNode>();

  /** Marks a node as mapped. */
  take(node: XmlNode): XmlNode {
    this.consumed.add(node);
    return node;
  }

  /** The first child with that local name, marked as mapped. */
  child(parent: XmlNode | undefined, local: string): XmlNode | undefined {
    const found = parent?.children.find((c) => c.local === local);
    return found ? this.take(found) : undefined;
  }

  /** Every child with that local name, marked as mapped. */
  children(parent: XmlNode | undefined, local: string): XmlNode[] {
    return (parent?.children ?? []).filter((c) => c.local === local).map((c) => this.take(c));
  }

  /** The normalised text of the first child with that local name; undefined when absent or empty. */
  text(parent: XmlNode | undefined, local: string): { node: XmlNode; value: string } | undefined {
    const node = this.child(parent, local);
    if (!node) return undefined;
    const value = normalizeText(node.text);
    return value === '' ? undefined : { node, value };
  }

  /** The normalised text of the first child with that local name, without its node. */
  value(parent: XmlNode | undefined, local: string): string | undefined {
    return this.text(parent, local)?.value;
  }

  isConsumed(node: XmlNode): boolean {
    return this.consumed.has(node);
  }

  isReported(node: XmlNode): boolean {
    return this.reported.has(node);
  }

  /** Reports an element (and its subtree) that has no place in the dataset. */
  unmapped(node: XmlNode, reason?: string): void {
    this.consumed.delete(node);
    this.reported.add(node);
    this.issues.push({ code: 'aladi.unmapped', path: '', params: { element: node.path, value: describeValue(node), ...(reason ? { reason } : {}) } });
  }

  /** Reports that a value was converted on its way to `pointer` in the dataset document. */
  converted(node: XmlNode, pointer: string, from: string, to: string | number | boolean): void {
    this.issues.push({ code: 'aladi.converted', path: pointer, params: { element: node.path, from, to } });
  }

  report(issue: RawIssue): void {
    this.issues.push(issue);
  }
}

/** The value an unmapped-issue quotes: the text of a leaf, or the child names of a container. */
export function describeValue(node: XmlNode): string {
  if (node.children.length === 0) return normalizeText(node.text);
  const names = [...new Set(node.children.map((c) => c.name))];
  return `<${names.join(', ')}>`;
}
