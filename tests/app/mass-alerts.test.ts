import { readFileSync, rmSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { reportsDir } from '../../src/app/reports/command.js';
import { seedBenchAsn } from '../../src/bench/util.js';
import type { Nip, PhoneE164 } from '../../src/core/ids.js';
import type { ChatEvent } from '../../src/core/types.js';
import { ARISAN_TG, ASN, CAMPAIGN_TG, testApp } from '../support/app.js';

const files: string[] = [];
afterEach(() => {
  for (const f of files.splice(0)) rmSync(f, { force: true });
});

const timses = { platform: 'telegram' as const, id: '7777', name: 'Korlap Timses' };
const add = (ids: number[], key: string, chat = CAMPAIGN_TG): ChatEvent => ({
  kind: 'member_added', dedupeKey: key, at: Date.UTC(2024, 10, 4, 3), chat, actor: timses, members: ids.map((i) => ({ platform: 'telegram' as const, id: String(800_000 + i) })),
});
const rows = (app: ReturnType<typeof testApp>['app'], kind: string) =>
  app.db.prepare(`SELECT recipient, text, payload FROM outbox WHERE kind = ? ORDER BY id`).all(kind) as { recipient: string; text: string; payload: string | null }[];

describe('mass events', () => {
  it('500 ASN added at once: 500 ASN alerts, the first 3 Humas alerts one by one, the rest as one summary with a CSV', async () => {
    const { app, clock } = testApp({ HUMAS_ADMINS: 'tg:9001' });
    seedBenchAsn(app, 500, { phoneBase: 60_000_000, tgIdBase: 800_000 });
    app.monitor.handle(add([...Array(500).keys()], 'mass'));
    expect(rows(app, 'asn_alert')).toHaveLength(500);
    expect(rows(app, 'humas_alert')).toHaveLength(3);
    expect(rows(app, 'humas_mass_alert')).toHaveLength(0);
    // Not before the window ends (more may come)...
    app.releaseSummaries(clock.now() + 59_000);
    expect(rows(app, 'humas_mass_alert')).toHaveLength(0);
    // ...then one summary per admin, released by the dispatcher's drain.
    clock.advance(60_000);
    await app.dispatcher.drainOnce();
    const [summary] = rows(app, 'humas_mass_alert');
    expect(rows(app, 'humas_mass_alert')).toHaveLength(1);
    expect(summary!.text).toMatch(/^⚠️ 497 ASN ditemukan sekaligus/);
    expect(summary!.text).toContain('Relawan Paslon 2 Pilgub Sumsel');
    expect(summary!.text).toContain('Oleh: Korlap Timses');
    expect(summary!.text).toContain('… dan 467 lagi');
    expect(summary!.text.length).toBeLessThan(4096);
    const csv = (JSON.parse(summary!.payload!) as { files: { path: string }[] }).files[0]!.path;
    files.push(csv);
    expect(csv.startsWith(reportsDir(app))).toBe(true);
    const table = parse(readFileSync(csv), { bom: true, delimiter: ';' }) as string[][];
    expect(table[0]).toEqual(['kasus', 'nip', 'nama', 'unit', 'telepon', 'dapat_dihubungi_bot']);
    expect(table).toHaveLength(498);
    // Every case is on exactly one Humas message: alerted alone or listed.
    const alone = rows(app, 'humas_alert').map((r) => Number(/Kasus #(\d+)/.exec(r.text)![1]));
    const listed = table.slice(1).map((r) => Number(r[0]));
    expect(new Set([...alone, ...listed]).size).toBe(500);
    // Released once.
    await app.dispatcher.drainOnce();
    expect(rows(app, 'humas_mass_alert')).toHaveLength(1);
  });

  it('a few cases stay one alert each; a burst over separate events in one group is summarised; other groups are not affected', () => {
    const { app, clock } = testApp({ HUMAS_ADMINS: 'tg:9001' });
    seedBenchAsn(app, 20, { phoneBase: 60_000_000, tgIdBase: 800_000 });
    app.monitor.handle(add([0, 1], 'a'));
    app.monitor.handle(add([2], 'b', { ...ARISAN_TG, title: 'Posko Pemenangan Paslon 2' }));
    expect(rows(app, 'humas_alert')).toHaveLength(3);
    // Ten more, one update each, seconds apart, in the first group: one more alone, then held.
    for (let i = 3; i < 13; i++) {
      clock.advance(2000);
      app.monitor.handle(add([i], `c${i}`));
    }
    expect(rows(app, 'humas_alert')).toHaveLength(4);
    clock.advance(60_000);
    app.releaseSummaries(clock.now());
    const summary = rows(app, 'humas_mass_alert');
    expect(summary).toHaveLength(1);
    expect(summary[0]!.text).toMatch(/^⚠️ 9 ASN/);
    expect(summary[0]!.payload).toBeNull(); // short list: no CSV
    // After a quiet window the group starts afresh.
    clock.advance(61_000);
    app.monitor.handle(add([13], 'd'));
    expect(rows(app, 'humas_alert')).toHaveLength(5);
  });

  it('a burst whose window ends holding one case sends it as the usual one-case alert, not a summary of one (issue 21 point 9)', () => {
    const { app, clock } = testApp({ HUMAS_ADMINS: 'tg:9001' });
    seedBenchAsn(app, 5, { phoneBase: 60_000_000, tgIdBase: 800_000 });
    // Four added at once: three alerts one by one, the fourth held for the window.
    app.monitor.handle(add([0, 1, 2, 3], 'a'));
    expect(rows(app, 'humas_alert')).toHaveLength(3);
    clock.advance(60_000);
    expect(app.releaseSummaries(clock.now())).toBe(1);
    expect(rows(app, 'humas_mass_alert')).toHaveLength(0);
    const alerts = app.db.prepare(`SELECT text, incident_id AS incidentId FROM outbox WHERE kind = 'humas_alert' ORDER BY id`).all() as { text: string; incidentId: number }[];
    expect(alerts).toHaveLength(4);
    expect(alerts[3]!.incidentId).toBe(4);
    expect(alerts[3]!.text).toMatch(/^⚠️ Kasus #4: ASN dimasukkan ke grup kampanye\n/);
    expect(alerts[3]!.text).toContain(`Grup: "${CAMPAIGN_TG.title}"`);
    expect(alerts[3]!.text).toContain('Oleh: Korlap Timses (7777)');
    expect(alerts[3]!.text).not.toMatch(/1 ASN ditemukan sekaligus/);
  });

  it('the one case a window releases alone is built as an alert sent at once: a stranger\'s title and name are quoted the same way', () => {
    const { app, clock } = testApp({ HUMAS_ADMINS: 'tg:9001' });
    seedBenchAsn(app, 5, { phoneBase: 60_000_000, tgIdBase: 800_000 });
    const chat = { ...CAMPAIGN_TG, id: '-100555', title: 'Relawan "Paslon 2" *resmi* www.evil.example' };
    const ev = add([0, 1, 2, 3], 'q', chat);
    app.monitor.handle({ ...ev, actor: { ...timses, name: 'Korlap "Humas" https://evil.example/x' } } as ChatEvent);
    clock.advance(60_000);
    expect(app.releaseSummaries(clock.now())).toBe(1);
    const texts = rows(app, 'humas_alert').map((r) => r.text);
    expect(texts).toHaveLength(4);
    // Both the third (sent at once) and the fourth (held, then released alone) quote the title and the name alike.
    for (const t of [texts[2]!, texts[3]!]) {
      expect(t).toContain(`Grup: "Relawan 'Paslon 2' ∗resmi∗ www[.]evil[.]example" (Telegram -100555)`);
      expect(t).toContain(`Oleh: Korlap 'Humas' hxxps://evil[.]example/x (7777)`);
    }
  });

  it('an ASN matched by Telegram username alone is held in the summary like the others, their line marked and the note under the list', () => {
    const { app, clock } = testApp({ HUMAS_ADMINS: 'tg:9001' });
    seedBenchAsn(app, 4, { phoneBase: 60_000_000, tgIdBase: 800_000 });
    const ev = add([0, 1, 2, 3], 'm');
    if (ev.kind !== 'member_added') throw new Error('kind');
    // Dedi never started the bot: known here only by his username, so the account may be anyone's (core/detect.ts unverifiedMatch).
    app.monitor.handle({ ...ev, members: [...ev.members, { platform: 'telegram', id: String(ASN.budi.telegramId) }, { platform: 'telegram', id: '5099', username: 'dedik' }] });
    // Counted in the burst like any other: the first three alone, the fourth, Budi and Dedi held.
    expect(rows(app, 'humas_alert')).toHaveLength(3);
    expect(rows(app, 'humas_alert').some((r) => r.text.includes(ASN.dedi.nip))).toBe(false);
    clock.advance(60_000);
    app.releaseSummaries(clock.now());
    expect(rows(app, 'humas_alert')).toHaveLength(3);
    const [summary] = rows(app, 'humas_mass_alert');
    expect(summary!.text).toMatch(/^⚠️ 3 ASN/);
    const dedi = app.db.prepare(`SELECT id FROM incidents WHERE asn_nip = ?`).pluck().get(ASN.dedi.nip) as number;
    expect(summary!.text).toContain(`#${dedi} Dedi Kurniawan (NIP ${ASN.dedi.nip}), BPKAD, 📵 ${ASN.dedi.phone}, ⚠️ belum terverifikasi (@dedik)\n`);
    expect(summary!.text).toContain(`Budi Santoso (NIP ${ASN.budi.nip}), Dinas Pendidikan\n`);
    expect(summary!.text.match(/belum terverifikasi/g)).toHaveLength(2); // Dedi's mark and the note
    expect(summary!.text).toContain('⚠️ 1 kasus bertanda "belum terverifikasi" cocok hanya dari username Telegram');
    expect(summary!.text).toContain('📵 1 ASN tidak dapat dihubungi bot');
    // Nothing to the account: Dedi's alert is recorded undeliverable, addressed to no Telegram account.
    expect(app.db.prepare(`SELECT recipient, status FROM outbox WHERE kind = 'asn_alert' AND incident_id = ?`).get(dedi)).toEqual({ recipient: `asn:${ASN.dedi.nip}`, status: 'undeliverable' });
  });

  it('a window that ends holding one unverified case sends its one-case alert with the full warning', () => {
    const { app, clock } = testApp({ HUMAS_ADMINS: 'tg:9001' });
    seedBenchAsn(app, 3, { phoneBase: 60_000_000, tgIdBase: 800_000 });
    const ev = add([0, 1, 2], 'm');
    if (ev.kind !== 'member_added') throw new Error('kind');
    app.monitor.handle({ ...ev, members: [...ev.members, { platform: 'telegram', id: '5099', username: 'dedik' }] });
    clock.advance(60_000);
    app.releaseSummaries(clock.now());
    expect(rows(app, 'humas_mass_alert')).toHaveLength(0);
    const dedi = rows(app, 'humas_alert').filter((r) => r.text.includes(`NIP ${ASN.dedi.nip}`));
    expect(dedi).toHaveLength(1);
    expect(dedi[0]!.text).toContain('Identitas belum terverifikasi: akun ini cocok hanya dari username Telegram @dedik (id akun 5099);');
    expect(dedi[0]!.text).toContain(`mohon hubungi langsung di ${ASN.dedi.phone}`);
  });

  it('a long list with unverified cases: the CSV has one more column, the username on their rows only', () => {
    const { app, clock } = testApp({ HUMAS_ADMINS: 'tg:9001' });
    seedBenchAsn(app, 20, { phoneBase: 60_000_000, tgIdBase: 800_000 });
    // 20 more known by username only.
    app.registry.upsertMany(
      Array.from({ length: 20 }, (_, i) => ({ nip: `1990010120150120${String(i).padStart(2, '0')}` as Nip, nama: `Staf ${i}`, unit: 'Dinas Kesehatan', phone: `+628131000${String(i).padStart(4, '0')}` as PhoneE164, telegramUsername: `staf_dinas${i}` })),
      Date.now(),
    );
    const ev = add([...Array(20).keys()], 'm');
    if (ev.kind !== 'member_added') throw new Error('kind');
    app.monitor.handle({ ...ev, members: [...ev.members, ...Array.from({ length: 20 }, (_, i) => ({ platform: 'telegram' as const, id: String(6200 + i), username: `staf_dinas${i}` }))] });
    clock.advance(60_000);
    app.releaseSummaries(clock.now());
    const [summary] = rows(app, 'humas_mass_alert');
    expect(summary!.text).toMatch(/^⚠️ 37 ASN/);
    expect(summary!.text).toContain('… dan 7 lagi');
    // 20 marked cases, 13 of them listed in the text; the note counts all 20.
    expect(summary!.text.match(/, ⚠️ belum terverifikasi \(@staf_dinas\d+\)\n/g)).toHaveLength(13);
    expect(summary!.text).toContain('⚠️ 20 kasus bertanda "belum terverifikasi"');
    const csv = (JSON.parse(summary!.payload!) as { files: { path: string }[] }).files[0]!.path;
    files.push(csv);
    const table = parse(readFileSync(csv), { bom: true, delimiter: ';' }) as string[][];
    expect(table[0]).toEqual(['kasus', 'nip', 'nama', 'unit', 'telepon', 'dapat_dihubungi_bot', 'belum_terverifikasi_username']);
    expect(table).toHaveLength(38);
    const body = table.slice(1);
    expect(body.filter((r) => r[6] !== '').map((r) => [r[2], r[5], r[6]])).toEqual(Array.from({ length: 20 }, (_, i) => [`Staf ${i}`, 'tidak', `staf_dinas${i}`]));
    expect(body.filter((r) => r[6] === '')).toHaveLength(17);
  });
});

describe("a group's burst ending with one held case whose ASN alert waits in the ASN's own summary", () => {
  it('the one-case alert says the ASN will be told in that summary, not that the ASN was told', async () => {
    const { app, clock } = testApp({ HUMAS_ADMINS: 'tg:9001', MASS_ALERT_THRESHOLD: '1' });
    const group = (i: number) => ({ ...CAMPAIGN_TG, id: `-10012345678${String(i).padStart(2, '0')}`, title: `Relawan Paslon 2 Desa ${i}` });
    const budi = { platform: 'telegram' as const, id: ASN.budi.telegramId };
    const sari = { platform: 'telegram' as const, id: ASN.sari.telegramId };
    const at = clock.now();
    // Budi in three groups: his three ASN alerts go alone (app/asn-alert-holds.ts). In the fourth, Sari first (alone
    // in that group's window), then Budi: held by the group's burst, and his ASN alert held for his summary.
    for (let i = 1; i <= 3; i++) app.monitor.handle({ kind: 'member_added', dedupeKey: `b${i}`, at, chat: group(i), actor: timses, members: [budi] });
    app.monitor.handle({ kind: 'member_added', dedupeKey: 's4', at, chat: group(4), actor: timses, members: [sari] });
    const held = app.monitor.handle({ kind: 'member_added', dedupeKey: 'b4', at, chat: group(4), actor: timses, members: [budi] }).opened[0]!;
    expect(app.db.prepare(`SELECT released_at FROM asn_alert_holds WHERE incident_id = ?`).pluck().all(held.id)).toEqual([null]);
    clock.advance(61_000);
    app.releaseSummaries(clock.now());
    const alert = rows(app, 'humas_alert').find((r) => r.text.includes(`Kasus #${held.id}:`));
    expect(alert?.text).toContain('pesan pribadi untuk grup ini dikirim dalam ringkasan grup-grup tersebut');
    expect(alert?.text).not.toContain('ASN sudah dikirimi pesan pribadi');
  });
});
