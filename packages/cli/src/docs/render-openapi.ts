/**
 * docs/reference/openapi.json: the OpenAPI 3.1 document of a gateway's national and partner APIs,
 * produced by building a gateway in memory (the same document a running gateway serves at /docs/json).
 */
import { builtinProfiles } from '@originlink/dataset';
import { createGateway, type GatewayConfig } from '@originlink/gateway';
import { generateSigningKey } from '@originlink/protocol';
import { openStore } from '@originlink/store';

export async function renderOpenApi(): Promise<string> {
  const store = await openStore('sqlite::memory:');
  const config: GatewayConfig = {
    self: { country: 'XX', gateway: 'docs' },
    name: 'OriginLink gateway',
    publicUrl: 'https://gateway.example',
    listen: { host: '127.0.0.1', port: 0 },
    database: 'sqlite::memory:',
    signingKeys: [generateSigningKey('EdDSA', 'docs')],
    profiles: builtinProfiles,
    tokens: [],
    tls: undefined,
    allowInsecureHttp: false,
    delivery: { retryHorizonMs: 1, initialBackoffMs: 1, maxBackoffMs: 1, concurrency: 1, connections: 1, requestTimeoutMs: 1, leaseMs: 1 },
    inbound: { maxMessageAgeMs: 2, maxFutureSkewMs: 1, dedupRetentionMs: 3, maxBodyBytes: 1024, rejectionLogSize: 100 },
    audit: { sealIntervalMs: 1000, batchSize: 1 },
    logLevel: 'silent',
  };
  const gateway = await createGateway({ store }, config);
  await gateway.app.ready();
  const doc = gateway.app.swagger() as { info: { title: string } };
  doc.info.title = 'OriginLink gateway';
  await gateway.app.close();
  await store.close();
  return `${JSON.stringify(doc, null, 2)}\n`;
}
