/**
 * Pictures not yet answered, on both platforms (table pending_pictures; WhatsApp's album headers in wa_album_headers):
 * the pictures of a private album being gathered ('album'), and on WhatsApp pictures a registered ASN sent with no
 * LAPOR that wait for a `LAPOR <text>` ('held'). The adapters gather in memory (app/albums.ts) and write here as each
 * picture arrives, so a crash or a restart loses none: at the next connection the albums are gathered again and
 * answered, and held pictures still join a LAPOR within their 10 minutes. Each picture keeps its message as the
 * platform gave it, because the event log keeps the text, not what is needed to fetch the file again:
 * - WhatsApp: proto.WebMessageInfo JSON, the media key and URL Baileys' downloadMediaMessage needs (lib/Utils/messages.js);
 * - Telegram: the Bot API Message JSON, whose photo/document file_id getFile takes (a file_id stays valid for the bot)
 *   and whose caption may carry the /lapor.
 * A row goes as soon as its picture is answered; the retention job drops those that can no longer be finished.
 */
import type { Platform } from '../core/ids.js';
import type { Db } from './db.js';
import { prepared } from './statements.js';

/** One stored picture: its message JSON, who sent it, and since when it waits. */
export interface PendingPicture {
  chatId: string;
  messageId: string;
  sender: string;
  albumId: string | null;
  message: string;
  /** The message's event row (Telegram: the report links to it), when known. */
  eventId?: number;
  at: number;
}

interface Row {
  chat_id: string;
  message_id: string;
  sender: string;
  album_id: string | null;
  message: string;
  event_id: number | null;
  at: number;
}

const COLS = `chat_id, message_id, sender, album_id, message, event_id, at`;

const toPicture = (r: Row): PendingPicture => ({
  chatId: r.chat_id, messageId: r.message_id, sender: r.sender, albumId: r.album_id, message: r.message, ...(r.event_id !== null ? { eventId: r.event_id } : {}), at: r.at,
});

/** The pending pictures of one platform (and, on WhatsApp, its album headers). */
export class PendingPictures {
  constructor(
    private readonly db: Db,
    private readonly platform: Platform,
  ) {}

  /** A picture of an album being gathered (kept once: a redelivered picture changes nothing). */
  addAlbumPicture(p: Omit<PendingPicture, 'albumId'> & { albumId: string }): void {
    prepared(this.db, `INSERT OR IGNORE INTO pending_pictures (platform, chat_id, message_id, sender, state, album_id, message, event_id, at) VALUES (?, ?, ?, ?, 'album', ?, ?, ?, ?)`)
      .run(this.platform, p.chatId, p.messageId, p.sender, p.albumId, p.message, p.eventId ?? null, p.at);
  }

  /** Whether this message's album was answered (`albumDone` with `remember`): a redelivered message then changes nothing. */
  answered(chatId: string, messageId: string): boolean {
    return prepared(this.db, `SELECT 1 FROM pending_pictures WHERE platform = ? AND chat_id = ? AND message_id = ? AND state = 'done'`).pluck().get(this.platform, chatId, messageId) !== undefined;
  }

  /** WhatsApp: an album's header, how many pictures it announced. */
  addHeader(chatId: string, albumId: string, expected: number, at: number): void {
    if (!(expected > 0)) return;
    prepared(this.db, `INSERT INTO wa_album_headers (chat_jid, album_id, expected, at) VALUES (?, ?, ?, ?) ON CONFLICT(chat_jid, album_id) DO UPDATE SET expected = excluded.expected`)
      .run(chatId, albumId, expected, at);
  }

