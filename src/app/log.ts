/**
 * Logging: pino, with secrets and personal data redacted before anything is
 * written. Phone numbers, WhatsApp user JIDs, NIPs and bot tokens never reach
 * a log line, whether in the message or anywhere inside the logged object.
 */
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

const TOKEN = /\b\d{6,12}:[A-Za-z0-9_-]{30,}\b/g;
const NIP = /\b(19|20)\d{6}\s?(19|20)\d{4}\s?[12]\s?\d{3}\b/g;
const PHONE = /(?:\+?62|\b0)8\d{7,11}\b/g;
/** WhatsApp user JIDs carry the phone number (any country) or a LID; group JIDs (`@g.us`) name no person. */
const USER_JID = /\b\d{5,20}(?::\d+)?@(s\.whatsapp\.net|c\.us|lid)\b/g;

/** Masks bot tokens, NIPs, WhatsApp user JIDs and Indonesian phone numbers inside free text. */
export function redactText(s: string): string {
  return s
    .replace(TOKEN, '[token]')
    .replace(USER_JID, (_m, server: string) => (server === 'lid' ? '[lid]@lid' : `[phone]@${server}`))
    .replace(NIP, '[nip]')
    .replace(PHONE, '[phone]');
}

/**
 * The same masking for every string inside a log object (nested objects, arrays, error messages and
 * stacks), so a JID or phone number in `{ err }` or `{ members: [...] }` is masked like one in the message.
 */
export function redactValue(v: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof v === 'string') return redactText(v);
  if (typeof v !== 'object' || v === null || depth > 8) return v;
  if (seen.has(v)) return '[circular]';
  seen.add(v);
  if (v instanceof Error) return { type: v.name, message: redactText(v.message), ...(v.stack ? { stack: redactText(v.stack) } : {}) };
  if (Array.isArray(v)) return v.map((x) => redactValue(x, depth + 1, seen));
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return v; // Buffers, Dates and class instances are logged as pino does
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = redactValue(x, depth + 1, seen);
  return out;
}

/** Creates the process logger (JSON lines on stderr) with redaction of known sensitive fields. */
export function createLogger(level: string, dest: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      redact: { paths: ['token', '*.token', 'phone', '*.phone', 'nip', '*.nip', 'TELEGRAM_BOT_TOKEN', '*.TELEGRAM_BOT_TOKEN'], censor: 'REDACTED' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => redactValue(a)) as Parameters<typeof method>);
        },
      },
      formatters: { level: (label) => ({ level: label }) },
    },
    dest as pino.DestinationStream,
  );
}

/** A logger that writes nothing, for tests and replay. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
