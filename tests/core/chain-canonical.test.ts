/**
 * Issue 20 (monitor performance): core/chain.ts canonicalRow writes a row's canonical text one value at a
 * time instead of building an object and stringifying it. Every row hash already stored, and every one the
 * README's recipe recomputes, rests on that text, so it must be the very same string as the object form
 * (`JSON.stringify` of {column: value} over CHAIN_COLUMNS, NULL columns left out) for any values SQLite can
 * hand back: text of any kind (quotes, controls, lone surrogates, emoji), integers up to 64 bits (BigInt),
 * floats, NULL, and keys absent from the row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { CHAIN_COLUMNS, CHAIN_COLUMNS_V2, canonicalRow, canonicalValues, rowDigestHex, rowHash, sha256Hex, type ChainTable, type ChainValue } from '../../src/core/chain.js';

/** The object form, as core/chain.ts wrote it before (and as the README describes it). */
function objectForm(table: ChainTable, row: Record<string, unknown>): string {
  const o: Record<string, unknown> = {};
  for (const c of CHAIN_COLUMNS[table]) {
    const v = row[c];
    if (v !== null && v !== undefined) o[c] = typeof v === 'bigint' ? Number(v) : v;
  }
  return `${table}\n${JSON.stringify(o)}`;
}

const value = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\u0000', '\u2028', '\ud800', '\udc00', 'é', '😀', 'a') }),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.double({ noNaN: false }),
);

describe('canonical row text (issue 20)', () => {
  for (const table of ['events', 'audit'] as const) {
    it(`${table}: the same text as the object form for any values`, () => {
      const row = fc.dictionary(fc.constantFrom(...CHAIN_COLUMNS[table], 'payload', 'row_hash', 'extra'), value);
      fc.assert(
        fc.property(row, (r) => {
          expect(canonicalRow(table, r)).toBe(objectForm(table, r));
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('a typical event row: same text, same row hash as the recipe', () => {
    const r = { id: 7, platform: 'telegram', dedupe_key: 'tg:1:55', kind: 'message', chat_id: '-1001', message_id: null, payload_hash: 'ab'.repeat(32), status: 'processed', reason: null, occurred_at: 1_700_000_000_000, received_at: 1_700_000_000_001 };
    const text = 'events\n{"id":7,"platform":"telegram","dedupe_key":"tg:1:55","kind":"message","chat_id":"-1001","payload_hash":"' + 'ab'.repeat(32) + '","status":"processed","occurred_at":1700000000000,"received_at":1700000000001}';
    expect(canonicalRow('events', r)).toBe(text);
    expect(rowHash('events', '0'.repeat(64), r)).toBe(sha256Hex(`${'0'.repeat(64)}\n${text}`));
  });

  // Format 2 (the compact format): the canonical text is the JSON array of the values, trailing nulls left out.
  // The README's hand check writes it with SQLite's json_array over the stored values; for any text SQLite can
  // store (well-formed UTF-16, as it is read back), any 64-bit-safe integer and NULL in the middle, both agree.
  it('format 2: the same text as SQLite\'s json_array of the stored values, for any values', () => {
    const db = new Database(':memory:');
    const cell = fc.oneof(
      fc.constant(null),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\t', '\u0001', '\u001f', '\u007f', '\u2028', 'é', '😀', 'a', '/') }),
      fc.maxSafeInteger(),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 11 }), (vals) => {
        const last = [...vals.slice(0, -1), 1]; // the last chained column is never NULL
        const sql = db.prepare(`SELECT json_array(${last.map(() => '?').join(', ')})`).pluck().get(...last.map((v) => (typeof v === 'number' ? BigInt(v) : v))) as string; // as an INTEGER column hands it over
        expect(canonicalValues('events', last as ChainValue[])).toBe(`events\n${sql}`);
      }),
      { numRuns: 2000 },
    );
    db.close();
  });

  it('format 2: trailing nulls are left out (a column appended later leaves old hashes as they were); a typical event row', () => {
    expect(canonicalValues('audit', [1, 2, 'tg:1', null, 'x', 'ab', 1, null, null])).toBe('audit\n[1,2,"tg:1",null,"x","ab",1]');
    const vals = [7, 'telegram', 'tg:1:55', 'message', '-1001', null, 'ab'.repeat(32), 'processed', null, 1_700_000_000_000, 1_700_000_000_001];
    expect(vals).toHaveLength(CHAIN_COLUMNS_V2.events.length);
    const text = `events\n[7,"telegram","tg:1:55","message","-1001",null,"${'ab'.repeat(32)}","processed",null,1700000000000,1700000000001]`;
    expect(canonicalValues('events', vals)).toBe(text);
    expect(rowDigestHex('events', 'cd'.repeat(32), vals)).toBe(sha256Hex(`${'cd'.repeat(32)}\n${text}`));
    // Never the text of a format-1 row: one starts with "[", the other with "{".
    expect(canonicalRow('events', { id: 7 }).split('\n')[1]![0]).toBe('{');
  });
});
