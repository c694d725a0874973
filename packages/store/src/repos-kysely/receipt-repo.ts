/** Signed receipts, received ('in') and issued ('out'), with their exact bytes. */
import type { Selectable } from 'kysely';
import type { MessageDirection } from '../repos/message-repo.js';
import type { ReceiptRepo, ReceiptRow } from '../repos/receipt-repo.js';
import type { ReceiptsTable } from '../schema/database.js';
import { insertRow, type Db } from './kysely-helpers.js';

function toRow(r: Selectable<ReceiptsTable>): ReceiptRow {
  return {
    messageId: r.message_id, direction: r.direction as MessageDirection, peerCountry: r.peer_country,
    peerGateway: r.peer_gateway, receiptId: r.receipt_id, outcome: r.outcome as ReceiptRow['outcome'],
    issues: r.issues, raw: r.raw, receivedDigest: r.received_digest, createdAt: r.created_at,
  };
}

export class KyselyReceiptRepo implements ReceiptRepo {
  constructor(private readonly db: Db) {}

  async insert(r: ReceiptRow): Promise<void> {
    await insertRow(this.db, 'receipts', {
      direction: r.direction, peer_country: r.peerCountry, peer_gateway: r.peerGateway, message_id: r.messageId,
      receipt_id: r.receiptId, outcome: r.outcome, issues: r.issues, received_digest: r.receivedDigest,
      created_at: r.createdAt, raw: r.raw,
    });
  }

  async getIssued(peerCountry: string, peerGateway: string, messageId: string): Promise<ReceiptRow | undefined> {
    const row = await this.db.selectFrom('receipts').selectAll().where('direction', '=', 'out')
      .where('peer_country', '=', peerCountry).where('peer_gateway', '=', peerGateway)
      .where('message_id', '=', messageId).executeTakeFirst();
    return row && toRow(row);
  }

  async getReceived(messageId: string): Promise<ReceiptRow | undefined> {
    const row = await this.db.selectFrom('receipts').selectAll().where('message_id', '=', messageId)
      .where('direction', '=', 'in').orderBy('created_at').limit(1).executeTakeFirst();
    return row && toRow(row);
  }
}
