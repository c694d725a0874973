/**
 * Micro-benchmark of envelope signing and verification (canonical JSON + JWS + node:crypto) for
 * ES256 and EdDSA, and of the full decodeMessage pipeline, beside bare node:crypto on the same bytes
 * (the floor: what the protocol adds is the difference). Prints operations per second, the median of
 * several timed rounds after a warm-up. Run from the repository root:
 *   node --conditions=originlink-source --import tsx packages/protocol/bench/sign-verify.bench.ts
 */
import { createPrivateKey, createPublicKey, sign as cryptoSign, verify as cryptoVerify } from 'node:crypto';
import { createMessage, createSigner, decodeMessage, encodeMessage, generateSigningKey, publicJwk, signEnvelope, verifyEnvelopeSignature, type PinnedKey } from '../src/index.js';

const rounds = 7;
const opsPerRound = 2000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Operations per second of `op`, the median over `rounds` rounds (after one untimed warm-up round). */
function measure(op: () => unknown): number {
  const rates: number[] = [];
  for (let round = -1; round < rounds; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < opsPerRound; i++) op();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (round >= 0) rates.push(opsPerRound / seconds);
  }
  return median(rates);
}

const sender = { country: 'TH', gateway: 'th-dft' };
const receiver = { country: 'ID', gateway: 'id-insw' };
const payload = { certificateNumber: 'TH-2025-000123', issuingCountry: 'TH', reasonCode: 'ISSUED-IN-ERROR', cancelledAt: '2025-06-02T08:00:00.000Z' };

console.log(`node ${process.version}, ${rounds} rounds of ${opsPerRound} operations, median ops/s`);
for (const alg of ['ES256', 'EdDSA'] as const) {
  const jwk = generateSigningKey(alg);
  const signer = createSigner(jwk);
  const pinned: PinnedKey = { kid: jwk.kid, alg, jwk: publicJwk(jwk) };
  const now = Date.now();
  const message = createMessage({ kind: 'co.cancelled', sender, receiver, agreement: 'ATIGA', datasetVersion: '1.0.0', payload, now }, signer);
  const bytes = encodeMessage(message);
  const options = { allowedAlgorithms: [alg], at: now };
  const ctx = { self: receiver, keysOf: () => [pinned], allowedAlgorithms: [alg], now, maxAgeMs: 60_000, maxFutureSkewMs: 60_000, supportedDatasetVersions: ['1.0.0'] };

  // The bare primitive on the same bytes, with KeyObjects built once.
  const privateKey = createPrivateKey({ key: { ...jwk }, format: 'jwk' });
  const publicKey = createPublicKey({ key: { ...pinned.jwk }, format: 'jwk' });
  const digest = alg === 'ES256' ? 'sha256' : null;
  const input = Buffer.from(`${message.signature.protected}.${Buffer.from(JSON.stringify(message.envelope)).toString('base64url')}`);
  const rawSignature = cryptoSign(digest, input, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  const rawSign = measure(() => cryptoSign(digest, input, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
  const rawVerify = measure(() => cryptoVerify(digest, input, { key: publicKey, dsaEncoding: 'ieee-p1363' }, rawSignature));

  const sign = measure(() => signEnvelope(message.envelope, signer));
  const verify = measure(() => {
    if (!verifyEnvelopeSignature(message.envelope, message.signature, [pinned], options).ok) throw new Error('verification failed');
  });
  const decode = measure(() => {
    if (!decodeMessage(bytes, ctx).ok) throw new Error('decode failed');
  });
  const fmt = (n: number): string => Math.round(n).toLocaleString('en-US').padStart(8);
  console.log(`${alg.padEnd(6)} sign ${fmt(sign)}   verify ${fmt(verify)}   decodeMessage ${fmt(decode)}   (node:crypto alone: sign ${fmt(rawSign)}   verify ${fmt(rawVerify)})`);
}
