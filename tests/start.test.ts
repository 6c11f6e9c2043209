/**
 * `jaga-netral start` refuses bad settings before it touches any platform, and a
 * start that fails half-way stops everything it started and exits non-zero.
 * The real binary runs against the loopback Bot API simulator.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramSimServer } from '../src/platforms/sim/telegram-server.js';
import { childEnv, ROOT, runBin } from './support/spawn.js';

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
        HUMAS_ADMINS: 'tg:9001',
        LANGUAGE: 'en',
        LOG_LEVEL: 'silent',
      },
    });
    // Exiting by itself (not killed by the timeout) shows no timer, poller or server was left running.
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    // The refusal names the setting to change, not a raw EADDRINUSE.
    expect(r.stderr).toContain(`Jaga Netral could not start: port ${port} is already in use by another program; change TELEGRAM_WEBHOOK_PORT in .env`);
    expect(sim.calls.map((c) => c.method)).toContain('getMe');
    const n = sim.calls.length;
    await sleep(1000);
    expect(sim.calls.length).toBe(n);
    expect(sim.calls.map((c) => c.method)).not.toContain('getUpdates');
  });

  it('no valid Humas admin refuses the start and names HUMAS_ADMINS, before anything reaches Telegram', { timeout: 90_000 }, async () => {
    sim = await TelegramSimServer.start();
    const cwd = mkdtempSync(join(tmpdir(), 'jn-start-'));
    for (const admins of ['', ' , ']) {
      const r = await runBin(['start'], {
        cwd,
        env: { DATABASE_PATH: join(cwd, 'db.sqlite'), TELEGRAM_BOT_TOKEN: sim.token, TELEGRAM_API_ROOT: sim.apiRoot, HUMAS_ADMINS: admins, LANGUAGE: 'id' },
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Konfigurasi tidak valid[\s\S]*HUMAS_ADMINS: wajib berisi paling sedikit satu admin Humas yang sah/);
    }
    expect(sim.calls).toEqual([]);
    expect(existsSync(join(cwd, 'db.sqlite'))).toBe(false);
  });

  it('an unknown key in .env (HUMAS_ADMIN) refuses the start, naming the key and the one meant', { timeout: 90_000 }, async () => {
    sim = await TelegramSimServer.start();
    const cwd = mkdtempSync(join(tmpdir(), 'jn-start-'));
    writeFileSync(join(cwd, '.env'), `HUMAS_ADMIN=tg:9001\nTELEGRAM_BOT_TOKEN=${sim.token}\nTELEGRAM_API_ROOT=${sim.apiRoot}\nDATABASE_PATH=${join(cwd, 'db.sqlite')}\nTELEGRAM_WEBHOK_PORT=8443\n`);
    const r = await runBin(['start'], { cwd, env: { LANGUAGE: 'en' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('HUMAS_ADMIN: unknown setting in the .env file; did you mean HUMAS_ADMINS?');
    expect(r.stderr).toContain('TELEGRAM_WEBHOK_PORT: unknown setting in the .env file; did you mean TELEGRAM_WEBHOOK_PORT?');
    expect(r.stderr).toContain('HUMAS_ADMINS: must list at least one valid Humas admin');
    // A typo in the environment (one edit from a setting) is named too; the rest of the environment is not ours.
    const env = await runBin(['start'], { cwd: mkdtempSync(join(tmpdir(), 'jn-start-')), env: { LANGUAGE: 'id', HUMAS_ADMINS: 'tg:9001', TELEGRAM_BOT_TOKEN: sim.token, HUMAS_CONTAKT: 'Humas', SOME_OTHER_TOOL: '1' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('HUMAS_CONTAKT: pengaturan tidak dikenal di lingkungan; maksudnya HUMAS_CONTACT?');
    expect(env.stderr).not.toContain('SOME_OTHER_TOOL');
    expect(sim.calls).toEqual([]);
  });

  it('a second start on the same database is refused while the first runs; the lock goes with the process, even after kill -9', { timeout: 180_000 }, async () => {
    sim = await TelegramSimServer.start();
    const cwd = mkdtempSync(join(tmpdir(), 'jn-start-'));
    const env = { DATABASE_PATH: join(cwd, 'data', 'db.sqlite'), TELEGRAM_BOT_TOKEN: sim.token, TELEGRAM_API_ROOT: sim.apiRoot, HUMAS_ADMINS: 'tg:9001', LANGUAGE: 'id', LOG_LEVEL: 'info' };
    const first = spawnBin(['start'], { cwd, env });
    await first.waitFor(() => sim!.calls.some((c) => c.method === 'deleteWebhook'));
    // The same file by another path (relative, from its folder) is the same database.
    const second = await runBin(['start'], { cwd: join(cwd, 'data'), env: { ...env, DATABASE_PATH: 'db.sqlite' } });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`Jaga Netral sudah berjalan dengan basis data db\\.sqlite \\(proses ${first.pid}, sejak \\d{4}-\\d\\d-\\d\\dT`));
    expect(second.stderr).toContain('Hentikan proses itu dahulu, atau pakai DATABASE_PATH lain.');
    // The refused start changed nothing: only the first bot polls.
    expect(sim.calls.filter((c) => c.method === 'getMe').length).toBe(1);
    // A crash (SIGKILL: no clean-up at all) leaves no stale lock: the next start runs.
    first.child.kill('SIGKILL');
    await first.exited;
    const third = spawnBin(['start'], { cwd, env });
    // Polling has begun (deleteWebhook comes right before it), so the signal handlers are installed.
    await third.waitFor(() => sim!.calls.filter((c) => c.method === 'deleteWebhook').length === 2);
    // And a clean stop releases it as well.
    third.child.kill('SIGTERM');
    expect((await third.exited).code).toBe(0);
    const fourth = spawnBin(['start'], { cwd, env });
    await fourth.waitFor(() => sim!.calls.filter((c) => c.method === 'deleteWebhook').length === 3);
    fourth.child.kill('SIGTERM');
    expect((await fourth.exited).code).toBe(0);
  });
});

/** The binary running in the background, for tests that need two at once. */
function spawnBin(args: string[], opts: { cwd: string; env: Record<string, string> }) {
  const child = spawn(process.execPath, [`${ROOT}/src/bin/jaga-netral.mjs`, ...args], {
    cwd: opts.cwd,
    env: { ...childEnv(), ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  const exited = new Promise<{ code: number | null; stderr: string }>((r) => child.on('close', (code) => r({ code, stderr })));
  return {
    child,
    pid: child.pid,
    exited,
    /** Resolves once `ready()` holds (polled), or fails with what the process printed. */
    async waitFor(ready: () => boolean): Promise<void> {
      for (let i = 0; i < 600; i++) {
        if (ready()) return;
        if (child.exitCode !== null) throw new Error(`exited early: ${stderr}`);
        await sleep(100);
      }
      child.kill('SIGKILL');
      throw new Error(`not ready: ${stderr}`);
    },
  };
}
