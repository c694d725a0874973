/**
 * A backend-neutral description of a live schema and the comparison behind `checkSchema`: the
 * doctor compares the database with what the migrations create and lists every difference.
 */

export interface ColumnShape {
  /** Declared type as the database reports it (upper case). */
  readonly type: string;
  readonly notNull: boolean;
  readonly defaultValue: string | null;
  /** Position in the primary key (1-based), 0 when not part of it. */
  readonly primaryKey: number;
}

export interface IndexShape {
  readonly table: string;
  readonly unique: boolean;
  /** Indexed columns in order; expressions appear as `(expression)`. */
  readonly columns: readonly string[];
  /** The normalised definition (CREATE INDEX text), when the database keeps one. */
  readonly definition: string | null;
}

export interface SchemaSnapshot {
  readonly tables: Readonly<Record<string, Readonly<Record<string, ColumnShape>>>>;
  readonly indexes: Readonly<Record<string, IndexShape>>;
}

export const schemaDifferenceKinds = [
  'missing-table', 'unexpected-table', 'missing-column', 'unexpected-column', 'column-changed',
  'missing-index', 'unexpected-index', 'index-changed',
  'pending-migration', 'checksum-mismatch', 'unknown-migration', 'out-of-order',
] as const;
export type SchemaDifferenceKind = (typeof schemaDifferenceKinds)[number];

export interface SchemaDifference {
  readonly kind: SchemaDifferenceKind;
  /** `table`, `table.column`, an index name, or a migration name. */
  readonly object: string;
  readonly detail: string;
}

function describeColumn(c: ColumnShape): string {
  return `${c.type}${c.notNull ? ' NOT NULL' : ''}${c.defaultValue === null ? '' : ` DEFAULT ${c.defaultValue}`}${c.primaryKey ? ` PK#${c.primaryKey}` : ''}`;
}

function describeIndex(i: IndexShape): string {
  return i.definition ?? `${i.unique ? 'UNIQUE ' : ''}INDEX ON ${i.table} (${i.columns.join(', ')})`;
}

/** Differences between the expected schema (from the migrations) and the live one. */
export function diffSchemas(expected: SchemaSnapshot, actual: SchemaSnapshot): SchemaDifference[] {
  const out: SchemaDifference[] = [];
  for (const [table, columns] of Object.entries(expected.tables)) {
    const live = actual.tables[table];
    if (!live) {
      out.push({ kind: 'missing-table', object: table, detail: `table ${table} does not exist` });
      continue;
    }
    for (const [name, column] of Object.entries(columns)) {
      const liveColumn = live[name];
      if (!liveColumn) out.push({ kind: 'missing-column', object: `${table}.${name}`, detail: `column ${table}.${name} does not exist` });
      else if (describeColumn(liveColumn) !== describeColumn(column)) {
        out.push({ kind: 'column-changed', object: `${table}.${name}`, detail: `expected ${describeColumn(column)}, found ${describeColumn(liveColumn)}` });
      }
    }
    for (const name of Object.keys(live)) {
      if (!columns[name]) out.push({ kind: 'unexpected-column', object: `${table}.${name}`, detail: `column ${table}.${name} is not created by any migration` });
    }
  }
  for (const table of Object.keys(actual.tables)) {
    if (!expected.tables[table]) out.push({ kind: 'unexpected-table', object: table, detail: `table ${table} is not created by any migration` });
  }
  for (const [name, index] of Object.entries(expected.indexes)) {
    const live = actual.indexes[name];
    if (!live) out.push({ kind: 'missing-index', object: name, detail: `index ${name} on ${index.table} does not exist` });
    else if (describeIndex(live) !== describeIndex(index) || live.unique !== index.unique || live.columns.join() !== index.columns.join()) {
      out.push({ kind: 'index-changed', object: name, detail: `expected ${describeIndex(index)}, found ${describeIndex(live)}` });
    }
  }
  for (const [name, index] of Object.entries(actual.indexes)) {
    if (!expected.indexes[name]) out.push({ kind: 'unexpected-index', object: name, detail: `index ${name} on ${index.table} is not created by any migration` });
  }
  return out;
}
