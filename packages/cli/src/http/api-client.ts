/**
 * A small client of a gateway's national API for the CLI (send, status, partners): bearer token,
 * JSON in and out, and problem+json errors turned into readable messages with their code.
 */

export interface ApiTarget {
  /** Base URL of the gateway, e.g. http://127.0.0.1:7101 */
  readonly url: string;
  readonly token: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly body: Record<string, unknown>,
  ) {
    super(typeof body['detail'] === 'string' ? body['detail'] : `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

export async function callApi<T>(target: ApiTarget, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const url = new URL(path.replace(/^\//, ''), target.url.endsWith('/') ? target.url : `${target.url}/`);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${target.token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (err) {
    throw new ApiError(0, 'partner.unreachable', { detail: `cannot reach the gateway at ${target.url}: ${((err as Error).cause as Error | undefined)?.message ?? (err as Error).message}` });
  }
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  if (!res.ok) {
    const b = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : { detail: String(parsed) };
    throw new ApiError(res.status, typeof b['code'] === 'string' ? b['code'] : `http-${res.status}`, b);
  }
  return { status: res.status, body: parsed as T };
}

/** The gateway URL and token from flags or the environment (ORIGINLINK_GATEWAY, ORIGINLINK_TOKEN). */
export function targetFrom(values: { gateway?: string | undefined; token?: string | undefined }, env: Readonly<Record<string, string | undefined>>): ApiTarget | string {
  const url = values.gateway ?? env['ORIGINLINK_GATEWAY'];
  const token = values.token ?? env['ORIGINLINK_TOKEN'];
  if (!url) return 'name the gateway with --gateway <url> or ORIGINLINK_GATEWAY';
  if (!token) return 'give an API token with --token <token> or ORIGINLINK_TOKEN';
  return { url, token };
}

/** Prints an ApiError with its issues, if any. */
export function describeApiError(err: ApiError): string {
  const lines = [`error ${err.code}${err.status ? ` (HTTP ${err.status})` : ''}: ${err.message}`];
  const issues = err.body['issues'];
  if (Array.isArray(issues)) {
    for (const i of issues as { severity?: string; code?: string; path?: string; message?: string }[]) lines.push(`  ${(i.severity ?? 'error').padEnd(7)} ${(i.code ?? '').padEnd(34)} ${(i.path || '/').padEnd(40)} ${i.message ?? ''}`);
  }
  return lines.join('\n');
}
