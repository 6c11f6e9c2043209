import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Statement } from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordingMessenger } from '../../../src/app/ports.js';
import { FakeWASocket } from '../../../src/platforms/sim/whatsapp-socket.js';
import { seedBenchAsn } from '../../../src/bench/util.js';
import { beyondCapNotifier } from '../../../src/platforms/whatsapp/beyond-cap.js';
import { classifySendError, WhatsAppMessenger, WhatsAppSendPolicy, restrictedNotifier } from '../../../src/platforms/whatsapp/sender.js';
import type { App } from '../../../src/app/app.js';
import type { Nip, PhoneE164 } from '../../../src/core/ids.js';
import { ADMIN_WA, ASN1, ASN1_PN, ASN2_PN, fakeClock, GROUP, GROUP_TITLE, makeApp, outboxRows, TIMSES_PN, type Clock } from '../../fixtures/whatsapp/setup.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const dm = (app: App, n: number, recipient: string, kind = 'asn_alert') =>
  app.monitor.outbox.enqueue({ dedupeKey: `t:${n}:${recipient}`, platform: 'whatsapp', recipient, recipientKind: 'user', kind, text: `pesan ${n}` }, app.clock());
const warm = (app: App, jid: string) => app.db.prepare(`INSERT INTO wa_contacts (jid, first_inbound_at, last_inbound_at) VALUES (?, 0, 0)`).run(jid);
const jid = (i: number) => `62812000000${String(i).padStart(2, '0')}@s.whatsapp.net`;

function wire(app: App, fake: FakeWASocket, rng: () => number = Math.random) {
  const policy = new WhatsAppSendPolicy({ db: app.db, config: app.config, rng, onRestricted: restrictedNotifier(app) });
  app.attach(new WhatsAppMessenger(() => fake), policy);
  const tg = new RecordingMessenger('telegram');
  app.attach(tg);
  return { policy, tg };
}
/** A bot whose WhatsApp sender lists the ASN waiting beyond a daily cap of `cap` first contacts; Humas on Telegram is recorded. */
/** A third ASN, for the daily-cap lists. */
const RINA = { nip: '199203152018012002' as Nip, nama: 'Rina Wulandari', unit: 'Dinas Sosial', phone: '+6281311112222' as PhoneE164 };

/** The timses adds `member` to its group number `i` of the series (a WhatsApp group id of its own per series and i). */
function timsesAdds(app: ReturnType<typeof capBot>['app'], clock: ReturnType<typeof capBot>['clock'], series: string) {
  return (i: number, member: string) =>
    app.monitor.handle({
      kind: 'member_added', dedupeKey: `wa:add:${i}:${member}`, at: clock.now, chat: { platform: 'whatsapp', id: `12036300000000${series}${String(i).padStart(2, '0')}@g.us`, title: `Relawan Paslon 2 Desa ${i}`, type: 'group' },
      members: [{ platform: 'whatsapp', id: member }], actor: { platform: 'whatsapp', id: TIMSES_PN },
    });
}

function capBot(cap: string) {
  const clock = fakeClock();
  const app = makeApp(clock, { WA_FIRST_CONTACT_DAILY_CAP: cap });
  const fake = new FakeWASocket({ now: clock });
  const policy = new WhatsAppSendPolicy({ db: app.db, config: app.config, rng: () => 0, onFirstContactDue: beyondCapNotifier(app) });
  app.attach(new WhatsAppMessenger(() => fake), policy);
  const tg = new RecordingMessenger('telegram');
  app.attach(tg);
  return { clock, app, fake, tg };
}


