/**
 * The outbox: every message the bot will ever send, written in the same
 * transaction as the event that caused it and drained by the dispatcher.
 * Dedupe keys make enqueueing idempotent.
 */
import { redactLoginLinks } from '../core/login-link.js';
import { prepared } from './statements.js';
import type { Platform } from '../core/ids.js';
import { priorityOf, type Priority } from '../core/priority.js';
import type { Db } from './db.js';

/** Message statuses: `sending` marks a claim, reset to `pending` after a crash. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'undeliverable';

/** Optional extras: inline buttons and files. */
export interface OutboxPayload {
  buttons?: { text: string; data: string }[][];
  /** Ask the user for their phone number (Telegram request_contact keyboard). */
  requestContact?: string;
  files?: { path: string; filename: string; caption?: string }[];
  /** WhatsApp: this DM goes to someone who never wrote to the number. */
  firstContact?: boolean;
  /** Reply in a chat (commands), for routing and rate limits. */
  replyTo?: string;
  /** Telegram forum topic to post in (`message_thread_id`): the topic of the message this answers. */
  threadId?: string;
}

/** What a message is: where it goes and what it says (shared by queued rows and deliveries). */
export interface OutboxMessage {
  platform: Platform;
  recipient: string;
  recipientKind: 'user' | 'group';
  kind: string;
  text: string;
  payload: OutboxPayload;
}

/** A row of the outbox as the dispatcher sees it. */
export interface OutboxRow extends OutboxMessage {
  id: number;
  dedupeKey: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  incidentId: number | null;
  createdAt: number;
  sentAt: number | null;
  /** Class of the message (0 alerts, 1 follow-ups and reminders, 2 replies): lower goes first. */
  priority: Priority;
  /** Parts of a long message already delivered (a retry resumes after them). */
  partsSent: number;
  /** Set when the stored payload cannot be read: the row is not sent, it fails with this reason. */
  payloadError?: string;
}

/** What a caller provides to enqueue one message. */
export interface NewOutboxMessage extends Omit<OutboxMessage, 'payload'> {
  dedupeKey: string;
  payload?: OutboxPayload;
  incidentId?: number;
  /** Not before this time (quiet hours, follow-up schedules). */
  notBefore?: number;
  /** Born undeliverable (no known address), with the reason. */
  undeliverable?: string;
}

interface RawRow {
  id: number;
  dedupe_key: string;
  platform: Platform;
  recipient: string;
  recipient_kind: 'user' | 'group';
  kind: string;
  text: string;
  payload: string | null;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  incident_id: number | null;
  created_at: number;
  sent_at: number | null;
  priority: Priority;
  parts_sent: number;
}

