/** `originlink tokens generate|hash`: API tokens for the national API, and the hash the config stores. */
import { randomBytes } from 'node:crypto';
import { hashToken, roles } from '@originlink/gateway';
import { exitCodes, UsageError, type Command } from '../command.js';
import { parseFlags } from '../flags.js';

const help = `Usage:
  originlink tokens generate --name <name> --roles <role,...>
  originlink tokens hash <token>

API tokens authenticate the national systems (issuing, clearance) and admins on
/api/v1. The configuration stores only each token's SHA-256; give the token itself
to the system that uses it. Roles: ${roles.join(', ')}.

Examples:
  originlink tokens generate --name clearance-system --roles customs
  originlink tokens hash "$TOKEN"`;

export const tokensCommand: Command = {
  name: 'tokens',
  summary: 'generate an API token, or hash one for the configuration',
  help,
  run(args, io) {
    const { values, positionals } = parseFlags(args, { name: { type: 'string' }, roles: { type: 'string' } });
    const [sub, arg] = positionals;
    if (sub === 'hash') {
      if (!arg) throw new UsageError('hash needs the token');
      io.out(hashToken(arg));
      return Promise.resolve(exitCodes.ok);
    }
    if (sub !== 'generate') throw new UsageError('subcommands: generate, hash');
    if (!values.name) throw new UsageError('--name is required');
    const wanted = (values.roles ?? '').split(',').map((r) => r.trim()).filter(Boolean);
    const bad = wanted.filter((r) => !(roles as readonly string[]).includes(r));
    if (wanted.length === 0 || bad.length > 0) throw new UsageError(`--roles must list some of ${roles.join(', ')}${bad.length ? ` (unknown: ${bad.join(', ')})` : ''}`);
    const token = `olk_${randomBytes(24).toString('base64url')}`;
    io.out([`token (give it to ${values.name}; it is not stored anywhere):`, `  ${token}`, '', 'configuration entry (under tokens:):', `  - { name: ${values.name}, sha256: ${hashToken(token)}, roles: [${wanted.join(', ')}] }`].join('\n'));
    return Promise.resolve(exitCodes.ok);
  },
};
