/**
 * Fetches a partner gateway's /.well-known/originlink.json and parses it (the protocol package
 * refuses metadata that publishes private key material or malformed keys).
 */
import { parseMetadata, type PartnerMetadata, type PinnedKey } from '@originlink/protocol';
import { Agent, request } from 'undici';
import type { TlsConfig } from '../config/gateway-config.js';
import { GatewayError } from '../errors/gateway-errors.js';
import { insecureAllowed } from '../workers/partner-client.js';

export interface FetchedMetadata {
  readonly metadata: PartnerMetadata;
  readonly pinnedKeys: readonly PinnedKey[];
}

export async function fetchPartnerMetadata(baseUrl: string, options: { tls: TlsConfig | undefined; allowInsecureHttp: boolean; timeoutMs?: number }): Promise<FetchedMetadata> {
  let url: URL;
  try {
    url = new URL('.well-known/originlink.json', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  } catch {
    throw new GatewayError('request.invalid', `not a URL: ${baseUrl}`);
  }
  if (!insecureAllowed(url, options.allowInsecureHttp)) throw new GatewayError('request.invalid', `refusing plain HTTP to ${url.origin}: partners must be reached over https`);
  let body: unknown;
  try {
    const res = await request(url, {
      method: 'GET',
      headersTimeout: options.timeoutMs ?? 10_000,
      bodyTimeout: options.timeoutMs ?? 10_000,
      // With our TLS material, the partner's certificate must chain to our CA (and it may ask for ours).
      ...(options.tls && url.protocol === 'https:' ? { dispatcher: new Agent({ connect: { ca: options.tls.ca, cert: options.tls.cert, key: options.tls.key, rejectUnauthorized: true } }) } : {}),
    });
    if (res.statusCode !== 200) {
      await res.body.dump();
      throw new GatewayError('partner.unreachable', `${url.href} answered HTTP ${res.statusCode}`);
    }
    body = await res.body.json();
  } catch (err) {
    if (err instanceof GatewayError) throw err;
    throw new GatewayError('partner.unreachable', `${url.href}: ${(err as Error).message}`);
  }
  const parsed = parseMetadata(body);
  if (!parsed.ok) throw new GatewayError('partner.metadata-invalid', `${url.href}: ${parsed.problems.join('; ')}`);
  return { metadata: parsed.metadata, pinnedKeys: parsed.pinnedKeys };
}
