/**
 * The real binary: with DASHBOARD_PORT set, `jaga-netral start` (against the
 * loopback Bot API simulator) serves the dashboard, and `jaga-netral
 * dashboard-link` in another process prints a one-time URL that logs in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramSimServer } from '../../src/platforms/sim/telegram-server.js';
import { childEnv, ROOT, runBin } from '../support/spawn.js';
import { freePort, signIn } from './support.js';

let sim: TelegramSimServer | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    const gone = new Promise((r) => child!.once('close', r));
    child.kill('SIGTERM');
    await gone;
  }
  child = undefined;
  await sim?.close();
  sim = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('jaga-netral start with DASHBOARD_PORT', () => {
  it('serves the dashboard; dashboard-link prints a working one-time URL; without a session nothing is shown', async () => {
    sim = await TelegramSimServer.start();
    const cwd = mkdtempSync(join(tmpdir(), 'jn-dash-start-'));
    const port = await freePort();
    const env = {
      ...childEnv(),
      DATABASE_PATH: join(cwd, 'db.sqlite'), TELEGRAM_BOT_TOKEN: sim.token, TELEGRAM_API_ROOT: sim.apiRoot,
      HUMAS_ADMINS: 'tg:9001', DASHBOARD_PORT: String(port), LOG_LEVEL: 'warn',
    };
    // Seed one ASN so the registry page has a name to hide.
    const csv = join(cwd, 'asn.csv');
    writeFileSync(csv, 'nip,nama,unit,telepon,telegram\n198503122010011003,Budi Santoso,Dinas Pendidikan,081234567890,@budi_s\n');
    expect((await runBin(['import-asn', csv], { cwd, env })).code).toBe(0);

    child = spawn(process.execPath, [`${ROOT}/src/bin/jaga-netral.mjs`, 'start'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const base = `http://127.0.0.1:${port}`;
    let up = false;
    for (let i = 0; i < 100 && !up; i++) {
      await sleep(200);
      up = await fetch(`${base}/gaya.css`).then((r) => r.ok, () => false);
      if (child.exitCode !== null) throw new Error(`start exited: ${stderr}`);
    }
    expect(up).toBe(true);

    for (const p of ['/', '/kasus', '/asn', '/audit', '/api/kasus']) {
      const r = await fetch(base + p);
      expect(r.status).toBe(401);
      const body = await r.text();
      expect(body).not.toContain('Budi');
      expect(body).not.toContain('198503122010011003');
    }

    const help = await runBin(['dashboard-link', '--help'], { cwd, env });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/dashboard-link \[--admin/);

    const out = await runBin(['dashboard-link'], { cwd, env });
    expect(out.code).toBe(0);
    const url = out.stdout.trim();
    expect(url).toMatch(new RegExp(`^${base}/masuk\\?t=[\\w-]{40,}$`));
    const cookie = await signIn(url);
    const asn = await fetch(`${base}/asn`, { headers: { cookie } });
    expect(asn.status).toBe(200);
    expect(await asn.text()).toContain('Budi Santoso');
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(401);

    const stranger = await runBin(['dashboard-link', '--admin', 'tg:4242'], { cwd, env });
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toMatch(/tg:4242 tidak ada di HUMAS_ADMINS/);
  }, 120_000);

  it('dashboard-link says the dashboard is off without DASHBOARD_PORT', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jn-dash-off-'));
    const r = await runBin(['dashboard-link'], { cwd, env: { DATABASE_PATH: join(cwd, 'db.sqlite'), HUMAS_ADMINS: 'tg:9001' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Dasbor tidak aktif: isi DASHBOARD_PORT/);
  }, 60_000);
});
