/**
 * Partner gateways and their pinned keys, read from the store and cached briefly, so that a partner
 * added with `originlink partners add` (another process) is picked up by a running gateway within
 * seconds without a database query per message.
 */
import type { GatewayAddress, PinnedKey } from '@originlink/protocol';
import type { PartnerRow, Store } from '@originlink/store';

export interface PartnerDirectory {
  /** The partner serving a country, if any. */
  partner(country: string): PartnerRow | undefined;
  /** Pinned keys of a sender; undefined when the sender is not a known partner. */
  keysOf(sender: GatewayAddress): readonly PinnedKey[] | undefined;
  /** Reloads from the store (at most every `ttlMs`, unless forced). */
  refresh(force?: boolean): Promise<void>;
  list(): readonly PartnerRow[];
}

export function createPartnerDirectory(store: Store, clock: () => number, ttlMs = 2000): PartnerDirectory {
  let partners = new Map<string, PartnerRow>();
  let keys = new Map<string, PinnedKey[]>();
  let loadedAt = -Infinity;
  let loading: Promise<void> | undefined;

  const load = async (): Promise<void> => {
    const rows = await store.partners.list();
    const nextKeys = new Map<string, PinnedKey[]>();
    for (const p of rows) {
      const pinned = (await store.partners.keys(p.country, p.gatewayId)).map((k): PinnedKey => ({
        kid: k.kid,
        alg: k.alg,
        jwk: JSON.parse(k.jwk) as PinnedKey['jwk'],
        ...(k.notBefore !== null ? { notBefore: k.notBefore } : {}),
        ...(k.notAfter !== null ? { notAfter: k.notAfter } : {}),
      }));
      nextKeys.set(`${p.country}/${p.gatewayId}`, pinned);
    }
    partners = new Map(rows.map((p) => [p.country, p]));
    keys = nextKeys;
    loadedAt = clock();
  };

  return {
    partner: (country) => partners.get(country),
    keysOf: (sender) => {
      const p = partners.get(sender.country);
      if (!p || p.gatewayId !== sender.gateway) return undefined;
      return keys.get(`${sender.country}/${sender.gateway}`) ?? [];
    },
    list: () => [...partners.values()],
    async refresh(force = false) {
      if (!force && clock() - loadedAt < ttlMs) return;
      loading ??= load().finally(() => (loading = undefined));
      await loading;
    },
  };
}
