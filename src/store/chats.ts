/** Chats the bot has seen, with their campaign status and why. */
import type { Platform } from '../core/ids.js';
import type { Db } from './db.js';
import { ScanStore } from './scans.js';
import type { Statement } from 'better-sqlite3';
import { prepared } from './statements.js';

/** Chats whose message counts one statement writes (see ChatStore.flushCounts). */
const COUNTS_PER_STATEMENT = 50;

/** Where a campaign status came from: the title/description score, the posts, or a Humas admin. */
export type CampaignSource = 'score' | 'content' | 'admin';

/** One chat row. */
export interface ChatRow {
  platform: Platform;
  chatId: string;
  title: string | null;
  description: string | null;
  campaign: boolean;
  campaignScore: number;
  campaignReason: string | null;
  campaignSource: CampaignSource;
  markedBy: string | null;
  botMember: boolean;
  /** Whether the bot is an administrator there (Telegram my_chat_member); null when not known. */
  botAdmin: boolean | null;
  remindersEnabled: boolean;
  lastReminderAt: number | null;
  messagesSeen: number;
  pilkadaPosts: number;
  firstSeenAt: number;
  updatedAt: number;
}

interface Raw {
  platform: Platform;
  chat_id: string;
  title: string | null;
  description: string | null;
  campaign: number;
  campaign_score: number;
  campaign_reason: string | null;
  campaign_source: CampaignSource;
  marked_by: string | null;
  bot_member: number;
  bot_admin: number | null;
  reminders_enabled: number;
  last_reminder_at: number | null;
  messages_seen: number;
  pilkada_posts: number;
  first_seen_at: number;
  updated_at: number;
}

/**
 * A chats row with its message counts, which live in chat_counts (a chat with no message counted yet has no row
 * there). Every read of a ChatRow goes through it; `WHERE` clauses name chats columns as `c.`.
 */
const SELECT_ROW = `SELECT c.*, coalesce(n.messages_seen, 0) AS messages_seen, coalesce(n.pilkada_posts, 0) AS pilkada_posts
  FROM chats c LEFT JOIN chat_counts n ON n.platform = c.platform AND n.chat_id = c.chat_id`;

const toRow = (r: Raw): ChatRow => ({
  platform: r.platform,
  chatId: r.chat_id,
  title: r.title,
  description: r.description,
  campaign: r.campaign === 1,
  campaignScore: r.campaign_score,
  campaignReason: r.campaign_reason,
  campaignSource: r.campaign_source,
  markedBy: r.marked_by,
  botMember: r.bot_member === 1,
  botAdmin: r.bot_admin === null ? null : r.bot_admin === 1,
  remindersEnabled: r.reminders_enabled === 1,
  lastReminderAt: r.last_reminder_at,
  messagesSeen: r.messages_seen,
  pilkadaPosts: r.pilkada_posts,
  firstSeenAt: r.first_seen_at,
  updatedAt: r.updated_at,
});

/** Reads and writes the chats table. */
export class ChatStore {
  /** Member scans; a chat that becomes a campaign group asks for one in the same transaction. */
  readonly scans: ScanStore;
  private readonly getStmt;
  private readonly touchStmt;
  constructor(private readonly db: Db) {
    this.scans = new ScanStore(db);
    this.getStmt = db.prepare(`${SELECT_ROW} WHERE c.platform = ? AND c.chat_id = ?`);
    this.touchStmt = db.prepare(
      `INSERT INTO chats (platform, chat_id, title, description, first_seen_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(platform, chat_id) DO UPDATE SET
         title = COALESCE(excluded.title, chats.title),
         description = COALESCE(excluded.description, chats.description),
         updated_at = excluded.updated_at`,
    );
  }

  /**
   * Rows read on the hot path (every message), cached until this store writes
   * them. Callers that roll back a transaction call `forget()`.
   */
  private readonly cache = new Map<Platform, Map<string, ChatRow>>();
  private cached = 0;

