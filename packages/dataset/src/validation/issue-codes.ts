/**
 * The registry of every dataset issue code: one exhaustive, typed map. Codes are never reused or
 * renamed; docs/reference/errors.md is generated from this map and a test fails when they drift.
 */
import { aladiCodes } from './codes/aladi-codes.js';
import { codecCodes } from './codes/codec-codes.js';
import { codelistCodes } from './codes/codelist-codes.js';
import { profileCodes } from './codes/profile-codes.js';
import { ruleCodes } from './codes/rule-codes.js';
import { structureCodes } from './codes/structure-codes.js';
import type { IssueCodeSpec } from './issue-code-spec.js';

export const issueCodes = {
  ...structureCodes,
  ...codelistCodes,
  ...ruleCodes,
  ...profileCodes,
  ...codecCodes,
  ...aladiCodes,
} as const satisfies Record<string, IssueCodeSpec>;

export type IssueCode = keyof typeof issueCodes;

export function isIssueCode(code: string): code is IssueCode {
  return Object.hasOwn(issueCodes, code);
}
