/**
 * Structural validation compiled from the catalogue tree: shape, cardinalities, formats, patterns
 * and code lists, adjusted by an agreement profile's element usage and by the document kind.
 * Compiled once per (catalogue, usage, kind) into closures; validating walks the document once.
 */
import type { Catalogue, DocumentKind } from '../catalogue/entry.js';
import { catalogueTree, type TreeNode } from '../catalogue/tree.js';
import type { ElementUsage } from './element-usage.js';
import type { IssueCode } from './issue-codes.js';
import { pointer, pointerToken, type IssueParams, type RawIssue } from './issue.js';
import { compileValueCheck, type Report } from './value-checks.js';

export type StructureValidator = (document: unknown, issues: RawIssue[]) => void;

/**
 * Where findings go while one document is validated: the issue list, and one report function (made
 * once per document, not once per value) that reports at the path of the value being checked.
 */
interface Sink {
  readonly issues: RawIssue[];
  path: string;
  readonly report: Report;
}

type Check = (value: unknown, path: string, parent: Readonly<Record<string, unknown>>, sink: Sink) => void;

interface CompiledChild {
  readonly field: string;
  /** The field as a JSON-pointer token, escaped once at compile time. */
  readonly token: string;
  readonly key: string;
  readonly min: number;
  readonly max: number;
  readonly isArray: boolean;
  /** Present when the element must not appear: why, as an issue code and its parameters. */
  readonly forbidden?: { readonly code: IssueCode; readonly params: IssueParams };
  readonly check: Check;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

export interface StructureOptions {
  readonly usage: ElementUsage;
  readonly kind: DocumentKind;
  /** Profile id, quoted in `structure.not-used` issues. */
  readonly profileId?: string;
}

/** Compiles the structural validator of a catalogue for one usage and document kind. */
export function compileStructure(catalogue: Catalogue, options: StructureOptions): StructureValidator {
  const { usage, kind } = options;

  const compileChildren = (children: readonly TreeNode[]): CompiledChild[] =>
    children.map((node) => {
      const key = node.entry.key;
      let forbidden: CompiledChild['forbidden'];
      if (node.entry.kinds && !node.entry.kinds.includes(kind)) forbidden = { code: 'structure.not-for-kind', params: { element: key, kind } };
      else if (usage.notUsed.has(key)) forbidden = { code: 'structure.not-used', params: { element: key, profile: options.profileId ?? '' } };
      const min = usage.required.has(key) ? Math.max(1, node.min) : node.min;
      return { field: node.field, token: pointerToken(node.field), key, min, max: node.max, isArray: node.isArray, ...(forbidden ? { forbidden } : {}), check: compileNode(node) };
    });

  const compileObject = (key: string, children: readonly CompiledChild[]): Check => {
    const byField = new Map(children.map((c) => [c.field, c]));
    return (value, path, _parent, sink) => {
      const issues = sink.issues;
      if (!isObject(value)) {
        issues.push({ code: 'structure.not-an-object', path, params: { element: key || '(document)', actual: typeOf(value) } });
        return;
      }
      for (const field of Object.keys(value)) {
        if (!byField.has(field) && value[field] !== undefined) {
          issues.push({ code: 'structure.unknown-element', path: pointer(path, field), params: { element: key ? `${key}.${field}` : field } });
        }
      }
      for (const child of children) {
        const v = value[child.field];
        if (v === undefined) {
          if (child.min > 0 && !child.forbidden) issues.push({ code: 'structure.required', path: `${path}/${child.token}`, params: { element: child.key } });
          continue;
        }
        const p = `${path}/${child.token}`;
        if (child.forbidden) {
          issues.push({ code: child.forbidden.code, path: p, params: child.forbidden.params });
          continue;
        }
        if (!child.isArray) {
          child.check(v, p, value, sink);
          continue;
        }
        if (!Array.isArray(v)) {
          issues.push({ code: 'structure.type', path: p, params: { element: child.key, expected: 'array', actual: typeOf(v) } });
          continue;
        }
        if (v.length < Math.max(child.min, 1)) issues.push({ code: 'structure.too-few', path: p, params: { element: child.key, min: Math.max(child.min, 1), actual: v.length } });
        if (v.length > child.max) issues.push({ code: 'structure.too-many', path: p, params: { element: child.key, max: child.max, actual: v.length } });
        for (let i = 0; i < v.length; i++) child.check(v[i], `${p}/${i}`, value, sink);
      }
    };
  };

  const compileNode = (node: TreeNode): Check => {
    if (node.entry.kind === 'class' && 'children' in node) return compileObject(node.entry.key, compileChildren(node.children));
    if (node.entry.kind !== 'element') throw new Error('unreachable');
    const valueCheck = compileValueCheck(node.entry);
    return (value, path, parent, sink) => {
      sink.path = path;
      valueCheck(value, parent, sink.report);
    };
  };

  const root = compileObject('', compileChildren(catalogueTree(catalogue).children));
  return (document, issues) => {
    const sink: Sink = { issues, path: '', report: (code, params) => void issues.push({ code, path: sink.path, params }) };
    root(document, '', {}, sink);
  };
}
