/**
 * The history checker must be able to fail: a consistent history of three certificates (real
 * signed messages and receipts) passes, and each seeded fault (a loss, a duplicate, a mismatch, a
 * stuck delivery, a receipt the receiver did not sign) is reported, naming what is wrong.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findProfile } from '@originlink/dataset';
import { createMessage, createReceipt, createSigner, encodeMessage, generateSigningKey, publicJwk, sha256Digest, type GatewayAddress } from '@originlink/protocol';
import { testCertificate } from './e2e-certificates.js';
import { checkHistory, formatProblems, type Acknowledged, type HistoryInput, type HistoryProblem, type ReceiverHistory, type SenderHistory } from './history-checker.js';

const cn: GatewayAddress = { country: 'CN', gateway: 'cn-gw-1' };
const kr: GatewayAddress = { country: 'KR', gateway: 'kr-gw-1' };
const datasetVersion = findProfile('chkfta-certificate')?.datasetVersion ?? '';
const receiverKey = generateSigningKey('EdDSA');
const receiverSigner = createSigner(receiverKey);
const senderSigner = createSigner(generateSigningKey('EdDSA'));

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/** Three certificates submitted, sent, stored by the receiver and acknowledged with its receipts. */
async function consistentHistory(): Promise<{ acknowledged: Acknowledged[]; sender: Mutable<SenderHistory>; receiver: Mutable<ReceiverHistory> }> {
  const acknowledged: Acknowledged[] = [];
  const sender: Mutable<SenderHistory> = { address: cn, certificates: [], outbox: [], messages: [], receipts: [] };
  const receiver: Mutable<ReceiverHistory> = { address: kr, keys: [{ kid: receiverKey.kid, alg: receiverKey.alg, jwk: publicJwk(receiverKey) }], certificates: [], messages: [], inboundCount: 0, receipts: [] };
  for (let n = 1; n <= 3; n++) {
    const certificate = await testCertificate('HIST', n);
    const message = createMessage({ kind: 'co.issued', sender: cn, receiver: kr, agreement: 'CHKFTA', datasetVersion, payload: { certificate }, now: Date.now() }, senderSigner);
    const digest = sha256Digest(encodeMessage(message));
    const receipt = createReceipt({ original: message.envelope, receivedDigest: digest, outcome: 'accepted', issues: [], self: kr, now: Date.now() }, receiverSigner);
    const number = certificate.header.number;
    const messageId = message.envelope.id;
    acknowledged.push({ number, id: `cert-${n}`, messageId });
    sender.certificates.push({ id: `cert-${n}`, number, messageId, status: 'delivered' });
    sender.outbox.push({ seq: n, messageId, state: 'delivered', attempts: 1, lastError: null });
    sender.messages.push({ id: messageId, digest });
    sender.receipts.push({ messageId, receiptId: receipt.envelope.id, outcome: 'accepted', raw: encodeMessage(receipt) });
    receiver.certificates.push({ number, issuingCountry: 'CN', messageId });
    receiver.messages.push({ id: messageId, digest });
    receiver.receipts.push({ messageId, receiptId: receipt.envelope.id, outcome: 'accepted' });
  }
  receiver.inboundCount = receiver.messages.length;
  return { acknowledged, sender, receiver };
}

function check(h: Awaited<ReturnType<typeof consistentHistory>>): HistoryProblem[] {
  const input: HistoryInput = { acknowledged: h.acknowledged, sender: h.sender, receiver: h.receiver, datasetVersions: [datasetVersion] };
  return checkHistory(input);
}

const kinds = (problems: readonly HistoryProblem[]): string[] => problems.map((p) => `${p.kind} ${p.subject}`);

