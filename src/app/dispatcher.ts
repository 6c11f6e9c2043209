/**
 * The dispatcher drains the outbox through the platform messengers. It owns
 * pacing (per platform policy), retries and the handling of every failure
 * kind; nothing else in the program sends.
 */
import type { Platform } from '../core/ids.js';
import type { OutboxRow, OutboxStore } from '../store/outbox.js';
import type { Messenger, SendResult } from './ports.js';

/**
 * Pacing for one platform: how long to wait before this row may go, and
 * bookkeeping after a send. Telegram and WhatsApp each bring their own.
 */
export interface SendPolicy {
  /** Milliseconds to wait before sending `row` at `now`; 0 means go. Infinity means not now (e.g. paused). */
  delayFor(row: OutboxRow, now: number): number;
  /** Called after every attempt with its result. */
  afterSend(row: OutboxRow, result: SendResult, now: number): void;
}

/** A policy that never waits, for replay and tests. */
export const NO_PACING: SendPolicy = { delayFor: () => 0, afterSend: () => {} };

/** What the dispatcher does when a row cannot be delivered (tell Humas) or is restricted. */
export interface DispatchHooks {
  onUndeliverable?(row: OutboxRow, detail: string, now: number): void;
  onRestricted?(row: OutboxRow, detail: string, now: number): void;
  onMigrated?(platform: Platform, from: string, to: string, now: number): void;
  onSent?(row: OutboxRow, now: number): void;
  /** A row whose stored payload cannot be read was marked failed (called in the same transaction). */
  onUnreadable?(row: OutboxRow, reason: string, now: number): void;
  /** Before each drain: queue messages that were held until now (mass-event summaries). */
  release?(now: number): void;
  /** When `release` has something to do next (epoch ms), so the loop wakes for it. */
  nextRelease?(): number | undefined;
}

/** Dispatcher construction options. */
export interface DispatcherOptions {
  outbox: OutboxStore;
  messengers: Messenger[];
  policies?: Partial<Record<Platform, SendPolicy>>;
  clock?: () => number;
  hooks?: DispatchHooks;
  /** Give up on transient failures after this many attempts (the row becomes `undeliverable` and Humas is told). */
  maxAttempts?: number;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
}

/** Exponential backoff for transient failures: 2 s, 4 s, ... capped at 10 min, with jitter. */
export function backoffMs(attempts: number, rand = Math.random): number {
  const base = Math.min(600_000, 1000 * 2 ** Math.max(1, attempts));
  return Math.round(base * (0.75 + rand() * 0.5));
}

/**
 * One platform's drain loop: its own cycle, timer, pacing wait and wake, so a slow send on one platform (a WhatsApp
 * message in several parts waits for each part's ack) never holds another's (an ASN's Telegram alert).
 */
interface Lane {
  readonly platform: Platform;
  draining: Promise<number> | undefined;
  /** Go round again once the current round ends (something was queued, or the platform came back). */
  again: boolean;
  timer: NodeJS.Timeout | undefined;
  /** Ends the lane's pacing wait early (wake, stop). */
  wakeSleeper: (() => void) | undefined;
  /** Earliest time a row held back by pacing may go, from the last drain. */
  heldUntil: number;
}

/**
 * Drains the outbox. `drainOnce` for tests and replay; `start` for the long-running bot. Each platform has a lane of
 * its own; what the outbox guarantees holds per lane as before (a recipient is on one platform, so its order, retries,
 * pacing and the WhatsApp daily cap are one lane's), and rows are claimed and settled one by one in SQLite either way.
 */
export class Dispatcher {
  private readonly clock: () => number;
  private readonly maxAttempts: number;
  private running = false;
  private readonly lanes = new Map<Platform, Lane>();

  constructor(private readonly o: DispatcherOptions) {
    this.clock = o.clock ?? Date.now;
    this.maxAttempts = o.maxAttempts ?? 20;
  }

  /** Adds a platform's messenger (and its pacing) once its adapter is connected. */
  register(m: Messenger, policy?: SendPolicy): void {
    this.o.messengers = [...this.o.messengers.filter((x) => x.platform !== m.platform), m];
    if (policy) this.o.policies = { ...this.o.policies, [m.platform]: policy };
    this.wake();
  }

  private lane(platform: Platform): Lane {
    let lane = this.lanes.get(platform);
    if (!lane) {
      lane = { platform, draining: undefined, again: false, timer: undefined, wakeSleeper: undefined, heldUntil: Infinity };
      this.lanes.set(platform, lane);
    }
    return lane;
  }

  /** Sends everything due now, every platform's lane in parallel; resolves with the number of attempts. */
  async drainOnce(): Promise<number> {
    // Held messages are released once for all lanes (and with no messenger yet, as before lanes existed).
    this.release();
    const counts = await Promise.all(this.o.messengers.map((m) => this.drainLane(this.lane(m.platform), true)));
    return counts.reduce((a, b) => a + b, 0);
  }

