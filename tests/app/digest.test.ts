import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app/app.js';
import { DIGEST_KEY, runDigest } from '../../src/app/digest.js';
import { confirmLeftByHumas } from '../../src/app/left-claim.js';
import type { ChatEvent } from '../../src/core/types.js';
import { kvGet } from '../../src/store/kv.js';
import { ASN, CAMPAIGN_TG, FakeClock, testApp } from '../support/app.js';

const H = 3_600_000;
const timses = { platform: 'telegram' as const, id: '7777', name: 'Korlap Timses', username: 'korlap02' };

function add(app: App, at: number, tgId: string) {
  const ev: ChatEvent = { kind: 'member_added', dedupeKey: `add-${tgId}-${at}`, at, chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: tgId }], actor: timses };
  return app.monitor.handle(ev).opened[0]!;
}

function digests(app: App) {
  return app.db.prepare(`SELECT dedupe_key AS key, recipient, text FROM outbox WHERE kind = 'humas_digest' ORDER BY id`).all() as { key: string; recipient: string; text: string }[];
}

describe('digest', () => {
  it('tells each Humas admin about new, open and left cases and undeliverable alerts', () => {
    // 2024-11-04 07:00 WIB = 00:00 UTC.
    const clock = new FakeClock(Date.UTC(2024, 10, 3, 10, 0));
    const { app } = testApp({}, clock);
    const budi = add(app, clock.now(), ASN.budi.telegramId);
    const sari = add(app, clock.now() + H, ASN.sari.telegramId);
    // Dedi never started the bot: his alert is born undeliverable.
    app.monitor.handle({
      kind: 'message', dedupeKey: 'm-dedi', at: clock.now() + 2 * H, chat: CAMPAIGN_TG, messageId: '5', sender: timses,
      text: 'Ayo coblos nomor 2! @dedik', mentions: [{ platform: 'telegram', username: 'dedik' }],
    });
    app.monitor.handle({ kind: 'member_left', dedupeKey: 'l-budi', at: clock.now() + 3 * H + 30 * 60_000, chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: ASN.budi.telegramId }] });
    clock.t = Date.UTC(2024, 10, 4, 0, 0);
    const r = runDigest(app, clock.now());
    expect(r.queued).toBe(2);
    expect(r.data.newCases.map((c) => c.id)).toEqual([budi.id, sari.id, budi.id + 2]);
    expect(r.data.openCases.map((c) => c.id)).toEqual([sari.id, budi.id + 2]);
    expect(r.data.leftCases.map((c) => c.id)).toEqual([budi.id]);
    expect(r.data.undeliverable.map((u) => u.kind)).toEqual(['asn_alert']);
    const d = digests(app);
    expect(d.map((x) => x.key).sort()).toEqual(['digest:2024-11-04:tg:9001', 'digest:2024-11-04:wa:6281111111111']);
    const text = d[0]!.text;
    expect(text).toContain('Kasus baru: 3');
    expect(text).toContain('Kasus masih terbuka: 2');
    expect(text).toContain('ASN sudah keluar: 1');
    expect(text).toContain(`#${budi.id} Budi Santoso (Dinas Pendidikan), "Relawan Paslon 2 Pilgub Sumsel", dalam 3 jam 30 menit`);
    expect(text).toContain('Pesan tidak terkirim: 1');
    expect(text).toContain('Dedi Kurniawan');
    expect(kvGet(app.db, DIGEST_KEY)).toBe(String(clock.now()));
  });

  it('a second run on the same day sends nothing and keeps the window; the next day covers only what is new', () => {
    const clock = new FakeClock(Date.UTC(2024, 10, 4, 0, 0));
    const { app } = testApp({}, clock);
    add(app, clock.now() - H, ASN.budi.telegramId);
    expect(runDigest(app, clock.now()).queued).toBe(2);
    clock.advance(2 * H);
    const sari = add(app, clock.now(), ASN.sari.telegramId);
    expect(runDigest(app, clock.now()).queued).toBe(0);
    expect(digests(app)).toHaveLength(2);
    expect(kvGet(app.db, DIGEST_KEY)).toBe(String(Date.UTC(2024, 10, 4, 0, 0)));
    clock.t = Date.UTC(2024, 10, 5, 0, 0);
    const r = runDigest(app, clock.now());
    expect(r.queued).toBe(2);
    expect(r.data.newCases.map((c) => c.id)).toEqual([sari.id]);
    expect(r.data.openCases).toHaveLength(2);
    expect(digests(app)[2]!.text).toContain('Kasus baru: 1');
  });

  it('says so when nothing happened', () => {
    const { app, clock } = testApp();
    runDigest(app, clock.now());
    const text = digests(app)[0]!.text;
    expect(text).toContain('Kasus baru: tidak ada');
    expect(text).toContain('Pesan tidak terkirim: tidak ada');
  });

  it('speaks English when configured', () => {
    const { app, clock } = testApp({ LANGUAGE: 'en' });
    add(app, clock.now(), ASN.budi.telegramId);
    clock.advance(H);
    runDigest(app, clock.now());
    expect(digests(app)[0]!.text).toContain('New cases: 1');
  });

  it('a leave the bot did not see says how it is known, in the reader’s language (issue 24 point 1)', () => {
    const clock = new FakeClock(Date.UTC(2024, 10, 3, 10, 0));
    const { app } = testApp({ LANGUAGE: 'en' }, clock);
    const budi = add(app, clock.now(), ASN.budi.telegramId);
    const sari = add(app, clock.now(), ASN.sari.telegramId);
    clock.advance(H);
    app.monitor.handle({ kind: 'member_left', dedupeKey: 'l-budi', at: clock.now(), chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: ASN.budi.telegramId }] });
    expect(confirmLeftByHumas(app, sari.id, 'tg:9001', clock.now()).ok).toBe(true);
    clock.t = Date.UTC(2024, 10, 4, 0, 0);
    runDigest(app, clock.now());
    const lines = digests(app)[0]!.text.split('\n');
    expect(lines.filter((l) => l.startsWith('- #'))).toEqual(expect.arrayContaining([
      `- #${budi.id} Budi Santoso (Dinas Pendidikan), "Relawan Paslon 2 Pilgub Sumsel", after 1 h`,
      `- #${sari.id} Sari Wulandari (Dinas Kesehatan), "Relawan Paslon 2 Pilgub Sumsel", after 1 h (left, confirmed by Humas)`,
    ]));
  });

  it('an alert refused after the last digest is in the next one, even though it was queued before', async () => {
    const clock = new FakeClock(Date.UTC(2024, 10, 3, 23, 0));
    const { app } = testApp({}, clock);
    add(app, clock.now(), ASN.budi.telegramId);
    clock.t = Date.UTC(2024, 10, 4, 0, 0);
    expect(runDigest(app, clock.now()).data.undeliverable).toEqual([]);
    clock.advance(3 * H); // Budi blocked the bot meanwhile: the send is refused now
    app.attach({ platform: 'telegram', send: async (m) => (m.kind === 'asn_alert' ? { ok: false, failure: 'refused', detail: '403: Forbidden: bot was blocked by the user' } : { ok: true }) });
    await app.dispatcher.drainOnce();
    clock.t = Date.UTC(2024, 10, 5, 0, 0);
    expect(runDigest(app, clock.now()).data.undeliverable.map((u) => u.kind)).toEqual(['asn_alert']);
  });
});

