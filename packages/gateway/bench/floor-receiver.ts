/**
 * The floor of the push benchmark: the least an honest receiver does, as a bare node:http server in
 * its own process. For each POST it verifies the message (decodeMessage with the sender's pinned
 * key: shape, receiver, signature, payload digest, age), appends the exact bytes to SQLite with the
 * gateway's durability (WAL, synchronous=FULL) and answers with a signed receipt (createReceipt).
 * `--mode single` commits each message on its own (one fsync each); `--mode group` commits the
 * messages that arrived in one event-loop turn together, as the gateway's commit queue does.
 * Prints `ready <url>` once listening.
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createReceipt, createSigner, decodeMessage, encodeMessage, generateSigningKey, type PinnedKey, type PublicJwk } from '@originlink/protocol';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    mode: { type: 'string', default: 'single' },
    'sender-jwk': { type: 'string' },
    sender: { type: 'string' },
    self: { type: 'string' },
    'dataset-version': { type: 'string' },
  },
});
const address = (s: string | undefined): { country: string; gateway: string } => {
  const [country, gateway] = (s ?? '').split('/');
  if (!country || !gateway) throw new Error(`not a gateway address (CC/gateway-id): ${s}`);
  return { country, gateway };
};
if (!values.db || !values['sender-jwk'] || !values['dataset-version']) throw new Error('--db, --sender-jwk and --dataset-version are required');
const group = values.mode === 'group';
const self = address(values.self);
const sender = address(values.sender);
const senderJwk = JSON.parse(values['sender-jwk']) as PublicJwk & { kid: string; alg: 'EdDSA' | 'ES256' };
const pinned: PinnedKey[] = [{ kid: senderJwk.kid, alg: senderJwk.alg, jwk: senderJwk }];
const signer = createSigner(generateSigningKey('ES256'));
const datasetVersions = [values['dataset-version']];

const db = new Database(values.db);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS messages (sender TEXT NOT NULL, id TEXT NOT NULL, raw BLOB NOT NULL, digest TEXT NOT NULL, stored_at INTEGER NOT NULL, PRIMARY KEY (sender, id))');
const insert = db.prepare('INSERT INTO messages (sender, id, raw, digest, stored_at) VALUES (?, ?, ?, ?, ?)');

interface Row { readonly sender: string; readonly id: string; readonly raw: Buffer; readonly digest: string; readonly at: number }
let pending: { row: Row; answer: () => void }[] = [];
const commitGroup = db.transaction((rows: readonly Row[]) => {
  for (const r of rows) insert.run(r.sender, r.id, r.raw, r.digest, r.at);
});
const stats = { commits: 0, messages: 0 };
const flush = (): void => {
  const batch = pending;
  pending = [];
  commitGroup(batch.map((p) => p.row));
  stats.commits++;
  stats.messages += batch.length;
  for (const p of batch) p.answer();
};

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  // GET /stats: commits and messages so far, for the benchmark's "messages per commit".
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    const now = Date.now();
    const decoded = decodeMessage(raw, { self, keysOf: (s) => (s.country === sender.country && s.gateway === sender.gateway ? pinned : undefined), allowedAlgorithms: ['EdDSA', 'ES256'], now, maxAgeMs: 86_400_000, maxFutureSkewMs: 300_000, supportedDatasetVersions: datasetVersions });
    if (!decoded.ok) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(`${decoded.code}: ${decoded.detail}`);
      return;
    }
    const env = decoded.message.envelope;
    const row: Row = { sender: `${env.sender.country}/${env.sender.gateway}`, id: env.id, raw, digest: decoded.digest, at: now };
    const answer = (): void => {
      const receipt = encodeMessage(createReceipt({ original: env, receivedDigest: decoded.digest, outcome: 'accepted', issues: [], self, now }, signer));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': receipt.byteLength }).end(receipt);
    };
    if (!group) {
      insert.run(row.sender, row.id, row.raw, row.digest, row.at);
      stats.commits++;
      stats.messages++;
      answer();
      return;
    }
    pending.push({ row, answer });
    if (pending.length === 1) setImmediate(flush);
  });
});
server.listen({ host: '127.0.0.1', port: 0 }, () => {
  const a = server.address();
  console.log(`ready http://127.0.0.1:${a !== null && typeof a === 'object' ? a.port : 0}`);
});
process.once('SIGTERM', () => {
  server.close(() => {
    db.close();
    process.exit(0);
  });
  server.closeIdleConnections();
});