  /** One chat, or undefined. */
  get(platform: Platform, chatId: string): ChatRow | undefined {
    // Keyed per platform, then by the chat id itself: a joined key string would be built and hashed anew on every
    // call, and the monitor asks several times per event.
    let rows = this.cache.get(platform);
    const hit = rows?.get(chatId);
    if (hit) return hit;
    const r = this.getStmt.get(platform, chatId) as Raw | undefined;
    if (!r) return undefined;
    const row = toRow(r);
    if (this.cached >= 10_000) {
      this.cache.clear();
      this.cached = 0;
    }
    rows = this.cache.get(platform);
    if (!rows) this.cache.set(platform, (rows = new Map()));
    rows.set(chatId, row);
    this.cached++;
    return row;
  }

  /** Drops cached rows (all, or one chat) so the next read comes from the database. */
  forget(platform?: Platform, chatId?: string): void {
    if (platform && chatId) {
      this.flushCounts();
      if (this.cache.get(platform)?.delete(chatId)) this.cached--;
      return;
    }
    this.cache.clear();
    this.cached = 0;
    this.pendingCounts.clear();
  }

  /**
   * Creates the chat or refreshes its title/description; returns the row. Writes only when something changed.
   * `known` is the row as the caller just read it from this store, when it has it (saves a second lookup).
   */
  touch(platform: Platform, chatId: string, title: string | undefined, description: string | undefined, now: number, known = this.get(platform, chatId)): ChatRow {
    if (known && (title === undefined || title === known.title) && (description === undefined || description === known.description)) return known;
    this.touchStmt.run(platform, chatId, title ?? null, description ?? null, now, now);
    this.forget(platform, chatId);
    return this.get(platform, chatId)!;
  }

  /** Sets the campaign status unless a Humas admin decided it (admins win over automatic sources). */
  setCampaign(platform: Platform, chatId: string, v: { campaign: boolean; score?: number; reason: string; source: CampaignSource; by?: string }, now: number): void {
    const before = this.get(platform, chatId);
    prepared(
      this.db,
      `UPDATE chats SET campaign = ?, campaign_score = COALESCE(?, campaign_score), campaign_reason = ?, campaign_source = ?, marked_by = ?, updated_at = ?
       WHERE platform = ? AND chat_id = ? AND (campaign_source != 'admin' OR ? = 'admin')`,
    ).run(v.campaign ? 1 : 0, v.score ?? null, v.reason, v.source, v.by ?? null, now, platform, chatId, v.source);
    this.forget(platform, chatId);
    // It just became a campaign group: the ASN already inside are findings too.
    const after = this.get(platform, chatId);
    if (before && !before.campaign && before.botMember && after?.campaign) this.scans.request(platform, chatId, now);
    if (before?.campaign && after && !after.campaign) this.scans.cancel(platform, chatId);
  }

  /** Message counts not yet written, per platform and chat; written by `flushCounts()` before the transaction commits. */
  private readonly pendingCounts = new Map<Platform, Map<string, { messages: number; pilkada: number }>>();

  /** Counts a message, and a Pilkada post when it is one (in memory until `flushCounts()`); returns the chat's row, counted. */
  countMessage(platform: Platform, chatId: string, pilkada: boolean): ChatRow | undefined {
    let chats = this.pendingCounts.get(platform);
    if (!chats) this.pendingCounts.set(platform, (chats = new Map()));
    const p = chats.get(chatId);
    if (p) {
      p.messages++;
      if (pilkada) p.pilkada++;
    } else chats.set(chatId, { messages: 1, pilkada: pilkada ? 1 : 0 });
    const c = this.get(platform, chatId);
    if (c) {
      // The cached row is this store's own snapshot: bump it in place rather than copy it per message.
      c.messagesSeen++;
      if (pilkada) c.pilkadaPosts++;
    }
    return c;
  }