/** Reads a stored payload; a row whose payload is not what this program wrote says why instead of throwing. */
export function readPayload(raw: string | null): { payload: OutboxPayload; error?: string } {
  if (raw === null || raw === '') return { payload: {} };
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch (err) {
    return { payload: {}, error: `payload is not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { payload: {}, error: 'payload is not a JSON object' };
  const p = v as Record<string, unknown>;
  const isStr = (x: unknown): x is string => typeof x === 'string';
  if (p['buttons'] !== undefined && !(Array.isArray(p['buttons']) && p['buttons'].every((r) => Array.isArray(r) && r.every((b) => isStr(b?.text) && isStr(b?.data))))) {
    return { payload: {}, error: 'payload.buttons is malformed' };
  }
  if (p['files'] !== undefined && !(Array.isArray(p['files']) && p['files'].every((f) => isStr(f?.path) && isStr(f?.filename)))) {
    return { payload: {}, error: 'payload.files is malformed' };
  }
  for (const k of ['requestContact', 'replyTo'] as const) if (p[k] !== undefined && !isStr(p[k])) return { payload: {}, error: `payload.${k} is not text` };
  return { payload: p as OutboxPayload };
}

const toRow = (r: RawRow): OutboxRow => {
  const { payload, error } = readPayload(r.payload);
  return {
    id: r.id,
    dedupeKey: r.dedupe_key,
    platform: r.platform,
    recipient: r.recipient,
    recipientKind: r.recipient_kind,
    kind: r.kind,
    text: r.text,
    payload,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    incidentId: r.incident_id,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    priority: r.priority,
    partsSent: r.parts_sent,
    ...(error !== undefined ? { payloadError: error } : {}),
  };
};

/** Row ids stay far below this; `priority * PRIORITY_SPAN + id` orders by class, then age, in one MIN(). */
const PRIORITY_SPAN = 1_000_000_000_000_000;

/** Prepared statements over the outbox table. */
export class OutboxStore {
  private readonly insert;
  private readonly due;
  private readonly claimStmt;
  private readonly getStmt;
  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      `INSERT INTO outbox (dedupe_key, platform, recipient, recipient_kind, kind, text, payload, status, next_attempt_at, last_error, incident_id, created_at, priority, finished_at)
       VALUES (@dedupeKey, @platform, @recipient, @recipientKind, @kind, @text, @payload, @status, @nextAttemptAt, @lastError, @incidentId, @now, @priority,
               CASE WHEN @status = 'undeliverable' THEN @now END)
       ON CONFLICT(dedupe_key) DO NOTHING`,
    );
    // One due row per recipient, the most urgent and then the oldest: one busy chat (Humas during a burst, a
    // stranger flooding the bot) cannot hold the others back. Then alerts before follow-ups before replies
    // (core/priority.ts), so an alert never waits behind a queue of answers. Within a class, on WhatsApp,
    // group posts and people who wrote to the number first (wa_contacts: warm contacts) come first, so a page
    // full of first contacts waiting for the daily cap never hides them; then oldest first.
    // A page holds up to `limit` rows of each class and warmth, so first contacts held back by the daily cap
    // never fill it and hide what could go.
    this.due = db.prepare(
      `WITH heads AS (
         SELECT o.*, (@platform = 'whatsapp' AND (o.recipient_kind = 'group' OR EXISTS (SELECT 1 FROM wa_contacts c WHERE c.jid = o.recipient))) AS warm
           FROM outbox o
           JOIN (SELECT MIN(priority * ${PRIORITY_SPAN} + id) AS k FROM outbox
                  WHERE status = 'pending' AND platform = @platform AND next_attempt_at <= @now GROUP BY recipient) h ON o.id = h.k % ${PRIORITY_SPAN}),
       ranked AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY priority, warm ORDER BY next_attempt_at, id) AS rn FROM heads)
       SELECT * FROM ranked WHERE rn <= @limit ORDER BY priority, warm DESC, next_attempt_at, id`,
    );
    this.claimStmt = db.prepare(`UPDATE outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ? AND status = 'pending'`);
    this.getStmt = db.prepare(`SELECT * FROM outbox WHERE id = ?`);
  }

  /** Rows added by this store since it was created; lets callers notice that something was queued. */
  enqueued = 0;

  /** Adds a message unless one with the same dedupe key exists; returns its id when new. */
  enqueue(m: NewOutboxMessage, now: number): number | undefined {
    const r = this.insert.run({
      dedupeKey: m.dedupeKey,
      platform: m.platform,
      recipient: m.recipient,
      recipientKind: m.recipientKind,
      kind: m.kind,
      text: m.text,
      payload: m.payload && Object.keys(m.payload).length ? JSON.stringify(m.payload) : null,
      status: m.undeliverable ? 'undeliverable' : 'pending',
      nextAttemptAt: Math.max(now, m.notBefore ?? now),
      lastError: m.undeliverable ?? null,
      incidentId: m.incidentId ?? null,
      priority: priorityOf(m.kind),
      now,
    });
    if (!r.changes) return undefined;
    this.enqueued++;
    return Number(r.lastInsertRowid);
  }

  /**
   * Ties a message that speaks of several cases to each of them (`outbox_cases`; its `incident_id` is the first): a
   * grouped follow-up, escalation or thank-you, a Humas summary of one ASN's groups. Run in the enqueue's transaction.
   */
  tie(outboxId: number, caseIds: readonly number[]): void {
    const ins = prepared(this.db, `INSERT OR IGNORE INTO outbox_cases (outbox_id, incident_id) VALUES (?, ?)`);
    for (const id of caseIds) ins.run(outboxId, id);
  }

  /** The cases a message was tied to (`tie`), in case order; empty for a message of one case. */
  casesOf(outboxId: number): number[] {
    return prepared(this.db, `SELECT incident_id FROM outbox_cases WHERE outbox_id = ? ORDER BY incident_id`).pluck().all(outboxId) as number[];
  }

  /** Runs `fn` in one transaction (a row's new status and the messages it causes commit together). */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** When the latest message of this kind to this recipient was queued (a hint is not repeated too soon), or undefined. */
  lastQueued(platform: Platform, recipient: string, kind: string): number | undefined {
    const r = this.db.prepare(`SELECT MAX(created_at) AS at FROM outbox WHERE platform = ? AND recipient = ? AND kind = ?`).get(platform, recipient, kind) as { at: number | null };
    return r.at ?? undefined;
  }

  /** How many messages of this kind were queued to groups of a platform since `since` (index outbox_group_kind_created). */
  queuedToGroupsSince(platform: Platform, kind: string, since: number): number {
    return this.db.prepare(`SELECT COUNT(*) FROM outbox WHERE platform = ? AND kind = ? AND recipient_kind = 'group' AND created_at > ?`).pluck().get(platform, kind, since) as number;
  }

  /** Whether a message with this dedupe key was ever queued. */
  has(dedupeKey: string): boolean {
    return this.db.prepare(`SELECT 1 FROM outbox WHERE dedupe_key = ?`).get(dedupeKey) !== undefined;
  }

  /**
   * Pending messages of a platform due at `now`: the most urgent, then oldest, row of each recipient; alerts first;
   * on WhatsApp groups and warm contacts first within a class; then oldest first. Up to `limit` rows per class and warmth.
   */
  dueFor(platform: Platform, now: number, limit = 100): OutboxRow[] {
    return (this.due.all({ platform, now, limit }) as RawRow[]).map(toRow);
  }

  /** Marks a row as being sent; false if someone else took it. */
  claim(id: number): boolean {
    return this.claimStmt.run(id).changes === 1;
  }

  /** One row by id. */
  get(id: number): OutboxRow | undefined {
    const r = this.getStmt.get(id) as RawRow | undefined;
    return r && toRow(r);
  }

  /** Paths of the files attached to messages not delivered yet (pending or being sent): not to be pruned. */
  undeliveredFiles(): Set<string> {
    const rows = this.db
      .prepare(
        `SELECT DISTINCT json_extract(f.value, '$.path') AS path
           FROM outbox o, json_each(CASE WHEN json_valid(o.payload) THEN o.payload ELSE '{}' END, '$.files') f
          WHERE o.status IN ('pending','sending') AND o.payload LIKE '%"files"%'`,
      )
      .pluck()
      .all() as unknown[];
    return new Set(rows.filter((p): p is string => typeof p === 'string'));
  }

  /** Records that the first `n` parts of a long message were delivered (a retry or a restart resumes after them). */
  setPartsSent(id: number, n: number): void {
    this.db.prepare(`UPDATE outbox SET parts_sent = ? WHERE id = ?`).run(n, id);
  }

  /** Records a successful send, with the platform's id of the message when it gave one. */
  markSent(id: number, now: number, platformMessageId?: string): void {
    this.db
      .prepare(`UPDATE outbox SET status = 'sent', sent_at = ?, finished_at = ?, last_error = NULL, platform_message_id = COALESCE(?, platform_message_id) WHERE id = ?`)
      .run(now, now, platformMessageId ?? null, id);
    this.forgetLoginToken(id);
  }

  /** A finished message that carried a dashboard login link keeps the link without its token (it lives on in the chat only). */
  private forgetLoginToken(id: number): void {
    const text = this.db.prepare(`SELECT text FROM outbox WHERE id = ? AND text LIKE '%/masuk?t=%'`).pluck().get(id) as string | undefined;
    if (text !== undefined) this.db.prepare(`UPDATE outbox SET text = ? WHERE id = ?`).run(redactLoginLinks(text), id);
  }

  /** Records the platform's id of one delivered part of a message sent in several (`byPlatformMessageId` finds the row by any part). */
  notePart(id: number, platform: Platform, platformMessageId: string): void {
    prepared(this.db, `INSERT OR IGNORE INTO outbox_parts (platform, platform_message_id, outbox_id) VALUES (?, ?, ?)`).run(platform, platformMessageId, id);
  }

  /**
   * The row a platform message id was sent for (a delivery ack, a retry request or a reply names only that id): any
   * part of a message sent in several (`notePart`), else the id the row was marked sent with. `recipient` narrows it to
   * the rows sent to that chat: Telegram numbers messages per chat (Message.message_id, "unique inside this chat").
   */
  byPlatformMessageId(platform: Platform, platformMessageId: string, recipient?: string): OutboxRow | undefined {
    const r = prepared(
      this.db,
      `SELECT * FROM outbox WHERE id = COALESCE(
         (SELECT p.outbox_id FROM outbox_parts p JOIN outbox o ON o.id = p.outbox_id
           WHERE p.platform = @platform AND p.platform_message_id = @id AND (@recipient IS NULL OR o.recipient = @recipient)
           ORDER BY p.outbox_id DESC LIMIT 1),
         (SELECT id FROM outbox WHERE platform = @platform AND platform_message_id = @id AND (@recipient IS NULL OR recipient = @recipient)
           ORDER BY id DESC LIMIT 1))`,
    ).get({ platform, id: platformMessageId, recipient: recipient ?? null }) as RawRow | undefined;
    return r && toRow(r);
  }

  /**
   * A message the platform accepted and refused afterwards (a WhatsApp error ack): sent becomes undeliverable; true
   * when it changed. So does a message sent in several whose early parts went and which waits to be retried for a
   * later part (its remaining parts would only follow a refused beginning). A row still being sent (the ack of an
   * early part came before the last part went) keeps the refusal until the dispatcher settles it
   * ({@link refusalWhileSending}); false then.
   */
  refusedAfterSend(id: number, error: string, now: number): boolean {
    if (
      this.db
        .prepare(`UPDATE outbox SET status = 'undeliverable', last_error = ?, finished_at = ? WHERE id = ? AND (status = 'sent' OR (status = 'pending' AND parts_sent > 0))`)
        .run(error, now, id).changes === 1
    ) return true;
    this.db.prepare(`UPDATE outbox SET refused_while_sending = COALESCE(refused_while_sending, ?) WHERE id = ? AND status = 'sending'`).run(error, id);
    return false;
  }

  /** The refusal an error ack brought while the row was being sent (the first one), if any. */
  refusalWhileSending(id: number): string | undefined {
    return (prepared(this.db, `SELECT refused_while_sending FROM outbox WHERE id = ?`).pluck().get(id) as string | null | undefined) ?? undefined;
  }

  /** Puts a claimed row back without counting the attempt: nothing left (the connection was not open). */
  release(id: number, at: number, error: string): void {
    this.db.prepare(`UPDATE outbox SET status = 'pending', attempts = MAX(0, attempts - 1), next_attempt_at = ?, last_error = ? WHERE id = ?`).run(at, error, id);
  }

  /** Puts a claimed row back in the queue for `at`, with the error that delayed it. */
  retryAt(id: number, at: number, error: string, recipient?: string): void {
    this.db
      .prepare(`UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ?, recipient = COALESCE(?, recipient) WHERE id = ?`)
      .run(at, error, recipient ?? null, id);
  }

  /** Ends a row without sending: `failed` (gave up) or `undeliverable` (refused by the platform), and when. */
  finish(id: number, status: 'failed' | 'undeliverable', error: string, now: number): void {
    this.db.prepare(`UPDATE outbox SET status = ?, last_error = ?, finished_at = ? WHERE id = ?`).run(status, error, now, id);
    this.forgetLoginToken(id);
  }

  /** After a crash: rows claimed but never settled go back to pending. Returns how many. */
  recoverInFlight(): number {
    return this.db.prepare(`UPDATE outbox SET status = 'pending' WHERE status = 'sending'`).run().changes;
  }

  /** Rewrites the recipient of unsent group messages after a Telegram group migration. */
  retarget(platform: Platform, from: string, to: string): number {
    return this.db
      .prepare(`UPDATE outbox SET recipient = ? WHERE platform = ? AND recipient = ? AND status IN ('pending','sending')`)
      .run(to, platform, from).changes;
  }

  /** Count of messages by status, for /status and health lines. */
  depth(): Record<OutboxStatus, number> {
    const out: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, undeliverable: 0 };
    for (const r of this.db.prepare(`SELECT status, COUNT(*) AS n FROM outbox GROUP BY status`).all() as { status: OutboxStatus; n: number }[]) {
      out[r.status] = r.n;
    }
    return out;
  }

  /** Earliest next attempt among pending rows of a platform, for the dispatcher's sleep. */
  nextDue(platform: Platform): number | undefined {
    const r = this.db.prepare(`SELECT MIN(next_attempt_at) AS t FROM outbox WHERE status = 'pending' AND platform = ?`).get(platform) as { t: number | null };
    return r.t ?? undefined;
  }
}
