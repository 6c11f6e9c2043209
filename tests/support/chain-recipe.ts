/**
 * The README's hand check of the hash chain ("Evidence: the hash chain and the dossier"), for tests: the recipe
 * for both row formats written out in JavaScript apart from src/core/chain.ts, as a third party would, and the
 * README's own `check_row` shell function (bash, sqlite3, sha256sum) taken from the README as printed and run.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ROOT } from './spawn.js';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The README's recipe for both formats, written out independently of src/core/chain.ts, as a third party would. */
export function recompute(db: Database.Database, table: 'events' | 'audit'): string[] {
  const cols1 = table === 'events'
    ? ['id', 'platform', 'dedupe_key', 'kind', 'chat_id', 'message_id', 'payload_hash', 'status', 'reason', 'occurred_at', 'received_at']
    : ['id', 'at', 'actor', 'platform', 'action', 'detail_hash', 'allowed'];
  const cols2 = cols1.map((c) => (c === 'payload_hash' ? 'payload_digest' : c === 'detail_hash' ? 'detail_digest' : c));
  let prev = '0'.repeat(64);
  const out: string[] = [];
  const compact = db.prepare(`SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = 'row_digest'`).pluck().get(table) === 1;
  const digest = table === 'events' ? 'payload_digest' : 'detail_digest';
  const hexed = compact ? `, lower(hex(${digest})) AS ${digest}, lower(hex(row_digest)) AS row_digest` : ''; // a backup made before the compact format has no such columns
  for (const r of db.prepare(`SELECT *${hexed} FROM ${table} ORDER BY id`).all() as Record<string, unknown>[]) {
    if (r['row_hash'] !== null) {
      const o: Record<string, unknown> = {};
      for (const c of cols1) if (r[c] !== null) o[c] = r[c];
      prev = sha(`${prev}\n${table}\n${JSON.stringify(o)}`);
    } else {
      const a = cols2.map((c) => r[c]);
      while (a.length && a[a.length - 1] === null) a.pop();
      prev = sha(`${prev}\n${table}\n${JSON.stringify(a)}`);
    }
    out.push(prev);
  }
  return out;
}

/** The README's `check_row` shell function, taken from the README as printed. */
const CHECK_ROW = /```\n(check_row\(\) \{[\s\S]*?\n\})\n```/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))![1]!;

/** Runs the README's `check_row` (bash, sqlite3, sha256sum) on every row of a table: [recomputed, stored] per row. */
export function handCheck(path: string, table: 'events' | 'audit'): [string, string][] {
  const ids = new Database(path, { readonly: true });
  const list = ids.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as number[];
  ids.close();
  const script = `${CHECK_ROW}\nfor n in ${list.join(' ')}; do check_row "$1" ${table} $n; done`;
  const out = execFileSync('bash', ['-c', script, 'check', path], { encoding: 'utf8' }).trim().split('\n');
  return list.map((_, i) => [out[2 * i]!, out[2 * i + 1]!]);
}

