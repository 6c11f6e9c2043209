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

/** Drains the outbox. `drainOnce` for tests and replay; `start` for the long-running bot. */
export class Dispatcher {
  private readonly clock: () => number;
  private readonly maxAttempts: number;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private draining: Promise<number> | undefined;
  private again = false;

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

  /** Sends everything due now, one platform after the other in parallel; resolves with the number of attempts. */
  drainOnce(): Promise<number> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      let total = 0;
      do {
        this.again = false;
        try {
          this.o.hooks?.release?.(this.clock());
        } catch (err) {
          this.o.log?.('releasing held messages failed', { err: String(err) });
        }
        const counts = await Promise.all(this.o.messengers.map((m) => this.drainPlatform(m)));
        total += counts.reduce((a, b) => a + b, 0);
      } while (this.again);
      return total;
    })().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  /** Starts the background loop: drains, then sleeps until the next row is due or `wake()` is called. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.o.outbox.recoverInFlight();
    this.schedule(0);
  }

  /** New rows were queued: drain soon, cutting short a pacing wait that may be holding other chats back. */
  wake(): void {
    if (!this.running) return;
    // A drain in progress goes round again, so a platform registered meanwhile (Telegram back after an
    // outage) is drained too instead of waiting behind another platform's pacing.
    if (this.draining) this.again = true;
    this.wakeSleeper?.();
    this.schedule(0);
  }

  /** Stops the loop and waits for an in-flight drain. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeSleeper?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.draining;
  }

  private wakeSleeper: (() => void) | undefined;

  /** Waits inside a drain for pacing; `stop()` ends the wait at once. */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      this.wakeSleeper = done;
      function done() {
        clearTimeout(t);
        resolve();
      }
    });
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), Math.max(0, Math.min(ms, 60_000)));
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    try {
      await this.drainOnce();
    } catch (err) {
      this.o.log?.('dispatcher drain failed', { err: String(err) });
    }
    if (!this.running) return;
    const now = this.clock();
    // Rows already due but held back by pacing wake us when the pacing allows, not in a busy loop.
    const at = Math.min(
      this.o.hooks?.nextRelease?.() ?? Infinity,
      ...this.o.messengers.map((m) => {
        const due = this.o.outbox.nextDue(m.platform) ?? Infinity;
        if (due > now) return due;
        // Due now: held back by pacing (wait for it), or it became due after the drain looked (go again).
        const held = this.heldUntil.get(m.platform) ?? Infinity;
        return Number.isFinite(held) ? held : now;
      }),
    );
    this.schedule(Number.isFinite(at) ? Math.max(50, at - now) : 60_000);
  }

  /** Earliest time a row held back by pacing may go, from the last drain. */
  private readonly heldUntil = new Map<Platform, number>();

  private async drainPlatform(m: Messenger): Promise<number> {
    const policy = this.o.policies?.[m.platform] ?? NO_PACING;
    let attempts = 0;
    this.heldUntil.set(m.platform, Infinity);
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
        this.heldUntil.set(m.platform, Math.min(this.heldUntil.get(m.platform) ?? Infinity, this.clock() + Math.min(minWait, 60_000)));
        if (Number.isFinite(minWait) && this.running && minWait < 60_000) {
          await this.pause(minWait);
          if (this.again) return attempts;
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

