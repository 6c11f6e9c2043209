/**
 * Configuration: `.env` plus the process environment, validated once into one
 * typed, frozen object. This is the only module that reads `process.env`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import type { Platform } from './core/ids.js';

/** The installed package's folder: its own data files are found from here, whatever the working directory. */
const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A Humas admin handle: platform plus user id (Telegram id or WhatsApp phone digits). */
export interface AdminHandle {
  platform: Platform;
  id: string;
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) =>
  z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(min).max(max);
const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

const adminList = z.string().transform((raw, ctx) => {
  const out: AdminHandle[] = [];
  for (const part of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(tg|wa):\+?(\d{1,20})$/.exec(part);
    if (!m || (m[1] === 'wa' && !/^\d{8,15}$/.test(m[2]!))) {
      ctx.addIssue({ code: 'custom', message: `"${part}" is not tg:<telegram id> or wa:<phone digits>` });
      continue;
    }
    out.push({ platform: m[1] === 'tg' ? 'telegram' : 'whatsapp', id: m[2]! });
  }
  return out;
});

const quietHours = z
  .string()
  .refine((s) => s === 'off' || (s.split('-').length === 2 && s.split('-').every((p) => hhmm.test(p))), 'must be HH:MM-HH:MM or off')
  .transform((s) => {
    if (s === 'off') return undefined;
    const [from, to] = s.split('-') as [string, string];
    return { from, to };
  });

const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'is not a known IANA time zone');

const schema = z
  .object({
    DATABASE_PATH: z.string().min(1).default('data/jaga-netral.db'),
    HUMAS_ADMINS: adminList.default([]),
    HUMAS_CONTACT: z.string().default('Humas Pemda'),
    ORG_NAME: z.string().default('Pemda'),
    PASLON_FILE: z.string().default(join(PACKAGE_ROOT, 'data/paslon.sumsel2024.json')),
    VOCABULARY_FILE: z.string().default(join(PACKAGE_ROOT, 'data/vocabulary.json')),
    APP_TIMEZONE: timezone.default('Asia/Jakarta'),
    LANGUAGE: z.enum(['id', 'en']).default('id'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]{20,}$/, 'does not look like a BotFather token').optional(),
    TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
    TELEGRAM_WEBHOOK_URL: z.url().optional(),
    TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 of A-Z a-z 0-9 _ -').optional(),
    TELEGRAM_WEBHOOK_PORT: int(1, 65535).default(8443),

    WHATSAPP_ENABLED: bool.default(false),
    WA_DM_GAP_MIN_SECONDS: int(1, 3600).default(20),
    WA_DM_GAP_MAX_SECONDS: int(1, 3600).default(45),
    WA_FIRST_CONTACT_DAILY_CAP: int(0, 10_000).default(40),
    WA_LID_BATCH_SIZE: int(1, 500).default(20),

    FOLLOWUP_HOURS: z.coerce.number().positive().max(24 * 30).default(24),
    CASE_EXPIRY_DAYS: z.coerce.number().positive().max(365).default(14),
    REMINDER_CRON: z.string().default('0 9 * * 1,4'),
    REMINDER_MIN_INTERVAL_HOURS: z.coerce.number().min(0).max(24 * 30).default(24),
    QUIET_HOURS: quietHours.prefault('21:00-06:00'),
    DIGEST_CRON: z.string().default('0 7 * * *'),
    BACKUP_DIR: z.string().default('data/backups'),
    BACKUP_KEEP: int(1, 365).default(7),
    BACKUP_CRON: z.string().default('30 2 * * *'),

    DASHBOARD_PORT: int(1, 65535).optional(),
    DASHBOARD_HOST: z.string().min(1).default('127.0.0.1'),
    DASHBOARD_URL: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      .refine((u) => /^https?:\/\/[^/?#]+\/?$/.test(u), 'must be the root of a host, e.g. https://dasbor.humas.example.go.id (no path)')
      .optional(),
  })
  .superRefine((c, ctx) => {
    if (c.WA_DM_GAP_MIN_SECONDS > c.WA_DM_GAP_MAX_SECONDS) {
      ctx.addIssue({ code: 'custom', path: ['WA_DM_GAP_MIN_SECONDS'], message: 'must not exceed WA_DM_GAP_MAX_SECONDS' });
    }
    if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'is required when TELEGRAM_WEBHOOK_URL is set' });
    }
    if (c.DASHBOARD_URL && c.DASHBOARD_PORT === undefined) {
      ctx.addIssue({ code: 'custom', path: ['DASHBOARD_PORT'], message: 'is required when DASHBOARD_URL is set' });
    }
  });

/** The validated, frozen configuration. */
export type Config = Readonly<z.output<typeof schema>>;

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
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads `.env` (if present) under the real environment, which wins, and validates.
 * Empty strings count as unset so `.env.example` can be copied as is.
 */
export function loadConfig(opts: { env?: NodeJS.ProcessEnv; envFile?: string | false; overrides?: Record<string, string> } = {}): Config {
  const fileVars = opts.envFile === false ? {} : readEnvFile(opts.envFile ?? '.env');
  const merged: Record<string, string> = { ...fileVars };
  for (const [k, v] of Object.entries(opts.env ?? process.env)) if (v !== undefined) merged[k] = v;
  Object.assign(merged, opts.overrides ?? {});
  const input: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const v = merged[key];
    if (v !== undefined && v.trim() !== '') input[key] = v.trim();
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`));
  }
  return Object.freeze(result.data);
}

function readEnvFile(path: string): Record<string, string> {
  return existsSync(path) ? parseDotenv(readFileSync(path)) : {};
}

/** The configuration as printable lines, secrets shown as REDACTED. */
export function describeConfig(cfg: Config): string[] {
  return Object.entries(cfg).map(([k, v]) => {
    if (SECRET_KEYS.has(k) && v !== undefined) return `${k}=REDACTED`;
    if (k === 'HUMAS_ADMINS') return `${k}=${(v as AdminHandle[]).map((a) => `${a.platform === 'telegram' ? 'tg' : 'wa'}:${a.id}`).join(',')}`;
    return `${k}=${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`;
  });
}
