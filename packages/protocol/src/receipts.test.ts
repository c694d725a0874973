import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeMessage } from './decode-message.js';
import { sha256Digest } from './digest.js';
import { encodeMessage } from './messages.js';
import { checkReceipt, createReceipt } from './receipts.js';
import { cancelledMessage, exporter, importer, importerContext, now, testKey } from './test-support/fixtures.js';

/** The exporter sends a message; the importer decodes it and answers with a receipt the exporter decodes. */
function exchange(outcome: 'accepted' | 'rejected' = 'accepted') {
  const exporterKey = testKey('ES256');
  const importerKey = testKey('EdDSA');
  const sent = cancelledMessage(exporterKey.signer);
  const sentBytes = encodeMessage(sent);
  const received = decodeMessage(sentBytes, importerContext([exporterKey.pinned]));
  assert.ok(received.ok);
  const receipt = createReceipt(
    { original: received.message.envelope, receivedDigest: received.digest, outcome, issues: [], self: importer, now: now + 1000 },
    importerKey.signer,
  );
  const back = decodeMessage(encodeMessage(receipt), {
    ...importerContext([]),
    self: exporter,
    keysOf: (sender) => (sender.country === importer.country ? [importerKey.pinned] : undefined),
    now: now + 2000,
    expectKind: 'receipt',
  });
  assert.ok(back.ok, back.ok ? '' : back.detail);
  return { sent, sentDigest: sha256Digest(sentBytes), receipt: back.message };
}

describe('receipts', () => {
  it('round-trips: the receipt refers to the message, goes back to its sender and carries the digest of the bytes', () => {
    const { sent, sentDigest, receipt } = exchange();
    assert.equal(receipt.envelope.kind, 'receipt');
    assert.equal(receipt.envelope.refersTo, sent.envelope.id);
    assert.deepEqual(receipt.envelope.receiver, exporter);
    assert.equal(receipt.envelope.agreement, sent.envelope.agreement);
    const checked = checkReceipt(receipt, { messageId: sent.envelope.id, sentDigest, partner: importer });
    assert.ok(checked.ok);
    assert.equal(checked.payload.outcome, 'accepted');
    assert.equal(checked.payload.receivedAt, new Date(now + 1000).toISOString());
  });

  it('rejects a receipt for another message id', () => {
    const { sentDigest, receipt } = exchange();
    const checked = checkReceipt(receipt, { messageId: crypto.randomUUID(), sentDigest, partner: importer });
    assert.equal(checked.ok || checked.code, 'protocol.receipt-mismatch');
  });

  it('rejects a receipt for other bytes than those sent', () => {
    const { sent, receipt } = exchange();
    const checked = checkReceipt(receipt, { messageId: sent.envelope.id, sentDigest: sha256Digest(Buffer.from('other')), partner: importer });
    assert.equal(checked.ok || checked.code, 'protocol.receipt-mismatch');
  });

  it('rejects a receipt signed by another partner than the one sent to', () => {
    const { sent, sentDigest, receipt } = exchange();
    const checked = checkReceipt(receipt, { messageId: sent.envelope.id, sentDigest, partner: { country: 'VN', gateway: 'vn-nsw' } });
    assert.equal(checked.ok || checked.code, 'protocol.receipt-mismatch');
  });

  it('rejects a message that is not a receipt', () => {
    const { sent, sentDigest } = exchange();
    const checked = checkReceipt(sent, { messageId: sent.envelope.id, sentDigest, partner: exporter });
    assert.equal(checked.ok || checked.code, 'protocol.receipt-mismatch');
  });
});
