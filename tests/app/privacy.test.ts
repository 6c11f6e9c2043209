/**
 * Privacy of stored data (issue 12 point 12): owner-only files for the database,
 * backups and reports; `report --out` never replaces an unrelated file without
 * `--force` (the real binary); RETENTION_DAYS blanks old raw payloads and
 * private-message texts, keeping incidents and the audit.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/app/backup.js';
import { runReportCli } from '../../src/app/reports/command.js';
import { writeReportFiles } from '../../src/app/reports/files.js';
import { isPreviousReport } from '../../src/app/reports/out-guard.js';
import { buildReport } from '../../src/app/reports/build.js';
import { parseReportArgs } from '../../src/app/reports/filters.js';
import { runRetentionJob, Scheduler } from '../../src/app/scheduler.js';
import { audit } from '../../src/store/audit.js';
import { openDb } from '../../src/store/db.js';
import { ASN, CAMPAIGN_TG, testApp } from '../support/app.js';
import { runBin } from '../support/spawn.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'jn-privacy-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const mode = (p: string) => statSync(p).mode & 0o777;
const DAY = 86_400_000;

describe('owner-only files', () => {
  it('a new database, its folder and its -wal/-shm files are owner-only', () => {
    const dir = join(tmp(), 'data');
    const db = openDb(join(dir, 'jaga-netral.db'));
    db.prepare(`INSERT INTO kv (key, value, updated_at) VALUES ('x', 'y', 1)`).run();
    expect(mode(dir)).toBe(0o700);
    for (const f of readdirSync(dir)) expect([f, mode(join(dir, f))]).toEqual([f, 0o600]);
    expect(readdirSync(dir).sort()).toEqual(['jaga-netral.db', 'jaga-netral.db-shm', 'jaga-netral.db-wal']);
    db.close();
  });

  it('backups and their folder are owner-only', async () => {
    const { app, clock } = testApp();
    const dir = join(tmp(), 'backups');
    const r = await backupDatabase(app.db, dir, 3, clock.now());
    expect(mode(dir)).toBe(0o700);
    expect(mode(r.path)).toBe(0o600);
  });

  it('report files and the reports folder are owner-only', async () => {
    const { app, clock } = testApp();
    const p = parseReportArgs([], clock.now(), 'Asia/Jakarta');
    if (!p.ok) throw new Error('parse');
    const dir = join(tmp(), 'reports');
    const files = await writeReportFiles(buildReport(app.db, app.registry, p.filters, 'Asia/Jakarta'), dir, 'id');
    expect(mode(dir)).toBe(0o700);
    for (const f of [files.csv, files.xlsx, files.png]) expect(mode(f)).toBe(0o600);
  });
});

describe('report --out', () => {
  it('the real binary refuses to overwrite a file that is not a report and writes nothing; --force overwrites; files are 0600', { timeout: 120_000 }, async () => {
    const cwd = tmp();
    const env = { DATABASE_PATH: join(cwd, 'db.sqlite'), LANGUAGE: 'en' };
    const registry = join(cwd, 'asn.csv');
    writeFileSync(registry, 'nip,nama,unit,telepon\n198503122010011003,Budi,Dinas,081234567890\n');
    const refused = await runBin(['report', '--format', 'csv', '--out', registry], { cwd, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already exists and is not a Jaga Netral report; nothing was written.*--force/);
    expect(readFileSync(registry, 'utf8')).toContain('Budi');
    const forced = await runBin(['report', '--format', 'csv', '--out', registry, '--force'], { cwd, env });
    expect(forced.code).toBe(0);
    expect(readFileSync(registry, 'utf8')).not.toContain('Budi');
    expect(mode(registry)).toBe(0o600);
    expect(mode(join(cwd, 'db.sqlite'))).toBe(0o600);
  });

  it('a previous report (CSV, XLSX, text, in either language) is replaced without --force; a folder is refused', async () => {
    const cwd = tmp();
    const { app } = testApp();
    const lines: string[] = [];
    const io = { out: (s: string) => void lines.push(s), err: (s: string) => void lines.push(s) };
    for (const [format, file] of [['csv', 'rekap.csv'], ['xlsx', 'rekap.xlsx'], ['text', 'rekap.txt']] as const) {
      const out = join(cwd, file);
      expect(await runReportCli(app, ['--format', format, '--out', out], io)).toBe(0);
      expect(mode(out)).toBe(0o600);
      expect(await isPreviousReport(out)).toBe(true);
      expect(await runReportCli(app, ['--format', format, '--out', out], io)).toBe(0);
    }
    const { app: en } = testApp({ LANGUAGE: 'en' });
    expect(await runReportCli(en, ['--out', join(cwd, 'rekap.txt')], io)).toBe(0);
    expect(await runReportCli(app, ['--out', join(cwd, 'rekap.txt')], io)).toBe(0);
    writeFileSync(join(cwd, 'other.xlsx'), 'PK not really a workbook');
    expect(await isPreviousReport(join(cwd, 'other.xlsx'))).toBe(false);
    lines.length = 0;
    expect(await runReportCli(app, ['--out', cwd], io)).toBe(1);
    expect(lines.join('')).toMatch(/adalah folder/);
  });
});

describe('retention (RETENTION_DAYS)', () => {
  it('defaults to 400 days, must cover CASE_EXPIRY_DAYS, and runs as a scheduled job', () => {
    const { app } = testApp();
    expect(app.config.RETENTION_DAYS).toBe(400);
    expect(() => testApp({ RETENTION_DAYS: '5', CASE_EXPIRY_DAYS: '14' })).toThrow(/RETENTION_DAYS/);
    expect(new Scheduler(app).specs().map((s) => s.name)).toContain('retention');
  });

  it('blanks old event payloads and private-message texts; keeps incidents, excerpts, group posts, audit; dedupe still works', () => {
    const { app, clock } = testApp({ RETENTION_DAYS: '30' });
    const t0 = clock.now();
    const post = { kind: 'message' as const, dedupeKey: 'm-old', messageId: '101', at: t0, chat: CAMPAIGN_TG, sender: { platform: 'telegram' as const, id: '7777' }, text: 'Ayo coblos nomor 2 @budi_s', mentions: [{ platform: 'telegram' as const, id: ASN.budi.telegramId }], isPrivate: false };
    app.monitor.handle(post);
    audit(app.db, { at: t0, actor: 'tg:9001', platform: 'telegram', action: '/report', allowed: true, result: 'ok' });
    app.db.prepare(`UPDATE outbox SET status = 'sent', finished_at = ?`).run(t0);
    const incidents = app.db.prepare(`SELECT id, asn_nip, status, excerpt FROM incidents`).all();
    expect(incidents).toHaveLength(1);
    const groupTexts = app.db.prepare(`SELECT text FROM outbox WHERE recipient_kind = 'group'`).pluck().all();

    clock.advance(20 * DAY);
    const recent = { ...post, dedupeKey: 'm-recent', messageId: '102', at: clock.now(), mentions: [] };
    app.monitor.handle(recent);
    app.db.prepare(`UPDATE outbox SET status = 'sent', finished_at = ? WHERE finished_at IS NULL`).run(clock.now());

    clock.advance(15 * DAY); // old things are 35 days old, recent ones 15
    const r = runRetentionJob(app, clock.now());
    expect(r.events).toBe(1);
    expect(r.messages).toBeGreaterThanOrEqual(2); // the ASN alert and the Humas alert(s)
    const payloads = app.db.prepare(`SELECT dedupe_key AS k, payload FROM events ORDER BY id`).all() as { k: string; payload: string }[];
    expect(payloads.find((p) => p.k.includes('m-old'))?.payload).toBe('{}');
    expect(payloads.find((p) => p.k.includes('m-recent'))?.payload).toContain('Ayo coblos');
    expect(app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE recipient_kind = 'user' AND finished_at <= ? AND text <> ''`).pluck().get(clock.now() - 30 * DAY)).toBe(0);
    expect(app.db.prepare(`SELECT text FROM outbox WHERE recipient_kind = 'group'`).pluck().all().slice(0, groupTexts.length)).toEqual(groupTexts);
    expect(app.db.prepare(`SELECT id, asn_nip, status, excerpt FROM incidents`).all()).toEqual(incidents);
    // Every audit row kept; the pass adds its own, one per kind it blanked (events, private texts).
    expect(app.db.prepare(`SELECT COUNT(*) FROM audit WHERE action <> 'retention'`).pluck().get()).toBe(1);
    expect(app.db.prepare(`SELECT result FROM audit WHERE action = 'retention' ORDER BY id`).pluck().all()).toEqual(['event payloads blanked: 1', `private message texts blanked: ${r.messages}`]);

    // The update delivered again is still recognised as a duplicate: nothing new is opened or sent.
    const outboxBefore = app.db.prepare(`SELECT COUNT(*) FROM outbox`).pluck().get();
    expect(app.monitor.handle(post).duplicate).toBe(true);
    expect(app.db.prepare(`SELECT COUNT(*) FROM outbox`).pluck().get()).toBe(outboxBefore);
    // A second pass finds nothing more to do.
    expect(runRetentionJob(app, clock.now())).toMatchObject({ events: 0, messages: 0 });
  });
});
