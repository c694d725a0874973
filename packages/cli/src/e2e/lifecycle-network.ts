/**
 * The network of the lifecycle end-to-end tests: China and Korea as separate gateway processes,
 * pinned to each other, under two agreements: ChKFTA as two partners that allow amendments, want
 * utilisation notices, give 30 days to answer a verification and accept paper until 2027-01-01
 * would configure it (a custom profile file: no built-in profile does all that), and RCEP
 * declarations of origin with the built-in profile (replacement only, no notices).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProfile } from '@originlink/dataset';
import { stringify } from 'yaml';
import { startNetwork, type TestGateway, type TestNetwork } from './e2e-network.js';

/** The custom ChKFTA profile's transition cut-over: claims declared before it on data not received go to review. */
export const cutOverDate = '2027-01-01';
/** Days the custom profile gives the issuing side to answer a verification. */
export const replyDays = 30;

export interface LifecycleNetwork {
  readonly net: TestNetwork;
  /** China: the issuing side. */
  readonly cn: TestGateway;
  /** Korea: the importing side. */
  readonly kr: TestGateway;
  close(): Promise<void>;
}

/** The custom ChKFTA profile as YAML (the built-in one with its lifecycle changed). */
export function lifecycleProfileYaml(): string {
  const base = findProfile('chkfta-certificate');
  if (!base) throw new Error('the chkfta-certificate profile is not built in');
  const profile = {
    ...structuredClone(base),
    id: 'chkfta-certificate-e2e',
    title: `${base.title} (end-to-end tests: amendments, utilisation notices, transition)`,
    lifecycle: { ...base.lifecycle, amendment: 'allowed', utilisationNotice: true, verificationReplyDays: replyDays, transition: { cutOverDate } },
  };
  return `# ChKFTA as the lifecycle end-to-end tests configure it (packages/cli/src/e2e/lifecycle-network.ts).\n${stringify(profile)}`;
}

/** Starts CN and KR (extra configuration keys merged into both files) and pins them to each other. */
export async function startLifecycleNetwork(config: Readonly<Record<string, unknown>> = {}): Promise<LifecycleNetwork> {
  const profileDir = await mkdtemp(join(tmpdir(), 'originlink-e2e-profile-'));
  const profilePath = join(profileDir, 'chkfta-lifecycle.yaml');
  await writeFile(profilePath, lifecycleProfileYaml());
  let net: TestNetwork;
  try {
    net = await startNetwork({ countries: ['CN', 'KR'], agreements: [profilePath, 'rcep-declaration'], config });
  } catch (err) {
    await rm(profileDir, { recursive: true, force: true });
    throw err;
  }
  const close = async () => {
    await net.close();
    await rm(profileDir, { recursive: true, force: true });
  };
  try {
    await net.pinAll();
  } catch (err) {
    await close();
    throw err;
  }
  return { net, cn: net.gateway('CN'), kr: net.gateway('KR'), close };
}
