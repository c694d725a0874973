/**
 * The message kinds of the gateway-to-gateway protocol. The full set is defined now so that later
 * work adds handlers, not formats (each kind has a payload schema in payloads.ts).
 */
export const messageKinds = [
  'co.issued',
  'co.replaced',
  'co.cancelled',
  'co.utilisation',
  'verification.request',
  'verification.response',
  'declaration.issued',
  'pull.request',
  'pull.response',
  'receipt',
] as const;
export type MessageKind = (typeof messageKinds)[number];

export function isMessageKind(v: unknown): v is MessageKind {
  return typeof v === 'string' && (messageKinds as readonly string[]).includes(v);
}
