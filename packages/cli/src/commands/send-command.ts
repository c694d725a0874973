/**
 * `originlink send <file> --to <country>`: submits a certificate (JSON, OriginLink XML or ALADI COD)
 * to the local gateway's national API, which validates, signs and pushes it to the partner.
 */
import { decodeInput } from '@originlink/dataset';
import { randomUUID } from 'node:crypto';
import { exitCodes, UsageError, type Command } from '../command.js';
import { parseFlags } from '../flags.js';
import { ApiError, callApi, describeApiError, targetFrom } from '../http/api-client.js';
import { formatIssues } from '../output/format-issues.js';

const help = `Usage: originlink send <file> --to <country> [--gateway URL] [--token T] [--idempotency-key K]

Submits an issued certificate or declaration of origin to this country's gateway, which
validates it against the dataset and the agreement profile, signs it and pushes it to the
importing country's gateway. The file may be JSON, OriginLink XML or ALADI COD XML.

Options:
  --to CC               the importing country (must match header.importingCountry)
  --gateway URL         this country's gateway (or ORIGINLINK_GATEWAY)
  --token T             an API token with the issuer role (or ORIGINLINK_TOKEN)
  --idempotency-key K   retry-safe key (default: a new one per call)
  --json                machine-readable output

Example:
  originlink send certificate.json --to KR --gateway http://127.0.0.1:7101 --token $ISSUER
Then: originlink status <number> --gateway ... --token ...`;

export const sendCommand: Command = {
  name: 'send',
  summary: 'submit a certificate to the local gateway for delivery to a partner',
  help,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { to: { type: 'string' }, gateway: { type: 'string' }, token: { type: 'string' }, 'idempotency-key': { type: 'string' }, json: { type: 'boolean' } });
    const file = positionals[0];
    if (!file) throw new UsageError('name the certificate file');
    if (!values.to || !/^[A-Z]{2}$/.test(values.to)) throw new UsageError('--to <country> (ISO alpha-2, e.g. KR) is required');
    const target = targetFrom(values, io.env);
    if (typeof target === 'string') throw new UsageError(target);
    const decoded = await decodeInput(await io.readFile(file));
    if (decoded.document === undefined) {
      io.err(`${file} cannot be read as a certificate:\n${formatIssues(decoded.issues)}`);
      return exitCodes.failed;
    }
    const importing = (decoded.document as { header?: { importingCountry?: unknown } }).header?.importingCountry;
    if (importing !== values.to) {
      io.err(`${file} is addressed to ${String(importing)} (header.importingCountry), not ${values.to}`);
      return exitCodes.failed;
    }
    try {
      const { status, body } = await callApi<{ id: string; number: string; status: string; messageId: string; warnings: { code: string; path: string; message: string }[] }>(target, 'POST', '/api/v1/certificates', decoded.document, { 'idempotency-key': values['idempotency-key'] ?? randomUUID() });
      if (values.json) io.out(JSON.stringify(body, null, 2));
      else io.out(`${status === 202 ? 'accepted for delivery' : 'already submitted'}: ${body.number} -> ${values.to}  id ${body.id}  status ${body.status}${body.warnings.length ? `\n${body.warnings.map((w) => `  warning ${w.code} ${w.path} ${w.message}`).join('\n')}` : ''}`);
      return exitCodes.ok;
    } catch (err) {
      if (err instanceof ApiError) {
        io.err(describeApiError(err));
        return exitCodes.failed;
      }
      throw err;
    }
  },
};
