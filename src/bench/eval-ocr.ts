/**
 * Measures the offline OCR on chat screenshots made here (src/bench/ocr-screens.ts): WhatsApp-like and
 * Telegram-like headers and posts in Indonesian, campaign groups and ordinary office groups, at three screen
 * widths. For each picture it runs the engine the bot runs (Debian tesseract through app/ocr, the same
 * TextReader), then the same steps the bot takes (src/core/screen-text.ts, the app's classifier and campaign-group
 * scorer) and prints: the group name read, its character accuracy (1 - edit distance / length) and word recall
 * against the name drawn, and whether the verdicts (Pilkada content; campaign group) match the verdicts on the
 * text that was drawn. Each screen is also measured as phones really deliver it (OCR_VARIANTS): a whole-screen
 * screenshot recompressed to JPEG as a Telegram photo (1280 px long side, quality 80 and a worse 60) and as a
 * WhatsApp photo at standard quality (1600 px, quality 70), by src/platforms/sim/phone-photo.ts.
 * `npm run eval:ocr [-- --keep DIR] [--tesseract BIN] [--variants png,tg-q80,...]`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openTextReader } from '../app/ocr/screenshots.js';
import { loadPaslonFile, loadVocabulary } from '../app/vocabulary.js';
import { scoreCampaignGroup } from '../core/campaign-group.js';
import { createClassifier, type PilkadaClassifier } from '../core/classifier.js';
import { groupNameFromScreen } from '../core/screen-text.js';
import { compressPhoto, TELEGRAM_PHOTO, WHATSAPP_STANDARD, type PhotoCompression } from '../platforms/sim/phone-photo.js';
import { renderChatScreen, type ChatScreen } from './ocr-screens.js';

/** The screens, before widths: a mix of campaign groups (Pilgub Sumsel 2024 paslon) and ordinary ones. */
export const OCR_SCREENS: Omit<ChatScreen, 'width'>[] = [
  { style: 'whatsapp', groupName: 'Relawan Maju Bersama', members: 57, bubbles: [{ text: 'Budi menambahkan Anda' }, { from: '+62 812-3456-7891', text: 'Selamat bergabung bapak ibu, mari menangkan paslon nomor 2 di Pilgub Sumsel! Ayo coblos nomor 2' }] },
  { style: 'telegram', groupName: 'Sahabat Herman Deru OKU', members: 1204, bubbles: [{ text: 'Admin menambahkan Siti' }, { from: 'Korcam Baturaja', text: 'Besok deklarasi relawan di posko pemenangan, jangan lupa pakai atribut' }] },
  { style: 'whatsapp', groupName: 'Tim Pemenangan ESP-Riezky', members: 213, bubbles: [{ from: 'Korlap Desa', text: 'Data saksi TPS dikumpulkan paling lambat Jumat' }, { from: 'Rudi', text: 'Siap, bang' }] },
  { style: 'telegram', groupName: 'Laskar Matahati Sumsel', members: 845, bubbles: [{ from: 'Admin', text: 'Wak Mawardi menyapa warga Prabumulih hari ini. Salam 3 jari!' }] },
  { style: 'whatsapp', groupName: 'Barisan Emak-emak HDCU', members: 96, bubbles: [{ text: 'Rina membuat grup "Barisan Emak-emak HDCU"' }, { from: 'Rina', text: 'Ibu-ibu, besok blusukan ke pasar bersama tim kampanye' }] },
  { style: 'telegram', groupName: 'Posko Pemenangan 02 Ogan Ilir', members: 332, bubbles: [{ from: 'Sekretariat', text: 'Rapat konsolidasi relawan Sabtu pukul 19.00 di sekber' }] },
  { style: 'whatsapp', groupName: 'Info Dinas Pendidikan OKU', members: 148, bubbles: [{ from: 'Kasubag Umum', text: 'Rapat koordinasi kepala sekolah hari Senin pukul 09.00 di aula dinas' }, { from: 'Pak Joko', text: 'Baik, terima kasih' }] },
  { style: 'telegram', groupName: 'Arisan RT 05 Sukajadi', members: 41, bubbles: [{ from: 'Bu RT', text: 'Arisan bulan ini di rumah Bu Sari, Minggu jam 4 sore' }] },
  { style: 'whatsapp', groupName: 'Alumni SMAN 1 Baturaja 2005', members: 187, bubbles: [{ from: 'Dedi', text: 'Reuni akbar tanggal 20, konfirmasi ke panitia ya' }] },
  { style: 'telegram', groupName: 'Relawan Bencana Banjir OKU', members: 512, bubbles: [{ from: 'Koordinator', text: 'Bantuan logistik untuk warga terdampak banjir dikirim besok pagi' }] },
];

