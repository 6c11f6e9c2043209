/**
 * Configuration: `.env` plus the process environment, validated once into one
 * typed, frozen object. This is the only module that reads `process.env`.
 * Every problem is listed at once, in the configured LANGUAGE: bad values,
 * cron patterns croner cannot run, settings that contradict each other, and
 * the paslon and vocabulary files the classifier will load.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cron } from 'croner';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { paslonProblems, vocabularyProblems } from './app/vocabulary.js';
import type { Platform } from './core/ids.js';
import { parseIndonesianMobile } from './core/phone.js';
import { parseTexts } from './core/messages/parse.js';

/** The installed package's folder: its own data files are found from here, whatever the working directory. */
const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_PASLON_FILE = join(PACKAGE_ROOT, 'data/paslon.sumsel2024.json');
const DEFAULT_VOCABULARY_FILE = join(PACKAGE_ROOT, 'data/vocabulary.json');

/** A Humas admin handle: platform plus user id (Telegram numeric id, or WhatsApp phone digits `62...`). */
export interface AdminHandle {
  platform: Platform;
  id: string;
}

type Lang = 'id' | 'en';

/** The texts of configuration problems, per language. */
const M = {
  id: {
    header: 'Konfigurasi tidak valid (perbaiki di .env atau lingkungan):',
    bool: 'harus true atau false',
    number: 'harus berupa angka',
    whole: 'harus bilangan bulat',
    range: (min: number, max: number) => `harus antara ${min} dan ${max}`,
    quiet: 'harus berbentuk HH:MM-HH:MM atau off',
    quietEmpty: 'jam mulai dan jam selesai tidak boleh sama',
    tz: 'bukan zona waktu IANA yang dikenal (mis. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)',
    token: 'tidak tampak seperti token dari @BotFather (angka:teks)',
    secret: 'harus 16-256 karakter A-Z a-z 0-9 _ -',
    https: 'harus alamat https',
    adminForm: (p: string) => `"${p}" bukan tg:<id numerik Telegram> atau wa:<nomor WhatsApp>`,
    adminUsername: (p: string) =>
      `"${p}" adalah username; admin Telegram ditulis dengan id numerik. Minta admin itu mengirim /id ke bot di chat pribadi (bot menjawab dengan id-nya), lalu tulis tg:<angka itu>`,
    adminPhone: (p: string, why: string) => `"${p}": nomor WhatsApp tidak dapat dibaca (${why}); tulis mis. wa:081234567890 atau wa:6281234567890`,
    cron: (why: string) => `bukan pola cron yang sah: ${why}`,
    cronFields: 'harus 5 bagian dipisah spasi: menit jam tanggal bulan hari (mis. "0 9 * * 1,4")',
    cronNever: 'pola cron ini tidak pernah berjalan (tanggal yang tidak ada)',
    gap: 'tidak boleh lebih besar dari WA_DM_GAP_MAX_SECONDS',
    waVersion: 'harus tiga angka dipisah titik, mis. 2.3000.1027934701 (versi WhatsApp Web)',
    secretNeeded: 'wajib diisi bila TELEGRAM_WEBHOOK_URL diisi',
    httpUrl: 'harus alamat http(s)',
    dashboardRoot: 'harus alamat akar sebuah nama host, mis. https://dasbor.humas.example.go.id (tanpa path)',
    dashboardPort: 'wajib diisi bila DASHBOARD_URL diisi',
    trustHops: 'jumlah hop tidak diterima (fastify tidak dapat memeriksa proxy terdekat dengan itu); tulis alamat proxy, mis. 127.0.0.1 atau 10.0.0.0/8',
    trustEntry: (e: string) => `"${e}" bukan alamat IP, CIDR (mis. 10.0.0.0/8), loopback, linklocal, atau uniquelocal`,
    escalation: (h: number, d: number) =>
      `eskalasi terjadi setelah 2 x FOLLOWUP_HOURS (${2 * h} jam), harus sebelum kasus kedaluwarsa setelah CASE_EXPIRY_DAYS (${d} hari = ${d * 24} jam)`,
    retention: (d: number) => `harus paling sedikit CASE_EXPIRY_DAYS (${d}) agar bukti kasus yang masih terbuka tidak terhapus`,
    noAdmins: 'wajib berisi paling sedikit satu admin Humas yang sah (mis. tg:123456789 atau wa:081234567890); tanpa itu tidak ada yang menerima peringatan',
    unknownKey: (where: string, near: string | undefined) => `pengaturan tidak dikenal di ${where}${near ? `; maksudnya ${near}?` : ''}`,
    envFile: 'berkas .env',
    environment: 'lingkungan',
  },
  en: {
    header: 'Invalid configuration (fix it in .env or the environment):',
    bool: 'must be true or false',
    number: 'must be a number',
    whole: 'must be a whole number',
    range: (min: number, max: number) => `must be between ${min} and ${max}`,
    quiet: 'must be HH:MM-HH:MM or off',
    quietEmpty: 'start and end must differ',
    tz: 'is not a known IANA time zone (e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)',
    token: 'does not look like a BotFather token (digits:text)',
    secret: 'must be 16-256 of A-Z a-z 0-9 _ -',
    https: 'must be an https address',
    adminForm: (p: string) => `"${p}" is not tg:<numeric Telegram id> or wa:<WhatsApp number>`,
    adminUsername: (p: string) =>
      `"${p}" is a username; Telegram admins are given by numeric id. Ask that admin to send /id to the bot in a private chat (the bot answers with their id), then write tg:<that number>`,
    adminPhone: (p: string, why: string) => `"${p}": cannot read the WhatsApp number (${why}); write e.g. wa:081234567890 or wa:6281234567890`,
    cron: (why: string) => `is not a valid cron pattern: ${why}`,
    cronFields: 'must have 5 space-separated fields: minute hour day month weekday (e.g. "0 9 * * 1,4")',
    cronNever: 'this cron pattern never runs (a date that does not exist)',
    gap: 'must not exceed WA_DM_GAP_MAX_SECONDS',
    waVersion: 'must be three numbers separated by dots, e.g. 2.3000.1027934701 (a WhatsApp Web version)',
    secretNeeded: 'is required when TELEGRAM_WEBHOOK_URL is set',
    httpUrl: 'must be an http(s) URL',
    dashboardRoot: 'must be the root of a host name, e.g. https://dasbor.humas.example.go.id (no path)',
    dashboardPort: 'is required when DASHBOARD_URL is set',
    trustHops: 'a hop count is not accepted (fastify cannot check the nearest proxy with it); give the proxy addresses, e.g. 127.0.0.1 or 10.0.0.0/8',
    trustEntry: (e: string) => `"${e}" is not an IP address, a CIDR (e.g. 10.0.0.0/8), loopback, linklocal or uniquelocal`,
    escalation: (h: number, d: number) =>
      `escalation happens after 2 x FOLLOWUP_HOURS (${2 * h} h), which must come before cases expire after CASE_EXPIRY_DAYS (${d} days = ${d * 24} h)`,
    retention: (d: number) => `must be at least CASE_EXPIRY_DAYS (${d}) so evidence of open cases is not deleted`,
    noAdmins: 'must list at least one valid Humas admin (e.g. tg:123456789 or wa:081234567890); without one nobody receives the alerts',
    unknownKey: (where: string, near: string | undefined) => `unknown setting in ${where}${near ? `; did you mean ${near}?` : ''}`,
    envFile: 'the .env file',
    environment: 'the environment',
  },
};

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * One HUMAS_ADMINS entry: `tg:<digits>`, or `wa:<number>` in any usual Indonesian
 * form (normalised to `62...` like registry phones), or a foreign number written with `+`.
 */