  /**
   * Writes pending message counts; call inside the transaction that counted them. Up to COUNTS_PER_STATEMENT chats
   * go in one upsert into chat_counts: a group commit of 100 events touches dozens of chats, and one statement
   * per chat cost more in statement overhead than in the rows it wrote (issue 20). The narrow WITHOUT ROWID table
   * takes one b-tree step and a short row per chat where the chats row took two steps and a rewrite of the whole
   * row: 50 chats of 50 known cost ~1/3 less CPU, of 1,000 known a third of it, and the pages written shrink alike.
   */
  flushCounts(): void {
    const args: (string | number)[] = [];
    let n = 0;
    for (const [platform, chats] of this.pendingCounts) {
      for (const [chatId, p] of chats) {
        args.push(platform, chatId, p.messages, p.pilkada);
        if (++n === COUNTS_PER_STATEMENT) {
          this.countStmt(n).run(args);
          args.length = 0;
          n = 0;
        }
      }
    }
    if (n) this.countStmt(n).run(args);
    this.pendingCounts.clear();
  }

  /** The statement adding the counts of `n` chats, prepared once per `n`. */
  private countStmt(n: number): Statement {
    let stmt = this.countStmts.get(n);
    if (!stmt) {
      stmt = this.db.prepare(
        `INSERT INTO chat_counts (platform, chat_id, messages_seen, pilkada_posts) VALUES ${Array.from({ length: n }, () => '(?, ?, ?, ?)').join(', ')}
         ON CONFLICT (platform, chat_id) DO UPDATE SET
           messages_seen = messages_seen + excluded.messages_seen, pilkada_posts = pilkada_posts + excluded.pilkada_posts`,
      );
      this.countStmts.set(n, stmt);
    }
    return stmt;
  }
  private readonly countStmts = new Map<number, Statement>();

  /** Records whether the bot is currently a member and, when the platform said, whether it is an administrator (leaving forgets it). */
  setBotMember(platform: Platform, chatId: string, member: boolean, now: number, admin?: boolean): void {
    if (!member) this.scans.cancel(platform, chatId);
    prepared(this.db, `UPDATE chats SET bot_member = ?, bot_admin = CASE WHEN ? = 0 THEN NULL ELSE COALESCE(?, bot_admin) END, updated_at = ? WHERE platform = ? AND chat_id = ?`).run(member ? 1 : 0, member ? 1 : 0, admin === undefined ? null : admin ? 1 : 0, now, platform, chatId);
    this.forget(platform, chatId);
  }

  /**
   * Records what getChatMember said about the bot itself in a group whose rights were unknown; a no-op when
   * something newer (a `my_chat_member` handled meanwhile) already recorded them. True when recorded.
   */
  learnBotRights(platform: Platform, chatId: string, inside: boolean, admin: boolean, now: number): boolean {
    const changed = this.db
      .prepare(`UPDATE chats SET bot_member = ?, bot_admin = ?, updated_at = ? WHERE platform = ? AND chat_id = ? AND bot_member = 1 AND bot_admin IS NULL`)
      .run(inside ? 1 : 0, inside ? (admin ? 1 : 0) : null, now, platform, chatId).changes === 1;
    if (changed && !inside) this.scans.cancel(platform, chatId);
    this.forget(platform, chatId);
    return changed;
  }

  /** Groups the bot is in whose admin rights were never recorded (joined before this was tracked). */
  withUnknownAdmin(platform: Platform): string[] {
    return this.db.prepare(`SELECT chat_id FROM chats WHERE platform = ? AND bot_member = 1 AND bot_admin IS NULL AND migrated_to IS NULL ORDER BY campaign DESC, chat_id`).pluck().all(platform) as string[];
  }

  /** Groups the bot is in without admin rights (known from the platform), for /status and the health line. */
  withoutAdmin(platform: Platform): ChatRow[] {
    return (this.db.prepare(`${SELECT_ROW} WHERE c.platform = ? AND c.bot_member = 1 AND c.bot_admin = 0 AND c.migrated_to IS NULL ORDER BY c.campaign DESC, c.title`).all(platform) as Raw[]).map(toRow);
  }

  /** Turns reminders for one group on or off. */
  setReminders(platform: Platform, chatId: string, enabled: boolean, now: number): boolean {
    this.forget(platform, chatId);
    return this.db.prepare(`UPDATE chats SET reminders_enabled = ?, updated_at = ? WHERE platform = ? AND chat_id = ?`).run(enabled ? 1 : 0, now, platform, chatId).changes === 1;
  }

