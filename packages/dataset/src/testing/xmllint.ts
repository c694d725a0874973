/**
 * Test support: runs the system `xmllint` (libxml2) to check XML against the generated XSD with an
 * independent, conformant validator. Spawns a process: tests only. When xmllint is missing, tests
 * fail in CI (where it must be installed: apt-get install libxml2-utils) and skip elsewhere.
 */
import { spawnSync } from 'node:child_process';
import type { TestContext } from 'node:test';

export interface XmllintRun {
  readonly status: number | null;
  readonly output: string;
}

let available: boolean | undefined;

/** True when `xmllint` runs. */
export function hasXmllint(): boolean {
  return (available ??= spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0);
}

/**
 * Returns true when xmllint is available; otherwise fails the test under CI and skips it (with the
 * reason printed) elsewhere, returning false.
 */
export function requireXmllint(t: TestContext): boolean {
  if (hasXmllint()) return true;
  const reason = 'xmllint is not installed (apt-get install libxml2-utils)';
  if (process.env['CI']) throw new Error(`${reason}; it is required in CI`);
  console.log(`skipping: ${reason}`);
  t.skip(reason);
  return false;
}

/** Runs xmllint with the arguments; stdout and stderr together. */
export function xmllint(args: readonly string[]): XmllintRun {
  const run = spawnSync('xmllint', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
