/** The registry entry of an issue code: its fixed severity and a one-line summary for the reference docs. */
import type { Severity } from './issue.js';

export interface IssueCodeSpec {
  readonly severity: Severity;
  readonly summary: string;
}
