/**
 * Issue 20, "logs everything": what the bot deletes by itself outside the nightly retention pass is on the
 * chained audit log too, one row per kind per pass (actor `system`, action `retention`, as retentionAuditRows in
 * src/app/scheduler.ts), with the count and, for files, their bytes; a pass that deletes nothing writes nothing,
 * and `jaga-netral audit verify` passes afterwards. Old backups (the scheduled backup job), old report files
 * (`/report`), expired guided reports' evidence (the lifecycle job, with a flow built over telegraf and the
 * loopback Bot API), and expired dashboard links and sessions.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFileName } from '../../src/app/backup.js';
import { issueDashboardLink, redeemDashboardLink, SESSION_TTL_MS } from '../../src/app/dashboard/access.js';
import { FLOW_TIMEOUT_MS } from '../../src/app/report-flow.js';
import { reportCommand } from '../../src/app/reports/command.js';
import { REPORTS_KEEP } from '../../src/app/reports/files.js';
import { runBackupJob, runLifecycleJob } from '../../src/app/scheduler.js';
import { main } from '../../src/cli.js';
import { callbackQuery, photoMessage, textMessage } from '../../src/platforms/sim/telegram-updates.js';
import { openDb } from '../../src/store/db.js';
import { removeFiles } from '../../src/store/private-files.js';
import { testApp } from '../support/app.js';
import { jn, SPAWN_TIMEOUT } from '../cli/support.js';
import { ASN, dm, selfReportBots } from '../support/self-report.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'jn-deletions-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Row = { actor: string; action: string; allowed: number; args: string; result: string };
const removals = (db: { prepare(sql: string): { all(): unknown[] } }): Row[] =>
  db.prepare(`SELECT actor, action, allowed, args, result FROM audit WHERE action = 'retention' ORDER BY id`).all() as Row[];

/** `jaga-netral audit verify FILE` through the CLI's main: exit code and what it printed. */
async function auditVerify(path: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['audit', 'verify', path], { out: (x) => void out.push(x), err: (x) => void err.push(x), stdin: new PassThrough() });
  return { code, out: out.join(''), err: err.join('') };
}

const { start } = selfReportBots();

