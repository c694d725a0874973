/** Builds the certificate row (searchable columns + canonical document) from a validated e-CO document. */
import { canonicalJson, type EcoDocument } from '@originlink/dataset';
import { sha256Digest } from '@originlink/protocol';
import type { CertificateDirection, CertificateSource, CertificateStatus, NewCertificate } from '@originlink/store';

export interface RowInput {
  readonly id: string;
  readonly document: EcoDocument;
  readonly direction: CertificateDirection;
  readonly source: CertificateSource;
  readonly partnerCountry: string;
  readonly profileId: string;
  readonly status: CertificateStatus;
  readonly messageId: string;
  readonly now: number;
}

/** Canonical texts already computed for document objects (decoded payloads): computed once, not twice. */
const knownCanonical = new WeakMap<object, string>();

/**
 * Remembers the canonical text of a single-member payload's value (`{ certificate }`), sliced from
 * the payload's canonical JSON the protocol hashed: by RFC 8785 it is `{"certificate":` + the
 * value's canonical text + `}`.
 */
export function rememberPayloadDocument(payload: unknown, canonicalPayload: string): void {
  if (typeof payload !== 'object' || payload === null) return;
  const keys = Object.keys(payload);
  if (keys.length !== 1) return;
  const value = (payload as Record<string, unknown>)[keys[0]!];
  const prefix = `{${JSON.stringify(keys[0])}:`;
  if (typeof value === 'object' && value !== null && canonicalPayload.startsWith(prefix) && canonicalPayload.endsWith('}')) {
    knownCanonical.set(value, canonicalPayload.slice(prefix.length, -1));
  }
}

/** The canonical JSON text of a document and its digest (what is stored and compared for idempotency). */
export function canonicalDocument(document: EcoDocument): { text: string; digest: string } {
  const text = knownCanonical.get(document) ?? canonicalJson(document);
  return { text, digest: sha256Digest(Buffer.from(text, 'utf8')) };
}

export function certificateRow(input: RowInput, canonical = canonicalDocument(input.document)): NewCertificate {
  const d = input.document;
  return {
    id: input.id,
    direction: input.direction,
    source: input.source,
    number: d.header.number,
    issuingCountry: d.header.issuingCountry,
    importingCountry: d.header.importingCountry,
    partnerCountry: input.partnerCountry,
    agreement: d.header.agreementCode,
    profileId: input.profileId,
    typeCode: d.header.typeCode,
    issueDate: d.header.issueDate,
    exporterName: d.exporter.name,
    importerName: d.importer?.name ?? null,
    consigneeName: d.consignee?.name ?? null,
    document: canonical.text,
    documentDigest: canonical.digest,
    status: input.status,
    version: d.header.version ?? 1,
    messageId: input.messageId,
    createdAt: input.now,
    items: d.goodsItems.map((item) => {
      // Claims consume the item's quantity, or its gross weight when the form gives no quantity.
      const usable = item.quantity ?? item.grossWeight;
      return {
        itemNumber: item.itemNumber,
        hsCode: item.hsCode,
        description: item.description,
        quantity: item.quantity?.value ?? null,
        unitCode: item.quantity?.unitCode ?? null,
        invoiceNumber: item.invoiceNumber ?? null,
        usableMicro: usable ? toMicro(usable.value) : null,
        usableUnit: usable?.unitCode ?? null,
      };
    }),
  };
}

/** A decimal with at most 6 fraction digits (the dataset's n..16,6) as an exact count of millionths. */
export function toMicro(value: number): number {
  const [int, frac = ''] = value.toFixed(6).split('.');
  return Number(int) * 1_000_000 + Number(frac.padEnd(6, '0').slice(0, 6));
}
