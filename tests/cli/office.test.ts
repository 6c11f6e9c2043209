/** Issue 12 points 7 and 8 on the real binary: registry from .xlsx, `asn`, `cases`, `audit`, `backup`, each change audited as cli:<user>. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ASN, CAMPAIGN_TG } from '../support/app.js';
import { botDatabase, jn, tempHome, SPAWN_TIMEOUT } from './support.js';

describe('import-asn from the command line (real binary)', SPAWN_TIMEOUT, () => {
  it('imports an .xlsx, says unchanged on a re-import, and a missing file creates no database (id and en)', async () => {
    const { dir, db } = tempHome();
    const missing = await jn(['import-asn', join(dir, 'tidak-ada.xlsx')], { DATABASE_PATH: db, LANGUAGE: 'id' });
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^Impor dibatalkan, tidak ada yang disimpan:\ntidak dapat membaca .*tidak-ada\.xlsx: berkas atau folder tidak ada\n$/);
    expect(existsSync(db)).toBe(false);
    expect(existsSync(join(dir, 'data'))).toBe(false);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pegawai');
    ws.addRow(['NIP', 'NAMA', 'Unit', 'Telepon', 'telegram']);
    ws.addRow(['198503122010011003', 'Ahmad Fauzi', 'Dinas Pendidikan', 81234567890, '@ahmadfauzi_oku']);
    ws.addRow(['199007252015032001', 'Siti Rahmawati', 'Sekretariat Daerah', '0813 7788 1122', '']);
    const xlsx = join(dir, 'asn.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const first = await jn(['import-asn', xlsx], { DATABASE_PATH: db, LANGUAGE: 'id' });
    expect(first).toMatchObject({ code: 0, out: 'Impor selesai: 2 baris, 2 baru, 0 diperbarui.\n', err: '' });
    const again = await jn(['import-asn', xlsx], { DATABASE_PATH: db, LANGUAGE: 'en' });
    expect(again).toMatchObject({ code: 0, out: 'Import done: 2 rows, unchanged (the registry already matches the file).\n' });
    const d = new Database(db, { readonly: true });
    expect(d.prepare(`SELECT actor LIKE 'cli:%' AS cli, action, args FROM audit ORDER BY id`).all()).toEqual([
      { cli: 1, action: 'import-asn', args: 'asn.xlsx' },
      { cli: 1, action: 'import-asn', args: 'asn.xlsx' },
    ]);
    d.close();
  });
});

describe('asn, cases, audit and backup (real binary)', SPAWN_TIMEOUT, () => {
  it('asn list/add/remove on the registry, audited', async () => {
    const { db } = tempHome();
    const noDb = await jn(['asn', 'list'], { DATABASE_PATH: db, LANGUAGE: 'en' });
    expect(noDb.code).toBe(1);
    expect(noDb.err).toMatch(/^No database yet: /);
    expect(existsSync(db)).toBe(false);
    const bot = botDatabase(db);
    // Sari registered with the bot on Telegram and WhatsApp (the registry calls the adapters make); Budi and Dedi did not.
    bot.app.registry.linkTelegram(ASN.sari.nip, ASN.sari.telegramId, ASN.sari.telegramUsername, Date.UTC(2024, 10, 4));
    bot.app.registry.markWaRegistered(ASN.sari.nip, Date.UTC(2024, 10, 4));
    await bot.close();
    const env = { DATABASE_PATH: db, LANGUAGE: 'id' };
    const list = await jn(['asn', 'list', '--unit', 'dinas pendidikan'], env);
    expect(list.code).toBe(0);
    expect(list.out.split('\n')).toEqual([
      expect.stringMatching(/^NIP +Nama +Unit kerja +Telepon +Telegram +Terdaftar di bot$/),
      expect.stringMatching(new RegExp(`^${ASN.budi.nip} +Budi Santoso +Dinas Pendidikan +\\+6281234567890 +@budi_s +belum terdaftar$`)),
      '1 dari 1 ASN.',
      '',
      'Pendaftaran ASN di bot, per unit kerja:',
      expect.stringMatching(/^Unit kerja +Jumlah ASN +Telegram +WhatsApp +Belum terdaftar$/),
      expect.stringMatching(/^Dinas Pendidikan +1 +0 +0 +1$/),
      expect.stringMatching(/^Semua unit +1 +0 +0 +1$/),
      '',
    ]);
    // Issue 21 point 10: every unit's coverage, and only the unregistered with --unregistered.
    const all = await jn(['asn', 'list'], env);
    expect(all.out).toMatch(new RegExp(`${ASN.sari.nip} +Sari Wulandari .* Telegram dan WhatsApp\n`));
    expect(all.out).toMatch(/\nBPKAD +1 +0 +0 +1\nDinas Kesehatan +1 +1 +1 +0\nDinas Pendidikan +1 +0 +0 +1\nSemua unit +3 +1 +1 +2\n/);
    const unreg = await jn(['asn', 'list', '--unregistered'], { ...env, LANGUAGE: 'en' });
    expect(unreg.code).toBe(0);
    expect(unreg.out).toContain(ASN.budi.nip);
    expect(unreg.out).toContain(ASN.dedi.nip);
    expect(unreg.out).not.toContain(`${ASN.sari.nip} `);
    expect(unreg.out).toContain('2 of 2 ASN.');
    expect(unreg.out).toMatch(/ASN registered with the bot, by unit:\nUnit +ASN +Telegram +WhatsApp +Not registered\n/);
    const add = await jn(['asn', 'add', '--nip', '197801012005011001', '--nama', 'Rina Marlina', '--unit', 'Setda', '--telepon', '0813-1111-2222'], env);
    expect(add).toMatchObject({ code: 0, out: 'ASN ditambahkan: Rina Marlina (NIP 197801012005011001).\n' });
    const bad = await jn(['asn', 'add', '--nip', '123', '--nama', 'X', '--unit', 'Y', '--telepon', '021555'], { ...env, LANGUAGE: 'en' });
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^Invalid ASN data, nothing was saved:\n- NIP "123": .*\n- telepon "021555": /);
    const search = await jn(['asn', 'list', '--search', 'rina'], { ...env, LANGUAGE: 'en' });
    expect(search.out).toMatch(/Rina Marlina[\s\S]*1 of 1 ASN\./);
    const removeBudi = await jn(['asn', 'remove', ASN.budi.nip], env);
    expect(removeBudi.code).toBe(1);
    expect(removeBudi.err).toMatch(/tidak dapat dihapus: ada 1 kasus/);
    const remove = await jn(['asn', 'remove', '197801012005011001'], env);
    expect(remove).toMatchObject({ code: 0, out: 'ASN dihapus dari daftar: Rina Marlina (NIP 197801012005011001).\n' });
    const audit = await jn(['audit'], { ...env, LANGUAGE: 'en' });
    expect(audit.code).toBe(0);
    const lines = audit.out.split('\n');
    expect(lines[0]).toMatch(/^Time +Actor +Action +Arguments +Result$/);
    expect(lines.slice(1, 5).map((l) => / (asn \w+) /.exec(l)?.[1])).toEqual(['asn remove', 'asn remove', 'asn add', 'asn add']);
    expect(lines[1]).toMatch(/ cli:\S+ +asn remove +nip=197801012005011001 +ok$/);
    expect(lines[2]).toMatch(/still has cases$/); // the stored code has_cases, read in the reader's language
    const since = await jn(['audit', '--since', '2999-01-01'], env);
    expect(since).toMatchObject({ code: 0, out: 'Belum ada catatan audit.\n' });
  });

  it('cases list marks a case matched by Telegram username alone in a short column of its own, with a note (id and en)', async () => {
    const { db } = tempHome();
    const bot = botDatabase(db);
    // Dedi's registry row has his username and no Telegram id: an account carrying "dedik" is an unverified match.
    const dedi = bot.app.monitor.handle({
      kind: 'member_added', dedupeKey: 'add-dedik', at: Date.UTC(2024, 10, 4, 6), chat: CAMPAIGN_TG,
      members: [{ platform: 'telegram', id: '5999', username: 'dedik' }], actor: { platform: 'telegram', id: '7777', name: 'Korlap Timses' },
    }).opened[0]!;
    expect(bot.app.monitor.incidents.unverifiedOf(dedi.id)).toEqual({ username: 'dedik', accountId: '5999' });
    await bot.close();
    const env = { DATABASE_PATH: db, LANGUAGE: 'id', APP_TIMEZONE: 'Asia/Jakarta' };
    const list = await jn(['cases', 'list'], env);
    expect(list.code).toBe(0);
    const lines = list.out.split('\n');
    expect(lines[0]).toMatch(/^No\. +Status +Jenis +Platform +Dibuka +ASN +Unit kerja +Grup +Belum terverifikasi$/);
    expect(lines[1]).toMatch(new RegExp(`^#${dedi.id} +terbuka +dimasukkan +TG +.*Dedi Kurniawan +BPKAD +Relawan Paslon 2 Pilgub Sumsel +⚠️ @dedik$`));
    for (const l of lines.slice(2, 4)) expect(l).toMatch(/ Relawan Paslon 2 Pilgub Sumsel$/);
    expect(lines.slice(4)).toEqual([
      '3 dari 3 kasus.',
      '⚠️ 1 kasus belum terverifikasi: cocok hanya dari username Telegram, jadi akun di grup mungkin bukan milik ASN. Rincian: jaga-netral cases show <nomor>',
      '',
    ]);
    const en = await jn(['cases', 'list', '--status', 'open'], { ...env, LANGUAGE: 'en' });
    expect(en.out.split('\n')[0]).toMatch(/ Group +Unverified$/);
    expect(en.out).toContain('⚠️ 1 case unverified: matched by Telegram username alone, so the account in the group may not be the ASN\'s. Details: jaga-netral cases show <number>');
  });

  it('cases list/show/exempt/reopen, audited like /kecualikan and /buka', async () => {
    const { db } = tempHome();
    const bot = botDatabase(db);
    const ids = (bot.app.db.prepare('SELECT id FROM incidents ORDER BY id').pluck().all() as number[]);
    await bot.close();
    const env = { DATABASE_PATH: db, LANGUAGE: 'id', APP_TIMEZONE: 'Asia/Jakarta' };
    const list = await jn(['cases', 'list', '--status', 'open'], env);
    expect(list.code).toBe(0);
    expect(list.out.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^No\. +Status +Jenis +Platform +Dibuka +ASN +Unit kerja +Grup$/),
      expect.stringMatching(new RegExp(`^#${ids[1]} +terbuka +dimasukkan +TG +.*Sari Wulandari +Dinas Kesehatan +Relawan Paslon 2 Pilgub Sumsel$`)),
      expect.stringMatching(new RegExp(`^#${ids[0]} +terbuka .*Budi Santoso`)),
    ]);
    const byUnit = await jn(['cases', 'list', '--unit', 'BPKAD', '--from', '2024-11-01', '--to', '2024-11-30'], { ...env, LANGUAGE: 'en' });
    expect(byUnit).toMatchObject({ code: 0, out: 'No cases match.\n' });
    const badStatus = await jn(['cases', 'list', '--status', 'tutup-semua'], { ...env, LANGUAGE: 'en' });
    expect(badStatus.code).toBe(2);
    expect(badStatus.err).toMatch(/^Unknown status "tutup-semua"/);
    const show = await jn(['cases', 'show', `#${ids[0]}`], env);
    expect(show.code).toBe(0);
    expect(show.out).toMatch(new RegExp(`^Kasus #${ids[0]} \\(terbuka\\)\\nASN: Budi Santoso \\(NIP ${ASN.budi.nip}\\), Dinas Pendidikan`));
    expect(show.out).toMatch(/Temuan:\n- .* dimasukkan, Korlap Timses/);
    const noReason = await jn(['cases', 'exempt', String(ids[0])], env);
    expect(noReason.code).toBe(2);
    const exempt = await jn(['cases', 'exempt', String(ids[0]), 'suami', 'calon'], env);
    expect(exempt).toMatchObject({ code: 0, out: `Kasus #${ids[0]} dikecualikan. Alasan: suami calon\n` });
    const twice = await jn(['cases', 'exempt', String(ids[0]), 'lagi'], { ...env, LANGUAGE: 'en' });
    expect(twice.code).toBe(1);
    expect(twice.err).toMatch(new RegExp(`^Case #${ids[0]} is not open`));
    const closed = await jn(['cases', 'list', '--status', 'closed'], env);
    expect(closed.out).toMatch(new RegExp(`#${ids[0]} +dikecualikan`));
    const reopen = await jn(['cases', 'reopen', String(ids[0])], env);
    expect(reopen.code).toBe(0);
    // The status reason is stored as a code (issue 24 point 1): read in the reader's language.
    const shownEn = await jn(['cases', 'show', String(ids[0])], { ...env, LANGUAGE: 'en' });
    expect(shownEn.out).toMatch(/\nNote: reopened by a Humas admin \(cli:\S+\)\n/);
    const shownId = await jn(['cases', 'show', String(ids[0])], env);
    expect(shownId.out).toMatch(/\nKeterangan: dibuka kembali oleh admin Humas \(cli:\S+\)\n/);
    const none = await jn(['cases', 'show', '999'], env);
    expect(none).toMatchObject({ code: 1, err: 'Kasus #999 tidak ditemukan. Lihat: jaga-netral cases list\n' });
    const d = new Database(db, { readonly: true });
    expect(d.prepare(`SELECT action, args, result FROM audit WHERE actor LIKE 'cli:%' ORDER BY id`).all()).toEqual([
      { action: 'cases exempt', args: `${ids[0]} suami calon`, result: 'ok' },
      { action: 'cases exempt', args: `${ids[0]} lagi`, result: 'not_open' },
      { action: 'cases reopen', args: String(ids[0]), result: 'ok' },
    ]);
    expect(d.prepare('SELECT status, status_by LIKE ? AS cli FROM incidents WHERE id = ?').get('cli:%', ids[0])).toEqual({ status: 'open', cli: 1 });
    d.close();
  });

  it('backup now, as the scheduled job does: a file in BACKUP_DIR, audited; no database, no backup', async () => {
    const { dir, db } = tempHome();
    const backups = join(dir, 'backups');
    const none = await jn(['backup'], { DATABASE_PATH: db, BACKUP_DIR: backups, LANGUAGE: 'en' });
    expect(none.code).toBe(1);
    expect(existsSync(db)).toBe(false);
    const bot = botDatabase(db);
    const r = await jn(['backup'], { DATABASE_PATH: db, BACKUP_DIR: backups, LANGUAGE: 'id' });
    await bot.close();
    expect(r.code).toBe(0);
    // The second line pins the hash chains' heads as they are in the copy (issue 19).
    expect(r.out).toMatch(/^Cadangan dibuat: .*jaga-netral-\d{8}-\d{6}\.db\nKepala rantai hash: events \d+ baris #\d+ [0-9a-f]{64}; audit 0 baris\n$/);
    const files = readdirSync(backups);
    expect(files).toHaveLength(1);
    const copy = new Database(join(backups, files[0]!), { readonly: true });
    expect(copy.prepare('SELECT COUNT(*) FROM incidents').pluck().get()).toBe(2);
    expect(r.out).toContain(`#${copy.prepare('SELECT MAX(id) FROM events').pluck().get() as number} ${copy.prepare('SELECT lower(hex(row_digest)) FROM events ORDER BY id DESC LIMIT 1').pluck().get() as string}`);
    copy.close();
    const d = new Database(db, { readonly: true });
    expect(d.prepare(`SELECT action, result LIKE 'ok {"path":%' AS ok FROM audit WHERE actor LIKE 'cli:%'`).all()).toEqual([{ action: 'backup', ok: 1 }]);
    d.close();
  });
});
