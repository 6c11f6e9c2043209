/**
 * Issue 21 point 6: every writer of the audit log stores a code with its facts, and the dashboard's
 * audit page ("Hasil") renders it in the office's language. Driven through the real paths: telegraf
 * polls the loopback Bot API simulator (chat commands, registration by shared contact), the dashboard
 * is read over loopback HTTP after signing in, and refused logins are real requests to /masuk.
 * Rows written before the codes (English phrases) still read in the office's language.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Nip, PhoneE164 } from '../../src/core/ids.js';
import type { SimUser } from '../../src/platforms/sim/telegram-server.js';
import { contactMessage, textMessage } from '../../src/platforms/sim/telegram-updates.js';
import { audit } from '../../src/store/audit.js';
import { flushLoginRefusals, REFUSAL_WINDOW_MS } from '../../src/store/login-refusals.js';
import { startDashboard } from '../../src/web/server.js';
import { startSimBot } from '../support/telegram.js';
import { freePort, linkFromBot, signIn } from './support.js';

const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const RINA: SimUser = { id: 5101, first_name: 'Rina' };
const STRANGER: SimUser = { id: 6666, first_name: 'Orang' };
const GROUP = { id: -1001234567890, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' as const };
const RINA_ASN = { nip: '198503122010011003' as Nip, nama: 'Rina Marlina', unit: 'Dinas Pendidikan', phone: '+6281377881122' as PhoneE164 };

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0)) await s();
});

/** The audit page's "Hasil" cells (the last cell of each row), newest first, as plain text. */
function resultCells(page: string): string[] {
  const body = page.slice(page.indexOf('<tbody'));
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => {
    const cells = [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!);
    return (cells.at(-1) ?? '').replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  });
}

async function auditOf(lang: 'id' | 'en'): Promise<{ stored: string[]; shown: string[] }> {
  const port = await freePort();
  const bot = await startSimBot({ overrides: { LANGUAGE: lang, DASHBOARD_PORT: String(port) }, asn: [RINA_ASN], started: [ADMIN, RINA, STRANGER], perChatGapMs: 5 });
  stops.push(() => bot.stop());
  const { sim, app } = bot;
  const repliesTo = (id: number) => sim.sent.filter((m) => m.chat_id === id).length;
  let expected = 0;
  const push = async (u: Record<string, unknown>, to: number) => {
    const before = repliesTo(to);
    sim.pushUpdate(u);
    await sim.waitFor(() => repliesTo(to) > before, 5000);
    expected++;
  };
  // Chat commands: an unknown one, an admin command from a stranger, an admin command inside a group.
  await push(textMessage({ id: STRANGER.id, type: 'private' }, STRANGER, '/entahlah'), STRANGER.id);
  await push(textMessage({ id: STRANGER.id, type: 'private' }, STRANGER, '/kasus'), STRANGER.id);
  await push(textMessage(GROUP, ADMIN, '/report'), GROUP.id);
  // Registration: someone else's contact, a landline, a number not in the registry, then Rina's own.
  await push({ message: { ...(contactMessage(STRANGER, '6281377881122').message as object), contact: { phone_number: '6281377881122', first_name: 'Rina', user_id: RINA.id } } }, STRANGER.id);
  await push(contactMessage(STRANGER, '0211234567'), STRANGER.id);
  await push(contactMessage(STRANGER, '+6281999999999'), STRANGER.id);
  await push(contactMessage(RINA, '6281377881122'), RINA.id);
  expect(app.db.prepare(`SELECT COUNT(*) FROM audit`).pluck().get()).toBe(expected);

  // Rows from before the codes: English phrases, as older versions stored them.
  const old = Date.now() - 86_400_000;
  audit(app.db, { at: old, actor: 'tg:6667', platform: 'telegram', action: '/kasus', allowed: false, result: 'refused: not an admin' });
  audit(app.db, { at: old, actor: 'web:?', platform: 'web', action: 'dashboard login', args: '203.0.113.9', allowed: false, result: 'refused 40 times in 10 minutes: unknown link 40' });
  audit(app.db, { at: old, actor: 'web:tg:9001', platform: 'web', action: 'dossier', args: 'case 1', allowed: true, result: 'ok sha256=0123abcd' });
  // An ASN form refused before its problems were codes: the sentences of that day's language, shown as stored.
  audit(app.db, { at: old, actor: 'web:tg:9001', platform: 'web', action: 'asn add', args: 'nip=12', allowed: true, result: 'invalid {"problems":["NIP \\"12\\": NIP harus 18 digit, ditemukan 2"]}' });

  // The dashboard: two refused links from this client (counted, summed up when the window ends), then the admin signs in.
  const dash = await startDashboard(app);
  stops.push(() => dash.close());
  for (const t of ['x'.repeat(40), 'y'.repeat(40)]) {
    const r = await fetch(`${dash.url}/masuk`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `t=${t}` });
    expect(r.status).toBe(401);
  }
  flushLoginRefusals(app.db, Date.now() + REFUSAL_WINDOW_MS);
  const cookie = await signIn(await linkFromBot(app));
  // Issue 24 point 2: an ASN form with two bad fields, refused (400) and audited with its problems as codes.
  const form = await (await fetch(`${dash.url}/asn/tambah`, { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form)![1]!;
  const refusedForm = await fetch(`${dash.url}/asn/tambah`, {
    method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, nip: '123', nama: 'Rudi', unit: 'Setda', telepon: '0211234567', telegram: '' }).toString(),
  });
  expect(refusedForm.status).toBe(400);
  const res = await fetch(`${dash.url}/audit`, { headers: { cookie } });
  expect(res.status).toBe(200);
  const stored = app.db.prepare(`SELECT result FROM audit ORDER BY at DESC, id DESC`).pluck().all() as string[];
  return { stored, shown: resultCells(await res.text()) };
}

