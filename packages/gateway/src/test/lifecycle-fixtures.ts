/**
 * Test support for the lifecycle tests: ChKFTA nodes (CN issues, KR imports), a ChKFTA profile
 * that allows amendments (no built-in profile does), replacement and amendment documents made from
 * the corpus kimchi sample, the national API's lifecycle calls, waiting for a message's delivery,
 * and signed partner messages built by hand and posted straight to a node's partner API.
 */
import assert from 'node:assert/strict';
import { findProfile, type Profile } from '@originlink/dataset';
import { createMessage, encodeMessage, type MessageKind, type PayloadOf, type ReceiptPayload } from '@originlink/protocol';
import type { OutboxEntry } from '@originlink/store';
import { api, sample, variant, type ApiResponse, type SampleDocument } from './test-fixtures.js';
import { waitFor, type NodeSpec, type TestNode } from './test-network.js';

/** The built-in ChKFTA profile (amendment: replacement-only). */
export const chkfta = findProfile('chkfta-certificate')!;
/** The ChKFTA profile as two partners that allow amendments would configure it. */
export const amendable: Profile = { ...chkfta, lifecycle: { ...chkfta.lifecycle, amendment: 'allowed' } };

export const node = (country: string, profile: Profile = chkfta, extra: Partial<NodeSpec> = {}): NodeSpec => ({ country, profiles: [profile], ...extra });

let serial = 0;
/** A fresh certificate number (unique in the test process). */
export const fresh = (prefix: string): string => `${prefix}-${process.pid}-${String(++serial).padStart(4, '0')}`;

export const kimchi = (): Promise<SampleDocument> => sample('chkfta-cn-kr-kimchi.json');

/** A copy of `doc` with a new number, naming `replacedNumber` as the certificate it replaces. */
export function replacementOf(doc: SampleDocument, number: string, replacedNumber = doc.header.number): SampleDocument {
  const copy = variant(doc, { number });
  copy['replacement'] = { replacedNumber, reasonCode: 'lost', reason: 'The original was lost in transit.' };
  return copy;
}

/** A copy of `doc` as version `version`, with a changed remark so that its content differs. */
export function amendmentOf(doc: SampleDocument, version: number): SampleDocument {
  const copy = structuredClone(doc);
  copy.header['version'] = version;
  copy['remarks'] = `Amendment ${version}: consignee's address corrected.`;
  return copy;
}

export interface Submitted {
  readonly id: string;
  readonly messageId: string;
  readonly doc: SampleDocument;
}

/** Submits a fresh kimchi certificate at `cn`; waits for its delivery unless told not to. */
export async function submit(cn: TestNode, prefix: string, options: { wait?: boolean; doc?: SampleDocument } = {}): Promise<Submitted> {
  const doc = options.doc ?? variant(await kimchi(), { number: fresh(prefix) });
  const res = await api(cn, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc });
  assert.equal(res.status, 202, res.body);
  const body = res.json<{ id: string; messageId: string }>();
  if (options.wait !== false) await settled(cn, body.messageId, 'delivered');
  return { id: body.id, messageId: body.messageId, doc };
}

/** POST /api/v1/certificates/{id}/{replace|amend|cancel} as the issuer (or another role). */
export function change(node: TestNode, id: string, action: 'replace' | 'amend' | 'cancel', body: unknown, token: 'issuer' | 'customs' | 'admin' = 'issuer'): Promise<ApiResponse> {
  return api(node, 'POST', `/api/v1/certificates/${id}/${action}`, { token, body });
}

/** Waits until the outbox entry carrying `messageId` is delivered or rejected (or the given state). */
export async function settled(node: TestNode, messageId: string, state?: OutboxEntry['state']): Promise<OutboxEntry> {
  const entry = await waitFor(`delivery of ${messageId}`, async () => {
    const e = await node.store.outbox.findByMessage(messageId);
    return e && (state ? e.state === state : e.state === 'delivered' || e.state === 'rejected') ? e : undefined;
  });
  if (state) assert.equal(entry.state, state);
  return entry;
}

/** The issue codes of the receipt the partner returned for one of our messages. */
export async function receiptCodes(node: TestNode, messageId: string): Promise<{ outcome: string; codes: string[]; severities: string[] }> {
  const receipt = await node.store.receipts.getReceived(messageId);
  assert.ok(receipt, `no receipt for ${messageId}`);
  const issues = JSON.parse(receipt.issues) as { code: string; severity: string }[];
  return { outcome: receipt.outcome, codes: issues.map((i) => i.code), severities: issues.map((i) => i.severity) };
}

/**
 * Signs a message as `from` (with its real key) for `to` and posts it to `to`'s partner API;
 * returns the receipt's payload (its signature is checked by the partner API tests).
 */
export async function pushAs<K extends MessageKind>(from: TestNode, to: TestNode, kind: K, payload: PayloadOf<K>): Promise<ReceiptPayload> {
  const message = createMessage({ kind, sender: from.self, receiver: to.self, agreement: 'CHKFTA', datasetVersion: chkfta.datasetVersion, payload, now: to.clock() }, from.signer);
  const res = await to.gateway.app.inject({ method: 'POST', url: '/partner/v1/messages', payload: encodeMessage(message), headers: { 'content-type': 'application/json' } });
  assert.equal(res.statusCode, 200, res.body);
  return (JSON.parse(res.body) as { payload: ReceiptPayload }).payload;
}
