/**
 * `jaga-netral cases show` on the real binary marks a case matched by Telegram username alone the way `/kasus N`
 * does: "⚠️ belum terverifikasi (@username)" at the end of its ASN line (table incident_unverified, read with the
 * case by app/office/cases.ts). Dedi's record has his username and no Telegram id, so a post tagging "@dedik" in
 * a campaign group opens such a case (core/detect.ts unverifiedMatch); Budi's case (by his Telegram id) is not marked.
 */
import { describe, expect, it } from 'vitest';
import { ASN } from '../support/app.js';
import { botDatabase, jn, SPAWN_TIMEOUT, tempHome } from './support.js';

describe('cases show and a match by username alone (real binary)', SPAWN_TIMEOUT, () => {
  it('the ASN line ends with the mark (id and en); a case matched by Telegram id has none', async () => {
    const { db } = tempHome();
    const bot = botDatabase(db);
    const at = bot.app.clock();
    bot.app.monitor.handle({
      kind: 'message', dedupeKey: 'tag-dedi', at, chat: { platform: 'telegram', id: '-1005550001', title: 'Relawan Paslon 2 Kecamatan Baturaja', type: 'supergroup' },
      messageId: '1', sender: { platform: 'telegram', id: '7777', name: 'Korlap Timses' }, text: 'Ayo coblos nomor 2! @dedik',
      mentions: [{ platform: 'telegram', username: ASN.dedi.telegramUsername }],
    });
    const dedi = bot.app.db.prepare(`SELECT id FROM incidents WHERE asn_nip = ?`).pluck().get(ASN.dedi.nip) as number;
    const budi = bot.app.db.prepare(`SELECT MIN(id) FROM incidents WHERE asn_nip = ?`).pluck().get(ASN.budi.nip) as number;
    expect(bot.app.monitor.incidents.unverifiedOf(dedi)?.username).toBe('dedik');
    await bot.close();
    const env = { DATABASE_PATH: db, LANGUAGE: 'id', APP_TIMEZONE: 'Asia/Jakarta' };
    const show = await jn(['cases', 'show', String(dedi)], env);
    expect(show.code).toBe(0);
    expect(show.out.split('\n')).toContain(`ASN: Dedi Kurniawan (NIP ${ASN.dedi.nip}), BPKAD, ⚠️ belum terverifikasi (@dedik)`);
    const en = await jn(['cases', 'show', String(dedi)], { ...env, LANGUAGE: 'en' });
    expect(en.out).toContain(`, BPKAD, ⚠️ unverified (@dedik)\n`);
    const verified = await jn(['cases', 'show', String(budi)], env);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain(`ASN: Budi Santoso (NIP ${ASN.budi.nip}), Dinas Pendidikan`);
    expect(verified.out).not.toContain('terverifikasi');
  });
});
