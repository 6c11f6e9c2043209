/**
 * File-system errors in words, per language: what Node reports as
 * "ENOENT: no such file or directory, open 'x'" reaches the office as
 * "berkas atau folder tidak ada: x". Unknown errors keep their message.
 */

const WORDS: Record<string, [string, string]> = {
  ENOENT: ['berkas atau folder tidak ada', 'no such file or folder'],
  EACCES: ['tidak ada izin', 'permission denied'],
  EPERM: ['tidak diizinkan', 'operation not permitted'],
  EISDIR: ['itu sebuah folder, bukan berkas', 'is a folder, not a file'],
  ENOTDIR: ['bagian dari jalur itu bukan folder', 'a part of the path is not a folder'],
  ENOSPC: ['disk penuh', 'no space left on the disk'],
  EROFS: ['sistem berkas hanya-baca', 'read-only file system'],
  EEXIST: ['sudah ada', 'already exists'],
};

/** The error in the reader's language when it is a file-system error, else its own message. */
export function fsErrorText(err: unknown, lang: 'id' | 'en'): string {
  const e = err as { code?: string; path?: string; message?: string } | undefined;
  const w = e?.code ? WORDS[e.code] : undefined;
  if (!w) return e?.message ?? String(err);
  return `${lang === 'id' ? w[0] : w[1]}${e?.path ? `: ${e.path}` : ''}`;
}