export function parseAdmin(part: string, lang: Lang = 'en'): { ok: true; admin: AdminHandle } | { ok: false; reason: string } {
  const m = M[lang];
  const sep = part.indexOf(':');
  const prefix = part.slice(0, sep).trim().toLowerCase();
  const value = part.slice(sep + 1).trim();
  if (sep < 0 || (prefix !== 'tg' && prefix !== 'wa') || value === '') return { ok: false, reason: m.adminForm(part) };
  if (prefix === 'tg') {
    if (/^@?[A-Za-z][A-Za-z0-9_]{3,31}$/.test(value)) return { ok: false, reason: m.adminUsername(part) };
    if (!/^\d{1,20}$/.test(value)) return { ok: false, reason: m.adminForm(part) };
    return { ok: true, admin: { platform: 'telegram', id: value } };
  }
  const phone = parseIndonesianMobile(value);
  if (phone.ok) return { ok: true, admin: { platform: 'whatsapp', id: phone.phone.slice(1) } };
  // A foreign admin number is fine when written unambiguously with its country code.
  const foreign = value.replace(/[\s\-.()]/g, '');
  if (/^\+\d{8,15}$/.test(foreign) && !foreign.startsWith('+62')) return { ok: true, admin: { platform: 'whatsapp', id: foreign.slice(1) } };
  return { ok: false, reason: m.adminPhone(part, parseTexts(lang).phone(phone.problem)) };
}

