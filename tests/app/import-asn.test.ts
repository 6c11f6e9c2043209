import { beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/store/db.js';
import { formatImportResult, importAsnCsv, type ImportResult } from '../../src/app/import-asn.js';
import { AsnRegistry } from '../../src/store/asn.js';
import { applyRegistry, previewRegistry, readRegistryFile, registryFormat } from '../../src/app/registry-file.js';

const HEADER = 'nip,nama,unit,telepon,telegram';
const R1 = '198503122010011003,Ahmad Fauzi,Dinas Pendidikan,0812-3456-7890,@ahmadfauzi_oku';
const R2 = '199007252015032001,Siti Rahmawati,Sekretariat Daerah,+62 813 7788 1122,';
const R3 = '197811042005011002,Hendra Saputra,Dinas Kominfo,628117340011,123456789';
const csv = (...lines: string[]) => Buffer.from(lines.join('\n') + '\n', 'utf8');

let db: Db;
beforeEach(() => {
  db = openDb(':memory:');
});
const rows = () => db.prepare('SELECT nip, nama, unit, phone, tg_user_id, tg_username FROM asn ORDER BY nip').all();
const errorsOf = (r: ImportResult) => {
  if (r.ok) throw new Error('expected failure');
  return r.errors;
};

describe('importAsnCsv', () => {
  it('imports a valid file and summarises it', () => {
    const r = importAsnCsv(db, csv(HEADER, R1, R2, R3), { now: 1000 });
    expect(r).toEqual({ ok: true, total: 3, inserted: 3, updated: 0, unchanged: 0, dryRun: false });
    expect(rows()).toEqual([
      { nip: '197811042005011002', nama: 'Hendra Saputra', unit: 'Dinas Kominfo', phone: '+628117340011', tg_user_id: '123456789', tg_username: null },
      { nip: '198503122010011003', nama: 'Ahmad Fauzi', unit: 'Dinas Pendidikan', phone: '+6281234567890', tg_user_id: null, tg_username: 'ahmadfauzi_oku' },
      { nip: '199007252015032001', nama: 'Siti Rahmawati', unit: 'Sekretariat Daerah', phone: '+6281377881122', tg_user_id: null, tg_username: null },
    ]);
    expect(formatImportResult(r, 'id')).toBe('Impor selesai: 3 baris, 3 baru, 0 diperbarui.');
    expect(formatImportResult(r, 'en')).toBe('Import done: 3 rows, 3 new, 0 updated.');
  });

  it('reads the sample file from a path', () => {
    const r = importAsnCsv(db, 'data/asn.sample.csv', { now: 1 });
    expect(r).toMatchObject({ ok: true, total: 8, inserted: 8 });
    const reg = new AsnRegistry(db);
    expect(reg.units()).toEqual(['BPKAD', 'Dinas Kesehatan', 'Dinas Kominfo', 'Dinas Pendidikan', 'Sekretariat Daerah']);
  });

  it('reports a missing file as a file-level error', () => {
    const r = importAsnCsv(db, '/nonexistent/asn.csv');
    expect(errorsOf(r)[0]).toMatchObject({ line: 0, reason: expect.stringMatching(/cannot read .*: no such file or folder/) });
  });

  it('accepts a BOM, CRLF, semicolons, quoted fields, a header without telegram, and skips empty lines', () => {
    const text =
      '\uFEFF NIP ; Nama;UNIT;Telepon \r\n' +
      '198503122010011003;"Fauzi; Ahmad ""Oji""";Dinas Pendidikan;\'081234567890\r\n' +
      '\r\n' +
      ';;;\r\n' +
      '199007252015032001;"Siti\u00A0Rahmawati";"Sekretariat  Daerah";"(0813) 7788 1122"\r\n';
    const r = importAsnCsv(db, Buffer.from(text, 'utf8'), { now: 5 });
    expect(r).toEqual({ ok: true, total: 2, inserted: 2, updated: 0, unchanged: 0, dryRun: false });
    expect(rows().map((x: any) => [x.nama, x.unit, x.phone])).toEqual([
      ['Fauzi; Ahmad "Oji"', 'Dinas Pendidikan', '+6281234567890'],
      ['Siti Rahmawati', 'Sekretariat Daerah', '+6281377881122'],
    ]);
  });

  it('re-import updates by NIP and keeps learned telegram ids when the CSV gives none', () => {
    importAsnCsv(db, csv(HEADER, R1, R2), { now: 1 });
    new AsnRegistry(db).linkTelegram('199007252015032001' as any, '4444' as any, 'siti_r', 2);
    const r = importAsnCsv(
      db,
      csv(HEADER, R1.replace('Dinas Pendidikan', 'BPKAD'), '199007252015032001,Siti Rahmawati,Dinas Kesehatan,081377881122,', R3),
      { now: 3 },
    );
    expect(r).toEqual({ ok: true, total: 3, inserted: 1, updated: 2, unchanged: 0, dryRun: false });
    expect(formatImportResult(r)).toBe('Impor selesai: 3 baris, 1 baru, 2 diperbarui.');
    const siti = db.prepare('SELECT unit, tg_user_id, tg_username, created_at, updated_at FROM asn WHERE nip = ?').get('199007252015032001');
    expect(siti).toEqual({ unit: 'Dinas Kesehatan', tg_user_id: '4444', tg_username: 'siti_r', created_at: 1, updated_at: 3 });
  });

  it('a file with 3 bad rows reports each as line N and writes nothing', () => {
    importAsnCsv(db, csv(HEADER, R1), { now: 1 });
    const before = rows();
    const r = importAsnCsv(
      db,
      csv(
        HEADER,
        R2,
        '19900725201503200,Bad Nip,Dinas Kesehatan,081211112222,', // line 3: 17 digits
        R3,
        '198912182014022003,Ratna,Dinas Kesehatan,021-5551234,', // line 5: landline
        '196806151994031004,=HYPERLINK("http://x"),BPKAD,081299998888,', // line 6: formula
        '199304092019032005,Nurul,Dinas Pendidikan,087890123456,',
      ),
      { now: 2 },
    );
    const errs = errorsOf(r);
    expect(errs.map((e) => e.line)).toEqual([3, 5, 6]);
    expect(errs[0]!.reason).toMatch(/NIP .*18 digits/);
    expect(errs[1]!.reason).toMatch(/telepon "021-5551234": landline/);
    expect(errs[2]!.reason).toMatch(/nama .* looks like a spreadsheet formula/);
    expect(rows()).toEqual(before);
    const text = formatImportResult(r);
    expect(text.split('\n')[0]).toBe('Impor dibatalkan: 3 baris bermasalah, tidak ada yang disimpan.');
    expect(text).toContain('baris 5: telepon');
    expect(formatImportResult(r, 'en').split('\n')[0]).toBe('Import cancelled: 3 rows have problems, nothing was saved.');
  });

  it('words NIP and phone reasons in the language asked (English by default)', () => {
    const file = csv(HEADER, '19900725201503200,Bad Nip,Dinas Kesehatan,021-5551234,');
    const en = errorsOf(importAsnCsv(db, file));
    expect(en).toEqual([{ line: 2, reason: expect.stringMatching(/^NIP "19900725201503200": NIP must have 18 digits, found 17; telepon "021-5551234": landline/) }]);
    const id = errorsOf(importAsnCsv(db, file, { lang: 'id' }));
    expect(id).toEqual([{ line: 2, reason: expect.stringMatching(/^NIP "19900725201503200": NIP harus 18 digit, ditemukan 17; telepon "021-5551234": nomor telepon rumah\/kantor atau bukan HP \(kode area 21\)/) }]);
    expect(formatImportResult(importAsnCsv(db, file, { lang: 'id' }), 'id')).toMatch(/\nbaris 2: NIP "19900725201503200": NIP harus 18 digit/);
  });

  it('rejects formula-looking names and units but accepts +62 phones', () => {
    for (const [nama, unit, line] of [
      ['@SUM(A1)', 'BPKAD', 2],
      ['Budi', '+cmd', 2],
      ['-2+3', 'BPKAD', 2],
      ['\t=1+1', 'BPKAD', 2],
    ] as const) {
      const r = importAsnCsv(db, csv(HEADER, `198503122010011003,"${nama}",${unit},+6281234567890,`));
      expect(errorsOf(r)).toEqual([{ line, reason: expect.stringMatching(/(formula|control)/) }]);
    }
  });

  it('names the first line of a duplicate NIP, phone or telegram', () => {
    const r = importAsnCsv(
      db,
      csv(
        HEADER,
        R1,
        R2,
        '198503122010011003,Ahmad Lain,BPKAD,081299990000,', // dup NIP of line 2
        '198912182014022003,Ratna,Dinas Kesehatan,+62 812 3456 7890,', // dup phone of line 2
        '196806151994031004,Zul,BPKAD,081211110000,@AhmadFauzi_OKU', // dup username of line 2
      ),
    );
    expect(errorsOf(r)).toEqual([
      { line: 4, reason: 'NIP 198503122010011003 already appears on line 2' },
      { line: 5, reason: 'telepon +6281234567890 already appears on line 2' },
      { line: 6, reason: 'telegram @ahmadfauzi_oku already appears on line 2' },
    ]);
    expect(rows()).toEqual([]);
  });

  it('an empty registry (no per-row lookups, issue 20) and a filled one give the same errors, counts and changes', () => {
    const file = (...extra: string[]) => csv(HEADER, R1, R2, R3, ...extra);
    const bad = file(
      '198503122010011003,Ahmad Lain,BPKAD,081299990000,', // dup NIP of line 2
      '198912182014022003,Ratna,Dinas Kesehatan,+62 812 3456 7890,', // dup phone of line 2
      '196806151994031004,Zul,BPKAD,081211110000,@AhmadFauzi_OKU', // dup username of line 2
      '196806151994031005,Zul,BPKAD,081211110001,123456789', // dup telegram id of line 4
    );
    const other = '196001011985031001,Orang Lain,Bappeda,081255550000,@orang_lain';
    const filled = openDb(':memory:');
    expect(importAsnCsv(filled, csv(HEADER, other)).ok).toBe(true);
    expect(errorsOf(importAsnCsv(db, bad))).toEqual(errorsOf(importAsnCsv(filled, bad)));
    expect(errorsOf(importAsnCsv(db, bad)).map((e) => e.line)).toEqual([5, 6, 7, 8]);
    const good = importAsnCsv(db, file(), { listChanges: 10 });
    const alsoGood = importAsnCsv(filled, file(), { listChanges: 10 });
    expect(good).toEqual(alsoGood);
    expect(good).toMatchObject({ ok: true, total: 3, inserted: 3, updated: 0, unchanged: 0 });
    expect(rows()).toEqual(filled.prepare('SELECT nip, nama, unit, phone, tg_user_id, tg_username FROM asn WHERE nip <> ? ORDER BY nip').all('196001011985031001'));
    filled.close();
  });

  it('rejects a phone or telegram already registered to a different NIP in the database', () => {
    importAsnCsv(db, csv(HEADER, R1, R3), { now: 1 });
    const before = rows();
    const r = importAsnCsv(
      db,
      csv(
        HEADER,
        '199007252015032001,Siti,Sekretariat Daerah,081234567890,',
        '198912182014022003,Ratna,Dinas Kesehatan,081211112222,123456789',
        '196806151994031004,Zul,BPKAD,081211113333,@ahmadfauzi_oku',
      ),
    );
    expect(errorsOf(r)).toEqual([
      { line: 2, reason: 'telepon +6281234567890 is already registered to NIP 198503122010011003' },
      { line: 3, reason: 'telegram id 123456789 is already registered to NIP 197811042005011002' },
      { line: 4, reason: 'telegram @ahmadfauzi_oku is already registered to NIP 198503122010011003' },
    ]);
    expect(rows()).toEqual(before);
  });

  it('words empty, formula, Telegram, duplicate and already-registered reasons in Indonesian under lang id', () => {
    importAsnCsv(db, csv(HEADER, R3), { now: 1 });
    const r = importAsnCsv(
      db,
      csv(
        HEADER,
        R1,
        '198503122010011003,Ahmad Lain,BPKAD,081299990000,', // dup NIP of line 2
        '198912182014022003,,=cmd,081211112222,x', // empty nama, formula unit, bad telegram
        '196806151994031004,Zul,BPKAD,081211113333,123456789', // id registered to R3
      ),
      { lang: 'id' },
    );
    expect(errorsOf(r)).toEqual([
      { line: 3, reason: 'NIP 198503122010011003 sudah ada di baris 2' },
      { line: 4, reason: 'nama kosong; unit "=cmd" tampak seperti rumus spreadsheet (diawali "="); telegram "x" harus @username (5-32 huruf, angka atau _, diawali huruf) atau id angka' },
      { line: 5, reason: 'telegram id 123456789 sudah terdaftar atas NIP 197811042005011002' },
    ]);
    expect(formatImportResult(r, 'id')).toContain('\nbaris 3: NIP 198503122010011003 sudah ada di baris 2');
  });

  it('words header, encoding, column-count and empty-file reasons in Indonesian under lang id', () => {
    expect(errorsOf(importAsnCsv(db, csv('nip,nama,unit,phone'), { lang: 'id' }))).toEqual([
      { line: 1, reason: 'judul kolom harus nip,nama,unit,telepon,telegram (telegram boleh tidak ada): kolom "phone" tidak dikenal; kolom "telepon" tidak ada' },
    ]);
    expect(errorsOf(importAsnCsv(db, Buffer.concat([csv(HEADER), Buffer.from('198503122010011003,Fauzi\xe9,BPKAD,081234567890,\n', 'latin1')]), { lang: 'id' }))).toEqual([
      { line: 2, reason: expect.stringMatching(/^teks bukan UTF-8 yang sah/) },
    ]);
    expect(errorsOf(importAsnCsv(db, csv(HEADER, '198503122010011003,Ahmad'), { lang: 'id' }))).toEqual([{ line: 2, reason: 'seharusnya 5 kolom, ditemukan 2' }]);
    expect(errorsOf(importAsnCsv(db, Buffer.alloc(0), { lang: 'id' }))).toEqual([{ line: 1, reason: 'berkas kosong; judul kolom yang diharapkan nip,nama,unit,telepon,telegram' }]);
    expect(errorsOf(importAsnCsv(db, Buffer.alloc(0)))).toEqual([{ line: 1, reason: 'file is empty; expected the header nip,nama,unit,telepon,telegram' }]);
  });

  it.each([
    ['nip,nama,unit,phone,telegram', /unknown column "phone".*missing column "telepon"/],
    ['nip,nama,unit', /missing column "telepon"/],
    ['nip,nama,unit,telepon,telegram,email', /unknown column "email"/],
    ['nip,nama,nama,unit,telepon', /column "nama" appears twice/],
    ['nip\tnama\tunit\ttelepon', /tab-separated/],
  ])('rejects the header %j on line 1', (header, re) => {
    const errs = errorsOf(importAsnCsv(db, csv(header, R1)));
    expect(errs).toHaveLength(1);
    expect(errs[0]!.line).toBe(1);
    expect(errs[0]!.reason).toMatch(re);
  });

  it('rejects an empty file and a UTF-16 file', () => {
    expect(errorsOf(importAsnCsv(db, Buffer.alloc(0)))[0]!.reason).toMatch(/empty/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n${R1}\n`, 'utf16le')]);
    expect(errorsOf(importAsnCsv(db, utf16))[0]!.reason).toMatch(/UTF-16/);
  });

  it('names the encoding problem for Latin-1 bytes, on the right line', () => {
    const latin1 = Buffer.from(`${HEADER}\n${R1}\n199007252015032001,Siti Rahmawati Ni\u00f1o,Sekretariat Daerah,081377881122,\n`, 'latin1');
    const errs = errorsOf(importAsnCsv(db, latin1));
    expect(errs).toEqual([{ line: 3, reason: expect.stringMatching(/not valid UTF-8.*Latin-1.*CSV UTF-8/) }]);
    expect(rows()).toEqual([]);
  });

  it('reports wrong column counts and unclosed quotes with physical line numbers', () => {
    const r = importAsnCsv(
      db,
      csv(HEADER, '198503122010011003,"Ahmad\nFauzi",Dinas Pendidikan,081234567890,', R2 + ',extra', '199304092019032005,"Nurul,Dinas,0878'),
    );
    expect(errorsOf(r)).toEqual([
      { line: 2, reason: expect.stringMatching(/nama contains control characters/) },
      { line: 4, reason: 'expected 5 columns, found 6' },
      { line: 5, reason: expect.stringMatching(/never closed/) },
    ]);
  });

  it('a 10 MB single line is an error, quickly, from a buffer or a file', () => {
    const huge = Buffer.concat([Buffer.from(`${HEADER}\n${R1}\n`), Buffer.alloc(10 * 1024 * 1024, 0x41), Buffer.from(`\n${R2}\n`)]);
    const t0 = Date.now();
    expect(errorsOf(importAsnCsv(db, huge))).toEqual([{ line: 3, reason: expect.stringMatching(/longer than 64 KiB/) }]);
    const dir = mkdtempSync(join(tmpdir(), 'jn-import-'));
    try {
      const f = join(dir, 'huge.csv');
      writeFileSync(f, huge);
      expect(errorsOf(importAsnCsv(db, f))).toEqual([{ line: 3, reason: expect.stringMatching(/longer than 64 KiB/) }]);
      // An unclosed quote swallowing the rest of the file is also capped.
      writeFileSync(f, Buffer.concat([Buffer.from(`${HEADER}\n"`), Buffer.alloc(3 * 1024 * 1024, 0x0a)]));
      expect(errorsOf(importAsnCsv(db, f))).toEqual([{ line: 2, reason: expect.stringMatching(/longer than 64 KiB/) }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(rows()).toEqual([]);
  });

  it('dry run validates and counts but writes nothing', () => {
    importAsnCsv(db, csv(HEADER, R1), { now: 1 });
    const before = rows();
    const r = importAsnCsv(db, csv(HEADER, R1.replace('Ahmad Fauzi', 'Ahmad Baru'), R2), { dryRun: true });
    expect(r).toEqual({ ok: true, total: 2, inserted: 1, updated: 1, unchanged: 0, dryRun: true });
    expect(rows()).toEqual(before);
    expect(formatImportResult(r)).toMatch(/^Uji coba selesai \(tidak ada yang disimpan\): 2 baris, 1 baru, 1 diperbarui\.$/);
  });

  it('bumps the registry version so a running bot reloads', () => {
    const reg = new AsnRegistry(db);
    importAsnCsv(db, csv(HEADER, R1), { now: 1 });
    expect(reg.count()).toBe(0);
    expect(reg.syncIfChanged()).toBe(true);
    expect(reg.count()).toBe(1);
  });

  it('works inside an outer transaction (savepoint) and rolls back only its own work', () => {
    db.transaction(() => {
      const r = importAsnCsv(db, csv(HEADER, R1, '1,x,y,z,'));
      expect(r.ok).toBe(false);
    })();
    expect(rows()).toEqual([]);
  });

  it('stops after maxErrors and says so', () => {
    const bad = Array.from({ length: 20 }, () => '1,a,b,c,');
    const errs = errorsOf(importAsnCsv(db, csv(HEADER, ...bad), { maxErrors: 5 }));
    expect(errs).toHaveLength(6);
    expect(errs[5]!.reason).toMatch(/too many errors/);
  });
});

describe('re-importing', () => {
  it('an unchanged file says unchanged, writes nothing and does not bump the registry version', () => {
    importAsnCsv(db, csv(HEADER, R1, R2), { now: 1 });
    const version = db.prepare(`SELECT value FROM kv WHERE key = 'asn_version'`).pluck().get();
    const r = importAsnCsv(db, csv(HEADER, R1, R2), { now: 9 });
    expect(r).toEqual({ ok: true, total: 2, inserted: 0, updated: 0, unchanged: 2, dryRun: false });
    expect(formatImportResult(r, 'id')).toBe('Impor selesai: 2 baris, tidak ada perubahan (daftar sudah sama dengan berkas).');
    expect(formatImportResult(r, 'en')).toBe('Import done: 2 rows, unchanged (the registry already matches the file).');
    expect(db.prepare(`SELECT value FROM kv WHERE key = 'asn_version'`).pluck().get()).toBe(version);
    expect(db.prepare('SELECT MAX(updated_at) FROM asn').pluck().get()).toBe(1);
  });

  it('counts unchanged rows apart from updated ones', () => {
    importAsnCsv(db, csv(HEADER, R1, R2), { now: 1 });
    const r = importAsnCsv(db, csv(HEADER, R1, R2.replace('Sekretariat Daerah', 'BPKAD'), R3), { now: 2 });
    expect(r).toEqual({ ok: true, total: 3, inserted: 1, updated: 1, unchanged: 1, dryRun: false });
    expect(formatImportResult(r, 'en')).toBe('Import done: 3 rows, 1 new, 1 updated, 1 unchanged.');
  });
});

describe('registry from Excel (.xlsx)', () => {
  async function xlsx(rows: unknown[][], opts: { sheetFirst?: string; numberFormat?: boolean } = {}): Promise<string> {
    const wb = new ExcelJS.Workbook();
    if (opts.sheetFirst) wb.addWorksheet('Daftar').addRows(rows);
    else {
      const ws = wb.addWorksheet('ASN');
      for (const r of rows) ws.addRow(r);
      wb.addWorksheet('Catatan').addRow(['nip', 'nama']);
    }
    const dir = mkdtempSync(join(tmpdir(), 'jn-xlsx-'));
    const path = join(dir, 'asn.xlsx');
    await wb.xlsx.writeFile(path);
    return path;
  }

  it('reads the first sheet, header names in any case, phone typed as a number, and imports all rows', async () => {
    const path = await xlsx([
      ['NIP', 'Nama', 'Unit', 'TELEPON', 'Telegram'],
      ['198503122010011003', 'Ahmad Fauzi', 'Dinas Pendidikan', 81234567890, '@ahmadfauzi_oku'],
      [],
      ['199007252015032001', { richText: [{ text: 'Siti ' }, { text: 'Rahmawati' }] }, 'Sekretariat Daerah', '+62 813 7788 1122', null],
    ]);
    const src = await readRegistryFile(path);
    expect(src).toMatchObject({ ok: true, format: 'xlsx' });
    const preview = previewRegistry(db, src, 5);
    expect(preview).toMatchObject({ ok: true, total: 2, inserted: 2, dryRun: true });
    expect(preview.ok && preview.changes).toEqual([
      { line: 2, nip: '198503122010011003', nama: 'Ahmad Fauzi', unit: 'Dinas Pendidikan', change: 'new' },
      { line: 4, nip: '199007252015032001', nama: 'Siti Rahmawati', unit: 'Sekretariat Daerah', change: 'new' },
    ]);
    expect(rows()).toEqual([]);
    const r = applyRegistry(db, src, { actor: 'cli:tester', filename: 'asn.xlsx', now: 5 });
    expect(r).toEqual({ ok: true, total: 2, inserted: 2, updated: 0, unchanged: 0, dryRun: false });
    expect(rows().map((x: any) => [x.nip, x.nama, x.phone, x.tg_username])).toEqual([
      ['198503122010011003', 'Ahmad Fauzi', '+6281234567890', 'ahmadfauzi_oku'],
      ['199007252015032001', 'Siti Rahmawati', '+6281377881122', null],
    ]);
    expect(db.prepare('SELECT actor, platform, action, args, allowed, result FROM audit').all()).toEqual([
      { actor: 'cli:tester', platform: 'cli', action: 'import-asn', args: 'asn.xlsx', allowed: 1, result: 'imported {"total":2,"inserted":2,"updated":0,"unchanged":0}' },
    ]);
    const again = applyRegistry(db, await readRegistryFile(path), { actor: 'cli:tester', now: 6 });
    expect(again).toMatchObject({ ok: true, unchanged: 2, inserted: 0, updated: 0 });
  });

  it('refuses the whole file with the row numbers Excel shows, including a NIP Excel stored as a number', async () => {
    const path = await xlsx([
      [],
      ['nip', 'nama', 'unit', 'telepon'],
      [198503122010011003, 'Ahmad Fauzi', 'Dinas Pendidikan', '081234567890'],
      ['199007252015032001', 'Siti', 'Setda', '0215551234'],
      ['197811042005011002', 'Hendra Saputra', 'Dinas Kominfo', '628117340011'],
    ]);
    const r = applyRegistry(db, await readRegistryFile(path), { actor: 'cli:t', now: 1 });
    expect(errorsOf(r).map((e) => e.line)).toEqual([3, 4]);
    expect(errorsOf(r)[0]!.reason).toMatch(/column A: .*lost its last digits; format the column as Text/);
    expect(errorsOf(r)[1]!.reason).toMatch(/^telepon "0215551234"/);
    expect(formatImportResult(r, 'en').split('\n')).toEqual([
      'Import cancelled: 2 rows have problems, nothing was saved.',
      expect.stringMatching(/^line 3: /),
      expect.stringMatching(/^line 4: /),
    ]);
    expect(rows()).toEqual([]);
    const id = previewRegistry(db, await readRegistryFile(path, undefined, 'id'));
    expect(errorsOf(id)[0]!.reason).toMatch(/^kolom A: angka \d+ disimpan sebagai Number .*format kolom sebagai Text/);
  });

  it('a wrong header, a corrupt workbook and a missing file are file-level errors', async () => {
    const wrong = await xlsx([['nip', 'name', 'unit', 'telepon'], ['198503122010011003', 'A', 'B', '081234567890']]);
    expect(errorsOf(previewRegistry(db, await readRegistryFile(wrong)))[0]).toMatchObject({ line: 1, reason: expect.stringMatching(/unknown column "name"/) });
    const dir = mkdtempSync(join(tmpdir(), 'jn-xlsx-'));
    const corrupt = join(dir, 'rusak.xlsx');
    writeFileSync(corrupt, Buffer.from('PK\u0003\u0004 not really a zip'));
    expect(await readRegistryFile(corrupt)).toEqual({ ok: false, errors: [{ line: 0, reason: expect.stringMatching(/not a valid Excel \.xlsx workbook/) }] });
    const none = await readRegistryFile(join(dir, 'none.xlsx'));
    expect(none).toEqual({ ok: false, errors: [{ line: 0, reason: expect.stringMatching(/cannot read .*: no such file or folder/) }] });
    expect(formatImportResult(previewRegistry(db, none), 'en').split('\n')[0]).toBe('Import cancelled, nothing was saved:');
    const empty = await xlsx([]);
    expect(errorsOf(previewRegistry(db, await readRegistryFile(empty)))[0]!.reason).toMatch(/file is empty/);
  });

  it('a title row (and a date row) above the header are skipped: the header is the row naming nip (issue 21.12)', async () => {
    const path = await xlsx([
      ['Daftar ASN Pemkab OKU 2024'],
      ['per 1 November 2024'],
      [],
      ['NIP', 'Nama', 'Unit', 'Telepon'],
      ['198503122010011003', 'Ahmad Fauzi', 'Dinas Pendidikan', '081234567890'],
    ]);
    const r = previewRegistry(db, await readRegistryFile(path), 5);
    expect(r).toMatchObject({ ok: true, total: 1, inserted: 1 });
    expect(r.ok && r.changes).toEqual([{ line: 5, nip: '198503122010011003', nama: 'Ahmad Fauzi', unit: 'Dinas Pendidikan', change: 'new' }]);
  });

  it('uploaded bytes are recognised as .xlsx by their ZIP signature', async () => {
    const path = await xlsx([['nip', 'nama', 'unit', 'telepon'], ['198503122010011003', 'Ahmad', 'Dinas', '081234567890']]);
    const bytes = readFileSync(path);
    expect(registryFormat(undefined, bytes)).toBe('xlsx');
    expect(registryFormat('asn.csv', bytes)).toBe('csv');
    expect(previewRegistry(db, await readRegistryFile(bytes))).toMatchObject({ ok: true, inserted: 1 });
  });
});
