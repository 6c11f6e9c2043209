/**
 * The one way a row enters `events`: inserted under its dedupe key and chained (store/chain.ts) in
 * the same statement (its hashes computed as it is inserted), so every event, whoever records it, is covered by the hash chain.
 */
import { insertChained } from './chain.js';
import type { Db } from './db.js';

/** One event row as recorded. */
export interface EventInsert {
  platform: string;
  dedupeKey: string;
  kind: string;
  chatId: string | null;
  messageId: string | null;
  payload: string;
  status: 'processed' | 'rejected';
  reason: string | null;
  occurredAt: number | null;
  receivedAt: number;
}

const COLUMNS = ['platform', 'dedupe_key', 'kind', 'chat_id', 'message_id', 'payload', 'status', 'reason', 'occurred_at', 'received_at'] as const;

/** Records an event and chains it; undefined when its dedupe key is already there (a replay changes nothing). */
export function insertEvent(db: Db, e: EventInsert): number | undefined {
  return insertChained(
    db, 'events', COLUMNS,
    [e.platform, e.dedupeKey, e.kind, e.chatId, e.messageId, e.payload, e.status, e.reason, e.occurredAt, e.receivedAt],
    'ON CONFLICT(dedupe_key) DO NOTHING',
  );
}
