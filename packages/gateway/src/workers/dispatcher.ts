/**
 * The outbox dispatcher: claims due entries (leased, in order per certificate), posts each message
 * to the partner, verifies the signed receipt, and records the outcome with the receipt as
 * evidence. Transport failures and transient refusals are retried with exponential backoff and
 * jitter until the retry horizon; then the entry is failed (an admin can requeue it).
 */
import { hostname } from 'node:os';
import { checkReceipt, decodeMessage, type ReceiptPayload } from '@originlink/protocol';
import type { MessageRow, OutboxEntry } from '@originlink/store';
import type { GatewayContext } from '../gateway-context.js';
import { certificateCarryingKinds, deliveryHooks } from '../workflows/delivery-hooks.js';
import { backoffDelay } from './backoff.js';
import type { PartnerClient } from './partner-client.js';

/**
 * Refusals a partner (or our operator) may lift by fixing configuration (keys, partners,
 * agreements, TLS client certificates): retried until the horizon, not failed at once.
 */
const transientCodes = new Set(['protocol.unknown-sender', 'protocol.unknown-key', 'protocol.key-not-valid', 'protocol.bad-signature', 'protocol.agreement-not-in-force', 'protocol.from-future', 'auth.client-certificate-required']);

export interface Dispatcher {
  wake(): void;
  start(): void;
  /** Stops claiming and waits for deliveries in flight (at most `timeoutMs`). */
  stop(timeoutMs?: number): Promise<void>;
}

type Attempt =
  | { readonly type: 'receipt'; readonly payload: ReceiptPayload; readonly raw: Uint8Array; readonly receiptId: string }
  | { readonly type: 'retry'; readonly error: string }
  | { readonly type: 'permanent'; readonly error: string };

