/**
 * Before every outbox drain the App asks each kind of held message what is due (app/app.ts `release`: mass-event
 * summaries, lists of refused alerts, summaries of self-reports, the three per-ASN holds) and when the next release
 * is (`nextRelease`). Those tables keep every row after its release, so they grow through the season: each of
 * those statements, and the holding of a mass event, a refused alert or a self-report, reads by an index, none scans a table (the per-ASN holds'
 * own hold statements: tests/app/asn-holds-plans.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ChatRef } from '../../src/core/types.js';
import { holdSelfReportAlert } from '../../src/app/self-report-bursts.js';
import { holdUndeliverable } from '../../src/app/undeliverable-holds.js';
import { SelfReportStore } from '../../src/store/self-reports.js';
import { ASN, testApp } from '../support/app.js';

const timses = { platform: 'telegram' as const, id: '7777', name: 'Korlap Timses' };
const TABLES = ['alert_batches', 'alert_batch_items', 'undeliverable_holds', 'self_report_holds', 'asn_alert_holds', 'humas_asn_holds', 'thanks_holds'];
const HELD = new RegExp(`\\b(${TABLES.join('|')})\\b`);

describe('the releases before each drain read by index', () => {
  it('no statement of a release, a next-release time or a hold scans a held table', () => {
    const { app, clock } = testApp({ MASS_ALERT_THRESHOLD: '1', MASS_ALERT_WINDOW_SECONDS: '60' });
    const seen = new Set<string>();
    const prepare = app.db.prepare.bind(app.db);
    app.db.prepare = ((sql: string) => (seen.add(sql), prepare(sql))) as typeof app.db.prepare;
    const count = (sql: string) => prepare(sql).pluck().get();
    // The dispatcher's hooks, as the App gives them (app/app.ts).
    const hooks = (app as unknown as { dispatcher: { o: { hooks: { release(now: number): void; nextRelease(): number | undefined } } } }).dispatcher.o.hooks;
    try {
      // Three ASN added to one group at once with a threshold of one: the first alerted alone, two held for a summary.
      const chat: ChatRef = { platform: 'telegram', id: '-1009990001', title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' };
      const members = [ASN.budi, ASN.sari].map((a) => ({ platform: 'telegram' as const, id: a.telegramId }));
      app.monitor.handle({ kind: 'member_added', dedupeKey: 'add-1', at: clock.now(), chat, actor: timses, members: [members[0]!] });
      app.monitor.handle({ kind: 'member_added', dedupeKey: 'add-2', at: clock.now(), chat, actor: timses, members: [members[1]!] });
      app.monitor.handle({ kind: 'member_added', dedupeKey: 'add-3', at: clock.now(), chat, actor: timses, members: [{ platform: 'telegram', id: '5099' }] });
      expect(count(`SELECT COUNT(*) FROM alert_batch_items`)).toBeGreaterThanOrEqual(1);
      // Two of their alerts refused: the first notice alone, the second held for a list (as the dispatcher's hook holds it).
      const cases = prepare(`SELECT id, asn_nip AS nip FROM incidents ORDER BY id`).all() as { id: number; nip: string }[];
      const refused = cases.slice(0, 2).map((c) => holdUndeliverable(app.db, app.config, { incidentId: c.id, nip: c.nip, platform: 'telegram', reason: '403: Forbidden: bot was blocked by the user' }, clock.now()));
      expect(refused).toEqual([false, true]);
      // Three reports about one group: the first alerted alone, two held (as the report's transaction holds them).
      const reports = new SelfReportStore(app.db);
      const held = [ASN.budi, ASN.sari, ASN.dedi].map((a, i) => {
        const id = reports.insert({
          receiptNo: `JN-2024-00000${i + 1}`, year: 2024, seq: i + 1, sourceKey: `tg:${i}`, asnNip: a.nip, platform: 'telegram', reporterId: String(5001 + i), category: 'added',
          place: 'whatsapp', description: 'Dimasukkan ke grup tanpa izin', groupName: 'Sahabat Paslon OKU', actorPhone: null, actorName: null, signed: 'x', createdAt: clock.now(),
        });
        return holdSelfReportAlert(app.db, app.config, id, 'group:whatsapp:sahabat paslon oku', clock.now());
      });
      expect(held).toEqual([false, true, true]);
      expect(hooks.nextRelease()).toBeDefined();
      hooks.release(clock.now());
      expect(count(`SELECT COUNT(*) FROM alert_batches WHERE released_at IS NULL`)).toBe(1);
      clock.advance(3_600_000);
      hooks.release(clock.now());
      expect(count(`SELECT COUNT(*) FROM alert_batches WHERE released_at IS NULL`)).toBe(0);
      expect(count(`SELECT COUNT(*) FROM undeliverable_holds WHERE released_at IS NULL`)).toBe(0);
      expect(count(`SELECT COUNT(*) FROM self_report_holds WHERE released_at IS NULL`)).toBe(0);
      expect(app.releaseSummaries(clock.now(), true)).toBe(0);
    } finally {
      app.db.prepare = prepare;
    }
    const reads = [...seen].filter((sql) => HELD.test(sql) && /^\s*SELECT/i.test(sql));
    // Six due queries and six next-release times at least, and the mass event's own.
    expect(reads.length).toBeGreaterThanOrEqual(18);
    for (const t of ['alert_batches', 'undeliverable_holds', 'self_report_holds']) {
      expect(reads.filter((sql) => new RegExp(`FROM ${t}\\b`).test(sql)).length, t).toBeGreaterThanOrEqual(2);
    }
    const scans = reads.flatMap((sql) => {
      const args = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 0);
      const plan = (app.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
      return plan.filter((d) => new RegExp(`^SCAN (${TABLES.join('|')})\\b`).test(d)).map((d) => `${d}: ${sql.replace(/\s+/g, ' ')}`);
    });
    expect(scans).toEqual([]);
  });
});
