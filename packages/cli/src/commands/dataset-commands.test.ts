import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { decodeXml } from '@originlink/dataset';
import { runCommand } from '../test/run-command.js';

const corpus = fileURLToPath(new URL('../../../dataset/corpus/', import.meta.url));
const aladiSample = join(corpus, 'aladi', 'A14-FormA18-unsigned.xml');

describe('originlink validate', () => {
  it('exits 0 for valid documents and names the profile it chose', async () => {
    const files = (await readdir(join(corpus, 'valid'))).filter((f) => f.endsWith('.json')).slice(0, 5).map((f) => join(corpus, 'valid', f));
    const r = await runCommand(['validate', ...files, '--today', '2026-11-01']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(r.out.match(/: valid \(json, profile [a-z0-9-]+\)/g)?.length, files.length);
  });

  it('exits 1 for an invalid document and lists each issue with its code and JSON pointer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'olk-cli-'));
    const doc = JSON.parse(await readFile(join(corpus, 'valid', 'atiga-d-id-th-coffee.json'), 'utf8')) as { goodsItems: { originCriterion: Record<string, unknown> }[] };
    delete doc.goodsItems[1]!.originCriterion['rvcPercentage'];
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify(doc));
    const r = await runCommand(['validate', file, '--today', '2026-11-01']);
    assert.equal(r.code, 1);
    assert.match(r.out, /INVALID/);
    assert.match(r.out, /rule\.rvc-missing\s+\/goodsItems\/1\/originCriterion\/rvcPercentage/);
  });

  it('--json gives machine output with the issues', async () => {
    const r = await runCommand(['validate', aladiSample, '--json']);
    assert.equal(r.code, 1);
    const [result] = JSON.parse(r.out) as { format: string; profile: string; valid: boolean; issues: { code: string }[] }[];
    assert.equal(result?.format, 'aladi');
    assert.equal(result?.profile, 'ace14-form-a18');
    assert.ok(result?.issues.some((i) => i.code === 'aladi.unmapped'));
    assert.ok(result?.issues.some((i) => i.code === 'structure.required'));
  });

  it('exits 2 on usage errors: no file, unknown flag, unknown profile, unreadable file', async () => {
    assert.equal((await runCommand(['validate'])).code, 2);
    assert.equal((await runCommand(['validate', aladiSample, '--nope'])).code, 2);
    assert.equal((await runCommand(['validate', aladiSample, '--profile', 'no-such-profile'])).code, 2);
    assert.equal((await runCommand(['validate', '/no/such/file.json'])).code, 2);
  });
});

describe('originlink convert', () => {
  it('converts JSON to XML that reads back to the same document', async () => {
    const file = join(corpus, 'valid', 'rcep-co-kr-id-polymers-cr-dmi.json');
    const r = await runCommand(['convert', file, '--to', 'xml']);
    assert.equal(r.code, 0, r.err);
    const back = decodeXml(r.out);
    assert.ok(back.ok);
    assert.deepEqual(back.value, JSON.parse(await readFile(file, 'utf8')));
  });

  it('converts the real ALADI COD sample to JSON and reports what it could not map', async () => {
    const r = await runCommand(['convert', aladiSample, '--to', 'json']);
    assert.equal(r.code, 0);
    const doc = JSON.parse(r.out) as { exporter: { name: string }; goodsItems: { hsCode: string }[] };
    assert.equal(doc.exporter.name, 'IVECO ARGENTINA SA');
    assert.equal(doc.goodsItems[0]?.hsCode, '84089090');
    assert.match(r.err, /aladi\.unmapped/);
  });
});

describe('originlink annex, profiles and dataset', () => {
  it('generates the RCEP annex in Markdown and in HTML', async () => {
    const md = await runCommand(['annex', 'rcep-certificate']);
    assert.equal(md.code, 0);
    assert.match(md.out, /^# /m);
    assert.match(md.out, /Technical interoperability/i);
    assert.match(md.out, /goodsItems\[\]\.hsCode/);
    const html = await runCommand(['annex', 'rcep-certificate', '--format', 'html']);
    assert.match(html.out, /^<!DOCTYPE html>/i);
  });

  it('lists the built-in profiles and shows one', async () => {
    const list = await runCommand(['profiles', 'list', '--json']);
    const ids = (JSON.parse(list.out) as { id: string }[]).map((p) => p.id);
    for (const id of ['atiga-form-d', 'acfta-form-e', 'rcep-certificate', 'rcep-declaration', 'akfta-form-ak', 'chkfta-certificate', 'ace14-form-a18']) assert.ok(ids.includes(id), id);
    const show = await runCommand(['profiles', 'show', 'chkfta-certificate']);
    assert.match(show.out, /agreement:\s*\n\s+code: CHKFTA/);
  });

  it('shows an element and diffs two dataset versions', async () => {
    const show = await runCommand(['dataset', 'show', 'goodsItems[].hsCode']);
    assert.match(show.out, /WCO DM ID\s+145 \(wco-dm-3\.6\)/);
    const diff = await runCommand(['dataset', 'diff', '1.0.0', '1.1.0', '--json']);
    const parsed = JSON.parse(diff.out) as { added: unknown[]; breaking: boolean };
    assert.ok(parsed.added.length >= 5);
  });

  it('answers --help for every command, listing examples', async () => {
    const top = await runCommand(['--help']);
    for (const name of [...top.out.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!)) {
      const r = await runCommand([name, '--help']);
      assert.equal(r.code, 0, name);
      assert.match(r.out, /Usage/, name);
      assert.match(r.out, /Example/, name);
    }
  });
});
