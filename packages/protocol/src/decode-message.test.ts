import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeMessage, type DecodeResult } from './decode-message.js';
import { sha256Digest } from './digest.js';
import { createMessage, encodeMessage } from './messages.js';
import { cancellation, cancelledMessage, exporter, forgeJws, hour, importer, importerContext, now, tampered, testKey } from './test-support/fixtures.js';

function codeOf(result: DecodeResult): string {
  return result.ok ? 'ok' : result.code;
}

describe('decodeMessage', () => {
  for (const alg of ['ES256', 'EdDSA'] as const) {
    it(`accepts a message signed with ${alg} and returns the digest of the raw bytes`, () => {
      const key = testKey(alg);
      const message = cancelledMessage(key.signer);
      const bytes = encodeMessage(message);
      const result = decodeMessage(bytes, importerContext([key.pinned]));
      assert.ok(result.ok, codeOf(result));
      assert.equal(result.kid, key.pinned.kid);
      assert.equal(result.digest, sha256Digest(bytes));
      assert.deepEqual(result.message, message);
    });
  }

  it('refuses malformed JSON without an envelope', () => {
    const result = decodeMessage(Buffer.from('{"envelope": '), importerContext([]));
    assert.equal(codeOf(result), 'protocol.malformed');
    assert.ok(!result.ok && result.envelope === undefined && result.digest.startsWith('sha-256:'));
  });

  for (const text of ['[]', 'null', '42', '"message"']) {
    it(`refuses the non-object JSON ${text}`, () => {
      assert.equal(codeOf(decodeMessage(Buffer.from(text), importerContext([]))), 'protocol.malformed');
    });
  }

  it('refuses bytes that are not UTF-8', () => {
    assert.equal(codeOf(decodeMessage(Buffer.from([0x7b, 0xff, 0x7d]), importerContext([]))), 'protocol.malformed');
  });

  it('refuses a message without a signature but returns its envelope, to address a signed rejection', () => {
    const key = testKey('EdDSA');
    const message = cancelledMessage(key.signer);
    const result = decodeMessage(tampered(message, (w) => delete (w as { signature?: unknown }).signature), importerContext([key.pinned]));
    assert.equal(codeOf(result), 'protocol.malformed');
    assert.deepEqual(!result.ok && result.envelope, message.envelope);
    assert.match(!result.ok ? result.detail : '', /signature/);
  });

  it('refuses a message id spelled in upper case (one spelling per deduplication key)', () => {
    const key = testKey('EdDSA');
    const message = createMessage({ kind: 'co.cancelled', sender: exporter, receiver: importer, agreement: 'ATIGA', datasetVersion: '1.0.0', payload: cancellation, id: crypto.randomUUID().toUpperCase(), now }, key.signer);
    const result = decodeMessage(encodeMessage(message), importerContext([key.pinned]));
    assert.equal(codeOf(result), 'protocol.malformed');
    assert.match(!result.ok ? result.detail : '', /^\/envelope\/id: must match pattern/);
  });

  it('refuses an empty alg-none signature as malformed', () => {
    const key = testKey('EdDSA');
    const message = cancelledMessage(key.signer);
    const none = forgeJws(message.envelope, { alg: 'none', kid: key.pinned.kid, typ: 'originlink+jws' }, () => new Uint8Array());
    assert.equal(codeOf(decodeMessage(encodeMessage({ ...message, signature: none }), importerContext([key.pinned]))), 'protocol.malformed');
  });

  it('refuses another protocol version before checking the shape', () => {
    const key = testKey('EdDSA');
    const bytes = tampered(cancelledMessage(key.signer), (w) => {
      w.envelope['v'] = 2;
      w.envelope['hop'] = 'new in v2';
    });
    assert.equal(codeOf(decodeMessage(bytes, importerContext([key.pinned]))), 'protocol.unsupported-version');
  });

  it('refuses a dataset version this gateway does not support, with the envelope', () => {
    const key = testKey('EdDSA');
    const message = createMessage({ kind: 'co.cancelled', sender: exporter, receiver: importer, agreement: 'ATIGA', datasetVersion: '2.0.0', payload: cancellation, now }, key.signer);
    const result = decodeMessage(encodeMessage(message), importerContext([key.pinned]));
    assert.equal(codeOf(result), 'protocol.unsupported-version');
    assert.deepEqual(!result.ok && result.envelope, message.envelope);
  });

  it('refuses a message addressed to another gateway', () => {
    const key = testKey('EdDSA');
    const message = cancelledMessage(key.signer, { receiver: { country: 'VN', gateway: 'vn-nsw' } });
    assert.equal(codeOf(decodeMessage(encodeMessage(message), importerContext([key.pinned]))), 'protocol.wrong-receiver');
  });

  it('refuses a sender that is not a partner', () => {
    const key = testKey('EdDSA');
    const ctx = importerContext([key.pinned], { keysOf: () => undefined });
    assert.equal(codeOf(decodeMessage(encodeMessage(cancelledMessage(key.signer)), ctx)), 'protocol.unknown-sender');
  });

  it('refuses an envelope changed after signing', () => {
    const key = testKey('ES256');
    const bytes = tampered(cancelledMessage(key.signer), (w) => (w.envelope['agreement'] = 'RCEP'));
    assert.equal(codeOf(decodeMessage(bytes, importerContext([key.pinned]))), 'protocol.bad-signature');
  });

  it('refuses a signature by another key with the same kid', () => {
    const pinned = testKey('ES256', { kid: 'th-1' });
    const impostor = testKey('ES256', { kid: 'th-1' });
    assert.equal(codeOf(decodeMessage(encodeMessage(cancelledMessage(impostor.signer)), importerContext([pinned.pinned]))), 'protocol.bad-signature');
  });

  it('refuses an unknown kid', () => {
    const key = testKey('ES256');
    const other = testKey('ES256');
    assert.equal(codeOf(decodeMessage(encodeMessage(cancelledMessage(key.signer)), importerContext([other.pinned]))), 'protocol.unknown-key');
  });

  it('refuses a key outside its window', () => {
    const key = testKey('EdDSA', { notAfter: now - 1 });
    assert.equal(codeOf(decodeMessage(encodeMessage(cancelledMessage(key.signer)), importerContext([key.pinned]))), 'protocol.key-not-valid');
  });

  it('refuses a payload changed after signing', () => {
    const key = testKey('EdDSA');
    const bytes = tampered(cancelledMessage(key.signer), (w) => ((w.payload as Record<string, unknown>)['certificateNumber'] = 'TH-2025-999999'));
    assert.equal(codeOf(decodeMessage(bytes, importerContext([key.pinned]))), 'protocol.digest-mismatch');
  });

  it('accepts a payload re-spelled without changing its value (the digest is over canonical JSON)', () => {
    const key = testKey('EdDSA');
    const message = cancelledMessage(key.signer);
    const { certificateNumber, ...rest } = message.payload;
    const bytes = Buffer.from(JSON.stringify({ envelope: message.envelope, payload: { ...rest, certificateNumber }, signature: message.signature }, null, 2));
    assert.equal(codeOf(decodeMessage(bytes, importerContext([key.pinned]))), 'ok');
  });

  it('refuses a message older than maxAgeMs and accepts one just within it', () => {
    const key = testKey('EdDSA');
    const ctx = importerContext([key.pinned]);
    assert.equal(codeOf(decodeMessage(encodeMessage(cancelledMessage(key.signer, { now: now - ctx.maxAgeMs - 1 })), ctx)), 'protocol.too-old');
    assert.equal(codeOf(decodeMessage(encodeMessage(cancelledMessage(key.signer, { now: now - ctx.maxAgeMs })), ctx)), 'ok');
  });

  it('refuses a message from further in the future than the skew and accepts one just within it', () => {
    const key = testKey('EdDSA');
    const ctx = importerContext([key.pinned]);
    assert.equal(codeOf(decodeMessage(encodeMessage(cancelledMessage(key.signer, { now: now + ctx.maxFutureSkewMs + 1 })), ctx)), 'protocol.from-future');
    assert.equal(codeOf(decodeMessage(encodeMessage(cancelledMessage(key.signer, { now: now + ctx.maxFutureSkewMs })), ctx)), 'ok');
  });

  it('refuses a payload that does not match its kind, naming the JSON pointer', () => {
    const key = testKey('EdDSA');
    const message = cancelledMessage(key.signer, { payload: { ...cancellation, issuingCountry: 'th' } });
    const result = decodeMessage(encodeMessage(message), importerContext([key.pinned]));
    assert.equal(codeOf(result), 'protocol.payload-invalid');
    assert.match(!result.ok ? result.detail : '', /\/issuingCountry: must match pattern/);
  });

  it('refuses an unexpected kind', () => {
    const key = testKey('EdDSA');
    const result = decodeMessage(encodeMessage(cancelledMessage(key.signer)), importerContext([key.pinned], { expectKind: 'receipt' }));
    assert.equal(codeOf(result), 'protocol.unexpected-kind');
  });

  it('reports the first failure: a wrong receiver before a bad signature', () => {
    const key = testKey('EdDSA');
    const bytes = tampered(cancelledMessage(key.signer), (w) => (w.envelope['receiver'] = { country: 'VN', gateway: 'vn-nsw' }));
    assert.equal(codeOf(decodeMessage(bytes, importerContext([key.pinned]))), 'protocol.wrong-receiver');
  });

  it('reports the first failure: a tampered payload before an invalid payload', () => {
    const key = testKey('EdDSA');
    const bytes = tampered(cancelledMessage(key.signer), (w) => ((w.payload as Record<string, unknown>)['issuingCountry'] = 'th'));
    assert.equal(codeOf(decodeMessage(bytes, importerContext([key.pinned]))), 'protocol.digest-mismatch');
  });
});

describe('key rotation', () => {
  it('accepts messages signed by either of two active keys', () => {
    const old = testKey('ES256', { notAfter: now + 30 * 24 * hour });
    const fresh = testKey('EdDSA', { notBefore: now - hour });
    const ctx = importerContext([old.pinned, fresh.pinned]);
    for (const key of [old, fresh]) {
      const result = decodeMessage(encodeMessage(cancelledMessage(key.signer)), ctx);
      assert.ok(result.ok && result.kid === key.pinned.kid, codeOf(result));
    }
  });

  it('stops accepting the old key once it has expired', () => {
    const old = testKey('ES256', { notAfter: now - hour });
    const fresh = testKey('ES256', { notBefore: now - 2 * hour });
    const ctx = importerContext([old.pinned, fresh.pinned]);
    assert.equal(codeOf(decodeMessage(encodeMessage(cancelledMessage(old.signer)), ctx)), 'protocol.key-not-valid');
    assert.equal(codeOf(decodeMessage(encodeMessage(cancelledMessage(fresh.signer)), ctx)), 'ok');
  });
});
