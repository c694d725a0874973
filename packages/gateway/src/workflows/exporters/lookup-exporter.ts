/**
 * Importing side of the registered-exporter lookup: ask the exporter's country for a signed
 * statement and verify it with that partner's pinned keys (protocol verifyStatement), then check it
 * answers our question (issuer, exporter, date). Only a verified statement is returned.
 */
import { verifyStatement } from '@originlink/protocol';
import { GatewayError } from '../../errors/gateway-errors.js';
import type { GatewayContext } from '../../gateway-context.js';
import { callPartner } from '../../partners/partner-call.js';
import type { ExporterStatement } from './exporter-statement.js';

export interface VerifiedExporterStatement {
  readonly statement: ExporterStatement;
  /** The kid of the partner key that signed it. */
  readonly kid: string;
  /** The compact JWS as received: evidence a client may keep. */
  readonly token: string;
}

export async function lookupExporter(ctx: GatewayContext, country: string, exporterId: string, date: string): Promise<VerifiedExporterStatement> {
  await ctx.partners.refresh();
  const partner = ctx.partners.partner(country);
  if (!partner || country === ctx.config.self.country) throw new GatewayError('partner.not-found', `no partner gateway for ${country}`);
  const call = await callPartner(ctx.config, partner.endpoint, { method: 'GET', path: `partner/v1/exporters/${encodeURIComponent(exporterId)}?date=${date}`, accept: 'application/jose' });
  if (!call.ok) throw new GatewayError('partner.unreachable', call.detail);
  const res = call.response;
  if (res.status === 429) throw new GatewayError('partner.rate-limited', `${country} limits the rate of exporter lookups${res.retryAfter ? `; retry after ${res.retryAfter} s` : ''}`);
  if (res.status !== 200) throw new GatewayError('exporter.statement-invalid', `${country} answered HTTP ${res.status} instead of a signed statement`);
  const token = res.body.toString('utf8');
  const keys = ctx.partners.keysOf({ country: partner.country, gateway: partner.gatewayId }) ?? [];
  const verified = verifyStatement(token, keys, { allowedAlgorithms: ['ES256', 'EdDSA'], at: ctx.clock() });
  if (!verified.ok) throw new GatewayError('exporter.statement-invalid', `${verified.code}: ${verified.detail}`, { protocolCode: verified.code });
  const s = verified.payload as Partial<ExporterStatement>;
  const issuer = s.issuer;
  if (issuer?.country !== partner.country || issuer.gateway !== partner.gatewayId || s.exporterId !== exporterId || s.date !== date || typeof s.registered !== 'boolean') {
    throw new GatewayError('exporter.statement-invalid', `the statement answers another question (issuer ${JSON.stringify(issuer)}, exporter ${String(s.exporterId)}, date ${String(s.date)})`);
  }
  return { statement: s as ExporterStatement, kid: verified.kid, token };
}
