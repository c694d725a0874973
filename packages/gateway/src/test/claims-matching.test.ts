/**
 * The pure parts of claim matching: importer names and identifiers as customs officers would
 * compare them, and the validity period counted from the profile when the certificate gives no end.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findProfile } from '@originlink/dataset';
import { validityPeriod } from '../workflows/claims/evaluate-claim.js';
import { normaliseId, normaliseName, sameName } from '../workflows/claims/party-names.js';

describe('importer names and identifiers', () => {
  it('ignores case, accents, punctuation and legal-form words', () => {
    assert.equal(normaliseName('Bangkok Coffee Roasters Co., Ltd.'), 'bangkok coffee roasters');
    assert.equal(normaliseName('PT. Kopi Nusantara Ekspor Tbk'), 'kopi nusantara ekspor');
    assert.equal(normaliseName('Société Générale S.A.'), 'societe generale');
    assert.ok(sameName('HANSANG FOOD SERVICE CO.,LTD', 'Hansang Food Service Company Limited'));
    assert.ok(sameName('Binh Phuoc Cashew Processing JSC', 'binh-phuoc cashew processing'));
  });

  it('keeps the words that identify the company', () => {
    assert.ok(!sameName('Hansang Food Service Co., Ltd.', 'Hansang Foods Service Co., Ltd.'));
    assert.ok(!sameName('Pearl River Commodities Limited', 'Pearl River Trading Limited'));
  });

  it('compares names made only of legal-form words literally', () => {
    assert.ok(sameName('Co. Ltd', 'co. ltd'));
    assert.ok(!sameName('Co. Ltd', 'Pte Ltd'));
  });

  it('compares identifiers without separators or case', () => {
    assert.equal(normaliseId('124-81-54321'), normaliseId('1248154321'));
    assert.equal(normaliseId('qhpv kr 26 0302'), normaliseId('QHPV-KR-26-0302'));
  });
});

describe('validity period', () => {
  const atiga = findProfile('atiga-form-d');
  const ace14 = findProfile('ace14-form-a18');

  it('uses the header dates when given', () => {
    assert.deepEqual(validityPeriod({ issueDate: '2026-03-02', validFrom: '2026-03-05', validUntil: '2026-09-01' }, atiga), { validFrom: '2026-03-05', validUntil: '2026-09-01' });
  });

  it('counts the profile\'s months from the issue date, clamped to the month\'s end, as the dataset\'s validity rule does', () => {
    assert.deepEqual(validityPeriod({ issueDate: '2026-03-02' }, atiga), { validUntil: '2027-03-02' });
    assert.deepEqual(validityPeriod({ issueDate: '2023-02-28' }, atiga), { validUntil: '2024-02-28' });
    assert.deepEqual(validityPeriod({ issueDate: '2024-02-29' }, atiga), { validUntil: '2025-02-28' });
  });

  it('counts days when the profile gives days (ACE 14: 180 days)', () => {
    assert.deepEqual(validityPeriod({ issueDate: '2026-03-02' }, ace14), { validUntil: '2026-08-29' });
  });

  it('leaves the end open without validUntil and without a profile', () => {
    assert.deepEqual(validityPeriod({ issueDate: '2026-03-02' }, undefined), {});
  });
});
