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
import { StepSender, type SendStep } from '../../app/steps.js';
import { humasAddresses, waAdminJid } from '../../app/recipients.js';
import type { Config } from '../../config.js';
import { whatsappTexts } from '../../core/messages/whatsapp.js';
import { splitMessage } from '../../core/text/split.js';
import { formatDateTime, startOfZonedDay, zonedDay } from '../../core/time.js';
import type { Db } from '../../store/db.js';
import { kvDelete, kvGet, kvSet } from '../../store/kv.js';
import type { OutboxRow } from '../../store/outbox.js';

/** kv key: first contacts paused after a restriction (JSON `{ at, detail }`). */
export const WA_PAUSE_KEY = 'wa:first_contact_paused';
/** kv key: WhatsApp's reach-out time lock end (epoch ms). */
export const WA_REACHOUT_LOCK_KEY = 'wa:reachout_until';
/** kv key: end of WhatsApp's new-chat message cap cycle while it says CAPPED (epoch ms; `fetchNewChatMessageCap`, `message-capping.update`). */
export const WA_NEW_CHAT_CAP_KEY = 'wa:new_chat_capped_until';
/** kv key prefix: first-contact recipients per day (`wa:first_contacts:<YYYY-MM-DD>`, JSON array). */
export const WA_FIRST_CONTACT_PREFIX = 'wa:first_contacts:';

/** What the policy needs. */
export interface WhatsAppSendPolicyOptions {
  db: Db;
  config: Pick<Config, 'WA_DM_GAP_MIN_SECONDS' | 'WA_DM_GAP_MAX_SECONDS' | 'WA_FIRST_CONTACT_DAILY_CAP' | 'APP_TIMEZONE' | 'HUMAS_ADMINS'>;
  /** Injectable randomness for the gap (0..1). */
  rng?: () => number;
  /** Whether the connection is open; while it is not, nothing is tried (no attempt is spent). Default: always. */
  isConnected?: () => boolean;
  /** Called once per restriction, after first contacts were paused. */
  onRestricted?: (row: OutboxRow | undefined, detail: string, now: number) => void;
  /** Called whenever a first contact is considered, to tell Humas who the daily cap holds back (see beyond-cap.ts). */
  onFirstContactDue?: (policy: WhatsAppSendPolicy, now: number) => void;
}

/** Pacing and first-contact rules for the WhatsApp outbox rows. */
export class WhatsAppSendPolicy implements SendPolicy {
  private readonly rng: () => number;
  private lastSendAt: number | undefined;
  private gapMs: number;
  private readonly isContact;

  constructor(private readonly o: WhatsAppSendPolicyOptions) {
    this.rng = o.rng ?? Math.random;
    this.gapMs = this.drawGap();
    // Survive restarts: the last send is in the outbox.
    const last = o.db.prepare(`SELECT MAX(sent_at) AS t FROM outbox WHERE platform = 'whatsapp' AND status = 'sent'`).get() as { t: number | null };
    this.lastSendAt = last.t ?? undefined;
    this.isContact = o.db.prepare(`SELECT 1 FROM wa_contacts WHERE jid = ?`).pluck();
    // Humas admins count as warm; listing them as contacts lets the outbox put their messages first too.
    const addContact = o.db.prepare(`INSERT OR IGNORE INTO wa_contacts (jid, first_inbound_at, last_inbound_at) VALUES (?, 0, 0)`);
    for (const a of o.config.HUMAS_ADMINS) if (a.platform === 'whatsapp') addContact.run(waAdminJid(a.id));
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
    const lock = Number(kvGet(this.o.db, WA_REACHOUT_LOCK_KEY) ?? 0);
    const pause = kvGet(this.o.db, WA_PAUSE_KEY);
    if (pause !== undefined) {
      // WhatsApp said how long the restriction lasts (a reach-out lock reported after the pause): it ends with it.
      const pausedAt = (JSON.parse(pause) as { at: number }).at;
      if (!(lock > pausedAt && lock <= now)) return lock > now ? Math.max(lock, now + 1) : Infinity;
      this.resumeFirstContacts();
      kvDelete(this.o.db, WA_REACHOUT_LOCK_KEY);
      return this.capUntil(now);
    }
    return Math.max(lock > now ? lock : 0, this.capUntil(now));
  }

  /** End of the new-chat cap cycle while WhatsApp says CAPPED, else 0. */
  private capUntil(now: number): number {
    const cap = Number(kvGet(this.o.db, WA_NEW_CHAT_CAP_KEY) ?? 0);
    return cap > now ? cap : 0;
  }

