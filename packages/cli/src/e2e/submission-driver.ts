/**
 * The issuing system of the fault tests: submits certificates at a gateway's national API with
 * several requests in flight, each with an Idempotency-Key, and retries the same request (same key,
 * same body) on connection errors and 5xx answers, as a well-behaved client does while a gateway
 * restarts. What counts is what it was told: the 2xx answers (acknowledged submissions).
 */
import type { Submission } from './api-views.js';
import { testCertificate } from './e2e-certificates.js';
import type { TestGateway } from './e2e-network.js';
import type { Acknowledged } from './history-checker.js';

export interface DriverOptions {
  /** The gateway (or instances of it, used in turn) to submit at. */
  readonly targets: readonly TestGateway[];
  /** Certificates are numbered `<label>-1` to `<label>-<total>` (see testCertificate). */
  readonly label: string;
  readonly total: number;
  /** Requests in flight. */
  readonly concurrency: number;
  /** Give up on one certificate after this long without a 2xx (ms). */
  readonly giveUpMs?: number;
  /** Called after each acknowledgement with the count so far. */
  readonly onAcknowledged?: (count: number) => void;
  /** Stops submitting (a test that timed out, for instance); what is in flight ends first. */
  readonly signal?: AbortSignal;
}

export interface DriverResult {
  readonly acknowledged: Acknowledged[];
  /** Requests repeated after a connection error or a 5xx, by cause (error code or HTTP status). */
  readonly retries: ReadonlyMap<string, number>;
  /** Answers that are neither 2xx nor retryable (4xx): each one a bug in this scenario. */
  readonly refused: string[];
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function driveSubmissions(options: DriverOptions): Promise<DriverResult> {
  const acknowledged: Acknowledged[] = [];
  const retries = new Map<string, number>();
  const refused: string[] = [];
  const count = (cause: string): void => void retries.set(cause, (retries.get(cause) ?? 0) + 1);
  let next = 0;
  const submitOne = async (n: number): Promise<void> => {
    const doc = await testCertificate(options.label, n);
    const key = `${options.label}-${n}`;
    const deadline = Date.now() + (options.giveUpMs ?? 120_000);
    for (let attempt = 0; ; attempt++) {
      const target = options.targets[(n + attempt) % options.targets.length]!;
      try {
        const res = await target.apiCall('issuer', '/api/v1/certificates', { body: doc, headers: { 'idempotency-key': key }, timeoutMs: 15_000 });
        if (res.status === 200 || res.status === 202) {
          const s = res.json as Submission;
          acknowledged.push({ number: s.number, id: s.id, messageId: s.messageId });
          options.onAcknowledged?.(acknowledged.length);
          return;
        }
        if (res.status < 500) {
          refused.push(`${doc.header.number}: HTTP ${res.status} ${res.raw.toString('utf8').slice(0, 300)}`);
          return;
        }
        count(`HTTP ${res.status}`);
      } catch (err) {
        count((err as NodeJS.ErrnoException).code ?? (err as Error).message.replace(/^.*: /, ''));
      }
      if (options.signal?.aborted) return;
      if (Date.now() > deadline) {
        refused.push(`${doc.header.number}: no 2xx after ${attempt + 1} attempts`);
        return;
      }
      await pause(Math.min(500, 50 * (attempt + 1)));
    }
  };
  const worker = async (): Promise<void> => {
    while (next < options.total && !options.signal?.aborted) await submitOne(++next);
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { acknowledged, retries, refused };
}