/** Checks a 5-field cron pattern with croner, the scheduler's own parser. */
function cronProblem(pattern: string, lang: Lang): string | undefined {
  if (pattern.trim().split(/\s+/).length !== 5) return M[lang].cronFields;
  let cron: Cron | undefined;
  try {
    cron = new Cron(pattern, { paused: true });
    return cron.nextRun() ? undefined : M[lang].cronNever;
  } catch (err) {
    return M[lang].cron(err instanceof Error ? err.message.replace(/^CronPattern:\s*/, '') : String(err));
  } finally {
    cron?.stop();
  }
}

/** The named ranges @fastify/proxy-addr (fastify's trustProxy) knows. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * One DASHBOARD_TRUST_PROXY entry as fastify's trustProxy (through @fastify/proxy-addr) accepts it:
 * an address, an address/prefix, an IPv4 address/netmask, or a named range.
 */
export function trustProxyEntryOk(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true;
  const slash = entry.indexOf('/');
  const ip = slash < 0 ? entry : entry.slice(0, slash);
  const v = isIP(ip);
  if (v === 0) return false;
  if (slash < 0) return true;
  const range = entry.slice(slash + 1);
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (v === 4 ? 32 : 128);
  return v === 4 && isIP(range) === 4;
}

const isTimezone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

