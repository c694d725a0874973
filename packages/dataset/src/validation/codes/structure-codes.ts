/** Issue codes of structural validation (shape, formats, cardinalities), derived from the catalogue. */
import type { IssueCodeSpec } from '../issue-code-spec.js';

export const structureCodes = {
  'structure.not-an-object': { severity: 'error', summary: 'The document, or an aggregate in it, is not a JSON object.' },
  'structure.required': { severity: 'error', summary: 'A mandatory element (by the dataset or the agreement profile) is missing.' },
  'structure.unknown-element': { severity: 'error', summary: 'An element that is not part of the dataset version in use.' },
  'structure.not-used': { severity: 'error', summary: 'An element the agreement profile marks as not used.' },
  'structure.not-for-kind': { severity: 'error', summary: 'An element that does not apply to this kind of document (for example a certification block on a declaration of origin).' },
  'structure.type': { severity: 'error', summary: 'The value has the wrong JSON type (for example a number where text is expected).' },
  'structure.too-many': { severity: 'error', summary: 'More occurrences than the element\'s cardinality allows.' },
  'structure.too-few': { severity: 'error', summary: 'Fewer occurrences than the element\'s cardinality requires.' },
  'structure.empty': { severity: 'error', summary: 'Text that is empty or only white space.' },
  'structure.too-long': { severity: 'error', summary: 'Text longer than the element\'s WCO format allows.' },
  'structure.length': { severity: 'error', summary: 'A fixed-length value (such as `a2`) of the wrong length.' },
  'structure.characters': { severity: 'error', summary: 'Characters the format does not allow (letters only, digits only, or control characters).' },
  'structure.pattern': { severity: 'error', summary: 'The value does not have the element\'s required form (for example an HS code with dots, or a malformed UN/LOCODE).' },
  'structure.date': { severity: 'error', summary: 'Not a calendar date in the form YYYY-MM-DD.' },
  'structure.datetime': { severity: 'error', summary: 'Not a date and time in RFC 3339 form (YYYY-MM-DDThh:mm:ss with a time zone).' },
  'structure.integer': { severity: 'error', summary: 'Not a whole number.' },
  'structure.negative': { severity: 'error', summary: 'A negative number where the format is unsigned.' },
  'structure.digits': { severity: 'error', summary: 'A number with more digits than the format allows.' },
  'structure.fraction-digits': { severity: 'error', summary: 'A number with more decimal places than the format allows.' },
  'structure.base64': { severity: 'error', summary: 'Binary content that is not valid base64.' },
} as const satisfies Record<string, IssueCodeSpec>;
