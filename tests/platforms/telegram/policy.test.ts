import { describe, expect, it } from 'vitest';
import type { SendResult } from '../../../src/app/ports.js';
import type { OutboxRow } from '../../../src/store/outbox.js';
import { TelegramSendPolicy } from '../../../src/platforms/telegram/policy.js';

const row = (recipient: string): OutboxRow => ({
  id: 1, dedupeKey: 'k', platform: 'telegram', recipient, recipientKind: recipient.startsWith('-') ? 'group' : 'user', kind: 'x', text: 't',
  payload: {}, status: 'pending', attempts: 0, nextAttemptAt: 0, lastError: null, incidentId: null, createdAt: 0, sentAt: null, priority: 1, partsSent: 0,
});
const OK: SendResult = { ok: true };
const limited = (ms: number): SendResult => ({ ok: false, failure: 'rate_limited', detail: '429', retryAfterMs: ms });

describe('TelegramSendPolicy', () => {
  it('keeps one message per second per chat, other chats unaffected', () => {
    const p = new TelegramSendPolicy();
    const t = 1_000_000;
    expect(p.delayFor(row('5001'), t)).toBe(0);
    p.afterSend(row('5001'), OK, t);
    expect(p.delayFor(row('5001'), t + 200)).toBe(800);
    expect(p.delayFor(row('5002'), t + 200)).toBe(0);
    expect(p.delayFor(row('5001'), t + 1000)).toBe(0);
  });

  it('allows 20 messages per minute in a group', () => {
    const p = new TelegramSendPolicy();
    let t = 0;
    for (let i = 0; i < 20; i++, t += 1000) {
      expect(p.delayFor(row('-100'), t)).toBe(0);
      p.afterSend(row('-100'), OK, t);
    }
    // 20 sent at 0..19 s: the 21st waits until the first leaves the window (60 s).
    expect(p.delayFor(row('-100'), t)).toBe(60_000 - 20_000);
    expect(p.delayFor(row('-100'), 60_001)).toBe(0);
  });

  it('caps everything at 25 per second', () => {
    const p = new TelegramSendPolicy();
    for (let i = 0; i < 25; i++) p.afterSend(row(String(6000 + i)), OK, 100 + i);
    expect(p.delayFor(row('7000'), 200)).toBe(900);
    expect(p.delayFor(row('7000'), 1100)).toBe(0);
  });

  it('after a 429 holds that chat for retry_after, not the others', () => {
    const p = new TelegramSendPolicy();
    p.afterSend(row('5001'), limited(7000), 0);
    expect(p.delayFor(row('5001'), 1000)).toBe(6000);
    expect(p.delayFor(row('5002'), 1000)).toBe(0);
    expect(p.delayFor(row('5001'), 7000)).toBe(0);
  });

  it('429s on two different chats in a short window hold everything', () => {
    const p = new TelegramSendPolicy();
    p.afterSend(row('5001'), limited(3000), 0);
    p.afterSend(row('-100'), limited(5000), 1000);
    expect(p.delayFor(row('9999'), 2000)).toBe(4000);
    expect(p.delayFor(row('9999'), 6000)).toBe(0);
  });

  it('counts failed attempts that reached Telegram like sends', () => {
    const p = new TelegramSendPolicy();
    p.afterSend(row('5001'), { ok: false, failure: 'transient', detail: '500' }, 0);
    expect(p.delayFor(row('5001'), 500)).toBe(500);
  });
});
