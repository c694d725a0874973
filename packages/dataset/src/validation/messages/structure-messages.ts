/** English messages of the structure issue codes (see ../codes/structure-codes.ts). */
import type { structureCodes } from '../codes/structure-codes.js';
import { p, q, type Render } from './render.js';

export const structureMessages: Record<keyof typeof structureCodes, Render> = {
  'structure.not-an-object': (x) => `${p(x, 'element')} must be an object, not ${p(x, 'actual')}.`,
  'structure.required': (x) => `${p(x, 'element')} is required.`,
  'structure.unknown-element': (x) => `${p(x, 'element')} is not an element of the dataset.`,
  'structure.not-used': (x) => `${p(x, 'element')} is not used under the agreement profile ${p(x, 'profile')}; remove it.`,
  'structure.not-for-kind': (x) => `${p(x, 'element')} does not apply to a ${p(x, 'kind')} of origin; remove it.`,
  'structure.type': (x) => `${p(x, 'element')} must be ${p(x, 'expected') === 'array' ? 'an array' : `a ${p(x, 'expected')}`}, not ${p(x, 'actual')}.`,
  'structure.too-many': (x) => `${p(x, 'element')} may occur at most ${p(x, 'max')} times; found ${p(x, 'actual')}.`,
  'structure.too-few': (x) => `${p(x, 'element')} needs at least ${p(x, 'min')} entr${x['min'] === 1 ? 'y' : 'ies'}; found ${p(x, 'actual')} (leave an optional list out rather than empty).`,
  'structure.empty': (x) => `${p(x, 'element')} is empty; leave it out or give a value.`,
  'structure.too-long': (x) => `${p(x, 'element')} is ${p(x, 'length')} characters long; at most ${p(x, 'max')} are allowed.`,
  'structure.length': (x) => `${p(x, 'element')} must be exactly ${p(x, 'length')} characters; found ${p(x, 'actual')}.`,
  'structure.characters': (x) => `${p(x, 'element')} contains characters format ${p(x, 'format')} does not allow.`,
  'structure.pattern': (x) => `${p(x, 'element')} does not have the expected form (${p(x, 'pattern')}).`,
  'structure.date': (x) => `${p(x, 'element')} ${q(x['value'])} is not a date in the form YYYY-MM-DD.`,
  'structure.datetime': (x) => `${p(x, 'element')} ${q(x['value'])} is not a date-time such as 2026-03-01T09:30:00+07:00.`,
  'structure.integer': (x) => `${p(x, 'element')} must be a whole number; found ${p(x, 'value')}.`,
  'structure.negative': (x) => `${p(x, 'element')} must not be negative; found ${p(x, 'value')}.`,
  'structure.digits': (x) => `${p(x, 'element')} ${p(x, 'value')} has more than ${p(x, 'max')} digits before the decimal point.`,
  'structure.fraction-digits': (x) => `${p(x, 'element')} ${p(x, 'value')} has more than ${p(x, 'max')} decimal places.`,
  'structure.base64': (x) => `${p(x, 'element')} is not valid base64.`,
};
