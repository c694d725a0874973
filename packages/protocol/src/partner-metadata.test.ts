import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeMessage } from './decode-message.js';
import { encodeMessage } from './messages.js';
import { buildMetadata, parseMetadata, type MetadataInput } from './partner-metadata.js';
import { cancelledMessage, hour, importerContext, now, testKey } from './test-support/fixtures.js';

function input(keys: MetadataInput['keys']): MetadataInput {
  return {
    country: 'TH',
    gatewayId: 'th-dft',
    name: 'Department of Foreign Trade, Thailand',
    endpoints: { messages: 'https://eco.dft.example.th/partner/v1/messages', pull: 'https://eco.dft.example.th/partner/v1/pull' },
    datasetVersions: ['1.0.0'],
    agreements: [{ code: 'ATIGA', profiles: ['atiga-form-d'] }],
    keys,
  };
}

/** As a partner reads it: parsed from the published JSON text. */
const published = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('buildMetadata / parseMetadata', () => {
  it('round-trips, pinning each key with its window in milliseconds', () => {
    const current = testKey('EdDSA', { notBefore: Date.parse('2025-01-01T00:00:00Z'), notAfter: Date.parse('2026-01-01T00:00:00Z') });
    const next = testKey('ES256', { notBefore: Date.parse('2025-12-01T00:00:00Z') });
    const metadata = buildMetadata(input([current.pinned, next.pinned]));
    assert.deepEqual(metadata.protocolVersions, [1]);
    assert.equal(metadata.keys.keys[0]?.nbf, Date.parse('2025-01-01T00:00:00Z') / 1000);
    const parsed = parseMetadata(published(metadata));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.problems.join('\n'));
    assert.deepEqual(parsed.pinnedKeys, [current.pinned, next.pinned]);
  });

  it('pins keys that verify the partner\'s messages', () => {
    const key = testKey('ES256');
    const parsed = parseMetadata(published(buildMetadata(input([key.pinned]))));
    assert.ok(parsed.ok);
    assert.equal(decodeMessage(encodeMessage(cancelledMessage(key.signer)), importerContext(parsed.pinnedKeys)).ok, true);
  });

  it('never publishes the private member even when given a private JWK', () => {
    const key = testKey('EdDSA');
    const metadata = buildMetadata(input([{ ...key.pinned, jwk: key.jwk }]));
    assert.equal(JSON.stringify(metadata).includes(key.jwk.d), false);
  });

  it('refuses a published key with private key material', () => {
    const key = testKey('ES256');
    const metadata = published(buildMetadata(input([key.pinned]))) as { keys: { keys: Record<string, unknown>[] } };
    metadata.keys.keys[0] = { ...metadata.keys.keys[0], d: key.jwk.d };
    const parsed = parseMetadata(metadata);
    assert.equal(parsed.ok, false);
    assert.match(!parsed.ok ? parsed.problems.join('\n') : '', /^\/keys\/keys\/0\/d: private key material/);
  });

  it('refuses a key whose alg does not match its curve', () => {
    const metadata = published(buildMetadata(input([testKey('ES256').pinned]))) as { keys: { keys: Record<string, unknown>[] } };
    metadata.keys.keys[0] = { ...metadata.keys.keys[0], alg: 'EdDSA' };
    assert.equal(parseMetadata(metadata).ok, false);
  });

  it('refuses a key that is not a point on the curve', () => {
    const metadata = published(buildMetadata(input([testKey('ES256').pinned]))) as { keys: { keys: Record<string, unknown>[] } };
    metadata.keys.keys[0] = { ...metadata.keys.keys[0], y: Buffer.alloc(32, 7).toString('base64url') };
    const parsed = parseMetadata(metadata);
    assert.match(!parsed.ok ? parsed.problems.join('\n') : '', /\/keys\/keys\/0: not a usable P-256 public key/);
  });

  it('refuses two keys with the same kid and a window that ends before it starts', () => {
    const a = testKey('EdDSA', { kid: 'th-1' });
    const b = testKey('EdDSA', { kid: 'th-1', notBefore: now, notAfter: now - hour });
    const parsed = parseMetadata(published(buildMetadata(input([a.pinned, b.pinned]))));
    assert.deepEqual(!parsed.ok && parsed.problems.map((p) => p.split(':')[0]), ['/keys/keys/1/kid', '/keys/keys/1/exp']);
  });

  it('refuses metadata without a protocol version this gateway speaks', () => {
    const metadata = { ...buildMetadata(input([testKey('EdDSA').pinned])), protocolVersions: [2] };
    const parsed = parseMetadata(published(metadata));
    assert.match(!parsed.ok ? parsed.problems.join('\n') : '', /^\/protocolVersions: none of 2/);
  });

  it('reports schema problems with JSON pointers', () => {
    const metadata = { ...buildMetadata(input([testKey('EdDSA').pinned])), country: 'Thailand', endpoints: { messages: 'ftp://x' } };
    const parsed = parseMetadata(published(metadata));
    assert.ok(!parsed.ok);
    assert.ok(parsed.problems.some((p) => p.startsWith('/country:')));
    assert.ok(parsed.problems.some((p) => p.startsWith('/endpoints/messages:')));
  });

  it('refuses a value that is not an object', () => {
    assert.equal(parseMetadata(null).ok, false);
    assert.equal(parseMetadata('{}').ok, false);
  });
});
