/**
 * The per-item half of a claim decision: each claimed item is matched to a certificate item (by
 * item number when the claim gives one, else by HS subheading, then invoice number), then compared:
 * HS subheading at 6 digits (review when the HS editions differ), invoice number, unit, and the
 * quantity that remains after earlier accepted claims. Returns the reasons, what each line matched,
 * and the millionths each certificate item would give up if the claim is accepted.
 */
import type { EcoDocument } from '@originlink/dataset';
import type { CertificateItemRow } from '@originlink/store';
import { toMicro } from '../certificate-row.js';
import type { ClaimItemRequest } from './claim-request.js';
import { reason, type ClaimReason } from './claim-reasons.js';
import { normaliseId } from './party-names.js';

/** The HS edition a claim or certificate item is in when it does not say. */
export const defaultHsVersion = '2022';

export interface ItemMatch {
  readonly line: number;
  /** The item as claimed (kept to recognise a repeated claim). */
  readonly claimed: ClaimItemRequest;
  readonly itemNumber: number | null;
  readonly matchedBy: 'itemNumber' | 'hsCode' | null;
  /** Millionths of the certificate item's usable unit this line consumes when accepted. */
  readonly useMicro: number | null;
}

export interface ItemCheck {
  readonly reasons: ClaimReason[];
  readonly matches: ItemMatch[];
  /** Certificate item number -> millionths to consume (only lines with a quantity in the right unit). */
  readonly consumption: Map<number, number>;
}

export interface ItemContext {
  readonly items: readonly CertificateItemRow[];
  readonly document: EcoDocument;
  /** Item numbers that retroactive verification did not confirm. */
  readonly notConfirmed: readonly number[];
}

const hs6 = (code: string): string => code.slice(0, 6);
const fromMicro = (micro: number): number => micro / 1_000_000;
const sameInvoice = (a: string, b: string): boolean => normaliseId(a) === normaliseId(b);

/** Invoice numbers the certificate gives for an item: its own, else the document's invoices. */
function invoicesOf(item: CertificateItemRow, document: EcoDocument): string[] {
  if (item.invoiceNumber) return [item.invoiceNumber];
  return (document.invoices ?? []).map((i) => i.number);
}

export function checkItems(claimed: readonly ClaimItemRequest[], ctx: ItemContext): ItemCheck {
  const reasons: ClaimReason[] = [];
  const matches: ItemMatch[] = [];
  const consumption = new Map<number, number>();
  const remaining = (item: CertificateItemRow): number => (item.usableMicro ?? 0) - item.usedMicro - (consumption.get(item.itemNumber) ?? 0);

  for (const c of claimed) {
    const line = c.line;
    const wanted = c.quantity !== undefined ? toMicro(c.quantity) : undefined;
    let item: CertificateItemRow | undefined;
    let matchedBy: ItemMatch['matchedBy'];
    if (c.itemNumber !== undefined) {
      item = ctx.items.find((i) => i.itemNumber === c.itemNumber);
      matchedBy = 'itemNumber';
      if (!item) reasons.push(reason('claim.item-not-found', { itemNumber: c.itemNumber }, { itemLine: line }));
    } else {
      let candidates = ctx.items.filter((i) => hs6(i.hsCode) === hs6(c.hsCode));
      if (c.invoiceNumber !== undefined) {
        const invoice = c.invoiceNumber;
        const byInvoice = candidates.filter((i) => invoicesOf(i, ctx.document).some((n) => sameInvoice(n, invoice)));
        if (byInvoice.length > 0) candidates = byInvoice;
      }
      // Several items with the same subheading: the first that still covers the quantity.
      item = candidates.find((i) => wanted === undefined || (i.usableUnit === c.unitCode && remaining(i) >= wanted)) ?? candidates[0];
      matchedBy = item ? 'hsCode' : null;
      if (!item) reasons.push(reason('claim.item-not-found', { hsCode: hs6(c.hsCode), ...(c.invoiceNumber !== undefined ? { invoiceNumber: c.invoiceNumber } : {}) }, { itemLine: line }));
    }
    if (!item) {
      matches.push({ line, claimed: c, itemNumber: null, matchedBy: null, useMicro: null });
      continue;
    }
    const n = item.itemNumber;
    const docItem = ctx.document.goodsItems.find((g) => g.itemNumber === n);
    const claimVersion = c.hsVersion ?? defaultHsVersion;
    const itemVersion = docItem?.hsVersion ?? defaultHsVersion;
    if (claimVersion !== itemVersion) {
      reasons.push(reason('claim.hs-version-review', { itemNumber: n, claimed: hs6(c.hsCode), claimVersion, expected: hs6(item.hsCode), itemVersion }, { itemLine: line }));
    } else if (hs6(c.hsCode) !== hs6(item.hsCode)) {
      reasons.push(reason('claim.hs-mismatch', { itemNumber: n, claimed: hs6(c.hsCode), expected: hs6(item.hsCode), hsVersion: itemVersion }, { itemLine: line }));
    }

    const expectedInvoices = invoicesOf(item, ctx.document);
    if (c.invoiceNumber !== undefined && expectedInvoices.length > 0 && !expectedInvoices.some((e) => sameInvoice(e, c.invoiceNumber as string))) {
      const thirdParty = ctx.document.specialCases?.thirdPartyInvoicing === true;
      reasons.push(reason('claim.invoice-mismatch', { itemNumber: n, claimed: c.invoiceNumber, expected: expectedInvoices, thirdPartyInvoicing: thirdParty }, { itemLine: line, ...(thirdParty ? { effect: 'review' as const } : {}) }));
    }

    if (ctx.notConfirmed.includes(n)) reasons.push(reason('claim.origin-not-confirmed', { itemNumber: n }, { itemLine: line }));

    let useMicro: number | null = null;
    if (wanted !== undefined) {
      if (item.usableMicro === null || item.usableUnit === null || c.unitCode !== item.usableUnit) {
        reasons.push(reason('claim.unit-mismatch', { itemNumber: n, claimed: c.unitCode ?? null, expected: item.usableUnit ?? 'no quantity or weight on the certificate' }, { itemLine: line }));
      } else {
        const left = remaining(item);
        if (wanted > left) {
          reasons.push(reason('claim.quantity-exceeded', { itemNumber: n, claimed: fromMicro(wanted), unitCode: item.usableUnit, remaining: fromMicro(Math.max(left, 0)), total: fromMicro(item.usableMicro) }, { itemLine: line }));
        } else {
          useMicro = wanted;
          consumption.set(n, (consumption.get(n) ?? 0) + wanted);
        }
      }
    }
    matches.push({ line, claimed: c, itemNumber: n, matchedBy, useMicro });
  }
  return { reasons, matches, consumption };
}
