import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/core/detect.js';
import { cleanEventLabels, cleanLabel, cleanOptionalLabel, LABEL_MAX } from '../../src/core/text/label.js';

describe('cleanLabel', () => {
  it('keeps ordinary names and titles as they are, emoji sequences included', () => {
    for (const s of ['Relawan Paslon 2 Pilgub Sumsel', 'Budi Santoso', 'Grup Keluarga 👨‍👩‍👧 Bahagia', 'Dedé 🇮🇩', "Ma'ruf"]) expect(cleanLabel(s)).toBe(s);
  });

  it('turns line breaks and control characters into spaces, so a name cannot fake a line of an alert', () => {
    expect(cleanLabel('Joko\n\n✅ Kasus #1 ditutup\r\nASN sudah keluar')).toBe('Joko ✅ Kasus #1 ditutup ASN sudah keluar');
    expect(cleanLabel('a\u0000b\u0007c\u2028d\u0085e\tf')).toBe('a b c d e f');
  });

  it('drops bidi controls and zero-width characters', () => {
    expect(cleanLabel('Arisan \u202Eadakliip\u202C RT\u200B05\uFEFF')).toBe('Arisan adakliip RT05');
    expect(cleanLabel('\u2066Humas\u2069 \u200FPemkab')).toBe('Humas Pemkab');
  });

  it('cuts a long label with an ellipsis, counting characters, not UTF-16 units', () => {
    const long = '🔥'.repeat(500);
    const cut = cleanLabel(long);
    expect([...cut]).toHaveLength(LABEL_MAX);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.includes('\uFFFD')).toBe(false);
  });

  it('a label with nothing visible is no label', () => {
    expect(cleanOptionalLabel('\u202E\u200B \n')).toBeUndefined();
    expect(cleanOptionalLabel(undefined)).toBeUndefined();
  });

  it('cleans every title and display name of an event, nothing else', () => {
    const ev = cleanEventLabels({
      kind: 'member_added', dedupeKey: 'k', at: 1,
      chat: { platform: 'telegram', id: '-100', title: 'Tim\nPemenangan' },
      members: [{ platform: 'telegram', id: '5', name: '\u202EBudi' }, { platform: 'telegram', id: '6' }],
      actor: { platform: 'telegram', id: '7', username: 'joko_timses', name: 'Joko\u2028Humas' },
    });
    expect(ev).toEqual({
      kind: 'member_added', dedupeKey: 'k', at: 1,
      chat: { platform: 'telegram', id: '-100', title: 'Tim Pemenangan' },
      members: [{ platform: 'telegram', id: '5', name: 'Budi' }, { platform: 'telegram', id: '6' }],
      actor: { platform: 'telegram', id: '7', username: 'joko_timses', name: 'Joko Humas' },
    });
  });

  it('post excerpts are one plain line too, cut between words, never inside an emoji', () => {
    expect(excerpt('Ayo\n\u202Ecoblos nomor 2')).toBe('Ayo coblos nomor 2');
    const cut = excerpt(`${'kata '.repeat(10)}${'🔥'.repeat(50)}`, 20);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.includes('\uFFFD')).toBe(false);
    expect([...cut].length).toBeLessThanOrEqual(20);
    expect(excerpt('🔥'.repeat(30), 10)).toBe(`${'🔥'.repeat(9)}…`);
  });
});
