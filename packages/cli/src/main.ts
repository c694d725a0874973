#!/usr/bin/env node
/**
 * The `originlink` executable: builds the process Io (files, stdout, signals) and runs the CLI.
 * With server.ts, the only place that reads the environment or sets the exit code.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Io } from './command.js';
import { commands } from './commands/index.js';
import { runCli } from './run-cli.js';

const io: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, text, options) => writeFile(path, text, { flag: options?.exclusive ? 'wx' : 'w', ...(options?.mode ? { mode: options.mode } : {}) }),
  env: process.env,
  untilSignal: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    }),
};

process.exitCode = await runCli(process.argv.slice(2), io, commands);
