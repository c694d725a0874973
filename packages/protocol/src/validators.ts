/**
 * The protocol's schema validators: one Ajv instance with the formats the schemas use (uuid,
 * date-time, date, uri), each validator compiled once on first use (nothing compiles at import time).
 * Also the one way ajv errors are written as problems: JSON pointer, then the message.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';

let ajv: Ajv | undefined;
function instance(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: true });
    // ajv-formats is CommonJS; under NodeNext its default import is the module, whose `default` is the plugin.
    formats.default(ajv, ['uuid', 'date-time', 'date', 'uri']);
  }
  return ajv;
}

/** A validator compiled on its first call and kept. */
export function lazyValidator<T>(schema: TSchema): () => ValidateFunction<T> {
  let compiled: ValidateFunction<T> | undefined;
  return () => (compiled ??= instance().compile<T>(schema));
}

/** One ajv error as `pointer: message`, the pointer '/' standing for the whole value. */
export function formatAjvError(e: ErrorObject, prefix = ''): string {
  const params = e.params as { additionalProperty?: string; allowedValues?: unknown[] };
  const extra =
    e.keyword === 'additionalProperties' ? ` (${String(params.additionalProperty)})`
    : e.keyword === 'enum' || e.keyword === 'const' ? ` (${JSON.stringify(params.allowedValues ?? (e.params as { allowedValue?: unknown }).allowedValue)})`
    : '';
  return `${prefix + e.instancePath || '/'}: ${e.message ?? 'is invalid'}${extra}`;
}

/** Every ajv error as `pointer: message`. */
export function ajvProblems(errors: readonly ErrorObject[] | null | undefined, prefix = ''): string[] {
  return (errors ?? []).map((e) => formatAjvError(e, prefix));
}

/** At most `limit` problems joined into one detail string (a hostile payload can produce thousands). */
export function joinProblems(problems: readonly string[], limit = 20): string {
  const shown = problems.slice(0, limit);
  if (problems.length > limit) shown.push(`and ${problems.length - limit} more`);
  return shown.join('; ');
}
