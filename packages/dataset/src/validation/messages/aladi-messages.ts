/** English messages of the aladi issue codes (see ../codes/aladi-codes.ts). */
import type { aladiCodes } from '../codes/aladi-codes.js';
import { p, q, type Render } from './render.js';

export const aladiMessages: Record<keyof typeof aladiCodes, Render> = {
  'aladi.unmapped': (x) => `ALADI element ${p(x, 'element')} (${q(x['value'])}) has no place in the dataset; it was not imported${x['reason'] === undefined ? '' : ` (${p(x, 'reason')})`}.`,
  'aladi.unsupported-form': (x) => `ALADI form ${q(x['form'])} is not supported by the importer (supported: ${p(x, 'supported')}).`,
  'aladi.schema': (x) => `The COD document does not validate against the ALADI XSD ${p(x, 'version')}${x['line'] === undefined ? '' : ` (line ${p(x, 'line')})`}: ${p(x, 'detail')}.`,
  'aladi.converted': (x) => `ALADI ${p(x, 'element')} ${q(x['from'])} was converted to ${q(x['to'])}.`,
  'aladi.not-cod': (x) => `The XML root ${q(x['root'])} is not an ALADI COD (expected ${p(x, 'expected')}).`,
  'aladi.count-mismatch': (x) => `ALADI ${p(x, 'element')} declares ${p(x, 'declared')} but ${p(x, 'actual')} are present.`,
  'aladi.schema-not-checked': (x) => `The COD declares version ${q(x['version'])}; only ${p(x, 'checked')} is validated against its XSD, so this one was not.`,
  'aladi.schema-failed': (x) => `The ALADI XSD validator could not run: ${p(x, 'detail')}.`,
};
