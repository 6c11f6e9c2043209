/**
 * `jaga-netral backup` (the scheduled backup, now) and `jaga-netral doctor`
 * (checks what a Humas office would otherwise find out at start-up, and says
 * how to fix each problem). Neither creates a database that is not there.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { backupDatabase } from '../app/backup.js';
import { openTextReader } from '../app/ocr/screenshots.js';
import { auditOffice } from '../app/office/audit.js';
import { loadPaslonFile } from '../app/vocabulary.js';
import { cliActor, type CliArgs } from './args.js';
import { ConfigError, dashboardBaseUrl, loadConfig, type Config } from '../config.js';
import { auditResult } from '../core/messages/audit-result.js';
import { cliTexts, type CliTexts, type DoctorLine } from '../core/messages/cli.js';
import { chainTexts } from '../core/messages/evidence.js';
import { ocrTexts } from '../core/messages/ocr.js';
import { openDb } from '../store/db.js';
import { MIGRATIONS } from '../store/migrations.js';

/** `backup`: copies the database into BACKUP_DIR keeping BACKUP_KEEP, as the BACKUP_CRON job does; audited. */
export async function backupCommand(a: CliArgs): Promise<number> {
  if (a.positionals.length) return -1;
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    a.io.err(err instanceof ConfigError ? err.message : String(err));
    return 2;
  }
  const t = cliTexts(config.LANGUAGE);
  if (config.DATABASE_PATH === ':memory:' || !existsSync(config.DATABASE_PATH)) {
    a.io.err(t.noDatabase(config.DATABASE_PATH));
    return 1;
  }
  const db = openDb(config.DATABASE_PATH);
  try {
    const now = Date.now();
    const r = await backupDatabase(db, config.BACKUP_DIR, config.BACKUP_KEEP, now);
    auditOffice(db, cliActor(), 'backup', undefined, auditResult('ok', { path: r.path }), now);
    a.io.out(t.backup.done(r.path, r.removed.length));
    a.io.out(chainTexts(config.LANGUAGE).heads(r.heads));
    return 0;
  } finally {
    db.close();
  }
}

/** Asks Telegram (TELEGRAM_API_ROOT) who the token belongs to; the token never appears in what is returned. */
export async function telegramGetMe(apiRoot: string, token: string, timeoutMs = 10_000): Promise<{ ok: true; username: string } | { ok: false; detail: string }> {
  try {
    const res = await fetch(`${apiRoot.replace(/\/+$/, '')}/bot${token}/getMe`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json().catch(() => ({}))) as { ok?: boolean; result?: { username?: string }; description?: string; error_code?: number };
    if (body.ok && body.result?.username) return { ok: true, username: body.result.username };
    return { ok: false, detail: `${body.error_code ?? res.status} ${body.description ?? res.statusText}`.trim() };
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string }; message?: string };
    const detail = e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.message ?? String(err));
    return { ok: false, detail: detail.split(token).join('REDACTED') };
  }
}

/**
 * Whether a Telegram user can receive the bot's private messages: `sendChatAction` answers 403 exactly
 * where `sendMessage` would ("bot can't initiate conversation with a user", "bot was blocked by the user")
 * and sends nothing but a moment's "typing…".
 */
export async function telegramCanMessage(apiRoot: string, token: string, userId: string, timeoutMs = 10_000): Promise<'ok' | 'not-started' | 'blocked' | string> {
  try {
    const res = await fetch(`${apiRoot.replace(/\/+$/, '')}/bot${token}/sendChatAction`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: Number(userId), action: 'typing' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await res.json().catch(() => ({}))) as { ok?: boolean; description?: string; error_code?: number };
    if (body.ok) return 'ok';
    if (/blocked/i.test(body.description ?? '')) return 'blocked';
    if (body.error_code === 403 || /chat not found/i.test(body.description ?? '')) return 'not-started';
    return `${body.error_code ?? res.status} ${body.description ?? res.statusText}`.trim();
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string }; message?: string };
    return (e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.message ?? String(err))).split(token).join('REDACTED');
  }
}

