/**
 * One Telegram username matched in many groups within the hour (Dedi's record has his username and no Telegram id,
 * so the account behind "@dedik" may be anyone's: core/detect.ts unverifiedMatch). A case alerted alone warns
 * "Identitas belum terverifikasi" (src/core/messages/id.ts humasAlert). Such cases are held for Humas' summary of one
 * ASN (app/humas-asn-holds.ts) like any other, so a hundred groups do not mean a hundred messages: the case keeps how
 * it was matched (table incident_unverified), each of its lines in the summary is marked, and one note under the list
 * says what that means; a summary left holding one case sends its one-case alert, full warning included. Through
 * Monitor.handle and App.releaseSummaries.
 */
import { describe, expect, it } from 'vitest';
import type { ChatRef } from '../../src/core/types.js';
import { ASN, testApp } from '../support/app.js';

const timses = { platform: 'telegram' as const, id: '7777', name: 'Timses' };
const group = (i: number): ChatRef => ({ platform: 'telegram', id: `-10055500${i}`, title: `Relawan Paslon 2 Kecamatan ${i}`, type: 'supergroup' });
const tagDedi = (app: ReturnType<typeof testApp>['app'], at: number, groups: number) => {
  for (let i = 1; i <= groups; i++) {
    app.monitor.handle({
      kind: 'message', dedupeKey: `m-${i}`, at: at + i * 1000, chat: group(i), messageId: String(i), sender: timses,
      text: 'Ayo coblos nomor 2! @dedik', mentions: [{ platform: 'telegram', username: ASN.dedi.telegramUsername }],
    });
  }
};
const toHumas = (app: ReturnType<typeof testApp>['app']) => app.db.prepare(`SELECT kind, text FROM outbox WHERE recipient = '9001' ORDER BY id`).all() as { kind: string; text: string }[];

describe("Humas' summary of one ASN and a match by username alone", () => {
  it('the first 3 cases alone with the full warning, the other 3 in one summary whose lines are marked', () => {
    const { app, clock } = testApp();
    tagDedi(app, clock.now(), 6);
    clock.advance(2 * 3_600_000);
    app.releaseSummaries(clock.now(), true);
    const cases = app.db.prepare(`SELECT id FROM incidents WHERE asn_nip = ? ORDER BY id`).pluck().all(ASN.dedi.nip) as number[];
    expect(cases).toHaveLength(6);
    const msgs = toHumas(app);
    expect(msgs.map((m) => m.kind)).toEqual(['humas_alert', 'humas_alert', 'humas_alert', 'humas_asn_summary']);
    for (const [i, m] of msgs.slice(0, 3).entries()) {
      expect(m.text).toContain(`#${cases[i]}`);
      expect(m.text).toContain('Identitas belum terverifikasi: akun ini cocok hanya dari username Telegram @dedik;');
    }
    const summary = msgs[3]!.text;
    expect(summary).toMatch(/^⚠️ Satu ASN ditemukan di 3 grup lain sekaligus \(Telegram\)/);
    for (const [k, id] of cases.slice(3).entries()) {
      expect(summary).toContain(`Kasus #${id}: "Relawan Paslon 2 Kecamatan ${k + 4}" (ditandai (di-tag) dalam unggahan Pilkada), ⚠️ belum terverifikasi (@dedik)\n`);
    }
    expect(summary.split('bertanda "belum terverifikasi"')).toHaveLength(2);
    expect(summary).toContain(`📵 ASN belum bisa dihubungi bot: mohon hubungi langsung di ${ASN.dedi.phone}.`);
    expect(app.db.prepare(`SELECT COUNT(*) FROM humas_asn_holds`).pluck().get()).toBe(3);
    // Nothing for the account: each ASN alert is recorded undeliverable, addressed to no Telegram account.
    const asnRows = app.db.prepare(`SELECT recipient, status FROM outbox WHERE kind = 'asn_alert'`).all() as { recipient: string; status: string }[];
    expect(asnRows).toHaveLength(6);
    for (const r of asnRows) expect(r).toEqual({ recipient: `asn:${ASN.dedi.nip}`, status: 'undeliverable' });
  });

  it('a summary left holding one unverified case sends its one-case alert, full warning included', () => {
    const { app, clock } = testApp();
    tagDedi(app, clock.now(), 4);
    clock.advance(2 * 3_600_000);
    app.releaseSummaries(clock.now(), true);
    const msgs = toHumas(app);
    expect(msgs.map((m) => m.kind)).toEqual(Array(4).fill('humas_alert'));
    for (const m of msgs) expect(m.text).toContain('Identitas belum terverifikasi: akun ini cocok hanya dari username Telegram @dedik;');
  });

  it('in English the lines are marked "unverified" and the note says so', () => {
    const { app, clock } = testApp({ LANGUAGE: 'en' });
    tagDedi(app, clock.now(), 5);
    clock.advance(2 * 3_600_000);
    app.releaseSummaries(clock.now(), true);
    const summary = toHumas(app).find((m) => m.kind === 'humas_asn_summary')!.text;
    expect(summary).toContain('⚠️ unverified (@dedik)\n');
    expect(summary).toContain('⚠️ 2 case(s) marked "unverified" matched only by the Telegram username');
  });
});
