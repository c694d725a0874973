/**
 * A token bucket per client key (a verified partner, or a remote address) for the synchronous
 * partner endpoints (pull, exporter lookup). In memory and per instance: several instances behind a
 * load balancer each allow the rate, which is acceptable for an abuse guard (not a quota).
 */

export interface RateLimit {
  /** Tokens added per second. */
  readonly perSecond: number;
  /** Bucket size: the burst allowed after a quiet period. */
  readonly burst: number;
}

/**
 * The partner API's limit: 5 requests a second per client, bursts of 20. A pull is an officer's (or
 * a claim's) request for one certificate, and a lookup is one question: far below this; a partner
 * above it is scanning numbers or retrying in a loop.
 */
export const partnerApiRateLimit: RateLimit = { perSecond: 5, burst: 20 };

export type RateDecision = { readonly ok: true } | { readonly ok: false; /** Seconds until a token is available (at least 1). */ readonly retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): RateDecision;
}

/** Buckets are forgotten once full again, so the map holds only recently active clients. */
export function createRateLimiter(limit: RateLimit, clock: () => number): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (b: { tokens: number; at: number }, now: number): void => {
    b.tokens = Math.min(limit.burst, b.tokens + ((now - b.at) / 1000) * limit.perSecond);
    b.at = now;
  };
  return {
    take(key) {
      const now = clock();
      if (buckets.size > 10_000) {
        for (const [k, b] of buckets) {
          refill(b, now);
          if (b.tokens >= limit.burst) buckets.delete(k);
        }
      }
      const bucket = buckets.get(key) ?? { tokens: limit.burst, at: now };
      refill(bucket, now);
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond)) };
    },
  };
}
