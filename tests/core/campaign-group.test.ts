import { describe, expect, it } from 'vitest';
import { loadPaslonFile, loadVocabulary } from '../../src/app/vocabulary.js';
import { scoreCampaignGroup } from '../../src/core/campaign-group.js';
import { createClassifier } from '../../src/core/classifier.js';

const vocabulary = loadVocabulary('data/vocabulary.json');
const jatim = createClassifier({ vocabulary, paslon: loadPaslonFile('data/paslon.jatim2024.json') });
const sumsel = createClassifier({ vocabulary, paslon: loadPaslonFile('data/paslon.sumsel2024.json') });

describe('scoreCampaignGroup', () => {
  it.each([
    [jatim, 'Relawan Khofifah-Emil'],
    [jatim, 'Tim Pemenangan Paslon 2'],
    [jatim, 'Sahabat Risma Jatim'],
    [sumsel, 'Relawan Paslon 2 Pilgub Sumsel'],
    [sumsel, 'Laskar HDCU Palembang'],
    [jatim, 'Emak-Emak Pendukung Cagub Jatim'],
  ])('%#: "%s" is a campaign group', (c, title) => {
    expect(scoreCampaignGroup(c, title).campaign).toBe(true);
  });

  it.each(['Arisan RT 05', 'Dinas Pendidikan OKU', 'Relawan Bencana Banjir', 'Alumni SMA 1 Baturaja', 'Info Pilkada Damai'])(
    '"%s" is not a campaign group',
    (title) => {
      expect(scoreCampaignGroup(sumsel, title).campaign).toBe(false);
    },
  );

  it('explains itself in Indonesian', () => {
    expect(scoreCampaignGroup(jatim, 'Relawan Khofifah-Emil').reason).toBe(
      'Nama grup memuat "relawan" + nama paslon "Khofifah-Emil"',
    );
    expect(scoreCampaignGroup(sumsel, 'Relawan Paslon 2 Pilgub Sumsel').reason).toBe(
      'Nama grup memuat "relawan" + nomor paslon "paslon 2"',
    );
    expect(scoreCampaignGroup(jatim, 'Relawan Bencana Banjir').reason).toBe(
      'Nama grup memuat "relawan" tanpa nama paslon atau istilah Pilkada',
    );
  });

  it('reads the description when the title hides the purpose', () => {
    const r = scoreCampaignGroup(jatim, 'Keluarga Besar Jatim', 'Wadah relawan pemenangan Khofifah-Emil');
    expect(r.campaign).toBe(true);
    expect(r.reason).toMatch(/^Deskripsi grup memuat/);
    expect(scoreCampaignGroup(jatim, 'Keluarga Besar Jatim', 'Silaturahmi keluarga').campaign).toBe(false);
  });

  it('words the reason in English when asked (Indonesian by default)', () => {
    expect(scoreCampaignGroup(jatim, 'Relawan Khofifah-Emil', undefined, 'en').reason).toBe('Group name contains "relawan" + candidate name "Khofifah-Emil"');
    expect(scoreCampaignGroup(jatim, 'Relawan Bencana Banjir', undefined, 'en').reason).toBe(
      'Group name contains "relawan" without a candidate name or Pilkada term',
    );
    expect(scoreCampaignGroup(jatim, 'Keluarga Besar Jatim', 'Wadah relawan pemenangan Khofifah-Emil', 'en').reason).toMatch(/^Group description contains/);
    expect(scoreCampaignGroup(jatim, 'Arisan RT 05', undefined, 'en').reason).toBe('Group name has no sign of a campaign group');
    expect(scoreCampaignGroup(jatim, 'Arisan RT 05').reason).toBe('Nama grup tidak memuat tanda grup kampanye');
  });

  it('ranks a clear campaign group above a prefix-only group', () => {
    const clear = scoreCampaignGroup(jatim, 'Relawan Khofifah-Emil').score;
    const vague = scoreCampaignGroup(jatim, 'Relawan Bencana Banjir').score;
    expect(clear).toBeGreaterThan(vague);
  });

  describe('acronyms, spelling variants and official titles (issue 10)', () => {
    const hd = createClassifier({ vocabulary, paslon: loadPaslonFile('tests/fixtures/classifier/sumsel2024.paslon.json') });

    it.each(['Sahabat HD OKU', 'SAHABAT HD OKU', 'sahabat hd oku', 'Relawan Edi Santana Muara Enim', 'Barisan Pendukung Herman Dheru', 'Relawan Pemenangan HD Sumsel'])(
      '"%s" is a campaign group',
      (title) => {
        expect(scoreCampaignGroup(hd, title).campaign).toBe(true);
      },
    );

    it.each(['Grup Servis CCTV HD', 'GRUP SERVIS CCTV HD', 'Kawan Video HD', 'Info Kegiatan Gubernur Herman Deru', 'Arisan Keluarga Pak Herman'])(
      '"%s" is not a campaign group',
      (title) => {
        expect(scoreCampaignGroup(hd, title).campaign).toBe(false);
      },
    );

    it('says which prefix and name it saw', () => {
      expect(scoreCampaignGroup(hd, 'SAHABAT HD OKU').reason).toBe('Nama grup memuat "sahabat HD"');
      expect(scoreCampaignGroup(hd, 'Grup Servis CCTV HD').reason).toBe('Nama grup memuat nama paslon "HD" tanpa tanda grup kampanye');
    });

    it('reads descriptions the same way', () => {
      expect(scoreCampaignGroup(hd, 'Keluarga Besar OKU', 'Wadah relawan pemenangan HDCU').campaign).toBe(true);
      expect(scoreCampaignGroup(hd, 'Humas Pemprov', 'Info kegiatan Gubernur Herman Deru').campaign).toBe(false);
    });
  });
});
