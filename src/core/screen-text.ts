/**
 * Reading a chat screenshot's recognised text (issue 18, OCR): which group it shows. Pure: the text comes from
 * whatever OCR engine app/ocr runs. A WhatsApp or Telegram screenshot puts the group's name in its header, right
 * above a member line ("57 anggota", "1.204 members", "Grup · 57 anggota"); system lines name it in quotes
 * ('Budi membuat grup "Relawan Maju Bersama"'). OCR leaves the header's icons as stray marks ("— DO"), which
 * are trimmed off the name.
 */

/** A member line under a chat header, in Indonesian or English. */
const MEMBER_LINE = /^(?:(?:grup|group|saluran|channel)\s*[·•.:-]?\s*)?\d[\d.,]*\s*(?:anggota|members?|participants?|peserta|pelanggan|subscribers?|pengikut)\b/i;

/** System lines that name the group in quotes. */
const QUOTED = [
  /(?:membuat grup|created group|created the group|mengubah nama grup(?: ini)?(?: dari "[^"]*")? menjadi|changed the group name to|changed the subject (?:from "[^"]*" )?to|menambahkan anda ke grup|added you to(?: the group)?)\s*["“”'‘’]([^"“”'‘’\n]{2,120})["“”'‘’]/i,
  /\bgrup\s*["“]([^"”\n]{2,120})["”]/i,
];

/** A token OCR made of an icon (an arrow, an avatar): no letters or digits, or one or two capitals alone. */
const junk = (w: string): boolean => !/[\p{L}\p{N}]/u.test(w) || /^\p{Lu}{1,2}$/u.test(w) || /^[\p{L}\p{N}]$/u.test(w);

/** The name with the header's icon marks trimmed from both ends; undefined when nothing readable is left. */
export function cleanHeaderName(line: string): string | undefined {
  const words = line.trim().split(/\s+/);
  while (words.length && junk(words[0]!)) words.shift();
  while (words.length && junk(words.at(-1)!)) words.pop();
  const name = words.join(' ').slice(0, 120);
  return /\p{L}{2}/u.test(name) ? name : undefined;
}

/** The group a screenshot shows, by its header (the line above a member line) or a system line quoting it. */
export function groupNameFromScreen(text: string): string | undefined {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  for (let i = 1; i < lines.length; i++) {
    if (!MEMBER_LINE.test(lines[i]!)) continue;
    const name = cleanHeaderName(lines[i - 1]!);
    if (name) return name;
  }
  const flat = lines.join('\n');
  for (const re of QUOTED) {
    const m = re.exec(flat);
    if (m?.[1]?.trim()) return m[1].trim();
  }
  return undefined;
}

/** Text as one paragraph, at most `max` characters, for messages and the dossier. */
export function screenExcerpt(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
