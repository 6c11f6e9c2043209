/** The OCR evaluation (src/bench/eval-ocr.ts): its measures, and one screen through the same reader and steps the bot uses. */
import { describe, expect, it } from 'vitest';
import { charAccuracy, editDistance, evaluateOcr, summarise, wordRecall } from '../../src/bench/eval-ocr.js';

describe('eval:ocr', () => {
  it('character accuracy and word recall', () => {
    expect(editDistance('Relawan', 'Relawan')).toBe(0);
    expect(editDistance('Oo Relawan', 'Relawan')).toBe(3);
    expect(charAccuracy('Relawan Maju', 'Relawan Maju Bersama')).toBeCloseTo(0.6);
    expect(charAccuracy('', 'abc')).toBe(0);
    expect(wordRecall('Brigade Milenial HD-CU Kabupate', 'Brigade Milenial HD-CU Kabupaten')).toBe(0.75);
  });

  it('one campaign screen and one office screen at 720 px: names read, verdicts as on the drawn text', { timeout: 60_000 }, async () => {
    const cases = await evaluateOcr({
      widths: [720],
      screens: [
        { style: 'whatsapp', groupName: 'Relawan Maju Bersama', members: 57, bubbles: [{ from: 'Rina', text: 'Ayo coblos nomor 2 di Pilgub Sumsel' }] },
        { style: 'telegram', groupName: 'Info Dinas Pendidikan OKU', members: 148, bubbles: [{ from: 'Kasubag Umum', text: 'Rapat koordinasi hari Senin' }] },
      ],
    });
    // "Relawan Maju Bersama" alone is a prefix with no candidate: not a campaign-group name, but the post is Pilkada content.
    expect(cases.map((c) => [c.read, c.pilkadaWant, c.pilkadaGot, c.campaignWant, c.campaignGot])).toEqual([
      ['Relawan Maju Bersama', true, true, false, false],
      ['Info Dinas Pendidikan OKU', false, false, false, false],
    ]);
    expect(summarise(cases)[0]).toMatch(/^all +n= 2 +name exact 100\.0% +char acc 100\.0% +word recall 100\.0% +Pilkada verdict match 100\.0%/);
  });

  it('a variant as phones deliver it: the 1080 px screenshot as a Telegram photo is read at 576x1280 JPEG, scored like the PNG', { timeout: 90_000 }, async () => {
    const cases = await evaluateOcr({
      widths: [1080],
      variants: ['png', 'tg-q60'],
      screens: [{ style: 'whatsapp', groupName: 'Relawan Maju Bersama', members: 57, bubbles: [{ from: 'Rina', text: 'Ayo coblos nomor 2 di Pilgub Sumsel' }] }],
    });
    expect(cases.map((c) => [c.variant, c.size, c.read, c.pilkadaGot])).toEqual([
      ['png', expect.stringMatching(/^1080x\d+$/), 'Relawan Maju Bersama', true],
      ['tg-q60', '576x1280', 'Relawan Maju Bersama', true],
    ]);
    const lines = summarise(cases);
    expect(lines.some((l) => /^tg-q60 +n= 1 +name exact 100\.0%/.test(l))).toBe(true);
    await expect(evaluateOcr({ widths: [360], variants: ['bmp'], screens: [{ style: 'telegram', groupName: 'X', members: 1, bubbles: [] }] })).rejects.toThrow(/unknown variant bmp/);
  });
});
