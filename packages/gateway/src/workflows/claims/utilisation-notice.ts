/**
 * The co.utilisation message that tells the issuing side what was decided on a claim, per item,
 * when the certificate's agreement profile asks for notices (lifecycle.utilisationNotice). Sent
 * for final decisions only (accepted or rejected, by the gateway or by an officer).
 */
import type { PayloadOf } from '@originlink/protocol';
import type { CertificateRow, ClaimDecision } from '@originlink/store';
import type { GatewayContext } from '../../gateway-context.js';
import { outboundMessage, type OutboundMessage } from '../outbound-message.js';
import type { StoredClaimItem } from './claim-record.js';

export interface NoticeInput {
  readonly certificate: CertificateRow;
  readonly declarationReference: string;
  readonly decision: ClaimDecision;
  readonly items: readonly StoredClaimItem[];
  /** Codes of the reasons about the whole certificate (added to every item). */
  readonly certificateCodes: readonly string[];
  readonly now: number;
}

/** The signed notice with its writes, or undefined when the profile asks for none (or the partner is gone). */
export function utilisationNotice(ctx: GatewayContext, input: NoticeInput): OutboundMessage | undefined {
  if (input.decision === 'manual-review') return undefined;
  const { certificate } = input;
  const profile = ctx.agreements.profiles.find((p) => p.id === certificate.profileId);
  if (!profile?.lifecycle.utilisationNotice) return undefined;
  const partner = ctx.partners.partner(certificate.partnerCountry);
  if (!partner) {
    ctx.log.warn({ certificate: certificate.id, partner: certificate.partnerCountry }, 'no partner gateway to send the utilisation notice to');
    return undefined;
  }
  const granted = input.decision === 'accepted';
  const payload: PayloadOf<'co.utilisation'> = {
    certificateNumber: certificate.number,
    issuingCountry: certificate.issuingCountry,
    declarationReference: input.declarationReference,
    decision: granted ? 'granted' : 'denied',
    // Lines that matched no certificate item have no item number to report.
    items: input.items.flatMap((i) =>
      i.itemNumber === null
        ? []
        : [{
            itemNumber: i.itemNumber,
            ...quantityOf(i, granted),
            decision: granted ? ('granted' as const) : ('denied' as const),
            reasonCodes: [...new Set([...input.certificateCodes, ...i.reasonCodes])],
          }],
    ),
    decidedAt: new Date(input.now).toISOString(),
  };
  return outboundMessage(ctx, {
    kind: 'co.utilisation',
    partner,
    agreement: certificate.agreement,
    datasetVersion: profile.datasetVersion,
    payload,
    certificateId: certificate.id,
    orderKey: certificate.id,
    now: input.now,
  });
}

/** Granted: the quantity consumed, in the certificate item's unit; denied: the quantity claimed. */
function quantityOf(item: StoredClaimItem, granted: boolean): { quantity?: number; unitCode?: string } {
  if (granted) return item.useMicro !== null && item.unitCode !== null ? { quantity: item.useMicro / 1_000_000, unitCode: item.unitCode } : {};
  const { quantity, unitCode } = item.claimed;
  return quantity !== undefined && unitCode !== undefined ? { quantity, unitCode } : {};
}
