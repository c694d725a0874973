/**
 * English messages for every issue code: the localisable layer over the issue data, one file per
 * code family under ./messages/. The map is exhaustive: a code without a message does not compile.
 */
import type { IssueCode } from './issue-codes.js';
import type { RawIssue } from './issue.js';
import { aladiMessages } from './messages/aladi-messages.js';
import { codecMessages } from './messages/codec-messages.js';
import { codelistMessages } from './messages/codelist-messages.js';
import { profileMessages } from './messages/profile-messages.js';
import type { Render } from './messages/render.js';
import { ruleMessages } from './messages/rule-messages.js';
import { structureMessages } from './messages/structure-messages.js';

export const messagesEn: Record<IssueCode, Render> = {
  ...structureMessages,
  ...codelistMessages,
  ...ruleMessages,
  ...profileMessages,
  ...codecMessages,
  ...aladiMessages,
};

/** Renders the English message of an issue. */
export function messageEn(issue: RawIssue): string {
  return messagesEn[issue.code](issue.params);
}
