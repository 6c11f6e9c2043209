/**
 * Issue 20 (monitor performance): core/text/label.ts returns a label that needs no cleaning as it is, after
 * one regex test, and cleanEventLabels keeps the parts of an event that are already clean. Both must give
 * exactly what the full rewrite gives (the reference below is the code as it was), for any text: controls,
 * breaks, bidi and zero-width characters, the emoji joiners, every kind of whitespace, long labels.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanEventLabels, cleanLabel, LABEL_MAX } from '../../src/core/text/label.js';
import type { ChatEvent, Person } from '../../src/core/types.js';

/** The full rewrite, as label.ts did it for every label before. */
function reference(label: string, max = LABEL_MAX): string {
  const line = label.replace(/[\p{Cc}\u2028\u2029\u0085]+/gu, ' ').replace(/(?![\u200C\u200D])\p{Cf}/gu, '').replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line;
}
const refOptional = (s: string | undefined) => (s === undefined ? undefined : reference(s) || undefined);

/** Characters that matter to the cleaning, mixed with ordinary ones. */
const tricky = fc.constantFrom(
  'a', 'Z', ' ', '  ', '\t', '\n', '\r', '\u000b', '\u00a0', '\u1680', '\u2003', '\u202f', '\u3000', '\ufeff', '\u0085', '\u2028', '\u2029',
  '\u0000', '\u007f', '\u200b', '\u200c', '\u200d', '\u200e', '\u202e', '\u2066', '\u00ad', '😀', '👨‍👩‍👧', '🇮🇩', 'é', '\ud800', '\udc00',
);
const label = fc.oneof(fc.string({ unit: tricky, maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: tricky, minLength: 120, maxLength: 200 }));

describe('label cleaning fast path (issue 20)', () => {
  it('cleanLabel gives what the full rewrite gives, for any text and length limit', () => {
    fc.assert(fc.property(label, fc.integer({ min: 1, max: 200 }), (s, max) => {
      expect(cleanLabel(s, max)).toBe(reference(s, max));
      expect(cleanLabel(s)).toBe(reference(s));
    }), { numRuns: 5000 });
  });

  it('a clean label comes back as the very same string', () => {
    for (const s of ['Relawan Paslon 2 Pilgub Sumsel', 'Grup Keluarga 👨‍👩‍👧 Bahagia', 'Budi']) expect(cleanLabel(s)).toBe(s);
  });

  it('cleanEventLabels equals the full rewrite of every title and name, and returns a clean event itself', () => {
    const person = fc.record({ platform: fc.constant('telegram' as const), id: fc.string({ maxLength: 5 }), name: fc.option(label, { nil: undefined }) }, { requiredKeys: ['platform', 'id'] });
    const chat = fc.record({ platform: fc.constant('telegram' as const), id: fc.constant('-1001'), title: fc.option(label, { nil: undefined }) }, { requiredKeys: ['platform', 'id'] });
    const event = fc.oneof(
      fc.record({ kind: fc.constant('message' as const), dedupeKey: fc.constant('k'), at: fc.constant(1), chat, messageId: fc.constant('1'), sender: person, text: label, mentions: fc.array(person, { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('member_added' as const), dedupeKey: fc.constant('k'), at: fc.constant(1), chat, members: fc.array(person, { maxLength: 3 }), actor: fc.option(person, { nil: undefined }) }),
      fc.record({ kind: fc.constant('members_present' as const), dedupeKey: fc.constant('k'), at: fc.constant(1), chat, members: fc.array(person, { maxLength: 3 }) }),
    ) as fc.Arbitrary<ChatEvent>;
    const cleanP = (p: Person | undefined): Person | undefined => {
      if (!p || p.name === undefined) return p;
      const { name, ...rest } = p;
      const n = refOptional(name);
      return n === undefined ? rest : { ...rest, name: n };
    };
    fc.assert(fc.property(event, (ev) => {
      const before = JSON.stringify(ev);
      const out = cleanEventLabels(ev);
      const t = refOptional(ev.chat.title);
      const { title: _t, ...chatRest } = ev.chat;
      const expected: Record<string, unknown> = { ...ev, chat: t === undefined ? chatRest : { ...chatRest, title: t } };
      if ('members' in ev) expected['members'] = ev.members.map(cleanP);
      if ('mentions' in ev) expected['mentions'] = ev.mentions.map(cleanP);
      if ('sender' in ev) expected['sender'] = cleanP(ev.sender);
      if ('actor' in ev && ev.actor !== undefined) expected['actor'] = cleanP(ev.actor);
      expect(out).toEqual(expected);
      expect(JSON.stringify(out)).toBe(JSON.stringify(expected));
      // The event as it came (kept in the events row) is never changed, and a clean one is returned as it is.
      expect(JSON.stringify(ev)).toBe(before);
      if (JSON.stringify(out) === before) expect(out).toBe(ev);
    }), { numRuns: 3000 });
  });
});
