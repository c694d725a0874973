/**
 * Tests of the whole-document rules: parties, certification or self-declaration, special-case boxes
 * and the blocks they need, replacement, attachments.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { certificate, declaration, finding, runRule, validate } from '../../testing/fixtures.js';
import { attachmentRules, documentKindRules, partyRules, replacementRules, specialCaseRules } from './document-rules.js';

describe('parties', () => {
  it('accepts a consignee without an importer, and an importer without a consignee', () => {
    assert.deepEqual(runRule(partyRules, certificate()), []);
    assert.deepEqual(runRule(partyRules, declaration()), []);
  });

  it('rejects a document naming neither the importer nor the consignee', () => {
    assert.deepEqual(runRule(partyRules, certificate((d) => { delete d.consignee; })), [finding('rule.importer-or-consignee-missing', '/consignee')]);
  });

  it('rejects the same issuing and importing country', () => {
    assert.deepEqual(runRule(partyRules, certificate((d) => { d.header.importingCountry = 'TH'; })), [finding('rule.same-country', '/header/importingCountry')]);
  });
});

describe('certification or self-declaration', () => {
  it('accepts a certificate with its certification and a declaration with its authorisation', () => {
    assert.deepEqual(runRule(documentKindRules, certificate()), []);
    assert.deepEqual(runRule(documentKindRules, declaration()), []);
  });

  it('rejects a certificate without certification', () => {
    assert.deepEqual(runRule(documentKindRules, certificate((d) => { delete d.certification; })), [finding('rule.certification-missing', '/certification')]);
  });

  it('rejects a declaration of origin without the self-declaration block', () => {
    assert.deepEqual(runRule(documentKindRules, declaration((d) => { delete d.selfDeclaration; })), [finding('rule.declaration-authorisation-missing', '/selfDeclaration/exporterAuthorisationNumber')]);
  });

  it('leaves a self-declaration block without its number to structure, which reports it once', () => {
    const doc = declaration((d) => { Reflect.deleteProperty(d.selfDeclaration!, 'exporterAuthorisationNumber'); });
    assert.deepEqual(runRule(documentKindRules, doc), []);
    assert.deepEqual(validate(doc), [finding('structure.required', '/selfDeclaration/exporterAuthorisationNumber')]);
  });
});

describe('special cases', () => {
  const original = { originalNumber: 'VN-SG 26/01/0047718', originalDate: '2026-02-20', originalIssuingCountry: 'VN' };

  it('accepts a back-to-back certificate with its original, and a movement certificate with its original', () => {
    assert.deepEqual(runRule(specialCaseRules, certificate((d) => { d.specialCases = { backToBack: true }; d.backToBack = original; })), []);
    assert.deepEqual(runRule(specialCaseRules, certificate((d) => { d.specialCases = { movementCertificate: true }; d.backToBack = original; })), []);
  });

  it('rejects a back-to-back or movement certificate without the original proof', () => {
    assert.deepEqual(runRule(specialCaseRules, certificate((d) => { d.specialCases = { backToBack: true }; })), [finding('rule.back-to-back-original-missing', '/backToBack/originalNumber')]);
    assert.deepEqual(runRule(specialCaseRules, certificate((d) => { d.specialCases = { movementCertificate: true }; })), [finding('rule.back-to-back-original-missing', '/backToBack/originalNumber')]);
  });

  it('leaves an original-proof block without its number to structure, which reports it once', () => {
    const doc = certificate((d) => { d.specialCases = { backToBack: true }; d.backToBack = { originalDate: '2026-02-20' } as typeof original; });
    assert.deepEqual(validate(doc), [finding('structure.required', '/backToBack/originalNumber')]);
  });

  it('warns when an original proof is given but the box is not ticked', () => {
    assert.deepEqual(runRule(specialCaseRules, certificate((d) => { d.backToBack = original; })), [finding('rule.back-to-back-not-marked', '/specialCases/backToBack')]);
  });

  it('requires the exhibition when its box is ticked', () => {
    assert.deepEqual(runRule(specialCaseRules, certificate((d) => { d.specialCases = { exhibition: true }; })), [finding('rule.exhibition-details-missing', '/exhibition')]);
    assert.deepEqual(runRule(specialCaseRules, certificate((d) => { d.specialCases = { exhibition: true }; d.exhibition = { name: 'THAIFEX 2026' }; })), []);
  });

  it('requires the invoicing operator when third-party invoicing is ticked', () => {
    assert.deepEqual(runRule(specialCaseRules, certificate((d) => { d.specialCases = { thirdPartyInvoicing: true }; })), [finding('rule.third-party-operator-missing', '/thirdPartyOperator')]);
    const named = certificate((d) => { d.specialCases = { thirdPartyInvoicing: true }; d.thirdPartyOperator = { name: 'Harbourview Trading Ltd', address: { country: 'HK' } }; });
    assert.deepEqual(runRule(specialCaseRules, named), []);
  });

  it('reads an unticked box (false) as not ticked', () => {
    assert.deepEqual(runRule(specialCaseRules, certificate((d) => { d.specialCases = { backToBack: false, exhibition: false, thirdPartyInvoicing: false }; })), []);
  });
});

describe('replacement', () => {
  it('accepts a replacement naming another certificate', () => {
    assert.deepEqual(runRule(replacementRules, certificate((d) => { d.replacement = { replacedNumber: 'TH-D-2026-0000', reasonCode: 'lost' }; })), []);
  });

  it('rejects a replacement without the replaced number', () => {
    assert.deepEqual(runRule(replacementRules, certificate((d) => { d.replacement = { reasonCode: 'lost' }; })), [finding('rule.replacement-number-missing', '/replacement/replacedNumber')]);
  });

  it('rejects a certificate replacing itself', () => {
    assert.deepEqual(runRule(replacementRules, certificate((d) => { d.replacement = { replacedNumber: d.header.number }; })), [finding('rule.replacement-self', '/replacement/replacedNumber')]);
  });
});

describe('attachments', () => {
  const text = Buffer.from('carton,net_kg\n1-100,5000\n');
  const digest = createHash('sha256').update(text).digest('hex');

  it('accepts embedded content with its digest, content without digest, and a location with its digest', () => {
    const doc = certificate((d) => {
      d.attachments = [
        { id: 'A1', mediaType: 'text/csv', content: text.toString('base64'), sha256: digest },
        { id: 'A2', mediaType: 'text/csv', content: text.toString('base64') },
        { id: 'A3', mediaType: 'application/pdf', uri: 'https://docs.example.org/a3.pdf', sha256: digest },
      ];
    });
    assert.deepEqual(runRule(attachmentRules, doc), []);
  });

  it('rejects an attachment with neither content nor location', () => {
    assert.deepEqual(runRule(attachmentRules, certificate((d) => { d.attachments = [{ id: 'A1', mediaType: 'application/pdf' }]; })), [finding('rule.attachment-content-missing', '/attachments/0')]);
  });

  it('rejects a location without the digest that binds it', () => {
    assert.deepEqual(runRule(attachmentRules, certificate((d) => { d.attachments = [{ id: 'A1', mediaType: 'application/pdf', uri: 'https://docs.example.org/a1.pdf' }]; })), [finding('rule.attachment-digest-missing', '/attachments/0/sha256')]);
  });

  it('rejects embedded content whose digest does not match', () => {
    const doc = certificate((d) => { d.attachments = [{ id: 'A1', mediaType: 'text/csv', content: text.toString('base64'), sha256: digest.replace(/^./, (c) => (c === '0' ? '1' : '0')) }]; });
    assert.deepEqual(runRule(attachmentRules, doc), [finding('rule.attachment-digest-mismatch', '/attachments/0/sha256')]);
  });
});
