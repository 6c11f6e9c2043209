/**
 * The tamper-evident hash chain over `events` and `audit` rows, as pure functions
 * (the SQL side is store/chain.ts). Each table is its own chain, in id order. A row is in one of two
 * formats; both link the same way (each row's hash covers the previous row's hash as lower-case hex),
 * so a chain may hold rows of the first format followed by rows of the second.
 *
 * Format 1 (rows written before the compact format; TEXT columns payload_hash / detail_hash and row_hash):
 *   detail_hash = SHA-256 (hex) of the row's detail (events: the payload text; audit: {"args","result"} as JSON)
 *   canonical   = "<table>\n" + JSON of {column: value} over CHAIN_COLUMNS[table], in that order,
 *                 leaving out columns that are NULL, with the detail replaced by its hash
 *   row_hash    = SHA-256 (hex) of previous hash + "\n" + canonical   (the first row's previous is 64 zeros)
 *
 * Format 2, compact (rows written since; BLOB columns payload_digest / detail_digest and row_digest, 32 bytes each):
 *   detail_digest = SHA-256 (32 bytes) of the same detail as format 1
 *   canonical     = "<table>\n" + JSON array of the values of CHAIN_COLUMNS_V2[table], in that order, NULL as null,
 *                   the detail digest as lower-case hex, trailing nulls left out
 *   row_digest    = SHA-256 (32 bytes) of previous hash (lower-case hex) + "\n" + canonical
 * A format-2 canonical starts with "[", a format-1 one with "{", so no text can pass for the other format.
 *
 * Retention may blank a detail later (events' payload becomes "{}"): the detail hash stays, so the
 * row hash still checks. Columns added later are NULL in old rows and so leave their hashes unchanged
 * (format 1 leaves NULL columns out; format 2 leaves out trailing nulls, so a column is appended at the end).
 */
import { hash } from 'node:crypto';

/** The tables that carry a chain. */
export type ChainTable = 'events' | 'audit';

/** Why a row failed the chain check. */
export type ChainFault = 'unchained' | 'row_hash' | 'detail';

/** One chain checked, as far as it went. */
export interface ChainSummary {
  table: ChainTable;
  /** Rows checked (up to and including the first bad one). */
  rows: number;
  /** Rows whose detail retention had blanked (checked by their stored hash alone). */
  blanked: number;
  /** The last row's id and hash when every row matched. */
  head?: { id: number; hash: string };
}

/** The previous hash of the first row of each chain. */
export const CHAIN_GENESIS = '0'.repeat(64);

/** Columns that make a row's canonical content, in order (the detail hash stands for the detail). */
export const CHAIN_COLUMNS: Readonly<Record<ChainTable, readonly string[]>> = {
  events: ['id', 'platform', 'dedupe_key', 'kind', 'chat_id', 'message_id', 'payload_hash', 'status', 'reason', 'occurred_at', 'received_at'],
  audit: ['id', 'at', 'actor', 'platform', 'action', 'detail_hash', 'allowed'],
};

/** Format 2: the columns whose values make a row's canonical array, in order (the detail digest, as hex, stands for the detail). */
export const CHAIN_COLUMNS_V2: Readonly<Record<ChainTable, readonly string[]>> = {
  events: ['id', 'platform', 'dedupe_key', 'kind', 'chat_id', 'message_id', 'payload_digest', 'status', 'reason', 'occurred_at', 'received_at'],
  audit: ['id', 'at', 'actor', 'platform', 'action', 'detail_digest', 'allowed'],
};

/** Format 2: the BLOB column keeping each table's detail digest. */
export const CHAIN_DIGEST: Readonly<Record<ChainTable, string>> = { events: 'payload_digest', audit: 'detail_digest' };

/** The detail columns that retention may blank, and the column keeping their hash. */
export const CHAIN_DETAIL: Readonly<Record<ChainTable, { columns: readonly string[]; hash: string }>> = {
  events: { columns: ['payload'], hash: 'payload_hash' },
  audit: { columns: ['args', 'result'], hash: 'detail_hash' },
};

