/**
 * Validation issues are data: a stable code, a JSON-pointer path into the document, parameters and a
 * severity. Messages are added by a separate, localisable layer (messages-en.ts).
 */
import type { IssueCode } from './issue-codes.js';

export const severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];

export type IssueParams = Readonly<Record<string, string | number | boolean>>;

/** An issue as a check reports it, before severity and message are attached. */
export interface RawIssue {
  readonly code: IssueCode;
  /** JSON pointer (RFC 6901) of the offending value; '' is the whole document. */
  readonly path: string;
  readonly params: IssueParams;
}

export interface Issue extends RawIssue {
  readonly severity: Severity;
  readonly message: string;
}

/** The result of validating or decoding: never an exception for bad input. Warnings do not fail. */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly issues: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** Escapes one JSON-pointer reference token (RFC 6901 §3). */
export function pointerToken(token: string | number): string {
  return typeof token === 'number' ? String(token) : token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins a parent pointer and a token. */
export function pointer(parent: string, token: string | number): string {
  return `${parent}/${pointerToken(token)}`;
}