/**
 * Screens kept out of the tuning (the word-confidence floor and the enlargement were set on OCR_SCREENS): the
 * apps' dark themes, and a header name long enough to run past the screen's edge.
 */
export const OCR_HELD_OUT: Omit<ChatScreen, 'width'>[] = [
  { style: 'whatsapp', dark: true, groupName: 'Sedulur Eddy Santana', members: 64, bubbles: [{ from: 'Mas Bowo', text: 'Nanti malam kumpul di posko, bawa spanduk dan baliho' }] },
  { style: 'telegram', dark: true, groupName: 'Forum Pendukung Mawardi-Anita', members: 2310, bubbles: [{ text: 'Joko menambahkan Anda' }, { from: 'Admin', text: 'Debat paslon malam ini, nonton bareng di sekber' }] },
  { style: 'whatsapp', dark: true, groupName: 'Grup Guru SD Negeri 12', members: 38, bubbles: [{ from: 'Bu Kepsek', text: 'Besok upacara pukul 07.00, seragam batik' }] },
  { style: 'whatsapp', groupName: 'Brigade Milenial HD-CU Kabupaten Ogan Komering Ulu Timur', members: 75, bubbles: [{ from: 'Andi', text: 'Salam satu putaran!' }] },
];

/** Widths the screens are rendered at: a small phone screenshot, a usual one, a large one. */
export const OCR_WIDTHS = [360, 720, 1080];

/**
 * How a screen reaches the reader: `png` as drawn (the header and bubbles only, the tuning set's original form);
 * `png-phone` a whole phone screen (9:20) as PNG, the screenshot the phone keeps and sends "as file"; then that
 * screenshot as the platforms deliver a photo: Telegram (1280 px long side, quality 80, and a worse 60) and
 * WhatsApp standard quality (1600 px, quality 70).
 */
export const OCR_VARIANTS: Record<string, { phone: boolean; jpeg?: PhotoCompression }> = {
  png: { phone: false },
  'png-phone': { phone: true },
  'tg-q80': { phone: true, jpeg: TELEGRAM_PHOTO },
  'tg-q60': { phone: true, jpeg: { longSide: TELEGRAM_PHOTO.longSide, quality: 60 } },
  'wa-q70': { phone: true, jpeg: WHATSAPP_STANDARD },
};

/** Edit distance between two strings (characters). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** 1 - edit distance / length of the truth, floored at 0. */
export const charAccuracy = (got: string, want: string): number => Math.max(0, 1 - editDistance(got, want) / Math.max(1, want.length));

/** Share of the truth's words found among the words read (case-insensitive). */
export function wordRecall(got: string, want: string): number {
  const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  const have = new Set(words(got));
  const need = words(want);
  return need.length ? need.filter((w) => have.has(w)).length / need.length : 1;
}

/** The text drawn on a screen, as a perfect reader would return it. */
const drawnText = (s: Omit<ChatScreen, 'width'>): string =>
  [s.groupName, `${s.members.toLocaleString('id-ID')} anggota`, ...s.bubbles.flatMap((b) => [b.from ?? '', b.text])].filter(Boolean).join('\n');

/** One picture's outcome. */
export interface OcrCase {
  name: string;
  style: string;
  /** The screenshot's width as taken (before any recompression). */
  width: number;
  /** OCR_VARIANTS key. */
  variant: string;
  /** The picture the reader got (pixels). */
  size: string;
  read: string | undefined;
  charAccuracy: number;
  wordRecall: number;
  exact: boolean;
  pilkadaWant: boolean;
  pilkadaGot: boolean;
  campaignWant: boolean;
  campaignGot: boolean;
  confidence: number;
  ms: number;
}

/** Verdicts the bot would give: Pilkada content of the whole text, campaign group from the name read. */
function verdicts(c: PilkadaClassifier, text: string, name: string | undefined): { pilkada: boolean; campaign: boolean } {
  const campaign = name ? scoreCampaignGroup(c, name).campaign : false;
  return { pilkada: c.classify(text).pilkada || campaign, campaign };
}

