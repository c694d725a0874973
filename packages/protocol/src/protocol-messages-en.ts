/**
 * English messages for every protocol code: the localisable layer over the codes, for receipts' issue
 * messages, problem responses and logs. The map is exhaustive: a code without a message does not compile.
 */
import type { ProtocolCode } from './protocol-codes.js';

export const protocolMessagesEn: Record<ProtocolCode, string> = {
  'protocol.malformed': 'The message could not be read',
  'protocol.unsupported-version': 'The message version is not supported',
  'protocol.wrong-receiver': 'The message is addressed to another gateway',
  'protocol.unknown-sender': 'The sender is not a known partner',
  'protocol.unknown-key': 'The message is signed with a key that is not pinned for the sender',
  'protocol.bad-signature': 'The message signature is not valid',
  'protocol.algorithm-not-allowed': 'The message is signed with an algorithm that is not allowed',
  'protocol.key-not-valid': 'The message is signed with a key outside its validity period',
  'protocol.digest-mismatch': 'The payload does not match the signed digest',
  'protocol.too-old': 'The message is too old',
  'protocol.from-future': 'The message is dated in the future',
  'protocol.payload-invalid': 'The payload does not match its message kind',
  'protocol.unexpected-kind': 'The message kind was not expected here',
  'protocol.receipt-mismatch': 'The receipt does not acknowledge the message sent',
  'protocol.agreement-not-in-force': 'No agreement with this code is in force with the sender',
  'protocol.kind-not-supported': 'Messages of this kind are not handled',
};

/** The English message of a code, followed by the detail of this occurrence when there is one. */
export function protocolMessageEn(code: ProtocolCode, detail?: string): string {
  return detail ? `${protocolMessagesEn[code]}: ${detail}.` : `${protocolMessagesEn[code]}.`;
}
