/**
 * A certificate's timeline: its audit rows on this gateway mapped to the one vocabulary both sides
 * share (docs/design/lifecycle.md "Timeline"), oldest first, each with the audit action it comes
 * from and that row's details. The exporting side's timeline includes what it learned from the
 * partner: delivery receipts, utilisation notices, verification requests.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { MessageKind } from '@originlink/protocol';
import type { AuditRow } from '@originlink/store';

/** The vocabulary, with what each term means (also the OpenAPI description of the route). */
export const timelineVocabulary = {
  issued: 'the issuing authority submitted the certificate here (a replacement names the certificate it replaces)',
  sent: 'a message about the certificate was signed and queued for the partner (details.kind), or the certificate was sent in answer to the partner\'s pull',
  delivered: 'the partner\'s signed receipt says it received and accepted that message',
  received: 'the certificate arrived here from the partner (pushed or pulled; again: a repeat of it)',
  claimed: 'an import declaration claimed preference on it (details.decision)',
  'claim-flagged': 'an accepted claim on it was flagged, for post-clearance review (cancellation) or recovery of duties (verification)',
  utilised: 'the importing side granted preference on it (from its utilisation notice)',
  refused: 'the importing side denied preference on it (from its utilisation notice)',
  'verification-requested': 'a retroactive verification was requested (by customs here, or by the partner)',
  verified: 'the issuing authority answered a verification (details.outcome)',
  replaced: 'the certificate was replaced (details.replacedBy names the replacement)',
  amended: 'a new version of the certificate became current (details.version)',
  cancelled: 'the certificate was cancelled (withdrawn) with a reason',
  'delivery-rejected': 'a message about the certificate was refused: the partner\'s receipt rejected ours, or we rejected the partner\'s (details.codes)',
  'delivery-failed': 'delivery gave up at the end of the retry horizon',
  'delivery-resent': 'an administrator resent a failed or rejected delivery as a new message',
  other: 'an audit action outside this vocabulary (see `action`)',
} as const;

export type TimelineEventName = keyof typeof timelineVocabulary;
export const timelineEventNames = Object.keys(timelineVocabulary) as TimelineEventName[];

export const TimelineEventSchema = Type.Object({
  at: Type.String({ format: 'date-time' }),
  actor: Type.String({ description: 'An API token name, partner:<country>/<gateway>, or system' }),
  event: Type.Union(timelineEventNames.map((e) => Type.Literal(e))),
  action: Type.String({ description: 'The audit action the event comes from' }),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type TimelineEvent = Static<typeof TimelineEventSchema>;

/** The route's OpenAPI description: the vocabulary as a list. */
export const timelineDescription = `Events on this gateway, oldest first, in one vocabulary on both sides:\n\n${Object.entries(timelineVocabulary).map(([k, v]) => `- \`${k}\`: ${v}`).join('\n')}\n\nThe record of a received message is folded into the event it caused (details.message).`;

type Details = Record<string, unknown>;

const byAction: Readonly<Record<string, TimelineEventName | ((d: Details) => TimelineEventName)>> = {
  'certificate.submitted': 'issued',
  'certificate.received': 'received',
  'certificate.received-again': 'received',
  'certificate.pulled': 'received',
  'message.queued': 'sent',
  'delivery.accepted': 'delivered',
  'delivery.rejected': 'delivery-rejected',
  'delivery.failed': 'delivery-failed',
  'delivery.requeued': 'delivery-resent',
  'message.rejected': 'delivery-rejected',
  'certificate.replaced': 'replaced',
  'certificate.amended': 'amended',
  'certificate.cancelled': 'cancelled',
  'claim.decided': 'claimed',
  'claim.flagged': 'claim-flagged',
  'pull.answered': 'sent',
  'certificate.utilised': 'utilised',
  'certificate.refused': 'refused',
  'verification.requested': 'verification-requested',
  // The request arriving at the issuing side, or the answer arriving at the requesting side.
  'verification.received': (d) => ('outcome' in d ? 'verified' : 'verification-requested'),
  'verification.answered': 'verified',
};

/** What a received message caused, when its handler recorded nothing more specific. */
const byKind: Readonly<Record<MessageKind, TimelineEventName>> = {
  'co.issued': 'received', 'declaration.issued': 'received', 'co.replaced': 'replaced', 'co.cancelled': 'cancelled',
  'co.utilisation': 'utilised', 'verification.request': 'verification-requested', 'verification.response': 'verified',
  'pull.request': 'other', 'pull.response': 'received', receipt: 'other',
};

/**
 * Maps audit rows (one subject, oldest first) to timeline events. `kinds` gives the kind of this
 * certificate's messages by id, added to delivery events that name a message but not its kind.
 */
export function buildTimeline(rows: readonly AuditRow[], kinds: ReadonlyMap<string, MessageKind> = new Map()): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const row of rows) {
    const details = parseDetails(row.details);
    if (row.action === 'message.received') {
      // receive-message records every accepted message after its handler's rows, in the same
      // transaction; claims flagged on the way are side effects, not what the message was about.
      const sameUnit = (e: TimelineEvent) => e.at === new Date(row.at).toISOString() && e.actor === row.actor && e.action !== 'message.received';
      const caused = events.findLast((e) => sameUnit(e) && e.action !== 'claim.flagged') ?? events.findLast(sameUnit);
      if (caused) {
        caused.details = { ...caused.details, message: details };
        continue;
      }
    }
    const messageId = typeof details['messageId'] === 'string' ? details['messageId'] : undefined;
    const kind = typeof details['kind'] === 'string' ? (details['kind'] as MessageKind) : messageId === undefined ? undefined : kinds.get(messageId);
    events.push({ at: new Date(row.at).toISOString(), actor: row.actor, event: eventOf(row.action, details, kind), action: row.action, details: kind === undefined || 'kind' in details ? details : { ...details, kind } });
  }
  return events;
}

function eventOf(action: string, details: Details, kind: MessageKind | undefined): TimelineEventName {
  if (action === 'message.received') return kind ? byKind[kind] : 'other';
  const mapped = byAction[action];
  if (mapped === undefined) return 'other';
  return typeof mapped === 'function' ? mapped(details) : mapped;
}

function parseDetails(text: string): Details {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Details) : { value };
  } catch {
    return { text };
  }
}