/** An event payload after retention blanked it (store/retention.ts RETAINED_PAYLOAD). */
const BLANK_PAYLOAD = '{}';

/** SHA-256 of a UTF-8 string, lower-case hex (the one-shot crypto.hash: a third of createHash's cost on short text). */
export const sha256Hex = (s: string): string => hash('sha256', s, 'hex');

type Row = Record<string, unknown>;

/** The hash of a row's detail (see the module comment). */
export function detailHash(table: ChainTable, row: Row): string {
  return detailHashOf(table, CHAIN_DETAIL[table].columns.map((c) => row[c]));
}

/** The hash of a row's detail given the values of CHAIN_DETAIL[table].columns, in order (both formats hash the same detail). */
export function detailHashOf(table: ChainTable, detail: readonly unknown[]): string {
  if (table === 'events') return sha256Hex(String(detail[0] ?? ''));
  const d: Row = {};
  CHAIN_DETAIL.audit.columns.forEach((c, i) => {
    if (detail[i] !== null && detail[i] !== undefined) d[c] = detail[i];
  });
  return sha256Hex(JSON.stringify(d));
}

/** True when retention (or audit retention) has blanked the row's detail: then only its stored hash is left to check. */
export function detailBlanked(table: ChainTable, row: Row): boolean {
  if (table === 'events') return row['payload'] === BLANK_PAYLOAD || row['payload'] === '';
  return CHAIN_DETAIL.audit.columns.every((c) => row[c] === null || row[c] === undefined || row[c] === '');
}

/** Each chained column's JSON key with its colon (`"id":`), made once. */
const JSON_KEYS: Readonly<Record<ChainTable, readonly string[]>> = {
  events: CHAIN_COLUMNS.events.map((c) => `${JSON.stringify(c)}:`),
  audit: CHAIN_COLUMNS.audit.map((c) => `${JSON.stringify(c)}:`),
};

/**
 * The canonical content of a row (its detail already replaced by the detail hash column): exactly the text
 * `JSON.stringify` gives for the object {column: value} over CHAIN_COLUMNS without its NULL columns, written
 * one value at a time (building that object and stringifying it was the largest part of hashing a row on the
 * monitor's path). tests/core/chain-canonical.test.ts holds it to the object form on any values.
 */
export function canonicalRow(table: ChainTable, row: Row): string {
  const cols = CHAIN_COLUMNS[table];
  const keys = JSON_KEYS[table];
  let body = '';
  for (let i = 0; i < cols.length; i++) {
    const v = row[cols[i]!];
    if (v === null || v === undefined) continue;
    const json = JSON.stringify(typeof v === 'bigint' ? Number(v) : v) as string | undefined;
    if (json === undefined) continue; // as JSON.stringify leaves out a key whose value it cannot write
    body += body === '' ? keys[i]! + json : `,${keys[i]!}${json}`;
  }
  return `${table}\n{${body}}`;
}

/** The row hash given the previous row's hash. */
export const rowHash = (table: ChainTable, prev: string, row: Row): string => sha256Hex(`${prev}\n${canonicalRow(table, row)}`);

/** A value as stored in a chained column (format 2 takes them as they are). */
export type ChainValue = string | number | null;

/**
 * Format 2: the canonical content of a row, given the values of CHAIN_COLUMNS_V2[table] in order (the detail
 * digest as lower-case hex): the table, a newline and the JSON array of the values without its trailing nulls.
 * One JSON.stringify of a short array: no object built, no keys written.
 */
export function canonicalValues(table: ChainTable, values: readonly ChainValue[]): string {
  let end = values.length;
  while (end > 0 && (values[end - 1] === null || values[end - 1] === undefined)) end--;
  return `${table}\n${JSON.stringify(end === values.length ? values : values.slice(0, end))}`;
}

/** Format 2: the row digest (as lower-case hex) given the previous row's hash (hex, of either format). */
export const rowDigestHex = (table: ChainTable, prev: string, values: readonly ChainValue[]): string => sha256Hex(`${prev}\n${canonicalValues(table, values)}`);
