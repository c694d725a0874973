/** `originlink status <certificate-number>`: a certificate's delivery status, receipt and timeline on the local gateway. */
import { exitCodes, UsageError, type Command } from '../command.js';
import { parseFlags } from '../flags.js';
import { ApiError, callApi, describeApiError, targetFrom } from '../http/api-client.js';

const help = `Usage: originlink status <certificate-number> [--issuer CC] [--gateway URL] [--token T] [--json]

Shows what happened to a certificate on this gateway: for one we issued, its delivery
state (pending, delivered, rejected, failed), the partner's signed receipt and the
timeline; for one we received, when and from whom.

Options:
  --issuer CC   the issuing country, when numbers from several countries collide
  --gateway URL, --token T   (or ORIGINLINK_GATEWAY, ORIGINLINK_TOKEN)
  --json        machine-readable output

Example:
  originlink status CN-CCPIT-2026-000123 --gateway http://127.0.0.1:7101 --token $ISSUER`;

interface Summary { id: string; number: string; direction: string; issuingCountry: string; importingCountry: string; agreement: string; status: string; issueDate: string; exporterName: string }
interface Detail { certificate: Summary; delivery?: { state: string; attempts: number; lastError: string | null; nextAttemptAt: string | null }; receipt?: { outcome: string; at: string; receiptId: string; issues: { code: string; message: string }[] } }
interface Timeline { events: { at: string; actor: string; event: string; details: Record<string, unknown> }[] }

export const statusCommand: Command = {
  name: 'status',
  summary: 'show a certificate\'s delivery status, receipt and timeline',
  help,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { issuer: { type: 'string' }, gateway: { type: 'string' }, token: { type: 'string' }, json: { type: 'boolean' } });
    const number = positionals[0];
    if (!number) throw new UsageError('name the certificate number');
    const target = targetFrom(values, io.env);
    if (typeof target === 'string') throw new UsageError(target);
    try {
      const q = new URLSearchParams({ number, ...(values.issuer ? { issuingCountry: values.issuer } : {}) });
      const { body: found } = await callApi<{ items: Summary[] }>(target, 'GET', `/api/v1/certificates?${q.toString()}`);
      if (found.items.length === 0) {
        io.err(`no certificate ${number} on ${target.url}`);
        return exitCodes.failed;
      }
      const results = [];
      for (const s of found.items) {
        const { body: detail } = await callApi<Detail>(target, 'GET', `/api/v1/certificates/${s.id}`);
        const { body: timeline } = await callApi<Timeline>(target, 'GET', `/api/v1/certificates/${s.id}/timeline`);
        results.push({ ...detail, timeline: timeline.events });
      }
      if (values.json) {
        io.out(JSON.stringify(results, null, 2));
        return exitCodes.ok;
      }
      for (const r of results) {
        const c = r.certificate;
        io.out([
          `${c.number}  ${c.direction}  ${c.issuingCountry} -> ${c.importingCountry}  ${c.agreement}  issued ${c.issueDate}  ${c.exporterName}`,
          `status      ${c.status}`,
          ...(r.delivery ? [`delivery    ${r.delivery.state}, ${r.delivery.attempts} attempt(s)${r.delivery.lastError ? `, last error: ${r.delivery.lastError}` : ''}${r.delivery.nextAttemptAt ? `, next attempt ${r.delivery.nextAttemptAt}` : ''}`] : []),
          ...(r.receipt ? [`receipt     ${r.receipt.outcome} at ${r.receipt.at} (signed receipt ${r.receipt.receiptId})${r.receipt.issues.map((i) => `\n            ${i.code}: ${i.message}`).join('')}`] : []),
          'timeline',
          ...r.timeline.map((e) => `  ${e.at}  ${e.event.padEnd(22)} ${e.actor}`),
        ].join('\n'));
      }
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
