/**
 * Text a stranger wrote (group titles, display names, post excerpts), made
 * safe to quote inside the bot's own messages: it cannot close the quotes the
 * templates put around it, cannot turn into WhatsApp or Telegram markup
 * (`*bold*`, `_italic_`, `~strike~`, ``` ```mono``` ```), and carries no
 * clickable link (`https://evil.example/lapor` reads `hxxps://evil[.]example/lapor`).
 * Titles and names are already one plain line (text/normalize.ts); the event
 * row keeps the original.
 */

/** Quote marks a stranger could use to close ours. */
const QUOTES = /["\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g;

/** Markup characters and the look-alikes that replace them. */
const MARKUP: Record<string, string> = { '*': '\u2217', '~': '\u223C', '`': '\u02CB' };

/** `_` that could open or close italics: at a word's edge (between two letters it is just part of a name like joko_timses). */
const EDGE_UNDERSCORE = /(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu;

/** Common top-level domains and link shorteners' (a bare `evil.example` or `t.me/x` is linked by the apps). */
const TLDS =
  'com|net|org|id|me|ly|io|co|info|xyz|app|link|site|online|example|gov|go|ac|sch|web|my|top|shop|club|biz|tk|ml|ga|cf|gq|to|gg|cc|tv|us|uk|sg|ws|pw|click|live|news|store|today|page|dev|ai|in|asia|mobi|pro';
/** A URL with a scheme or `www.`, or a host with a known top-level domain (optionally followed by a path). */
const URLISH = new RegExp(`\\b(?:(?:https?|ftp)://\\S+|www\\.\\S+|(?:[a-z0-9-]+\\.)+(?:${TLDS})\\b(?:/\\S*)?)`, 'gi');

/** Makes one link unclickable: `hxxp`, and every dot of the host as `[.]`. */
function defangLink(url: string): string {
  const scheme = /^(?:https?|ftp):\/\//i.exec(url)?.[0] ?? '';
  const rest = url.slice(scheme.length);
  const cut = rest.search(/[/?#]/);
  const host = cut < 0 ? rest : rest.slice(0, cut);
  const tail = cut < 0 ? '' : rest.slice(cut);
  return `${scheme.replace(/^http/i, 'hxxp').replace(/^ftp/i, 'fxp')}${host.replace(/\./g, '[.]')}${tail}`;
}

/** A stranger's text, ready to quote in a message of the bot. */
export function quoteStranger(s: string): string {
  return s
    .replace(QUOTES, "'")
    .replace(/[*~`]/g, (c) => MARKUP[c]!)
    .replace(EDGE_UNDERSCORE, (m) => m.replace('_', '\u02CD'))
    .replace(URLISH, defangLink);
}

/** quoteStranger for an optional value. */
export const quoteStrangerOpt = (s: string | null | undefined): string | undefined => (s === null || s === undefined ? undefined : quoteStranger(s));

/**
 * Several lines written by someone else (an ASN's self-report, which may hold a stranger's forwarded words) quoted
 * inside one of the bot's messages: each line quoted as above and marked with a bar, so no line of it can pass for
 * a line of the bot's own ("✅ Grup ini sudah diperiksa Humas"). One line stays one line after `label`.
 */
export function quoteStrangerLines(label: string, text: string): string {
  const lines = text.split(/\r\n|[\r\n\u2028\u2029\u0085]/).map((l) => quoteStranger(l.trimEnd())).filter((l, i, all) => l !== '' || (i > 0 && i < all.length - 1));
  return lines.length <= 1 ? `${label} ${lines[0] ?? ''}`.trimEnd() : [label, ...lines.map((l) => `\u2502 ${l}`)].join('\n');
}

/** A name someone typed (a group or account name in a self-report), quoted on one line. */
export const quoteStrangerName = (s: string): string => quoteStranger(s.replace(/\s+/g, ' ').trim());