/** Runs `f`, pushing the SQL of every statement it runs (better-sqlite3 Statement.get/all/run/iterate) onto `ran`. */
function statementsDuring<T>(app: App, ran: string[], f: () => T): T {
  const proto = Object.getPrototypeOf(app.db.prepare('SELECT 1')) as Statement;
  const saved = { get: proto.get, all: proto.all, run: proto.run, iterate: proto.iterate };
  for (const [name, fn] of Object.entries(saved)) {
    (proto as unknown as Record<string, unknown>)[name] = function (this: Statement, ...args: unknown[]) {
      ran.push(this.source);
      return (fn as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  try {
    return f();
  } finally {
    Object.assign(proto, saved);
  }
}

/** Drains in small clock steps; returns when nothing more goes within `maxMs`. */
async function run(app: App, clock: Clock, maxMs: number, stepMs = 1000) {
  for (let t = 0; t <= maxMs; t += stepMs) {
    await app.dispatcher.drainOnce();
    clock.now += stepMs;
  }
}

describe('WhatsAppSendPolicy', () => {
  it('spaces every send by a random gap within WA_DM_GAP_MIN..MAX seconds', async () => {
    const clock = fakeClock();
    const app = makeApp(clock);
    const fake = new FakeWASocket({ now: clock });
    const seq = [0, 1, 0.5, 0.25, 0.9, 0.1, 0.7];
    let k = 0;
    wire(app, fake, () => seq[k++ % seq.length]!);
    for (let i = 0; i < 6; i++) {
      warm(app, jid(i));
      dm(app, i, jid(i));
    }
    app.monitor.outbox.enqueue({ dedupeKey: 'grp', platform: 'whatsapp', recipient: '1203630@g.us', recipientKind: 'group', kind: 'group_reminder', text: 'pengingat' }, clock.now);
    await run(app, clock, 600_000);
    expect(fake.sent).toHaveLength(7);
    const gaps = fake.sent.slice(1).map((s, i) => s.at - fake.sent[i]!.at);
    for (const g of gaps) {
      expect(g).toBeGreaterThanOrEqual(20_000);
      expect(g).toBeLessThanOrEqual(46_000);
    }
    expect(new Set(gaps).size).toBeGreaterThan(2);
  });

  it('caps first-contact DMs per day, lets warm contacts go ahead, and keeps the count across a restart', async () => {
    const clock = fakeClock();
    const app = makeApp(clock, { WA_FIRST_CONTACT_DAILY_CAP: '2' });
    const fake = new FakeWASocket({ now: clock });
    wire(app, fake, () => 0);
    for (let i = 0; i < 4; i++) dm(app, i, jid(i)); // cold
    warm(app, jid(9));
    dm(app, 9, jid(9)); // warm, queued last
    await run(app, clock, 3_600_000, 5000);
    // Warm first, then two cold ones; the other two wait for tomorrow.
    expect(fake.sent.map((s) => s.jid)).toEqual([jid(9), jid(0), jid(1)]);
    expect(outboxRows(app).filter((r) => r.status === 'pending').map((r) => r.recipient)).toEqual([jid(2), jid(3)]);

    // A new policy on the same database (a restart) still sees today's count.
    const again = new WhatsAppSendPolicy({ db: app.db, config: app.config });
    const row = app.monitor.outbox.dueFor('whatsapp', clock.now)[0]!;
    expect(again.delayFor(row, clock.now)).toBeGreaterThan(0);
    expect(again.firstContactsToday(clock.now)).toEqual([jid(0), jid(1)]);

    // Next day (Asia/Jakarta) the rest go.
    clock.now = Date.UTC(2024, 9, 1, 17, 0, 30); // 2 Oct 00:00:30 WIB
    await run(app, clock, 600_000, 5000);
    expect(fake.sent.map((s) => s.jid)).toEqual([jid(9), jid(0), jid(1), jid(2), jid(3)]);
  });

  it('a failing socket (connection drops, rate limits, a bug-like error) loses nothing and sends nothing twice', async () => {
    const clock = fakeClock();
    const app = makeApp(clock);
    const fake = new FakeWASocket({ now: clock });
    wire(app, fake, () => 0);
    for (let i = 0; i < 5; i++) {
      warm(app, jid(i));
      dm(app, i, jid(i));
    }
    fake.failNext(2, 'network'); // Boom 428 "Connection Closed": nothing was written, no attempt spent
    fake.failNext(1, 'timeout');
    fake.failNext(1, 'rate');
    await run(app, clock, 3_600_000, 5000);
    const rows = outboxRows(app).filter((r) => r.platform === 'whatsapp');
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    expect(fake.sent.map((s) => s.jid).sort()).toEqual([0, 1, 2, 3, 4].map(jid).sort());
    expect(rows.reduce((n, r) => n + r.attempts, 0)).toBe(5 + 2); // every fault was met and retried; a closed socket cost no attempt
  });

  it('a report whose file fails is retried from the file: the text is not sent twice', async () => {
    const clock = fakeClock();
    const app = makeApp(clock);
    const fake = new FakeWASocket({ now: clock });
    wire(app, fake, () => 0);
    const dir = mkdtempSync(join(tmpdir(), 'jn-wa-file-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'laporan.csv'), 'nip,nama\n');
    const admin = '6281111111111@s.whatsapp.net';
    app.monitor.outbox.enqueue({ dedupeKey: 'rep', platform: 'whatsapp', recipient: admin, recipientKind: 'user', kind: 'command_reply', text: 'Laporan', payload: { files: [{ path: join(dir, 'laporan.csv'), filename: 'laporan.csv' }] } }, clock.now);
    const real = fake.sendMessage.bind(fake);
    let failedOnce = false;
    fake.sendMessage = async (jid, content) => {
      if ('document' in content && !failedOnce) {
        failedOnce = true;
        throw Object.assign(new Error('Timed Out'), { output: { statusCode: 408 } });
      }
      return real(jid, content);
    };
    await run(app, clock, 120_000, 5000);
    expect(fake.sent.map((x) => ('document' in x.content ? 'file' : x.content.text))).toEqual(['Laporan', 'file']);
    expect(outboxRows(app).find((r) => r.recipient === admin)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a page full of capped first contacts never hides a warm contact or a group post', async () => {
    const clock = fakeClock();
    const app = makeApp(clock, { WA_FIRST_CONTACT_DAILY_CAP: '2' });
    const fake = new FakeWASocket({ now: clock });
    wire(app, fake, () => 0);
    for (let i = 0; i < 250; i++) dm(app, i, `628130000${String(i).padStart(4, '0')}@s.whatsapp.net`);
    clock.now += 1000;
    warm(app, jid(99));
    dm(app, 999, jid(99));
    app.monitor.outbox.enqueue({ dedupeKey: 'grp', platform: 'whatsapp', recipient: '1203630@g.us', recipientKind: 'group', kind: 'group_reminder', text: 'pengingat' }, clock.now);
    await run(app, clock, 10 * 60_000, 30_000);
    const sent = fake.sent.map((s) => s.jid);
    expect(sent).toContain(jid(99));
    expect(sent).toContain('1203630@g.us');
    expect(sent.filter((j) => j.startsWith('628130000'))).toHaveLength(2);
  });

  it('a new case\'s alerts leave first while 300 flood replies are pending (the global gap serves alerts, then the rest)', async () => {
    const clock = fakeClock();
    const app = makeApp(clock);
    const fake = new FakeWASocket({ now: clock });
    wire(app, fake, () => 0); // the real policy: a 20 s gap between any two sends
    const stranger = '6285799999999@s.whatsapp.net';
    warm(app, stranger);
    for (let i = 0; i < 300; i++) {
      app.monitor.outbox.enqueue({ dedupeKey: `flood:${i}`, platform: 'whatsapp', recipient: stranger, recipientKind: 'user', kind: 'command_reply', text: `balasan ${i}` }, clock.now);
    }
    await app.dispatcher.drainOnce();
    expect(fake.sent.map((s) => s.jid)).toEqual([stranger]);
    clock.now += 5_000;
    // A timses adds a registered ASN to the campaign group while 299 replies wait.
    app.monitor.handle({
      kind: 'member_added', dedupeKey: 'wa:add:asn1', at: clock.now, chat: { platform: 'whatsapp', id: GROUP, title: GROUP_TITLE, type: 'group' },
      members: [{ platform: 'whatsapp', id: ASN1_PN }], actor: { platform: 'whatsapp', id: TIMSES_PN },
    });
    await run(app, clock, 120_000, 1000);
    const order = fake.sent.map((s) => s.jid);
    // Alerts (Humas, then the ASN: oldest first), then the group reminder (a follow-up class), then the replies.
    expect(order.slice(0, 4)).toEqual([stranger, ADMIN_WA, ASN1_PN, GROUP]);
    expect(fake.sent[1]!.content.text).toContain(ASN1.nip);
    // The gap still applies between every send, whatever its class.
    expect(fake.sent[1]!.at - fake.sent[0]!.at).toBeGreaterThanOrEqual(20_000);
    expect(fake.sent[1]!.at - fake.sent[0]!.at).toBeLessThanOrEqual(21_000);
    expect(order.length).toBeGreaterThan(6);
    expect(order.slice(4)).toEqual(order.slice(4).map(() => stranger));
  });

  it('first contacts beyond the daily cap: Humas gets the list of waiting ASN with their phones at once, each listed once', async () => {
    const { clock, app, fake, tg } = capBot('2');
    seedBenchAsn(app, 5, { phoneBase: 80_000_000, tgIdBase: 880_000 });
    const phones = Array.from({ length: 5 }, (_, i) => `62812${80_000_000 + i}`);
    app.monitor.handle({
      kind: 'member_added', dedupeKey: 'wa:add:5', at: clock.now, chat: { platform: 'whatsapp', id: GROUP, title: GROUP_TITLE, type: 'group' },
      members: phones.map((p) => ({ platform: 'whatsapp' as const, id: `${p}@s.whatsapp.net` })), actor: { platform: 'whatsapp', id: TIMSES_PN },
    });
    await run(app, clock, 5 * 60_000, 5000);
    // Two ASN were reached today; the other three wait for tomorrow and Humas has their phones now.
    const reached = fake.sent.filter((s) => phones.some((p) => s.jid.startsWith(p))).map((s) => s.jid);
    expect(reached).toHaveLength(2);
    const list = tg.sent.filter((m) => m.kind === 'wa_beyond_cap');
    expect(list).toHaveLength(1);
    expect(list[0]!.text).toMatch(/^📵 3 ASN belum dapat dihubungi lewat WhatsApp hari ini/);
    for (const p of phones) {
      const waiting = !reached.some((j) => j.startsWith(p));
      expect(list[0]!.text.includes(`+${p}`)).toBe(waiting);
    }
    expect(fake.sent.filter((s) => s.jid === ADMIN_WA && String(s.content.text ?? '').startsWith('📵 3 ASN'))).toHaveLength(1);
    // Later checks list nobody twice.
    clock.now += 10 * 60_000;
    await run(app, clock, 10 * 60_000, 60_000);
    expect(tg.sent.filter((m) => m.kind === 'wa_beyond_cap')).toHaveLength(1);
  });

  it('more waiting ASN than the list shows: 30 lines, the rest counted as ASN, every case in the attached CSV', async () => {
    const { clock, app, tg } = capBot('1');
    seedBenchAsn(app, 34, { phoneBase: 81_000_000, tgIdBase: 881_000 });
    const phones = Array.from({ length: 34 }, (_, i) => `62812${81_000_000 + i}`);
    app.monitor.handle({
      kind: 'member_added', dedupeKey: 'wa:add:34', at: clock.now, chat: { platform: 'whatsapp', id: GROUP, title: GROUP_TITLE, type: 'group' },
      members: phones.map((p) => ({ platform: 'whatsapp' as const, id: `${p}@s.whatsapp.net` })), actor: { platform: 'whatsapp', id: TIMSES_PN },
    });
    await run(app, clock, 5 * 60_000, 5000);
    const list = tg.sent.filter((m) => m.kind === 'wa_beyond_cap');
    expect(list).toHaveLength(1);
    const lines = list[0]!.text.split('\n');
    // One ASN reached today; 33 wait: 30 named, 3 more counted, all 33 rows in the CSV.
    expect(lines[0]).toBe('📵 33 ASN belum dapat dihubungi lewat WhatsApp hari ini');
    expect(lines.filter((x) => x.includes('(NIP ')).length).toBe(30);
    expect(lines.at(-1)).toBe('… dan 3 ASN lagi: lihat berkas CSV terlampir.');
    const files = (list[0]!.payload.files ?? []) as { path: string }[];
    expect(files).toHaveLength(1);
    expect(readFileSync(files[0]!.path, 'utf8').trim().split('\n')).toHaveLength(1 + 33);
  });

  it("the CSV beyond the list has one row per case, in the list's order: an ASN's cases together, each once", async () => {
    const { clock, app, fake, tg } = capBot('1');
    seedBenchAsn(app, 31, { phoneBase: 82_000_000, tgIdBase: 882_000 });
    const phones = Array.from({ length: 31 }, (_, i) => `62812${82_000_000 + i}@s.whatsapp.net`);
    const add = (key: string, group: number, members: string[]) =>
      app.monitor.handle({
        kind: 'member_added', dedupeKey: key, at: clock.now, chat: { platform: 'whatsapp', id: `1203630000000092${String(group).padStart(2, '0')}@g.us`, title: `Relawan Paslon 2 Desa ${group}`, type: 'group' },
        members: members.map((id) => ({ platform: 'whatsapp' as const, id })), actor: { platform: 'whatsapp', id: TIMSES_PN },
      });
    // Budi takes today's one first contact; 31 ASN wait, the first of them (ASN 0) in two groups: her second case is
    // queued after everyone else's first.
    add('budi', 0, [ASN2_PN]);
    add('all', 1, phones);
    add('asn0-again', 2, [phones[0]!]);
    await run(app, clock, 5 * 60_000, 5000);
    expect(fake.sent.filter((s) => s.jid === ASN2_PN)).toHaveLength(1);
    const list = tg.sent.filter((m) => m.kind === 'wa_beyond_cap');
    expect(list).toHaveLength(1);
    const lines = list[0]!.text.split('\n');
    expect(lines[0]).toBe('📵 31 ASN belum dapat dihubungi lewat WhatsApp hari ini');
    const shown = lines.filter((x) => x.includes('(NIP '));
    expect(shown).toHaveLength(30);
    expect(shown[0]).toMatch(/^ASN 0 \(NIP .*\(kasus #2, #33\)$/);
    // The CSV (core/csv.ts, ';' for Indonesian) reads as the list: its rows' cases in the lines' order, each case once.
    const files = (list[0]!.payload.files ?? []) as { path: string }[];
    const rows = (parse(readFileSync(files[0]!.path), { bom: true, delimiter: ';' }) as string[][]).slice(1);
    const casesOfLines = shown.flatMap((l) => [...l.replace(/^.*\(kasus /, '').matchAll(/#(\d+)/g)].map((m) => m[1]!));
    expect(rows.map((r) => r[0]).slice(0, casesOfLines.length)).toEqual(casesOfLines);
    expect(rows).toHaveLength(32);
    expect(new Set(rows.map((r) => r[0])).size).toBe(32);
    expect(rows.slice(0, 2).map((r) => r[2])).toEqual(['ASN 0', 'ASN 0']);
  });

  it("an ASN's summary (one ASN in many groups) waiting for the cap is listed to Humas as the single alerts are", async () => {
    const clock = fakeClock();
    const app = makeApp(clock, { WA_FIRST_CONTACT_DAILY_CAP: '1' });
    const fake = new FakeWASocket({ now: clock });
    // The SQL each check runs (better-sqlite3 Statement.get/all/run): the waiting cases are read in one join.
    const ran: string[] = [];
    const notify = beyondCapNotifier(app);
    const policy = new WhatsAppSendPolicy({ db: app.db, config: app.config, rng: () => 0, onFirstContactDue: (p, now) => statementsDuring(app, ran, () => notify(p, now)) });
    app.attach(new WhatsAppMessenger(() => fake), policy);
    const tg = new RecordingMessenger('telegram');
    app.attach(tg);
    const add = (i: number, member: string) =>
      app.monitor.handle({
        kind: 'member_added', dedupeKey: `wa:add:${i}:${member}`, at: clock.now, chat: { platform: 'whatsapp', id: `1203630000000090${String(i).padStart(2, '0')}@g.us`, title: `Relawan Paslon 2 Desa ${i}`, type: 'group' },
        members: [{ platform: 'whatsapp', id: member }], actor: { platform: 'whatsapp', id: TIMSES_PN },
      });
    // Budi (ASN2) takes today's one first contact; then Siti (ASN1) is added to five groups: her first three alerts
    // and her summary of the other two (case #5, tied to its first case) all wait for tomorrow.
    add(0, ASN2_PN);
    for (let i = 1; i <= 5; i++) add(i, ASN1_PN);
    await run(app, clock, 15 * 60_000, 5000);
    expect(fake.sent.filter((s) => s.jid === ASN1_PN)).toHaveLength(0);
    expect(app.db.prepare(`SELECT incident_id FROM outbox WHERE kind = 'asn_alert_summary' AND status = 'pending'`).pluck().all()).toEqual([5]);
    // Every case the summary stands for is named (5 and 6), not only the first it is filed under; one ASN, counted once.
    expect(app.db.prepare(`SELECT t.incident_id FROM outbox_cases t JOIN outbox o ON o.id = t.outbox_id WHERE o.kind = 'asn_alert_summary'`).pluck().all()).toEqual([5, 6]);
    const lists = tg.sent.filter((m) => m.kind === 'wa_beyond_cap').map((m) => m.text);
    // The three single alerts are listed when they wait, the summary when it is released and waits too: the second
    // list adds its cases to Siti, already waiting, instead of counting her as one more ASN.
    expect(lists).toHaveLength(2);
    expect(lists[0]).toMatch(/^📵 1 ASN belum dapat dihubungi lewat WhatsApp hari ini/);
    expect(lists[1]).toMatch(/^➕ Kasus baru untuk 1 ASN yang sudah ada di daftar tunggu WhatsApp\n/);
    // One ASN, one line, with every case of hers waiting: the count and the lines agree.
    const asnLines = (l: string) => l.split('\n').filter((x) => x.includes('(NIP '));
    expect(lists.map(asnLines)).toEqual([
      [`Siti Aminah (NIP ${ASN1.nip}), Dinas Pendidikan, 📵 ${ASN1.phone} (kasus #2, #3, #4)`],
      [`Siti Aminah (NIP ${ASN1.nip}), Dinas Pendidikan, 📵 ${ASN1.phone} (kasus baru #5, #6; sebelumnya: #2, #3, #4)`],
    ]);
    // Each list read its cases (the summary's tied ones among them) in one statement, not casesOf and incidents.get per row.
    const caseReads = ran.filter((sql) => /\b(incidents|outbox_cases)\b/.test(sql));
    expect(caseReads).toHaveLength(lists.length);
    for (const sql of caseReads) expect(sql).toMatch(/FROM outbox o LEFT JOIN outbox_cases t ON t\.outbox_id = o\.id JOIN incidents i ON/);
  });

  it('the list beyond the daily cap names each waiting ASN once, with all their cases on that line, as many lines as the header counts', async () => {
    const { clock, app, fake, tg } = capBot('1');
    const add = timsesAdds(app, clock, '91');
    app.registry.upsertMany([RINA], clock.now);
    // Budi (cases #1 and #3) takes today's one first contact, so both his alerts go today; Siti's two cases (#2, #4) and
    // Rina's one (#5) wait. Each waiting ASN is one line with all their cases, and the header counts those lines.
    add(0, ASN2_PN);
    add(1, ASN1_PN);
    add(2, ASN2_PN);
    add(3, ASN1_PN);
    add(4, '6281311112222@s.whatsapp.net');
    await run(app, clock, 5 * 60_000, 5000);
    expect(fake.sent.filter((s) => s.jid === ASN2_PN)).toHaveLength(2);
    const lists = tg.sent.filter((m) => m.kind === 'wa_beyond_cap').map((m) => m.text);
    expect(lists).toHaveLength(1);
    const lines = lists[0]!.split('\n');
    expect(lines[0]).toBe('📵 2 ASN belum dapat dihubungi lewat WhatsApp hari ini');
    expect(lines.filter((x) => x.includes('(NIP '))).toEqual([
      `Siti Aminah (NIP ${ASN1.nip}), Dinas Pendidikan, 📵 ${ASN1.phone} (kasus #2, #4)`,
      `Rina Wulandari (NIP ${RINA.nip}), Dinas Sosial, 📵 ${RINA.phone} (kasus #5)`,
    ]);
    expect(lists[0]).not.toContain('Budi');
  });

  it('an ASN already listed as waiting is not listed again as one more ASN: their new case is added to them, beside the new ASN', async () => {
    const { clock, app, tg } = capBot('1');
    const add = timsesAdds(app, clock, '93');
    app.registry.upsertMany([RINA], clock.now);
    // Budi (#1) takes today's one first contact; Siti (#2) waits and is listed.
    add(0, ASN2_PN);
    add(1, ASN1_PN);
    await run(app, clock, 5 * 60_000, 5000);
    // Later the same day Rina (#3) starts waiting, and Siti, still waiting, is added to one more group (#4).
    add(2, '6281311112222@s.whatsapp.net');
    add(3, ASN1_PN);
    await run(app, clock, 10 * 60_000, 5000);
    const lists = tg.sent.filter((m) => m.kind === 'wa_beyond_cap').map((m) => m.text);
    expect(lists).toHaveLength(2);
    expect(lists[0]!.split('\n').filter((x) => x.includes('(NIP '))).toEqual([`Siti Aminah (NIP ${ASN1.nip}), Dinas Pendidikan, 📵 ${ASN1.phone} (kasus #2)`]);
    // One more ASN to call (Rina), and Siti's new case to mention in the call already on the list: the header counts Rina only.
    expect(lists[1]!.split('\n')).toEqual([
      '📵 1 ASN belum dapat dihubungi lewat WhatsApp hari ini',
      'Batas harian pesan pertama WhatsApp (1) tidak cukup untuk mereka hari ini; peringatan mereka menunggu hari berikutnya. Mohon telepon mereka langsung:',
      '',
      `Rina Wulandari (NIP ${RINA.nip}), Dinas Sosial, 📵 ${RINA.phone} (kasus #3)`,
      '',
      '➕ Kasus baru untuk 1 ASN yang sudah ada di daftar tunggu sebelumnya (sebutkan juga saat menelepon):',
      `Siti Aminah (NIP ${ASN1.nip}), Dinas Pendidikan, 📵 ${ASN1.phone} (kasus baru #4; sebelumnya: #2)`,
    ]);
  });

  it('sends nothing twice after a restart on the same database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-wa-send-'));
    dirs.push(dir);
    const path = join(dir, 'bot.db');
    const clock = fakeClock();
    const app1 = makeApp(clock, { DATABASE_PATH: path });
    const fake1 = new FakeWASocket({ now: clock });
    wire(app1, fake1, () => 0);
    for (let i = 0; i < 3; i++) {
      warm(app1, jid(i));
      dm(app1, i, jid(i));
    }
    await app1.dispatcher.drainOnce(); // one goes, the gap holds the rest
    expect(fake1.sent.map((s) => s.jid)).toEqual([jid(0)]);
    await app1.close();

    clock.now += 5_000;
    const app2 = makeApp(clock, { DATABASE_PATH: path }, false);
    const fake2 = new FakeWASocket({ now: clock });
    wire(app2, fake2, () => 0);
    await app2.dispatcher.drainOnce();
    expect(fake2.sent).toEqual([]); // the gap survives the restart
    await run(app2, clock, 600_000, 5000);
    expect(fake2.sent.map((s) => s.jid)).toEqual([jid(1), jid(2)]);
    expect(outboxRows(app2).every((r) => r.status === 'sent')).toBe(true);
    await app2.close();
  });
});

describe('classifySendError', () => {
  it('maps Baileys failures to outbox failure kinds', () => {
    const boom = (code: number, msg: string) => Object.assign(new Error(msg), { output: { statusCode: code } });
    expect(classifySendError(boom(463, 'x')).failure).toBe('restricted');
    expect(classifySendError({ data: 463, message: 'y' }).failure).toBe('restricted');
    expect(classifySendError(new Error('Reachout timelock active')).failure).toBe('restricted');
    expect(classifySendError(boom(429, 'rate-overlimit')).failure).toBe('rate_limited');
    expect(classifySendError(boom(428, 'Connection Closed')).failure).toBe('offline');
    expect(classifySendError(boom(408, 'Timed Out')).failure).toBe('transient');
    expect(classifySendError(new Error('Timed Out')).failure).toBe('transient');
    expect(classifySendError(new TypeError('x is undefined')).failure).toBe('bug');
  });
});