describe('history checker', () => {
  it('finds nothing wrong in a history where sender, receiver and receipts agree', async () => {
    const problems = check(await consistentHistory());
    assert.deepEqual(problems, [], formatProblems(problems));
  });

  it('reports a certificate the receiver lost, by number and by message', async () => {
    const h = await consistentHistory();
    const lost = h.receiver.certificates.splice(1, 1)[0]!;
    h.receiver.messages.splice(1, 1);
    h.receiver.receipts.splice(1, 1);
    h.receiver.inboundCount--;
    assert.deepEqual(kinds(check(h)).sort(), [`lost ${lost.messageId}`, `lost ${lost.number}`].sort());
  });

  it('reports an acknowledged submission the sender does not hold', async () => {
    const h = await consistentHistory();
    const ack = h.acknowledged[2]!;
    h.sender.certificates.splice(2, 1);
    const problems = check(h);
    assert.ok(kinds(problems).includes(`lost ${ack.number}`), formatProblems(problems));
    assert.match(problems.find((p) => p.subject === ack.number)?.detail ?? '', /not stored at the sender/);
  });

  it('reports a certificate stored twice at the receiver, and a message delivered twice', async () => {
    const h = await consistentHistory();
    const twice = h.receiver.certificates[0]!;
    h.receiver.certificates.push({ ...twice, messageId: 'another-message' });
    h.receiver.messages.push({ ...h.receiver.messages[2]! });
    h.receiver.inboundCount++;
    const problems = check(h);
    assert.deepEqual(kinds(problems).sort(), [`duplicate ${h.receiver.messages[2]!.id}`, `duplicate CN/${twice.number}`].sort(), formatProblems(problems));
  });

  it('reports bytes the receiver stored that differ from those sent, and a receipt for other bytes', async () => {
    const h = await consistentHistory();
    const altered = h.receiver.messages[0]!;
    h.receiver.messages[0] = { ...altered, digest: sha256Digest(Buffer.from('other bytes')) };
    const sent = h.sender.messages[1]!;
    h.sender.messages[1] = { ...sent, digest: sha256Digest(Buffer.from('what the sender thinks it sent')) };
    const problems = check(h);
    assert.deepEqual(kinds(problems), [`mismatch ${altered.id}`, `mismatch ${sent.id}`, `mismatch ${sent.id}`], formatProblems(problems));
    assert.match(problems[1]?.detail ?? '', /acknowledges bytes with digest/);
  });

  it('reports a receipt the receiver did not sign, and one the receiver says it never issued', async () => {
    const h = await consistentHistory();
    const forged = h.sender.receipts[0]!;
    const message = createMessage({ kind: 'co.issued', sender: cn, receiver: kr, agreement: 'CHKFTA', datasetVersion, payload: { certificate: await testCertificate('HIST', 1) }, now: Date.now() }, senderSigner);
    const fake = createReceipt({ original: { ...message.envelope, id: forged.messageId }, receivedDigest: h.sender.messages[0]!.digest, outcome: 'accepted', issues: [], self: kr, now: Date.now() }, createSigner(generateSigningKey('EdDSA', receiverKey.kid)));
    h.sender.receipts[0] = { ...forged, raw: encodeMessage(fake), receiptId: fake.envelope.id };
    h.receiver.receipts[2] = { ...h.receiver.receipts[2]!, receiptId: 'not-the-one-sent' };
    const problems = check(h);
    assert.deepEqual(kinds(problems), [`unverified ${forged.messageId}`, `mismatch ${forged.messageId}`, `mismatch ${h.receiver.receipts[2].messageId}`], formatProblems(problems));
    assert.match(problems[0]?.detail ?? '', /protocol\.bad-signature/);
  });

  it('reports a delivery still pending, and a message the receiver holds that was never queued', async () => {
    const h = await consistentHistory();
    const pending = h.sender.outbox[1]!;
    h.sender.outbox[1] = { ...pending, state: 'pending', attempts: 7, lastError: 'connect ECONNREFUSED' };
    h.receiver.messages.push({ id: 'stray', digest: 'sha-256:x' });
    h.receiver.inboundCount++;
    const problems = check(h);
    assert.deepEqual(kinds(problems), [`stuck ${pending.messageId}`, 'mismatch stray'], formatProblems(problems));
    assert.match(problems[0]?.detail ?? '', /pending after 7 attempts \(connect ECONNREFUSED\)/);
  });
});