function buildSchema(lang: Lang) {
  const m = M[lang];
  const bool = z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: m.bool })
    .transform((v) => v === 'true' || v === '1' || v === 'yes');
  // Out of range is said as such: the type's message would otherwise stand for every problem ("must be a number" for 0).
  const int = (min: number, max: number) => z.coerce.number({ message: m.number }).int(m.whole).min(min, m.range(min, max)).max(max, m.range(min, max));
  const num = () => z.coerce.number({ message: m.number });
  const adminList = z.string().transform((raw, ctx) => {
    const out: AdminHandle[] = [];
    for (const part of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
      const r = parseAdmin(part, lang);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
      else if (!out.some((a) => a.platform === r.admin.platform && a.id === r.admin.id)) out.push(r.admin);
    }
    return out;
  });
  const quietHours = z
    .string()
    .refine((s) => s === 'off' || (s.split('-').length === 2 && s.split('-').every((p) => hhmm.test(p))), m.quiet)
    .refine((s) => s === 'off' || s.split('-')[0] !== s.split('-')[1], m.quietEmpty)
    .transform((s) => {
      if (s === 'off') return undefined;
      const [from, to] = s.split('-') as [string, string];
      return { from, to };
    });
  const cron = (dflt: string) =>
    z.string().superRefine((p, ctx) => {
      const problem = cronProblem(p, lang);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }).default(dflt);

  return z.object({
    DATABASE_PATH: z.string().min(1).default('data/jaga-netral.db'),
    HUMAS_ADMINS: adminList.default([]),
    HUMAS_CONTACT: z.string().default('Humas Pemda'),
    ORG_NAME: z.string().default('Pemda'),
    PASLON_FILE: z.string().default(DEFAULT_PASLON_FILE),
    VOCABULARY_FILE: z.string().default(DEFAULT_VOCABULARY_FILE),
    // Offline OCR of self-report screenshots: the tesseract binary (Debian tesseract-ocr), or `off`.
    OCR_TESSERACT: z.string().min(1).default('tesseract'),
    APP_TIMEZONE: z.string().refine(isTimezone, m.tz).default('Asia/Jakarta'),
    LANGUAGE: z.enum(['id', 'en']).default('id'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]{20,}$/, m.token).optional(),
    TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
    TELEGRAM_WEBHOOK_URL: z.url().refine((u) => u.startsWith('https://'), m.https).optional(),
    TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, m.secret).optional(),
    TELEGRAM_WEBHOOK_PORT: int(1, 65535).default(8443),
    // Loopback by default, like the dashboard: the HTTPS reverse proxy in front forwards to it.
    TELEGRAM_WEBHOOK_HOST: z.string().min(1).default('127.0.0.1'),

    WHATSAPP_ENABLED: bool.default(false),
    WA_DM_GAP_MIN_SECONDS: int(1, 3600).default(20),
    WA_DM_GAP_MAX_SECONDS: int(1, 3600).default(45),
    WA_FIRST_CONTACT_DAILY_CAP: int(0, 10_000).default(40),
    WA_LID_BATCH_SIZE: int(1, 500).default(20),
    WA_LID_LOOKUPS_PER_HOUR: int(1, 100_000).default(30),
    WA_VERSION: z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, m.waVersion)
      .transform((v) => v.split('.').map(Number) as [number, number, number])
      .optional(),

    INBOUND_PRIVATE_PER_MINUTE: int(1, 10_000).default(5),
    INBOUND_PRIVATE_PER_HOUR: int(1, 100_000).default(30),
    EVIDENCE_MB_PER_DAY: int(1, 100_000).default(200),
    MASS_ALERT_THRESHOLD: int(1, 1000).default(3),
    MASS_ALERT_WINDOW_SECONDS: int(1, 3600).default(60),

    FOLLOWUP_HOURS: num().positive().max(24 * 30).default(24),
    CASE_EXPIRY_DAYS: num().positive().max(365).default(14),
    REMINDER_CRON: cron('0 9 * * 1,4'),
    REMINDER_MIN_INTERVAL_HOURS: num().min(0).max(24 * 30).default(24),
    QUIET_HOURS: quietHours.prefault('21:00-06:00'),
    DIGEST_CRON: cron('0 7 * * *'),
    BACKUP_DIR: z.string().default('data/backups'),
    BACKUP_KEEP: int(1, 365).default(7),
    BACKUP_CRON: cron('30 2 * * *'),
  RETENTION_DAYS: int(1, 3650).default(400),
  DASHBOARD_PORT: int(1, 65535).optional(),
  DASHBOARD_HOST: z.string().min(1).default('127.0.0.1'),
  DASHBOARD_URL: z
    .url({ protocol: /^https?$/, message: m.httpUrl })
    .refine((u) => /^https?:\/\/[^/?#]+\/?$/.test(u), m.dashboardRoot)
    .optional(),
  // Which peers may tell the client's address in X-Forwarded-For (fastify's trustProxy): off, true (any peer),
  // or a list of addresses / CIDRs / named ranges. The login rate limit and refusal counts key on that address.
  DASHBOARD_TRUST_PROXY: z
    .string()
    .transform((raw, ctx): boolean | string[] => {
      const v = raw.trim().toLowerCase();
      if (v === 'off' || v === 'false' || v === 'no' || v === '0') return false;
      if (v === 'true' || v === 'yes') return true;
      if (/^\d+$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: m.trustHops });
        return false;
      }
      const entries = raw.split(',').map((e) => e.trim()).filter(Boolean);
      for (const e of entries) if (!trustProxyEntryOk(e)) ctx.addIssue({ code: 'custom', message: m.trustEntry(e) });
      return entries;
    })
    .default(false),
  });
}

type Parsed = z.output<ReturnType<typeof buildSchema>>;

/**
 * Rules between settings. They run on every setting that parsed on its own, so
 * they are listed together with the problems of the other settings.
 */
