/**
 * One Telegram username matched in many groups within the hour (Dedi's record has his username and no Telegram id,
 * so the account behind "@dedik" may be anyone's: core/detect.ts unverifiedMatch). Each case's Humas alert warns
 * "Identitas belum terverifikasi" (src/core/messages/id.ts humasAlert). Humas' summary of one ASN
 * (app/humas-asn-holds.ts) keeps no such warning, and an incident row does not record it: a case held there reached
 * Humas as a case of Dedi's, in a summary giving his phone to call, without the warning. Such a case is not held for
 * the ASN's summary: its alert goes alone, with the warning. Through Monitor.handle and App.releaseSummaries.
 */
import { describe, expect, it } from 'vitest';
import type { ChatRef } from '../../src/core/types.js';
import { ASN, testApp } from '../support/app.js';

const timses = { platform: 'telegram' as const, id: '7777', name: 'Timses' };
const group = (i: number): ChatRef => ({ platform: 'telegram', id: `-10055500${i}`, title: `Relawan Paslon 2 Kecamatan ${i}`, type: 'supergroup' });

describe("Humas' summary of one ASN and a match by username alone", () => {
  it('every case of an unverified match reaches Humas with its warning, none is held in the summary', () => {
    const { app, clock } = testApp();
    for (let i = 1; i <= 6; i++) {
      app.monitor.handle({
        kind: 'message', dedupeKey: `m-${i}`, at: clock.now() + i * 1000, chat: group(i), messageId: String(i), sender: timses,
        text: 'Ayo coblos nomor 2! @dedik', mentions: [{ platform: 'telegram', username: ASN.dedi.telegramUsername }],
      });
    }
    clock.advance(2 * 3_600_000);
    app.releaseSummaries(clock.now(), true);
    const cases = app.db.prepare(`SELECT id FROM incidents WHERE asn_nip = ? ORDER BY id`).pluck().all(ASN.dedi.nip) as number[];
    expect(cases).toHaveLength(6);
    const toHumas = app.db.prepare(`SELECT kind, text FROM outbox WHERE recipient = '9001' ORDER BY id`).all() as { kind: string; text: string }[];
    expect(toHumas.map((m) => m.kind)).toEqual(Array(6).fill('humas_alert'));
    for (const [i, m] of toHumas.entries()) {
      expect(m.text).toContain(`#${cases[i]}`);
      expect(m.text).toContain('Identitas belum terverifikasi');
    }
    expect(app.db.prepare(`SELECT COUNT(*) FROM humas_asn_holds`).pluck().get()).toBe(0);
  });
});
