/** `originlink keys generate`: a new signing key pair (private JWK file), with its fingerprint. */
import { displayFingerprint, generateSigningKey, jwkThumbprint, publicJwk } from '@originlink/protocol';
import { exitCodes, UsageError, type Command } from '../command.js';
import { oneOf, parseFlags } from '../flags.js';

const help = `Usage: originlink keys generate --out <file> [--alg ES256|EdDSA] [--kid <id>]

Generates a signing key pair for this gateway and writes the PRIVATE key as a JWK
file (keep it secret; reference it from the configuration's signingKeys). Prints
the public key's thumbprint and fingerprint, which partners compare when they pin it.

Options:
  --out <file>   where to write the private JWK (refuses to overwrite)
  --alg A        ES256 (ECDSA P-256, default: the faster to sign and verify with
                 node's OpenSSL, see npm run bench) or EdDSA (Ed25519)
  --kid <id>     key id (default: the RFC 7638 thumbprint)

Example:
  originlink keys generate --out keys/kr-2026.jwk.json`;

export const keysCommand: Command = {
  name: 'keys',
  summary: 'generate a signing key pair for a gateway',
  help,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { out: { type: 'string' }, alg: { type: 'string' }, kid: { type: 'string' } });
    if (positionals[0] !== 'generate') throw new UsageError('the only subcommand is generate');
    if (!values.out) throw new UsageError('--out <file> is required');
    const alg = oneOf('alg', values.alg, ['ES256', 'EdDSA'] as const, 'ES256');
    const key = generateSigningKey(alg, values.kid);
    try {
      await io.writeFile(values.out, `${JSON.stringify(key, null, 2)}\n`, { exclusive: true, mode: 0o600 });
    } catch (err) {
      io.err(`cannot write ${values.out}: ${(err as NodeJS.ErrnoException).code === 'EEXIST' ? 'the file exists (refusing to overwrite a key)' : (err as Error).message}`);
      return exitCodes.failed;
    }
    const pub = publicJwk(key);
    io.out([`wrote ${values.out} (private key, mode 600)`, `kid          ${pub.kid}`, `algorithm    ${pub.alg}`, `thumbprint   ${jwkThumbprint(pub)}`, `fingerprint  ${displayFingerprint(pub)}`].join('\n'));
    return exitCodes.ok;
  },
};
