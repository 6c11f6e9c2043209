/**
 * Splitting long texts for platforms with a length limit (Telegram refuses a
 * message over 4,096 characters with 400 "message is too long"; WhatsApp is
 * kept under the same). Splits on line boundaries, so a list never breaks in
 * the middle of an entry; only a single line longer than the limit is cut,
 * at a space when there is one.
 */

/** Telegram's limit on a message text (Bot API sendMessage: 1-4096 characters); WhatsApp is kept to the same. */
export const MESSAGE_LIMIT = 4096;

/**
 * The parts of `text`, in order, each at most `limit` UTF-16 code units (what
 * the Bot API counts) and none blank. Joining them with newlines gives the
 * text back, except that blank lines at a cut and the cut inside an overlong
 * line are lost or moved.
 */
export function splitMessage(text: string, limit = MESSAGE_LIMIT): string[] {
  if (limit < 2) throw new RangeError('limit must be at least 2');
  if (text.length <= limit) return text.trim() === '' ? [] : [text];
  const parts: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current.trim() !== '') parts.push(current);
    current = '';
  };
  for (const line of text.split('\n')) {
    const pieces = line.length <= limit ? [line] : cutLine(line, limit);
    for (const piece of pieces) {
      if (current === '') current = piece;
      else if (current.length + 1 + piece.length <= limit) current += `\n${piece}`;
      else {
        flush();
        current = piece;
      }
    }
  }
  flush();
  return parts;
}

/** Cuts one overlong line into pieces of at most `limit`, at the last space when there is one, never inside a surrogate pair. */
function cutLine(line: string, limit: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    let at = rest.lastIndexOf(' ', limit);
    if (at < limit / 2) at = limit;
    if (at === limit && isHighSurrogate(rest.charCodeAt(at - 1))) at--;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^ /, '');
  }
  if (rest !== '') out.push(rest);
  return out;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
