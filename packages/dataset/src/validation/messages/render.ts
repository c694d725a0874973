/** Helpers shared by the message files: a message renders an issue's params into one sentence. */
import type { IssueParams } from '../issue.js';

export type Render = (params: IssueParams) => string;

/** Quotes a value for a message, shortened to keep messages readable. */
export function q(v: unknown): string {
  // Parameters are JSON scalars; anything else is shown as JSON rather than "[object Object]".
  const s = v === undefined ? '?' : typeof v === 'string' ? v : ((JSON.stringify(v) as string | undefined) ?? '?');
  return `"${s.length > 60 ? `${s.slice(0, 57)}...` : s}"`;
}

/** A param as text; a missing param renders as "?" rather than failing. */
export function p(params: IssueParams, key: string): string {
  return params[key] === undefined ? '?' : String(params[key]);
}
