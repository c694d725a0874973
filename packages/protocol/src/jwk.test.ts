import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { displayFingerprint, isKeyValidAt, jwkThumbprint, publicJwk } from './jwk.js';
import { generateSigningKey } from './signing-keys.js';

describe('jwkThumbprint', () => {
  it('matches the RFC 7638 §3.1 example', () => {
    const n =
      '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw';
    assert.equal(jwkThumbprint({ kty: 'RSA', n, e: 'AQAB' }), 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('matches the RFC 8037 Appendix A.3 Ed25519 example', () => {
    assert.equal(jwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }), 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('ignores members outside the required set (kid, alg, use, d)', () => {
    const key = generateSigningKey('ES256', 'any-kid');
    assert.equal(jwkThumbprint(key), jwkThumbprint({ kty: 'EC', crv: 'P-256', x: key.x, y: key.y }));
    assert.equal(jwkThumbprint(key), jwkThumbprint(publicJwk(key)));
  });
});

describe('displayFingerprint', () => {
  it('spells the thumbprint hash as colon-separated upper-case hex', () => {
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' } as const;
    const fingerprint = displayFingerprint(jwk);
    assert.match(fingerprint, /^SHA256:([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const hex = Buffer.from(jwkThumbprint(jwk), 'base64url').toString('hex').toUpperCase();
    assert.equal(fingerprint.slice('SHA256:'.length).replaceAll(':', ''), hex);
  });
});

describe('generateSigningKey and publicJwk', () => {
  for (const alg of ['ES256', 'EdDSA'] as const) {
    it(`generates an ${alg} key whose kid defaults to its thumbprint`, () => {
      const key = generateSigningKey(alg);
      assert.equal(key.kid, jwkThumbprint(key));
      assert.equal(key.alg, alg);
      assert.equal(key.use, 'sig');
      assert.equal(key.kty, alg === 'ES256' ? 'EC' : 'OKP');
    });
  }

  it('keeps a given kid', () => {
    assert.equal(generateSigningKey('EdDSA', 'th-2025-01').kid, 'th-2025-01');
  });

  it('drops the private member d and anything unknown', () => {
    const key = { ...generateSigningKey('ES256'), x5u: 'https://attacker.example/' };
    const pub = publicJwk(key);
    assert.deepEqual(Object.keys(pub).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
  });
});

describe('isKeyValidAt', () => {
  const jwk = publicJwk(generateSigningKey('EdDSA'));
  const key = { kid: jwk.kid, alg: 'EdDSA' as const, jwk, notBefore: 1000, notAfter: 2000 };
  it('includes notBefore and excludes notAfter', () => {
    assert.equal(isKeyValidAt(key, 999), false);
    assert.equal(isKeyValidAt(key, 1000), true);
    assert.equal(isKeyValidAt(key, 1999), true);
    assert.equal(isKeyValidAt(key, 2000), false);
  });
  it('treats a missing bound as open', () => {
    assert.equal(isKeyValidAt({ kid: jwk.kid, alg: 'EdDSA', jwk }, 0), true);
  });
});
