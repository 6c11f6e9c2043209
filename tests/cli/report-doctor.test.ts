/** Issue 12 points 8 (doctor) and 9 (report equals /report; --format png) on the real binary. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_PNG_WIDTH } from '../../src/app/reports/chart-png.js';
import { TelegramSimServer } from '../../src/platforms/sim/telegram-server.js';
import { botDatabase, jn, tempHome, SPAWN_TIMEOUT } from './support.js';

describe('report from the command line (real binary)', SPAWN_TIMEOUT, () => {
  it('prints the same text as /report, in both languages', async () => {
    const { db } = tempHome();
    const bot = botDatabase(db);
    for (const lang of ['id', 'en'] as const) {
      const cli = await jn(['report'], { DATABASE_PATH: db, LANGUAGE: lang });
      expect(cli.code).toBe(0);
      // The same database through the chat command, as a Humas admin in a private chat.
      const chat = await botDatabaseReport(bot.app, lang);
      expect(cli.out).toBe(`${chat}\n`);
      expect(cli.out).toContain(lang === 'id' ? 'Jumlah kasus: 2' : 'Cases: 2');
    }
    await bot.close();
  });

  it('--format png writes the chart and prints its path; a bad format is refused with the usage', async () => {
    const { dir, db } = tempHome();
    const bot = botDatabase(db);
    await bot.close();
    const out = join(dir, 'grafik.png');
    const r = await jn(['report', '--format', 'png', '--out', out], { DATABASE_PATH: db, LANGUAGE: 'id' });
    expect(r).toMatchObject({ code: 0, out: `${out}\n`, err: '' });
    const png = readFileSync(out);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(CHART_PNG_WIDTH);
    const bad = await jn(['report', '--format', 'pdf'], { DATABASE_PATH: db, LANGUAGE: 'en' });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--format must be text, csv, xlsx or png[\s\S]*jaga-netral report \[--from/);
  });
});

/** /report's reply text for the App's database, run through the command table with the given language. */
async function botDatabaseReport(app: import('../../src/app/app.js').App, lang: 'id' | 'en'): Promise<string> {
  const { CommandRunner } = await import('../../src/app/commands/index.js');
  const { reportCommand } = await import('../../src/app/reports/command.js');
  const config = { ...app.config, LANGUAGE: lang };
  const runner = new CommandRunner({ db: app.db, config, clock: Date.now, findAsn: () => undefined }, [reportCommand(app, { dir: join(tempHome().dir, 'r') })]);
  const reply = await runner.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: '/report' });
  return reply!.text;
}

