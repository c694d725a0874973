/**
 * `migrate(store, { dryRun })`, the core of `originlink migrate [--dry-run]`: applies the pending
 * migrations (as store.migrate() does, safe from several instances at once), or with dryRun only
 * lists them. A dry run refuses an inconsistent database exactly as a real run would, so it
 * answers "would this succeed?" as well as "what would it apply?".
 */
import type { Store } from '../store.js';
import { storeInternals } from '../store-internals.js';
import { MigrationError } from './migration-error.js';
import { migrationProblems } from './migrator.js';

export interface MigrateOptions {
  /** List what would be applied without applying anything (default false). */
  readonly dryRun?: boolean;
}

export interface MigrationPlan {
  readonly dryRun: boolean;
  /** Migrations this call applied, in order (always empty for a dry run). */
  readonly applied: readonly string[];
  /** Migrations not applied after this call: what a dry run would apply (empty after a real run). */
  readonly pending: readonly string[];
  /** The newest applied migration after this call; undefined for an empty database. */
  readonly current: string | undefined;
}

/**
 * Applies pending migrations, or lists them with `dryRun`. Rejects with MigrationError when an
 * applied file changed, the database is newer than this version, or files are out of order;
 * with StoreError when the database cannot be reached.
 */
export async function migrate(store: Store, options: MigrateOptions = {}): Promise<MigrationPlan> {
  if (options.dryRun !== true) {
    const report = await store.migrate();
    return { dryRun: false, applied: report.applied, pending: [], current: report.current };
  }
  const internals = storeInternals(store);
  const [applied, files] = await Promise.all([internals.appliedMigrations(), internals.migrationFiles()]);
  const problem = migrationProblems(applied, files)[0];
  if (problem) throw new MigrationError(problem.code, problem.message);
  const pending = files.filter((f) => !applied.some((a) => a.version === f.version)).map((f) => f.name);
  return { dryRun: true, applied: [], pending, current: applied.at(-1)?.name };
}
