/**
 * Generates the TypeScript types of an e-CO document from the catalogue tree
 * (written to src/types.generated.ts by `npm run gen`).
 */
import type { Catalogue, ElementEntry } from '../catalogue/entry.js';
import { catalogueTree, type TreeNode } from '../catalogue/tree.js';

const scalar: Record<ElementEntry['type'], string> = {
  text: 'string', code: 'string', date: 'string', datetime: 'string', binary: 'string',
  decimal: 'number', integer: 'number', boolean: 'boolean',
};

function pascal(field: string): string {
  return field.charAt(0).toUpperCase() + field.slice(1);
}

/** Renders `export interface` declarations for every class, root first. */
export function renderTypes(catalogue: Catalogue): string {
  const out: string[] = [];
  const emit = (name: string, children: readonly TreeNode[], doc: string): void => {
    const lines = [`/** ${doc} */`, `export interface ${name} {`];
    const nested: [string, TreeNode][] = [];
    for (const child of children) {
      const e = child.entry;
      let type: string;
      if (e.kind === 'element') type = scalar[e.type];
      else {
        // Top-level classes take their XML name (GoodsItem, Producer); nested ones are prefixed by their parent.
        type = name === 'EcoDocument' ? e.xmlName : `${name}${pascal(child.field)}`;
        nested.push([type, child]);
      }
      if (child.isArray) type = `${type}[]`;
      const comment = e.wcoId ? `${e.name} (WCO DM ${e.wcoId}, ${e.cardinality})` : `${e.name} (${e.cardinality})`;
      lines.push(`  /** ${comment} */`, `  ${child.field}${child.min === 0 ? '?' : ''}: ${type};`);
    }
    lines.push('}', '');
    out.push(lines.join('\n'));
    for (const [type, node] of nested) if (node.entry.kind === 'class' && 'children' in node) emit(type, node.children, node.entry.definition.replace(/\*\//g, '* /'));
  };
  emit('EcoDocument', catalogueTree(catalogue).children, `An e-CO document (certificate or declaration of origin), dataset ${catalogue.version}.`);
  return `// Generated from the dataset catalogue by \`npm run gen\`. Do not edit.\n\n${out.join('\n')}`;
}
