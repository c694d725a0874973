/** Exponential backoff with full jitter (AWS architecture blog): delay = random(0, min(cap, base * 2^n)). */

export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 40));
  return Math.max(baseMs / 2, Math.floor(random() * ceiling));
}
