/**
 * Telegram pacing for the dispatcher: about 1 message/s per chat, 20/min per
 * group, 25/s overall (under the documented 30/s), and after a 429 the chat
 * waits out `retry_after`. Time comes only from the `now` arguments, so it is
 * unit-tested on a fake clock.
 */
import type { SendPolicy } from '../../app/dispatcher.js';
import type { SendResult } from '../../app/ports.js';
import type { OutboxRow } from '../../store/outbox.js';

/** Limits, overridable for tests. */
export interface TelegramLimits {
  perChatGapMs: number;
  perGroupPerMinute: number;
  globalPerSecond: number;
  /** Two different chats rate-limited within this window mean the limit is global: hold everything. */
  globalFloodWindowMs: number;
}

/** Telegram's documented limits, with margin. */
export const TELEGRAM_LIMITS: TelegramLimits = { perChatGapMs: 1000, perGroupPerMinute: 20, globalPerSecond: 25, globalFloodWindowMs: 5000 };

/** Group and supergroup ids are negative. */
export const isGroupChat = (chatId: string): boolean => chatId.startsWith('-');

/** Sliding-window counters and 429 holds for one bot token. */
export class TelegramSendPolicy implements SendPolicy {
  private readonly lastSent = new Map<string, number>();
  private readonly groupSends = new Map<string, number[]>();
  private globalSends: number[] = [];
  private readonly holds = new Map<string, number>();
  private globalHoldUntil = 0;
  private last429: { chat: string; at: number } | undefined;
  private readonly limits: TelegramLimits;

  /** Uses Telegram's limits unless some are overridden. */
  constructor(limits: Partial<TelegramLimits> = {}) {
    this.limits = { ...TELEGRAM_LIMITS, ...limits };
  }

  /** Milliseconds until `row` may be sent: the largest of every applicable wait. */
  delayFor(row: OutboxRow, now: number): number {
    const chat = row.recipient;
    const waits = [this.globalHoldUntil - now, (this.holds.get(chat) ?? 0) - now, this.chatWait(chat, now), this.globalWait(now)];
    if (isGroupChat(chat)) waits.push(this.groupWait(chat, now));
    return Math.max(0, ...waits);
  }

  /** Counts the attempt; on 429 holds the chat (or everything) until retry_after has passed. */
  afterSend(row: OutboxRow, result: SendResult, now: number): void {
    const chat = row.recipient;
    if (!result.ok && result.failure === 'rate_limited') {
      this.hold(chat, now, result.retryAfterMs ?? 1000);
      return;
    }
    this.lastSent.set(chat, now);
    this.globalSends.push(now);
    if (isGroupChat(chat)) this.groupSends.set(chat, [...(this.groupSends.get(chat) ?? []), now]);
    this.prune(now);
  }

  private hold(chat: string, now: number, ms: number): void {
    const until = now + ms;
    this.holds.set(chat, Math.max(this.holds.get(chat) ?? 0, until));
    const prev = this.last429;
    if (prev && prev.chat !== chat && now - prev.at <= this.limits.globalFloodWindowMs) {
      this.globalHoldUntil = Math.max(this.globalHoldUntil, until);
    }
    this.last429 = { chat, at: now };
  }

  private chatWait(chat: string, now: number): number {
    const last = this.lastSent.get(chat);
    return last === undefined ? 0 : last + this.limits.perChatGapMs - now;
  }

  private groupWait(chat: string, now: number): number {
    const recent = (this.groupSends.get(chat) ?? []).filter((t) => t > now - 60_000);
    if (recent.length < this.limits.perGroupPerMinute) return 0;
    return recent[recent.length - this.limits.perGroupPerMinute]! + 60_000 - now;
  }

  private globalWait(now: number): number {
    const recent = this.globalSends.filter((t) => t > now - 1000);
    if (recent.length < this.limits.globalPerSecond) return 0;
    return recent[recent.length - this.limits.globalPerSecond]! + 1000 - now;
  }

  /** Forgets what no longer matters, so memory stays bounded by the traffic of the last minute. */
  private prune(now: number): void {
    this.globalSends = this.globalSends.filter((t) => t > now - 1000);
    for (const [chat, ts] of this.groupSends) {
      const keep = ts.filter((t) => t > now - 60_000);
      if (keep.length) this.groupSends.set(chat, keep);
      else this.groupSends.delete(chat);
    }
    for (const [chat, t] of this.lastSent) if (t + this.limits.perChatGapMs < now) this.lastSent.delete(chat);
    for (const [chat, t] of this.holds) if (t < now) this.holds.delete(chat);
  }
}
