/**
 * Generates the JSON Schema (draft 2020-12) of an e-CO document from the catalogue tree (written to
 * schema/eco-document.schema.json by `npm run gen`). It expresses what a schema can: shape,
 * cardinalities, WCO formats, patterns, small code lists and the certificate/declaration split.
 * Code lists too large to inline, the business rules and the agreement profiles stay with the validator.
 */
import type { Catalogue, CodeListId, DocumentKind, ElementEntry } from '../catalogue/entry.js';
import { parseFormat } from '../catalogue/format.js';
import { catalogueTree, type TreeNode } from '../catalogue/tree.js';
import { codeList } from '../codelists/code-lists.js';
import { declarationTypeCodes } from '../codelists/small-lists.js';

/** A JSON Schema object, as plain JSON data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Options of the rendering. */
export interface JsonSchemaOptions {
  /**
   * Code lists of at most this many codes are inlined as `enum` in `$defs` (default 300: countries,
   * currencies, transport means and the small lists; not HS, units or package types). 0 inlines none.
   */
  readonly maxInlinedCodes?: number;
}

// The same character rules as value-checks.ts: no control characters XML 1.0 cannot carry, and
// text must not be blank. Written as regex escapes so the JSON file stays plain ASCII.
const noControlCharacters = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\uFFFE\\uFFFF]*$';
const notBlank = '\\S';
const charsetPatterns = { a: '^[A-Za-z]+$', n: '^[0-9]+$' } as const;
const datePattern = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const dateTimePattern = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$';
const base64Pattern = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';

/** `pattern` for one regex, `allOf` of patterns for several (a schema object has one `pattern`). */
function patterns(list: readonly string[]): JsonSchema {
  if (list.length === 0) return {};
  if (list.length === 1) return { pattern: list[0] };
  return { pattern: list[0], allOf: list.slice(1).map((pattern) => ({ pattern })) };
}

/** Code lists inlined while rendering one schema (each becomes a `$defs` entry), and the size limit. */
interface InlinedLists {
  readonly ids: Set<CodeListId>;
  readonly max: number;
}

function stringSchema(e: ElementEntry, lists: InlinedLists): JsonSchema {
  if (e.codeList && e.codeList !== 'hs2022-subheading' && codeList(e.codeList).codes.size <= lists.max) {
    lists.ids.add(e.codeList);
    return { type: 'string', $ref: `#/$defs/${e.codeList}` };
  }
  const fmt = parseFormat(e.format);
  // JSON Schema counts string length in code points, as the WCO formats (and the validator) do.
  const lengths = { minLength: fmt.minLength, maxLength: fmt.maxLength };
  const charset = fmt.charset === 'an' ? [noControlCharacters, notBlank] : [charsetPatterns[fmt.charset]];
  return { type: 'string', ...lengths, ...patterns([...charset, ...(e.pattern ? [e.pattern] : [])]) };
}

function elementSchema(e: ElementEntry, lists: InlinedLists): JsonSchema {
  const fmt = parseFormat(e.format);
  switch (e.type) {
    case 'text':
    case 'code':
      return stringSchema(e, lists);
    case 'date':
      return { type: 'string', format: 'date', pattern: datePattern };
    case 'datetime':
      return { type: 'string', format: 'date-time', pattern: dateTimePattern };
    case 'boolean':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer', minimum: 0, maximum: 10 ** fmt.maxLength - 1 };
    case 'decimal':
      return {
        type: 'number',
        minimum: 0,
        exclusiveMaximum: 10 ** (fmt.maxLength - fmt.fractionDigits),
        // multipleOf 0.000001 is what the format means, but binary floating-point validators (ajv,
        // Python jsonschema) then refuse ordinary values such as 12.345: the validator checks it.
        $comment: `At most ${fmt.fractionDigits} decimal places (format ${e.format}); checked by the OriginLink validator, not by this schema.`,
      };
    case 'binary':
      return { type: 'string', contentEncoding: 'base64', minLength: 1, maxLength: fmt.maxLength, pattern: base64Pattern };
  }
}

function describe(node: TreeNode): JsonSchema {
  const e = node.entry;
  const description = e.originDefinition ? `${e.definition} ${e.originDefinition}` : e.definition;
  return { title: e.wcoId ? `${e.name} (WCO DM ${e.wcoId})` : e.name, description };
}

function objectSchema(children: readonly TreeNode[], lists: InlinedLists): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const child of children) properties[child.field] = nodeSchema(child, lists);
  const required = children.filter((c) => c.min > 0).map((c) => c.field);
  return { type: 'object', additionalProperties: false, properties, ...(required.length > 0 ? { required } : {}) };
}

function nodeSchema(node: TreeNode, lists: InlinedLists): JsonSchema {
  const value = 'children' in node ? objectSchema(node.children, lists) : elementSchema(node.entry, lists);
  if (!node.isArray) return { ...describe(node), ...value };
  // The validator refuses an empty list (leave an optional list out instead): minItems at least 1.
  const bounds = { minItems: Math.max(1, node.min), ...(Number.isFinite(node.max) ? { maxItems: node.max } : {}) };
  return { ...describe(node), type: 'array', ...bounds, items: value };
}

/** Forbids, for one document kind, the elements that do not apply to it (`kinds` in the catalogue). */
function kindOverlay(children: readonly TreeNode[], kind: DocumentKind): JsonSchema | undefined {
  const properties: Record<string, JsonSchema | false> = {};
  for (const child of children) {
    if (child.entry.kinds && !child.entry.kinds.includes(kind)) properties[child.field] = false;
    else if ('children' in child) {
      const inner = kindOverlay(child.children, kind);
      if (inner) properties[child.field] = child.isArray ? { type: 'array', items: inner } : inner;
    }
  }
  return Object.keys(properties).length > 0 ? { type: 'object', properties } : undefined;
}

/** The schema `$id` of a dataset version. */
export function jsonSchemaId(catalogue: Catalogue): string {
  return `https://originlink.dev/schema/${catalogue.version}/eco-document.schema.json`;
}

/**
 * Renders the JSON Schema of an e-CO document for a catalogue. Documents whose header.typeCode is a
 * declaration of origin (862) may not carry certificate-only elements, and the reverse.
 */
export function renderJsonSchema(catalogue: Catalogue, options: JsonSchemaOptions = {}): JsonSchema {
  const tree = catalogueTree(catalogue);
  const lists: InlinedLists = { ids: new Set(), max: options.maxInlinedCodes ?? 300 };
  const document = objectSchema(tree.children, lists);
  const declaration = kindOverlay(tree.children, 'declaration');
  const certificate = kindOverlay(tree.children, 'certificate');
  const isDeclaration = {
    type: 'object',
    required: ['header'],
    properties: { header: { type: 'object', required: ['typeCode'], properties: { typeCode: { enum: [...declarationTypeCodes] } } } },
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: jsonSchemaId(catalogue),
    title: `e-CO document (OriginLink dataset ${catalogue.version})`,
    description:
      'A certificate or declaration of origin in the OriginLink e-CO maximum dataset. Generated from the dataset catalogue by `npm run gen`; do not edit. ' +
      'Structure only: the OriginLink validator also checks the large code lists (HS subheadings, units, package types), decimal places, the business rules and the agreement profile.',
    ...document,
    ...(declaration || certificate ? { if: isDeclaration, then: declaration ?? {}, else: certificate ?? {} } : {}),
    $defs: Object.fromEntries([...lists.ids].sort().map((id) => [id, { title: codeList(id).title, description: `Source: ${codeList(id).source}.`, enum: [...codeList(id).codes.keys()] }])),
  };
}
