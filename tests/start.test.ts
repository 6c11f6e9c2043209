/**
 * `jaga-netral start` refuses bad settings before it touches any platform, and a
 * start that fails half-way stops everything it started and exits non-zero.
 * The real binary runs against the loopback Bot API simulator.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramSimServer } from '../src/platforms/sim/telegram-server.js';
import { runBin } from './support/spawn.js';

let sim: TelegramSimServer | undefined;
let blocker: Server | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  await new Promise<void>((r) => (blocker ? blocker.close(() => r()) : r()));
  blocker = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('jaga-netral start', () => {
  it('a bad REMINDER_CRON (and every other problem) is listed at once; nothing reaches Telegram; exit non-zero', { timeout: 90_000 }, async () => {
    sim = await TelegramSimServer.start();
    const cwd = mkdtempSync(join(tmpdir(), 'jn-start-'));
    const r = await runBin(['start'], {
      cwd,
      env: {
        DATABASE_PATH: join(cwd, 'db.sqlite'),
        TELEGRAM_BOT_TOKEN: sim.token,
        TELEGRAM_API_ROOT: sim.apiRoot,
        REMINDER_CRON: '0 25 * * *',
        DIGEST_CRON: 'every morning',
        HUMAS_ADMINS: 'tg:@humas_oku',
        PASLON_FILE: join(cwd, 'missing-paslon.json'),
        LANGUAGE: 'en',
      },
    });
    expect(r.timedOut).toBe(false);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/REMINDER_CRON: is not a valid cron pattern/);
    expect(r.stderr).toMatch(/DIGEST_CRON: must have 5 space-separated fields/);
    expect(r.stderr).toMatch(/HUMAS_ADMINS: "tg:@humas_oku" is a username.*\/id/);
    expect(r.stderr).toMatch(/PASLON_FILE: Cannot read paslon file .*missing-paslon\.json: no such file/);
    const before = sim.calls.length;
    await sleep(1500);
    expect(sim.calls.map((c) => c.method)).toEqual([]);
    expect(sim.calls.length).toBe(before);
  });

  it('problems are written in Indonesian with LANGUAGE=id', { timeout: 90_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jn-start-'));
    const r = await runBin(['start'], { cwd, env: { DATABASE_PATH: join(cwd, 'db.sqlite'), REMINDER_CRON: '61 9 * * *', LANGUAGE: 'id', FOLLOWUP_HOURS: 'besok' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Konfigurasi tidak valid/);
    expect(r.stderr).toMatch(/REMINDER_CRON: bukan pola cron yang sah/);
    expect(r.stderr).toMatch(/FOLLOWUP_HOURS: harus berupa angka/);
  });

  it('a start that fails after Telegram answered stops the scheduler and the dispatcher, sends nothing more, and exits 1', { timeout: 90_000 }, async () => {
    sim = await TelegramSimServer.start();
    // The webhook port is taken, so the Telegram adapter fails after getMe and setMyCommands.
    blocker = createServer();
    await new Promise<void>((r) => blocker!.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    const cwd = mkdtempSync(join(tmpdir(), 'jn-start-'));
    const r = await runBin(['start'], {
      cwd,
      env: {
        DATABASE_PATH: join(cwd, 'db.sqlite'),
        TELEGRAM_BOT_TOKEN: sim.token,
        TELEGRAM_API_ROOT: sim.apiRoot,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.go.id/tg',
        TELEGRAM_WEBHOOK_SECRET: 'a-secret-of-24-characters',
        TELEGRAM_WEBHOOK_PORT: String(port),
        LANGUAGE: 'en',
        LOG_LEVEL: 'silent',
      },
    });
    // Exiting by itself (not killed by the timeout) shows no timer, poller or server was left running.
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Jaga Netral could not start: .*EADDRINUSE/);
    expect(sim.calls.map((c) => c.method)).toContain('getMe');
    const n = sim.calls.length;
    await sleep(1000);
    expect(sim.calls.length).toBe(n);
    expect(sim.calls.map((c) => c.method)).not.toContain('getUpdates');
  });
});
