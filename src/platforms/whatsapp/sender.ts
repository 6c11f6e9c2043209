/**
 * Ban-safe sending on WhatsApp. Bursts of messages to people who never wrote
 * to the number ("reach-outs") get numbers restricted (error 463) or banned,
 * so: one queue, a random gap of WA_DM_GAP_MIN..MAX seconds between sends,
 * a daily cap on first-contact DMs (persisted, counted per day in
 * APP_TIMEZONE), warm contacts first, and after a restriction no more first
 * contacts until a Humas admin resumes them. Nothing here retries a 463.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { App } from '../../app/app.js';
import type { SendPolicy } from '../../app/dispatcher.js';
import type { Messenger, Outgoing, SendResult } from '../../app/ports.js';
import { humasAddresses, waAdminJid } from '../../app/recipients.js';
import type { Config } from '../../config.js';
import { whatsappTexts } from '../../core/messages/whatsapp.js';
import { formatDateTime, startOfZonedDay, zonedDay } from '../../core/time.js';
import type { Db } from '../../store/db.js';
import { kvDelete, kvGet, kvSet } from '../../store/kv.js';
import type { OutboxRow } from '../../store/outbox.js';

/** kv key: first contacts paused after a restriction (JSON `{ at, detail }`). */
export const WA_PAUSE_KEY = 'wa:first_contact_paused';
/** kv key: WhatsApp's reach-out time lock end (epoch ms). */
export const WA_REACHOUT_LOCK_KEY = 'wa:reachout_until';
/** kv key prefix: first-contact recipients per day (`wa:first_contacts:<YYYY-MM-DD>`, JSON array). */
export const WA_FIRST_CONTACT_PREFIX = 'wa:first_contacts:';

/** What the policy needs. */
export interface WhatsAppSendPolicyOptions {
  db: Db;
  config: Pick<Config, 'WA_DM_GAP_MIN_SECONDS' | 'WA_DM_GAP_MAX_SECONDS' | 'WA_FIRST_CONTACT_DAILY_CAP' | 'APP_TIMEZONE' | 'HUMAS_ADMINS'>;
  /** Injectable randomness for the gap (0..1). */
  rng?: () => number;
  /** Called once per restriction, after first contacts were paused. */
  onRestricted?: (row: OutboxRow, detail: string, now: number) => void;
}

/** Pacing and first-contact rules for the WhatsApp outbox rows. */
export class WhatsAppSendPolicy implements SendPolicy {
  private readonly rng: () => number;
  private lastSendAt: number | undefined;
  private gapMs: number;
  private readonly isContact;
  private readonly warmDue;

  constructor(private readonly o: WhatsAppSendPolicyOptions) {
    this.rng = o.rng ?? Math.random;
    this.gapMs = this.drawGap();
    // Survive restarts: the last send is in the outbox.
    const last = o.db.prepare(`SELECT MAX(sent_at) AS t FROM outbox WHERE platform = 'whatsapp' AND status = 'sent'`).get() as { t: number | null };
    this.lastSendAt = last.t ?? undefined;
    this.isContact = o.db.prepare(`SELECT 1 FROM wa_contacts WHERE jid = ?`).pluck();
    this.warmDue = o.db.prepare(
      `SELECT recipient, recipient_kind FROM outbox WHERE status = 'pending' AND platform = 'whatsapp' AND next_attempt_at <= ? AND id <> ? ORDER BY next_attempt_at, id LIMIT 200`,
    );
  }

  /** The gap drawn for the next send, ms (for tests and /status). */
  get currentGapMs(): number {
    return this.gapMs;
  }

  /** Whether `recipient` has written to the number (or is a configured Humas admin). */
  isWarm(recipient: string): boolean {
    if (this.isContact.get(recipient) !== undefined) return true;
    return this.o.config.HUMAS_ADMINS.some((a) => a.platform === 'whatsapp' && waAdminJid(a.id) === recipient);
  }

  /** A private message to someone who is not warm. */
  isFirstContact(row: Pick<OutboxRow, 'recipient' | 'recipientKind'>): boolean {
    return row.recipientKind === 'user' && !this.isWarm(row.recipient);
  }

