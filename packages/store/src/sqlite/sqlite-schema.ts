/**
 * Reads a SQLite database's tables, columns and indexes (sqlite_master, pragma table_info,
 * index_list, index_info) into a SchemaSnapshot, and builds the expected snapshot by applying
 * the migration files to an in-memory database.
 */
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import type { MigrationFile } from '../migrations/migration-files.js';
import { runMigrations } from '../migrations/migrator.js';
import type { ColumnShape, IndexShape, SchemaSnapshot } from '../migrations/schema-diff.js';
import { sqliteMigrationBackend } from './sqlite-migrations.js';

interface MasterRow { type: 'table' | 'index'; name: string; tbl_name: string; sql: string | null }
interface ColumnRow { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }
interface IndexListRow { name: string; unique: number }
interface IndexInfoRow { name: string | null }

const normalise = (sql: string): string => sql.replace(/\s+/g, ' ').trim();

/** The live schema; SQLite's own objects (sqlite_sequence, sqlite_stat1, autoindexes) are left out. */
export function describeSqliteSchema(raw: BetterSqlite3.Database): SchemaSnapshot {
  const objects = raw
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .all() as MasterRow[];
  const tables: Record<string, Record<string, ColumnShape>> = {};
  const indexes: Record<string, IndexShape> = {};
  for (const object of objects) {
    if (object.type === 'table') {
      const columns: Record<string, ColumnShape> = {};
      for (const c of raw.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all(object.name) as ColumnRow[]) {
        columns[c.name] = { type: c.type.toUpperCase(), notNull: c.notnull === 1, defaultValue: c.dflt_value, primaryKey: c.pk };
      }
      tables[object.name] = columns;
    } else {
      const listed = (raw.prepare('SELECT name, "unique" FROM pragma_index_list(?)').all(object.tbl_name) as IndexListRow[]).find((i) => i.name === object.name);
      const columns = (raw.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(object.name) as IndexInfoRow[]).map((c) => c.name ?? '(expression)');
      indexes[object.name] = { table: object.tbl_name, unique: listed?.unique === 1, columns, definition: object.sql === null ? null : normalise(object.sql) };
    }
  }
  return { tables, indexes };
}

/** The schema the migration files create, built on a scratch in-memory database. */
export async function expectedSqliteSchema(files: readonly MigrationFile[]): Promise<SchemaSnapshot> {
  const scratch = new Database(':memory:');
  try {
    await runMigrations(sqliteMigrationBackend(scratch), files, () => 0);
    return describeSqliteSchema(scratch);
  } finally {
    scratch.close();
  }
}
