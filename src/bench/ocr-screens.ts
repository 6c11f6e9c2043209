/**
 * Made-up chat screenshots for the OCR evaluation and tests: a WhatsApp-like or Telegram-like phone screen
 * (a coloured header with the group's name and member line, then a few bubbles), drawn as SVG and rendered to
 * PNG by resvg with DejaVu Sans (src/app/reports/chart-png.ts). Nothing is copied from real screenshots: each
 * picture is built from the strings given, so the evaluation knows exactly what a reader should find.
 */
import { svgToPng } from '../app/reports/chart-png.js';

/** One screen to draw. */
export interface ChatScreen {
  /** Which app's look: colours and the header's member line. */
  style: 'whatsapp' | 'telegram';
  /** The group's name in the header (what the evaluation expects to be read back). */
  groupName: string;
  /** Members in the header line ("57 anggota" / "1.204 anggota"). */
  members: number;
  /** Bubbles, top to bottom: who wrote (omitted for system lines) and what. */
  bubbles: { from?: string; text: string }[];
  /** Pixel width of the PNG (the SVG is 360 units wide, a phone's width). */
  width?: number;
  /** The app's dark theme (light text on dark bubbles). */
  dark?: boolean;
  /** Drawn as a whole phone screen (9:20, the chat's empty rest below the bubbles), as a real screenshot is. */
  phone?: boolean;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Breaks a text into lines of at most `max` characters, at spaces. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/)) {
    if (line && (line + ' ' + w).length > max) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

/** The screen as an SVG document (360 units wide). */
export function chatScreenSvg(s: ChatScreen): string {
  const wa = s.style === 'whatsapp';
  const dark = s.dark === true;
  const head = dark ? (wa ? '#1f2c34' : '#212d3b') : wa ? '#075e54' : '#517da2';
  const bg = dark ? (wa ? '#0b141a' : '#0e1621') : wa ? '#ece5dd' : '#dfe8ef';
  const bubble = dark ? (wa ? '#202c33' : '#182533') : '#ffffff';
  const ink = dark ? '#e9edef' : '#111';
  const sys = dark ? '#182229' : '#fdf4c5';
  const sysInk = dark ? '#8696a0' : '#333';
  const members = s.members.toLocaleString('id-ID');
  const sub = wa ? `${members} anggota` : `${members} anggota, 12 online`;
  const parts: string[] = [];
  let y = 84;
  for (const b of s.bubbles) {
    const lines = wrap(b.text, 36);
    if (!b.from) {
      const h = 14 * lines.length + 10;
      parts.push(`<rect x="40" y="${y}" width="280" height="${h}" rx="6" fill="${sys}"/>`);
      lines.forEach((l, i) => parts.push(`<text x="180" y="${y + 17 + i * 14}" font-size="11" text-anchor="middle" fill="${sysInk}">${esc(l)}</text>`));
      y += h + 10;
      continue;
    }
    const h = 16 + 15 * lines.length + 8;
    parts.push(`<rect x="12" y="${y}" width="300" height="${h}" rx="8" fill="${bubble}"/>`);
    parts.push(`<text x="22" y="${y + 15}" font-size="11" font-weight="bold" fill="${wa ? '#b8336a' : '#3a6d99'}">${esc(b.from)}</text>`);
    lines.forEach((l, i) => parts.push(`<text x="22" y="${y + 31 + i * 15}" font-size="12" fill="${ink}">${esc(l)}</text>`));
    y += h + 10;
  }
  const height = s.phone ? Math.max(y + 20, 800) : Math.max(y + 20, 240);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="${height}" viewBox="0 0 360 ${height}" font-family="DejaVu Sans">`,
    `<rect width="360" height="${height}" fill="${bg}"/>`,
    `<rect width="360" height="64" fill="${head}"/>`,
    `<circle cx="52" cy="32" r="18" fill="#cfd8dc"/>`,
    `<text x="14" y="38" font-size="18" fill="#fff">&#8592;</text>`,
    `<text x="80" y="28" font-size="15" font-weight="bold" fill="#fff">${esc(s.groupName)}</text>`,
    `<text x="80" y="48" font-size="11" fill="#e0f2f1">${esc(sub)}</text>`,
    ...parts,
    `</svg>`,
  ].join('');
}

/** The screen as PNG bytes (default 720 px wide: twice the SVG, like a phone's screenshot). */
export function renderChatScreen(s: ChatScreen): Buffer {
  return svgToPng(chatScreenSvg(s), s.width ?? 720);
}
