/**
 * Exporting side of the registered-exporter lookup: the signed statement (compact JWS, protocol
 * signStatement) saying whether an exporter is in our registry and valid on a date. An exporter not
 * in the registry gets `registered: false` and nothing else; one that is, but not valid that day
 * (suspended, revoked, outside its validity), gets `registered: false` with its record, so the
 * importing side can tell "unknown" from "not valid then".
 */
import { signStatement } from '@originlink/protocol';
import { Type } from '@sinclair/typebox';
import type { ExporterRow } from '@originlink/store';
import type { GatewayContext } from '../../gateway-context.js';

/** Approved-exporter codes and REX numbers: letters, digits, dot, dash, underscore (a URL path segment). */
export const ExporterIdSchema = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,69}$' });

export interface ExporterStatement {
  readonly issuer: { readonly country: string; readonly gateway: string };
  readonly exporterId: string;
  /** The date asked about, YYYY-MM-DD. */
  readonly date: string;
  readonly registered: boolean;
  readonly name?: string;
  readonly authorisationType?: ExporterRow['authorisationType'];
  readonly validFrom?: string;
  readonly validUntil?: string;
  readonly status?: ExporterRow['status'];
  readonly answeredAt: string;
}

/** Whether the registry row makes the exporter registered and valid on `date`. */
export function validOn(row: ExporterRow, date: string): boolean {
  return row.status === 'active' && row.validFrom <= date && (row.validUntil === null || date <= row.validUntil);
}

export async function exporterStatement(ctx: GatewayContext, exporterId: string, date: string): Promise<{ statement: ExporterStatement; token: string }> {
  const row = await ctx.store.exporters.get(exporterId);
  const statement: ExporterStatement = {
    issuer: { country: ctx.config.self.country, gateway: ctx.config.self.gateway },
    exporterId,
    date,
    registered: row !== undefined && validOn(row, date),
    ...(row ? { name: row.name, authorisationType: row.authorisationType, validFrom: row.validFrom, ...(row.validUntil !== null ? { validUntil: row.validUntil } : {}), status: row.status } : {}),
    answeredAt: new Date(ctx.clock()).toISOString(),
  };
  return { statement, token: signStatement({ ...statement }, ctx.signer) };
}
