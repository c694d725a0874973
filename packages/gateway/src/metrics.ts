/**
 * Prometheus metrics of one gateway, in its own registry (several gateways can live in one process
 * in tests): messages by kind, partner and outcome; delivery latency; outbox depth; commit groups.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Store } from '@originlink/store';

export interface GatewayMetrics {
  readonly registry: Registry;
  readonly messages: Counter<'direction' | 'kind' | 'partner' | 'outcome'>;
  readonly deliveryLatency: Histogram<'partner'>;
  readonly deliveryAttempts: Counter<'partner' | 'result'>;
  readonly commitGroupSize: Histogram;
}

export function createMetrics(store: Store, options: { defaultMetrics: boolean }): GatewayMetrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });
  const messages = new Counter({
    name: 'originlink_messages_total',
    help: 'Protocol messages by direction (in/out), kind, partner country and outcome (accepted, rejected, duplicate, refused)',
    labelNames: ['direction', 'kind', 'partner', 'outcome'] as const,
    registers: [registry],
  });
  const deliveryLatency = new Histogram({
    name: 'originlink_delivery_latency_seconds',
    help: 'From submission to the partner\'s verified receipt, seconds',
    labelNames: ['partner'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600, 86400],
    registers: [registry],
  });
  const deliveryAttempts = new Counter({
    name: 'originlink_delivery_attempts_total',
    help: 'Delivery attempts by partner and result (receipt, retry, failed)',
    labelNames: ['partner', 'result'] as const,
    registers: [registry],
  });
  const commitGroupSize = new Histogram({
    name: 'originlink_commit_group_size',
    help: 'Units of work committed per durable transaction (group commit)',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    registers: [registry],
  });
  new Gauge({
    name: 'originlink_outbox_depth',
    help: 'Outbox entries by state',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const depth = await store.outbox.depth();
      for (const [state, n] of Object.entries(depth)) this.set({ state }, n);
    },
  });
  return { registry, messages, deliveryLatency, deliveryAttempts, commitGroupSize };
}
