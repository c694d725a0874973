/**
 * `originlink audit verify`: recomputes every audit seal (Merkle roots and their chain) of a gateway's
 * database; exits 1 on any alteration, deletion or broken chain.
 */
import { loadConfig } from '@originlink/gateway';
import { openStore, verifyAuditLog } from '@originlink/store';
import { exitCodes, UsageError, type Command } from '../command.js';
import { parseFlags } from '../flags.js';

const help = `Usage: originlink audit verify (--config <file> | --database URL) [--json]

Verifies the tamper-evident audit log: every sealed batch's Merkle root is recomputed
from its rows, and the chain of roots from the first seal. Any altered, deleted or
inserted row or seal is reported. Rows not sealed yet are counted (the gateway seals
them every few seconds).

Exit status: 0 the log verifies, 1 it does not, 2 usage.

Examples:
  originlink audit verify --config gateway.yaml
  originlink audit verify --database sqlite:./data/kr.sqlite`;

export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify the tamper-evident audit log',
  help,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { config: { type: 'string' }, database: { type: 'string' }, json: { type: 'boolean' } });
    if (positionals[0] !== 'verify') throw new UsageError('the only subcommand is verify');
    let database = values.database;
    if (!database) {
      if (!values.config) throw new UsageError('give --config <file> or --database <url>');
      const loaded = await loadConfig(values.config, io.env);
      if (!loaded.ok) {
        io.err(`invalid configuration:\n${loaded.problems.map((p) => `  ${p.path || '/'}: ${p.message}`).join('\n')}`);
        return exitCodes.usage;
      }
      database = loaded.config.database;
    }
    const store = await openStore(database);
    try {
      const result = await verifyAuditLog(store);
      if (values.json) io.out(JSON.stringify(result, null, 2));
      else {
        io.out(`${result.ok ? 'audit log verifies' : 'AUDIT LOG DOES NOT VERIFY'}: ${result.sealed} sealed row(s) in ${result.seals} seal(s), ${result.unsealed} not sealed yet${result.head ? `\nhead of the chain: ${result.head} (keep a copy elsewhere: it proves later that no seal was removed)` : ''}`);
        for (const p of result.problems) io.out(`  ${JSON.stringify(p)}`);
      }
      return result.ok ? exitCodes.ok : exitCodes.failed;
    } finally {
      await store.close();
    }
  },
};
