/**
 * `originlink partners add <url>|list`: pins a partner gateway on the local gateway through its
 * admin API. `add` fetches the partner's metadata, shows its keys' fingerprints to compare with the
 * partner out of band, and pins them only after confirmation (and only if they did not change).
 */
import { createInterface } from 'node:readline/promises';
import { exitCodes, UsageError, type Command, type Io } from '../command.js';
import { parseFlags } from '../flags.js';
import { ApiError, callApi, describeApiError, targetFrom, type ApiTarget } from '../http/api-client.js';

const help = `Usage:
  originlink partners add <partner-url> [--agreements A,B] [--yes | --expect <thumbprint,...>]
  originlink partners list

Pins a partner gateway on this country's gateway (admin token). \`add\` fetches
<partner-url>/.well-known/originlink.json, prints the partner's identity, agreements and
signing-key fingerprints, and asks you to confirm them (compare them with the partner
by another channel). Messages from the partner are then verified against those keys.

Options:
  --gateway URL     this country's gateway (or ORIGINLINK_GATEWAY)
  --token T         an admin API token (or ORIGINLINK_TOKEN)
  --agreements A,B  agreement codes in force with the partner (default: all in common)
  --expect T1,T2    pin without asking if the key thumbprints are exactly these
  --yes             pin without asking (scripts that verified the partner otherwise)
  --json            machine-readable output

Examples:
  originlink partners add https://gateway.customs.go.kr --gateway http://127.0.0.1:7101 --token $ADMIN
  originlink partners list --gateway http://127.0.0.1:7101 --token $ADMIN`;

interface PartnerView {
  country: string;
  gatewayId: string;
  name: string;
  endpoint: string;
  agreements: string[];
  commonAgreements?: string[];
  keys: { kid: string; alg: string; thumbprint: string; fingerprint: string }[];
}

function describe(p: PartnerView): string {
  return [
    `${p.country}/${p.gatewayId}  ${p.name}`,
    `  endpoint    ${p.endpoint}`,
    `  agreements  ${p.agreements.join(', ')}${p.commonAgreements ? ` (in common with this gateway: ${p.commonAgreements.join(', ') || 'none'})` : ''}`,
    ...p.keys.map((k) => `  key ${k.kid} ${k.alg}\n      thumbprint   ${k.thumbprint}\n      fingerprint  ${k.fingerprint}`),
  ].join('\n');
}

async function confirm(io: Io, question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export const partnersCommand: Command = {
  name: 'partners',
  summary: 'add (pin) and list partner gateways',
  help,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { gateway: { type: 'string' }, token: { type: 'string' }, agreements: { type: 'string' }, yes: { type: 'boolean' }, expect: { type: 'string' }, json: { type: 'boolean' } });
    const target = targetFrom(values, io.env);
    if (typeof target === 'string') throw new UsageError(target);
    const [sub, url] = positionals;
    try {
      if (sub === 'list') {
        const { body } = await callApi<{ items: PartnerView[] }>(target, 'GET', '/api/v1/partners');
        io.out(values.json ? JSON.stringify(body, null, 2) : body.items.length === 0 ? 'no partners yet: originlink partners add <url>' : body.items.map(describe).join('\n\n'));
        return exitCodes.ok;
      }
      if (sub !== 'add') throw new UsageError('subcommands: add, list');
      if (!url) throw new UsageError('add needs the partner gateway URL');
      return await add(io, target, url, values);
    } catch (err) {
      if (err instanceof ApiError) {
        io.err(describeApiError(err));
        return exitCodes.failed;
      }
      throw err;
    }
  },
};

async function add(io: Io, target: ApiTarget, url: string, values: { agreements?: string | undefined; yes?: boolean | undefined; expect?: string | undefined; json?: boolean | undefined }): Promise<number> {
  const { body: preview } = await callApi<PartnerView>(target, 'POST', '/api/v1/partners/preview', { url });
  if (!values.json) io.out(describe(preview));
  const thumbprints = preview.keys.map((k) => k.thumbprint);
  if (values.expect !== undefined) {
    const expected = values.expect.split(',').map((t) => t.trim()).sort();
    if (expected.join() !== [...thumbprints].sort().join()) {
      io.err(`the partner's key thumbprints are not the expected ones; nothing was pinned\n  expected ${expected.join(', ')}\n  found    ${thumbprints.join(', ')}`);
      return exitCodes.failed;
    }
  } else if (!values.yes && !(await confirm(io, 'Pin these keys? Compare the fingerprints with the partner first. [y/N] '))) {
    io.err(process.stdin.isTTY ? 'not pinned' : 'not pinned: confirm interactively, or pass --expect <thumbprints> (or --yes)');
    return exitCodes.failed;
  }
  const agreements = values.agreements?.split(',').map((a) => a.trim()).filter(Boolean);
  const { body } = await callApi<PartnerView>(target, 'POST', '/api/v1/partners', { url, thumbprints, ...(agreements ? { agreements } : {}) });
  io.out(values.json ? JSON.stringify(body, null, 2) : `pinned ${body.country}/${body.gatewayId} for ${body.agreements.join(', ')}`);
  return exitCodes.ok;
}
