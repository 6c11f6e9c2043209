/**
 * The one way a row enters `events`: inserted under its dedupe key and chained (store/chain.ts) in
 * the same transaction, so every event, whoever records it, is covered by the hash chain.
 */
import { chainInserted } from './chain.js';
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

const writers = new WeakMap<Db, (e: EventInsert) => number | undefined>();

function writer(db: Db): (e: EventInsert) => number | undefined {
  let w = writers.get(db);
  if (!w) {
    const ins = db.prepare(
      `INSERT INTO events (platform, dedupe_key, kind, chat_id, message_id, payload, status, reason, occurred_at, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(dedupe_key) DO NOTHING`,
    );
    w = db.transaction((e: EventInsert): number | undefined => {
      const r = ins.run(e.platform, e.dedupeKey, e.kind, e.chatId, e.messageId, e.payload, e.status, e.reason, e.occurredAt, e.receivedAt);
      if (r.changes === 0) return undefined;
      const id = Number(r.lastInsertRowid);
      chainInserted(db, 'events', id);
      return id;
    });
    writers.set(db, w);
  }
  return w;
}

/** Records an event and chains it; undefined when its dedupe key is already there (a replay changes nothing). */
export function insertEvent(db: Db, e: EventInsert): number | undefined {
  return writer(db)(e);
}
