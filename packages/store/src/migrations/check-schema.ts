/**
 * `checkSchema(store)`, the core of the `doctor` command: compares the live database with what
 * the migrations create (tables, columns, indexes) and the applied migrations with the files.
 * An empty list means the schema is exactly what this version expects.
 */
import type { Store } from '../store.js';
import { storeInternals } from '../store-internals.js';
import { migrationProblems } from './migrator.js';
import { diffSchemas, type SchemaDifference } from './schema-diff.js';

/** Every difference between the live schema and the migrations; never throws for a mere difference. */
export async function checkSchema(store: Store): Promise<readonly SchemaDifference[]> {
  const internals = storeInternals(store);
  const [expected, live, applied, files] = await Promise.all([
    internals.expectedSchema(),
    internals.liveSchema(),
    internals.appliedMigrations(),
    internals.migrationFiles(),
  ]);
  const differences: SchemaDifference[] = [];
  for (const problem of migrationProblems(applied, files)) {
    const name = files.find((f) => f.version === problem.version)?.name ?? applied.find((a) => a.version === problem.version)?.name ?? String(problem.version);
    differences.push({ kind: problem.code, object: name, detail: problem.message });
  }
  const newest = Math.max(0, ...applied.map((a) => a.version));
  for (const file of files) {
    if (file.version > newest) differences.push({ kind: 'pending-migration', object: file.name, detail: `migration ${file.name} is not applied yet` });
  }
  differences.push(...diffSchemas(expected, live));
  return differences;
}
