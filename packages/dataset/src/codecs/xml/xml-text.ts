/**
 * Character-level XML: escaping text for the writer, decoding the predefined entities and character
 * references for the reader, and the XML 1.0 character set both must respect.
 */

/** A character XML 1.0 cannot carry at all (not even as a character reference), or a lone surrogate. */
export const nonXmlCharacter = /[^\t\n\r\u{20}-\u{D7FF}\u{E000}-\u{FFFD}\u{10000}-\u{10FFFF}]/u;

const textSpecials = /[&<>\r]/g;
const attributeSpecials = /[&<>"\t\n\r]/g;
const replacements: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  // A literal CR would be turned into LF by XML line-end normalisation (XML 1.0 §2.11), and
  // literal TAB/LF in an attribute into spaces (§3.3.3): character references survive both.
  '\r': '&#13;',
  '\t': '&#9;',
  '\n': '&#10;',
};

/** Escapes element text. TAB and LF stay literal (element content keeps them); CR becomes `&#13;`. */
export function escapeText(text: string): string {
  return text.replace(textSpecials, (c) => replacements[c] ?? c);
}

/** Escapes a double-quoted attribute value. */
export function escapeAttribute(text: string): string {
  return text.replace(attributeSpecials, (c) => replacements[c] ?? c);
}

const predefined: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** `&name;`, `&#123;` or `&#x1F;`, as they may appear in text and attribute values. */
export const reference = /&(?:#([0-9]+)|#x([0-9A-Fa-f]+)|([^\s&;<>]*));/g;

/**
 * The character a reference stands for, or undefined when it is not a predefined entity or a
 * character reference to a character XML allows (the reader reports such input as malformed first).
 */
export function referencedText(decimal: string | undefined, hex: string | undefined, name: string | undefined): string | undefined {
  if (name !== undefined) return predefined[name];
  const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
  if (!(code <= 0x10ffff)) return undefined;
  const char = String.fromCodePoint(code);
  return nonXmlCharacter.test(char) ? undefined : char;
}

/** Replaces the references of text already checked by the scanner. */
export function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(reference, (whole, d: string | undefined, h: string | undefined, n: string | undefined) => referencedText(d, h, n) ?? whole);
}

/** True for XML white space (XML 1.0 production S): the only characters ignorable between elements. */
export function isXmlWhitespace(text: string): boolean {
  return /^[ \t\n\r]*$/.test(text);
}
