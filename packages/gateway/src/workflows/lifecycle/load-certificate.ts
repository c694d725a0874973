/** Reads a certificate for a national API request, or throws the 404 the client gets; and one just written. */
import type { CertificateRow } from '@originlink/store';
import { GatewayError } from '../../errors/gateway-errors.js';
import type { GatewayContext } from '../../gateway-context.js';

export async function loadCertificate(ctx: GatewayContext, id: string): Promise<CertificateRow> {
  const row = await ctx.store.certificates.get(id);
  if (!row) throw new GatewayError('certificate.not-found', `no certificate with id ${id}; search by number with GET /api/v1/certificates?number=...`);
  return row;
}

/** A certificate read right after the transaction that wrote it committed. */
export async function mustGet(ctx: GatewayContext, id: string): Promise<CertificateRow> {
  const row = await ctx.store.certificates.get(id);
  if (!row) throw new Error(`certificate ${id} is missing right after it was committed`);
  return row;
}
