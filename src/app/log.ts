/**
 * Logging: pino, with secrets and personal data masked before anything is
 * written: in the message, in every string of the objects logged (nested ones,
 * error messages and stacks included) and in Baileys' own log lines. Phone
 * numbers, WhatsApp JIDs, NIPs, bot tokens and the configured secrets never
 * reach a log line.
 */
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** A BotFather token, also inside API URLs (`/bot123456:AA.../getMe`, where no word boundary precedes it). */
const TOKEN = /\d{6,12}:[A-Za-z0-9_-]{30,}/g;
/** An 18-digit NIP, also written in its 8-6-1-3 groups. */
const NIP = /\b(19|20)\d{6}[\s.-]?(19|20)\d{4}[\s.-]?[12][\s.-]?\d{3}\b/g;
/** A person's WhatsApp JID: phone JIDs (with device suffix) and LIDs. Group JIDs (`@g.us`) are not personal and stay. */
const JID = /\b\d{5,20}(?::\d{1,3})?@(s\.whatsapp\.net|c\.us|lid|hosted(?:\.lid)?)\b/g;
/** An Indonesian mobile number in the usual forms: 0812..., 62812..., +62 812-3456-7890. */
const PHONE = /(?:\+62|\b62|\b0)[\s-]?8\d{1,3}(?:[\s-]?\d){6,10}\b/g;

/** Masks bot tokens, NIPs, WhatsApp JIDs and Indonesian phone numbers inside free text. */
export function redactText(s: string): string {
  return s
    .replace(TOKEN, '[token]')
    .replace(JID, (_m, server: string) => (server.endsWith('lid') ? `[lid]@${server}` : `[phone]@${server}`))
    .replace(NIP, '[nip]')
    .replace(PHONE, '[phone]');
}

/** Keys whose values are secrets or personal whatever they look like. */
const SECRET_FIELDS = new Set(['token', 'phone', 'nip', 'telepon', 'TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET', 'secret', 'password', 'authorization']);
const MAX_DEPTH = 8;

/**
 * A copy of `v` with every string masked (see redactText, plus the exact `secrets`),
 * errors turned into `{type, message, stack, code}`, byte arrays summarised and
 * cycles cut. Never throws.
 */
export function redactDeep(v: unknown, secrets: readonly string[] = [], depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof v === 'string') return maskSecrets(redactText(v), secrets);
  if (v === null || typeof v !== 'object') return v;
  if (seen.has(v)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[deep]';
  seen.add(v);
  if (v instanceof Uint8Array) return `[${v.byteLength} bytes]`;
  if (v instanceof Date) return v;
  if (v instanceof Error) {
    const e = v as Error & { code?: unknown; cause?: unknown };
    const out: Record<string, unknown> = { type: e.name, message: redactDeep(e.message, secrets, depth + 1, seen) };
    if (e.stack) out['stack'] = redactDeep(e.stack, secrets, depth + 1, seen);
    if (e.code !== undefined) out['code'] = redactDeep(e.code, secrets, depth + 1, seen);
    if (e.cause !== undefined) out['cause'] = redactDeep(e.cause, secrets, depth + 1, seen);
    return out;
  }
  if (Array.isArray(v)) return v.map((x) => redactDeep(x, secrets, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = SECRET_FIELDS.has(k) && x !== undefined && x !== null ? 'REDACTED' : redactDeep(x, secrets, depth + 1, seen);
  return out;
}

/** The same masking for every string inside a value (the name other modules know it by). */
export const redactValue = (v: unknown): unknown => redactDeep(v);

function maskSecrets(s: string, secrets: readonly string[]): string {
  let out = s;
  for (const x of secrets) if (x.length >= 8) out = out.split(x).join('[secret]');
  return out;
}

/** Options of createLogger. */
export interface LoggerOptions {
  /** Exact values to mask wherever they appear (the bot token, the webhook secret). */
  secrets?: readonly (string | undefined)[];
}

/** Creates the process logger (JSON lines on stderr); everything logged is masked (see redactDeep). */
export function createLogger(level: string, dest: NodeJS.WritableStream = process.stderr, opts: LoggerOptions = {}): Logger {
  const secrets = (opts.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const logger = pino(
    {
      level,
      // Errors arrive here already turned into masked plain objects (see redactDeep).
      serializers: { err: (e: unknown) => e },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => redactDeep(a, secrets)) as Parameters<typeof method>);
        },
      },
      formatters: { level: (label) => ({ level: label }) },
      // The README promises UTC ISO times ("time":"2026-12-03T02:00:00.000Z"), not epoch milliseconds.
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    dest as pino.DestinationStream,
  );
  // A child's bindings (Baileys gets one) bypass logMethod: mask them when the child is made.
  // Children are created from their parent's prototype chain, so they inherit this `child` too.
  const protoChild = logger.child as unknown as (this: Logger, b: pino.Bindings, o?: pino.ChildLoggerOptions) => Logger;
  logger.child = function child(this: Logger, bindings: pino.Bindings, options?: pino.ChildLoggerOptions) {
    return protoChild.call(this, redactDeep(bindings, secrets) as pino.Bindings, options);
  } as unknown as Logger['child'];
  return logger;
}

/** A logger that writes nothing, for tests and replay. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
