import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSigner } from './signing-keys.js';
import { signEnvelope, verifyEnvelopeSignature } from './jws.js';
import { cancelledMessage, forgeJws, hmacWithPublicKey, hour, now, testKey } from './test-support/fixtures.js';

const options = { allowedAlgorithms: ['ES256', 'EdDSA'] as const, at: now };

describe('signEnvelope / verifyEnvelopeSignature', () => {
  for (const alg of ['ES256', 'EdDSA'] as const) {
    it(`verifies its own ${alg} signature and names the key`, () => {
      const key = testKey(alg);
      const { envelope, signature } = cancelledMessage(key.signer);
      assert.deepEqual(verifyEnvelopeSignature(envelope, signature, [key.pinned], options), { ok: true, kid: key.pinned.kid });
    });

    it(`writes a 64-byte raw ${alg} signature and the protocol header`, () => {
      const key = testKey(alg);
      const jws = signEnvelope(cancelledMessage(key.signer).envelope, key.signer);
      assert.equal(Buffer.from(jws.signature, 'base64url').length, 64);
      assert.deepEqual(JSON.parse(Buffer.from(jws.protected, 'base64url').toString()), { alg, kid: key.pinned.kid, typ: 'originlink+jws' });
    });
  }

  it('refuses an envelope changed after signing', () => {
    const key = testKey('ES256');
    const { envelope, signature } = cancelledMessage(key.signer);
    const result = verifyEnvelopeSignature({ ...envelope, agreement: 'RCEP' }, signature, [key.pinned], options);
    assert.equal(result.ok || result.code, 'protocol.bad-signature');
  });

  it('refuses a signature by another key that claims a pinned kid', () => {
    const pinned = testKey('EdDSA', { kid: 'th-1' });
    const impostor = testKey('EdDSA', { kid: 'th-1' });
    const { envelope, signature } = cancelledMessage(impostor.signer);
    const result = verifyEnvelopeSignature(envelope, signature, [pinned.pinned], options);
    assert.equal(result.ok || result.code, 'protocol.bad-signature');
  });

  it('refuses a kid that is not pinned', () => {
    const key = testKey('ES256');
    const other = testKey('ES256');
    const { envelope, signature } = cancelledMessage(key.signer);
    const result = verifyEnvelopeSignature(envelope, signature, [other.pinned], options);
    assert.equal(result.ok || result.code, 'protocol.unknown-key');
  });

  it('refuses alg none', () => {
    const key = testKey('EdDSA');
    const { envelope } = cancelledMessage(key.signer);
    const jws = forgeJws(envelope, { alg: 'none', kid: key.pinned.kid, typ: 'originlink+jws' }, () => Buffer.from('x'));
    const result = verifyEnvelopeSignature(envelope, jws, [key.pinned], options);
    assert.equal(result.ok || result.code, 'protocol.algorithm-not-allowed');
  });

  it('refuses HS256 keyed with the public key (algorithm confusion)', () => {
    const key = testKey('ES256');
    const { envelope } = cancelledMessage(key.signer);
    const jws = forgeJws(envelope, { alg: 'HS256', kid: key.pinned.kid, typ: 'originlink+jws' }, hmacWithPublicKey(key.pinned));
    const result = verifyEnvelopeSignature(envelope, jws, [key.pinned], options);
    assert.equal(result.ok || result.code, 'protocol.algorithm-not-allowed');
  });

  it('refuses an allowed alg that is not the one pinned for the kid', () => {
    const pinned = testKey('ES256', { kid: 'th-1' });
    const other = testKey('EdDSA', { kid: 'th-1' });
    const { envelope, signature } = cancelledMessage(other.signer);
    const result = verifyEnvelopeSignature(envelope, signature, [pinned.pinned], options);
    assert.equal(result.ok || result.code, 'protocol.algorithm-not-allowed');
  });

  it('refuses an algorithm that configuration does not allow, even for a matching key', () => {
    const key = testKey('EdDSA');
    const { envelope, signature } = cancelledMessage(key.signer);
    const result = verifyEnvelopeSignature(envelope, signature, [key.pinned], { allowedAlgorithms: ['ES256'], at: now });
    assert.equal(result.ok || result.code, 'protocol.algorithm-not-allowed');
  });

  for (const member of ['crit', 'jku', 'jwk', 'x5u']) {
    it(`refuses a protected header with ${member}`, () => {
      const key = testKey('EdDSA');
      const { envelope } = cancelledMessage(key.signer);
      const jws = forgeJws(envelope, { alg: 'EdDSA', kid: key.pinned.kid, typ: 'originlink+jws', [member]: member === 'crit' ? ['exp'] : 'x' }, (input) => key.signer.sign(input));
      const result = verifyEnvelopeSignature(envelope, jws, [key.pinned], options);
      assert.equal(result.ok || result.code, 'protocol.bad-signature');
    });
  }

  it('refuses another typ', () => {
    const key = testKey('EdDSA');
    const { envelope } = cancelledMessage(key.signer);
    const jws = forgeJws(envelope, { alg: 'EdDSA', kid: key.pinned.kid, typ: 'JWT' }, (input) => key.signer.sign(input));
    const result = verifyEnvelopeSignature(envelope, jws, [key.pinned], options);
    assert.equal(result.ok || result.code, 'protocol.bad-signature');
  });

  it('refuses a key outside its window, before and after', () => {
    const retired = testKey('ES256', { notBefore: now - 48 * hour, notAfter: now - hour });
    const future = testKey('ES256', { notBefore: now + hour });
    for (const key of [retired, future]) {
      const { envelope, signature } = cancelledMessage(key.signer);
      const result = verifyEnvelopeSignature(envelope, signature, [key.pinned], options);
      assert.equal(result.ok || result.code, 'protocol.key-not-valid');
    }
  });

  it('refuses a truncated signature without throwing', () => {
    const key = testKey('ES256');
    const { envelope, signature } = cancelledMessage(key.signer);
    const result = verifyEnvelopeSignature(envelope, { ...signature, signature: signature.signature.slice(0, 40) }, [key.pinned], options);
    assert.equal(result.ok || result.code, 'protocol.bad-signature');
  });

  it('refuses a private key whose alg does not match its curve when building a signer', () => {
    const key = testKey('ES256');
    assert.throws(() => createSigner({ ...key.jwk, alg: 'EdDSA' } as never), /does not match/);
  });
});
