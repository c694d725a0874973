/**
 * `originlink demo` (the README's `npm start`): three gateways (China, Korea, Indonesia), each its
 * own process, port and SQLite file, pinned as partners under real agreement profiles; pushes the
 * sample certificates between them, then takes them through the lifecycle (claims, utilisation,
 * amendment, replacement, cancellation, verification, pull, a declaration of origin and the
 * exporter registry, the timeline), printing what happened; then keeps running for exploration.
 */
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exitCodes, UsageError, type Command, type Io } from '../command.js';
import { outboxSettled } from '../demo/demo-api.js';
import { changesStep } from '../demo/demo-changes.js';
import { clearanceStep } from '../demo/demo-clearance.js';
import type { DemoContext, Submitted } from '../demo/demo-context.js';
import { declarationStep } from '../demo/demo-declaration.js';
import { printExplore } from '../demo/demo-explore.js';
import { pullStep } from '../demo/demo-pull.js';
import { storyStep } from '../demo/demo-story.js';
import { verificationStep } from '../demo/demo-verification.js';
import { startGatewayProcess, type GatewayProcess } from '../demo/gateway-process.js';
import { brokenSample, demoSamples } from '../demo/demo-samples.js';
import { demoNetwork, writeDemoNetwork, type DemoGateway } from '../demo/demo-setup.js';
import { parseFlags } from '../flags.js';
import { ApiError, callApi, describeApiError } from '../http/api-client.js';

const help = `Usage: originlink demo [--dir DIR] [--base-port N] [--exit]

Starts three OriginLink gateways on this machine (China :7101, Korea :7102,
Indonesia :7103), each a separate process with its own SQLite database under DIR,
pins them as partners (ChKFTA, ACFTA, AKFTA, RCEP), pushes the sample certificates
between them over HTTP with signed messages and receipts, then takes them through
the lifecycle: preference claims and utilisation notices, amendment, replacement
and cancellation, retroactive verification, pull, a declaration of origin and the
exporter registry, and one timeline on both sides. It prints the outcome of each
step, then keeps running so you can explore the APIs (Ctrl-C stops all three).

Options:
  --dir DIR       working folder, recreated on each run (default .originlink/demo)
  --base-port N   first port (default 7101)
  --exit          stop the gateways after the demo instead of waiting

Example:
  npm start            (the same as: originlink demo)`;

/** Deliveries retried 15-30 s after a first failure: the pull step's failed pushes wait while Korea pulls. */
const demoDelivery = { delivery: { initialBackoff: '30s', maxBackoff: '2m' } };

/** The lifecycle steps, each printing its own lines; a failed step is reported and the next one runs. */
const lifecycleSteps = [clearanceStep, changesStep, verificationStep, pullStep, declarationStep, storyStep];

export const demoCommand: Command = {
  name: 'demo',
  summary: 'run three gateways that exchange the sample certificates',
  help,
  async run(args, io) {
    const { values } = parseFlags(args, { dir: { type: 'string' }, 'base-port': { type: 'string' }, exit: { type: 'boolean' } });
    const base = values['base-port'] === undefined ? 7101 : Number(values['base-port']);
    if (!Number.isInteger(base) || base < 1024 || base > 65000) throw new UsageError('--base-port must be a port number between 1024 and 65000');
    const dir = resolve(values.dir ?? '.originlink/demo');
    await rm(dir, { recursive: true, force: true });
    const network = await writeDemoNetwork(dir, demoNetwork.map((g, i) => ({ ...g, port: base + i })), demoDelivery);
    io.out(`OriginLink demo: three gateways in ${dir}`);
    const procs = new Map<string, GatewayProcess>();
    const start = async (g: DemoGateway) => void procs.set(g.country, await startGatewayProcess({ name: g.country, configPath: g.configPath, url: g.url }));
    try {
      await Promise.all(network.map(start));
      for (const g of network) io.out(`  ${g.country}  ${g.url}  ${g.name}  (${g.agreements.join(', ')})`);
      await pinPartners(io, network);
      const submitted = await submitSamples(io, network);
      await reportDeliveries(io, network, submitted);
      const failed = await runLifecycle(io, network, submitted, procs, start);
      printExplore(io, network, submitted);
      if (failed > 0) io.err(`\n${failed} demo step(s) failed (see the lines marked !); the gateways are left as they were for a look.`);
      const code = failed > 0 ? exitCodes.failed : exitCodes.ok;
      if (values.exit || !io.untilSignal) return code;
      io.out('\nThe gateways keep running; press Ctrl-C to stop them.');
      await io.untilSignal();
      return code;
    } catch (err) {
      io.err(`demo failed: ${err instanceof ApiError ? describeApiError(err) : (err as Error).message}`);
      if (/EADDRINUSE|not ready/.test((err as Error).message)) io.err(`(is another demo already running? try --base-port ${base + 100})`);
      return exitCodes.failed;
    } finally {
      io.out('stopping the gateways...');
      // Deliveries under way are let finish (one cut off would be retried at the next start).
      if (procs.size === network.length) await Promise.all(network.map((g) => outboxSettled(g, 3_000)));
      await Promise.all([...procs.values()].map((p) => p.stop()));
    }
  },
};