  /**
   * One lane's drain, releasing held messages before each round (`released`: the caller just did for the first);
   * a lane already draining goes round again instead and this resolves with its rounds.
   */
  private drainLane(lane: Lane, released = false): Promise<number> {
    if (lane.draining) {
      lane.again = true;
      return lane.draining;
    }
    lane.draining = (async () => {
      let total = 0;
      let release = !released;
      do {
        lane.again = false;
        if (release) this.release();
        release = true;
        // The lane's messenger may have been replaced (register) between two rounds.
        const m = this.o.messengers.find((x) => x.platform === lane.platform);
        if (!m) break;
        total += await this.drainPlatform(m, lane);
      } while (lane.again);
      return total;
    })().finally(() => {
      lane.draining = undefined;
    });
    return lane.draining;
  }

  /** Queues held messages that are due (the release hook); what it queues for another lane wakes that lane. */
  private release(): void {
    const before = this.o.outbox.enqueued;
    try {
      this.o.hooks?.release?.(this.clock());
    } catch (err) {
      this.o.log?.('releasing held messages failed', { err: String(err) });
    }
    if (this.o.outbox.enqueued !== before) this.wake();
  }

  /** Starts the background loop: each lane drains, then sleeps until its next row is due or `wake()` is called. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.o.outbox.recoverInFlight();
    for (const m of this.o.messengers) this.schedule(this.lane(m.platform), 0);
  }

  /** New rows were queued: every lane drains soon, cutting short a pacing wait that may be holding other chats back. */
  wake(): void {
    if (!this.running) return;
    for (const m of this.o.messengers) {
      const lane = this.lane(m.platform);
      // A drain in progress goes round again, so what was queued meanwhile is looked at once the send in flight ends.
      if (lane.draining) lane.again = true;
      lane.wakeSleeper?.();
      this.schedule(lane, 0);
    }
  }

  /** Stops the loop and waits for every lane's in-flight drain. */
  async stop(): Promise<void> {
    this.running = false;
    for (const lane of this.lanes.values()) {
      lane.wakeSleeper?.();
      if (lane.timer) clearTimeout(lane.timer);
      lane.timer = undefined;
    }
    await Promise.all([...this.lanes.values()].map((l) => l.draining));
  }