function crossProblems(c: Partial<Parsed>, lang: Lang): string[] {
  const m = M[lang];
  const out: string[] = [];
  if (c.WA_DM_GAP_MIN_SECONDS !== undefined && c.WA_DM_GAP_MAX_SECONDS !== undefined && c.WA_DM_GAP_MIN_SECONDS > c.WA_DM_GAP_MAX_SECONDS) {
    out.push(`WA_DM_GAP_MIN_SECONDS: ${m.gap}`);
  }
  if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) out.push(`TELEGRAM_WEBHOOK_SECRET: ${m.secretNeeded}`);
  if (c.DASHBOARD_URL && c.DASHBOARD_PORT === undefined) out.push(`DASHBOARD_PORT: ${m.dashboardPort}`);
  if (c.FOLLOWUP_HOURS !== undefined && c.CASE_EXPIRY_DAYS !== undefined && 2 * c.FOLLOWUP_HOURS >= c.CASE_EXPIRY_DAYS * 24) {
    out.push(`FOLLOWUP_HOURS: ${m.escalation(c.FOLLOWUP_HOURS, c.CASE_EXPIRY_DAYS)}`);
  }
  if (c.RETENTION_DAYS !== undefined && c.CASE_EXPIRY_DAYS !== undefined && c.RETENTION_DAYS < c.CASE_EXPIRY_DAYS) {
    out.push(`RETENTION_DAYS: ${m.retention(c.CASE_EXPIRY_DAYS)}`);
  }
  return out;
}

/** The validated, frozen configuration. */
export type Config = Readonly<Parsed>;

/** Every setting the code reads. */
const KEYS = Object.keys(buildSchema('en').shape);

/**
 * The address Humas admins open the dashboard at: DASHBOARD_URL (the office's
 * reverse proxy) or, without it, the listening address itself. Undefined when
 * the dashboard is off. No trailing slash.
 */
export function dashboardBaseUrl(c: Pick<Config, 'DASHBOARD_PORT' | 'DASHBOARD_HOST' | 'DASHBOARD_URL'>): string | undefined {
  if (c.DASHBOARD_PORT === undefined) return undefined;
  if (c.DASHBOARD_URL) return c.DASHBOARD_URL.replace(/\/+$/, '');
  const host = c.DASHBOARD_HOST.includes(':') ? `[${c.DASHBOARD_HOST}]` : c.DASHBOARD_HOST;
  return `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${c.DASHBOARD_PORT}`;
}

/** Names of settings whose values must never be printed. */
export const SECRET_KEYS: ReadonlySet<string> = new Set(['TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET']);

/** Every configuration problem at once, each naming its variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[], lang: Lang = 'en') {
    super(`${M[lang].header}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Options of loadConfig. */
export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  envFile?: string | false;
  overrides?: Record<string, string>;
  /** Also load the paslon and vocabulary files and report their problems (default true). */
  checkFiles?: boolean;
  /**
   * For `start` and `doctor`: also refuse a configuration with no valid Humas admin
   * (nobody would hear of any case) and unknown keys in `.env` (a typo such as
   * HUMAS_ADMIN would otherwise be ignored in silence), naming the nearest known key.
   */
  strict?: boolean;
}

/** Keys other tools read that may sit in a `.env` without being ours. */
const FOREIGN_KEYS: ReadonlySet<string> = new Set(['NODE_ENV', 'NODE_OPTIONS', 'DEBUG', 'TZ']);

/** Edit distance (insertions, deletions, substitutions), for suggesting the key that was meant. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** The known key nearest to `key`, when it is near enough to be a typo (or one name contains the other). */
export function nearestKey(key: string): string | undefined {
  const k = key.toUpperCase();
  let best: { key: string; d: number } | undefined;
  for (const known of KEYS) {
    const d = editDistance(k, known);
    if (!best || d < best.d) best = { key: known, d };
  }
  if (!best) return undefined;
  const contained = KEYS.find((known) => known.length >= 6 && (k.includes(known) || (k.length >= 6 && known.includes(k))));
  if (best.d <= Math.max(2, Math.floor(best.key.length / 4))) return best.key;
  return contained;
}

/**
 * Keys that look meant for Jaga Netral but are not one of its settings: every
 * unknown key of the `.env` file, and environment variables one typo away
 * from a known key (the environment holds much else, which is none of ours).
 */
function unknownKeyProblems(fileVars: Record<string, string>, env: NodeJS.ProcessEnv, m: (typeof M)[Lang]): string[] {
  const known = new Set(KEYS);
  const out: string[] = [];
  for (const key of Object.keys(fileVars)) {
    if (!known.has(key) && !FOREIGN_KEYS.has(key)) out.push(`${key}: ${m.unknownKey(m.envFile, nearestKey(key))}`);
  }
  for (const key of Object.keys(env)) {
    if (known.has(key) || key in fileVars) continue;
    const near = nearestKey(key);
    if (near && editDistance(key.toUpperCase(), near) <= 2) out.push(`${key}: ${m.unknownKey(m.environment, near)}`);
  }
  return out;
}