describe('closing the loop (issue 12 point 11)', () => {
  const leave = (app: App, at: number, tgId: string) =>
    app.monitor.handle({ kind: 'member_left', dedupeKey: `left-${tgId}-${at}`, at, chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: tgId }] });
  const thanks = (app: App) =>
    app.db.prepare(`SELECT dedupe_key AS key, recipient, text, incident_id AS caseId FROM outbox WHERE kind = 'thanks_left' ORDER BY id`).all() as { key: string; recipient: string; text: string; caseId: number }[];

  it('an ASN who left gets one short thank-you through the outbox; Humas sees the closed case and the thank-you in the digest', () => {
    const clock = new FakeClock(Date.UTC(2024, 10, 4, 3, 0));
    const { app } = testApp({}, clock);
    const c = add(app, clock.now(), ASN.budi.telegramId);
    clock.advance(2 * H);
    expect(leave(app, clock.now(), ASN.budi.telegramId).closed.map((x) => x.id)).toEqual([c.id]);
    // The same leave seen again (a check, a re-delivered update) thanks nobody twice.
    leave(app, clock.now() + 1, ASN.budi.telegramId);
    const t = thanks(app);
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ recipient: ASN.budi.telegramId, caseId: c.id });
    expect(t[0]!.text).toContain('Terima kasih');
    expect(t[0]!.text).toContain(`kasus #${c.id}`);
    expect(t[0]!.text).toContain(CAMPAIGN_TG.title);
    // The thank-you names no NIP and no phone.
    expect(t[0]!.text).not.toMatch(/\d{10,}/);

    app.db.prepare(`UPDATE outbox SET status = 'sent', finished_at = ? WHERE kind = 'thanks_left'`).run(clock.now());
    clock.advance(H);
    const r = runDigest(app, clock.now());
    expect(r.data.leftCases.map((x) => x.id)).toEqual([c.id]);
    const d = digests(app).find((x) => x.recipient === '9001')!;
    expect(d.text).toMatch(new RegExp(`ASN sudah keluar: 1\\n- #${c.id} Budi Santoso .*sudah diberi ucapan terima kasih`));
  });

  it('in English with LANGUAGE=en; an ASN the bot cannot reach on that platform is not thanked there', () => {
    const clock = new FakeClock(Date.UTC(2024, 10, 4, 3, 0));
    const { app } = testApp({ LANGUAGE: 'en' }, clock);
    add(app, clock.now(), ASN.budi.telegramId);
    leave(app, clock.now() + H, ASN.budi.telegramId);
    expect(thanks(app)[0]!.text).toMatch(/^Thank you\. You are no longer in the group/);
    // Dedi has no Telegram id: matched by username only, he cannot be messaged on Telegram.
    const dedi = app.monitor.handle({ kind: 'member_added', dedupeKey: 'add-dedi', at: clock.now(), chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: '5003', username: ASN.dedi.telegramUsername }] });
    expect(dedi.opened).toHaveLength(1);
    const closed = app.monitor.handle({ kind: 'member_left', dedupeKey: 'left-dedi', at: clock.now() + H, chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: '5003', username: ASN.dedi.telegramUsername }] }).closed;
    expect(closed).toHaveLength(1);
    expect(thanks(app)).toHaveLength(1);
  });
});
