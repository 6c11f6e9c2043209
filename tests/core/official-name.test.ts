import { describe, expect, it } from 'vitest';
import { looksOfficial } from '../../src/core/official-name.js';

describe('looksOfficial: a display name posing as an office', () => {
  it('office words, in lookalike, styled or leet letters, and "Jaga Netral"', () => {
    for (const n of ['Humas Pemkab OKU', 'Нumаs Pemda', '𝐇𝐮𝐦𝐚𝐬', 'HUM4S', 'Bawaslu Kab. OKU', 'Panwascam Baturaja', 'BKN', 'KPU OKU', 'Admin Jaga Netral', 'jaganetral_bot', 'Diskominfo']) {
      expect(looksOfficial(n), n).toBe(true);
    }
  });
  it('ordinary names, including ones that merely contain such letters', () => {
    for (const n of ['Korlap Joko', 'Bu Kasni', 'Sekdaniel', 'Pak Humaidi', 'Relawan Paslon 2', 'Jaga Warung']) {
      expect(looksOfficial(n), n).toBe(false);
    }
  });
});
