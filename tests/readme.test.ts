/**
 * Issue 21 point 7: every command the README shows is run here, read from the README itself (its `sh`
 * code blocks and its inline code that starts with a command), so a command added or changed there
 * breaks this test until it runs. The set-up path runs in order, as a new user would: copy .env.example,
 * fill it in, import the sample registry, doctor, start (with the health signal), replay, backup and the
 * sqlite3 look into the backup. `npx jaga-netral` is the package's binary (src/bin/jaga-netral.mjs), run
 * directly so npx never asks the registry; Telegram is the loopback simulator. A few commands cannot run
 * in a test, and each says why: the system's own tools (systemd), linking a real phone (WhatsApp's
 * servers), and npm scripts that are this very suite or the benchmarks; for those the test checks what
 * it can (the script exists and names a file that exists, the options parse).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_COMMANDS } from '../src/cli.js';
import { TelegramSimServer } from '../src/platforms/sim/telegram-server.js';
import { childEnv, ROOT } from './support/spawn.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const BIN = join(ROOT, 'src/bin/jaga-netral.mjs');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** Every command the README shows: lines of its sh/bash blocks and inline code that starts with a command; `a && b` is two. */
export function readmeCommands(md: string): string[] {
  const out: string[] = [];
  for (const m of md.matchAll(/```(sh|bash|shell)\n([\s\S]*?)```/g)) {
    for (const line of m[2]!.split('\n')) out.push(line.replace(/\s+#.*$/, '').trim());
  }
  const prose = md.replace(/```[\s\S]*?```/g, '');
  for (const m of prose.matchAll(/`([^`\n]+)`/g)) {
    if (/^(npx|npm|cp|kill|sqlite3|sudo|journalctl|node|[A-Z_]+=\S+ npx)\s/.test(m[1]!)) out.push(m[1]!.trim());
  }
  return [...new Set(out.flatMap((c) => c.split(/\s+&&\s+/)).filter(Boolean))];
}

/** What a README command is, for this test: run in the set-up sequence, or checked without running, with the reason. */
type Kind = 'setup' | 'script' | 'outside';
const CLASSES: { re: RegExp; kind: Kind; why?: string }[] = [
  { re: /^cp \.env\.example \.env$/, kind: 'setup' },
  { re: /^npx jaga-netral import-asn data\/asn\.sample\.csv$/, kind: 'setup' },
  { re: /^npx jaga-netral doctor$/, kind: 'setup' },
  { re: /^npx jaga-netral start$/, kind: 'setup' },
  { re: /^kill -USR2 <pid>$/, kind: 'setup' },
  { re: /^npx jaga-netral replay tests\/fixtures\/whatsapp\/story\.jsonl --asn data\/asn\.sample\.csv$/, kind: 'setup' },
  { re: /^sqlite3 data\/backups\/jaga-netral-\.\.\.db "SELECT status, COUNT\(\*\) FROM incidents GROUP BY status"$/, kind: 'setup' },
  { re: /^sqlite3 BACKUP\.db "SELECT coalesce\(row_hash, lower\(hex\(row_digest\)\)\), coalesce\(payload_hash, lower\(hex\(payload_digest\)\)\) FROM events WHERE id = N"$/, kind: 'setup' },
  { re: /^npx jaga-netral wa-login( --phone 62812\.\.\.)?$/, kind: 'setup' },
  { re: /^npx jaga-netral$/, kind: 'setup' },
  { re: /^npm (start|test|run [\w:]+)( -- .*)?$/, kind: 'script' },
  { re: /^npm (ci|install)$/, kind: 'outside', why: 'installs the dependencies this test runs with (package-lock.json is checked)' },
  { re: /^DASHBOARD_SCREENSHOTS_DIR=docs\/screenshots npx vitest run tests\/web\/browser\.test\.ts$/, kind: 'outside', why: 'runs a test file of this suite and writes into the tree (the file is checked)' },
  { re: /^(sudo systemctl|journalctl) /, kind: 'outside', why: "the system's service manager, not this repository's" },
  { re: /^kill -9$/, kind: 'outside', why: 'tests/start.test.ts kills a running bot with SIGKILL and starts again' },
];

const classify = (cmd: string) => CLASSES.find((c) => c.re.test(cmd));

/** Runs one shell command line (after `npx jaga-netral` became the binary) and collects what it printed. */
function sh(cmd: string, cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  const line = cmd.replace(/^npx jaga-netral\b/, `"${process.execPath}" "${BIN}"`);
  return new Promise((done, fail) => {
    const child = spawn('/bin/sh', ['-c', line], { cwd, env: { ...childEnv(), ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out, err }));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the README', () => {
  const commands = readmeCommands(README);

  it('every command it shows is one this test knows how to run or check', () => {
    expect(commands.length).toBeGreaterThan(10);
    expect(commands.filter((c) => !classify(c))).toEqual([]);
    // The set-up names the sample registry that exists, not a file a fresh clone lacks.
    for (const c of commands) for (const f of c.match(/\b(data|tests)\/[\w./-]+\.(csv|jsonl|json|xlsx)\b/g) ?? []) expect(existsSync(join(ROOT, f)), f).toBe(true);
  });

  it('npm scripts it names exist and run files that exist; npm ci needs the lock file; the screenshot test exists', () => {
    for (const c of commands.filter((x) => classify(x)?.kind === 'script')) {
      const name = /^npm (?:run )?([\w:]+)/.exec(c)![1]!;
      const script = PKG.scripts[name];
      expect(script, c).toBeDefined();
      for (const f of script!.match(/\b(src|tests)\/[\w./-]+\.(ts|mjs)\b/g) ?? []) expect(existsSync(join(ROOT, f)), f).toBe(true);
    }
    expect(PKG.scripts['start']).toBe('node src/bin/jaga-netral.mjs start');
    expect(PKG.scripts['demo']).toBe('node src/bin/jaga-netral.mjs demo'); // run by tests/demo.test.ts
    expect(existsSync(join(ROOT, 'package-lock.json'))).toBe(true);
    expect(existsSync(join(ROOT, 'tests/web/browser.test.ts'))).toBe(true);
  });

  it('every `jaga-netral` row of the command table names a real subcommand and only options its usage has', () => {
    const rows = [...README.matchAll(/^\| `jaga-netral ([a-z-]+)([^`]*)` \|/gm)];
    expect(rows.length).toBeGreaterThan(10);
    for (const [, name, rest] of rows) {
      if (name === '--version') continue;
      const cmd = CLI_COMMANDS.find((c) => c.name === name);
      expect(cmd, name).toBeDefined();
      const synopsis = cmd!.usage('en').synopsis.join(' ');
      for (const opt of rest!.match(/--[a-z-]+/g) ?? []) expect(synopsis, `${name} ${opt}`).toContain(opt);
    }
  });

  it('npm run eval:classifier -- FILE.tsv runs on the project\'s own labelled set', { timeout: 120_000 }, async () => {
    const cmd = commands.find((c) => c.startsWith('npm run eval:classifier -- '))!;
    expect(cmd).toBeDefined();
    const script = PKG.scripts['eval:classifier']!.replace(/^node /, `"${process.execPath}" `);
    const r = await sh(`${script} tests/fixtures/classifier/sumsel2024.tsv tests/fixtures/classifier/sumsel2024.paslon.json --errors 1`, ROOT);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/precision/i);
  });

  describe('the set-up path, in order, in a fresh folder', () => {
    let sim: TelegramSimServer;
    let dir: string;
    beforeAll(async () => {
      sim = await TelegramSimServer.start();
      sim.startedBot(9001);
      dir = mkdtempSync(join(tmpdir(), 'jn-readme-'));
      // A checkout's files the commands read (copied: nothing the commands write may land in the repository).
      copyFileSync(join(ROOT, '.env.example'), join(dir, '.env.example'));
      cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true, filter: (src) => !/\.db(-\w+)?$|\/(demo|backups|reports|wa-auth)$/.test(src) });
      cpSync(join(ROOT, 'tests/fixtures/whatsapp'), join(dir, 'tests/fixtures/whatsapp'), { recursive: true });
    });
    afterAll(async () => {
      await sim.close();
    });

    /** Runs a command exactly as the README shows it, with its placeholders filled in. */
    const run = (cmd: string, fill: Record<string, string> = {}) => {
      expect(commands, `the README shows ${cmd}`).toContain(cmd);
      return sh(Object.entries(fill).reduce((c, [k, v]) => c.replace(k, v), cmd), dir);
    };

    it('cp .env.example .env, filled in as step 2 says, then import-asn, doctor, start with kill -USR2, replay, backup and sqlite3', { timeout: 600_000 }, async () => {
      expect((await run('cp .env.example .env')).code).toBe(0);
      // Step 2: fill in the settings (and point Telegram at the simulator).
      const fill: Record<string, string> = { HUMAS_ADMINS: 'tg:9001', HUMAS_CONTACT: 'Humas Pemkab OKU', ORG_NAME: 'Pemkab OKU', TELEGRAM_BOT_TOKEN: sim.token, TELEGRAM_API_ROOT: sim.apiRoot, LOG_LEVEL: 'info' };
      let env = readFileSync(join(dir, '.env'), 'utf8');
      for (const [k, v] of Object.entries(fill)) env = new RegExp(`^${k}=.*$`, 'm').test(env) ? env.replace(new RegExp(`^${k}=.*$`, 'm'), `${k}=${v}`) : `${env}\n${k}=${v}\n`;
      writeFileSync(join(dir, '.env'), env);

      const usage = await run('npx jaga-netral');
      expect(usage.code).toBe(2); // no subcommand: the usage, on stderr
      expect(usage.err).toMatch(/jaga-netral <perintah>/);

      const imported = await run('npx jaga-netral import-asn data/asn.sample.csv');
      expect(imported.err).toBe('');
      expect(imported.code).toBe(0);

      const doctor = await run('npx jaga-netral doctor');
      expect(doctor.out).toMatch(/✓ Konfigurasi +OK/);
      expect(doctor.out).toMatch(/✓ Admin Humas/);
      expect(doctor.code).toBe(0);

      // start, then the health signal the README gives, then SIGTERM as it says to stop.
      const child = spawn(process.execPath, [BIN, 'start'], { cwd: dir, env: childEnv() });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.stdout.resume();
      const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
      for (let i = 0; i < 600 && !sim.calls.some((c) => c.method === 'deleteWebhook'); i++) {
        if (child.exitCode !== null) throw new Error(`start exited: ${err}`);
        await sleep(100);
      }
      await sleep(300);
      const killed = await run('kill -USR2 <pid>', { '<pid>': String(child.pid) });
      expect(killed.code).toBe(0);
      for (let i = 0; i < 100 && !/"health":/.test(err); i++) await sleep(100);
      const line = err.split('\n').find((l) => l.includes('"health":'))!;
      expect(JSON.parse(line)).toMatchObject({ asn: 8, platforms: { telegram: `@${sim.bot.username} (polling)` } });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);

      const replay = await run('npx jaga-netral replay tests/fixtures/whatsapp/story.jsonl --asn data/asn.sample.csv');
      expect(replay.code).toBe(0);
      expect(replay.out.trim().split('\n').map((l) => JSON.parse(l) as { kind: string }).some((m) => m.kind === 'humas_alert')).toBe(true);

      // The backup the README's sqlite3 line looks into (made as the BACKUP_CRON job makes it).
      expect((await sh('npx jaga-netral backup', dir)).code).toBe(0);
      const backup = readdirSync(join(dir, 'data/backups')).find((f) => /^jaga-netral-\d{8}-\d{6}\.db$/.test(f))!;
      const look = await run('sqlite3 data/backups/jaga-netral-...db "SELECT status, COUNT(*) FROM incidents GROUP BY status"', { 'jaga-netral-...db': backup });
      expect(look.err).toBe('');
      expect(look.code).toBe(0);
      const chain = await run('sqlite3 BACKUP.db "SELECT coalesce(row_hash, lower(hex(row_digest))), coalesce(payload_hash, lower(hex(payload_digest))) FROM events WHERE id = N"', { 'BACKUP.db': `data/backups/${backup}`, 'id = N': 'id = 1' });
      expect(chain.err).toBe('');
      expect(chain.code).toBe(0);

      // wa-login would link a real phone through WhatsApp's servers (nothing here may reach the internet):
      // the command line the README gives is checked to parse, with --help, which touches nothing.
      for (const c of commands.filter((x) => x.startsWith('npx jaga-netral wa-login'))) {
        const r = await sh(`${c.replace('62812...', '6281234567890')} --help`, dir); // wa-login parses --help first
        expect(r.code, c).toBe(0);
        expect(r.out).toMatch(/jaga-netral wa-login \[--phone/);
      }
    });
  });
});
