// Reads the first sheet of an .xlsx in a worker thread (app/xlsx/first-sheet.ts starts it), so a
// large or hostile workbook never holds the bot's event loop. Plain JavaScript on purpose: a
// worker gets no TypeScript loader, whether the bot runs under tsx, vitest or a plain node.
//
// Defences against zip bombs, in order:
// 1. the zip's central directory is read first (yauzl) and the file refused when it lists too
//    many entries or declares too many uncompressed bytes, in all or in one part we read;
// 2. each part is inflated as a stream, and yauzl stops a part that inflates beyond the size
//    its directory entry declared (validateEntrySizes), so a lying directory gains nothing;
// 3. the sheet is parsed as a stream (saxes) and stops at a row cap;
// 4. the caller gives the worker a small heap and a time limit, and ends it past either.
//
// Answers with one message: { ok: true, rows, problems } or { ok: false, code, arg }.
// rows: [{ line, cells: string[] }] (rows with at least one value; line = Excel's row number);
// problems: [{ line, col, code, arg }] (cells that cannot be trusted; texts are chosen by the caller).
import { parentPort, workerData } from 'node:worker_threads';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';

/** @typedef {{ maxEntries: number, maxTotalBytes: number, maxPartBytes: number, maxRows: number, maxColumns: number }} Limits */

class Refusal extends Error {
  /** @param {string} code @param {unknown} [arg] */
  constructor(code, arg) {
    super(code);
    this.code = code;
    this.arg = arg;
  }
}

/** @param {Buffer} bytes @returns {Promise<import('yauzl').ZipFile>} */
const openZip = (bytes) =>
  new Promise((res, rej) => yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (e, z) => (e ? rej(e) : res(z))));

/** The central directory, checked before anything is inflated. @param {import('yauzl').ZipFile} zip @param {Limits} lim */
async function directory(zip, lim) {
  /** @type {Map<string, import('yauzl').Entry>} */
  const entries = new Map();
  if (zip.entryCount > lim.maxEntries) throw new Refusal('tooManyEntries', zip.entryCount);
  let total = 0;
  for await (const e of zip.eachEntry()) {
    total += e.uncompressedSize;
    if (total > lim.maxTotalBytes) throw new Refusal('tooBig', Math.ceil(lim.maxTotalBytes / 1048576));
    entries.set(e.fileName.replace(/^\/+/, ''), e);
  }
  return entries;
}

/**
 * Streams one part through a SAX parser; `wire` adds the handlers and may call `stop()` to read no further.
 * @param {import('yauzl').ZipFile} zip @param {import('yauzl').Entry} entry @param {Limits} lim
 * @param {(p: SaxesParser, stop: () => void) => void} wire
 */
async function parsePart(zip, entry, lim, wire) {
  if (entry.uncompressedSize > lim.maxPartBytes) throw new Refusal('tooBig', Math.ceil(lim.maxPartBytes / 1048576));
  const stream = await zip.openReadStreamPromise(entry);
  const p = new SaxesParser();
  let stopped = false;
  p.on('error', (e) => {
    throw e;
  });
  wire(p, () => {
    stopped = true;
  });
  // Chunks may split a UTF-8 character: decode with a streaming decoder.
  const utf8 = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream) {
      p.write(utf8.decode(chunk, { stream: true }));
      if (stopped) break;
    }
    if (!stopped) p.close();
  } finally {
    stream.destroy();
  }
}

/** A whole (small) part as text. @param {import('yauzl').ZipFile} zip @param {import('yauzl').Entry} entry @param {Limits} lim */
async function readSmallPart(zip, entry, lim) {
  if (entry.uncompressedSize > Math.min(lim.maxPartBytes, 8 * 1048576)) throw new Refusal('tooBig', 8);
  const stream = await zip.openReadStreamPromise(entry);
  const parts = [];
  for await (const c of stream) parts.push(c);
  return Buffer.concat(parts).toString('utf8');
}

/** The attributes of every element named `tag` (any namespace prefix), in a small XML part. */
function attrsOf(xml, tag) {
  const out = [];
  const re = new RegExp(`<(?:\\w+:)?${tag}\\b([^>]*)>`, 'g');
  for (const m of xml.matchAll(re)) {
    const a = {};
    for (const x of m[1].matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) a[x[1]] = x[2];
    out.push(a);
  }
  return out;
}

/** An element's name without its namespace prefix (saxes without xmlns gives the qualified name). */
const local = (n) => n.name.slice(n.name.indexOf(':') + 1);

/** `xl/worksheets/sheet1.xml` from a relationship target (relative to xl/, or absolute). */
const partPath = (target) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/');

