/**
 * Everything a claim decision reads about a received certificate, loaded from the store: the row,
 * its items with what earlier claims used, the document, its profile, the replacement's number,
 * whether the signed message that carried it is kept as evidence, and which items retroactive
 * verification did not confirm.
 */
import type { EcoDocument, Profile } from '@originlink/dataset';
import type { CertificateItemRow, CertificateRow, Repositories, VerificationRow } from '@originlink/store';
import type { GatewayContext } from '../../gateway-context.js';

export interface ClaimSubject {
  readonly certificate: CertificateRow;
  readonly items: readonly CertificateItemRow[];
  readonly document: EcoDocument;
  readonly profile: Profile | undefined;
  /** For a replaced certificate: the replacement's number, when it was received here. */
  readonly replacementNumber: string | null;
  /** Whether the verified inbound message that carries the certificate is stored. */
  readonly evidence: boolean;
  /** Item numbers not confirmed by a partially-confirmed verification; 'all' when unreadable. */
  readonly notConfirmed: readonly number[] | 'all';
}

export async function loadClaimSubject(ctx: GatewayContext, certificate: CertificateRow, repos: Repositories = ctx.store): Promise<ClaimSubject> {
  const items = await repos.certificates.items(certificate.id);
  const replacement = certificate.replacedById ? await repos.certificates.get(certificate.replacedById) : undefined;
  const messages = await repos.messages.listForCertificate(certificate.id);
  const notConfirmed = certificate.verificationStatus === 'partially-confirmed' ? await notConfirmedItems(repos, certificate.id) : [];
  return {
    certificate,
    items,
    document: JSON.parse(certificate.document) as EcoDocument,
    profile: ctx.agreements.profiles.find((p) => p.id === certificate.profileId),
    replacementNumber: replacement?.number ?? null,
    evidence: messages.some((m) => m.direction === 'in' && m.id === certificate.messageId),
    notConfirmed,
  };
}

/**
 * The items the latest answered partially-confirmed verification leaves unconfirmed: those its
 * answer marks not confirmed, and those the request doubted that the answer does not confirm.
 */
async function notConfirmedItems(repos: Repositories, certificateId: string): Promise<readonly number[] | 'all'> {
  const answered = await repos.verifications.list({ certificateId, direction: 'outbound', state: 'answered' }, 20);
  const latest: VerificationRow | undefined = answered.find((v) => v.outcome === 'partially-confirmed');
  if (!latest?.response) return 'all';
  try {
    const items = (JSON.parse(latest.response) as { items?: unknown }).items;
    const doubted = JSON.parse(latest.itemNumbers) as unknown;
    if (!Array.isArray(items) || !Array.isArray(doubted)) return 'all';
    const answers = items as { itemNumber?: unknown; confirmed?: unknown }[];
    const confirmed = new Set(answers.filter((i) => i.confirmed === true).map((i) => i.itemNumber));
    const refused = answers.filter((i) => i.confirmed === false && typeof i.itemNumber === 'number').map((i) => i.itemNumber as number);
    const unanswered = doubted.filter((n): n is number => typeof n === 'number' && !confirmed.has(n));
    return [...new Set([...refused, ...unanswered])];
  } catch {
    // An answer we cannot read confirms nothing.
    return 'all';
  }
}
