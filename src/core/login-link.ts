/**
 * The dashboard's one-time login link, as text: its path, and the redaction
 * that keeps a live token out of everything stored once the message carrying
 * it has gone out (the outbox row, WhatsApp's copy kept for retry requests).
 * The person's chat still holds the working link.
 */

/** Path of the login link; the token follows as `?t=`. */
export const LOGIN_PATH = '/masuk';

/** What a stored copy holds instead of the token. */
export const REDACTED_TOKEN = 'REDACTED';

const TOKEN_IN_LINK = /(\/masuk\?t=)[A-Za-z0-9_-]{20,}/g;

/** `text` with the token of every login link replaced by REDACTED_TOKEN. */
export function redactLoginLinks(text: string): string {
  return text.replace(TOKEN_IN_LINK, `$1${REDACTED_TOKEN}`);
}
