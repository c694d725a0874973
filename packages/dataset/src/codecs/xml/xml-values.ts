/**
 * Leaf text to JSON values, by the catalogue type. Text and codes are kept verbatim (xs:string
 * preserves white space); the other types collapse surrounding white space as their XSD types do.
 */
import type { ValueType } from '../../catalogue/entry.js';
import { readNumber } from './xml-number.js';

export type LeafRead = { readonly ok: true; readonly value: string | number | boolean } | { readonly ok: false; readonly expected: string };

const edgeSpace = /^[ \t\n\r]+|[ \t\n\r]+$/g;

/** The JSON value of a leaf element's text. */
export function readLeafValue(type: ValueType, text: string): LeafRead {
  switch (type) {
    case 'text':
    case 'code':
      return { ok: true, value: text };
    case 'date':
    case 'datetime':
      return { ok: true, value: text.replace(edgeSpace, '') };
    case 'binary':
      // xs:base64Binary allows white space anywhere (line-wrapped base64); JSON base64 has none.
      return { ok: true, value: text.replace(/[ \t\n\r]+/g, '') };
    case 'boolean': {
      // xs:boolean's lexical space: true, false, 1, 0.
      const t = text.replace(edgeSpace, '');
      if (t === 'true' || t === '1') return { ok: true, value: true };
      if (t === 'false' || t === '0') return { ok: true, value: false };
      return { ok: false, expected: 'boolean (true or false)' };
    }
    case 'integer':
    case 'decimal':
      return readNumber(text.replace(edgeSpace, ''), type);
  }
}
