/**
 * The OCR engine: Debian's `tesseract` (tesseract-ocr, with tesseract-ocr-ind and tesseract-ocr-eng) run as a
 * child process, one image at a time. Offline by construction: it reads its language data from the local
 * tessdata folder and has no network code. A child process keeps the bot safe from the engine: each read is
 * killed after `timeoutMs`, its address space is capped with `ulimit -v` (a huge or hostile image fails instead
 * of swapping the machine), and OMP_THREAD_LIMIT=1 keeps it on one core of a 2-core server.
 * Output is tesseract's TSV (one row per word with its confidence), joined back into lines here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareImage } from './enlarge.js';
import type { ReadText, TextReader } from './text-reader.js';

/** How tesseract is run. */
export interface TesseractOptions {
  /** The binary (a name on PATH or a path); OCR_TESSERACT. */
  bin: string;
  /** Tesseract's language list. */
  languages?: string;
  /** A read is killed after this long. */
  timeoutMs?: number;
  /** Address-space cap of the child, MiB. */
  memoryMb?: number;
}

/** What a probe of the binary found. */
export type TesseractProbe = { ok: true; version: string; languages: string[] } | { ok: false; detail: string };

/** Default languages: Indonesian first, English for the apps' own labels ("members", "online"). */
export const OCR_LANGUAGES = 'ind+eng';
const MAX_OUTPUT = 2 * 1024 * 1024;

/** Runs a short command and collects its output; rejects when it cannot start, times out or exits non-zero. */
function run(argv: string[], o: { timeoutMs: number; memoryMb?: number; onChild?: (c: ChildProcess) => void }): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // `ulimit -v` through sh: Node cannot set a child's rlimits itself; exec keeps one process to kill.
    const child = o.memoryMb
      ? spawn('/bin/sh', ['-c', 'ulimit -v "$1" && shift && exec "$@"', 'sh', String(o.memoryMb * 1024), ...argv], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, OMP_THREAD_LIMIT: '1' } })
      : spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    o.onChild?.(child);
    let out = '';
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, o.timeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      if (out.length < MAX_OUTPUT) out += d.toString('utf8');
    });
    child.stderr!.on('data', (d: Buffer) => {
      if (err.length < 4096) err += d.toString('utf8');
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new Error(`tesseract took over ${o.timeoutMs} ms and was stopped`));
      else if (code === 0) resolve({ stdout: out, stderr: err });
      else reject(new Error(`tesseract failed (${signal ?? `exit ${code}`}): ${err.trim().split('\n').slice(-2).join(' ').slice(0, 300)}`));
    });
  });
}

/** Whether the binary runs, its version and installed languages (for the start log line and `doctor`). */
export async function probeTesseract(bin: string, timeoutMs = 10_000): Promise<TesseractProbe> {
  try {
    const v = await run([bin, '--version'], { timeoutMs });
    const version = /tesseract\s+v?([\d.]+)/i.exec(v.stdout + v.stderr)?.[1] ?? '?';
    const l = await run([bin, '--list-langs'], { timeoutMs });
    const languages = l.stdout.split('\n').slice(1).map((s) => s.trim()).filter(Boolean);
    return { ok: true, version, languages };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { ok: false, detail: e.code === 'ENOENT' ? `${bin}: not found` : e.message };
  }
}

/**
 * Words tesseract itself doubts this much (confidence 0..100) are left out of the text: on chat screenshots they
 * are icons and avatars read as letters ("Pa", "Oo", ">" before a header's name), while real words read at 85+.
 */
export const MIN_WORD_CONFIDENCE = 55;

/**
 * A line's first words that are this short (1-2 characters, not a number) are left out when tesseract doubts them
 * below LEAD_MARK_CONFIDENCE: on a chat screenshot they are the back arrow and the avatar before a header's name,
 * read as "2.", "Ch" or "(3" at 60-70 where the name's words read at 90. They survive MIN_WORD_CONFIDENCE in the
 * JPEGs platforms deliver (`npm run eval:ocr`, variants tg-q80 and tg-q60).
 */
export const LEAD_MARK_CONFIDENCE = 75;

/** Joins tesseract's TSV words back into lines (paragraphs split by a blank line); the confidence is the mean over every word. */
export function parseTesseractTsv(tsv: string): ReadText {
  const lines: string[] = [];
  let key = '';
  let para = '';
  let line: string[] = [];
  let lineStart = true;
  let confSum = 0;
  let words = 0;
  const flush = () => {
    if (line.length) lines.push(line.join(' '));
    line = [];
    lineStart = true;
  };
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c.length < 12 || c[0] !== '5') continue;
    const word = c.slice(11).join('\t').trim();
    const conf = Number(c[10]);
    if (!word || !(conf >= 0)) continue;
    const p = `${c[1]}.${c[2]}.${c[3]}`;
    const k = `${p}.${c[4]}`;
    if (k !== key) {
      flush();
      if (para && p !== para) lines.push('');
      key = k;
      para = p;
    }
    confSum += conf;
    words++;
    if (lineStart && conf < LEAD_MARK_CONFIDENCE && word.length <= 2 && !/^\d+$/.test(word)) continue;
    lineStart = false;
    if (conf >= MIN_WORD_CONFIDENCE) line.push(word);
  }
  flush();
  return { text: lines.join('\n').replace(/\n{3,}/g, '\n\n').trim(), confidence: words ? Math.round((confSum / words) * 10) / 1000 : 0 };
}

/** The tesseract-backed TextReader. */
export class TesseractReader implements TextReader {
  readonly engine: string;
  private child: ChildProcess | undefined;

  constructor(private readonly o: TesseractOptions & { version?: string }) {
    this.engine = `tesseract ${o.version ?? ''} ${o.languages ?? OCR_LANGUAGES}`.replace(/\s+/g, ' ').trim();
  }

  async read(path: string): Promise<ReadText> {
    // A small picture is read enlarged (app/ocr/enlarge.ts), from a private temporary copy that is removed after.
    const prepared = await prepareImage(path);
    let tmp: string | undefined;
    let input = path;
    if ('png' in prepared) {
      tmp = mkdtempSync(join(tmpdir(), 'jn-ocr-'));
      input = join(tmp, 'enlarged.png');
      writeFileSync(input, prepared.png, { mode: 0o600 });
    }
    try {
      const { stdout } = await run([this.o.bin, input, 'stdout', '-l', this.o.languages ?? OCR_LANGUAGES, '--psm', '3', 'tsv'], {
        timeoutMs: this.o.timeoutMs ?? 30_000,
        memoryMb: this.o.memoryMb ?? 1024,
        onChild: (c) => (this.child = c),
      });
      return parseTesseractTsv(stdout);
    } finally {
      this.child = undefined;
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    }
  }

  cancel(): void {
    this.child?.kill('SIGKILL');
  }
}
