/** Tests of the date rules: issue date in the future, retroactive issuance, validity period. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { certificate, declaration, finding, profile, runRule, validate } from '../../testing/fixtures.js';
import { issueDateRules, validityRules } from './date-rules.js';

const atiga = profile('atiga-form-d');

describe('issue date not in the future', () => {
  it('accepts an issue date equal to today', () => {
    assert.deepEqual(runRule(issueDateRules, certificate((d) => { d.header.issueDate = '2026-11-01'; d.transport!.departureDate = '2026-11-01'; }), { today: '2026-11-01' }), []);
  });

  it('rejects an issue date after today', () => {
    const doc = certificate((d) => { d.header.issueDate = '2026-11-02'; d.transport!.departureDate = '2026-11-02'; });
    assert.deepEqual(runRule(issueDateRules, doc, { today: '2026-11-01' }), [finding('rule.issue-date-future', '/header/issueDate')]);
  });

  it('takes today in the widest time zone (UTC+14), so that no issuing country is ahead of it', () => {
    const doc = certificate((d) => { d.header.issueDate = '2026-03-03'; d.transport!.departureDate = '2026-03-03'; });
    // 10:00 UTC on 2 March is already 3 March in Kiribati (UTC+14) but not yet 4 March anywhere.
    assert.deepEqual(validate(doc, { now: new Date('2026-03-02T10:00:00Z') }), []);
    assert.deepEqual(validate(doc, { now: new Date('2026-03-02T09:59:59Z') }), [finding('rule.issue-date-future', '/header/issueDate')]);
  });

  it('ignores an issue date that is not a calendar day (structure reports it)', () => {
    assert.deepEqual(runRule(issueDateRules, certificate((d) => { d.header.issueDate = '2026-02-30'; d.header.validUntil = '2027-03-01'; }), { profile: atiga }), []);
  });
});

describe('issued after departure', () => {
  const issuedDaysAfter = (days: number, retroactive = false) =>
    certificate((d) => {
      d.transport!.departureDate = '2026-03-02';
      d.header.issueDate = new Date(Date.UTC(2026, 2, 2 + days)).toISOString().slice(0, 10);
      if (retroactive) d.specialCases = { issuedRetroactively: true };
    });

  it('accepts issuance within the grace days (3 without a profile)', () => {
    assert.deepEqual(runRule(issueDateRules, issuedDaysAfter(3)), []);
  });

  it('rejects issuance after the grace days without the retroactive box', () => {
    assert.deepEqual(runRule(issueDateRules, issuedDaysAfter(4)), [finding('rule.issued-after-departure', '/header/issueDate')]);
  });

  it("uses the profile's grace days (ChKFTA: 7)", () => {
    const chkfta = profile('chkfta-certificate');
    assert.deepEqual(runRule(issueDateRules, issuedDaysAfter(7), { profile: chkfta }), []);
    assert.deepEqual(runRule(issueDateRules, issuedDaysAfter(8), { profile: chkfta }), [finding('rule.issued-after-departure', '/header/issueDate')]);
  });

  it('accepts late issuance marked "issued retroactively"', () => {
    assert.deepEqual(runRule(issueDateRules, issuedDaysAfter(40, true), { profile: atiga }), []);
  });

  it('warns when the retroactive box is ticked for a certificate issued on or before departure', () => {
    assert.deepEqual(runRule(issueDateRules, issuedDaysAfter(0, true)), [finding('rule.retroactive-before-departure', '/specialCases/issuedRetroactively')]);
    assert.deepEqual(runRule(issueDateRules, issuedDaysAfter(1, true)), []);
  });

  it('rejects retroactive issuance later than the profile allows (ATIGA: 12 months)', () => {
    const at = (issueDate: string) => certificate((d) => { d.transport!.departureDate = '2025-03-02'; d.header.issueDate = issueDate; d.specialCases = { issuedRetroactively: true }; });
    assert.deepEqual(runRule(issueDateRules, at('2026-03-02'), { profile: atiga }), []);
    assert.deepEqual(runRule(issueDateRules, at('2026-03-03'), { profile: atiga }), [finding('rule.retroactive-too-late', '/header/issueDate')]);
    assert.deepEqual(runRule(issueDateRules, at('2026-03-03')), [], 'without a profile there is no limit to check');
  });

  it('does not apply to declarations of origin, which have no retroactive issuance', () => {
    const doc = declaration((d) => { d.header.issueDate = '2026-05-25'; d.transport = { departureDate: '2026-04-01' }; });
    assert.deepEqual(runRule(issueDateRules, doc, { today: '2026-11-01' }), []);
  });

  it('says nothing without a departure date', () => {
    assert.deepEqual(runRule(issueDateRules, certificate((d) => { delete d.transport; d.header.issueDate = '2026-10-30'; })), []);
  });
});

describe('validity period', () => {
  it('accepts a validity inside the profile period', () => {
    assert.deepEqual(runRule(validityRules, certificate((d) => { d.header.validFrom = '2026-03-02'; d.header.validUntil = '2027-03-02'; }), { profile: atiga }), []);
  });

  it('rejects an end before the start', () => {
    const doc = certificate((d) => { d.header.validFrom = '2026-03-10'; d.header.validUntil = '2026-03-09'; });
    assert.deepEqual(runRule(validityRules, doc), [finding('rule.validity-order', '/header/validUntil')]);
  });

  it('rejects an end before the issue date when no start is given', () => {
    assert.deepEqual(runRule(validityRules, certificate((d) => { d.header.validUntil = '2026-03-01'; })), [finding('rule.validity-order', '/header/validUntil')]);
  });

  it("rejects an end after the profile's validity (12 months from 2026-03-02: 2027-03-02)", () => {
    assert.deepEqual(runRule(validityRules, certificate((d) => { d.header.validUntil = '2027-03-03'; }), { profile: atiga }), [finding('rule.validity-too-long', '/header/validUntil')]);
    assert.deepEqual(runRule(validityRules, certificate((d) => { d.header.validUntil = '2027-03-03'; })), [], 'without a profile the period is not limited');
  });

  it('counts the validity in days when the profile gives days (ACE 14: 180 days from 2026-03-02 is 2026-08-29)', () => {
    const ace14 = profile('ace14-form-a18');
    assert.deepEqual(runRule(validityRules, certificate((d) => { d.header.validUntil = '2026-08-29'; }), { profile: ace14 }), []);
    assert.deepEqual(runRule(validityRules, certificate((d) => { d.header.validUntil = '2026-08-30'; }), { profile: ace14 }), [finding('rule.validity-too-long', '/header/validUntil')]);
  });
});
