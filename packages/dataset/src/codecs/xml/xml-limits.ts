/**
 * Input limits of the XML reader, checked before any parsing: size in bytes, and the refusal of
 * document type declarations (the door to entity-expansion and external-entity attacks).
 */

export interface XmlLimits {
  /** Largest accepted input, in UTF-8 bytes (default 10 MiB). */
  readonly maxBytes?: number;
  /** Deepest accepted element nesting, the root counting 1 (default 32; a document needs 5). */
  readonly maxDepth?: number;
}

export const defaultXmlLimits = { maxBytes: 10 * 1024 * 1024, maxDepth: 32 } as const satisfies Required<XmlLimits>;

/** The UTF-8 size of a text when it is larger than `maxBytes`, else undefined (counted only when it might be). */
export function sizeOver(text: string, maxBytes: number): number | undefined {
  // Each UTF-16 unit takes at most 3 bytes, so short texts need no counting.
  if (text.length * 3 <= maxBytes) return undefined;
  const bytes = utf8Length(text);
  return bytes > maxBytes ? bytes : undefined;
}

/** The UTF-8 length of a string. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    // A high surrogate followed by a low one: 4 bytes in all, counted 3 + 1.
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 1;
        i++;
      }
    }
  }
  return bytes;
}

/**
 * The offset of a DOCTYPE or ENTITY declaration, or -1. Matched anywhere and in any case, even inside
 * a comment or CDATA section: the writer never produces either, and a false alarm on hostile-looking
 * input is better than parsing it.
 */
export function forbiddenDeclaration(text: string): number {
  return text.search(/<!(?:DOCTYPE|ENTITY)/i);
}

/** 1-based line of an offset (for messages). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
