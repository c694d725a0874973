/**
 * One HTTP(S) request from a test to a gateway, with the exact response bytes. node:https is used
 * (not fetch) so a test can choose per request which CA it trusts and which client certificate, if
 * any, it presents: the mutual-TLS tests need a client with no certificate and one from another CA.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** TLS material of the test client: the CA it trusts and, optionally, its own certificate. */
export interface ClientTls {
  readonly ca: string;
  readonly cert?: string;
  readonly key?: string;
}

export interface CallOptions {
  readonly method?: 'GET' | 'POST';
  readonly token?: string;
  /** A Buffer is sent as is (raw partner messages); anything else as JSON. */
  readonly body?: unknown;
  readonly tls?: ClientTls;
  readonly timeoutMs?: number;
  /** Extra request headers (e.g. Idempotency-Key). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface CallResult {
  readonly status: number;
  readonly raw: Buffer;
  /** The body parsed as JSON (undefined when it is not JSON). */
  readonly json: unknown;
}

export function call(base: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const url = new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`);
  const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(JSON.stringify(options.body), 'utf8');
  const headers: Record<string, string> = { accept: 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}), ...options.headers };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const tls = url.protocol === 'https:' && options.tls ? { ca: options.tls.ca, ...(options.tls.cert ? { cert: options.tls.cert, key: options.tls.key } : {}), agent: false as const } : {};
  return new Promise((resolve, reject) => {
    const req = send(url, { method: options.method ?? (body ? 'POST' : 'GET'), headers, timeout: options.timeoutMs ?? 15_000, ...tls }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        let json: unknown;
        try {
          json = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, raw, json });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${url.href}: no answer in ${options.timeoutMs ?? 15_000} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Like `call`, but fails (with the problem body) unless the status is 2xx; returns the parsed JSON. */
export async function callOk<T>(base: string, path: string, options: CallOptions = {}): Promise<T> {
  const res = await call(base, path, options);
  if (res.status < 200 || res.status > 299) throw new Error(`${options.method ?? (options.body === undefined ? 'GET' : 'POST')} ${path}: HTTP ${res.status} ${res.raw.toString('utf8').slice(0, 2000)}`);
  return res.json as T;
}
