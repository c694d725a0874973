/**
 * The stored form of a claim (the claims row's JSON columns) and the test for "the same claim
 * again": the declaration date, importer and claimed items, compared as canonical JSON.
 */
import { canonicalJson } from '@originlink/dataset';
import type { ClaimDecision, ClaimRow } from '@originlink/store';
import type { ClaimItemRequest, ClaimRequest } from './claim-request.js';
import type { ClaimReason } from './claim-reasons.js';
import type { ItemMatch } from './match-items.js';

export type ItemDecision = 'granted' | 'denied' | 'review';

/** One claimed line as stored in the claims row's `items`. */
export interface StoredClaimItem {
  readonly line: number;
  readonly claimed: ClaimItemRequest;
  readonly itemNumber: number | null;
  readonly matchedBy: 'itemNumber' | 'hsCode' | null;
  /** Millionths of the certificate item's unit this line consumes when accepted (consumed if it was). */
  readonly useMicro: number | null;
  /** The certificate item's usable unit, when matched. */
  readonly unitCode: string | null;
  readonly decision: ItemDecision;
  readonly reasonCodes: readonly string[];
}

export function itemDecision(decision: ClaimDecision): ItemDecision {
  return decision === 'accepted' ? 'granted' : decision === 'rejected' ? 'denied' : 'review';
}

/** The stored lines of a decision: each match with its own reasons' codes. */
export function storedItems(matches: readonly ItemMatch[], reasons: readonly ClaimReason[], decision: ClaimDecision, unitOf: (itemNumber: number) => string | null): StoredClaimItem[] {
  return matches.map((m) => ({
    line: m.line,
    claimed: m.claimed,
    itemNumber: m.itemNumber,
    matchedBy: m.matchedBy,
    useMicro: m.useMicro,
    unitCode: m.itemNumber === null ? null : unitOf(m.itemNumber),
    decision: itemDecision(decision),
    reasonCodes: reasons.filter((r) => r.itemLine === m.line).map((r) => r.code),
  }));
}

export const parseItems = (row: Pick<ClaimRow, 'items'>): StoredClaimItem[] => JSON.parse(row.items) as StoredClaimItem[];
export const parseReasons = (row: Pick<ClaimRow, 'reasons'>): ClaimReason[] => JSON.parse(row.reasons) as ClaimReason[];

/** What makes two claims with the same certificate and declaration reference the same claim. */
export function claimFingerprint(input: { declarationDate: string; importerName: string | null; importerId: string | null; items: readonly ClaimItemRequest[] }): string {
  return canonicalJson({ declarationDate: input.declarationDate, importerName: input.importerName, importerId: input.importerId, items: input.items.map((i) => ({ ...i, hsVersion: i.hsVersion ?? '2022' })) });
}

export const requestFingerprint = (r: ClaimRequest): string => claimFingerprint({ declarationDate: r.declarationDate, importerName: r.importer.name ?? null, importerId: r.importer.id ?? null, items: r.items });
export const rowFingerprint = (row: ClaimRow): string => claimFingerprint({ declarationDate: row.declarationDate, importerName: row.importerName, importerId: row.importerId, items: parseItems(row).map((i) => i.claimed) });
