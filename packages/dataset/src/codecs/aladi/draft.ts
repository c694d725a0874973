/**
 * The document an import produces before validation: the dataset's shape with every field optional,
 * because a COD may lack what the dataset requires (an unsigned COD has no certificate number).
 * validateDocument decides whether the draft is a valid EcoDocument.
 */
import type { EcoDocument } from '../../types.generated.js';

/** T with every property optional, recursively. */
export type Draft<T> = T extends readonly (infer U)[] ? Draft<U>[] : T extends object ? { [K in keyof T]?: Draft<T[K]> } : T;

export type EcoDocumentDraft = Draft<EcoDocument>;

/** An object literal whose properties may be undefined (meaning "absent"). */
type Loose<T> = { [K in keyof T]?: T[K] | undefined };

/**
 * The object without its undefined properties, or undefined when none is left: builds drafts under
 * exactOptionalPropertyTypes, where an absent property must not be written as `undefined`.
 */
export function prune<T extends object>(o: Loose<T>): T | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length > 0 ? (out as T) : undefined;
}
