/** `originlink migrate [--dry-run]`: applies (or lists) the pending numbered migrations of a gateway's database. */
import { MigrationError, migrate, openStore, StoreError } from '@originlink/store';
import { exitCodes, type Command } from '../command.js';
import { databaseFrom, printable } from '../database/database-flag.js';
import { parseFlags } from '../flags.js';

const help = `Usage: originlink migrate (--config <file> | --database URL) [--dry-run] [--json]

Applies the pending numbered migrations of the gateway's database (SQLite or PostgreSQL).
Gateways also migrate when they start; several instances starting at once are safe (they
take a lock). --dry-run lists what would be applied and changes nothing.

Refuses to run (exit 1) when an applied migration's file changed, when the database was
migrated by a newer version of OriginLink, or when files are out of order.

Environment: DATABASE_URL is used when neither --config nor --database is given.

Examples:
  originlink migrate --config gateway.yaml --dry-run
  originlink migrate --database postgres://originlink@db/originlink`;

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply or list pending database migrations',
  help,
  async run(args, io) {
    const { values } = parseFlags(args, { config: { type: 'string' }, database: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } });
    const url = await databaseFrom(values, io);
    let store;
    try {
      store = await openStore(url, { migrate: false });
    } catch (err) {
      io.err(`cannot open ${printable(url)}: ${(err as Error).message}`);
      return exitCodes.failed;
    }
    try {
      const plan = await migrate(store, { dryRun: values['dry-run'] === true });
      if (values.json) io.out(JSON.stringify(plan, null, 2));
      else if (plan.dryRun) io.out(plan.pending.length === 0 ? `${printable(url)} is up to date (at ${plan.current ?? 'nothing'})` : `would apply to ${printable(url)} (now at ${plan.current ?? 'an empty database'}):\n${plan.pending.map((m) => `  ${m}`).join('\n')}`);
      else io.out(plan.applied.length === 0 ? `${printable(url)} is up to date (at ${plan.current ?? 'nothing'})` : `applied to ${printable(url)}:\n${plan.applied.map((m) => `  ${m}`).join('\n')}`);
      return exitCodes.ok;
    } catch (err) {
      if (err instanceof MigrationError || err instanceof StoreError) {
        io.err(`migration refused: ${err.message}`);
        return exitCodes.failed;
      }
      throw err;
    } finally {
      await store.close();
    }
  },
};
