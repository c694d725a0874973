/**
 * Loads the numbered SQL migration files of one backend (migrations/<backend>/NNNN_name.sql,
 * shipped in the package) and computes their checksums. The folder is resolved from this
 * module's URL so the same code works from src/ (tsx) and dist/ (compiled): both sit two
 * levels below the package root.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { MigrationError } from './migration-error.js';

export interface MigrationFile {
  readonly version: number;
  /** `0001_initial`: the file name without `.sql`. */
  readonly name: string;
  readonly sql: string;
  /** SHA-256 (hex) of the file with line endings normalised to LF (a CRLF checkout is no change). */
  readonly checksum: string;
}

const fileName = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** The folder holding one backend's migrations. */
export function migrationsFolder(backend: 'sqlite' | 'postgres'): URL {
  return new URL(`../../migrations/${backend}/`, import.meta.url);
}

export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

/** Reads every `.sql` file of `folder`, in version order; rejects badly named or duplicate versions. */
export async function loadMigrationFiles(folder: URL): Promise<readonly MigrationFile[]> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.sql')).sort();
  const files: MigrationFile[] = [];
  for (const file of names) {
    const match = fileName.exec(file);
    if (!match?.[1]) throw new MigrationError('bad-file', `migration file ${file} is not named NNNN_name.sql`);
    const version = Number(match[1]);
    if (files.some((f) => f.version === version)) {
      throw new MigrationError('bad-file', `two migration files have version ${match[1]}`);
    }
    const sql = await readFile(new URL(file, folder), 'utf8');
    files.push({ version, name: file.slice(0, -'.sql'.length), sql, checksum: migrationChecksum(sql) });
  }
  return files;
}
