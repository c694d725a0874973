/** Runs a CLI command in-process with a captured Io (real files, captured stdout/stderr). */
import { readFile, writeFile } from 'node:fs/promises';
import type { Io } from '../command.js';
import { commands } from '../commands/index.js';
import { runCli } from '../run-cli.js';

export interface CommandRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runCommand(argv: readonly string[], env: Record<string, string | undefined> = {}): Promise<CommandRun> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => void (out += `${t}\n`),
    err: (t) => void (err += `${t}\n`),
    readFile: (p) => readFile(p, 'utf8'),
    writeFile: (p, t, o) => writeFile(p, t, { flag: o?.exclusive ? 'wx' : 'w', ...(o?.mode ? { mode: o.mode } : {}) }),
    env,
  };
  const code = await runCli(argv, io, commands);
  return { code, out, err };
}