export function createDispatcher(ctx: GatewayContext, client: PartnerClient): Dispatcher {
  const owner = `${ctx.config.self.gateway}@${hostname()}:${process.pid}`;
  const limit = ctx.config.delivery.concurrency;
  /** Claim again once a quarter of the slots are free (at least one). */
  const claimBatch = Math.max(1, Math.floor(limit / 4));
  let inFlight = 0;
  let pumping = false;
  let again = false;
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let lastClaim = { at: -Infinity, unfilled: false };
  let pumped: Promise<void> = Promise.resolve();
  const settled = new Set<Promise<void>>();

  const attempt = async (entry: OutboxEntry, message: MessageRow | undefined): Promise<Attempt> => {
    if (!message) return { type: 'permanent', error: `message ${entry.messageId} is missing from the store` };
    await ctx.partners.refresh();
    const partner = ctx.partners.partner(entry.partnerCountry);
    if (!partner) return { type: 'retry', error: `no partner configured for ${entry.partnerCountry}` };
    let res;
    try {
      res = await client.post(partner.endpoint, 'partner/v1/messages', message.raw, ctx.config.delivery.requestTimeoutMs);
    } catch (err) {
      return { type: 'retry', error: `${partner.endpoint}: ${(err as Error).message}` };
    }
    if (res.status !== 200) {
      const code = /"code"\s*:\s*"([^"]+)"/.exec(res.body.toString('utf8', 0, 2000))?.[1];
      const error = `HTTP ${res.status}${code ? ` ${code}` : ''}`;
      return res.status >= 500 || res.status === 429 || res.status === 408 || (code !== undefined && transientCodes.has(code)) ? { type: 'retry', error } : { type: 'permanent', error };
    }
    const decoded = decodeMessage(res.body, {
      self: ctx.config.self,
      keysOf: (sender) => ctx.partners.keysOf(sender),
      allowedAlgorithms: ['ES256', 'EdDSA'],
      now: ctx.clock(),
      maxAgeMs: ctx.config.inbound.maxMessageAgeMs,
      maxFutureSkewMs: ctx.config.inbound.maxFutureSkewMs,
      supportedDatasetVersions: ctx.agreements.datasetVersions,
      expectKind: 'receipt',
    });
    // A receipt we cannot verify is no evidence: try again (the partner may be rotating keys).
    if (!decoded.ok) return { type: 'retry', error: `receipt not verified: ${decoded.code} ${decoded.detail}` };
    const checked = checkReceipt(decoded.message, { messageId: entry.messageId, sentDigest: message.digest, partner: { country: partner.country, gateway: partner.gatewayId } });
    if (!checked.ok) return { type: 'retry', error: `${checked.code}: ${checked.detail}` };
    const payload = checked.payload;
    // Refusals of our message that the partner may lift are not final: keep retrying.
    if (payload.outcome === 'rejected' && payload.issues.length > 0 && payload.issues.every((i) => transientCodes.has(i.code))) {
      return { type: 'retry', error: `refused: ${payload.issues.map((i) => i.code).join(', ')}` };
    }
    return { type: 'receipt', payload, raw: res.body, receiptId: decoded.message.envelope.id };
  };

  const record = async (entry: OutboxEntry, message: MessageRow | undefined, result: Attempt): Promise<void> => {
    const now = ctx.clock();
    const certificateId = message?.certificateId ?? null;
    const kind = message?.kind;
    // Only the message that carries the certificate sets its delivery status; lifecycle messages
    // about it (cancellation, notices, verification) report through their kind's hook.
    const carriesCertificate = kind !== undefined && certificateCarryingKinds.has(kind);
    const hook = kind === undefined ? undefined : deliveryHooks[kind];
    await ctx.commits.run(async (tx) => {
      if (result.type === 'receipt') {
        const outcome = result.payload.outcome;
        await tx.receipts.insert({ messageId: entry.messageId, direction: 'in', peerCountry: entry.partnerCountry, peerGateway: entry.partnerGateway, receiptId: result.receiptId, outcome, issues: JSON.stringify(result.payload.issues), raw: result.raw, receivedDigest: result.payload.receivedDigest, createdAt: now });
        if (outcome === 'accepted') await tx.outbox.markDelivered(entry.seq, now);
        else await tx.outbox.markRejected(entry.seq, now, result.payload.issues.map((i) => i.code).join(', '));
        if (certificateId && carriesCertificate) await tx.certificates.setStatus(certificateId, outcome === 'accepted' ? 'delivered' : 'rejected', now);
        await hook?.(tx, { messageId: entry.messageId, kind: kind!, certificateId, outcome, codes: result.payload.issues.map((i) => i.code), at: now });
        await tx.audit.append({ at: now, actor: `partner:${entry.partnerCountry}/${entry.partnerGateway}`, action: outcome === 'accepted' ? 'delivery.accepted' : 'delivery.rejected', subject: certificateId ?? `message:${entry.messageId}`, details: JSON.stringify({ messageId: entry.messageId, receiptId: result.receiptId, attempts: entry.attempts + 1, codes: result.payload.issues.map((i) => i.code) }) });
      } else if (result.type === 'permanent' || now >= entry.expiresAt) {
        await tx.outbox.markFailed(entry.seq, now, result.error);
        if (certificateId && carriesCertificate) await tx.certificates.setStatus(certificateId, 'failed', now);
        await hook?.(tx, { messageId: entry.messageId, kind: kind!, certificateId, outcome: 'failed', codes: [], at: now });
        await tx.audit.append({ at: now, actor: 'system', action: 'delivery.failed', subject: certificateId ?? `message:${entry.messageId}`, details: JSON.stringify({ messageId: entry.messageId, attempts: entry.attempts + 1, error: result.error }) });
      } else {
        const next = now + backoffDelay(entry.attempts, ctx.config.delivery.initialBackoffMs, ctx.config.delivery.maxBackoffMs);
        await tx.outbox.scheduleRetry(entry.seq, Math.min(next, entry.expiresAt), entry.attempts + 1, result.error, now);
      }
    });
    const label = result.type === 'receipt' ? 'receipt' : result.type === 'permanent' || now >= entry.expiresAt ? 'failed' : 'retry';
    ctx.metrics.deliveryAttempts.inc({ partner: entry.partnerCountry, result: label });
    if (result.type === 'receipt') {
      ctx.metrics.messages.inc({ direction: 'out', kind: message?.kind ?? 'unknown', partner: entry.partnerCountry, outcome: result.payload.outcome });
      ctx.metrics.deliveryLatency.observe({ partner: entry.partnerCountry }, (now - entry.createdAt) / 1000);
    } else ctx.log.warn({ messageId: entry.messageId, partner: entry.partnerCountry, attempts: entry.attempts + 1, error: result.error, final: label === 'failed' }, 'delivery attempt failed');
  };

  const deliver = (entry: OutboxEntry): void => {
    inFlight++;
    const p: Promise<void> = (async () => {
      // Read once: the attempt sends its bytes, the bookkeeping needs its certificate and kind.
      const message = await ctx.store.messages.getOutbound(entry.messageId);
      await record(entry, message, await attempt(entry, message));
    })()
      .catch((err: unknown) => ctx.log.error({ err, messageId: entry.messageId }, 'delivery bookkeeping failed; the lease will expire and the entry be retried'))
      .finally(() => {
        inFlight--;
        settled.delete(p);
        pump();
      });
    settled.add(p);
  };

  const schedule = async (): Promise<void> => {
    if (stopped) return;
    clearTimeout(timer);
    const due = await ctx.store.outbox.nextDue().catch(() => undefined);
    if (stopped) return;
    // An entry that was already due at the last claim, with slots free, and yet not claimed waits
    // behind an earlier entry of its orderKey: the end of that delivery pumps again, so waking up
    // for it now would only poll the database in a busy loop.
    const blocked = due !== undefined && lastClaim.unfilled && due <= lastClaim.at;
    // Poll at least every second: other instances and expired leases are only seen by polling.
    const wait = due === undefined || blocked ? 1000 : Math.max(0, Math.min(1000, due - ctx.clock()));
    timer = setTimeout(pump, wait);
    timer.unref();
  };

  const pump = (): void => {
    if (stopped) return;
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    pumped = (async () => {
      try {
        do {
          again = false;
          const free = limit - inFlight;
          // Claim in batches, not one slot per finished delivery: each claim is a durable write.
          if (free <= 0 || (inFlight > 0 && free < claimBatch)) break;
          const at = ctx.clock();
          // Through the commit queue, so the claim shares its commit with the receipts being recorded.
          const entries = await ctx.commits.run((tx) => tx.outbox.claimDue(at, free, owner, ctx.config.delivery.leaseMs));
          lastClaim = { at, unfilled: entries.length < free };
          // Claimed while stopping: delivered all the same (stop waits for them), not left leased.
          for (const e of entries) deliver(e);
          if (entries.length === free) again = true;
        } while (again && !stopped);
      } catch (err) {
        ctx.log.error({ err }, 'claiming outbox entries failed; retrying shortly');
      } finally {
        pumping = false;
        // While deliveries are in flight their completions pump again; only an idle dispatcher
        // (or one whose last claim found less than it could take) needs a timer.
        if (lastClaim.unfilled || inFlight === 0) await schedule();
      }
    })();
  };

  return {
    wake: () => setImmediate(pump),
    start() {
      stopped = false;
      pump();
    },
    async stop(timeoutMs = 10_000) {
      stopped = true;
      clearTimeout(timer);
      // A claim in progress may still hand out entries: wait for it before collecting deliveries.
      await pumped;
      const all = Promise.allSettled([...settled]);
      await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    },
  };
}
