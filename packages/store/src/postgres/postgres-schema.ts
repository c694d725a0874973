/**
 * Reads a PostgreSQL schema's tables, columns and indexes (information_schema, pg_index) into a
 * SchemaSnapshot, and builds the expected snapshot by applying the migration files to a scratch
 * schema inside a transaction that is rolled back: DDL is transactional, so nothing is left
 * behind even if the process dies half-way (the role needs CREATE on the database for it).
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { MigrationError } from '../migrations/migration-error.js';
import type { MigrationFile } from '../migrations/migration-files.js';
import { runMigrations } from '../migrations/migrator.js';
import type { ColumnShape, IndexShape, SchemaSnapshot } from '../migrations/schema-diff.js';
import { classifyPostgresError } from './classify-error.js';
import { postgresScratchMigrationBackend } from './postgres-migrations.js';

interface ColumnRow {
  table_name: string; column_name: string; data_type: string; is_nullable: 'YES' | 'NO';
  column_default: string | null; collation_name: string | null; identity_generation: string | null; pk: number | null;
}
interface IndexRow { name: string; table_name: string; unique: boolean; definition: string; columns: (string | null)[] }

// Primary-key positions come from pg_constraint: joining information_schema's table_constraints
// and key_column_usage instead takes seconds (their nested views), which every doctor run paid.
const columnsQuery = `
SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default, c.collation_name,
       c.identity_generation, pk.n AS pk
FROM information_schema.columns c
JOIN pg_namespace ns ON ns.nspname = c.table_schema
JOIN pg_class rel ON rel.relnamespace = ns.oid AND rel.relname = c.table_name AND rel.relkind IN ('r', 'p')
LEFT JOIN LATERAL (
  SELECT k.n::int AS n FROM pg_constraint con
  CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, n)
  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
  WHERE con.conrelid = rel.oid AND con.contype = 'p' AND a.attname = c.column_name
) pk ON true
WHERE c.table_schema = $1
ORDER BY c.table_name, c.ordinal_position`;

// Key columns in order (INCLUDE columns left out); an expression has attnum 0, hence no name.
const indexesQuery = `
SELECT i.relname AS name, t.relname AS table_name, x.indisunique AS unique, pg_get_indexdef(x.indexrelid) AS definition,
       ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
             LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
             WHERE k.n <= x.indnkeyatts ORDER BY k.n) AS columns
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = $1
ORDER BY i.relname`;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function columnShape(r: ColumnRow): ColumnShape {
  const collation = r.collation_name === null ? '' : ` COLLATE "${r.collation_name}"`;
  const identity = r.identity_generation === null ? null : `GENERATED ${r.identity_generation} AS IDENTITY`;
  return { type: `${r.data_type.toUpperCase()}${collation}`, notNull: r.is_nullable === 'NO', defaultValue: r.column_default ?? identity, primaryKey: r.pk ?? 0 };
}

/** The tables, columns and indexes of one schema; definitions are shown without the schema name. */
export async function describePostgresSchema(client: pg.ClientBase, schema: string): Promise<SchemaSnapshot> {
  const tables: Record<string, Record<string, ColumnShape>> = {};
  for (const row of (await client.query<ColumnRow>(columnsQuery, [schema])).rows) {
    (tables[row.table_name] ??= {})[row.column_name] = columnShape(row);
  }
  // pg_get_indexdef qualifies the table with its schema; the scratch schema's name differs.
  const qualifier = new RegExp(` ON (ONLY )?(${escapeRegExp(schema)}|"${escapeRegExp(schema)}")\\.`);
  const indexes: Record<string, IndexShape> = {};
  for (const row of (await client.query<IndexRow>(indexesQuery, [schema])).rows) {
    indexes[row.name] = {
      table: row.table_name, unique: row.unique, columns: row.columns.map((c) => c ?? '(expression)'),
      definition: row.definition.replace(qualifier, ' ON $1'),
    };
  }
  return { tables, indexes };
}

/** The schema the migration files create, built in a scratch schema that is rolled back. */
export async function expectedPostgresSchema(pool: pg.Pool, files: readonly MigrationFile[]): Promise<SchemaSnapshot> {
  const scratch = `originlink_scratch_${randomBytes(6).toString('hex')}`;
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw classifyPostgresError(error);
  }
  let broken = false;
  try {
    await client.query('BEGIN');
    await client.query(`CREATE SCHEMA ${scratch}`);
    await client.query(`SET LOCAL search_path TO ${scratch}`);
    await runMigrations(postgresScratchMigrationBackend(client), files, () => 0);
    return await describePostgresSchema(client, scratch);
  } catch (error) {
    broken = true;
    throw error instanceof MigrationError ? error : classifyPostgresError(error);
  } finally {
    if (!broken) await client.query('ROLLBACK').catch(() => (broken = true));
    client.release(broken);
  }
}