/** Renders every screen at every width, reads it, and scores it. */
export async function evaluateOcr(o: { tesseract?: string; keep?: string; widths?: number[]; screens?: Omit<ChatScreen, 'width'>[]; variants?: string[] } = {}): Promise<OcrCase[]> {
  const { reader, state } = await openTextReader(o.tesseract ?? 'tesseract');
  if (!reader) throw new Error(`OCR is off: ${state.on ? '' : state.detail}`);
  const classifier = createClassifier({ vocabulary: loadVocabulary(), paslon: loadPaslonFile('data/paslon.sumsel2024.json') });
  const dir = o.keep ?? mkdtempSync(join(tmpdir(), 'jn-eval-ocr-'));
  const out: OcrCase[] = [];
  try {
    for (const s of o.screens ?? OCR_SCREENS) {
      const want = verdicts(classifier, drawnText(s), s.groupName);
      for (const width of o.widths ?? OCR_WIDTHS) {
        for (const variant of o.variants ?? ['png']) {
          const v = OCR_VARIANTS[variant];
          if (!v) throw new Error(`unknown variant ${variant} (known: ${Object.keys(OCR_VARIANTS).join(', ')})`);
          const png = renderChatScreen({ ...s, width, phone: v.phone });
          const pic = v.jpeg ? await compressPhoto(png, v.jpeg) : { data: png, width, height: png.readUInt32BE(20) };
          const path = join(dir, `${s.groupName.replace(/[^\w]+/g, '-')}-${width}-${variant}.${v.jpeg ? 'jpg' : 'png'}`);
          writeFileSync(path, pic.data);
          const t0 = performance.now();
          const r = await reader.read(path);
          const ms = performance.now() - t0;
          const read = groupNameFromScreen(r.text);
          const got = verdicts(classifier, r.text, read);
          out.push({
            name: s.groupName, style: s.style, width, variant, size: `${pic.width}x${pic.height}`, read, charAccuracy: charAccuracy(read ?? '', s.groupName), wordRecall: wordRecall(read ?? '', s.groupName),
            exact: read === s.groupName, pilkadaWant: want.pilkada, pilkadaGot: got.pilkada, campaignWant: want.campaign, campaignGot: got.campaign, confidence: r.confidence, ms,
          });
        }
      }
    }
  } finally {
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** The summary lines (overall, per variant, per width, and per variant and width). */
export function summarise(cases: OcrCase[]): string[] {
  const lines: string[] = [];
  const group = (label: string, cs: OcrCase[]) => {
    const ms = cs.map((c) => c.ms).sort((a, b) => a - b);
    lines.push(
      `${label.padEnd(16)} n=${String(cs.length).padStart(2)}  name exact ${pct(mean(cs.map((c) => (c.exact ? 1 : 0))))}  char acc ${pct(mean(cs.map((c) => c.charAccuracy)))}  word recall ${pct(mean(cs.map((c) => c.wordRecall)))}  ` +
        `Pilkada verdict match ${pct(mean(cs.map((c) => (c.pilkadaGot === c.pilkadaWant ? 1 : 0))))}  campaign-group match ${pct(mean(cs.map((c) => (c.campaignGot === c.campaignWant ? 1 : 0))))}  ` +
        `mean conf ${pct(mean(cs.map((c) => c.confidence)))}  ms/image median ${Math.round(ms[Math.floor(ms.length / 2)] ?? 0)} max ${Math.round(ms.at(-1) ?? 0)}`,
    );
  };
  const variants = [...new Set(cases.map((c) => c.variant))];
  const widths = [...new Set(cases.map((c) => c.width))];
  group('all', cases);
  if (variants.length > 1) for (const v of variants) group(v, cases.filter((c) => c.variant === v));
  for (const w of widths) group(`${w}px`, cases.filter((c) => c.width === w));
  if (variants.length > 1) for (const v of variants) for (const w of widths) group(`${v} ${w}px`, cases.filter((c) => c.variant === v && c.width === w));
  return lines;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { keep: { type: 'string' }, tesseract: { type: 'string' }, variants: { type: 'string' } } });
  const variants = values.variants ? values.variants.split(',').map((v) => v.trim()).filter(Boolean) : Object.keys(OCR_VARIANTS);
  print('Tuning set (light themes)', await evaluateOcr({ keep: values.keep, tesseract: values.tesseract, variants }));
  print('Held out (dark themes, a name longer than the header)', await evaluateOcr({ keep: values.keep, tesseract: values.tesseract, screens: OCR_HELD_OUT, variants }));
}

function print(title: string, cases: OcrCase[]): void {
  console.log(`${title}:`);
  for (const c of cases) {
    const mark = c.exact ? '=' : c.read ? '~' : 'x';
    const verdict = `${c.pilkadaGot === c.pilkadaWant ? 'ok' : 'MISMATCH'} pilkada=${c.pilkadaGot}${c.campaignGot === c.campaignWant ? '' : ` campaign=${c.campaignGot} (want ${c.campaignWant})`}`;
    console.log(`${mark} ${c.style.padEnd(8)} ${String(c.width).padStart(4)}px ${c.variant.padEnd(9)} ${c.size.padStart(9)}  ${JSON.stringify(c.name).padEnd(46)} read ${JSON.stringify(c.read ?? null).padEnd(48)} char ${pct(c.charAccuracy).padStart(6)}  ${verdict}  ${Math.round(c.ms)} ms`);
  }
  console.log('');
  for (const l of summarise(cases)) console.log(l);
  console.log('');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
