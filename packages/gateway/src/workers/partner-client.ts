/**
 * HTTP client to partner gateways: one keep-alive connection pool per partner origin (undici),
 * with mutual TLS when configured. Plain HTTP only to loopback addresses unless explicitly allowed.
 */
import { isIPv4 } from 'node:net';
import { Pool } from 'undici';
import type { TlsConfig } from '../config/gateway-config.js';

export interface PartnerResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: Buffer;
}

export interface PartnerClient {
  post(baseUrl: string, path: string, body: Uint8Array, timeoutMs: number): Promise<PartnerResponse>;
  close(): Promise<void>;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Whether plain HTTP to this URL is acceptable: loopback only, unless the operator allowed it. */
export function insecureAllowed(url: URL, allowInsecureHttp: boolean): boolean {
  // 127.0.0.0/8 by address only: a host name such as 127.example.com may resolve anywhere.
  return url.protocol === 'https:' || allowInsecureHttp || loopbackHosts.has(url.hostname) || (isIPv4(url.hostname) && url.hostname.startsWith('127.'));
}

export function createPartnerClient(options: { tls: TlsConfig | undefined; allowInsecureHttp: boolean; connections: number }): PartnerClient {
  const pools = new Map<string, Pool>();
  const pool = (origin: URL): Pool => {
    let p = pools.get(origin.origin);
    if (!p) {
      if (!insecureAllowed(origin, options.allowInsecureHttp)) throw new Error(`refusing plain HTTP to ${origin.origin}: use https, or set allowInsecureHttp for a test network`);
      p = new Pool(origin.origin, {
        connections: options.connections,
        pipelining: 1,
        keepAliveTimeout: 30_000,
        ...(options.tls && origin.protocol === 'https:' ? { connect: { ca: options.tls.ca, cert: options.tls.cert, key: options.tls.key, rejectUnauthorized: true } } : {}),
      });
      pools.set(origin.origin, p);
    }
    return p;
  };
  return {
    async post(baseUrl, path, body, timeoutMs) {
      const url = new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
      const res = await pool(url).request({
        method: 'POST',
        path: url.pathname + url.search,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: Buffer.from(body.buffer, body.byteOffset, body.byteLength),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const chunks: Buffer[] = [];
      for await (const chunk of res.body) chunks.push(chunk as Buffer);
      const ct = res.headers['content-type'];
      return { status: res.statusCode, contentType: Array.isArray(ct) ? (ct[0] ?? '') : (ct ?? ''), body: Buffer.concat(chunks) };
    },
    async close() {
      await Promise.all([...pools.values()].map((p) => p.close()));
      pools.clear();
    },
  };
}
