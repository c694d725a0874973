/**
 * Synchronous calls to a partner gateway's API (a pull, an exporter lookup), outside the outbox:
 * the same transport rules as delivery (plain HTTP to loopback only unless allowed, our TLS material
 * for https: the partner must chain to our CA and may ask for our client certificate), a timeout,
 * and a cap on the answer's size. Transport failures are a result, not an exception.
 */
import { Agent, request } from 'undici';
import type { GatewayConfig } from '../config/gateway-config.js';
import { insecureAllowed, type PartnerResponse } from '../workers/partner-client.js';

export interface PartnerCall {
  readonly method: 'GET' | 'POST';
  /** Relative to the partner's endpoint, e.g. `partner/v1/pull`. */
  readonly path: string;
  readonly body?: Uint8Array;
  readonly accept: string;
}

export interface PartnerCallResponse extends PartnerResponse {
  /** The Retry-After header, when the partner limits our rate. */
  readonly retryAfter?: string;
}

export type PartnerCallResult = { readonly ok: true; readonly response: PartnerCallResponse } | { readonly ok: false; readonly detail: string };

/** Calls `endpoint` + `call.path`; answers larger than config.inbound.maxBodyBytes are refused. */
export async function callPartner(config: Pick<GatewayConfig, 'tls' | 'allowInsecureHttp' | 'delivery' | 'inbound'>, endpoint: string, call: PartnerCall): Promise<PartnerCallResult> {
  let url: URL;
  try {
    url = new URL(call.path, endpoint.endsWith('/') ? endpoint : `${endpoint}/`);
  } catch {
    return { ok: false, detail: `not a URL: ${endpoint}` };
  }
  if (!insecureAllowed(url, config.allowInsecureHttp)) return { ok: false, detail: `refusing plain HTTP to ${url.origin}: partners must be reached over https` };
  // A dispatcher of its own for TLS material; closed after the call (these calls are rare).
  const agent = config.tls && url.protocol === 'https:' ? new Agent({ connect: { ca: config.tls.ca, cert: config.tls.cert, key: config.tls.key, rejectUnauthorized: true } }) : undefined;
  const timeoutMs = config.delivery.requestTimeoutMs;
  try {
    const res = await request(url, {
      method: call.method,
      headers: { accept: call.accept, ...(call.body ? { 'content-type': 'application/json' } : {}) },
      ...(call.body ? { body: Buffer.from(call.body.buffer, call.body.byteOffset, call.body.byteLength) } : {}),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      ...(agent ? { dispatcher: agent } : {}),
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).byteLength;
      if (size > config.inbound.maxBodyBytes) {
        res.body.destroy();
        return { ok: false, detail: `${url.href} answered more than ${config.inbound.maxBodyBytes} bytes` };
      }
      chunks.push(chunk as Buffer);
    }
    const ct = res.headers['content-type'];
    const retryAfter = res.headers['retry-after'];
    return {
      ok: true,
      response: {
        status: res.statusCode,
        contentType: Array.isArray(ct) ? (ct[0] ?? '') : (ct ?? ''),
        body: Buffer.concat(chunks),
        ...(typeof retryAfter === 'string' ? { retryAfter } : {}),
      },
    };
  } catch (err) {
    return { ok: false, detail: `${url.href}: ${(err as Error).message}` };
  } finally {
    await agent?.close();
  }
}
