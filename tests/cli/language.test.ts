/**
 * Issue 21 points 6 and 12 on the real binary: with LANGUAGE=id the command line speaks Indonesian
 * throughout (report argument errors, message kinds and delivery states in `cases show`, the audit's
 * result column, file errors instead of a raw ENOENT), and its small edges say what is wrong: a missing
 * required option is named, `cases show abc` is not a number, an ambiguous --unit is a question listing
 * the matches, and `--format xlsx --out r.csv` is refused before anything is written.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { botDatabase, jn, repoFile, SPAWN_TIMEOUT, tempHome } from './support.js';

/** English words that would give away untranslated output (none of them is also Indonesian). */
const ENGLISH = /\b(pending|sent|failed|undeliverable|alert|problems?|rows|unknown|must|needs?|got|cannot|held by|refused|ENOENT)\b|asn_alert|humas_alert/;

describe('the command line in Indonesian (LANGUAGE=id)', SPAWN_TIMEOUT, () => {
  it('cases show, audit and report refusals read in Indonesian; the CLI edges name what is wrong', async () => {
    const { dir, db } = tempHome();
    const bot = botDatabase(db);
    const caseId = (bot.app.db.prepare('SELECT MIN(id) FROM incidents').pluck().get() as number);
    await bot.close();
    const env = { DATABASE_PATH: db, LANGUAGE: 'id' };

    const show = await jn(['cases', 'show', String(caseId)], env);
    expect(show.code).toBe(0);
    expect(show.out).toMatch(/Pesan:\n- .* peringatan ke ASN \(Telegram\): menunggu/);
    expect(show.out).toMatch(/- .* pemberitahuan ke Humas \(Telegram\): menunggu/);
    expect(show.out).not.toMatch(ENGLISH);

    const notNumber = await jn(['cases', 'show', 'abc'], env);
    expect(notNumber).toMatchObject({ code: 2, err: '"abc" bukan nomor kasus; tulis angkanya, mis. 12 atau #12.\n' });

    const missing = await jn(['asn', 'add', '--nip', '197801012005011001', '--nama', 'Rina', '--unit', 'Setda'], env);
    expect(missing).toMatchObject({ code: 2, err: 'asn add: opsi wajib belum diisi: --telepon.\n' });
    const noValue = await jn(['asn', 'list', '--limit'], env);
    expect(noValue.code).toBe(2);
    expect(noValue.err).toMatch(/^asn: opsi --limit perlu nilai\./);

    const mismatch = await jn(['report', '--format', 'xlsx', '--out', join(dir, 'r.csv')], env);
    expect(mismatch.code).toBe(2);
    expect(mismatch.err).toMatch(/^report: --out .*r\.csv tidak cocok dengan --format xlsx: .*pakai mis\. --out .*r\.xlsx/);
    expect(existsSync(join(dir, 'r.csv'))).toBe(false);
    const badDate = await jn(['report', '--from', '1-Nov'], env);
    expect(badDate.code).toBe(2);
    expect(badDate.err).toMatch(/^report: --from harus tanggal YYYY-MM-DD atau DD\/MM\/YYYY \(mis\. 2024-11-27 atau 27\/11\/2024\), bukan "1-Nov"/);
    expect(badDate.err.split('\n')[0]).not.toMatch(ENGLISH);

    const ambiguous = await jn(['report', '--unit', 'dinas'], env);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.err).toBe('report: "dinas" cocok dengan 2 unit kerja: Dinas Kesehatan, Dinas Pendidikan. Unit yang mana yang dimaksud? Tulis namanya lebih lengkap.\n');

    const noFile = await jn(['import-asn', join(dir, 'tidak-ada.csv')], env);
    expect(noFile.code).toBe(1);
    expect(noFile.err).toMatch(/tidak-ada\.csv: berkas atau folder tidak ada\n$/);
    const noPaslon = await jn(['classify', '--paslon', join(dir, 'tidak-ada.json')], env, 'coblos nomor 2\n');
    expect(noPaslon.code).toBe(1);
    expect(noPaslon.err).toMatch(/^Tidak dapat membaca .*tidak-ada\.json: file tidak ada/);

    // The audit's result column: what import-asn and backup stored, as codes, read back in Indonesian.
    expect((await jn(['import-asn', repoFile('data/asn.sample.csv')], env)).code).toBe(0);
    expect((await jn(['backup'], { ...env, BACKUP_DIR: join(dir, 'cadangan') })).code).toBe(0);
    const audit = await jn(['audit'], env);
    expect(audit.code).toBe(0);
    expect(audit.out).toMatch(/import-asn +asn\.sample\.csv +berhasil: 8 baris, \d+ baru, \d+ diubah, \d+ tetap/);
    expect(audit.out).toMatch(new RegExp(`backup +berhasil: .*cadangan`));
    expect(audit.out).not.toMatch(ENGLISH);
    expect(readdirSync(join(dir, 'cadangan'))).toHaveLength(1);
  });
});
