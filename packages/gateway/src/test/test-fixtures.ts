/**
 * Test support: corpus samples (from the dataset package's corpus/valid, composed for the project)
 * and variants of them, national API calls through app.inject, and row counts of every table read
 * straight from a node's SQLite file (so "nothing stored" is checked table by table).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { TestNode } from './test-network.js';

/** A corpus document: the fields tests change are typed, the rest is kept as is. */
export interface SampleDocument {
  header: { number: string; issuingCountry: string; importingCountry: string; agreementCode: string; typeCode: string; issueDate: string; [k: string]: unknown };
  exporter: { name: string; [k: string]: unknown };
  consignee?: { name: string; [k: string]: unknown };
  goodsItems: { hsCode: string; [k: string]: unknown }[];
  [k: string]: unknown;
}

const corpus = fileURLToPath(new URL('../corpus/valid/', import.meta.resolve('@originlink/dataset')));

/** A valid sample of the dataset corpus, e.g. `chkfta-cn-kr-kimchi.json` (CN -> KR, ChKFTA). */
export async function sample(file: string): Promise<SampleDocument> {
  return JSON.parse(await readFile(`${corpus}${file}`, 'utf8')) as SampleDocument;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Every YYYY-MM-DD string in the document moved by `days` (the date rules keep holding). */
function shiftDates(value: unknown, days: number): unknown {
  if (typeof value === 'string' && isoDate.test(value)) return new Date(Date.parse(`${value}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map((v) => shiftDates(v, days));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, days)]));
  return value;
}

/** A copy of a sample with another number and, optionally, exporter, consignee, HS codes and dates. */
export function variant(doc: SampleDocument, change: { number: string; exporterName?: string; consigneeName?: string; hsCode?: string; shiftDays?: number }): SampleDocument {
  const copy = (change.shiftDays ? shiftDates(doc, change.shiftDays) : structuredClone(doc)) as SampleDocument;
  copy.header.number = change.number;
  if (change.exporterName !== undefined) copy.exporter.name = change.exporterName;
  if (change.consigneeName !== undefined && copy.consignee) copy.consignee.name = change.consigneeName;
  if (change.hsCode !== undefined) for (const item of copy.goodsItems) item.hsCode = change.hsCode;
  return copy;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly body: string;
  readonly raw: Buffer;
  json<T = Record<string, unknown>>(): T;
}

/** Calls a node's app in-process; `token` is a role name of the node's tokens or a literal token. */
export async function api(node: TestNode, method: 'GET' | 'POST', url: string, options: { token?: 'issuer' | 'customs' | 'admin' | { literal: string }; body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiResponse> {
  const token = options.token === undefined ? undefined : typeof options.token === 'string' ? node.tokens[options.token] : options.token.literal;
  const res = await node.gateway.app.inject({
    method,
    url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers },
    ...(options.body === undefined ? {} : { payload: options.body as string | object }),
  });
  return { status: res.statusCode, headers: res.headers, body: res.body, raw: res.rawPayload, json: <T>() => JSON.parse(res.body) as T };
}

/** The tables of the store schema whose rows tests count. */
export const tables = ['certificates', 'certificate_items', 'messages', 'outbox', 'receipts', 'dedup_keys', 'idempotency_keys', 'partners', 'partner_keys', 'rejections', 'audit_log'] as const;
export type TableCounts = Record<(typeof tables)[number], number>;

/** Row counts of every table, read through a separate read-only connection (committed data only). */
export function countRows(node: TestNode): TableCounts {
  const db = new Database(node.dbPath, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n])) as TableCounts;
  } finally {
    db.close();
  }
}
