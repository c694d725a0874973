/**
 * A linear scan of XML text for what the parser does not bound or check: element nesting
 * depth (hostile input nests 10,000 levels deep to exhaust a recursive consumer) and entity or
 * character references, which must be predefined entities or references to XML characters (no
 * DOCTYPE is accepted, so no other entity can be defined). No recursion: a loop over the text.
 */
import type { RawIssue } from '../../validation/issue.js';
import { lineAt } from './xml-limits.js';
import { referencedText } from './xml-text.js';

const referenceAt = /&(?:#([0-9]+)|#x([0-9A-Fa-f]+)|([^\s&;<>"']*));/y;

function malformed(text: string, offset: number, detail: string): RawIssue {
  return { code: 'xml.malformed', path: '', params: { detail, line: lineAt(text, offset) } };
}

/**
 * Finds bad references in successive ranges of one text. The next '&' is remembered between calls:
 * searching afresh from each range would rescan the rest of the text every time (quadratic).
 */
function referenceChecker(text: string): (from: number, to: number) => RawIssue | undefined {
  let next = text.indexOf('&');
  return (from, to) => {
    while (next !== -1 && next < to) {
      // An '&' inside a skipped comment or CDATA section: move on to the range being checked.
      if (next < from) {
        next = text.indexOf('&', from);
        continue;
      }
      const amp = next;
      next = text.indexOf('&', amp + 1);
      referenceAt.lastIndex = amp;
      const m = referenceAt.exec(text);
      if (!m || referencedText(m[1], m[2], m[3]) === undefined) {
        const shown = m ? m[0] : text.slice(amp, Math.min(amp + 12, to));
        return malformed(text, amp, `"${shown}" is neither a predefined entity (&lt; &gt; &amp; &apos; &quot;) nor a reference to an XML character`);
      }
    }
    return undefined;
  };
}

/** End offset (exclusive) of a construct closed by `close`, or -1 when it is never closed. */
function endOf(text: string, close: string, from: number): number {
  const i = text.indexOf(close, from);
  return i === -1 ? -1 : i + close.length;
}

/**
 * Checks nesting depth and references of XML text, before the full well-formedness check (which it
 * does not replace: malformed text may pass here). Returns the first problem as an issue
 * (`xml.too-deep` or `xml.malformed`).
 */
export function scanMarkup(text: string, maxDepth: number): RawIssue | undefined {
  const badReference = referenceChecker(text);
  let depth = 0;
  for (let i = 0; i < text.length; ) {
    const lt = text.indexOf('<', i);
    const bad = badReference(i, lt === -1 ? text.length : lt);
    if (bad || lt === -1) return bad;
    let next: number;
    if (text.startsWith('<!--', lt)) next = endOf(text, '-->', lt + 4);
    else if (text.startsWith('<![CDATA[', lt)) next = endOf(text, ']]>', lt + 9);
    else if (text.startsWith('<?', lt)) next = endOf(text, '?>', lt + 2);
    else {
      // A start or end tag: find its '>' outside quoted attribute values.
      let j = lt + 1;
      for (let quote = ''; j < text.length; j++) {
        const c = text[j];
        if (quote) quote = c === quote ? '' : quote;
        else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      if (j >= text.length) return malformed(text, lt, 'a tag is not closed');
      const attributesBad = badReference(lt, j);
      if (attributesBad) return attributesBad;
      if (text[lt + 1] === '/') depth--;
      else if (text[j - 1] !== '/' && ++depth > maxDepth) return { code: 'xml.too-deep', path: '', params: { maxDepth, line: lineAt(text, lt) } };
      next = j + 1;
    }
    if (next === -1) return malformed(text, lt, 'a comment, CDATA section or processing instruction is not closed');
    i = next;
  }
  return undefined;
}
