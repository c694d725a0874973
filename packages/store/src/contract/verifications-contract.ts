/**
 * Contract: retroactive verification requests in both directions: unique per requester's id,
 * listed newest first, and moved between states only by compare-and-set.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VerificationRow } from '../repos/verification-repo.js';
import { rejectsWith, withStore, type OpenContractStore } from './contract-fixtures.js';

export function newVerification(overrides: Partial<VerificationRow> = {}): VerificationRow {
  return {
    id: 'ver-1', requestId: 'req-1', direction: 'outbound', partnerCountry: 'TH', certificateId: 'cert-1',
    certificateNumber: 'TH-2026-cert-1', issuingCountry: 'TH', itemNumbers: '[1]', reasons: '[{"code":"origin-doubt"}]',
    replyBy: '2026-09-30', state: 'requested', outcome: null, findings: null, response: null,
    requestMessageId: 'msg-req-1', responseMessageId: null, requestedAt: 1_760_000_000_000, acknowledgedAt: null,
    answeredAt: null, ...overrides,
  };
}

export function verificationsContract(open: OpenContractStore): void {
  void describe('verifications', () => {
    void it('stores a request and finds it by id and by direction, partner and request id', () => withStore(open, async (store) => {
      await store.verifications.insert(newVerification());
      assert.deepEqual(await store.verifications.get('ver-1'), newVerification());
      assert.deepEqual(await store.verifications.find('outbound', 'TH', 'req-1'), newVerification());
      assert.equal(await store.verifications.find('inbound', 'TH', 'req-1'), undefined);
      assert.equal(await store.verifications.find('outbound', 'VN', 'req-1'), undefined);
    }));

    void it('refuses a second request with one requester id per direction and partner', () => withStore(open, async (store) => {
      await store.verifications.insert(newVerification());
      await rejectsWith(store.verifications.insert(newVerification({ id: 'ver-2' })), 'unique-violation');
      await store.verifications.insert(newVerification({ id: 'ver-3', direction: 'inbound' }));
      await store.verifications.insert(newVerification({ id: 'ver-4', partnerCountry: 'VN' }));
    }));

    void it('moves between states only from an expected one, setting only the given fields', () => withStore(open, async (store) => {
      await store.verifications.insert(newVerification({ certificateId: null }));
      assert.equal(await store.verifications.transition('ver-1', ['answered'], { state: 'answered' }), false);
      assert.equal(await store.verifications.transition('ver-1', ['requested'], { state: 'acknowledged', acknowledgedAt: 1000 }), true);
      assert.equal(await store.verifications.transition('ver-1', ['requested'], { state: 'acknowledged', acknowledgedAt: 2000 }), false);
      const answer = { state: 'answered', outcome: 'not-confirmed', findings: 'no production records', response: '{"outcome":"not-confirmed"}', responseMessageId: 'msg-resp-1', answeredAt: 3000, certificateId: 'cert-1' } as const;
      assert.equal(await store.verifications.transition('ver-1', ['requested', 'acknowledged'], answer), true);
      assert.deepEqual(await store.verifications.get('ver-1'), newVerification({ ...answer, acknowledgedAt: 1000 }));
      assert.equal(await store.verifications.transition('ver-1', ['requested', 'acknowledged'], { ...answer, outcome: 'confirmed' }), false);
      assert.equal((await store.verifications.get('ver-1'))?.outcome, 'not-confirmed');
      assert.equal(await store.verifications.transition('ver-1', ['answered'], {}), true, 'an empty change only checks the state');
      assert.equal(await store.verifications.transition('ver-1', [], { state: 'requested' }), false);
      assert.equal(await store.verifications.transition('nope', ['requested'], { state: 'answered' }), false);
    }));

    void it('answers once when several answers race', () => withStore(open, async (store) => {
      await store.verifications.insert(newVerification());
      const results = await Promise.all(['confirmed', 'not-confirmed', 'partially-confirmed', 'confirmed'].map((outcome) =>
        store.verifications.transition('ver-1', ['requested', 'acknowledged'], { state: 'answered', outcome: outcome as 'confirmed', answeredAt: 5000 })));
      assert.equal(results.filter(Boolean).length, 1);
    }));

    void it('lists newest first by direction, state and certificate', () => withStore(open, async (store) => {
      await store.verifications.insert(newVerification({ id: 'a', requestId: 'a', requestedAt: 1000 }));
      await store.verifications.insert(newVerification({ id: 'b', requestId: 'b', requestedAt: 3000, direction: 'inbound', certificateId: 'cert-2' }));
      await store.verifications.insert(newVerification({ id: 'c', requestId: 'c', requestedAt: 2000, state: 'answered', outcome: 'confirmed' }));
      const ids = async (filter: Parameters<typeof store.verifications.list>[0], limit = 10): Promise<string[]> => (await store.verifications.list(filter, limit)).map((v) => v.id);
      assert.deepEqual(await ids({}), ['b', 'c', 'a']);
      assert.deepEqual(await ids({}, 1), ['b']);
      assert.deepEqual(await ids({ direction: 'outbound' }), ['c', 'a']);
      assert.deepEqual(await ids({ state: 'requested' }), ['b', 'a']);
      assert.deepEqual(await ids({ certificateId: 'cert-1', state: 'answered' }), ['c']);
    }));
  });
}
