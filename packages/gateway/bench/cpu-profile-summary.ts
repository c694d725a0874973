/**
 * Reads a V8 `.cpuprofile` (written by `node --cpu-prof`) and says where the time went: functions
 * by self time and by inclusive time, and self time by area (a dependency under node_modules, a
 * source file of this repository, node internals, GC, idle). Used by `push.bench.ts --profile`.
 */
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileSummary {
  /** Sampled time, ms (idle included). */
  readonly totalMs: number;
  readonly idleMs: number;
  readonly bySelf: readonly [string, number][];
  readonly byInclusive: readonly [string, number][];
  readonly byArea: readonly [string, number][];
}

/** The part of a script URL that says whose code it is. */
export function area(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dep) return `dep ${dep[1]}`;
  const own = /packages\/([^/]+)\/(?:src|bench)\/(.+?)\.[cm]?[jt]s/.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  if (url.startsWith('node:')) return `node ${url.slice(5).split('/')[0]}`;
  return url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
}

const frameKey = (n: ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'}  ${area(n.callFrame.url, n.callFrame.functionName)}:${n.callFrame.lineNumber + 1}`;

export async function summariseProfile(path: string, top = 15): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    // The time until the next sample is this sample's; the last one gets the mean interval.
    const ms = (profile.timeDeltas[i + 1] ?? total / Math.max(1, i)) / 1000;
    const node = byId.get(id);
    if (!node) return;
    total += ms;
    if (node.callFrame.functionName === '(idle)') {
      idle += ms;
      return;
    }
    const key = frameKey(node);
    self.set(key, (self.get(key) ?? 0) + ms);
    const a = area(node.callFrame.url, node.callFrame.functionName);
    areas.set(a, (areas.get(a) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!n || n.callFrame.functionName === '(root)') continue;
      const k = frameKey(n);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  });
  const sorted = (m: Map<string, number>): [string, number][] => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { totalMs: total, idleMs: idle, bySelf: sorted(self), byInclusive: sorted(inclusive), byArea: sorted(areas) };
}

/** The summary as text lines, times as a share of the busy (non-idle) time. */
export function formatSummary(name: string, s: ProfileSummary): string {
  const busy = s.totalMs - s.idleMs;
  const pct = (ms: number): string => `${((100 * ms) / busy).toFixed(1).padStart(5)}%`;
  return [
    `${name}: ${(busy / 1000).toFixed(1)} s busy of ${(s.totalMs / 1000).toFixed(1)} s sampled`,
    '  self time by area:',
    ...s.byArea.map(([k, ms]) => `    ${pct(ms)}  ${k}`),
    '  functions by self time:',
    ...s.bySelf.map(([k, ms]) => `    ${pct(ms)}  ${k}`),
    '  functions by inclusive time:',
    ...s.byInclusive.map(([k, ms]) => `    ${pct(ms)}  ${k}`),
  ].join('\n');
}