/** Every doctor check, in order; a check that cannot run (no config, no database) is skipped. */
export async function doctorChecks(t: CliTexts['doctor']): Promise<DoctorLine[]> {
  const lines: DoctorLine[] = [];
  let config: Config;
  try {
    // Strict, as `start` is: no Humas admin or an unknown key (a typo) is a problem to fix.
    config = loadConfig({ strict: true });
    lines.push({ ok: true, label: t.config, detail: 'OK' });
  } catch (err) {
    const detail = err instanceof ConfigError ? err.problems.join('; ') : String(err);
    lines.push({ ok: false, label: t.config, detail, fix: t.configFix });
    // What parses without the strict rules can still be checked; anything worse stops here.
    try {
      config = loadConfig();
    } catch {
      for (const label of [t.database, t.paslon, t.registry, t.telegram, t.whatsapp, t.admins]) lines.push({ ok: 'skip', label, detail: '' });
      return lines;
    }
  }

  let db: Database.Database | undefined;
  const path = config.DATABASE_PATH;
  if (path === ':memory:' || !existsSync(path)) {
    lines.push({ ok: false, label: t.database, detail: t.dbMissing(path), fix: t.dbMissingFix });
  } else {
    try {
      db = new Database(path, { readonly: true, fileMustExist: true });
      const version = db.pragma('user_version', { simple: true }) as number;
      const check = db.pragma('quick_check', { simple: true }) as string;
      if (version > MIGRATIONS.length) lines.push({ ok: false, label: t.database, detail: t.dbSchema(version, MIGRATIONS.length), fix: t.dbSchemaFix });
      else if (check !== 'ok') lines.push({ ok: false, label: t.database, detail: t.dbBroken(check), fix: t.dbBrokenFix });
      else lines.push({ ok: true, label: t.database, detail: t.dbOk(version, path) });
    } catch (err) {
      lines.push({ ok: false, label: t.database, detail: t.dbBroken(err instanceof Error ? err.message : String(err)), fix: t.dbBrokenFix });
      db?.close();
      db = undefined;
    }
  }

  try {
    const p = loadPaslonFile(config.PASLON_FILE);
    lines.push({ ok: true, label: t.paslon, detail: t.paslonOk(p.election, p.paslon.length) });
  } catch (err) {
    lines.push({ ok: false, label: t.paslon, detail: err instanceof Error ? err.message : String(err), fix: t.paslonFix(config.PASLON_FILE) });
  }

  const hasTable = (name: string) => Boolean(db?.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name));
  if (!db) lines.push({ ok: 'skip', label: t.registry, detail: '' });
  else {
    const n = hasTable('asn') ? (db.prepare('SELECT COUNT(*) FROM asn').pluck().get() as number) : 0;
    const units = n ? (db.prepare('SELECT COUNT(DISTINCT unit) FROM asn').pluck().get() as number) : 0;
    lines.push(n ? { ok: true, label: t.registry, detail: t.registryOk(n, units) } : { ok: false, label: t.registry, detail: t.registryEmpty, fix: t.registryFix });
  }

  let bot: string | undefined;
  if (!config.TELEGRAM_BOT_TOKEN) lines.push({ ok: 'skip', label: t.telegram, detail: t.tgOff });
  else {
    const me = await telegramGetMe(config.TELEGRAM_API_ROOT, config.TELEGRAM_BOT_TOKEN);
    if (me.ok) bot = me.username;
    lines.push(me.ok ? { ok: true, label: t.telegram, detail: t.tgOk(me.username) } : { ok: false, label: t.telegram, detail: t.tgBad(me.detail), fix: t.tgFix });
  }

  if (!config.WHATSAPP_ENABLED) lines.push({ ok: 'skip', label: t.whatsapp, detail: t.waOff });
  else {
    const row = db && hasTable('wa_creds') ? (db.prepare(`SELECT value FROM wa_creds WHERE id = 'creds'`).get() as { value: string } | undefined) : undefined;
    let jid: string | undefined;
    try {
      jid = row ? (JSON.parse(row.value) as { me?: { id?: string } }).me?.id : undefined;
    } catch {
      jid = undefined;
    }
    lines.push(jid ? { ok: true, label: t.whatsapp, detail: t.waOk(jid.replace(/:\d+@/, '@')) } : { ok: false, label: t.whatsapp, detail: t.waMissing, fix: t.waFix });
  }
  db?.close();
  lines.push(await adminsLine(config, bot, t));
  const dash = dashboardLine(config, t);
  if (dash) lines.push(dash);
  // Optional: without tesseract the bot runs and keeps report images unread, so a missing engine is no failure.
  const o = ocrTexts(config.LANGUAGE);
  const ocr = (await openTextReader(config.OCR_TESSERACT)).state;
  lines.push(ocr.on ? { ok: true, label: o.doctorLabel, detail: o.doctorOn(ocr.engine) } : { ok: 'skip', label: o.doctorLabel, detail: ocr.why === 'disabled' ? o.doctorDisabled : o.doctorMissing(ocr.detail) });
  return lines;
}

