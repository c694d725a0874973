/** English messages of the codec issue codes (see ../codes/codec-codes.ts). */
import type { codecCodes } from '../codes/codec-codes.js';
import { p, q, type Render } from './render.js';

export const codecMessages: Record<keyof typeof codecCodes, Render> = {
  'input.unrecognised': () => 'The input is not JSON, OriginLink XML or ALADI COD XML.',
  'input.too-large': (x) => `The input is ${p(x, 'bytes')} bytes; the limit is ${p(x, 'maxBytes')}.`,
  'json.malformed': (x) => `The JSON is not well-formed: ${p(x, 'detail')}.`,
  'xml.malformed': (x) => `The XML is not well-formed${x['line'] === undefined ? '' : ` (line ${p(x, 'line')})`}: ${p(x, 'detail')}.`,
  'xml.doctype-forbidden': () => 'The XML contains a DOCTYPE or ENTITY declaration; they are refused.',
  'xml.too-deep': (x) => `The XML nests deeper than ${p(x, 'maxDepth')} levels.`,
  'xml.wrong-root': (x) => `The XML root ${q(x['root'])} is not an OriginLink e-CO document (${p(x, 'expected')}).`,
  'xml.unknown-element': (x) => `XML element ${q(x['name'])} is not expected here.`,
  'xml.value': (x) => `XML element ${q(x['name'])} has ${q(x['value'])}, which is not a ${p(x, 'expected')}.`,
  'xml.unexpected-text': (x) => `XML element ${q(x['name'])} holds child elements only, not text (found ${q(x['text'])}).`,
  'xml.repeated-element': (x) => `XML element ${q(x['name'])} may occur only once here.`,
  'xml.element-order': (x) => `XML element ${q(x['name'])} must come before ${q(x['after'])}.`,
  'xml.unknown-attribute': (x) => `XML attribute ${q(x['attribute'])} is not expected on element ${q(x['name'])}.`,
  'xml.dataset-version': (x) => `The XML datasetVersion ${q(x['version'])} is not a known dataset version (${p(x, 'known')}).`,
};
