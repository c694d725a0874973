/**
 * What the demo's lifecycle steps share: the running network (with a way to stop and restart one
 * gateway), the certificates pushed at the start, printing one short line per event, and the
 * national API reads and claims several steps make.
 */
import type { Io } from '../command.js';
import { api, expectStatus, waitUntil } from './demo-api.js';
import type { DemoGateway } from './demo-setup.js';

/** A certificate submitted in the demo's first exchange. */
export interface Submitted {
  readonly file: string;
  readonly from: DemoGateway;
  readonly to: string;
  /** Its id at the issuing gateway. */
  readonly id: string;
  readonly number: string;
  readonly agreement: string;
  readonly at: number;
}

export interface DemoContext {
  readonly io: Io;
  readonly network: readonly DemoGateway[];
  readonly submitted: readonly Submitted[];
  gateway(country: string): DemoGateway;
  /** Stops a gateway's process (graceful drain). */
  stopGateway(country: string): Promise<void>;
  /** Starts it again on the same configuration and database. */
  startGateway(country: string): Promise<void>;
}

/** One line of a step: who, what, and what came of it. */
export function say(ctx: DemoContext, who: string, what: string, outcome = ''): void {
  ctx.io.out(`  ${who.padEnd(4)}${outcome ? `${what.padEnd(52)} ${outcome}` : what}`);
}

export interface ClaimAnswer {
  readonly id: string;
  readonly decision: string;
  readonly status: string;
  readonly certificateId: string | null;
  readonly reasons: readonly { readonly code: string; readonly effect: string; readonly params: Readonly<Record<string, unknown>> }[];
  readonly noticeMessageId: string | null;
}

/** POST /api/v1/claims at `g` (customs); the claim, decided. */
export async function claim(g: DemoGateway, body: Record<string, unknown>): Promise<ClaimAnswer> {
  return expectStatus<ClaimAnswer>(await api(g, 'customs', 'POST', '/api/v1/claims', body), [200, 201], `${g.country}: claim on ${String(body['certificateNumber'])}`);
}

/** "accepted", or "rejected: code, code" with the reason codes. */
export function decisionText(c: ClaimAnswer): string {
  return c.reasons.length ? `${c.decision}: ${c.reasons.map((r) => r.code).join(', ')}` : c.decision;
}

/** The id of the certificate `number` that `g` received, once it has it. */
export async function receivedId(g: DemoGateway, number: string, timeoutMs = 20_000): Promise<string> {
  return waitUntil(`${number} to reach ${g.country}`, async () => {
    const { body } = await api(g, 'customs', 'GET', `/api/v1/certificates?direction=inbound&number=${encodeURIComponent(number)}`);
    return (body['items'] as { id: string }[] | undefined)?.[0]?.id;
  }, timeoutMs);
}

/** One certificate's summary at `g`. */
export async function summaryAt(g: DemoGateway, id: string): Promise<Record<string, unknown>> {
  return expectStatus<{ certificate: Record<string, unknown> }>(await api(g, 'customs', 'GET', `/api/v1/certificates/${id}`), 200, `${g.country}: certificate ${id}`).certificate;
}

/** A date `days` after an ISO date. */
export function daysAfter(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}
