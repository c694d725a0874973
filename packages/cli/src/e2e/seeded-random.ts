/**
 * Seeded pseudo-random numbers for the fault tests, so a failing run's schedule of faults can be
 * replayed: the seed is printed, and ORIGINLINK_FAULT_SEED sets it. mulberry32: small, fast and
 * good enough to spread kill moments; not for anything secret.
 */

export interface SeededRandom {
  readonly seed: number;
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
}

/** The seed from ORIGINLINK_FAULT_SEED when set (a decimal integer), else a fresh one. */
export function faultSeed(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const configured = env['ORIGINLINK_FAULT_SEED'];
  if (configured !== undefined && /^\d+$/.test(configured)) return Number(configured) >>> 0;
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    seed,
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    shuffle(items) {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}
