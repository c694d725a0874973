/** Human durations in configuration ("500ms", "30s", "5m", "2h", "7d") to milliseconds. */

const units = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const pattern = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/** Parses a duration; undefined when malformed (the config loader reports it). */
export function parseDuration(text: string): number | undefined {
  const m = pattern.exec(text.trim());
  if (!m) return undefined;
  return Math.round(Number(m[1]) * units[m[2] as keyof typeof units]);
}

/** Renders milliseconds back as the largest exact unit ("7d", "90s"). */
export function formatDuration(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (ms % size === 0 && ms >= size) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
