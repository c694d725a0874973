/**
 * The safety checks an ALADI COD input passes before any parser sees it: a size limit and the
 * refusal of document type and entity declarations (entity expansion and external entities are
 * the classic XML attacks, and a COD never needs them). The project's XML codec applies the same
 * rule with the same issue code; this small guard keeps the ALADI importer self-contained.
 */
import type { RawIssue } from '../../validation/issue.js';

/** Limits of the ALADI importer; the defaults fit a signed COD with embedded certificates. */
export interface XmlLimits {
  /** Largest accepted input, in UTF-8 bytes (default 5 MiB). */
  readonly maxBytes: number;
  /** Deepest accepted element nesting (default 64; a signed COD nests about 12 levels). */
  readonly maxDepth: number;
}

export const defaultXmlLimits: XmlLimits = { maxBytes: 5 * 1024 * 1024, maxDepth: 64 };

// Matched anywhere, even inside comments or CDATA: refusing a harmless mention is cheaper than
// parsing DTD syntax correctly, and no COD contains either string.
const declaration = /<!\s*(DOCTYPE|ENTITY)/i;

/** The first reason to refuse the input before parsing, or undefined when it may be parsed. */
export function guardXml(xml: string, limits: XmlLimits): RawIssue | undefined {
  // A UTF-16 unit takes at most 3 UTF-8 bytes: only count bytes when the limit could be reached.
  const bytes = xml.length * 3 > limits.maxBytes ? utf8Length(xml) : xml.length;
  if (bytes > limits.maxBytes) return { code: 'input.too-large', path: '', params: { bytes, maxBytes: limits.maxBytes } };
  if (declaration.test(xml)) return { code: 'xml.doctype-forbidden', path: '', params: {} };
  return undefined;
}

/** Length of the string in UTF-8 bytes, without encoding it. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
