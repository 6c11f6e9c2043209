/**
 * Issue 20 (monitor throughput, the part outside the hash chain): the monitor's work inside the write transaction
 * is SQL it needs, not SQL it prepares. `db.prepare` parses and plans the statement (10-25 µs, ~100 times an indexed
 * read): once the monitor has met each kind of event, handling more of them prepares nothing. And a private message
 * does not ask for a chats row a private chat cannot have (a miss is not cached: it was a query per DM).
 * Through the App's monitor, `handleBatch` as a getUpdates page runs and `handle` as the live adapters call it.
 */
import type { Statement } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatEvent, ChatRef } from '../../src/core/types.js';
import { ASN, testApp } from '../support/app.js';
import { nextAsnAlertRelease, releaseDueAsnAlerts } from '../../src/app/asn-alert-holds.js';
import { nextRelease, releaseDueSummaries, type MassAlertDeps } from '../../src/app/mass-alerts.js';
import { nextNoticeRelease, releaseDueNotices } from '../../src/app/undeliverable-holds.js';
import type { App } from '../../src/app/app.js';
import type { Nip, PhoneE164, TgUserId } from '../../src/core/ids.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const AJAKAN = 'Ayo coblos nomor 2 di Pilgub Sumsel!';
const SAPAAN = 'Selamat pagi semua, jangan lupa kerja bakti hari Minggu';
const timses = { platform: 'telegram' as const, id: '7777', name: 'Korlap Timses' };
const warga = { platform: 'telegram' as const, id: '8888', name: 'Warga' };
const at = Date.UTC(2024, 10, 4, 3);

/**
 * One round of everything the monitor does besides chatter, in fresh groups `n`: a campaign group where two ASN
 * are added (two cases, the second held for a mass-alert summary at threshold 1, a reminder), tagged (a case
 * extended) and tagged again in an edit (earlier findings looked up), one leaving (a case closed, a thank-you);
 * an ordinary group whose posts make it a campaign group by content; a private message.
 */
