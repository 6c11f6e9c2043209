/**
 * The first sheet of an .xlsx, read off the main thread: a worker
 * (first-sheet.worker.mjs) checks the zip's directory before inflating
 * anything, streams the sheet with a row cap, and runs with a small heap and a
 * time limit, so a zip bomb is refused while the bot keeps alerting.
 */
import { Worker } from 'node:worker_threads';

/** What the worker may read; anything beyond is refused. */
export interface XlsxLimits {
  /** Parts listed in the zip's directory (a registry workbook has about a dozen). */
  maxEntries: number;
  /** Uncompressed bytes declared by all parts together. */
  maxTotalBytes: number;
  /** Uncompressed bytes of any one part we read (the sheet, the shared strings). */
  maxPartBytes: number;
  /** Non-empty rows of the first sheet. */
  maxRows: number;
  /** Columns of a row. */
  maxColumns: number;
  /** Heap of the worker, MB: a sheet that needs more is refused, never the bot's memory. */
  heapMb: number;
  /** Time the worker may take, ms. */
  timeoutMs: number;
}

/** Large enough for a province's registry (200,000 rows of a few columns), far below what would strain the bot. */
export const XLSX_LIMITS: XlsxLimits = {
  maxEntries: 1_000,
  maxTotalBytes: 200 * 1024 * 1024,
  maxPartBytes: 150 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 200,
  heapMb: 256,
  timeoutMs: 60_000,
};

/** Why a workbook was refused; `arg` is a count, a size in MB or an Excel error code. */
export type XlsxRefusal = {
  ok: false;
  code: 'notXlsx' | 'noSheet' | 'tooManyEntries' | 'tooBig' | 'sizeMismatch' | 'tooManyRows' | 'tooManyColumns' | 'tooHeavy' | 'tooSlow';
  arg?: number;
};

/** A cell that cannot be trusted (column index from 0). */
export type XlsxCellProblem = { line: number; col: number; code: 'lostDigits' | 'notANumber' | 'formulaWithoutValue' | 'excelError' | 'unsupportedCell'; arg?: unknown };

/** The rows of the first sheet that hold any value, with Excel's row numbers. */
export type XlsxSheet = { ok: true; rows: { line: number; cells: string[] }[]; problems: XlsxCellProblem[] };

const WORKER_URL = new URL('./first-sheet.worker.mjs', import.meta.url);

/** Reads the first sheet of `bytes` in a worker; never throws. */
export function readFirstSheet(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): Promise<XlsxSheet | XlsxRefusal> {
  const { heapMb, timeoutMs, ...lim } = limits;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: XlsxSheet | XlsxRefusal) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const worker = new Worker(WORKER_URL, {
      workerData: { bytes, limits: lim },
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
      // A worker inherits the parent's flags (e.g. tsx's loader); it needs none of them.
      execArgv: [],
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(() => finish({ ok: false, code: 'tooSlow', arg: Math.round(timeoutMs / 1000) }), timeoutMs);
    worker.on('message', (m: XlsxSheet | XlsxRefusal) => finish(m));
    // ERR_WORKER_OUT_OF_MEMORY when the sheet needs more than its heap; anything else is a workbook we cannot read.
    worker.on('error', (e: NodeJS.ErrnoException) => finish({ ok: false, code: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'tooHeavy' : 'notXlsx', arg: heapMb }));
    worker.on('exit', () => finish({ ok: false, code: 'notXlsx' }));
  });
}
