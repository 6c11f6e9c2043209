/**
 * Logging: pino, with secrets and personal data redacted before anything is
 * written. Phone numbers, NIPs and bot tokens never reach a log line.
 */
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

const TOKEN = /\b\d{6,12}:[A-Za-z0-9_-]{30,}\b/g;
const NIP = /\b(19|20)\d{6}\s?(19|20)\d{4}\s?[12]\s?\d{3}\b/g;
const PHONE = /(?:\+?62|\b0)8\d{7,11}\b/g;

/** Masks bot tokens, NIPs and Indonesian phone numbers inside free text. */
export function redactText(s: string): string {
  return s.replace(TOKEN, '[token]').replace(NIP, '[nip]').replace(PHONE, '[phone]');
}

/** Creates the process logger (JSON lines on stderr) with redaction of known sensitive fields. */
export function createLogger(level: string, dest: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      redact: { paths: ['token', '*.token', 'phone', '*.phone', 'nip', '*.nip', 'TELEGRAM_BOT_TOKEN', '*.TELEGRAM_BOT_TOKEN'], censor: 'REDACTED' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? redactText(a) : a)) as Parameters<typeof method>);
        },
      },
      formatters: { level: (label) => ({ level: label }) },
    },
    dest as pino.DestinationStream,
  );
}

/** A logger that writes nothing, for tests and replay. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
