/**
 * Dispatches `originlink <command> [args]` to a command, prints help and usage errors.
 * Separate from main.ts so tests run the CLI in-process with a captured Io.
 */
import { exitCodes, UsageError, type CommandEntry, type Io } from './command.js';

export function topLevelHelp(commands: readonly CommandEntry[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'originlink: the OriginLink e-CO gateway and dataset tools',
    '',
    'Usage: originlink <command> [options]     (originlink <command> --help for details)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit status: 0 success, 1 failure (for validate: a document is invalid), 2 usage error.',
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: Io, commands: readonly CommandEntry[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(topLevelHelp(commands));
    return name === undefined ? exitCodes.usage : exitCodes.ok;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`originlink: unknown command "${name}"\n\n${topLevelHelp(commands)}`);
    return exitCodes.usage;
  }
  const command = await entry.load();
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.help);
    return exitCodes.ok;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`originlink ${command.name}: ${err.message}\n\n${command.help}`);
      return exitCodes.usage;
    }
    throw err;
  }
}
