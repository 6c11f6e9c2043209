/**
 * WhatsApp pictures not yet answered (tables wa_pending_pictures, wa_album_headers): the pictures of a private album
 * being gathered, pictures a registered ASN sent with no LAPOR and that wait for a `LAPOR <text>`, and the headers of
 * albums (how many pictures they announced). The adapter gathers in memory (app/albums.ts) and writes here as each
 * picture arrives, so a crash or a restart loses none: at the next connection the albums are gathered again and
 * answered, and held pictures still join a LAPOR within their 10 minutes. Each picture keeps its message as
 * proto.WebMessageInfo JSON, because the event log keeps the text, not the media key and URL that Baileys'
 * downloadMediaMessage needs (lib/Utils/messages.js). A row goes as soon as its picture is answered.
 */
import type { Db } from './db.js';
import { prepared } from './statements.js';

/** One stored picture: its message JSON, who sent it, and since when it waits. */
export interface PendingPicture {
  chatJid: string;
  messageId: string;
  sender: string;
  albumId: string | null;
  message: string;
  at: number;
}

interface Row {
  chat_jid: string;
  message_id: string;
  sender: string;
  album_id: string | null;
  message: string;
  at: number;
}

const toPicture = (r: Row): PendingPicture => ({ chatJid: r.chat_jid, messageId: r.message_id, sender: r.sender, albumId: r.album_id, message: r.message, at: r.at });

/** The pending WhatsApp pictures and album headers. */
export class WaPendingPictures {
  constructor(private readonly db: Db) {}

  /** A picture of an album being gathered (kept once: a redelivered picture changes nothing). */
  addAlbumPicture(p: Omit<PendingPicture, 'albumId'> & { albumId: string }): void {
    prepared(this.db, `INSERT OR IGNORE INTO wa_pending_pictures (chat_jid, message_id, sender, state, album_id, message, at) VALUES (?, ?, ?, 'album', ?, ?, ?)`)
      .run(p.chatJid, p.messageId, p.sender, p.albumId, p.message, p.at);
  }

  /** An album's header: how many pictures it announced. */
  addHeader(chatJid: string, albumId: string, expected: number, at: number): void {
    if (!(expected > 0)) return;
    prepared(this.db, `INSERT INTO wa_album_headers (chat_jid, album_id, expected, at) VALUES (?, ?, ?, ?) ON CONFLICT(chat_jid, album_id) DO UPDATE SET expected = excluded.expected`)
      .run(chatJid, albumId, expected, at);
  }

  /** Every album still being gathered: its pictures in arrival order, and the count its header announced, if seen. */
  albums(): { chatJid: string; albumId: string; expected?: number; pictures: PendingPicture[] }[] {
    const rows = prepared(this.db, `SELECT chat_jid, message_id, sender, album_id, message, at FROM wa_pending_pictures WHERE state = 'album' ORDER BY rowid`).all() as Row[];
    const header = prepared(this.db, `SELECT expected FROM wa_album_headers WHERE chat_jid = ? AND album_id = ?`).pluck();
    const out = new Map<string, { chatJid: string; albumId: string; expected?: number; pictures: PendingPicture[] }>();
    for (const r of rows) {
      const k = `${r.chat_jid}\u0000${r.album_id ?? ''}`;
      let a = out.get(k);
      if (!a) {
        const expected = header.get(r.chat_jid, r.album_id) as number | undefined;
        a = { chatJid: r.chat_jid, albumId: r.album_id ?? '', ...(expected !== undefined ? { expected } : {}), pictures: [] };
        out.set(k, a);
      }
      a.pictures.push(toPicture(r));
    }
    return [...out.values()];
  }

