/** Tests of the profile header rules: agreement, document type, form type, parties. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { certificate, declaration, finding, profile, runRule } from '../../testing/fixtures.js';
import { profileHeaderRules } from './profile-rules.js';

const atiga = profile('atiga-form-d');

describe('agreement profile header', () => {
  it('accepts a document that matches the profile', () => {
    assert.deepEqual(runRule(profileHeaderRules, certificate(), { profile: atiga }), []);
    assert.deepEqual(runRule(profileHeaderRules, declaration(), { profile: profile('rcep-declaration') }), []);
  });

  it('checks nothing without a profile', () => {
    assert.deepEqual(runRule(profileHeaderRules, certificate((d) => { d.header.agreementCode = 'XYZ'; d.header.importingCountry = 'US'; })), []);
  });

  it("rejects another agreement's code", () => {
    assert.deepEqual(runRule(profileHeaderRules, certificate((d) => { d.header.agreementCode = 'AKFTA'; }), { profile: atiga }), [finding('profile.agreement-mismatch', '/header/agreementCode')]);
  });

  it('rejects a document type the profile does not allow', () => {
    assert.deepEqual(runRule(profileHeaderRules, certificate((d) => { d.header.typeCode = '862'; }), { profile: atiga }), [finding('profile.document-type', '/header/typeCode')]);
  });

  it('rejects a form type the profile does not allow, and accepts any form under a profile without form types', () => {
    assert.deepEqual(runRule(profileHeaderRules, certificate((d) => { d.header.formType = 'E'; }), { profile: atiga }), [finding('profile.form-type', '/header/formType')]);
    const rcep = certificate((d) => { d.header.agreementCode = 'RCEP'; d.header.formType = 'anything'; });
    assert.deepEqual(runRule(profileHeaderRules, rcep, { profile: profile('rcep-certificate') }), []);
  });

  it('rejects an issuing or importing country that is not a party', () => {
    const doc = certificate((d) => { d.header.issuingCountry = 'CN'; d.header.importingCountry = 'KR'; });
    assert.deepEqual(runRule(profileHeaderRules, doc, { profile: atiga }), [finding('profile.country-not-party', '/header/issuingCountry'), finding('profile.country-not-party', '/header/importingCountry')]);
  });
});
