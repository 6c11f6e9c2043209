import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MESSAGE_LIMIT, splitMessage } from '../../src/core/text/split.js';

describe('splitMessage', () => {
  it('leaves a short text alone and drops a blank one', () => {
    expect(splitMessage('halo\ndunia')).toEqual(['halo\ndunia']);
    expect(splitMessage('x'.repeat(MESSAGE_LIMIT))).toHaveLength(1);
    expect(splitMessage('  \n ')).toEqual([]);
  });

  it('cuts on line boundaries: no list entry is broken', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `#${i} Nama Pegawai ${i}, Dinas ${i % 7}`);
    const parts = splitMessage(lines.join('\n'), 1000);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((p) => p.split('\n'))).toEqual(lines);
  });

  it('cuts an overlong line at a space, and never inside an emoji', () => {
    expect(splitMessage(`${'a'.repeat(6)} ${'b'.repeat(6)}`, 10)).toEqual(['aaaaaa', 'bbbbbb']);
    const emoji = '😀'.repeat(10); // 20 UTF-16 units
    const parts = splitMessage(emoji, 7);
    expect(parts.join('')).toBe(emoji);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(7);
    for (const p of parts) expect(p).toBe([...p].join('')); // no lone surrogate
    expect(parts.every((p) => !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
  });

  it('every part is within the limit and not blank; the non-blank content comes back in order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.constant(''), fc.string({ minLength: 50, maxLength: 120 })), { maxLength: 60 }), fc.integer({ min: 8, max: 200 }), (lines, limit) => {
        const text = lines.join('\n');
        const parts = splitMessage(text, limit);
        for (const p of parts) {
          expect(p.length).toBeLessThanOrEqual(limit);
          expect(p.trim()).not.toBe('');
        }
        const squash = (s: string) => s.replace(/\s+/g, '');
        expect(squash(parts.join(''))).toBe(squash(text));
      }),
    );
  });
});
