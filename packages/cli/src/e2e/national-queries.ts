/**
 * National API queries the end-to-end tests repeat: every certificate a gateway holds in one
 * direction (all pages), one certificate's view, and waiting until a submission is settled.
 */
import type { CertificatePage, CertificateSummary, CertificateView } from './api-views.js';
import type { TestGateway } from './e2e-network.js';
import { waitFor } from './wait-for.js';

/** Every certificate of one direction, newest first, following the pagination cursor. */
export async function allCertificates(g: TestGateway, direction: 'inbound' | 'outbound', number?: string): Promise<CertificateSummary[]> {
  const out: CertificateSummary[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ direction, limit: '200', ...(number ? { number } : {}), ...(cursor ? { cursor } : {}) });
    const page = await g.api<CertificatePage>('customs', `/api/v1/certificates?${query.toString()}`);
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}

export const certificateView = (g: TestGateway, id: string): Promise<CertificateView> => g.api<CertificateView>('issuer', `/api/v1/certificates/${id}`);

/** Waits until the outbound certificate `id` is no longer pending and returns its view. */
export function settled(g: TestGateway, id: string, timeoutMs = 30_000): Promise<CertificateView> {
  let last = 'no answer yet';
  return waitFor(
    () => `certificate ${id} at ${g.country} to leave pending (last: ${last})`,
    async () => {
      const view = await certificateView(g, id);
      last = `${view.certificate.status}, delivery ${JSON.stringify(view.delivery ?? null)}`;
      return view.certificate.status === 'pending' ? undefined : view;
    },
    timeoutMs,
  );
}
