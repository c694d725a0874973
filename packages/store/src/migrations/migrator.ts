/**
 * Applies numbered migrations in order, each in its own transaction, recording them in
 * schema_migrations (version, name, checksum, applied_at). Backend-neutral: a backend supplies a
 * MigrationBackend. Safe with several processes at once because every step re-reads the applied
 * list inside a transaction that serialises with other migrators (SQLite: BEGIN IMMEDIATE), and
 * a backend with concurrent writers can also hold a lock for the whole run (PostgreSQL: an
 * advisory lock), which keeps CREATE TABLE IF NOT EXISTS races out of the picture.
 */
import type { MigrationReport } from '../store.js';
import { MigrationError } from './migration-error.js';
import type { MigrationFile } from './migration-files.js';

export interface AppliedMigration {
  readonly version: number;
  readonly name: string;
  readonly checksum: string;
  readonly appliedAt: number;
}

/** What one step applied; `applied` is the list as it stands after the step. */
export interface MigrationStepResult {
  readonly applied: readonly AppliedMigration[];
  readonly ran: MigrationFile | undefined;
}

export interface MigrationBackend {
  /** Runs the whole migration holding a lock that excludes other migrators (or nothing, if steps suffice). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * In one write transaction that serialises with other migrators: creates schema_migrations if
   * needed, reads the applied list, asks `decide` which file to run (it throws to refuse), runs
   * that file and records it with `appliedAt`. `decide` is synchronous so that a backend whose
   * driver blocks (better-sqlite3) can run the whole step without yielding to the event loop.
   */
  step(decide: (applied: readonly AppliedMigration[]) => MigrationFile | undefined, appliedAt: number): Promise<MigrationStepResult>;
}

/** A disagreement between the applied migrations and the files, as data (the doctor lists them). */
export interface MigrationProblem {
  readonly code: 'checksum-mismatch' | 'unknown-migration' | 'out-of-order';
  readonly version: number;
  readonly message: string;
}

/** Compares applied migrations with the files; pending migrations after the last applied one are fine. */
export function migrationProblems(applied: readonly AppliedMigration[], files: readonly MigrationFile[]): MigrationProblem[] {
  const problems: MigrationProblem[] = [];
  for (const row of applied) {
    const file = files.find((f) => f.version === row.version);
    if (!file) {
      problems.push({ code: 'unknown-migration', version: row.version, message: `applied migration ${row.name} has no file: the database was migrated by a newer version` });
    } else if (file.checksum !== row.checksum) {
      problems.push({ code: 'checksum-mismatch', version: row.version, message: `migration ${row.name} changed after it was applied (checksum ${row.checksum} recorded, file has ${file.checksum})` });
    }
  }
  const newest = Math.max(0, ...applied.map((a) => a.version));
  for (const file of files) {
    if (file.version < newest && !applied.some((a) => a.version === file.version)) {
      problems.push({ code: 'out-of-order', version: file.version, message: `migration ${file.name} is pending but a later migration is already applied` });
    }
  }
  return problems;
}

/** The next file to apply, or undefined when none is pending; throws MigrationError when the state is inconsistent. */
export function nextMigration(applied: readonly AppliedMigration[], files: readonly MigrationFile[]): MigrationFile | undefined {
  const problem = migrationProblems(applied, files)[0];
  if (problem) throw new MigrationError(problem.code, problem.message);
  return files.find((f) => !applied.some((a) => a.version === f.version));
}

/** Applies the pending files one step at a time; throws MigrationError (before applying anything) when the state is inconsistent. */
export async function runMigrations(backend: MigrationBackend, files: readonly MigrationFile[], now: () => number): Promise<MigrationReport> {
  return backend.exclusive(async () => {
    const appliedNow: string[] = [];
    for (;;) {
      const step = await backend.step((applied) => nextMigration(applied, files), now());
      if (!step.ran) return { applied: appliedNow, current: step.applied.at(-1)?.name };
      appliedNow.push(step.ran.name);
    }
  });
}
