/** Contract: partners and their pinned keys (rotation), and the bounded rejection log. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PartnerKeyRow, PartnerRow } from '../repos/partner-repo.js';
import { rejectsWith, withStore, type OpenContractStore } from './contract-fixtures.js';

const partner: PartnerRow = {
  country: 'ID', gatewayId: 'id-gw-1', name: 'Indonesia Customs', endpoint: 'https://eco.example.id',
  agreements: ['ATIGA', 'RCEP'], addedAt: 1000, updatedAt: 1000,
};

const key = (kid: string, addedAt: number): PartnerKeyRow => ({
  country: 'ID', gatewayId: 'id-gw-1', kid, alg: 'ES256', jwk: `{"kty":"EC","kid":"${kid}"}`, thumbprint: `tp-${kid}`,
  notBefore: null, notAfter: null, addedAt,
});

export function partnersContract(open: OpenContractStore): void {
  void describe('partners', () => {
    void it('upserts a partner by country, keeping the time it was first added', () => withStore(open, async (store) => {
      await store.partners.upsert(partner);
      assert.deepEqual(await store.partners.get('ID'), partner);
      await store.partners.upsert({ ...partner, endpoint: 'https://new.example.id', agreements: ['ATIGA'], addedAt: 5000, updatedAt: 5000 });
      assert.deepEqual(await store.partners.get('ID'), { ...partner, endpoint: 'https://new.example.id', agreements: ['ATIGA'], updatedAt: 5000 });
      await store.partners.upsert({ ...partner, country: 'AR', gatewayId: 'ar-gw' });
      assert.deepEqual((await store.partners.list()).map((p) => p.country), ['AR', 'ID']);
      assert.equal(await store.partners.get('VN'), undefined);
    }));

    void it('rotates keys: several active at once, one replaced by kid, one removed', () => withStore(open, async (store) => {
      await store.partners.upsert(partner);
      await store.partners.putKey(key('k1', 1000));
      await store.partners.putKey({ ...key('k2', 2000), alg: 'EdDSA', notBefore: 2000, notAfter: 9000 });
      assert.deepEqual((await store.partners.keys('ID', 'id-gw-1')).map((k) => k.kid), ['k1', 'k2']);
      assert.deepEqual((await store.partners.keys('ID', 'id-gw-1'))[1], { ...key('k2', 2000), alg: 'EdDSA', notBefore: 2000, notAfter: 9000 });
      await store.partners.putKey({ ...key('k1', 1000), notAfter: 3000 });
      assert.equal((await store.partners.keys('ID', 'id-gw-1'))[0]?.notAfter, 3000);
      await store.partners.removeKey('ID', 'id-gw-1', 'k1');
      assert.deepEqual((await store.partners.keys('ID', 'id-gw-1')).map((k) => k.kid), ['k2']);
      assert.deepEqual(await store.partners.keys('ID', 'other-gw'), []);
    }));

    void it('refuses a key for an unknown partner as a constraint error', () => withStore(open, async (store) => {
      await rejectsWith(store.partners.putKey({ ...key('k1', 1000), country: 'ZZ' }), 'constraint');
    }));
  });

  void describe('rejection log', () => {
    const row = (n: number): Parameters<Awaited<ReturnType<OpenContractStore>>['rejections']['append']>[0] => ({
      at: n, remoteAddress: '203.0.113.7', code: 'E_SIGNATURE', detail: `attempt ${n}`, claimedSender: n % 2 ? 'ID/id-gw-1' : null,
      claimedMessageId: null, size: 100 + n,
    });

    void it('keeps only the newest rows on append and lists them newest first', () => withStore(open, async (store) => {
      for (let n = 1; n <= 7; n++) await store.rejections.append(row(n), 3);
      assert.equal(await store.rejections.count(), 3);
      const recent = await store.rejections.recent(10);
      assert.deepEqual(recent.map((r) => r.detail), ['attempt 7', 'attempt 6', 'attempt 5']);
      assert.deepEqual({ ...recent[0], id: 0 }, { ...row(7), id: 0 });
      assert.deepEqual((await store.rejections.recent(2)).map((r) => r.at), [7, 6]);
      await store.rejections.append(row(8), 5);
      assert.equal(await store.rejections.count(), 4);
    }));
  });
}
