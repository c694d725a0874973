/** Human-readable issue lists: one line per issue, aligned, errors first. */
import type { Issue } from '@originlink/dataset';

const order = { error: 0, warning: 1, info: 2 } as const;

export function formatIssues(issues: readonly Issue[]): string {
  return [...issues]
    .sort((a, b) => order[a.severity] - order[b.severity])
    .map((i) => `  ${i.severity.padEnd(7)} ${i.code.padEnd(34)} ${(i.path || '/').padEnd(40)} ${i.message}`)
    .join('\n');
}
