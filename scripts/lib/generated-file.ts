/**
 * Writing generated files, or with `--check` reporting which ones are stale (exit status 1),
 * so that CI fails when someone edits a source of truth without regenerating its views.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** Writes the files (or checks them); returns the process exit code. */
export function writeGenerated(files: readonly GeneratedFile[], check: boolean): number {
  const stale = files.filter((f) => !existsSync(f.path) || readFileSync(f.path, 'utf8') !== f.content);
  const rel = (p: string) => relative(process.cwd(), p);
  if (check) {
    for (const f of stale) console.error(`stale generated file: ${rel(f.path)}`);
    if (stale.length > 0) console.error('run `npm run gen` and commit the result');
    else console.log(`${files.length} generated files are up to date`);
    return stale.length > 0 ? 1 : 0;
  }
  for (const f of stale) {
    mkdirSync(dirname(f.path), { recursive: true });
    writeFileSync(f.path, f.content);
    console.log(`wrote ${rel(f.path)}`);
  }
  if (stale.length === 0) console.log(`${files.length} generated files are up to date`);
  return 0;
}