  /** Every album still being gathered: its pictures in arrival order, and the count its header announced, if seen (WhatsApp). */
  albums(): { chatId: string; albumId: string; expected?: number; pictures: PendingPicture[] }[] {
    const rows = prepared(this.db, `SELECT ${COLS} FROM pending_pictures WHERE platform = ? AND state = 'album' ORDER BY rowid`).all(this.platform) as Row[];
    const header = prepared(this.db, `SELECT expected FROM wa_album_headers WHERE chat_jid = ? AND album_id = ?`).pluck();
    const out = new Map<string, { chatId: string; albumId: string; expected?: number; pictures: PendingPicture[] }>();
    for (const r of rows) {
      const k = `${r.chat_id}\u0000${r.album_id ?? ''}`;
      let a = out.get(k);
      if (!a) {
        const expected = this.platform === 'whatsapp' ? (header.get(r.chat_id, r.album_id) as number | undefined) : undefined;
        a = { chatId: r.chat_id, albumId: r.album_id ?? '', ...(expected !== undefined ? { expected } : {}), pictures: [] };
        out.set(k, a);
      }
      a.pictures.push(toPicture(r));
    }
    return [...out.values()];
  }

  /** WhatsApp: album headers with no picture yet, announced since `since`; older ones are forgotten (their album never came). */
  headersWithoutPictures(since: number): { chatId: string; albumId: string; expected: number }[] {
    prepared(this.db, `DELETE FROM wa_album_headers WHERE at < ? AND NOT EXISTS (SELECT 1 FROM pending_pictures p WHERE p.platform = 'whatsapp' AND p.chat_id = wa_album_headers.chat_jid AND p.album_id = wa_album_headers.album_id)`)
      .run(since);
    return (prepared(this.db, `SELECT chat_jid, album_id, expected FROM wa_album_headers h WHERE NOT EXISTS (SELECT 1 FROM pending_pictures p WHERE p.platform = 'whatsapp' AND p.chat_id = h.chat_jid AND p.album_id = h.album_id)`)
      .all() as { chat_jid: string; album_id: string; expected: number }[]).map((r) => ({ chatId: r.chat_jid, albumId: r.album_id, expected: r.expected }));
  }

  /**
   * An album was answered: its pictures (and WhatsApp header) go (pictures to hold for a LAPOR are written again by
   * `hold`). With `remember` (Telegram) each message stays as 'done', its message blanked, from `at`: the retention
   * job drops it after DONE_KEPT_MS, by when the platform can no longer deliver it again.
   */
  albumDone(chatId: string, albumId: string, remember?: { at: number }): void {
    if (remember) {
      prepared(this.db, `UPDATE pending_pictures SET state = 'done', message = '', event_id = NULL, at = ? WHERE platform = ? AND chat_id = ? AND album_id = ? AND state = 'album'`)
        .run(remember.at, this.platform, chatId, albumId);
    } else prepared(this.db, `DELETE FROM pending_pictures WHERE platform = ? AND chat_id = ? AND album_id = ? AND state = 'album'`).run(this.platform, chatId, albumId);
    if (this.platform === 'whatsapp') prepared(this.db, `DELETE FROM wa_album_headers WHERE chat_jid = ? AND album_id = ?`).run(chatId, albumId);
  }

  /**
   * Holds a sender's pictures for a LAPOR typed after them, all from `at` (the last picture starts the wait again),
   * keeping the last `keep`. False when the sender had none held and `maxSenders` senders already have some.
   */
  hold(sender: string, pictures: readonly Omit<PendingPicture, 'sender' | 'at'>[], at: number, keep: number, maxSenders: number): boolean {
    return this.db.transaction((): boolean => {
      const has = prepared(this.db, `SELECT 1 FROM pending_pictures WHERE platform = ? AND state = 'held' AND sender = ? LIMIT 1`).pluck().get(this.platform, sender) !== undefined;
      if (!has && (prepared(this.db, `SELECT COUNT(DISTINCT sender) FROM pending_pictures WHERE platform = ? AND state = 'held'`).pluck().get(this.platform) as number) >= maxSenders) return false;
      const put = prepared(
        this.db,
        `INSERT INTO pending_pictures (platform, chat_id, message_id, sender, state, album_id, message, event_id, at) VALUES (?, ?, ?, ?, 'held', ?, ?, ?, ?)
         ON CONFLICT(platform, chat_id, message_id) DO UPDATE SET sender = excluded.sender, state = 'held', album_id = excluded.album_id, message = excluded.message, at = excluded.at`,
      );
      for (const p of pictures) put.run(this.platform, p.chatId, p.messageId, sender, p.albumId, p.message, p.eventId ?? null, at);
      prepared(this.db, `UPDATE pending_pictures SET at = ? WHERE platform = ? AND state = 'held' AND sender = ?`).run(at, this.platform, sender);
      // The newest `keep` (rowid: the order they were held in).
      prepared(
        this.db,
        `DELETE FROM pending_pictures WHERE platform = ? AND state = 'held' AND sender = ? AND rowid NOT IN (SELECT rowid FROM pending_pictures WHERE platform = ? AND state = 'held' AND sender = ? ORDER BY rowid DESC LIMIT ?)`,
      ).run(this.platform, sender, this.platform, sender, keep);
      return true;
    })();
  }