  /** Waits inside a lane's drain for pacing; `wake()` and `stop()` end the wait at once. */
  private pause(lane: Lane, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      lane.wakeSleeper = done;
      function done() {
        clearTimeout(t);
        if (lane.wakeSleeper === done) lane.wakeSleeper = undefined;
        resolve();
      }
    });
  }

  private schedule(lane: Lane, ms: number): void {
    if (!this.running) return;
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = setTimeout(() => void this.tick(lane), Math.max(0, Math.min(ms, 60_000)));
    lane.timer.unref?.();
  }

  private async tick(lane: Lane): Promise<void> {
    lane.timer = undefined;
    try {
      await this.drainLane(lane);
    } catch (err) {
      this.o.log?.('dispatcher drain failed', { platform: lane.platform, err: String(err) });
    }
    if (!this.running) return;
    // Another tick was scheduled meanwhile (a wake during the drain): it goes instead.
    if (lane.timer) return;
    const now = this.clock();
    const due = this.o.outbox.nextDue(lane.platform) ?? Infinity;
    // Due now: held back by pacing (wait for it), or it became due after the drain looked (go again).
    const rowAt = due > now ? due : Number.isFinite(lane.heldUntil) ? lane.heldUntil : now;
    const at = Math.min(this.o.hooks?.nextRelease?.() ?? Infinity, rowAt);
    this.schedule(lane, Number.isFinite(at) ? Math.max(50, at - now) : 60_000);
  }

  private async drainPlatform(m: Messenger, lane: Lane): Promise<number> {
    const policy = this.o.policies?.[m.platform] ?? NO_PACING;
    let attempts = 0;
    lane.heldUntil = Infinity;
    for (;;) {
      const now = this.clock();
      const rows = this.o.outbox.dueFor(m.platform, now, 200);
      if (!rows.length) return attempts;
      const queued = this.o.outbox.enqueued;
      let progressed = false;
      let minWait = Infinity;
      for (const row of rows) {
        // Something was queued while this page was being sent: look again, it may be an alert that goes first.
        if (progressed && this.o.outbox.enqueued !== queued) break;
        if (row.payloadError !== undefined) {
          if (this.failUnreadable(row)) progressed = true;
          continue;
        }
        const wait = policy.delayFor(row, this.clock());
        if (wait > 0) {
          minWait = Math.min(minWait, wait);
          continue;
        }
        if (!this.o.outbox.claim(row.id)) continue;
        attempts++;
        progressed = true;
        await this.sendOne(m, policy, row);
      }
      if (!progressed) {
        lane.heldUntil = Math.min(lane.heldUntil, this.clock() + Math.min(minWait, 60_000));
        if (Number.isFinite(minWait) && this.running && minWait < 60_000) {
          await this.pause(lane, minWait);
          if (lane.again) return attempts;
          continue;
        }
        return attempts;
      }
    }
  }

  /** A row that cannot be read is not sent: it fails with the reason and Humas hears of it; the rest of the outbox goes on. */
  private failUnreadable(row: OutboxRow): boolean {
    const { outbox, hooks } = this.o;
    const now = this.clock();
    const reason = `unreadable: ${row.payloadError}`;
    return outbox.atomically(() => {
      if (!outbox.claim(row.id)) return false;
      outbox.finish(row.id, 'failed', reason, now);
      try {
        hooks?.onUnreadable?.(row, reason, now);
      } catch (err) {
        this.o.log?.('could not queue the unreadable-row notice', { id: row.id, err: String(err) });
      }
      this.o.log?.('outbox row cannot be read; marked failed', { id: row.id, reason });
      return true;
    });
  }

  private async sendOne(m: Messenger, policy: SendPolicy, row: OutboxRow): Promise<void> {
    let result: SendResult;
    const base = { outboxId: row.id, platform: row.platform, recipient: row.recipient, recipientKind: row.recipientKind, kind: row.kind, text: row.text, payload: row.payload };
    try {
      result = await m.send({
        ...base, partsDone: row.partsSent, onPartSent: (n) => this.o.outbox.setPartsSent(row.id, n),
        onPartId: (id) => this.o.outbox.notePart(row.id, row.platform, id),
        refusal: () => this.o.outbox.refusalWhileSending(row.id),
      });
    } catch (err) {
      result = { ok: false, failure: 'bug', detail: err instanceof Error ? err.message : String(err) };
    }
    const now = this.clock();
    policy.afterSend(row, result, now);
    this.settle(row, result, now);
  }

  private settle(row: OutboxRow, r: SendResult, now: number): void {
    const { outbox, hooks } = this.o;
    // An error ack refused an early part while later ones were being sent (outbox.refusedAfterSend): the message did
    // not arrive whole, whatever the rest of the send did; a refusal or restriction of its own settles as below (the
    // parts not sent after it are one: app/steps.ts ends the send 'refused' with it, parts_sent says how far it got).
    const refusal = outbox.refusalWhileSending(row.id);
    if (refusal !== undefined && (r.ok || (r.failure !== 'refused' && r.failure !== 'restricted'))) {
      this.undeliverable(row, refusal, now);
      return;
    }
    if (r.ok) {
      outbox.markSent(row.id, now, r.messageId);
      hooks?.onSent?.(row, now);
      return;
    }
    const attempts = row.attempts + 1;
    switch (r.failure) {
      case 'rate_limited':
        outbox.retryAt(row.id, now + (r.retryAfterMs ?? 1000), r.detail);
        return;
      case 'offline':
        outbox.release(row.id, now + (r.retryAfterMs ?? 5000), r.detail);
        return;
      case 'transient':
        if (attempts >= this.maxAttempts) {
          // Never a silent `failed`: the row is undeliverable and Humas hears of it.
          this.undeliverable(row, `gave up after ${attempts} attempts: ${r.detail}`, now);
        } else {
          outbox.retryAt(row.id, now + backoffMs(attempts), r.detail);
        }
        return;
      case 'migrated':
        if (r.newChatId) {
          hooks?.onMigrated?.(row.platform, row.recipient, r.newChatId, now);
          outbox.retryAt(row.id, now, r.detail, r.newChatId);
        } else {
          outbox.finish(row.id, 'failed', r.detail, now);
        }
        return;
      case 'refused':
        this.undeliverable(row, r.detail, now);
        return;
      case 'restricted':
        // Never retried (a retry is another reach-out); the message did not arrive.
        this.undeliverable(row, r.detail, now);
        hooks?.onRestricted?.(row, r.detail, now);
        return;
      case 'bug':
        outbox.finish(row.id, 'failed', r.detail, now);
        this.o.log?.('send failed with a bug', { id: row.id, detail: r.detail });
        return;
    }
  }

  /** Marks a row undeliverable together with the notice that tells Humas: a crash cannot keep one without the other. */
  private undeliverable(row: OutboxRow, detail: string, now: number): void {
    const { outbox, hooks } = this.o;
    outbox.atomically(() => {
      outbox.finish(row.id, 'undeliverable', detail, now);
      try {
        hooks?.onUndeliverable?.(row, detail, now);
      } catch (err) {
        this.o.log?.('could not queue the undeliverable notice', { id: row.id, err: String(err) });
      }
    });
  }
}