/**
 * The dashboard, when it is on. DASHBOARD_URL with a loopback DASHBOARD_HOST is a reverse proxy in front: without
 * DASHBOARD_TRUST_PROXY every admin reaches /masuk from the proxy's address and shares one rate limit.
 */
function dashboardLine(config: Config, t: CliTexts['doctor']): DoctorLine | undefined {
  const url = dashboardBaseUrl(config);
  if (!url) return undefined;
  const loopback = /^(127\.|::1$|localhost$)/.test(config.DASHBOARD_HOST);
  const trust = config.DASHBOARD_TRUST_PROXY;
  if (config.DASHBOARD_URL && loopback && trust === false) return { ok: false, label: t.dashboard, detail: t.dashProxy(url), fix: t.dashProxyFix };
  return { ok: true, label: t.dashboard, detail: t.dashOk(url, trust === false ? 'off' : trust === true ? 'true' : trust.join(', ')) };
}

/**
 * Every Humas admin the doctor can check: the list parsed (the configuration line says when it is
 * empty), and each Telegram admin can be messaged, asked of Telegram when the token works.
 */
async function adminsLine(config: Config, bot: string | undefined, t: CliTexts['doctor']): Promise<DoctorLine> {
  const tg = config.HUMAS_ADMINS.filter((a) => a.platform === 'telegram');
  const wa = config.HUMAS_ADMINS.length - tg.length;
  if (!config.HUMAS_ADMINS.length) return { ok: false, label: t.admins, detail: '-', fix: t.configFix };
  if (tg.length && (!bot || !config.TELEGRAM_BOT_TOKEN)) {
    return { ok: 'skip', label: t.admins, detail: t.adminTgUnchecked };
  }
  const bad: string[] = [];
  for (const a of tg) {
    const r = await telegramCanMessage(config.TELEGRAM_API_ROOT, config.TELEGRAM_BOT_TOKEN!, a.id);
    if (r !== 'ok') bad.push(t.adminTgBad(`tg:${a.id}`, r));
  }
  return bad.length ? { ok: false, label: t.admins, detail: bad.join('; '), fix: t.adminsFix(bot) } : { ok: true, label: t.admins, detail: t.adminsOk(tg.length, wa) };
}

/** `doctor`: prints one line per check and what to do about each problem; exit 1 when anything needs fixing. */
export async function doctorCommand(a: CliArgs): Promise<number> {
  if (a.positionals.length) return -1;
  const lang = (() => {
    try {
      return loadConfig().LANGUAGE;
    } catch {
      return a.lang;
    }
  })();
  const t = cliTexts(lang).doctor;
  const lines = await doctorChecks(t);
  const width = Math.max(...lines.map((l) => l.label.length));
  const out = [t.title];
  for (const l of lines) {
    const mark = l.ok === true ? '✓' : l.ok === 'skip' ? '-' : '✗';
    out.push(`${mark} ${l.label.padEnd(width)}  ${l.ok === 'skip' && !l.detail ? t.skipped : l.detail}`);
    if (l.fix) out.push(`  ${' '.repeat(width)}  ${t.fix}: ${l.fix}`);
  }
  const bad = lines.filter((l) => l.ok === false).length;
  a.io.out(out.join('\n'));
  if (bad) a.io.err(t.problems(bad));
  else a.io.out(t.ok(lines.filter((l) => l.ok === true).length));
  return bad ? 1 : 0;
}