describe('audit results are codes, shown in the office language', () => {
  it('stores codes with facts, never English phrases', async () => {
    const { stored } = await auditOf('id');
    const fresh = stored.filter((r) => !/^refused 40|^refused: not an admin|^ok sha256|^invalid \{"problems":\["/.test(r));
    expect(new Set(fresh)).toEqual(
      new Set([
        'ok',
        'invalid {"problems":[{"field":"nip","value":"123","problem":{"code":"length","found":3}},{"field":"telepon","value":"0211234567","problem":{"code":"landline","areaCode":"21"}}]}',
        'login_refused {"count":2,"reasons":{"unknown":2}}',
        'linked {"nip":"198503122010011003"}',
        'refused_not_in_registry',
        'refused_phone {"problem":{"code":"landline","areaCode":"21"}}',
        'refused_not_own_contact',
        'refused_group_chat',
        'refused_not_admin',
        'unknown_command',
      ]),
    );
    for (const r of fresh) expect(r).toMatch(/^[a-z_]+( \{.*\})?$/);
  }, 60_000);

  it('LANGUAGE=id: the Hasil column is Indonesian, old phrase rows included', async () => {
    const { shown } = await auditOf('id');
    for (const text of [
      'perintah tidak dikenal',
      'ditolak: bukan admin Humas',
      'ditolak: dikirim di grup',
      'ditolak: bukan kontak milik pengirim',
      'ditolak: nomor telepon rumah/kantor atau bukan HP (kode area 21); nomor HP diawali 08',
      'ditolak: nomor tidak ada di daftar ASN',
      'ditautkan ke NIP 198503122010011003',
      'ditolak 2 kali dalam 10 menit: tautan tidak dikenal 2',
      'ditolak 40 kali dalam 10 menit: tautan tidak dikenal 40',
      'berhasil: SHA-256 0123abcd',
      'berhasil',
      'tidak sah: NIP "123": NIP harus 18 digit, ditemukan 3; telepon "0211234567": nomor telepon rumah/kantor atau bukan HP (kode area 21); nomor HP diawali 08',
      'tidak sah: NIP "12": NIP harus 18 digit, ditemukan 2',
    ]) {
      expect(shown).toContain(text);
    }
    for (const cell of shown) expect(cell).not.toMatch(/\b(refused|unknown|linked|link|times|minutes|ok|error)\b/i);
  }, 60_000);

  it('LANGUAGE=en: the same rows in English', async () => {
    const { shown } = await auditOf('en');
    for (const text of [
      'unknown command',
      'refused: not an admin',
      'refused: group chat',
      'refused: not the sender’s own contact',
      'refused: landline or non-mobile number (area code 21); a mobile number starts with 08',
      'refused: number not in the registry',
      'linked to NIP 198503122010011003',
      'refused 2 times in 10 minutes: unknown link 2',
      'refused 40 times in 10 minutes: unknown link 40',
      'ok: SHA-256 0123abcd',
      'ok',
      'invalid: NIP "123": NIP must have 18 digits, found 3; telepon "0211234567": landline or non-mobile number (area code 21); a mobile number starts with 08',
      'invalid: NIP "12": NIP harus 18 digit, ditemukan 2',
    ]) {
      expect(shown).toContain(text);
    }
  }, 60_000);
});
