/** Utilisation notices received for our certificates (exporting side), oldest first per certificate. */
import type { UtilisationRepo, UtilisationRow } from '../repos/utilisation-repo.js';
import type { Db } from './kysely-helpers.js';

export class KyselyUtilisationRepo implements UtilisationRepo {
  constructor(private readonly db: Db) {}

  async insert(u: UtilisationRow): Promise<void> {
    await this.db.insertInto('utilisations').values({
      id: u.id, certificate_id: u.certificateId, message_id: u.messageId, partner_country: u.partnerCountry,
      declaration_reference: u.declarationReference, decision: u.decision, items: u.items,
      decided_at: u.decidedAt, received_at: u.receivedAt,
    }).execute();
  }

  async listForCertificate(certificateId: string): Promise<readonly UtilisationRow[]> {
    const rows = await this.db.selectFrom('utilisations').selectAll().where('certificate_id', '=', certificateId)
      .orderBy('received_at').orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id, certificateId: r.certificate_id, messageId: r.message_id, partnerCountry: r.partner_country,
      declarationReference: r.declaration_reference, decision: r.decision as UtilisationRow['decision'], items: r.items,
      decidedAt: r.decided_at, receivedAt: r.received_at,
    }));
  }
}
