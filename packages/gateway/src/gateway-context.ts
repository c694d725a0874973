/**
 * What the workflows, routes and workers of one gateway share: configuration, store, signer,
 * agreements, partners, the commit queue, metrics, logger and clock. Built once by createGateway.
 */
import type { Signer } from '@originlink/protocol';
import type { Store } from '@originlink/store';
import type { Logger } from 'pino';
import type { AgreementRegistry } from './agreements/agreement-registry.js';
import type { GatewayConfig } from './config/gateway-config.js';
import type { GatewayMetrics } from './metrics.js';
import type { PartnerDirectory } from './partners/partner-directory.js';
import type { CommitQueue } from './workers/commit-queue.js';

export interface GatewayContext {
  readonly config: GatewayConfig;
  readonly store: Store;
  readonly signer: Signer;
  readonly agreements: AgreementRegistry;
  readonly partners: PartnerDirectory;
  readonly commits: CommitQueue;
  readonly metrics: GatewayMetrics;
  readonly log: Logger;
  /** Epoch milliseconds; tests inject a clock. */
  readonly clock: () => number;
  /** Tells the dispatcher that new outbox entries are due. */
  readonly wakeDispatcher: () => void;
}

/** YYYY-MM-DD of an epoch-ms instant (UTC). */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
