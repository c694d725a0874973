/**
 * The shape of a CLI command: it parses its own flags and calls library functions. Commands write
 * through an injected Io (so tests capture output) and return the exit code; they never exit.
 */

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Reads a file as UTF-8 text (a command's only file access; tests may substitute it). */
  readonly readFile: (path: string) => Promise<string>;
  /** Writes a file; `exclusive` refuses to overwrite (EEXIST), `mode` sets its permissions. */
  readonly writeFile: (path: string, text: string, options?: { exclusive?: boolean; mode?: number }) => Promise<void>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Registered by long-running commands (serve, demo): resolves when the process should stop. */
  readonly untilSignal?: () => Promise<string>;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Full --help text: usage, options, environment variables, examples. */
  readonly help: string;
  run(args: readonly string[], io: Io): Promise<number>;
}

/** A command as the dispatcher lists it; its module is loaded only when it runs. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

/** Exit codes shared by every command. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/** Thrown by flag parsing on bad usage; main prints the message and the command's usage, exit 2. */
export class UsageError extends Error {}
