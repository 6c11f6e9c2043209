import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db.js';
import { AsnRegistry, type AsnInput } from '../../src/store/asn.js';
import { benchNip } from '../../src/bench/registry-bench.js';
import type { Nip, PhoneE164, TgUserId, WaLid } from '../../src/core/ids.js';

const nip = (s: string) => s as Nip;
const phone = (s: string) => s as PhoneE164;
const tg = (s: string) => s as TgUserId;

const A: AsnInput = { nip: nip('198503122010011003'), nama: 'Ahmad Fauzi', unit: 'Dinas Pendidikan', phone: phone('+6281234567890'), telegramUsername: '@AhmadFauzi_OKU' };
const B: AsnInput = { nip: nip('199007252015032001'), nama: 'Siti Rahmawati', unit: 'Sekretariat Daerah', phone: phone('+6281377881122') };
const C: AsnInput = { nip: nip('197811042005011002'), nama: 'Hendra Saputra', unit: 'Dinas Kominfo', phone: phone('+628117340011'), telegramId: tg('5550001') };

let db: Db;
let reg: AsnRegistry;
beforeEach(() => {
  db = openDb(':memory:');
  reg = new AsnRegistry(db);
});

describe('AsnRegistry', () => {
  it('inserts then updates by NIP, keeping memory and table in sync', () => {
    expect(reg.upsertMany([A, B, C], 1000)).toEqual({ inserted: 3, updated: 0 });
    expect(reg.count()).toBe(3);
    expect(reg.byPhone('+6281234567890')?.nip).toBe(A.nip);
    expect(reg.byTelegramUsername('ahmadfauzi_oku')?.nip).toBe(A.nip);
    expect(reg.byTelegramUsername('@AHMADFAUZI_OKU')?.nip).toBe(A.nip);
    expect(reg.byTelegramId('5550001')?.nip).toBe(C.nip);
    expect(reg.byTelegramId(5550001)?.nip).toBe(C.nip);

    const r = reg.upsertMany([{ ...B, unit: 'BPKAD', phone: phone('+6285267014433') }], 2000);
    expect(r).toEqual({ inserted: 0, updated: 1 });
    expect(reg.byPhone('+6281377881122')).toBeUndefined();
    expect(reg.byPhone('+6285267014433')?.unit).toBe('BPKAD');
    const row = db.prepare('SELECT unit, phone, created_at, updated_at FROM asn WHERE nip = ?').get(B.nip);
    expect(row).toEqual({ unit: 'BPKAD', phone: '+6285267014433', created_at: 1000, updated_at: 2000 });
    expect(reg.units()).toEqual(['BPKAD', 'Dinas Kominfo', 'Dinas Pendidikan']);
    expect(reg.all().map((x) => x.nip)).toEqual([C.nip, A.nip, B.nip]);
  });

  it('counts a NIP repeated inside one batch as an update', () => {
    expect(reg.upsertMany([A, { ...A, nama: 'Ahmad F.' }], 1)).toEqual({ inserted: 1, updated: 1 });
    expect(reg.byNip(A.nip)?.nama).toBe('Ahmad F.');
  });

  it('keeps learned Telegram id and LID on re-import without telegram, drops the LID when the phone changes', () => {
    reg.upsertMany([A], 1);
    reg.linkTelegram(A.nip, tg('777'), 'ahmad_real', 2);
    reg.linkWaLid(A.nip, '11112222333344:5@lid', 3);
    reg.upsertMany([{ ...A, telegramUsername: undefined, nama: 'Ahmad Fauzi, S.Pd.' }], 4);
    let rec = reg.byNip(A.nip)!;
    expect(rec).toMatchObject({ telegramId: '777', telegramUsername: 'ahmad_real', waLid: '11112222333344@lid', nama: 'Ahmad Fauzi, S.Pd.' });
    expect(reg.registration(A.nip)?.telegramAt).toBe(2);

    // A new Telegram id from the CSV replaces the learned one and its username/registration.
    reg.upsertMany([{ ...A, telegramId: tg('888'), telegramUsername: undefined }], 5);
    rec = reg.byNip(A.nip)!;
    expect(rec.telegramId).toBe('888');
    expect(rec.telegramUsername).toBeUndefined();
    expect(reg.byTelegramId('777')).toBeUndefined();
    expect(reg.byTelegramUsername('ahmad_real')).toBeUndefined();
    expect(reg.registration(A.nip)?.telegramAt).toBeUndefined();

    reg.upsertMany([{ ...A, phone: phone('+6289512345678') }], 6);
    expect(reg.byNip(A.nip)?.waLid).toBeUndefined();
    expect(reg.byWaLid('11112222333344@lid')).toBeUndefined();
  });

  it('moves a Telegram id (and its username) to the NIP that registers it', () => {
    reg.upsertMany([A, B, C], 1);
    reg.linkTelegram(B.nip, tg('5550001'), 'AhmadFauzi_OKU', 10);
    expect(reg.byTelegramId('5550001')?.nip).toBe(B.nip);
    expect(reg.byNip(C.nip)?.telegramId).toBeUndefined();
    expect(reg.byTelegramUsername('ahmadfauzi_oku')?.nip).toBe(B.nip);
    expect(reg.byNip(A.nip)?.telegramUsername).toBeUndefined();
    expect(db.prepare('SELECT count(*) FROM asn WHERE tg_user_id = ?').pluck().get('5550001')).toBe(1);
    expect(reg.linkTelegram(nip('199999999999999999'), tg('1'), undefined, 11)).toBeUndefined();
  });

  it('links a LID, moving it from another NIP', () => {
    reg.upsertMany([A, B], 1);
    reg.linkWaLid(A.nip, '99990000@lid' as WaLid, 2);
    reg.linkWaLid(B.nip, '99990000@lid' as WaLid, 3);
    expect(reg.byWaLid('99990000@lid')?.nip).toBe(B.nip);
    expect(reg.byWaLid('99990000:7@lid')?.nip).toBe(B.nip);
    expect(reg.byNip(A.nip)?.waLid).toBeUndefined();
  });

  it('markWaRegistered records the first contact time', () => {
    reg.upsertMany([A], 1);
    expect(reg.markWaRegistered(A.nip, 5)).toBe(true);
    expect(reg.markWaRegistered(A.nip, 9)).toBe(true);
    expect(reg.registration(A.nip)).toEqual({ whatsappAt: 5 });
    expect(reg.markWaRegistered(nip('199999999999999999'), 9)).toBe(false);
  });

  it('findByPerson matches on every handle', () => {
    reg.upsertMany([A, B, C], 1);
    reg.linkWaLid(B.nip, '4242@lid', 2);
    expect(reg.findByPerson({ platform: 'telegram', id: '5550001' })?.nip).toBe(C.nip);
    expect(reg.findByPerson({ platform: 'telegram', id: '999', username: 'ahmadfauzi_oku' })?.nip).toBe(A.nip);
    expect(reg.findByPerson({ platform: 'telegram', username: 'nobody_here' })).toBeUndefined();
    expect(reg.findByPerson({ platform: 'whatsapp', phone: phone('+6281234567890') })?.nip).toBe(A.nip);
    expect(reg.findByPerson({ platform: 'whatsapp', lid: '4242@lid' as WaLid })?.nip).toBe(B.nip);
    expect(reg.findByPerson({ platform: 'whatsapp', id: '4242:3@lid' })?.nip).toBe(B.nip);
    expect(reg.findByPerson({ platform: 'whatsapp', id: '628117340011:2@s.whatsapp.net' })?.nip).toBe(C.nip);
    expect(reg.findByPerson({ platform: 'whatsapp', id: '628117340011@c.us' })?.nip).toBe(C.nip);
    expect(reg.findByPerson({ platform: 'whatsapp', id: '60123456789@s.whatsapp.net' })).toBeUndefined();
    // A Telegram id is not a WhatsApp handle.
    expect(reg.findByPerson({ platform: 'whatsapp', id: '5550001' })).toBeUndefined();
  });

  it('rolls back a batch with a phone already held by another NIP, leaving memory untouched', () => {
    reg.upsertMany([A, B], 1);
    expect(() => reg.upsertMany([C, { ...C, nip: nip('198912182014022003'), phone: A.phone }], 2)).toThrow(/UNIQUE/);
    expect(reg.count()).toBe(2);
    expect(reg.byNip(C.nip)).toBeUndefined();
    expect(db.prepare('SELECT count(*) FROM asn').pluck().get()).toBe(2);
  });

  it('reload and syncIfChanged see writes made through another registry (another process)', () => {
    const other = new AsnRegistry(db);
    reg.upsertMany([A], 1);
    expect(other.byNip(A.nip)).toBeUndefined();
    expect(other.syncIfChanged()).toBe(true);
    expect(other.byNip(A.nip)?.nama).toBe('Ahmad Fauzi');
    expect(other.syncIfChanged()).toBe(false);
    // A write through a stale registry still ends consistent.
    reg.upsertMany([B], 2);
    other.linkWaLid(A.nip, '1@lid', 3);
    expect(other.byNip(B.nip)).toBeDefined();
    expect(other.byWaLid('1@lid')?.nip).toBe(A.nip);
    db.prepare('DELETE FROM asn WHERE nip = ?').run(B.nip);
    reg.reload();
    expect(reg.byNip(B.nip)).toBeUndefined();
    expect(reg.byWaLid('1@lid')?.nip).toBe(A.nip);
  });

  // Speed is measured by `npm run bench` (registry lookups), never here: shared machines are noisy.
  it('answers lookups by phone from memory for a 20,000-ASN registry', () => {
    const rows: AsnInput[] = [];
    for (let i = 0; i < 20_000; i++) {
      rows.push({ nip: nip(benchNip(i)), nama: `N${i}`, unit: 'U', phone: phone(`+62812${String(i).padStart(8, '0')}`) });
    }
    reg.upsertMany(rows, 1);
    expect(reg.count()).toBe(20_000);
    const n = 500_000;
    let hits = 0;
    for (let i = 0; i < n; i++) if (reg.byPhone(`+62812${String(i % 40_000).padStart(8, '0')}`)) hits++;
    expect(hits).toBe(260_000);
  });
});