  /** When first contacts may go again (epoch ms), Infinity while paused by a restriction, or 0 when open. */
  firstContactsBlockedUntil(now: number): number {
    if (kvGet(this.o.db, WA_PAUSE_KEY) !== undefined) return Infinity;
    const lock = Number(kvGet(this.o.db, WA_REACHOUT_LOCK_KEY) ?? 0);
    return lock > now ? lock : 0;
  }

  /** First-contact recipients already messaged on the day of `now`. */
  firstContactsToday(now: number): string[] {
    const raw = kvGet(this.o.db, this.dayKey(now));
    return raw ? (JSON.parse(raw) as string[]) : [];
  }

  /** Milliseconds until `row` may go. */
  delayFor(row: OutboxRow, now: number): number {
    if (this.isFirstContact(row)) {
      const blocked = this.firstContactsBlockedUntil(now);
      if (blocked === Infinity) return Infinity;
      if (blocked > now) return blocked - now;
      const today = this.firstContactsToday(now);
      if (!today.includes(row.recipient) && today.length >= this.o.config.WA_FIRST_CONTACT_DAILY_CAP) {
        return Math.max(1, this.nextDayStart(now) - now);
      }
    }
    if (this.lastSendAt !== undefined) {
      const wait = this.lastSendAt + this.gapMs - now;
      if (wait > 0) return wait;
    }
    // Warm contacts and group posts first: a cold row waits while a warm one is due.
    if (this.isFirstContact(row) && this.warmRowDue(row.id, now)) return 1000;
    return 0;
  }

  /** Books the send: next gap, the day's first-contact list, and a pause after a restriction. */
  afterSend(row: OutboxRow, result: SendResult, now: number): void {
    if (!result.ok && result.failure === 'bug') return; // nothing reached WhatsApp
    this.lastSendAt = now;
    this.gapMs = this.drawGap();
    if (result.ok && this.isFirstContact(row)) {
      const today = this.firstContactsToday(now);
      if (!today.includes(row.recipient)) kvSet(this.o.db, this.dayKey(now), JSON.stringify([...today, row.recipient]), now);
    }
    if (!result.ok && result.failure === 'restricted') {
      const already = kvGet(this.o.db, WA_PAUSE_KEY) !== undefined;
      kvSet(this.o.db, WA_PAUSE_KEY, JSON.stringify({ at: now, detail: result.detail }), now);
      if (!already) this.o.onRestricted?.(row, result.detail, now);
    }
  }

  /** WhatsApp's own reach-out time lock (`connection.update.reachoutTimeLock`): first contacts wait until it ends. */
  setReachoutLock(until: number | undefined, now: number): void {
    if (until && until > now) kvSet(this.o.db, WA_REACHOUT_LOCK_KEY, String(until), now);
    else kvDelete(this.o.db, WA_REACHOUT_LOCK_KEY);
  }

  /** Lifts the pause after a restriction (a Humas decision). */
  resumeFirstContacts(): void {
    kvDelete(this.o.db, WA_PAUSE_KEY);
  }

  private warmRowDue(exceptId: number, now: number): boolean {
    const rows = this.warmDue.all(now, exceptId) as { recipient: string; recipient_kind: 'user' | 'group' }[];
    return rows.some((r) => r.recipient_kind === 'group' || this.isWarm(r.recipient));
  }

  private drawGap(): number {
    const { WA_DM_GAP_MIN_SECONDS: min, WA_DM_GAP_MAX_SECONDS: max } = this.o.config;
    return Math.round((min + (max - min) * this.rng()) * 1000);
  }

  private dayKey(now: number): string {
    return `${WA_FIRST_CONTACT_PREFIX}${zonedDay(now, this.o.config.APP_TIMEZONE)}`;
  }

  private nextDayStart(now: number): number {
    const tz = this.o.config.APP_TIMEZONE;
    const todayStart = startOfZonedDay(zonedDay(now, tz), tz);
    return startOfZonedDay(zonedDay(todayStart + 36 * 3_600_000, tz), tz);
  }
}

