/**
 * XSD simple types of leaf elements, from the WCO format, value type, pattern and code list of each
 * catalogue entry. Each type accepts at least what the validator accepts (XSD `\s` is narrower than
 * JavaScript's, so some blank-looking text passes here and fails there), and never less.
 */
import type { CodeListId, ElementEntry } from '../catalogue/entry.js';
import { parseFormat } from '../catalogue/format.js';
import { codeList } from '../codelists/code-lists.js';
import { el, type Markup } from './xsd-markup.js';

/** Code lists of at most this many codes become enumerations (as in the JSON Schema); HS never does. */
const maxInlinedCodes = 300;

// XSD patterns are anchored and have no lookahead. Written so that libxml2 can match them
// deterministically: the first non-space character ends `\s*` without backtracking.
const notBlankText = '\\s*[^\\s\u007F][^\u007F]*';
const charsetPatterns = { a: '[A-Za-z]+', n: '[0-9]+', an: notBlankText } as const;
const datePattern = '[0-9]{4}-[0-9]{2}-[0-9]{2}';
const dateTimePattern = '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+\\-][0-9]{2}:[0-9]{2})';

/** The named simple type of an inlined code list, or undefined when the list stays out of the XSD. */
export function codeListTypeName(id: CodeListId | undefined): string | undefined {
  if (id === undefined || id === 'hs2022-subheading' || codeList(id).codes.size > maxInlinedCodes) return undefined;
  return `${id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}Code`;
}

/** The enumeration type of an inlined code list. */
export function codeListType(id: CodeListId): Markup {
  const list = codeList(id);
  return el('xs:simpleType', { name: codeListTypeName(id) ?? id }, [
    el('xs:annotation', {}, [el('xs:documentation', {}, [`${list.title}. Source: ${list.source}.`])]),
    el('xs:restriction', { base: 'xs:string' }, [...list.codes.keys()].map((code) => el('xs:enumeration', { value: code }))),
  ]);
}

/** A catalogue pattern (an anchored JavaScript regex) as an XSD pattern. */
export function xsdPattern(pattern: string): string {
  const body = pattern.replace(/^\^/, '').replace(/\$$/, '');
  // Constructs XSD regexes lack; the catalogue test renders the XSD, so this fails in CI, not at runtime.
  if (/\(\?|\\[bBk1-9]|(?<!\\)\$|(?<![[\\])\^/.test(body)) throw new Error(`pattern ${pattern} cannot be written as an XSD pattern`);
  return body;
}

function restriction(base: string | Markup, facets: readonly Markup[]): Markup {
  return typeof base === 'string' ? el('xs:restriction', { base }, facets) : el('xs:restriction', {}, [base, ...facets]);
}

function stringType(e: ElementEntry): Markup {
  const fmt = parseFormat(e.format);
  const lengths = fmt.minLength === fmt.maxLength ? [el('xs:length', { value: fmt.maxLength })] : [el('xs:minLength', { value: fmt.minLength }), el('xs:maxLength', { value: fmt.maxLength })];
  const listType = codeListTypeName(e.codeList);
  const inner = restriction(listType ? `eco:${listType}` : 'xs:string', [...lengths, el('xs:pattern', { value: charsetPatterns[fmt.charset] })]);
  // Patterns of one restriction are alternatives; nesting makes the catalogue pattern a further condition.
  return e.pattern ? restriction(el('xs:simpleType', {}, [inner]), [el('xs:pattern', { value: xsdPattern(e.pattern) })]) : inner;
}

/** The simple type of a leaf element: a built-in type name, or an anonymous `xs:simpleType`. */
export function leafType(e: ElementEntry): string | Markup {
  const fmt = parseFormat(e.format);
  const simple = (r: Markup): Markup => el('xs:simpleType', {}, [r]);
  switch (e.type) {
    case 'text':
    case 'code':
      return simple(stringType(e));
    case 'date':
      return simple(restriction('xs:date', [el('xs:pattern', { value: datePattern })]));
    case 'datetime':
      return simple(restriction('xs:dateTime', [el('xs:pattern', { value: dateTimePattern })]));
    case 'boolean':
      return 'xs:boolean';
    case 'integer':
      return simple(restriction('xs:nonNegativeInteger', [el('xs:totalDigits', { value: fmt.maxLength })]));
    case 'decimal':
      return simple(
        restriction('xs:decimal', [
          el('xs:totalDigits', { value: fmt.maxLength }),
          el('xs:fractionDigits', { value: fmt.fractionDigits }),
          el('xs:minInclusive', { value: 0 }),
          el('xs:maxExclusive', { value: `1${'0'.repeat(fmt.maxLength - fmt.fractionDigits)}` }),
        ]),
      );
    case 'binary':
      // Length facets of xs:base64Binary count decoded octets; the format counts base64 characters.
      return simple(restriction('xs:base64Binary', [el('xs:maxLength', { value: Math.floor((fmt.maxLength * 3) / 4) })]));
  }
}
