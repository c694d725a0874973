/**
 * A business rule: a named check over the whole document that reports issues with its own stable
 * codes. Rules run after structural validation and read values defensively (./read.ts), because a
 * structurally invalid document still gets every rule's findings in one answer.
 */
import type { Catalogue, DocumentKind } from '../../catalogue/entry.js';
import type { Profile } from '../../profiles/profile-schema.js';
import type { IssueCode } from '../issue-codes.js';
import type { IssueParams } from '../issue.js';

export interface RuleContext {
  /** The document as parsed JSON (not yet known to be structurally valid). */
  readonly document: Readonly<Record<string, unknown>>;
  readonly catalogue: Catalogue;
  readonly kind: DocumentKind;
  /** The agreement profile, when validation is profile-aware. */
  readonly profile: Profile | undefined;
  /** The latest calendar date anywhere on Earth now (UTC+14), YYYY-MM-DD. */
  readonly today: string;
  report(code: IssueCode, path: string, params?: IssueParams): void;
}

export interface Rule {
  /** Short name, for documentation and test titles. */
  readonly name: string;
  /** Every code the rule can report. */
  readonly codes: readonly IssueCode[];
  check(ctx: RuleContext): void;
}
