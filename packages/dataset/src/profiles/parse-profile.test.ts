import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseProfile } from './parse-profile.js';

const ace14 = readFileSync(new URL('../../profiles/ace14-form-a18.yaml', import.meta.url), 'utf8');
const withValidity = (months: number, days: number) => ace14.replace(/validity:\n {2}months: 6\n {2}days: 180/, `validity:\n  months: ${months}\n  days: ${days}`);

describe('parseProfile: validity in days', () => {
  it('accepts 180 days with 6 months, the shortest month count that always covers them', () => {
    const result = parseProfile(withValidity(6, 180));
    assert.ok(result.ok);
    assert.deepEqual(result.profile.validity, { months: 6, days: 180 });
  });
  it('rejects a month count that can end before the days do (5 months for 180 days)', () => {
    const result = parseProfile(withValidity(5, 180));
    assert.ok(!result.ok);
    assert.deepEqual(result.problems.map((p) => p.path), ['/validity/months']);
  });
  it('rejects a month count longer than needed (7 months for 180 days)', () => {
    assert.equal(parseProfile(withValidity(7, 180)).ok, false);
  });
  it('accepts 28 days as one month and rejects 29 days as one month (February)', () => {
    assert.equal(parseProfile(withValidity(1, 28)).ok, true);
    assert.equal(parseProfile(withValidity(1, 29)).ok, false);
    assert.equal(parseProfile(withValidity(2, 29)).ok, true);
  });
  it('still accepts a profile with months only', () => {
    assert.equal(parseProfile(ace14.replace(/\n {2}days: 180/, '')).ok, true);
  });
});