/**
 * Tells Humas that WhatsApp restricted the number: on Telegram (the WhatsApp
 * admins cannot be reached from a restricted number), once per day.
 */
export function restrictedNotifier(app: App): (row: OutboxRow, detail: string, now: number) => void {
  return (_row, detail, now) => {
    const t = whatsappTexts(app.config.LANGUAGE);
    const lock = Number(kvGet(app.db, WA_REACHOUT_LOCK_KEY) ?? 0);
    const until = lock > now ? formatDateTime(lock, app.config.APP_TIMEZONE, app.config.LANGUAGE) : undefined;
    const day = zonedDay(now, app.config.APP_TIMEZONE);
    for (const a of humasAddresses(app.config.HUMAS_ADMINS).filter((h) => h.platform === 'telegram')) {
      app.monitor.outbox.enqueue(
        { dedupeKey: `wa:restricted:${day}:${a.recipient}`, platform: 'telegram', recipient: a.recipient, recipientKind: 'user', kind: 'wa_restricted', text: t.restricted({ detail, until }) },
        now,
      );
    }
    app.log.error({ detail }, 'WhatsApp restricted the number: first contacts paused');
    app.dispatcher.wake();
  };
}

/** The parts of a Baileys socket the messenger uses. */
export interface WaSender {
  sendMessage(jid: string, content: Record<string, unknown>): Promise<{ key?: { id?: string | null } } | undefined | unknown>;
}

/** Classifies a Baileys send error: 463 / restriction, rate limit, connection trouble, refusal, or our bug. */
export function classifySendError(err: unknown): Extract<SendResult, { ok: false }> {
  const e = (err ?? {}) as { message?: unknown; output?: { statusCode?: number }; data?: unknown; statusCode?: number; status?: number };
  const dataCode = typeof e.data === 'number' ? e.data : (e.data as { statusCode?: number; code?: number } | undefined)?.statusCode ?? (e.data as { code?: number } | undefined)?.code;
  const code = e.output?.statusCode ?? dataCode ?? e.statusCode ?? e.status;
  const msg = String(e.message ?? err);
  const detail = code ? `${code} ${msg}` : msg;
  if (code === 463 || /restrict|reachout|\b463\b/i.test(msg)) return { ok: false, failure: 'restricted', detail };
  if (code === 429 || /rate-overlimit|rate.?limit|too many/i.test(msg)) return { ok: false, failure: 'rate_limited', detail, retryAfterMs: 60_000 };
  if (code === 408 || code === 428 || code === 503 || code === 500 || /connection (closed|lost)|timed? ?out|not connected|ECONN|EPIPE|socket/i.test(msg)) {
    return { ok: false, failure: 'transient', detail };
  }
  if (code === 401 || code === 403 || /forbidden|not-authorized|not a participant/i.test(msg)) return { ok: false, failure: 'refused', detail };
  return { ok: false, failure: 'bug', detail };
}

const MIME: Record<string, string> = {
  '.csv': 'text/csv',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
};

/** Sends outbox rows over the socket currently connected (`getSocket` returns undefined while disconnected). */
export class WhatsAppMessenger implements Messenger {
  readonly platform = 'whatsapp' as const;
  constructor(private readonly getSocket: () => WaSender | undefined) {}

  /** Sends the text, then any files as documents; classifies failures. */
  async send(m: Outgoing): Promise<SendResult> {
    const sock = this.getSocket();
    if (!sock) return { ok: false, failure: 'transient', detail: 'WhatsApp not connected' };
    try {
      const sent = (await sock.sendMessage(m.recipient, { text: m.text })) as { key?: { id?: string | null } } | undefined;
      for (const f of m.payload.files ?? []) {
        await sock.sendMessage(m.recipient, {
          document: readFileSync(f.path),
          fileName: f.filename,
          mimetype: MIME[extname(f.filename).toLowerCase()] ?? 'application/octet-stream',
          caption: f.caption,
        });
      }
      return { ok: true, messageId: sent?.key?.id ?? undefined };
    } catch (err) {
      return classifySendError(err);
    }
  }
}
