/** Protocol messages with their exact bytes; the primary key is (direction, sender, id). */
import type { MessageKind } from '@originlink/protocol';
import type { Selectable } from 'kysely';
import type { MessageDirection, MessageRepo, MessageRow } from '../repos/message-repo.js';
import type { MessagesTable } from '../schema/database.js';
import { executeCached, insertRow, type Db } from './kysely-helpers.js';

function toRow(r: Selectable<MessagesTable>): MessageRow {
  return {
    id: r.id, direction: r.direction as MessageDirection, kind: r.kind as MessageKind,
    senderCountry: r.sender_country, senderGateway: r.sender_gateway,
    receiverCountry: r.receiver_country, receiverGateway: r.receiver_gateway, agreement: r.agreement,
    refersTo: r.refers_to, certificateId: r.certificate_id, raw: r.raw, digest: r.digest,
    createdAt: r.created_at, storedAt: r.stored_at,
  };
}

export class KyselyMessageRepo implements MessageRepo {
  constructor(private readonly db: Db) {}

  async insert(m: MessageRow): Promise<void> {
    await insertRow(this.db, 'messages', {
      direction: m.direction, sender_country: m.senderCountry, sender_gateway: m.senderGateway, id: m.id,
      kind: m.kind, receiver_country: m.receiverCountry, receiver_gateway: m.receiverGateway,
      agreement: m.agreement, refers_to: m.refersTo, certificate_id: m.certificateId, digest: m.digest,
      created_at: m.createdAt, stored_at: m.storedAt, raw: m.raw,
    });
  }

  async get(direction: MessageDirection, senderCountry: string, senderGateway: string, id: string): Promise<MessageRow | undefined> {
    const row = await this.db.selectFrom('messages').selectAll()
      .where('direction', '=', direction).where('sender_country', '=', senderCountry)
      .where('sender_gateway', '=', senderGateway).where('id', '=', id).executeTakeFirst();
    return row && toRow(row);
  }

  async getOutbound(id: string): Promise<MessageRow | undefined> {
    const { rows } = await executeCached<Selectable<MessagesTable>>(this.db, 'messages:getOutbound', [id, 'out'], () =>
      this.db.selectFrom('messages').selectAll().where('id', '=', id).where('direction', '=', 'out').compile());
    return rows[0] && toRow(rows[0]);
  }

  async listForCertificate(certificateId: string): Promise<readonly MessageRow[]> {
    const rows = await this.db.selectFrom('messages').selectAll()
      .where('certificate_id', '=', certificateId).orderBy('stored_at').orderBy('id').execute();
    return rows.map(toRow);
  }

  async count(direction: MessageDirection): Promise<number> {
    const row = await this.db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('direction', '=', direction).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