  /**
   * WhatsApp's new-chat message cap (`fetchNewChatMessageCap` / `message-capping.update`, `Types/State.d.ts`
   * NewChatMessageCapInfo): while `capping_status` is CAPPED, or the quota is used up, first contacts wait
   * for the end of the cycle (`cycle_end_timestamp`, seconds).
   */
  setNewChatCap(info: { capping_status?: string; total_quota?: number; used_quota?: number; cycle_end_timestamp?: string } | undefined, now: number): void {
    this.state = undefined;
    const end = Number(info?.cycle_end_timestamp ?? 0) * 1000;
    const full = info?.capping_status === 'CAPPED' || (typeof info?.total_quota === 'number' && typeof info.used_quota === 'number' && info.total_quota > 0 && info.used_quota >= info.total_quota);
    if (full && end > now) kvSet(this.o.db, WA_NEW_CHAT_CAP_KEY, String(end), now);
    else if (info) kvDelete(this.o.db, WA_NEW_CHAT_CAP_KEY);
  }

  /** First-contact recipients already messaged on the day of `now`. */
  firstContactsToday(now: number): string[] {
    const raw = kvGet(this.o.db, this.dayKey(now));
    return raw ? (JSON.parse(raw) as string[]) : [];
  }

  /** First-contact state read once per instant: the dispatcher asks about a whole page of rows at the same `now`. */
  private state: { now: number; blocked: number; today: Set<string> } | undefined;

  private firstContactState(now: number): { blocked: number; today: Set<string> } {
    if (this.state?.now !== now) this.state = { now, blocked: this.firstContactsBlockedUntil(now), today: new Set(this.firstContactsToday(now)) };
    return this.state;
  }

  /** Milliseconds until `row` may go. */
  delayFor(row: OutboxRow, now: number): number {
    if (this.o.isConnected && !this.o.isConnected()) return Infinity; // the adapter wakes the dispatcher when it opens
    if (this.isFirstContact(row)) {
      this.o.onFirstContactDue?.(this, now);
      const { blocked, today } = this.firstContactState(now);
      if (blocked === Infinity) return Infinity;
      if (blocked > now) return blocked - now;
      if (!today.has(row.recipient) && today.size >= this.o.config.WA_FIRST_CONTACT_DAILY_CAP) {
        return Math.max(1, this.nextDayStart(now) - now);
      }
    }
    if (this.lastSendAt !== undefined) {
      const wait = this.lastSendAt + this.gapMs - now;
      if (wait > 0) return wait;
    }
    // Warm contacts and group posts go first because the outbox hands them over first (see OutboxStore.dueFor).
    return 0;
  }

  /** Books the send: next gap, the day's first-contact list, and a pause after a restriction. */
  afterSend(row: OutboxRow, result: SendResult, now: number): void {
    this.state = undefined;
    if (!result.ok && (result.failure === 'bug' || result.failure === 'offline')) return; // nothing reached WhatsApp
    this.lastSendAt = now;
    this.gapMs = this.drawGap();
    if (result.ok && this.isFirstContact(row)) {
      const today = this.firstContactsToday(now);
      if (!today.includes(row.recipient)) kvSet(this.o.db, this.dayKey(now), JSON.stringify([...today, row.recipient]), now);
    }
    if (!result.ok && result.failure === 'restricted') this.restrict(row, result.detail, now);
  }

  /**
   * WhatsApp refused a message after `sendMessage` resolved: a 463 (or reach-out time lock) ack
   * (`messages.update` status ERROR, `Socket/messages-recv.js` handleBadAck). The message never
   * arrived, so it no longer counts as one of the day's first contacts; first contacts pause.
   * `row` is undefined when the ack names a message the outbox does not know.
   */
  restrictedAck(row: OutboxRow | undefined, detail: string, now: number): void {
    this.state = undefined;
    if (row && row.recipientKind === 'user') {
      const day = row.sentAt ?? now;
      const list = this.firstContactsToday(day);
      if (list.includes(row.recipient)) kvSet(this.o.db, this.dayKey(day), JSON.stringify(list.filter((j) => j !== row.recipient)), now);
    }
    this.restrict(row, detail, now);
  }

  /** Pauses first contacts; Humas is told once per pause. */
  private restrict(row: OutboxRow | undefined, detail: string, now: number): void {
    const already = kvGet(this.o.db, WA_PAUSE_KEY) !== undefined;
    kvSet(this.o.db, WA_PAUSE_KEY, JSON.stringify({ at: now, detail }), now);
    if (!already) this.o.onRestricted?.(row, detail, now);
  }