/** Runs the lifecycle steps; answers how many failed. */
async function runLifecycle(io: Io, network: readonly DemoGateway[], submitted: readonly Submitted[], procs: Map<string, GatewayProcess>, start: (g: DemoGateway) => Promise<void>): Promise<number> {
  const gateway = (country: string): DemoGateway => {
    const g = network.find((x) => x.country === country);
    if (!g) throw new Error(`the demo network has no ${country} gateway`);
    return g;
  };
  const ctx: DemoContext = {
    io, network, submitted, gateway,
    async stopGateway(country) {
      await procs.get(country)?.stop();
      procs.delete(country);
    },
    startGateway: (country) => start(gateway(country)),
  };
  let failed = 0;
  for (const step of lifecycleSteps) {
    try {
      await step(ctx);
    } catch (err) {
      failed++;
      io.out(`  ! ${err instanceof ApiError ? describeApiError(err) : (err as Error).message}`);
    }
  }
  return failed;
}

async function pinPartners(io: Io, network: readonly DemoGateway[]): Promise<void> {
  io.out('\n1. Partners: each gateway fetches the others\' metadata and pins their signing keys');
  for (const g of network) {
    for (const p of network) {
      if (p === g || !p.agreements.some((a) => g.agreements.includes(a))) continue;
      const admin = { url: g.url, token: g.tokens.admin };
      const { body: preview } = await callApi<{ keys: { thumbprint: string; fingerprint: string }[] }>(admin, 'POST', '/api/v1/partners/preview', { url: p.url });
      const { body } = await callApi<{ agreements: string[] }>(admin, 'POST', '/api/v1/partners', { url: p.url, thumbprints: preview.keys.map((k) => k.thumbprint) });
      io.out(`  ${g.country} pinned ${p.country} (${body.agreements.join(', ')}) key ${preview.keys[0]?.fingerprint.slice(0, 31) ?? '?'}...`);
    }
  }
}

async function submitSamples(io: Io, network: readonly DemoGateway[]): Promise<Submitted[]> {
  io.out('\n2. Issuing systems submit certificates to their national gateway (POST /api/v1/certificates)');
  const samples = await demoSamples(network.map((g) => g.country));
  const submitted: Submitted[] = [];
  for (const s of samples) {
    const from = network.find((g) => g.country === s.document.header.issuingCountry)!;
    const { body } = await callApi<{ id: string; number: string }>({ url: from.url, token: from.tokens.issuer }, 'POST', '/api/v1/certificates', s.document);
    submitted.push({ file: s.file, from, to: s.document.header.importingCountry, id: body.id, number: body.number, agreement: s.document.header.agreementCode, at: Date.now() });
    io.out(`  ${from.country} -> ${s.document.header.importingCountry}  ${s.document.header.agreementCode.padEnd(7)} ${body.number.padEnd(28)} accepted for delivery  (${s.file})`);
  }
  const first = samples[0];
  if (first) {
    const from = network.find((g) => g.country === first.document.header.issuingCountry)!;
    const broken = brokenSample(first);
    try {
      await callApi({ url: from.url, token: from.tokens.issuer }, 'POST', '/api/v1/certificates', broken.document);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      io.out(`  ${from.country}: an invalid certificate is refused with every problem explained, and nothing is stored or sent:\n${describeApiError(err).split('\n').map((l) => `    ${l}`).join('\n')}`);
    }
  }
  return submitted;
}

async function reportDeliveries(io: Io, network: readonly DemoGateway[], submitted: readonly Submitted[]): Promise<void> {
  io.out('\n3. Each gateway signs and pushes; the partner verifies, stores, and answers with a signed receipt');
  const deadline = Date.now() + 60_000;
  const pending = new Set(submitted);
  const done: { s: Submitted; status: string; receipt: string; ms: number }[] = [];
  while (pending.size > 0 && Date.now() < deadline) {
    for (const s of [...pending]) {
      const { body } = await callApi<{ certificate: { status: string; updatedAt: string }; receipt?: { outcome: string; issues: { code: string }[] } }>({ url: s.from.url, token: s.from.tokens.issuer }, 'GET', `/api/v1/certificates/${s.id}`);
      if (body.certificate.status !== 'pending') {
        pending.delete(s);
        done.push({ s, status: body.certificate.status, receipt: body.receipt ? `${body.receipt.outcome}${body.receipt.issues.length ? ` (${body.receipt.issues.map((i) => i.code).join(', ')})` : ''}` : '-', ms: Date.parse(body.certificate.updatedAt) - s.at });
      }
    }
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 200));
  }
  for (const d of done) io.out(`  ${d.s.from.country} -> ${d.s.to}  ${d.s.number.padEnd(28)} ${d.status.padEnd(10)} signed receipt: ${d.receipt}  (${Math.max(0, d.ms)} ms)`);
  for (const s of pending) io.out(`  ${s.from.country} -> ${s.to}  ${s.number.padEnd(28)} still pending after 60 s`);
  io.out('\n4. What each importing customs received (GET /api/v1/certificates?direction=inbound)');
  for (const g of network) {
    const { body } = await callApi<{ items: { number: string; issuingCountry: string; agreement: string }[] }>({ url: g.url, token: g.tokens.customs }, 'GET', '/api/v1/certificates?direction=inbound');
    io.out(`  ${g.country}: ${body.items.length} received${body.items.length ? `: ${body.items.map((c) => `${c.number} from ${c.issuingCountry} (${c.agreement})`).join('; ')}` : ''}`);
  }
}
