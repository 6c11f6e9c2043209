/**
 * The three per-ASN holds (app/asn-holds.ts: asn_alert_holds, humas_asn_holds, thanks_holds) keep every hold after
 * its release (the last release starts the ASN's hour), so each table grows through the season, and the due ASN are
 * asked for before every outbox drain. Every statement the holds run, as the App runs them (a burst held, then
 * released; the ASN leaving the groups, the thank-yous held, then released), reads by an index: none scans a table.
 */
import { describe, expect, it } from 'vitest';
import type { ChatRef } from '../../src/core/types.js';
import { ASN, testApp } from '../support/app.js';

const timses = { platform: 'telegram' as const, id: '7777', name: 'Korlap Timses' };
const HOLDS = /\b(asn_alert_holds|humas_asn_holds|thanks_holds)\b/;

describe('the per-ASN holds read by index', () => {
  it('no statement of a hold or a release scans a holds table', () => {
    const { app, clock } = testApp({ MASS_ALERT_WINDOW_SECONDS: '60' });
    const seen = new Set<string>();
    const prepare = app.db.prepare.bind(app.db);
    app.db.prepare = ((sql: string) => (seen.add(sql), prepare(sql))) as typeof app.db.prepare;
    // The test's own counts are not the holds' statements.
    const count = (sql: string) => prepare(sql).pluck().get();
    try {
      // One ASN added to six groups: three alerts alone, three held (the ASN's summary and Humas' summary of the ASN).
      const chats: ChatRef[] = Array.from({ length: 6 }, (_, g) => ({ platform: 'telegram', id: `-100999${g}`, title: `Relawan Paslon 2 Pilgub Sumsel ${g}`, type: 'supergroup' }));
      const at = clock.now();
      chats.forEach((chat, g) => app.monitor.handle({ kind: 'member_added', dedupeKey: `add-${g}`, at, chat, actor: timses, members: [{ platform: 'telegram', id: ASN.budi.telegramId }] }));
      expect(count(`SELECT COUNT(*) FROM asn_alert_holds`)).toBe(3);
      expect(count(`SELECT COUNT(*) FROM humas_asn_holds`)).toBe(3);
      clock.advance(3_600_000);
      expect(app.releaseSummaries(clock.now())).toBeGreaterThanOrEqual(2);
      // ...who leaves them all: three thank-yous alone, three held and released as one list.
      chats.forEach((chat, g) => app.monitor.handle({ kind: 'member_left', dedupeKey: `left-${g}`, at: clock.now(), chat, members: [{ platform: 'telegram', id: ASN.budi.telegramId }] }));
      expect(count(`SELECT COUNT(*) FROM thanks_holds`)).toBe(3);
      clock.advance(3_600_000);
      expect(app.releaseSummaries(clock.now())).toBeGreaterThanOrEqual(1);
      expect(count(`SELECT COUNT(*) FROM thanks_holds WHERE released_at IS NULL`)).toBe(0);
    } finally {
      app.db.prepare = prepare;
    }
    const reads = [...seen].filter((sql) => HOLDS.test(sql) && /^\s*SELECT/i.test(sql));
    // Each table's hold, next release, due ASN, held cases and release mates.
    expect(reads.length).toBeGreaterThanOrEqual(12);
    const scans = reads.flatMap((sql) => {
      const args = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 0);
      const plan = (app.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
      return plan.filter((d) => /^SCAN (asn_alert_holds|humas_asn_holds|thanks_holds)\b/.test(d)).map((d) => `${d}: ${sql.replace(/\s+/g, ' ')}`);
    });
    expect(scans).toEqual([]);
  });
});
