/**
 * The flows of the annex's process alignment: the message kinds of the gateway protocol, each with
 * its direction and trigger, and which of them a profile uses (by its models and lifecycle
 * options). The kinds are the protocol package's `messageKinds`; the dataset package cannot import
 * it (dependencies point one way), so a protocol test should check that the two lists agree.
 */
import type { Profile } from '../profiles/profile-schema.js';
import { code, paragraph, table, type Block, type Text } from './annex-model.js';

type Direction = 'exporting -> importing' | 'importing -> exporting' | 'either way';

interface MessageKindSpec {
  readonly kind: string;
  readonly direction: Direction;
  readonly trigger: (p: Profile) => string;
  readonly used: (p: Profile) => boolean;
}

const pushes = (p: Profile) => p.models.includes('push');
const declares = (p: Profile) => p.models.includes('self-declaration');
const pulls = (p: Profile) => p.models.includes('pull');

/** Every message kind of the protocol, in protocol order. */
export const annexMessageKinds: readonly MessageKindSpec[] = [
  { kind: 'co.issued', direction: 'exporting -> importing', used: pushes, trigger: () => 'The issuing authority issues a certificate; the exporting gateway validates it against the dataset and this profile, signs it and pushes it.' },
  { kind: 'co.replaced', direction: 'exporting -> importing', used: (p) => pushes(p) || declares(p), trigger: (p) => `A replacement proof is issued (lost, damaged, error${p.lifecycle.amendment === 'replacement-only' ? ', or any change of data: amendments are made by replacement' : ''}); it names the replaced proof.` },
  { kind: 'co.cancelled', direction: 'exporting -> importing', used: (p) => pushes(p) || declares(p), trigger: () => 'The issuing side cancels or withdraws a proof already sent.' },
  { kind: 'co.utilisation', direction: 'importing -> exporting', used: (p) => p.lifecycle.utilisationNotice, trigger: () => 'The importing customs matches an import declaration with the proof and grants or denies preference (partial utilisation when a proof covers several shipments).' },
  { kind: 'verification.request', direction: 'importing -> exporting', used: () => true, trigger: (p) => `The importing customs asks the issuing side to confirm origin (retroactive verification); the answer is due within ${p.lifecycle.verificationReplyDays} days.` },
  { kind: 'verification.response', direction: 'exporting -> importing', used: () => true, trigger: (p) => `The issuing side answers a verification request, within ${p.lifecycle.verificationReplyDays} days of receiving it.` },
  { kind: 'declaration.issued', direction: 'exporting -> importing', used: declares, trigger: () => 'An approved or registered exporter makes a declaration of origin; the exporting gateway validates, signs and pushes it.' },
  { kind: 'pull.request', direction: 'importing -> exporting', used: pulls, trigger: (p) => `${p.lifecycle.pull?.autoPullOnClaim ? 'Automatically when a preference claim names a proof whose data has not arrived, or' : 'When'} an officer or the clearance system asks for one proof by number${p.lifecycle.pull?.verificationCode ? ' and verification code' : ''}.` },
  { kind: 'pull.response', direction: 'exporting -> importing', used: pulls, trigger: () => 'The exporting gateway answers a pull request with the proof, or with "not found".' },
  { kind: 'receipt', direction: 'either way', used: () => true, trigger: (p) => `Every message is answered with a signed receipt (accepted, or rejected with reason codes) once it is verified and stored durably, within ${p.exchange.receiptTimeoutHours} hours.` },
];

const modelNames: Record<Profile['models'][number], string> = {
  push: 'push (the main model: the exporting side pushes proof data right after issuance)',
  pull: 'semi-automated pull (the importing side fetches one proof from the exporting gateway)',
  'self-declaration': 'exchange of self-declarations of origin',
};

/** The flows subsection's blocks: models, message kinds in use, lifecycle options. */
export function flowBlocks(profile: Profile): Block[] {
  const used = annexMessageKinds.filter((m) => m.used(profile));
  const unused = annexMessageKinds.filter((m) => !m.used(profile));
  const blocks: Block[] = [
    paragraph(`Models in use: ${profile.models.map((m) => modelNames[m]).join('; ')}.`),
    table('message-kinds', ['Message kind', 'Direction', 'Trigger'], used.map((m): Text[] => [code(m.kind), m.direction, m.trigger(profile)]), 'Message kinds in use'),
  ];
  if (unused.length > 0) blocks.push(paragraph('Not used under this profile: ', ...unused.flatMap((m, i) => (i === 0 ? [code(m.kind)] : [', ', code(m.kind)])), '.'));
  blocks.push(
    paragraph(
      profile.lifecycle.amendment === 'replacement-only'
        ? 'Amendments: a proof is never changed after issuance; corrected data is sent as a replacement (co.replaced) that names the replaced proof.'
        : 'Amendments: a proof may be amended; each amendment is sent with a higher header.version and replaces the earlier version.',
    ),
  );
  const cutOver = profile.lifecycle.transition?.cutOverDate;
  if (cutOver !== undefined) {
    blocks.push(paragraph(`Transition: until ${cutOver}, a preference claim on a proof whose data was not received goes to manual review (the paper proof is accepted). From ${cutOver}, preference is granted only when the data was received.`));
  }
  return blocks;
}