/** 0 for A, 25 for Z, 26 for AA. */
function columnIndex(ref) {
  const m = /^([A-Z]+)/.exec(ref ?? '');
  if (!m) return -1;
  let n = 0;
  for (const ch of m[1]) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A number cell as the digits a CSV export would hold, or why it cannot be trusted. */
function numberText(raw) {
  const v = Number(raw);
  if (!Number.isFinite(v)) return { code: 'notANumber' };
  if (Number.isInteger(v) && Math.abs(v) >= 1e15) return { code: 'lostDigits', arg: v };
  return Number.isInteger(v) ? v.toFixed(0) : String(v);
}

/** @param {Buffer} bytes @param {Limits} lim */
async function readFirstSheet(bytes, lim) {
  let zip;
  try {
    zip = await openZip(bytes);
  } catch {
    throw new Refusal('notXlsx');
  }
  const entries = await directory(zip, lim);
  const wbEntry = entries.get('xl/workbook.xml');
  const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
  if (!wbEntry || !relsEntry) throw new Refusal('notXlsx');
  const sheets = attrsOf(await readSmallPart(zip, wbEntry, lim), 'sheet');
  if (!sheets.length) throw new Refusal('noSheet');
  const rels = attrsOf(await readSmallPart(zip, relsEntry, lim), 'Relationship');
  const rid = sheets[0]['r:id'] ?? Object.entries(sheets[0]).find(([k]) => k.endsWith(':id'))?.[1];
  const sheetRel = rels.find((r) => r.Id === rid);
  const sheetEntry = sheetRel ? entries.get(partPath(sheetRel.Target)) : undefined;
  if (!sheetEntry) throw new Refusal('noSheet');
  const ssRel = rels.find((r) => /\/sharedStrings$/.test(r.Type ?? ''));
  const ssEntry = ssRel ? entries.get(partPath(ssRel.Target)) : undefined;

  // Shared strings: every <si> is one string (plain <t>, or rich-text runs <r><t>; phonetic <rPh> is not text).
  /** @type {string[]} */
  const shared = [];
  if (ssEntry) {
    await parsePart(zip, ssEntry, lim, (p) => {
      let cur = null;
      let inT = false;
      let inPh = 0;
      p.on('opentag', (n) => {
        if (local(n) === 'si') cur = '';
        else if (local(n) === 'rPh') inPh++;
        else if (local(n) === 't' && !inPh) inT = true;
      });
      p.on('closetag', (n) => {
        if (local(n) === 'si') {
          shared.push(cur ?? '');
          cur = null;
        } else if (local(n) === 'rPh') inPh--;
        else if (local(n) === 't') inT = false;
      });
      const text = (s) => {
        if (inT && cur !== null) cur += s;
      };
      p.on('text', text);
      p.on('cdata', text);
    });
  }

  /** @type {{ line: number, cells: string[] }[]} */
  const rows = [];
  /** @type {{ line: number, col: number, code: string, arg?: unknown }[]} */
  const problems = [];
  let tooMany = false;
  await parsePart(zip, sheetEntry, lim, (p, stop) => {
    let line = 0;
    /** @type {string[] | null} */
    let cells = null;
    let any = false;
    let col = -1;
    let type = 'n';
    let hasFormula = false;
    let value = null;
    let inline = null;
    let where = '';
    let inPh = 0;
    p.on('opentag', (n) => {
      switch (local(n)) {
        case 'row': {
          const r = Number(n.attributes.r);
          line = Number.isInteger(r) && r > 0 ? r : line + 1;
          cells = [];
          any = false;
          col = -1;
          break;
        }
        case 'c': {
          const c = columnIndex(n.attributes.r);
          col = c >= 0 ? c : col + 1;
          if (col >= lim.maxColumns) throw new Refusal('tooManyColumns', lim.maxColumns);
          type = n.attributes.t ?? 'n';
          hasFormula = false;
          value = null;
          inline = null;
          break;
        }
        case 'f':
          hasFormula = true;
          break;
        case 'v':
          where = 'v';
          value = '';
          break;
        case 'is':
          inline = '';
          break;
        case 'rPh':
          inPh++;
          break;
        case 't':
          if (inline !== null && !inPh) where = 't';
          break;
      }
    });
    const text = (s) => {
      if (where === 'v') value += s;
      else if (where === 't') inline += s;
    };
    p.on('text', text);
    p.on('cdata', text);
    p.on('closetag', (n) => {
      switch (local(n)) {
        case 'v':
        case 't':
          where = '';
          break;
        case 'rPh':
          inPh--;
          break;
        case 'c': {
          if (!cells) break;
          const v = cellValue(type, value, inline, hasFormula, shared);
          if (v === '') break;
          while (cells.length < col) cells.push('');
          if (typeof v === 'string') cells[col] = v;
          else {
            cells[col] = '';
            problems.push({ line, col, code: v.code, arg: v.arg });
          }
          any = true;
          break;
        }
        case 'row':
          if (cells && any) {
            if (rows.length >= lim.maxRows) {
              tooMany = true;
              stop();
              break;
            }
            rows.push({ line, cells });
          }
          cells = null;
          break;
      }
    });
  });
  zip.close();
  if (tooMany) throw new Refusal('tooManyRows', lim.maxRows);
  return { rows, problems };
}

/** One cell's text, '' for none, or a problem. */
function cellValue(type, value, inline, hasFormula, shared) {
  switch (type) {
    case 's': {
      if (value === null) return '';
      const s = shared[Number(value)];
      return s === undefined ? { code: 'unsupportedCell' } : s;
    }
    case 'inlineStr':
      return inline ?? '';
    case 'str':
      return value ?? (hasFormula ? { code: 'formulaWithoutValue' } : '');
    case 'b':
      return value === null ? (hasFormula ? { code: 'formulaWithoutValue' } : '') : value.trim() === '1' ? 'true' : 'false';
    case 'e':
      return { code: 'excelError', arg: value ?? '' };
    case 'n':
    case 'd':
      if (value === null || value.trim() === '') return hasFormula ? { code: 'formulaWithoutValue' } : '';
      return type === 'd' ? value.slice(0, 10) : numberText(value.trim());
    default:
      return { code: 'unsupportedCell' };
  }
}

try {
  const { bytes, limits } = workerData;
  const r = await readFirstSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), limits);
  parentPort.postMessage({ ok: true, ...r });
} catch (e) {
  if (e instanceof Refusal) parentPort.postMessage({ ok: false, code: e.code, arg: e.arg });
  // yauzl stops a part that inflates beyond the size its directory entry declared: a lying directory.
  else if (/too many bytes in the stream/i.test(String(e?.message))) parentPort.postMessage({ ok: false, code: 'sizeMismatch' });
  else parentPort.postMessage({ ok: false, code: 'notXlsx' });
}
