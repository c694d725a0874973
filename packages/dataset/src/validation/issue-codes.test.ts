/**
 * Drift between the issue-code registry, the messages, the rules and the tests: every code has an
 * English message, every rule code is claimed by exactly one rule, and every code is produced by an
 * invalid corpus document or named by a test (so a code nobody exercises fails here). Codes of the
 * decoders are exempt: their own tests under src/codecs/ exercise them.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { issueCodes, type IssueCode } from './issue-codes.js';
import { messageEn } from './messages-en.js';
import { rules } from './rules/index.js';
import { invalidExpectations } from '../testing/corpus.js';

const allCodes = Object.keys(issueCodes) as IssueCode[];

/** Code families reported only while decoding input (JSON, XML, ALADI COD), with why they are exempt here. */
const exemptFamilies: Readonly<Record<string, string>> = {
  'input.': 'reported by the input decoder before validation; tested with the codecs',
  'json.': 'reported by the JSON decoder; tested with the codecs',
  'xml.': 'reported by the XML reader; tested in src/codecs/xml/',
  'aladi.': 'reported by the ALADI COD importer; tested in src/codecs/aladi/',
};
const exempt = (code: string) => Object.keys(exemptFamilies).some((prefix) => code.startsWith(prefix));

const srcDir = new URL('../', import.meta.url);
const thisFile = 'validation/issue-codes.test.ts';

/** The text of every test file of the package's sources except this one. */
function testSources(): string[] {
  const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts') && f.replace(/\\/g, '/') !== thisFile);
  return files.map((f) => readFileSync(new URL(f, srcDir), 'utf8'));
}

describe('issue codes', () => {
  it('gives every code an English message that renders without its parameters', () => {
    for (const code of allCodes) {
      const message = messageEn({ code, path: '', params: {} });
      assert.ok(message.length > 10 && !message.includes('undefined'), `${code}: ${JSON.stringify(message)}`);
    }
  });

  it('renders parameters into the message', () => {
    assert.equal(messageEn({ code: 'structure.too-long', path: '/exporter/name', params: { element: 'exporter.name', length: 71, max: 70 } }), 'exporter.name is 71 characters long; at most 70 are allowed.');
  });

  it('names codes in the family.name form, lower case', () => {
    for (const code of allCodes) assert.match(code, /^[a-z]+\.[a-z0-9-]+$/);
  });

  it('has every rule code claimed by exactly one rule, and rules claim only registered codes', () => {
    const claims = new Map<string, string[]>();
    for (const rule of rules) for (const code of rule.codes) claims.set(code, [...(claims.get(code) ?? []), rule.name]);
    for (const code of allCodes.filter((c) => c.startsWith('rule.'))) assert.equal(claims.get(code)?.length, 1, `${code} is claimed by ${JSON.stringify(claims.get(code) ?? [])}`);
    for (const code of claims.keys()) assert.ok(code in issueCodes, `a rule claims unregistered ${code}`);
  });

  it('has every code produced by the invalid corpus or named by a test, decoder codes excepted', () => {
    const inCorpus = new Set(Object.values(invalidExpectations()).flatMap((e) => e.issues.map((i) => i.code)));
    const sources = testSources().join('\n');
    const uncovered = allCodes.filter((code) => !exempt(code) && !inCorpus.has(code) && !sources.includes(`'${code}'`));
    assert.deepEqual(uncovered, []);
  });

  it('lists, for each exempt family, at least one registered code (no stale exemption)', () => {
    for (const prefix of Object.keys(exemptFamilies)) assert.ok(allCodes.some((c) => c.startsWith(prefix)), `no code starts with ${prefix}`);
  });
});
