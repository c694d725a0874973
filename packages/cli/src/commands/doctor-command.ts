/** `originlink doctor`: checks that a gateway's database answers and matches the schema its migrations create. */
import { checkSchema, openStore } from '@originlink/store';
import { exitCodes, type Command } from '../command.js';
import { databaseFrom, printable } from '../database/database-flag.js';
import { parseFlags } from '../flags.js';

const help = `Usage: originlink doctor (--config <file> | --database URL) [--json]

Checks a gateway's database: that it answers, that every migration is applied and
unchanged, and that its tables, columns, types and indexes are exactly those the
migrations create (differences such as a dropped index or a column added by hand are
listed). Changes nothing.

Exit status: 0 healthy, 1 a problem was found, 2 usage.

Environment: DATABASE_URL is used when neither --config nor --database is given.

Examples:
  originlink doctor --config gateway.yaml
  originlink doctor --database sqlite:./data/kr.sqlite`;

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'check that the database answers and matches the expected schema',
  help,
  async run(args, io) {
    const { values } = parseFlags(args, { config: { type: 'string' }, database: { type: 'string' }, json: { type: 'boolean' } });
    const url = await databaseFrom(values, io);
    let store;
    try {
      store = await openStore(url, { migrate: false });
      await store.ping();
    } catch (err) {
      io.err(`${printable(url)}: cannot connect: ${(err as Error).message}`);
      return exitCodes.failed;
    }
    try {
      const differences = await checkSchema(store);
      if (values.json) io.out(JSON.stringify({ database: printable(url), backend: store.backend, differences }, null, 2));
      else if (differences.length === 0) io.out(`${printable(url)} (${store.backend}): healthy; schema matches the migrations`);
      else io.out(`${printable(url)} (${store.backend}): ${differences.length} problem(s)\n${differences.map((d) => `  ${d.kind.padEnd(20)} ${d.object}: ${d.detail}`).join('\n')}`);
      return differences.length === 0 ? exitCodes.ok : exitCodes.failed;
    } finally {
      await store.close();
    }
  },
};
