/**
 * How the demo's lifecycle steps talk to its gateways: one national API call with the demo token
 * of a role, answering the status and body (a refusal is an answer here: the demo shows its code),
 * and waiting for what other processes do (deliveries, notices) with a deadline that says what it
 * was waiting for when it gives up.
 */
import type { DemoGateway } from './demo-setup.js';

export type Role = 'issuer' | 'customs' | 'admin';

export interface Answer {
  readonly status: number;
  /** The parsed JSON body (a problem has `code` and `detail`). */
  readonly body: Record<string, unknown>;
}

/** A demo step that could not go on: the message says what was expected and what happened. */
export class DemoStepError extends Error {}

export async function api(g: DemoGateway, role: Role, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<Answer> {
  let res: Response;
  try {
    res = await fetch(new URL(path, g.url), {
      method,
      headers: { authorization: `Bearer ${g.tokens[role]}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    throw new DemoStepError(`${method} ${path}: cannot reach ${g.country} at ${g.url} (${((err as Error).cause as Error | undefined)?.message ?? (err as Error).message})`);
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { text };
  }
  return { status: res.status, body: typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : { value: parsed } };
}

/** The problem code of an answer (or its HTTP status). */
export function codeOf(answer: Answer): string {
  return typeof answer.body['code'] === 'string' ? answer.body['code'] : `HTTP ${answer.status}`;
}

/** `code: detail` of a problem answer. */
export function problem(answer: Answer): string {
  return typeof answer.body['detail'] === 'string' ? `${codeOf(answer)}: ${answer.body['detail']}` : codeOf(answer);
}

/** The body of an answer with one of the `expected` statuses, or a DemoStepError naming `what`. */
export function expectStatus<T>(answer: Answer, expected: number | readonly number[], what: string): T {
  const ok = typeof expected === 'number' ? answer.status === expected : expected.includes(answer.status);
  if (!ok) throw new DemoStepError(`${what}: expected HTTP ${String(expected)}, got ${answer.status} ${problem(answer)}`);
  return answer.body as T;
}

/** Calls `check` every 100 ms until it returns a value; after `timeoutMs` fails saying what it waited for. */
export async function waitUntil<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new DemoStepError(`gave up after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the outbox entry carrying `messageId` at `g` is delivered (the partner's receipt accepted it). */
export async function deliveredMessage(g: DemoGateway, messageId: string, what: string, timeoutMs = 20_000): Promise<void> {
  const entry = await waitUntil(`${what} to be delivered`, async () => {
    const { body } = await api(g, 'admin', 'GET', '/api/v1/deliveries?limit=500');
    const e = (body['items'] as { messageId: string; state: string; lastError: string | null }[] | undefined)?.find((d) => d.messageId === messageId);
    return e && e.state !== 'pending' ? e : undefined;
  }, timeoutMs);
  if (entry.state !== 'delivered') throw new DemoStepError(`${what} was not delivered: ${entry.state} (${entry.lastError ?? 'no error recorded'})`);
}

/** Waits until no delivery is pending at `g` (gives up quietly after `timeoutMs`). */
export async function outboxSettled(g: DemoGateway, timeoutMs = 20_000): Promise<boolean> {
  try {
    await waitUntil(`${g.country}'s deliveries`, async () => {
      const { body } = await api(g, 'admin', 'GET', '/api/v1/deliveries?state=pending');
      return (body['items'] as unknown[] | undefined)?.length === 0 ? true : undefined;
    }, timeoutMs);
    return true;
  } catch {
    return false;
  }
}