  /** The pictures held for this sender, in the order they came, and since when (undefined when none). */
  held(sender: string): { pictures: PendingPicture[]; at: number } | undefined {
    const rows = prepared(this.db, `SELECT ${COLS} FROM pending_pictures WHERE platform = ? AND state = 'held' AND sender = ? ORDER BY rowid`).all(this.platform, sender) as Row[];
    if (!rows.length) return undefined;
    return { pictures: rows.map(toPicture), at: Math.max(...rows.map((r) => r.at)) };
  }

  /** The held pictures of this sender go (a LAPOR took them, or their time passed). */
  release(sender: string): void {
    prepared(this.db, `DELETE FROM pending_pictures WHERE platform = ? AND state = 'held' AND sender = ?`).run(this.platform, sender);
  }

  /** Held pictures that wait since `until` or longer go: nobody wrote LAPOR for them in time. Returns how many. */
  dropHeldUntil(until: number): number {
    return prepared(this.db, `DELETE FROM pending_pictures WHERE platform = ? AND state = 'held' AND at <= ?`).run(this.platform, until).changes;
  }
}

/**
 * How long an answered album's messages are remembered ('done'): Telegram keeps an update it could not deliver for
 * 24 hours at most (Bot API, getUpdates), so none comes again after that.
 */
export const DONE_KEPT_MS = 24 * 3_600_000;

/** What `dropUnfinishable` removed. */
export interface DroppedPending {
  /** Held pictures (WhatsApp) past their wait for a LAPOR. */
  held: number;
  /** Pictures of albums never answered, long past their gathering window. */
  albumPictures: number;
  /** WhatsApp album headers long past their window. */
  headers: number;
  /** Answered albums' messages remembered longer than DONE_KEPT_MS. */
  done: number;
}

/**
 * The retention job's part: rows that can no longer be finished go, on both platforms, whether or not the bot ever
 * connects again (they hold media keys, URLs, file ids and captions: personal data). Held pictures waiting since
 * `heldBefore` or longer (their LAPOR window passed: a LAPOR now would not take them), and album pictures and headers
 * older than `albumsBefore` (an album is answered within its window once the bot is connected; one still here that
 * long after is one the bot will never finish), and answered albums' messages remembered since before `doneBefore`.
 */
export function dropUnfinishable(db: Db, heldBefore: number, albumsBefore: number, doneBefore: number): DroppedPending {
  return db.transaction((): DroppedPending => ({
    held: prepared(db, `DELETE FROM pending_pictures WHERE state = 'held' AND at <= ?`).run(heldBefore).changes,
    albumPictures: prepared(db, `DELETE FROM pending_pictures WHERE state = 'album' AND at < ?`).run(albumsBefore).changes,
    headers: prepared(db, `DELETE FROM wa_album_headers WHERE at < ?`).run(albumsBefore).changes,
    done: prepared(db, `DELETE FROM pending_pictures WHERE state = 'done' AND at < ?`).run(doneBefore).changes,
  }))();
}
