/**
 * Crash test on SQLite: 2,000 certificates flow from China's gateway process to Korea's while both
 * are SIGKILLed at seeded random moments and restarted (crash-scenario.ts; the seed is printed and
 * ORIGINLINK_FAULT_SEED replays it, ORIGINLINK_CRASH_KILLS changes the number of kills). Nothing
 * acknowledged is lost or duplicated, every receipt verifies, no delivery is stuck, audits verify.
 */
import { describe, it } from 'node:test';
import { crashTest } from './crash-scenario.js';

describe('crash test on SQLite: SIGKILL of sender and receiver while 2,000 certificates flow', () => {
  it('stores every acknowledged certificate once at the receiver, with a verified receipt at the sender', { timeout: 300_000 }, (t) => crashTest(t, {}));
});
