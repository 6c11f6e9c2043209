/**
 * Every outbox kind the code enqueues has its priority on purpose: it is listed in core/priority.ts OUTBOX_KINDS
 * (with what it is), not left to priorityOf's default. The kinds are read from the source with the TypeScript
 * compiler (tests/support/outbox-kinds.ts: every object literal typed NewOutboxMessage, its `kind` followed through
 * constants, parameters and Reply/FlowReply objects); a kind that cannot be followed fails the test too.
 */
import { describe, expect, it } from 'vitest';
import { OUTBOX_KINDS, PRIORITY, priorityOf } from '../../src/core/priority.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { enqueuedOutboxKinds } from '../support/outbox-kinds.js';

describe('outbox kinds and their priority', () => {
  it('every kind enqueued in src/ is listed in OUTBOX_KINDS, and every listed kind is enqueued somewhere', { timeout: 180_000 }, () => {
    const found = enqueuedOutboxKinds(process.cwd());
    expect(found.unresolved).toEqual([]);
    // Kinds the reader must find (one per way of passing a kind): a literal, a const (THANKS_KIND), a parameter
    // (notifyHumas), a Telegram Reply's kind, a WhatsApp FlowReply's kind (PICTURE_HINT_KIND, VIDEO_HINT_KIND).
    for (const k of ['asn_alert', 'thanks_left', 'humas_permissions', 'tg_start', 'wa_hint', 'wa_video_hint']) expect([k, found.kinds.has(k)]).toEqual([k, true]);
    const missing = [...found.kinds].filter(([k]) => !Object.hasOwn(OUTBOX_KINDS, k)).map(([k, where]) => `${k} (${[...where].join(', ')})`);
    expect(missing).toEqual([]);
    expect(Object.keys(OUTBOX_KINDS).filter((k) => !found.kinds.has(k))).toEqual([]);
  });

  it('priorityOf gives each listed kind its class; a kind not listed goes in the middle', () => {
    for (const [k, v] of Object.entries(OUTBOX_KINDS)) {
      expect([k, priorityOf(k)]).toEqual([k, v.priority]);
      expect(v.what.length).toBeGreaterThan(10);
    }
    expect(priorityOf('asn_alert')).toBe(PRIORITY.alert);
    expect(priorityOf('wa_video_hint')).toBe(PRIORITY.reply);
    expect(priorityOf('no_such_kind')).toBe(PRIORITY.followup);
    expect(priorityOf('toString')).toBe(PRIORITY.followup);
  });

  it("the landed migration's backfill (alerts 0, replies 2) agrees with OUTBOX_KINDS for every kind it names", () => {
    const sql = MIGRATIONS.find((m) => typeof m === 'string' && m.includes('ADD COLUMN priority')) as string;
    const named = (cls: 0 | 2): string[] => [...(new RegExp(`WHEN kind IN \\(([^)]*)\\) THEN ${cls}`).exec(sql)?.[1] ?? '').matchAll(/'(\w+)'/g)].map((m) => m[1]!);
    expect(named(0).length).toBeGreaterThan(5);
    expect(named(2).length).toBeGreaterThan(3);
    for (const k of named(0)) expect([k, OUTBOX_KINDS[k]?.priority]).toEqual([k, PRIORITY.alert]);
    for (const k of named(2)) expect([k, OUTBOX_KINDS[k]?.priority]).toEqual([k, PRIORITY.reply]);
  });
});