  /** Notes when the last reminder was queued for a group. */
  setLastReminder(platform: Platform, chatId: string, at: number): void {
    prepared(this.db, `UPDATE chats SET last_reminder_at = ? WHERE platform = ? AND chat_id = ?`).run(at, platform, chatId);
    this.forget(platform, chatId);
  }

  /** Telegram group -> supergroup: moves the chat and everything that points at it to the new id. */
  migrate(platform: Platform, from: string, to: string, now: number): void {
    // Counts pending in this transaction are written first: the new id takes them over, and the `forget()` below, which
    // drops whatever is pending, lost them (every chat's, when a group commit held the migration among other messages).
    this.flushCounts();
    const old = this.get(platform, from);
    if (!old) return;
    if (!this.get(platform, to)) {
      this.db
        .prepare(
          `INSERT INTO chats (platform, chat_id, title, description, campaign, campaign_score, campaign_reason, campaign_source, marked_by, bot_member, bot_admin,
             reminders_enabled, last_reminder_at, first_seen_at, updated_at)
           SELECT platform, ?, title, description, campaign, campaign_score, campaign_reason, campaign_source, marked_by, bot_member, bot_admin,
             reminders_enabled, last_reminder_at, first_seen_at, ? FROM chats WHERE platform = ? AND chat_id = ?`,
        )
        .run(to, now, platform, from);
      this.db
        .prepare(`INSERT INTO chat_counts (platform, chat_id, messages_seen, pilkada_posts) SELECT platform, ?, messages_seen, pilkada_posts FROM chat_counts WHERE platform = ? AND chat_id = ?`)
        .run(to, platform, from);
    } else {
      // The new id was seen first (a message raced the migration): it inherits what Humas or the score decided for the old one.
      this.db
        .prepare(
          `UPDATE chats SET (campaign, campaign_score, campaign_reason, campaign_source, marked_by, reminders_enabled, last_reminder_at) =
             (SELECT campaign, campaign_score, campaign_reason, campaign_source, marked_by, reminders_enabled, last_reminder_at FROM chats WHERE platform = ? AND chat_id = ?),
             updated_at = ?
           WHERE platform = ? AND chat_id = ? AND campaign_source != 'admin'`,
        )
        .run(platform, from, now, platform, to);
    }
    this.db.prepare(`UPDATE incidents SET chat_id = ?, updated_at = ? WHERE platform = ? AND chat_id = ?`).run(to, now, platform, from);
    this.scans.retarget(platform, from, to);
    this.db.prepare(`UPDATE chats SET migrated_to = ?, bot_member = 0, updated_at = ? WHERE platform = ? AND chat_id = ?`).run(to, now, platform, from);
    this.forget();
  }

  /** Every chat, campaign groups first. */
  list(platform?: Platform): ChatRow[] {
    const rows = (platform
      ? this.db.prepare(`${SELECT_ROW} WHERE c.platform = ? AND c.migrated_to IS NULL ORDER BY c.campaign DESC, c.title`).all(platform)
      : this.db.prepare(`${SELECT_ROW} WHERE c.migrated_to IS NULL ORDER BY c.campaign DESC, c.platform, c.title`).all()) as Raw[];
    return rows.map(toRow);
  }

  /** Finds a chat by id or by (case-insensitive, partial) title, for admin commands. */
  find(query: string): ChatRow[] {
    const exact = this.db.prepare(`${SELECT_ROW} WHERE c.chat_id = ? AND c.migrated_to IS NULL`).all(query) as Raw[];
    if (exact.length) return exact.map(toRow);
    return (this.db.prepare(`${SELECT_ROW} WHERE c.migrated_to IS NULL AND c.title LIKE ? ESCAPE '\\' ORDER BY c.title LIMIT 10`).all(`%${query.replace(/[%_\\]/g, '\\$&')}%`) as Raw[]).map(toRow);
  }
}