  /** WhatsApp's own reach-out time lock (`connection.update.reachoutTimeLock`): first contacts wait until it ends. */
  setReachoutLock(until: number | undefined, now: number): void {
    this.state = undefined;
    if (until && until > now) {
      kvSet(this.o.db, WA_REACHOUT_LOCK_KEY, String(until), now);
      return;
    }
    const hadLock = kvGet(this.o.db, WA_REACHOUT_LOCK_KEY) !== undefined;
    if (kvGet(this.o.db, WA_PAUSE_KEY) === undefined) {
      kvDelete(this.o.db, WA_REACHOUT_LOCK_KEY);
      return;
    }
    // Paused after a 463. WhatsApp lifting a lock it had reported ends the pause (`Socket/messages-recv.js`,
    // handleReachoutTimelockNotification: is_active false); "no lock" with none reported before is no lift:
    // the 463 had another cause, and a person decides (/wa_lanjut).
    if (hadLock) {
      kvDelete(this.o.db, WA_REACHOUT_LOCK_KEY);
      this.resumeFirstContacts();
    }
  }

  /**
   * Lifts the pause after a restriction (a Humas decision: /wa_lanjut, or the reported lock ended).
   * WhatsApp's own reach-out lock is not ours to lift: first contacts still wait for it to end.
   */
  resumeFirstContacts(): void {
    this.state = undefined;
    kvDelete(this.o.db, WA_PAUSE_KEY);
  }

  /** Whether first contacts are paused after a restriction. */
  get paused(): boolean {
    return kvGet(this.o.db, WA_PAUSE_KEY) !== undefined;
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
 * Tells Humas that WhatsApp restricted the number, once per day: on Telegram,
 * and on WhatsApp too (admins are warm contacts, which a restriction on
 * reach-outs still allows), so a WhatsApp-only deployment hears of it.
 */
export function restrictedNotifier(app: App): (row: OutboxRow | undefined, detail: string, now: number) => void {
  return (row, detail, now) => {
    const t = whatsappTexts(app.config.LANGUAGE);
    const lock = Number(kvGet(app.db, WA_REACHOUT_LOCK_KEY) ?? 0);
    const until = lock > now ? formatDateTime(lock, app.config.APP_TIMEZONE, app.config.LANGUAGE) : undefined;
    const day = zonedDay(now, app.config.APP_TIMEZONE);
    // Not to a Humas admin whose own chat was just refused (nor one whose last message was): another refused reach-out.
    // With nobody left, the error log below and /status say it (the refused admin's message is in the audit log).
    const to = row ? app.humasNoticeAddresses({ platform: 'whatsapp', recipient: row.recipient }) : humasAddresses(app.config.HUMAS_ADMINS);
    for (const a of to) {
      app.monitor.outbox.enqueue(
        { dedupeKey: `wa:restricted:${day}:${a.recipient}`, platform: a.platform, recipient: a.recipient, recipientKind: 'user', kind: 'wa_restricted', text: t.restricted({ detail, until }) },
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
  // Socket/socket.js sendRawMessage throws Boom 428 "Connection Closed" before writing when the websocket is not open.
  if (code === 428 && /connection closed/i.test(msg)) return { ok: false, failure: 'offline', detail, retryAfterMs: 5000 };
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
  /**
   * `onSent` receives each `sendMessage` result (kept for Baileys' `getMessage`). `ackWindow` runs before each later
   * part of a message sent in several: `sendMessage` resolves once the stanza is written (Socket/messages-send.js) and
   * WhatsApp's refusal comes after, as an error ack (Socket/messages-recv.js handleBadAck), so the next part waits
   * for it briefly (the adapter's partAckWaitMs) and is not sent when the earlier part was refused.
   */
  constructor(
    private readonly getSocket: () => WaSender | undefined,
    private readonly onSent?: (sent: unknown) => void,
    private readonly ackWindow?: () => Promise<void>,
  ) {}

  private async sendOne(sock: WaSender, jid: string, content: Record<string, unknown>): Promise<string | undefined> {
    const r = await sock.sendMessage(jid, content);
    try {
      this.onSent?.(r);
    } catch {
      // keeping a copy for retries must never fail the send
    }
    return (r as { key?: { id?: string | null } } | undefined)?.key?.id ?? undefined;
  }

  /** Resumes a text+files message after its last delivered part when retried. */
  private readonly parts = new StepSender();

  /** Sends the text (in parts under the length limit, in order), then any files as documents; classifies failures. */
  async send(m: Outgoing): Promise<SendResult> {
    const sock = this.getSocket();
    if (!sock) return { ok: false, failure: 'offline', detail: 'WhatsApp not connected', retryAfterMs: 5000 };
    const steps: SendStep[] = [
      ...splitMessage(m.text).map((text) => () => this.sendOne(sock, m.recipient, { text })),
      // Each file is a message of its own with its own key id, which a reply to the file quotes (contextInfo.stanzaId).
      ...(m.payload.files ?? []).map((f) => () =>
        this.sendOne(sock, m.recipient, {
          document: readFileSync(f.path),
          fileName: f.filename,
          mimetype: MIME[extname(f.filename).toLowerCase()] ?? 'application/octet-stream',
          caption: f.caption,
        }),
      ),
    ];
    return this.parts.run(m, steps, classifySendError, this.ackWindow);
  }
}