/**
 * Reads `.env` (if present) under the real environment, which wins, and validates.
 * Empty strings count as unset so `.env.example` can be copied as is.
 */
export function loadConfig(opts: LoadConfigOptions = {}): Config {
  const fileVars = opts.envFile === false ? {} : readEnvFile(opts.envFile ?? '.env');
  const merged: Record<string, string> = { ...fileVars };
  for (const [k, v] of Object.entries(opts.env ?? process.env)) if (v !== undefined) merged[k] = v;
  Object.assign(merged, opts.overrides ?? {});
  const input: Record<string, string> = {};
  for (const key of KEYS) {
    const v = merged[key];
    if (v !== undefined && v.trim() !== '') input[key] = v.trim();
  }
  // Problems are written in the configured language (Indonesian unless LANGUAGE=en is given).
  const lang: Lang = input['LANGUAGE'] === 'en' ? 'en' : 'id';
  const schema = buildSchema(lang);
  const params = lang === 'id' ? { error: z.locales.id().localeError } : undefined;
  const result = schema.safeParse(input, params);
  const problems = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`);
  // Cross-field rules see every setting that is valid by itself, even when others are not.
  const fields: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const r = (field as z.ZodType).safeParse(input[key], params);
    if (r.success) fields[key] = r.data;
  }
  problems.push(...crossProblems(fields as Partial<Parsed>, lang));
  if (opts.strict) {
    problems.push(...unknownKeyProblems(fileVars, opts.env ?? process.env, M[lang]));
    const admins = fields['HUMAS_ADMINS'] as AdminHandle[] | undefined;
    // An entry that does not parse is already listed; an empty list (or only empty entries) is listed here.
    if (admins !== undefined && admins.length === 0) problems.push(`HUMAS_ADMINS: ${M[lang].noAdmins}`);
  }
  if (opts.checkFiles !== false) {
    const paslon = input['PASLON_FILE'] ?? DEFAULT_PASLON_FILE;
    const vocabulary = input['VOCABULARY_FILE'] ?? DEFAULT_VOCABULARY_FILE;
    for (const p of paslonProblems(paslon, lang)) problems.push(`PASLON_FILE: ${p}`);
    for (const p of vocabularyProblems(vocabulary, lang)) problems.push(`VOCABULARY_FILE: ${p}`);
  }
  if (!result.success || problems.length) throw new ConfigError(problems, lang);
  return Object.freeze(result.data);
}

function readEnvFile(path: string): Record<string, string> {
  return existsSync(path) ? parseDotenv(readFileSync(path)) : {};
}

/** Shows only the last 3 digits of a phone or id, enough to tell entries apart in a log. */
const tail = (id: string): string => (id.length <= 4 ? '***' : `***${id.slice(-3)}`);

/** The configuration as printable lines: secrets as REDACTED, admin numbers and ids masked. */
export function describeConfig(cfg: Config): string[] {
  return Object.entries(cfg).map(([k, v]) => {
    if (SECRET_KEYS.has(k) && v !== undefined) return `${k}=REDACTED`;
    if (k === 'HUMAS_ADMINS') return `${k}=${(v as AdminHandle[]).map((a) => `${a.platform === 'telegram' ? 'tg' : 'wa'}:${tail(a.id)}`).join(',')}`;
    if (k === 'TELEGRAM_WEBHOOK_URL' && typeof v === 'string') return `${k}=${v.replace(/^(https?:\/\/[^/]+).*$/, '$1/…')}`;
    return `${k}=${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`;
  });
}

/**
 * The language for what the command line prints before (or without) a valid
 * configuration, such as `--help` and configuration errors: LANGUAGE from the
 * environment or `.env`, English only when it says `en`.
 */
export function cliLanguage(opts: { env?: NodeJS.ProcessEnv; envFile?: string | false } = {}): 'id' | 'en' {
  const env = opts.env ?? process.env;
  const raw = env.LANGUAGE ?? (opts.envFile === false ? undefined : readEnvFile(opts.envFile ?? '.env').LANGUAGE);
  return raw?.trim().toLowerCase() === 'en' ? 'en' : 'id';
}