describe('deletions outside the retention pass are on the audit log', () => {
  it('removeFiles counts only what was there and is gone, with its bytes (and the -wal/-shm bytes, not as files)', () => {
    const d = tmp();
    writeFileSync(join(d, 'a.db'), Buffer.alloc(100));
    writeFileSync(join(d, 'a.db-wal'), Buffer.alloc(7));
    writeFileSync(join(d, 'b.db'), Buffer.alloc(20));
    expect(removeFiles([join(d, 'a.db'), join(d, 'b.db'), join(d, 'never.db')], ['-wal', '-shm'])).toEqual({ files: 2, bytes: 127, failed: [] });
    expect(readdirSync(d)).toEqual([]);
    expect(removeFiles([join(d, 'a.db')])).toEqual({ files: 0, bytes: 0, failed: [] });
  });

  it('the backup job: old backups pruned beyond BACKUP_KEEP are one row with count and bytes, after they are gone; a backup that prunes nothing writes none', async () => {
    const dir = tmp();
    const backups = join(dir, 'backups');
    const { app, clock } = testApp({ DATABASE_PATH: join(dir, 'jaga.sqlite'), BACKUP_DIR: backups, BACKUP_KEEP: '2' });
    const t0 = clock.now();
    await runBackupJob(app, t0);
    await runBackupJob(app, t0 + 1000);
    expect(removals(app.db)).toEqual([]);
    const oldest = join(backups, backupFileName(t0));
    const size = statSync(oldest).size;
    expect(size).toBeGreaterThan(0);
    const r = await runBackupJob(app, t0 + 2000);
    expect(existsSync(oldest)).toBe(false);
    expect(r.pruned).toEqual({ files: 1, bytes: size, failed: [] });
    expect(removals(app.db)).toEqual([
      { actor: 'system', action: 'retention', allowed: 1, args: `backups beyond the newest 2 (BACKUP_KEEP) in ${backups}`, result: `old backups deleted: 1 file, ${size} bytes` },
    ]);
    // The row is in the live database, not in the copy made before the pruning.
    expect(readdirSync(backups).sort()).toEqual([backupFileName(t0 + 1000), backupFileName(t0 + 2000)]);
    await app.close();
    const v = await auditVerify(join(dir, 'jaga.sqlite'));
    expect([v.code, v.err]).toEqual([0, '']);
  });

  it('`jaga-netral backup` (the real binary) prunes as the job does, on the record', SPAWN_TIMEOUT, async () => {
    const dir = tmp();
    const db = join(dir, 'jaga.sqlite');
    const backups = join(dir, 'backups');
    const { app } = testApp({ DATABASE_PATH: db });
    await app.close();
    // Two backups of an earlier year: with BACKUP_KEEP=1 both go when the new one is written.
    mkdirSync(backups);
    for (const [name, size] of [['jaga-netral-20200101-000000.db', 300], ['jaga-netral-20200102-000000.db', 200]] as const) writeFileSync(join(backups, name), Buffer.alloc(size));
    writeFileSync(join(backups, 'jaga-netral-20200101-000000.db-wal'), Buffer.alloc(50));
    const r = await jn(['backup'], { DATABASE_PATH: db, BACKUP_DIR: backups, BACKUP_KEEP: '1', LANGUAGE: 'en' });
    expect([r.code, r.err]).toEqual([0, '']);
    expect(readdirSync(backups)).toHaveLength(1);
    const after = openDb(db);
    expect(removals(after)).toEqual([
      { actor: 'system', action: 'retention', allowed: 1, args: `backups beyond the newest 1 (BACKUP_KEEP) in ${backups}`, result: 'old backups deleted: 2 files, 550 bytes' },
    ]);
    after.close();
    const v = await auditVerify(db);
    expect([v.code, v.err]).toEqual([0, '']);
  });

  it('/report: old report files pruned beyond REPORTS_KEEP are one row with count and bytes; a report that prunes nothing writes none', async () => {
    const dir = tmp();
    const reports = join(dir, 'reports');
    const { app } = testApp({ DATABASE_PATH: join(dir, 'jaga.sqlite') });
    app.commands.add(reportCommand(app));
    const ask = async () => (await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: '/report' }))!;
    const first = await ask();
    expect(first.files!.every((f) => dirname(f.path) === reports)).toBe(true);
    expect(removals(app.db)).toEqual([]);
    // Older files than the first report's (by the file system's clock, as the pruning sorts them): with the first
    // report's three, REPORTS_KEEP of them, so the next report's three new files push the three oldest out.
    const past = statSync(first.files![0]!.path).mtimeMs / 1000 - 3600;
    const sizes: number[] = [];
    for (let i = 0; i < REPORTS_KEEP - 3; i++) {
      const p = join(reports, `laporan-jaga-netral-20241104-1000${String(i).padStart(2, '0')}-older.csv`);
      writeFileSync(p, 'x'.repeat(10 + i));
      utimesSync(p, past - REPORTS_KEEP + i, past - REPORTS_KEEP + i);
      sizes.push(10 + i);
    }
    await ask();
    for (const i of [0, 1, 2]) expect(existsSync(join(reports, `laporan-jaga-netral-20241104-1000${String(i).padStart(2, '0')}-older.csv`))).toBe(false);
    expect(removals(app.db)).toEqual([
      { actor: 'system', action: 'retention', allowed: 1, args: `report files beyond the newest ${REPORTS_KEEP} in ${reports}`, result: `old report files deleted: 3 files, ${sizes[0]! + sizes[1]! + sizes[2]!} bytes` },
    ]);
    await app.close();
    const v = await auditVerify(join(dir, 'jaga.sqlite'));
    expect([v.code, v.err]).toEqual([0, '']);
  });

  it('the lifecycle job: a guided report silent for 30 minutes ends with its evidence file and folder deleted, one row with count and bytes; a pass with nothing to end writes none', { timeout: 60_000 }, async () => {
    const dir = tmp();
    const path = join(dir, 'jaga.sqlite');
    const b = await start({ DATABASE_PATH: path });
    const toAsn = () => b.sim.sent.filter((m) => m.chat_id === ASN.id);
    const say = async (u: Record<string, unknown>) => {
      const n = toAsn().length;
      b.sim.pushUpdate(u);
      await b.sim.waitFor(() => toAsn().length > n, 10_000);
    };
    await say(textMessage(dm, ASN, '/lapor'));
    const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'binary'), Buffer.alloc(3000, 9)]);
    await say(photoMessage(dm, ASN, b.sim.addFile(png, { ext: 'jpg' })));
    const flow = JSON.parse(b.app.db.prepare(`SELECT data FROM report_flows`).pluck().get() as string) as { files: { path: string }[] };
    const kept = flow.files[0]!.path;
    expect(statSync(kept).size).toBe(png.length);
    expect(dirname(dirname(kept)).endsWith(join('evidence', 'flows'))).toBe(true);

    // A lifecycle pass while the flow is alive ends nothing and writes nothing.
    await runLifecycleJob(b.app, b.app.clock());
    expect(removals(b.app.db)).toEqual([]);
    // Thirty minutes of silence (the flow's last answer moved back), then the scheduler's lifecycle job.
    b.app.db.prepare(`UPDATE report_flows SET updated_at = updated_at - ?`).run(FLOW_TIMEOUT_MS + 1);
    await runLifecycleJob(b.app, b.app.clock());
    expect(existsSync(kept)).toBe(false);
    expect(existsSync(dirname(kept))).toBe(false);
    expect(b.app.db.prepare(`SELECT COUNT(*) FROM report_flows`).pluck().get()).toBe(0);
    expect(removals(b.app.db)).toEqual([
      { actor: 'system', action: 'retention', allowed: 1, args: 'guided reports silent for 30 minutes', result: `unfinished guided reports ended: 1; their evidence deleted: 1 file, ${png.length} bytes` },
    ]);
    await runLifecycleJob(b.app, b.app.clock());
    expect(removals(b.app.db)).toHaveLength(1);
    await b.stop();
    const v = await auditVerify(path);
    expect([v.code, v.err]).toEqual([0, '']);
  });

  it('a flow found timed out at the ASN\'s next message (a new /lapor, or a button of the old prompt) ends the same way, on the record', { timeout: 60_000 }, async () => {
    const b = await start({ DATABASE_PATH: join(tmp(), 'jaga.sqlite') });
    const toAsn = () => b.sim.sent.filter((m) => m.chat_id === ASN.id);
    const say = async (u: Record<string, unknown>) => {
      const n = toAsn().length;
      b.sim.pushUpdate(u);
      await b.sim.waitFor(() => toAsn().length > n, 10_000);
    };
    const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'binary'), Buffer.alloc(1000, 3)]);
    const filesOf = () => (JSON.parse(b.app.db.prepare(`SELECT data FROM report_flows`).pluck().get() as string) as { files: { path: string }[] }).files.map((f) => f.path);
    await say(textMessage(dm, ASN, '/lapor'));
    await say(photoMessage(dm, ASN, b.sim.addFile(png, { ext: 'jpg' })));
    const first = filesOf();
    expect(first).toHaveLength(1);
    b.app.db.prepare(`UPDATE report_flows SET updated_at = updated_at - ?`).run(FLOW_TIMEOUT_MS + 1);
    // A new /lapor replaces the timed-out flow: its file goes (it used to stay on disk with no row naming it).
    await say(textMessage(dm, ASN, '/lapor'));
    expect(existsSync(first[0]!)).toBe(false);
    expect(removals(b.app.db).map((r) => r.result)).toEqual([`unfinished guided reports ended: 1; their evidence deleted: 1 file, ${png.length} bytes`]);
    expect(filesOf()).toEqual([]);
    // Silent again; the ASN presses a button of the old prompt (callback_query) and finds the flow ended.
    b.app.db.prepare(`UPDATE report_flows SET updated_at = updated_at - ?`).run(FLOW_TIMEOUT_MS + 1);
    await say(callbackQuery(ASN, 'lapor:what:added'));
    expect(toAsn().at(-1)!.text).toMatch(/berakhir karena tidak ada jawaban selama 30 menit/);
    expect(removals(b.app.db)[1]!.result).toBe('unfinished guided reports ended: 1; their evidence deleted: 0 files, 0 bytes');
    expect(b.app.db.prepare(`SELECT COUNT(*) FROM report_flows`).pluck().get()).toBe(0);
  });

  it('dashboard links and sessions long expired are deleted at the next link or login, one row each in the same transaction', async () => {
    const dir = tmp();
    const path = join(dir, 'jaga.sqlite');
    const { app, clock } = testApp({ DATABASE_PATH: path, DASHBOARD_PORT: '8080' });
    const token = (url: string) => new URL(url).searchParams.get('t')!;
    const link = issueDashboardLink(app, 'tg:9001', clock.now());
    if (!link.ok) throw new Error('no link');
    expect(redeemDashboardLink(app, token(link.url), clock.now()).ok).toBe(true);
    expect(removals(app.db)).toEqual([]);
    // Past the session's end and 30 days more.
    clock.advance(SESSION_TTL_MS + 31 * 86_400_000);
    const again = issueDashboardLink(app, 'tg:9001', clock.now());
    if (!again.ok) throw new Error('no link');
    expect(removals(app.db).map((r) => [r.args, r.result])).toEqual([['dashboard login links expired more than a day ago', 'dashboard login links deleted: 1']]);
    expect(redeemDashboardLink(app, token(again.url), clock.now()).ok).toBe(true);
    expect(removals(app.db).map((r) => [r.args, r.result])).toEqual([
      ['dashboard login links expired more than a day ago', 'dashboard login links deleted: 1'],
      ['dashboard sessions expired more than 30 days ago', 'dashboard sessions deleted: 1'],
    ]);
    expect(app.db.prepare(`SELECT COUNT(*) FROM dashboard_sessions`).pluck().get()).toBe(1);
    // The old login and the new one are both still on the audit log.
    expect(app.db.prepare(`SELECT COUNT(*) FROM audit WHERE action = 'dashboard login' AND allowed = 1`).pluck().get()).toBe(2);
    await app.close();
    const v = await auditVerify(path);
    expect([v.code, v.err]).toEqual([0, '']);
  });
});