function round(n: number): ChatEvent[] {
  const campaign: ChatRef = { platform: 'telegram', id: `-100555${n}`, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' };
  const warung: ChatRef = { platform: 'telegram', id: `-100666${n}`, title: `Grup Warga RT ${n}`, type: 'supergroup' };
  const k = (s: string) => `r${n}:${s}`;
  const post = (chat: ChatRef, key: string, text: string, mentions: string[] = [], edited = false): ChatEvent => ({
    kind: 'message', dedupeKey: k(key), at, chat, messageId: `${n}01`, sender: warga, text, mentions: mentions.map((id) => ({ platform: 'telegram' as const, id })), ...(edited ? { edited } : {}),
  });
  return [
    post(warung, 'w1', SAPAAN),
    { kind: 'member_added', dedupeKey: k('add-budi'), at, chat: campaign, actor: timses, members: [{ platform: 'telegram', id: ASN.budi.telegramId }] },
    { kind: 'member_added', dedupeKey: k('add-sari'), at, chat: campaign, actor: timses, members: [{ platform: 'telegram', id: ASN.sari.telegramId }] },
    post(campaign, 'tag', AJAKAN, [ASN.budi.telegramId]),
    post(campaign, 'tag-edit', AJAKAN, [ASN.budi.telegramId, ASN.sari.telegramId], true),
    { kind: 'member_left', dedupeKey: k('left-budi'), at: at + 1, chat: campaign, members: [{ platform: 'telegram', id: ASN.budi.telegramId }] },
    post(warung, 'w2', AJAKAN),
    post(warung, 'w3', AJAKAN),
    post(warung, 'w4', AJAKAN),
    { kind: 'message', dedupeKey: k('dm'), at, chat: { platform: 'telegram', id: ASN.sari.telegramId, type: 'private' }, messageId: '1', sender: { platform: 'telegram', id: ASN.sari.telegramId }, text: 'halo', mentions: [] },
  ];
}

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

describe('monitor: statements are prepared once, not per event (issue 20)', () => {
  it('after a first round of every kind of event, a second round in new groups prepares no statement and does all the same things', () => {
    const { app } = testApp({ MASS_ALERT_THRESHOLD: '1' });
    app.monitor.handleBatch(round(1));
    const cases = () => app.db.prepare(`SELECT status, COUNT(*) AS n FROM incidents GROUP BY status ORDER BY status`).all();
    const afterFirst = { cases: cases(), outbox: app.db.prepare(`SELECT COUNT(*) FROM outbox`).pluck().get() as number };
    // The round does what it says: two cases, one closed by leaving, a mass-alert batch, the ordinary group turned campaign group.
    expect(afterFirst.cases).toEqual([{ status: 'left', n: 1 }, { status: 'open', n: 1 }]);
    expect(app.db.prepare(`SELECT COUNT(*) FROM alert_batch_items`).pluck().get()).toBe(1);
    expect(app.monitor.chats.get('telegram', '-1006661')).toMatchObject({ campaign: true, campaignSource: 'content' });

    const prepared: string[] = [];
    const prepare = app.db.prepare.bind(app.db);
    app.db.prepare = ((sql: string) => (prepared.push(sql), prepare(sql))) as typeof app.db.prepare;
    app.monitor.handleBatch(round(2).slice(0, 5));
    for (const ev of round(2).slice(5)) app.monitor.handle(ev);
    app.db.prepare = prepare;

    expect(prepared).toEqual([]);
    // ...and the second round did everything the first did, in its own groups.
    expect(cases()).toEqual([{ status: 'left', n: 2 }, { status: 'open', n: 2 }]);
    expect(app.db.prepare(`SELECT COUNT(*) FROM outbox`).pluck().get()).toBe(2 * afterFirst.outbox);
    expect(app.db.prepare(`SELECT COUNT(*) FROM alert_batch_items`).pluck().get()).toBe(2);
    expect(app.db.prepare(`SELECT COUNT(*) FROM incident_findings`).pluck().get()).toBe(2 * (app.db.prepare(`SELECT COUNT(*) FROM incident_findings f JOIN incidents i ON i.id = f.incident_id WHERE i.chat_id = '-1005551'`).pluck().get() as number));
    expect(app.monitor.chats.get('telegram', '-1006662')).toMatchObject({ campaign: true, campaignSource: 'content', messagesSeen: 4, pilkadaPosts: 3 });
  });

  it("an ASN's held alerts released as their summary: the second ASN's release prepares no statement", () => {
    const { app } = testApp({ MASS_ALERT_WINDOW_SECONDS: '60' });
    const deps = { db: app.db, outbox: app.monitor.outbox, chats: app.monitor.chats, incidents: app.monitor.incidents, config: app.config };
    // One ASN added to five groups: three alerts alone, two held for their summary (app/asn-alert-holds.ts).
    const burst = (who: string, tgId: string) => {
      for (let g = 0; g < 5; g++) {
        const chat: ChatRef = { platform: 'telegram', id: `-100777${who}${g}`, title: `Relawan Paslon 2 Pilgub Sumsel ${g}`, type: 'supergroup' };
        app.monitor.handle({ kind: 'member_added', dedupeKey: `${who}-${g}`, at, chat, actor: timses, members: [{ platform: 'telegram', id: tgId }] });
      }
    };
    const summaries = () => app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE kind = 'asn_alert_summary'`).pluck().get();
    burst('budi', ASN.budi.telegramId);
    expect(releaseDueAsnAlerts(deps, Date.now() + 3_600_000)).toBe(1);
    // The dispatcher asks when the next one is due before every drain.
    expect(nextAsnAlertRelease(app.db)).toBeUndefined();
    expect(summaries()).toBe(1);
    burst('sari', ASN.sari.telegramId);
    const seen: string[] = [];
    const prepare = app.db.prepare.bind(app.db);
    app.db.prepare = ((sql: string) => (seen.push(sql), prepare(sql))) as typeof app.db.prepare;
    const released = releaseDueAsnAlerts(deps, Date.now() + 3_600_000);
    const next = nextAsnAlertRelease(app.db);
    app.db.prepare = prepare;
    expect(released).toBe(1);
    expect(next).toBeUndefined();
    expect(seen).toEqual([]);
    expect(summaries()).toBe(2);
  });

  /** The SQL `db.prepare` is asked for while `f` runs. */
  const preparedDuring = <T>(app: App, f: () => T): { value: T; seen: string[] } => {
    const seen: string[] = [];
    const prepare = app.db.prepare.bind(app.db);
    app.db.prepare = ((sql: string) => (seen.push(sql), prepare(sql))) as typeof app.db.prepare;
    try {
      return { value: f(), seen };
    } finally {
      app.db.prepare = prepare;
    }
  };
  /** Four ASN added to a campaign group `g` at once: one alert alone (threshold 1), three held for the group's summary. */
  const groupBurst = (app: App, g: number) => {
    const chat: ChatRef = { platform: 'telegram', id: `-100888${g}`, title: `Relawan Paslon 2 Pilgub Sumsel ${g}`, type: 'supergroup' };
    for (const id of ['5001', '5002', '5011', '5012']) app.monitor.handle({ kind: 'member_added', dedupeKey: `g${g}-${id}`, at, chat, actor: timses, members: [{ platform: 'telegram', id }] });
  };
  const twoMore = (app: App) =>
    app.registry.upsertMany(
      ['5011', '5012'].map((id, k) => ({ nip: `19850312201001101${k}` as Nip, nama: `ASN ${id}`, unit: 'Dinas Sosial', phone: `+62812300000${k}` as PhoneE164, telegramId: id as TgUserId })),
      Date.now(),
    );

  it("a group's burst released as its mass summary, and refused alerts released as one list: the second release prepares no statement", () => {
    const { app } = testApp({ MASS_ALERT_THRESHOLD: '1', MASS_ALERT_WINDOW_SECONDS: '60' });
    twoMore(app);
    const dir = mkdtempSync(join(tmpdir(), 'jn-stmts-'));
    const mass: MassAlertDeps = {
      db: app.db, outbox: app.monitor.outbox, chats: app.monitor.chats, incidents: app.monitor.incidents, config: app.config,
      asnByNip: (nip) => app.registry.byNip(nip as Nip), dir,
    };
    const later = Date.now() + 3_600_000;
    const summaries = () => app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE kind = 'humas_mass_alert'`).pluck().get();
    groupBurst(app, 1);
    expect(releaseDueSummaries(mass, later)).toBe(1);
    expect(nextRelease(app.db)).toBeUndefined();
    const first = summaries();
    expect(first).toBeGreaterThan(0);
    groupBurst(app, 2);
    const group = preparedDuring(app, () => [releaseDueSummaries(mass, later), nextRelease(app.db)]);
    expect(group.value).toEqual([1, undefined]);
    expect(group.seen).toEqual([]);
    expect(summaries()).toBe(2 * (first as number));

    // The platform refuses each case's ASN alert: the first notice alone, the rest held for one list (app/undeliverable-holds.ts).
    const refuse = (ids: number[]) => {
      for (const id of ids) app.noteUndeliverable(id, 'telegram', '403: Forbidden: bot was blocked by the user', later);
    };
    const lists = () => app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE 'undeliverable-list:%'`).pluck().get();
    refuse([1, 2, 3, 4]);
    expect(releaseDueNotices(mass, later + 3_600_000)).toBe(3);
    expect(nextNoticeRelease(app.db)).toBeUndefined();
    const firstLists = lists();
    expect(firstLists).toBeGreaterThan(0);
    const held = preparedDuring(app, () => {
      refuse([5, 6, 7, 8]);
      return [releaseDueNotices(mass, later + 7_200_000), nextNoticeRelease(app.db)];
    });
    expect(held.value).toEqual([4, undefined]);
    expect(held.seen).toEqual([]);
    expect(lists()).toBe(2 * (firstLists as number));
    rmSync(dir, { recursive: true, force: true });
  });

  it('a private message reads no chats row (a private chat has none), and is recorded', () => {
    const { app } = testApp();
    const proto = Object.getPrototypeOf(app.db.prepare('SELECT 1')) as Statement & { get: Statement['get'] };
    const get = proto.get;
    const reads: string[] = [];
    proto.get = function (this: Statement, ...args: unknown[]) {
      reads.push(this.source);
      return get.apply(this, args);
    } as Statement['get'];
    restore = () => {
      proto.get = get;
    };
    const dm = (i: number): ChatEvent => ({
      kind: 'message', dedupeKey: `dm${i}`, at, chat: { platform: 'telegram', id: ASN.budi.telegramId, type: 'private' }, messageId: String(i),
      sender: { platform: 'telegram', id: ASN.budi.telegramId }, text: `pesan ${i}`, mentions: [],
    });
    const results = [app.monitor.handle(dm(1)), app.monitor.handle(dm(2))];
    restore();
    restore = undefined;
    expect(results.map((r) => r.duplicate)).toEqual([false, false]);
    expect(app.db.prepare(`SELECT COUNT(*) FROM events WHERE kind = 'message' AND chat_id = ?`).pluck().get(ASN.budi.telegramId)).toBe(2);
    expect(reads.filter((s) => /FROM chats/.test(s))).toEqual([]);
  });

  it('a WhatsApp member scan asks the registry once per member, and still records every unknown member and opens the case of the ASN', () => {
    const { app } = testApp();
    const group: ChatRef = { platform: 'whatsapp', id: '120363000000000077@g.us', title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'group' };
    const unknown = ['6285700000011', '6285700000012', '6285700000013'].map((d) => ({ platform: 'whatsapp' as const, id: `${d}@s.whatsapp.net` }));
    const sari = { platform: 'whatsapp' as const, id: `${ASN.sari.phone.slice(1)}@s.whatsapp.net` };
    const asked: string[] = [];
    const find = app.registry.findByPerson.bind(app.registry);
    app.registry.findByPerson = (p) => (asked.push(p.id ?? ''), find(p));
    const r = app.monitor.handle({ kind: 'members_present', dedupeKey: 'scan-wa', at, chat: group, members: [...unknown, sari] });
    app.registry.findByPerson = find;
    expect(r.opened.map((c) => c.asnNip)).toEqual([ASN.sari.nip]);
    expect(app.db.prepare(`SELECT member_id FROM unmatched_members WHERE chat_id = ? ORDER BY member_id`).pluck().all(group.id)).toEqual(unknown.map((u) => u.id));
    expect(asked.sort()).toEqual([...unknown, sari].map((m) => m.id).sort());
  });
});
