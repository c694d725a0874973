#!/usr/bin/env node
// Runs every test file of the workspace with node's built-in test runner, through tsx.
// Node 20's `--test` does not expand globs, so this script finds the files itself.
// Usage: node scripts/run-tests.mjs [path-prefix ...]   (e.g. packages/dataset)
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const prefixes = process.argv.slice(2).map((p) => p.replace(/\/$/, ''));

/** Recursively lists `*.test.ts` files under `dir`, skipping dependencies and build output. */
function findTests(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findTests(path, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out;
}

const files = findTests(join(root, 'packages'), [])
  .filter((f) => prefixes.length === 0 || prefixes.some((p) => f.startsWith(p)))
  .sort();
if (files.length === 0) {
  console.error(`no test files match ${prefixes.join(' ') || 'packages/'}`);
  process.exit(2);
}

// Each file runs through scripts/test-child.mjs, which starts it with tsx and restarts a start that
// deadlocks (see there); node's test runner itself needs no loader.
const args = [
  '--conditions=originlink-source',
  `--import=${pathToFileURL(join(root, 'scripts', 'test-child.mjs')).href}`,
  '--test',
  `--test-concurrency=${process.env.TEST_CONCURRENCY ?? '2'}`,
  ...(process.env.CI ? ['--test-reporter=spec'] : []),
  ...files,
];
const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
