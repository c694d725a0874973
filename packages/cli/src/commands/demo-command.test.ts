/**
 * `originlink demo --exit` run in-process (its three gateways are real processes): the first
 * exchange, then the printed outcome of every lifecycle step (claims and utilisation, transition,
 * amendment refused, replacement, cancellation, an illegal transition, verification, pull,
 * declaration of origin and exporter lookup, the timeline on both sides) and the Explore section;
 * the three audit logs verify afterwards.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCommand, type CommandRun } from '../test/run-command.js';

/** A port N such that N, N+1 and N+2 are free on 127.0.0.1 (the demo takes three consecutive ports). */
async function freeBase(): Promise<number> {
  const free = (port: number) => new Promise<boolean>((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen({ host: '127.0.0.1', port, exclusive: true }, () => s.close(() => resolve(true)));
  });
  for (let i = 0; i < 50; i++) {
    const base = 30_000 + Math.floor(Math.random() * 30_000);
    if ((await free(base)) && (await free(base + 1)) && (await free(base + 2))) return base;
  }
  throw new Error('no three consecutive free ports');
}

describe('originlink demo --exit', { timeout: 240_000 }, () => {
  let dir: string;
  let run: CommandRun;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'originlink-demo-test-'));
    run = await runCommand(['demo', '--exit', '--dir', dir, '--base-port', String(await freeBase())]);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  /** The printed section from its heading `n.` to the next one. */
  const section = (n: number): string => {
    const start = run.out.indexOf(`\n${n}. `);
    assert.ok(start >= 0, `section ${n} printed:\n${run.out}`);
    const end = run.out.indexOf('\n\n', start + 2);
    return run.out.slice(start, end < 0 ? undefined : end);
  };
  const expectLines = (n: number, patterns: readonly RegExp[]) => {
    const text = section(n);
    for (const p of patterns) assert.match(text, p, `section ${n}:\n${text}`);
  };

  it('runs every step and exits 0, with no step marked failed', () => {
    assert.equal(run.code, 0, `${run.out}\n${run.err}`);
    assert.doesNotMatch(run.out, /^ {2}! /m);
    assert.match(section(3), /K264200000019837\s+delivered\s+signed receipt: accepted/);
  });

  it('prints partial utilisation, the notice back to the issuer, and both sides of the transition cut-over', () => {
    expectLines(5, [
      /K264200000019837: 12000 KGM of item 1\s+accepted\n/,
      /K264200000019837: 8000 KGM of item 1\s+accepted\n/,
      /K264200000019837: 5000 KGM of item 1\s+rejected: claim\.quantity-exceeded \(1000 of 21000 KGM left\)/,
      /0018233\/SBY\/2026: 120 MTQ of item 1\s+accepted/,
      /KR's signed co\.utilisation: 120 MTQ of item 1 granted/,
      /declared 2016-09-21\s+manual-review: claim\.certificate-not-received \(before ChKFTA's cut-over 2016-10-01; the automatic pull found nothing at CN\)/,
      /declared 2026-03-23\s+rejected: claim\.certificate-not-received \(after/,
    ]);
  });

  it('prints the refused amendment, the replacement, the cancellation with its flagged claims, and the illegal replacement', () => {
    expectLines(6, [
      /amend K264200000019837 \(version 2\)\s+HTTP 422 certificate\.amendment-not-allowed/,
      /replace K264200000019901 by K264200000019902\s+co\.replaced delivered; at KR the old one is replaced, linked to the new one/,
      /claim on K264200000019901\s+rejected: claim\.replaced \(replacement K264200000019902\)/,
      /claim on K264200000019902\s+accepted/,
      /co\.cancelled delivered; KR flagged 2 accepted claim\(s\) post-clearance-review/,
      /claim on K264200000019837\s+rejected: claim\.cancelled/,
      /replace the cancelled K264200000019837\s+HTTP 409 certificate\.already-cancelled/,
    ]);
  });

  it('prints the verification through its states, the refused second answer and the effects on claims', () => {
    expectLines(7, [
      /requested -> acknowledged \(ID's signed receipt\); overdue: false/,
      /answers not-confirmed\s+answered; verification\.response delivered/,
      /answers the same request again\s+HTTP 409 verification\.already-answered/,
      /verification not-confirmed\s+1 accepted claim\(s\) flagged recovery-of-duties/,
      /withdraws 0018233\/SBY\/2026\s+co\.cancelled delivered; at KR it is cancelled/,
    ]);
  });

  it('prints a pull, an automatic pull for a claim, and a signed "not found"', () => {
    expectLines(8, [
      /pushes failed, next try in \d+ s/,
      /pulls K264200000019903\s+HTTP 201: pulled, verified and stored \(source pull\)/,
      /claim on K264200000019904 \(not received\)\s+accepted: claim\.pulled/,
      /pulls K264200000019999 \(never issued\)\s+found: false, exchange\.pull-not-found/,
    ]);
  });

  it('prints the declaration of origin delivered and claimed, and the registered-exporter lookup', () => {
    expectLines(9, [
      /declaration CN-DO-26-00388\s+declaration\.issued delivered/,
      /claim on CN-DO-26-00388: 10000 KGM\s+accepted/,
      /is CN-RE-3309000012 registered on 2026-06-08\?\s+yes, registered: Zhoushan Ocean Canning/,
      /is CN-RE-0000000000 registered on 2026-06-08\?\s+no/,
    ]);
  });

  it('prints one timeline per side for the certificate that was claimed, utilised, verified and cancelled', () => {
    expectLines(10, [
      /ID \(issued it\)\s+0018233\/SBY\/2026: issued > sent > delivered > utilised > verification-requested > verified > sent > delivered > cancelled > sent > delivered/,
      /KR \(imported\)\s+0018233\/SBY\/2026: received > claimed > sent > delivered > verification-requested > sent > delivered > verified > claim-flagged > cancelled/,
    ]);
  });

  it('lists the new endpoints in the Explore section', () => {
    const explore = run.out.slice(run.out.indexOf('Explore'));
    for (const path of ['/timeline', '/utilisation', '/api/v1/verifications?direction=inbound', '/api/v1/claims?status=post-clearance-review', '/api/v1/claims', '/api/v1/pulls', '/api/v1/exporters/CN/CN-RE-3309000012', '/partner/v1/exporters/CN-RE-3309000012']) {
      assert.ok(explore.includes(path), `${path} in:\n${explore}`);
    }
  });

  it('leaves audit logs that verify on the three gateways', async () => {
    for (const country of ['cn', 'kr', 'id']) {
      const verify = await runCommand(['audit', 'verify', '--config', join(dir, country, 'gateway.yaml')]);
      assert.equal(verify.code, 0, `${country}: ${verify.out}${verify.err}`);
    }
  });
});
