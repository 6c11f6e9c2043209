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
import { CHAIN_COLUMNS, canonicalRow, rowHash, sha256Hex, type ChainTable } from '../../src/core/chain.js';

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
});
