/**
 * Issue 19 "Done when", on the real binary: a case opened on the loopback Bot API (Andi adds an ASN to
 * "Relawan Paslon 2 Pilgub Sumsel"; telegraf polls the simulator over HTTP), then `cases dossier 1`,
 * `actors list`, `actors dossier`, and `audit verify` before and after one events payload is changed with sqlite3.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { SimUser } from '../../src/platforms/sim/telegram-server.js';
import { leftChatMember, newChatMembers } from '../../src/platforms/sim/telegram-updates.js';
import { pdfText } from '../support/pdf.js';
import { startBudiBot } from '../support/telegram.js';
import { jn, SPAWN_TIMEOUT, tempHome } from './support.js';

const GROUP = { id: -1001234567890, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' as const };
const ANDI: SimUser = { id: 7001, first_name: 'Andi', username: 'andi_timses' };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };
const NIP = '198503122010011003';
const PHONE = '+6281234567890';

describe('evidence on the real binary (issue 19)', SPAWN_TIMEOUT, () => {
  it('dossier of a case opened on the loopback Bot API; audit verify passes, then names the changed row', async () => {
    const { dir, db } = tempHome();
    const bot = await startBudiBot({ overrides: { DATABASE_PATH: db, HUMAS_CONTACT: 'Humas Pemkab OKU', ORG_NAME: 'Pemkab OKU' } });
    const { sim } = bot;
    sim.pushUpdate(newChatMembers(GROUP, ANDI, [BUDI]));
    await sim.waitFor((s) => s.some((m) => m.chat_id === BUDI.id), 5000);
    await sim.waitFor((s) => s.some((m) => m.chat_id === GROUP.id), 5000);
    sim.pushUpdate(leftChatMember(GROUP, BUDI, BUDI));
    await sim.waitFor((s) => s.filter((m) => m.chat_id === BUDI.id).length >= 2, 5000);
    await bot.stop();

    const env = { DATABASE_PATH: db, LANGUAGE: 'id', HUMAS_CONTACT: 'Humas Pemkab OKU', ORG_NAME: 'Pemkab OKU' };
    const out = join(dir, 'd.pdf');
    const made = await jn(['cases', 'dossier', '1', '--out', out], env);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    const pdf = readFileSync(out);
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(made.out).toContain(sha);
    const text = pdfText(pdf);
    for (const part of ['Andi', 'Relawan Paslon 2 Pilgub Sumsel', NIP, 'Pasal 70', 'Pemkab OKU', 'Humas Pemkab OKU', 'jaga-netral audit verify', 'WIB']) expect(text).toContain(part);
    expect(text).toMatch(/\b[0-9a-f]{64}\b/);
    // The timeline: who added whom, the bot's DM, the reminder in the group, the ASN leaving.
    expect(text).toMatch(/Andi menambahkan Budi Santoso ke grup/);
    expect(text).toMatch(/Bot mengirim pesan pribadi kepada ASN/);
    expect(text).toMatch(/Bot memasang pengingat di grup/);
    expect(text).toMatch(/Budi Santoso keluar dari grup/);
    const order = ['menambahkan Budi', 'pesan pribadi kepada ASN', 'memasang pengingat', 'keluar dari grup'].map((p) => text.indexOf(p));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    // The ASN is the person involved, never the reported party; the phone only when asked.
    const terlapor = text.slice(text.indexOf('2. Terlapor'), text.indexOf('Kasus #1'));
    expect(terlapor).toContain('Andi');
    expect(terlapor).toContain('7001');
    expect(terlapor).toContain('@andi_timses');
    expect(terlapor).not.toContain('Budi');
    expect(text).not.toContain(PHONE);
    // The event hashes in the dossier are the rows' chain hashes (compact format: the BLOB digest, shown as lower-case hex).
    const raw = new Database(db, { readonly: true });
    const eventId = raw.prepare(`SELECT event_id FROM incident_findings WHERE incident_id = 1`).pluck().get() as number;
    const rowHash = raw.prepare(`SELECT lower(hex(row_digest)) FROM events WHERE id = ?`).pluck().get(eventId) as string;
    expect(text).toContain(rowHash);
    expect(text).toContain(`posisi rantai events #${eventId}`);
    const audited = raw.prepare(`SELECT action, args, result FROM audit WHERE action = 'dossier'`).all();
    expect(audited).toEqual([{ action: 'dossier', args: 'case 1', result: `ok {"sha256":"${sha}"}` }]);
    raw.close();

    const again = await jn(['cases', 'dossier', '1', '--out', out], { ...env, LANGUAGE: 'en' });
    expect(again).toMatchObject({ code: 1, err: `${out} already exists; nothing was written. Choose another file, or add --force to overwrite it.\n` });
    const withPhone = await jn(['cases', 'dossier', '1', '--out', out, '--force', '--with-phone'], { ...env, LANGUAGE: 'en' });
    expect(withPhone.code).toBe(0);
    const en = pdfText(readFileSync(out));
    expect(en).toContain(PHONE);
    expect(en).toContain('Legal basis');
    const missing = await jn(['cases', 'dossier', '99', '--out', join(dir, 'x.pdf')], env);
    expect(missing).toMatchObject({ code: 1, err: 'Kasus #99 tidak ditemukan. Lihat: jaga-netral cases list\n' });

    // Actors: Andi, with the counts; the actor dossier covers his case.
    const actors = await jn(['actors', 'list'], env);
    expect(actors.code).toBe(0);
    expect(actors.out).toMatch(/^Pelaku +Nama yang terlihat/);
    expect(actors.out).toMatch(/tg:7001 +Andi; @andi_timses +- +1 +1 +1 +/);
    const byActor = await jn(['actors', 'dossier', 'tg:7001', '--out', join(dir, 'andi.pdf')], env);
    expect(byActor.code).toBe(0);
    expect(pdfText(readFileSync(join(dir, 'andi.pdf')))).toContain('pelaku Andi');
    const badActor = await jn(['actors', 'dossier', 'andi', '--out', join(dir, 'y.pdf')], env);
    expect(badActor.code).toBe(2);

    // The chain checks; one payload changed with the sqlite3 tool is named.
    const ok = await jn(['audit', 'verify'], env);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^Rantai hash utuh: setiap baris cocok\.\n  events: \d+ baris; kepala #\d+ [0-9a-f]{64}\n  audit: 4 baris; kepala #4 [0-9a-f]{64}\n$/);
    execFileSync('sqlite3', [db, `UPDATE events SET payload = replace(payload, 'Andi', 'Anda') WHERE id = ${eventId}`]);
    const bad = await jn(['audit', 'verify'], env);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`Rantai hash RUSAK di events baris #${eventId}`);
    // A backup copy is checked by file, without any configuration, in English.
    const copy = await jn(['audit', 'verify', db], { LANGUAGE: 'en' });
    expect(copy.code).toBe(1);
    expect(copy.err).toContain(`Hash chain BROKEN at events row #${eventId}`);
  });
});
