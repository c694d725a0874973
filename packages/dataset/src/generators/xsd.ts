/**
 * Generates the XML Schema of OriginLink XML from the catalogue tree (written to
 * schema/eco-document.xsd by `npm run gen`): one complex type per class with its children as an
 * `xs:sequence` in catalogue order, leaf simple types from the WCO formats, code lists of up to 300
 * codes as enumerations, and documentation from the entries. The HS and units lists, decimal places
 * beyond `fractionDigits`, the certificate/declaration split and the business rules stay with the validator.
 */
import type { Catalogue, CatalogueEntry, CodeListId } from '../catalogue/entry.js';
import { catalogueTree, type TreeNode } from '../catalogue/tree.js';
import { datasetVersionAttribute, ecoNamespace, rootElementName } from '../codecs/xml/xml-names.js';
import { el, renderMarkup, type Markup } from './xsd-markup.js';
import { codeListType, codeListTypeName, leafType } from './xsd-simple-type.js';

/**
 * Type-name stem of a class, as in the TypeScript types: top-level classes take their XML name
 * (`GoodsItem`), nested ones their parent's stem and their field (`GoodsItemOriginCriterion`).
 */
function typeStem(node: TreeNode, parentStem: string): string {
  return parentStem === '' ? node.entry.xmlName : `${parentStem}${node.field.charAt(0).toUpperCase()}${node.field.slice(1)}`;
}

function documentation(e: CatalogueEntry): Markup {
  const parts = [`${e.name}: ${e.definition}`];
  if (e.originDefinition) parts.push(`For a proof of origin: ${e.originDefinition}`);
  parts.push(e.wcoId ? `WCO DM ID ${e.wcoId} (${e.idProvenance}).` : 'No WCO DM ID.');
  if (e.kind === 'element') parts.push(`Format ${e.format}${e.codeList ? `, code list ${e.codeList}` : ''}.`);
  if (e.kinds) parts.push(`Only in a ${e.kinds.join(' or ')}.`);
  parts.push(`Dataset key ${e.key}, since ${e.since}.`);
  return el('xs:annotation', {}, [el('xs:documentation', {}, [parts.join(' ')])]);
}

function occurs(node: TreeNode): Record<string, string | number> {
  return {
    ...(node.min !== 1 ? { minOccurs: node.min } : {}),
    ...(node.max !== 1 ? { maxOccurs: Number.isFinite(node.max) ? node.max : 'unbounded' } : {}),
  };
}

/** The local element declaration of a child, collecting the complex types and code lists it needs. */
function elementDeclaration(node: TreeNode, parentStem: string, types: Markup[], lists: Set<CodeListId>): Markup {
  const e = node.entry;
  const base = { name: e.xmlName, ...occurs(node) };
  if ('children' in node) {
    const stem = typeStem(node, parentStem);
    addComplexType(stem, node.children, types, lists);
    return el('xs:element', { ...base, type: `eco:${stem}Type` }, [documentation(e)]);
  }
  if (e.kind === 'element' && e.codeList && codeListTypeName(e.codeList)) lists.add(e.codeList);
  const type = e.kind === 'element' ? leafType(e) : 'xs:string';
  return typeof type === 'string' ? el('xs:element', { ...base, type }, [documentation(e)]) : el('xs:element', base, [documentation(e), type]);
}

/** Adds a complex type to `types`, before the types of its descendants, so the file reads top-down. */
function addComplexType(stem: string, children: readonly TreeNode[], types: Markup[], lists: Set<CodeListId>, extra: readonly Markup[] = []): void {
  const at = types.push(el('xs:complexType')) - 1;
  const sequence = el('xs:sequence', {}, children.map((c) => elementDeclaration(c, stem === rootElementName ? '' : stem, types, lists)));
  types[at] = el('xs:complexType', { name: `${stem}Type` }, [sequence, ...extra]);
}

/** Renders the XSD of OriginLink XML for a catalogue version. */
export function renderXsd(catalogue: Catalogue): string {
  const tree = catalogueTree(catalogue);
  const types: Markup[] = [];
  const lists = new Set<CodeListId>();
  const versionAttribute = el('xs:attribute', { name: datasetVersionAttribute, use: 'required' }, [
    el('xs:annotation', {}, [el('xs:documentation', {}, ['The dataset version the document follows (semantic version).'])]),
    el('xs:simpleType', {}, [el('xs:restriction', { base: 'xs:string' }, [el('xs:pattern', { value: '[0-9]+\\.[0-9]+\\.[0-9]+' })])]),
  ]);
  addComplexType(rootElementName, tree.children, types, lists, [versionAttribute]);
  const schema = el('xs:schema', { 'xmlns:xs': 'http://www.w3.org/2001/XMLSchema', 'xmlns:eco': ecoNamespace, targetNamespace: ecoNamespace, elementFormDefault: 'qualified', attributeFormDefault: 'unqualified', version: catalogue.version }, [
    el('xs:annotation', {}, [
      el('xs:documentation', {}, [
        `OriginLink e-CO document (certificate or declaration of origin), dataset version ${catalogue.version}. ` +
          'Structure only: the OriginLink validator also checks the HS, unit, package and transport means code lists, the certificate/declaration split, the business rules and the agreement profile.',
      ]),
    ]),
    el('xs:element', { name: rootElementName, type: `eco:${rootElementName}Type` }),
    ...types,
    ...[...lists].sort().map(codeListType),
  ]);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<!-- Generated from the dataset catalogue by `npm run gen`. Do not edit. -->', renderMarkup(schema), ''].join('\n');
}
