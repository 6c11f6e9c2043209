/**
 * Issue 18 "Done when", through the real binary: `jaga-netral start` polls the loopback Bot API simulator
 * (telegraf over HTTP, src/platforms/sim/telegram-server.ts). A registered ASN's one-message /lapor gets a
 * receipt text with a JN- number and code and a PDF; Humas gets the report naming the ASN and the group; a
 * stranger's /lapor is answered politely and reaches no Humas admin. After a clean stop, `receipt verify`
 * accepts the number and code and refuses a changed code, and `report --format csv` lists the reported case.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramSimServer, type SimUser } from '../../src/platforms/sim/telegram-server.js';
import { textMessage } from '../../src/platforms/sim/telegram-updates.js';
import { AsnRegistry } from '../../src/store/asn.js';
import { openDb } from '../../src/store/db.js';
import type { Nip, PhoneE164, TgUserId } from '../../src/core/ids.js';
import { pdfText } from '../support/pdf.js';
import { childEnv, ROOT, runBin } from '../support/spawn.js';

const ASN: SimUser = { id: 5101, first_name: 'Siti', username: 'siti_oku' };
const HUMAS: SimUser = { id: 9001, first_name: 'Humas' };
const STRANGER: SimUser = { id: 7777, first_name: 'Orang', username: 'orang_lain' };
const REPORT =
  '/lapor Saya dimasukkan ke grup WhatsApp "Relawan Maju Bersama" oleh 0812 3456 7890, tautan https://chat.whatsapp.com/AbCdEfGhIjK12345';

let sim: TelegramSimServer | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
  await sim?.close();
  sim = undefined;
});

/** Starts `jaga-netral start` and resolves with its exit code once it stops. */
function startBin(cwd: string, env: Record<string, string>): { proc: ChildProcess; exited: Promise<number | null>; stderr: () => string } {
  const proc = spawn(process.execPath, [`${ROOT}/src/bin/jaga-netral.mjs`, 'start'], {
    cwd,
    env: { ...childEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  proc.stdout!.resume();
  const exited = new Promise<number | null>((r) => proc.on('close', (code) => r(code)));
  return { proc, exited, stderr: () => err };
}

describe('self-report through jaga-netral start (Telegram)', () => {
  it('receipt text + PDF for the ASN, Humas alert, stranger refused; then receipt verify and report CSV', { timeout: 120_000 }, async () => {
    sim = await TelegramSimServer.start({ canReadAllGroupMessages: true, keepFileBytes: 4 * 1024 * 1024 });
    for (const u of [ASN, HUMAS, STRANGER]) {
      sim.addUser(u);
      sim.startedBot(u.id);
    }
    const cwd = mkdtempSync(join(tmpdir(), 'jn-lapor-'));
    const dbPath = join(cwd, 'data', 'jaga.sqlite');
    const db = openDb(dbPath);
    new AsnRegistry(db).upsertMany(
      [{ nip: '198703122010012003' as Nip, nama: 'Siti Rahmawati', unit: 'Dinas Pendidikan', phone: '+6281311112222' as PhoneE164, telegramId: '5101' as TgUserId }],
      Date.now(),
    );
    db.close();
    const env = {
      DATABASE_PATH: dbPath, TELEGRAM_BOT_TOKEN: sim.token, TELEGRAM_API_ROOT: sim.apiRoot, HUMAS_ADMINS: 'tg:9001', QUIET_HOURS: 'off',
      LANGUAGE: 'id', LOG_LEVEL: 'silent', PASLON_FILE: join(ROOT, 'data', 'paslon.sumsel2024.json'),
    };
    const bot = startBin(cwd, env);
    child = bot.proc;
    await sim.waitForPoll(30_000);

    sim.pushUpdate(textMessage({ id: ASN.id, type: 'private' }, ASN, REPORT));
    await sim.waitFor((s) => s.some((m) => m.chat_id === ASN.id && m.method === 'sendDocument') && s.some((m) => m.chat_id === HUMAS.id), 30_000);
    const toAsn = sim.sent.filter((m) => m.chat_id === ASN.id);
    const receipt = toAsn.find((m) => m.method === 'sendMessage')!;
    const no = /JN-\d{4}-\d{6}/.exec(receipt.text ?? '')?.[0];
    const code = /Kode verifikasi: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(receipt.text ?? '')?.[1];
    expect(no).toBeDefined();
    expect(code).toBeDefined();
    expect(receipt.text).toMatch(/WIB/);
    expect(receipt.text).toMatch(/Keluar dari grup/);
    // The receipt carries the "done" button.
    expect(JSON.stringify(receipt.reply_markup)).toMatch(/sr-done:/);
    const pdf = toAsn.find((m) => m.method === 'sendDocument')!;
    expect(pdf.document?.filename).toBe(`tanda-terima-${no}.pdf`);
    const text = pdfText(pdf.document!.data!);
    expect(text).toContain(no!);
    expect(text).toContain(code!);
    expect(text).toContain('Relawan Maju Bersama');
    expect(text).toContain('Siti Rahmawati');
    // The receipt PDF on disk is owner-only.
    expect(statSync(join(cwd, 'data', 'receipts', `${no}.pdf`)).mode & 0o777).toBe(0o600);

    const humas = sim.sent.filter((m) => m.chat_id === HUMAS.id);
    expect(humas).toHaveLength(1);
    expect(humas[0]!.text).toContain('Siti Rahmawati');
    expect(humas[0]!.text).toContain('Relawan Maju Bersama');
    expect(humas[0]!.text).toContain(no!);
    expect(humas[0]!.text).toContain('+6281234567890');

    // A stranger is told how to register, and Humas hears nothing of it.
    sim.pushUpdate(textMessage({ id: STRANGER.id, type: 'private' }, STRANGER, '/lapor saya dimasukkan ke grup kampanye'));
    await sim.waitFor((s) => s.some((m) => m.chat_id === STRANGER.id), 30_000);
    const refusal = sim.sent.find((m) => m.chat_id === STRANGER.id)!;
    expect(refusal.text).toMatch(/hanya dapat dikirim oleh ASN yang terdaftar/);
    expect(refusal.text).toMatch(/\/start/);
    expect(sim.sent.filter((m) => m.chat_id === HUMAS.id)).toHaveLength(1);
    expect(sim.sent.filter((m) => m.chat_id === STRANGER.id && m.method === 'sendDocument')).toHaveLength(0);

    bot.proc.kill('SIGTERM');
    expect(await bot.exited).toBe(0);

    const cliEnv = { DATABASE_PATH: dbPath, LANGUAGE: 'id' };
    const ok = await runBin(['receipt', 'verify', no!, code!], { cwd, env: cliEnv });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`SAH: tanda terima ${no}`));
    expect(ok.stdout).not.toContain('Siti');
    const flipped = code!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const bad = await runBin(['receipt', 'verify', no!, flipped], { cwd, env: cliEnv });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/TIDAK SAH/);
    const lower = await runBin(['receipt', 'verify', no!.toLowerCase(), code!.toLowerCase().replace(/-/g, '')], { cwd, env: cliEnv });
    expect(lower.code).toBe(0);

    const csv = await runBin(['report', '--format', 'csv'], { cwd, env: cliEnv });
    expect(csv.code).toBe(0);
    const rows = parse(csv.stdout, { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(Object.values(rows[0]!)).toContain('dilaporkan ASN');
    expect(Object.values(rows[0]!).join(' ')).toContain('Siti Rahmawati');
  });
});
