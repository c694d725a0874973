import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { publicJwk } from './jwk.js';
import { createSigner, generateSigningKey, publicKeyObject, verifySignature } from './signing-keys.js';

describe('createSigner', () => {
  for (const alg of ['ES256', 'EdDSA'] as const) {
    it(`signs with ${alg} so that the public key verifies, and not other data`, () => {
      const jwk = generateSigningKey(alg);
      const signer = createSigner(jwk);
      const data = Buffer.from('originlink');
      const signature = signer.sign(data);
      assert.equal(signature.length, 64);
      assert.equal(verifySignature(signer.publicJwk, data, signature), true);
      assert.equal(verifySignature(signer.publicJwk, Buffer.from('originlinK'), signature), false);
      assert.equal('d' in signer.publicJwk, false);
    });
  }
});

describe('publicKeyObject', () => {
  it('builds a key once and reuses it for an equal JWK from another object', () => {
    const jwk = publicJwk(generateSigningKey('ES256'));
    assert.equal(publicKeyObject(jwk), publicKeyObject(JSON.parse(JSON.stringify(jwk)) as typeof jwk));
  });

  it('keeps at most 256 keys, evicting the least recently used', () => {
    const kept = publicJwk(generateSigningKey('EdDSA'));
    const evicted = publicJwk(generateSigningKey('EdDSA'));
    const keptObject = publicKeyObject(kept);
    const evictedObject = publicKeyObject(evicted);
    for (let i = 0; i < 255; i++) {
      publicKeyObject(kept);
      publicKeyObject(publicJwk(generateSigningKey('EdDSA')));
    }
    assert.equal(publicKeyObject(kept), keptObject);
    assert.notEqual(publicKeyObject(evicted), evictedObject);
  });

  it('throws for a point that is not on the curve', () => {
    const jwk = publicJwk(generateSigningKey('ES256'));
    assert.throws(() => publicKeyObject({ ...jwk, y: Buffer.alloc(32, 7).toString('base64url') }));
  });
});
