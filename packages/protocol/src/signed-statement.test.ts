import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSigner, generateSigningKey, publicJwk, signStatement, verifyStatement, type PinnedKey } from './index.js';

const key = generateSigningKey('EdDSA');
const signer = createSigner(key);
const pinned: PinnedKey[] = [{ kid: key.kid, alg: key.alg, jwk: publicJwk(key) }];
const opts = { allowedAlgorithms: ['ES256', 'EdDSA'] as const, at: Date.now() };

describe('signed statements (compact JWS)', () => {
  it('verifies a statement signed by a pinned key and returns its payload', () => {
    const r = verifyStatement(signStatement({ exporterId: 'KRREX0001', registered: true }, signer), pinned, opts);
    assert.ok(r.ok);
    assert.deepEqual(r.payload, { exporterId: 'KRREX0001', registered: true });
  });

  it('refuses a tampered payload', () => {
    const [h, , s] = signStatement({ registered: true }, signer).split('.');
    const forged = `${h}.${Buffer.from('{"registered":false}').toString('base64url')}.${s}`;
    const r = verifyStatement(forged, pinned, opts);
    assert.equal(r.ok ? 'ok' : r.code, 'protocol.bad-signature');
  });

  it('refuses a statement signed by a key that is not pinned', () => {
    const other = createSigner(generateSigningKey('EdDSA'));
    const r = verifyStatement(signStatement({ registered: true }, other), pinned, opts);
    assert.equal(r.ok ? 'ok' : r.code, 'protocol.unknown-key');
  });

  it('refuses an algorithm outside the pinned list and garbage input', () => {
    assert.equal(verifyStatement(signStatement({ a: 1 }, signer), pinned, { ...opts, allowedAlgorithms: ['ES256'] }).ok, false);
    const r = verifyStatement('not.a.jws!', pinned, opts);
    assert.equal(r.ok ? 'ok' : r.code, 'protocol.malformed');
  });
});
