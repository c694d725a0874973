/**
 * Test support for the claim tests: certificates delivered over the real Push flow (submitted at
 * the issuing gateway, delivered by its dispatcher, stored by the importing one), claims through
 * the national API, and a certificate stored without the message that carried it.
 */
import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import type { EcoDocument } from '@originlink/dataset';
import type { CertificateRow } from '@originlink/store';
import { certificateRow } from '../workflows/certificate-row.js';
import type { ClaimView } from '../workflows/claims/claim-view.js';
import { api, type SampleDocument } from './test-fixtures.js';
import { waitFor, type TestNode } from './test-network.js';

/** Submits `doc` at `from` and waits until `to` has stored it; returns `to`'s row. */
export async function deliver(from: TestNode, to: TestNode, doc: SampleDocument): Promise<CertificateRow> {
  const res = await api(from, 'POST', '/api/v1/certificates', { token: 'issuer', body: doc });
  assert.equal(res.status, 202, res.body);
  return waitFor(`${doc.header.number} at ${to.country}`, () => to.store.certificates.findByNumber(doc.header.issuingCountry, doc.header.number), 10_000);
}

/** Stores `doc` at `node` as if received, but without the message that carried it (no signature evidence). */
export async function storeWithoutMessage(node: TestNode, doc: SampleDocument, profileId: string): Promise<CertificateRow> {
  const id = randomUUID();
  const now = node.clock();
  await node.store.certificates.insert(certificateRow({ id, document: doc as unknown as EcoDocument, direction: 'inbound', source: 'push', partnerCountry: doc.header.issuingCountry, profileId, status: 'received', messageId: randomUUID(), now }));
  const row = await node.store.certificates.get(id);
  assert.ok(row);
  return row;
}

/** A claimed item; `undefined` members are left out of the JSON body (tests use them to drop a default). */
export interface ClaimItemBody {
  line: number;
  itemNumber?: number | undefined;
  hsCode: string;
  hsVersion?: string | undefined;
  quantity?: number | undefined;
  unitCode?: string | undefined;
  invoiceNumber?: string | undefined;
}

export interface ClaimBody {
  certificateNumber: string;
  issuingCountry: string;
  agreement?: string;
  declarationReference: string;
  declarationDate: string;
  importer: { name?: string; id?: string };
  items: ClaimItemBody[];
}

let declarations = 0;
/** A fresh declaration reference. */
export const declaration = (): string => `DECL-${process.pid}-${String(++declarations).padStart(5, '0')}`;

/** POST /api/v1/claims as customs. */
export async function postClaim(node: TestNode, body: ClaimBody): Promise<{ status: number; claim: ClaimView; body: string }> {
  const res = await api(node, 'POST', '/api/v1/claims', { token: 'customs', body });
  return { status: res.status, claim: res.json<ClaimView>(), body: res.body };
}

/** POST a claim that must be answered 201; returns the claim. */
export async function claimOk(node: TestNode, body: ClaimBody): Promise<ClaimView> {
  const res = await postClaim(node, body);
  assert.equal(res.status, 201, res.body);
  return res.claim;
}

export const codes = (claim: ClaimView): string[] => claim.reasons.map((r) => r.code);

/** The millionths used of each item of a certificate at `node`. */
export async function used(node: TestNode, certificateId: string): Promise<Record<number, number>> {
  return Object.fromEntries((await node.store.certificates.items(certificateId)).map((i) => [i.itemNumber, i.usedMicro]));
}
