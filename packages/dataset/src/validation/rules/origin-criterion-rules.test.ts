/** Tests of the origin criterion rules: criteria the profile allows, RVC percentage, FOB value, HS digits. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EcoDocument } from '../../types.generated.js';
import { certificate, finding, profile, runRule } from '../../testing/fixtures.js';
import { originCriterionRules } from './origin-criterion-rules.js';

const atiga = profile('atiga-form-d');
const rcep = profile('rcep-certificate');
const ace14 = profile('ace14-form-a18');
const item = (criterion: EcoDocument['goodsItems'][number]['originCriterion'], edit?: (i: EcoDocument['goodsItems'][number]) => void) =>
  certificate((d) => {
    d.goodsItems[1]!.originCriterion = criterion;
    edit?.(d.goodsItems[1]!);
  });
const at = '/goodsItems/1/originCriterion';

describe('origin criterion allowed by the profile', () => {
  it('accepts criteria the profile lists', () => {
    assert.deepEqual(runRule(originCriterionRules, certificate(), { profile: atiga }), []);
  });

  it('rejects a criterion the profile does not list', () => {
    assert.deepEqual(runRule(originCriterionRules, item({ code: 'PSR' }), { profile: atiga }), [finding('profile.origin-criterion', `${at}/code`)]);
  });

  it('accepts any criterion without a profile', () => {
    assert.deepEqual(runRule(originCriterionRules, item({ code: 'PSR' })), []);
  });

  it('rejects a second-line criterion the profile does not list, and accepts one it does', () => {
    assert.deepEqual(runRule(originCriterionRules, item({ code: 'RVC', rvcPercentage: 45, additionalCodes: ['CTH', 'ACU'] }), { profile: atiga }), [finding('profile.additional-criterion', `${at}/additionalCodes/1`)]);
  });

  it('rejects every second-line criterion under a profile that lists none', () => {
    const akfta = profile('akfta-form-ak');
    assert.deepEqual(runRule(originCriterionRules, item({ code: 'RVC', rvcPercentage: 45, additionalCodes: ['CTH'] }), { profile: akfta }), [finding('profile.additional-criterion', `${at}/additionalCodes/0`)]);
  });
});

describe('regional value content percentage', () => {
  it('requires the percentage where the criterion takes one (ATIGA RVC)', () => {
    assert.deepEqual(runRule(originCriterionRules, item({ code: 'RVC' }), { profile: atiga }), [finding('rule.rvc-missing', `${at}/rvcPercentage`)]);
  });

  it('refuses a percentage on a criterion that takes none (ATIGA CTH, RCEP RVC)', () => {
    assert.deepEqual(runRule(originCriterionRules, item({ code: 'CTH', rvcPercentage: 40 }), { profile: atiga }), [finding('rule.rvc-not-applicable', `${at}/rvcPercentage`)]);
    assert.deepEqual(runRule(originCriterionRules, item({ code: 'RVC', rvcPercentage: 40 }), { profile: rcep }), [finding('rule.rvc-not-applicable', `${at}/rvcPercentage`)]);
  });

  it('accepts the percentage either way where it is optional (ACE 14 RVC)', () => {
    const ace = (rvc?: number) =>
      certificate((d) => {
        d.goodsItems = [{ ...d.goodsItems[1]!, itemNumber: 1, hsCode: '19059090', originCriterion: rvc === undefined ? { code: 'RVC' } : { code: 'RVC', rvcPercentage: rvc } }];
      });
    assert.deepEqual(runRule(originCriterionRules, ace(60), { profile: ace14 }), []);
    assert.deepEqual(runRule(originCriterionRules, ace(), { profile: ace14 }), []);
  });

  it('rejects a percentage over 100, with or without a profile, and accepts 100', () => {
    assert.deepEqual(runRule(originCriterionRules, item({ code: 'RVC', rvcPercentage: 101 })), [finding('rule.rvc-range', `${at}/rvcPercentage`)]);
    assert.deepEqual(runRule(originCriterionRules, item({ code: 'RVC', rvcPercentage: 101 }), { profile: atiga }), [finding('rule.rvc-range', `${at}/rvcPercentage`)]);
    assert.deepEqual(runRule(originCriterionRules, item({ code: 'RVC', rvcPercentage: 100 }), { profile: atiga }), []);
  });
});

describe('FOB value where the agreement requires it', () => {
  it('requires the FOB amount for an RVC item under ATIGA', () => {
    assert.deepEqual(runRule(originCriterionRules, certificate((d) => { delete d.goodsItems[1]!.fobValue; }), { profile: atiga }), [finding('rule.fob-missing', '/goodsItems/1/fobValue')]);
    assert.deepEqual(runRule(originCriterionRules, certificate((d) => { d.goodsItems[1]!.fobValue = { currency: 'USD' }; }), { profile: atiga }), [finding('rule.fob-missing', '/goodsItems/1/fobValue')]);
  });

  it('does not require it for a wholly obtained item', () => {
    assert.deepEqual(runRule(originCriterionRules, certificate((d) => { delete d.goodsItems[0]!.fobValue; }), { profile: atiga }), []);
  });
});

describe('HS code digits the agreement accepts', () => {
  it('accepts 6 digits and rejects 8 under RCEP', () => {
    assert.deepEqual(runRule(originCriterionRules, certificate((d) => { d.goodsItems[1]!.originCriterion = { code: 'CTC' }; }), { profile: rcep }), []);
    const eight = certificate((d) => { d.goodsItems[1]!.originCriterion = { code: 'CTC' }; d.goodsItems[0]!.hsCode = '10063099'; });
    assert.deepEqual(runRule(originCriterionRules, eight, { profile: rcep }), [finding('profile.hs-digits', '/goodsItems/0/hsCode')]);
  });

  it('accepts any length without a profile that restricts it', () => {
    assert.deepEqual(runRule(originCriterionRules, certificate((d) => { d.goodsItems[0]!.hsCode = '10063099'; }), { profile: atiga }), []);
  });
});
