/** The partner API's token bucket on a clock the test moves: burst, refill, Retry-After, separate clients. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRateLimiter } from '../workflows/pull/rate-limiter.js';

describe('partner API rate limiter', () => {
  it('allows the burst, then one request per refill interval, and says when to retry', () => {
    let now = 1_000_000;
    const limiter = createRateLimiter({ perSecond: 5, burst: 20 }, () => now);
    const burst = Array.from({ length: 25 }, () => limiter.take('partner:PH/ph-gw-1').ok);
    assert.equal(burst.filter(Boolean).length, 20);
    assert.deepEqual(limiter.take('partner:PH/ph-gw-1'), { ok: false, retryAfterSeconds: 1 });
    now += 200;
    assert.equal(limiter.take('partner:PH/ph-gw-1').ok, true);
    assert.equal(limiter.take('partner:PH/ph-gw-1').ok, false);
    // A quiet period refills the bucket to the burst, not beyond.
    now += 60_000;
    assert.equal(Array.from({ length: 25 }, () => limiter.take('partner:PH/ph-gw-1').ok).filter(Boolean).length, 20);
  });

  it('keeps one bucket per client', () => {
    const limiter = createRateLimiter({ perSecond: 1, burst: 2 }, () => 0);
    assert.deepEqual([limiter.take('a').ok, limiter.take('a').ok, limiter.take('a').ok], [true, true, false]);
    assert.equal(limiter.take('b').ok, true);
  });

  it('asks a client to wait longer when the rate is lower', () => {
    const limiter = createRateLimiter({ perSecond: 0.25, burst: 1 }, () => 0);
    limiter.take('a');
    assert.deepEqual(limiter.take('a'), { ok: false, retryAfterSeconds: 4 });
  });
});