  /** Album headers with no picture yet, announced since `since`; older ones are forgotten (their album never came). */
  headersWithoutPictures(since: number): { chatJid: string; albumId: string; expected: number }[] {
    prepared(this.db, `DELETE FROM wa_album_headers WHERE at < ? AND NOT EXISTS (SELECT 1 FROM wa_pending_pictures p WHERE p.chat_jid = wa_album_headers.chat_jid AND p.album_id = wa_album_headers.album_id)`)
      .run(since);
    return (prepared(this.db, `SELECT chat_jid, album_id, expected FROM wa_album_headers h WHERE NOT EXISTS (SELECT 1 FROM wa_pending_pictures p WHERE p.chat_jid = h.chat_jid AND p.album_id = h.album_id)`)
      .all() as { chat_jid: string; album_id: string; expected: number }[]).map((r) => ({ chatJid: r.chat_jid, albumId: r.album_id, expected: r.expected }));
  }

  /** An album was answered: its pictures and header go (pictures to hold for a LAPOR are written again by `hold`). */
  albumDone(chatJid: string, albumId: string): void {
    prepared(this.db, `DELETE FROM wa_pending_pictures WHERE chat_jid = ? AND album_id = ? AND state = 'album'`).run(chatJid, albumId);
    prepared(this.db, `DELETE FROM wa_album_headers WHERE chat_jid = ? AND album_id = ?`).run(chatJid, albumId);
  }

  /**
   * Holds a sender's pictures for a LAPOR typed after them, all from `at` (the last picture starts the wait again),
   * keeping the last `keep`. False when the sender had none held and `maxSenders` senders already have some.
   */
  hold(sender: string, pictures: readonly Omit<PendingPicture, 'sender' | 'at'>[], at: number, keep: number, maxSenders: number): boolean {
    return this.db.transaction((): boolean => {
      const has = prepared(this.db, `SELECT 1 FROM wa_pending_pictures WHERE state = 'held' AND sender = ? LIMIT 1`).pluck().get(sender) !== undefined;
      if (!has && (prepared(this.db, `SELECT COUNT(DISTINCT sender) FROM wa_pending_pictures WHERE state = 'held'`).pluck().get() as number) >= maxSenders) return false;
      const put = prepared(
        this.db,
        `INSERT INTO wa_pending_pictures (chat_jid, message_id, sender, state, album_id, message, at) VALUES (?, ?, ?, 'held', ?, ?, ?)
         ON CONFLICT(chat_jid, message_id) DO UPDATE SET sender = excluded.sender, state = 'held', album_id = excluded.album_id, message = excluded.message, at = excluded.at`,
      );
      for (const p of pictures) put.run(p.chatJid, p.messageId, sender, p.albumId, p.message, at);
      prepared(this.db, `UPDATE wa_pending_pictures SET at = ? WHERE state = 'held' AND sender = ?`).run(at, sender);
      // The newest `keep` (rowid: the order they were held in).
      prepared(this.db, `DELETE FROM wa_pending_pictures WHERE state = 'held' AND sender = ? AND rowid NOT IN (SELECT rowid FROM wa_pending_pictures WHERE state = 'held' AND sender = ? ORDER BY rowid DESC LIMIT ?)`)
        .run(sender, sender, keep);
      return true;
    })();
  }

  /** The pictures held for this sender, in the order they came, and since when (undefined when none). */
  held(sender: string): { pictures: PendingPicture[]; at: number } | undefined {
    const rows = prepared(this.db, `SELECT chat_jid, message_id, sender, album_id, message, at FROM wa_pending_pictures WHERE state = 'held' AND sender = ? ORDER BY rowid`).all(sender) as Row[];
    if (!rows.length) return undefined;
    return { pictures: rows.map(toPicture), at: Math.max(...rows.map((r) => r.at)) };
  }

  /** The held pictures of this sender go (a LAPOR took them, or their time passed). */
  release(sender: string): void {
    prepared(this.db, `DELETE FROM wa_pending_pictures WHERE state = 'held' AND sender = ?`).run(sender);
  }

  /** Held pictures that wait since `until` or longer go: nobody wrote LAPOR for them in time. Returns how many. */
  dropHeldUntil(until: number): number {
    return prepared(this.db, `DELETE FROM wa_pending_pictures WHERE state = 'held' AND at <= ?`).run(until).changes;
  }
}
