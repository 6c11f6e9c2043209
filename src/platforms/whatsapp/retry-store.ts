/**
 * What Baileys needs to answer a retry request for a message we sent (`Socket/messages-recv.js`,
 * sendMessagesAgain calls the socket config's `getMessage`): the message content, kept in SQLite
 * (`wa_sent_messages`) for a few days, and a `msgRetryCounterCache` (`Types/Socket.d.ts` CacheStore)
 * that is one object for the adapter's lifetime, so retry counts survive reconnects.
 */
import { proto, type CacheStore, type WAMessageKey } from '@whiskeysockets/baileys';
import { redactLoginLinks } from '../../core/login-link.js';
import type { Db } from '../../store/db.js';

/** How long sent messages are kept for retry requests. */
export const SENT_MESSAGE_KEEP_MS = 3 * 24 * 3_600_000;

/** A `sendMessage` result: the key and the content that went out. */
export interface SentWaMessage {
  key?: { remoteJid?: string | null; id?: string | null } | null;
  message?: proto.IMessage | null;
}

/** Stores a sent message's content by id (and prunes entries older than `SENT_MESSAGE_KEEP_MS`). */
export function rememberSent(db: Db, sent: unknown, now: number): void {
  const m = sent as SentWaMessage | undefined;
  const id = m?.key?.id;
  if (!id || !m.message) return;
  // A dashboard login link is kept without its token: a retry would resend the link dead, never leave it at rest.
  const json = redactLoginLinks(JSON.stringify(proto.Message.fromObject(m.message as Record<string, unknown>).toJSON()));
  db.prepare(`INSERT INTO wa_sent_messages (id, jid, message, sent_at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET message = excluded.message, sent_at = excluded.sent_at`).run(
    id,
    m.key?.remoteJid ?? '',
    json,
    now,
  );
  db.prepare(`DELETE FROM wa_sent_messages WHERE sent_at < ?`).run(now - SENT_MESSAGE_KEEP_MS);
}

/** Baileys' `getMessage`: the content of a message we sent, if still kept. */
export function sentMessageGetter(db: Db): (key: WAMessageKey) => Promise<proto.IMessage | undefined> {
  return async (key) => {
    if (!key?.id) return undefined;
    const r = db.prepare(`SELECT message FROM wa_sent_messages WHERE id = ?`).get(key.id) as { message: string } | undefined;
    return r ? proto.Message.fromObject(JSON.parse(r.message) as Record<string, unknown>) : undefined;
  };
}

/** A small in-memory CacheStore (retry counters), bounded in size, entries dropped after `ttlMs`. */
export class MemoryCacheStore implements CacheStore {
  private readonly m = new Map<string, { v: unknown; at: number }>();
  constructor(
    private readonly clock: () => number = Date.now,
    private readonly ttlMs = 60 * 60_000,
    private readonly max = 10_000,
  ) {}
  get<T>(key: string): T | undefined {
    const e = this.m.get(key);
    if (!e) return undefined;
    if (this.clock() - e.at > this.ttlMs) {
      this.m.delete(key);
      return undefined;
    }
    return e.v as T;
  }
  set<T>(key: string, value: T): void {
    this.m.delete(key);
    this.m.set(key, { v: value, at: this.clock() });
    if (this.m.size > this.max) this.m.delete(this.m.keys().next().value as string);
  }
  del(key: string): void {
    this.m.delete(key);
  }
  flushAll(): void {
    this.m.clear();
  }
}
