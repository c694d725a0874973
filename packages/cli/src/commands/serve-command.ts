/** `originlink serve --config <file>`: runs a gateway until SIGINT/SIGTERM, then drains. */
import { configEnv, runServer } from '@originlink/gateway';
import { exitCodes, UsageError, type Command } from '../command.js';
import { parseFlags } from '../flags.js';

const help = `Usage: originlink serve --config <file> [--port N] [--host H] [--database URL] [--public-url URL]

Runs an OriginLink gateway: the national API (/api/v1), the partner API
(/partner/v1), partner metadata (/.well-known/originlink.json), /healthz, /readyz,
/metrics and the API documentation (/docs). Migrates the database on start.
On SIGTERM or Ctrl-C it stops accepting requests, finishes deliveries in flight and
pending commits, then exits.

Options (override the file; precedence flag > environment > file > default):
  --config <file>     the YAML configuration (see docs/reference/configuration.md)
  --port N, --host H  where to listen
  --database URL      sqlite:<path> or postgres://...
  --public-url URL    the base URL partners use
  --log-level L       fatal, error, warn, info, debug, trace, silent

Environment:
${Object.entries(configEnv).map(([k, v]) => `  ${k.padEnd(22)} ${v}`).join('\n')}

Example:
  originlink serve --config /etc/originlink/gateway.yaml`;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run a gateway (national API, partner API, workers)',
  help,
  async run(args, io) {
    const { values } = parseFlags(args, { config: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, database: { type: 'string' }, 'public-url': { type: 'string' }, 'log-level': { type: 'string' } });
    if (!values.config) throw new UsageError('--config <file> is required');
    if (values.port !== undefined && !/^\d+$/.test(values.port)) throw new UsageError('--port must be a number');
    let server;
    try {
      server = await runServer({
        configPath: values.config,
        env: io.env,
        overrides: {
          ...(values.port !== undefined ? { port: Number(values.port) } : {}),
          ...(values.host ? { host: values.host } : {}),
          ...(values.database ? { database: values.database } : {}),
          ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
          ...(values['log-level'] ? { logLevel: values['log-level'] } : {}),
        },
      });
    } catch (err) {
      io.err(`originlink serve: ${(err as Error).message}`);
      return exitCodes.failed;
    }
    if (!io.untilSignal) return exitCodes.ok;
    await io.untilSignal();
    await server.close();
    return exitCodes.ok;
  },
};