describe('doctor (real binary)', SPAWN_TIMEOUT, () => {
  let sim: TelegramSimServer;
  beforeAll(async () => {
    sim = await TelegramSimServer.start();
  });
  afterAll(async () => {
    await sim.close();
  });

  it('all good: config, database, paslon, registry, Telegram getMe, and says so (exit 0)', async () => {
    const { db } = tempHome();
    const bot = botDatabase(db);
    await bot.close();
    sim.startedBot(9001); // the Telegram admin (jn's HUMAS_ADMINS) has pressed Start
    const r = await jn(['doctor'], { DATABASE_PATH: db, LANGUAGE: 'en', TELEGRAM_BOT_TOKEN: sim.token, TELEGRAM_API_ROOT: sim.apiRoot });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/✓ Configuration +OK/);
    expect(r.out).toMatch(/✓ Database +fine \(schema \d+, /);
    expect(r.out).toMatch(/✓ Paslon file +Pilgub Sumatera Selatan 2024: 3 paslon/);
    expect(r.out).toMatch(/✓ ASN registry +3 ASN in 3 units/);
    expect(r.out).toMatch(new RegExp(`✓ Telegram +token valid, bot @${sim.bot.username}`));
    expect(r.out).toMatch(/- WhatsApp +not enabled/);
    expect(r.out).toMatch(/✓ Humas admins +1 Telegram admin\(s\) have started the bot, 1 WhatsApp number\(s\) well formed/);
    // The seventh: screenshot OCR, on where Debian's tesseract is installed (.ci/run installs it).
    expect(r.out).toMatch(/✓ Screenshot OCR +on \(tesseract /);
    expect(r.out).toMatch(/All 7 checks passed\.\n$/);
    expect(sim.calls.some((c) => c.method === 'getMe')).toBe(true);
  });

  it('a dashboard behind a proxy (DASHBOARD_URL, loopback host) without DASHBOARD_TRUST_PROXY is a problem; with it, fine', async () => {
    const { db } = tempHome();
    const bot = botDatabase(db);
    await bot.close();
    sim.startedBot(9001);
    const env = { DATABASE_PATH: db, LANGUAGE: 'en', TELEGRAM_BOT_TOKEN: sim.token, TELEGRAM_API_ROOT: sim.apiRoot, DASHBOARD_PORT: '8080', DASHBOARD_URL: 'https://dasbor.humas.example.go.id' };
    const off = await jn(['doctor'], env);
    expect(off.code).toBe(1);
    expect(off.out).toMatch(/✗ Dashboard +https:\/\/dasbor\.humas\.example\.go\.id behind a proxy, but DASHBOARD_TRUST_PROXY=off/);
    expect(off.out).toMatch(/fix: Set DASHBOARD_TRUST_PROXY to the proxy addresses/);
    const on = await jn(['doctor'], { ...env, DASHBOARD_TRUST_PROXY: '127.0.0.1,::1' });
    expect(on.out).toMatch(/✓ Dashboard +https:\/\/dasbor\.humas\.example\.go\.id \(X-Forwarded-For trusted from: 127\.0\.0\.1, ::1\)/);
    expect(on.code).toBe(0);
  });

  it('lists every problem with what to fix: no database, wrong token, no WhatsApp session (exit 1, id)', async () => {
    const { db } = tempHome();
    const wrong = `${sim.token.split(':')[0]}:WRONG-token-for-the-doctor-test`;
    const r = await jn(['doctor'], { DATABASE_PATH: db, LANGUAGE: 'id', TELEGRAM_BOT_TOKEN: wrong, TELEGRAM_API_ROOT: sim.apiRoot, WHATSAPP_ENABLED: 'true' });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ Basis data +belum ada \(.*\)\n +perbaiki: Impor daftar ASN \(membuat basis data\): npx jaga-netral import-asn FILE\.csv\|FILE\.xlsx \(contoh: data\/asn\.sample\.csv\)/);
    expect(r.out).toMatch(/- Daftar ASN +dilewati/);
    expect(r.out).toMatch(/✗ Telegram +getMe gagal: 401 .*\n +perbaiki: Periksa TELEGRAM_BOT_TOKEN/);
    expect(r.out).toMatch(/✗ WhatsApp +belum ada sesi tersimpan\n +perbaiki: Tautkan nomor: npx jaga-netral wa-login/);
    expect(r.out).toMatch(/- Admin Humas +admin Telegram tidak diperiksa/);
    expect(r.out).not.toContain('WRONG-token');
    expect(r.err).toBe('3 masalah perlu diperbaiki.\n');
  });

  it('an invalid configuration is reported with its problems and the other checks are skipped', async () => {
    const r = await jn(['doctor'], { LANGUAGE: 'en', APP_TIMEZONE: 'Mars/Olympus' });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ Configuration +.*APP_TIMEZONE/);
    expect(r.out).toMatch(/fix: Correct the values in \.env/);
    expect(r.out).toMatch(/- Database +skipped/);
  });

  it('no valid Humas admin, or an unknown key, is a configuration problem naming the key (the other checks still run)', async () => {
    const { dir, db } = tempHome();
    const bot = botDatabase(db);
    await bot.close();
    const none = await jn(['doctor'], { DATABASE_PATH: db, LANGUAGE: 'id', HUMAS_ADMINS: '' });
    expect(none.code).toBe(1);
    expect(none.out).toMatch(/✗ Konfigurasi +HUMAS_ADMINS: wajib berisi paling sedikit satu admin Humas yang sah/);
    expect(none.out).toMatch(/✓ Daftar ASN +3 ASN di 3 unit kerja/);
    expect(none.out).toMatch(/✗ Admin Humas/);
    // HUMAS_ADMIN (a typo) in .env: named, with the key that was meant.
    writeFileSync(join(dir, '.env'), `HUMAS_ADMIN=tg:9001\nDATABASE_PATH=${db}\n`);
    const typo = await jn(['doctor'], { LANGUAGE: 'en', HUMAS_ADMINS: '' }, '', dir);
    expect(typo.code).toBe(1);
    expect(typo.out).toContain('HUMAS_ADMIN: unknown setting in the .env file; did you mean HUMAS_ADMINS?');
  });

  it('checks every Telegram admin can be messaged: one who never pressed Start is named, with the fix', async () => {
    const { db } = tempHome();
    const bot = botDatabase(db);
    await bot.close();
    sim.startedBot(9001);
    sim.blockedBot(9003);
    const r = await jn(['doctor'], { DATABASE_PATH: db, LANGUAGE: 'id', TELEGRAM_BOT_TOKEN: sim.token, TELEGRAM_API_ROOT: sim.apiRoot, HUMAS_ADMINS: 'tg:9001,tg:9002,tg:9003' });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ Admin Humas +tg:9002: belum pernah membuka bot \(\/start\); tg:9003: memblokir bot\n +perbaiki: Setiap admin Telegram membuka @/);
    // Asked as Telegram is asked (sendChatAction answers where sendMessage would), and nothing was sent.
    expect(sim.calls.filter((c) => c.method === 'sendChatAction').map((c) => c.params['chat_id'])).toEqual(expect.arrayContaining([9001, 9002, 9003]));
    expect(sim.calls.some((c) => c.method === 'sendMessage')).toBe(false);
  });
});
