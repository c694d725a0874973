/**
 * National API calls the lifecycle end-to-end tests repeat: issue a certificate and wait until the
 * partner holds it, wait for one message's delivery, claim preference, change a certificate
 * (replace, amend, cancel), read a timeline, and PUT (the exporter registry).
 */
import assert from 'node:assert/strict';
import type { DemoDocument } from '../demo/demo-documents.js';
import { demoTokens } from '../demo/demo-setup.js';
import type { Submission } from './api-views.js';
import { runTag } from './e2e-certificates.js';
import type { Role, TestGateway } from './e2e-network.js';
import type { CallResult } from './http-call.js';
import type { ClaimView, DeliveryView, Summary, TimelineEvent } from './lifecycle-views.js';
import { allCertificates } from './national-queries.js';
import { waitFor } from './wait-for.js';

/** A certificate issued at the exporting gateway and held by the importing one. */
export interface Issued {
  readonly number: string;
  readonly doc: DemoDocument;
  /** Its id at the issuing gateway. */
  readonly issuerId: string;
  /** Its id at the importing gateway. */
  readonly importerId: string;
  readonly messageId: string;
}

/** POST /api/v1/certificates, which must answer 202. */
export async function submit(from: TestGateway, doc: DemoDocument): Promise<Submission> {
  const res = await from.apiCall('issuer', '/api/v1/certificates', { body: doc });
  assert.equal(res.status, 202, res.raw.toString());
  return res.json as Submission;
}

/** The outbox entry carrying `messageId` (the newest 500 entries are searched). */
export async function deliveryOf(g: TestGateway, messageId: string): Promise<DeliveryView | undefined> {
  return (await g.api<{ items: DeliveryView[] }>('admin', '/api/v1/deliveries?limit=500')).items.find((d) => d.messageId === messageId);
}

/** Waits until the message is no longer pending and checks that the partner accepted it. */
export async function delivered(g: TestGateway, messageId: string, timeoutMs = 30_000): Promise<DeliveryView> {
  let last: DeliveryView | undefined;
  const entry = await waitFor(() => `delivery of ${messageId} from ${g.country} (last: ${JSON.stringify(last ?? null)})`, async () => {
    last = await deliveryOf(g, messageId);
    return last && last.state !== 'pending' ? last : undefined;
  }, timeoutMs);
  assert.equal(entry.state, 'delivered', JSON.stringify(entry));
  return entry;
}

/**
 * Waits until `g` has no delivery pending. Stop a gateway only when its partners' outboxes are
 * settled: a partner request in flight when it drains keeps the process alive on that keep-alive
 * connection (see the report to the lead), and the stop would time out.
 */
export async function outboxSettled(g: TestGateway, timeoutMs = 30_000): Promise<void> {
  await waitFor(`${g.country}'s outbox to settle`, async () => ((await g.api<{ items: DeliveryView[] }>('admin', '/api/v1/deliveries?state=pending')).items.length === 0 ? true : undefined), timeoutMs);
}

/** The importing side's copy of a certificate, once it has it. */
export async function receivedAt(g: TestGateway, number: string, timeoutMs = 30_000): Promise<Summary> {
  return waitFor(`${number} at ${g.country}`, async () => (await allCertificates(g, 'inbound', number))[0] as Summary | undefined, timeoutMs);
}

/** Submits `doc` at `from`, waits for its accepted delivery, and returns both sides' ids. */
export async function issue(from: TestGateway, to: TestGateway, doc: DemoDocument): Promise<Issued> {
  const s = await submit(from, doc);
  await delivered(from, s.messageId);
  const copy = await receivedAt(to, s.number);
  return { number: s.number, doc, issuerId: s.id, importerId: copy.id, messageId: s.messageId };
}

/** One certificate's summary. */
export async function summaryOf(g: TestGateway, id: string): Promise<Summary> {
  return (await g.api<{ certificate: Summary }>('customs', `/api/v1/certificates/${id}`)).certificate;
}

let declarations = 0;
/** A fresh import declaration reference. */
export const declarationRef = (label: string): string => `DECL-${runTag}-${label}-${++declarations}`;

export interface ClaimBody {
  certificateNumber: string;
  issuingCountry: string;
  agreement?: string;
  declarationReference: string;
  declarationDate: string;
  importer: { name?: string; id?: string };
  items: { line: number; itemNumber?: number; hsCode: string; quantity?: number; unitCode?: string; invoiceNumber?: string }[];
}

/** A claim on item 1 of a (kimchi) ChKFTA certificate from China, for `quantity` kilograms. */
export function kimchiClaim(number: string, quantity: number, over: Partial<ClaimBody> = {}): ClaimBody {
  return {
    certificateNumber: number, issuingCountry: 'CN', agreement: 'CHKFTA', declarationReference: declarationRef('KIMCHI'), declarationDate: '2026-11-20',
    importer: { name: 'Hansang Food Service' }, items: [{ line: 1, itemNumber: 1, hsCode: '200599', quantity, unitCode: 'KGM' }], ...over,
  };
}

/** POST /api/v1/claims as customs; the status and the claim (or problem) answered. */
export async function postClaim(g: TestGateway, body: ClaimBody): Promise<{ status: number; claim: ClaimView; raw: string }> {
  const res = await g.apiCall('customs', '/api/v1/claims', { body });
  return { status: res.status, claim: res.json as ClaimView, raw: res.raw.toString() };
}

/** A claim that must be answered 201 (decided now). */
export async function claimNew(g: TestGateway, body: ClaimBody): Promise<ClaimView> {
  const res = await postClaim(g, body);
  assert.equal(res.status, 201, res.raw);
  return res.claim;
}

export const codes = (claim: ClaimView): string[] => claim.reasons.map((r) => r.code);

/** POST /api/v1/certificates/{id}/{replace|amend|cancel}. */
export function change(g: TestGateway, id: string, action: 'replace' | 'amend' | 'cancel', body: unknown, role: Role = 'issuer'): Promise<CallResult> {
  return g.apiCall(role, `/api/v1/certificates/${id}/${action}`, { body });
}

/** The certificate's timeline at `g`. */
export async function timeline(g: TestGateway, id: string): Promise<TimelineEvent[]> {
  return (await g.api<{ events: TimelineEvent[] }>('customs', `/api/v1/certificates/${id}/timeline`)).events;
}

export const terms = (events: readonly TimelineEvent[]): string[] => events.map((e) => e.event);

/** A PUT on the national API with the demo token of `role` (the test client speaks only GET and POST; no TLS here). */
export async function put(g: TestGateway, role: Role, path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(new URL(path, g.url), { method: 'PUT', headers: { authorization: `Bearer ${demoTokens(g.country)[role]}`, 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}
