/**
 * Paging for long command answers (`/kasus hal 2`, `/grup hal 2`). Long
 * answers are also split into several messages by the messengers; pages keep
 * each answer to a few messages an admin can read. `/kasus 2` stays case #2.
 */
import { pressureTexts } from '../../core/messages/pressure.js';

/** Entries per page of a list answer. */
export const PAGE_SIZE = 100;

/** `hal 2`, `halaman 2`, `page 2` -> 2; no paging words -> undefined; a bad number -> 'bad'. */
export function parsePage(args: readonly string[]): number | 'bad' | undefined {
  if (!/^(hal|halaman|page|p)$/i.test(args[0] ?? '')) return undefined;
  const m = /^(\d{1,6})$/.exec(args[1] ?? '');
  const n = m ? Number(m[1]) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : 'bad';
}

/** One page of `lines` under `header`, with a footer naming the command for the next page; an error text for a page that does not exist. */
export function pageText(o: { header: string; lines: string[]; page: number; command: string; lang: 'id' | 'en'; size?: number }): string {
  const size = o.size ?? PAGE_SIZE;
  return pagedText({ ...o, total: o.lines.length, read: () => o.lines.slice((o.page - 1) * size, o.page * size) });
}

/**
 * As pageText, for a list read a page at a time: `total` entries in all, and `read` builds only the lines of the
 * page asked for (`offset`, `limit`); it is not called for a page that does not exist.
 */
export function pagedText(o: { header: string; total: number; read: (offset: number, limit: number) => string[]; page: number; command: string; lang: 'id' | 'en'; size?: number }): string {
  const size = o.size ?? PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(o.total / size));
  const t = pressureTexts(o.lang);
  if (o.page > pages) return t.noSuchPage({ page: o.page, pages });
  const slice = o.read((o.page - 1) * size, size);
  if (pages === 1) return [o.header, ...slice].join('\n');
  const next = o.page < pages ? `${o.command} ${o.lang === 'en' ? 'page' : 'hal'} ${o.page + 1}` : undefined;
  return [o.header, ...slice, '', t.pageFooter({ page: o.page, pages, next })].join('\n');
}
