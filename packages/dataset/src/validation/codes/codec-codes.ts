/** Issue codes of decoding input: JSON, the project's XML, and format detection. */
import type { IssueCodeSpec } from '../issue-code-spec.js';

export const codecCodes = {
  'input.unrecognised': { severity: 'error', summary: 'The input is neither a JSON document, an OriginLink XML document nor an ALADI COD document.' },
  'input.too-large': { severity: 'error', summary: 'The input is larger than the configured limit.' },
  'json.malformed': { severity: 'error', summary: 'The input is not well-formed JSON.' },
  'xml.malformed': { severity: 'error', summary: 'The input is not well-formed XML.' },
  'xml.doctype-forbidden': { severity: 'error', summary: 'The XML contains a document type declaration or entity declaration; they are refused (entity expansion and external entity attacks).' },
  'xml.too-deep': { severity: 'error', summary: 'The XML nests elements deeper than the limit.' },
  'xml.wrong-root': { severity: 'error', summary: 'The XML root element is not an OriginLink e-CO document in the project\'s namespace.' },
  'xml.unknown-element': { severity: 'error', summary: 'An XML element that is not part of the dataset at that position.' },
  'xml.value': { severity: 'error', summary: 'An XML element\'s text cannot be read as the element\'s type (number, boolean), or a number has more digits than can be kept without rounding.' },
  'xml.unexpected-text': { severity: 'error', summary: 'Text directly inside an XML element that holds only child elements.' },
  'xml.repeated-element': { severity: 'error', summary: 'An XML element that may occur once appears more than once.' },
  'xml.element-order': { severity: 'error', summary: 'XML elements out of the dataset order (the order of the XSD sequence).' },
  'xml.unknown-attribute': { severity: 'error', summary: 'An XML attribute that is not part of the OriginLink XML format.' },
  'xml.dataset-version': { severity: 'error', summary: 'The XML root\'s `datasetVersion` attribute is missing or names a dataset version this gateway does not know.' },
} as const satisfies Record<string, IssueCodeSpec>;
