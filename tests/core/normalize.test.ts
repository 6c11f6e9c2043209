import { describe, expect, it } from 'vitest';
import { foldName, normalizeText, tokenize } from '../../src/core/text/normalize.js';

describe('tokenize', () => {
  it('lowercases and turns punctuation and emoji into token boundaries', () => {
    expect(tokenize('Ayo, COBLOS!!! 🔥🔥 sekarang...')).toEqual(['ayo', 'coblos', 'sekarang']);
  });

  it('folds diacritics and compatibility forms', () => {
    expect(normalizeText('Pémilú ｐｉｌｋａｄａ 𝐜𝐨𝐛𝐥𝐨𝐬')).toBe('pemilu pilkada coblos');
  });

  it('reads Cyrillic or Greek lookalikes used to dodge filters as the Latin letters they imitate', () => {
    // Cyrillic с, о, і, а and Greek α in Latin words
    expect(normalizeText('\u0441\u043Ebl\u043Es P\u0456lk\u0430d\u03B1')).toBe('coblos pilkada');
  });

  it('reads a hand showing one or two fingers as the number ("salam ☝️ jari")', () => {
    expect(normalizeText('salam \u261D\uFE0F jari, salam \u270C jari')).toBe('salam 1 jari salam 2 jari');
  });

  it('collapses elongated letters but keeps ordinary double letters', () => {
    expect(normalizeText('coblosss pilkadaaa maaf saat')).toBe('coblos pilkada maaf saat');
  });

  it('folds doubled letters too when asked', () => {
    expect(normalizeText('maaf Eddyy pilkadaa', { foldDoubles: true })).toBe('maf edy pilkada');
  });

  it('reads digits inside words as letters but keeps real numbers', () => {
    expect(normalizeText('c0bl0sss p1lkada p1lk4d4 nomor 2 paslon 01 tahun 2024')).toBe(
      'coblos pilkada pilkada nomor 2 paslon 01 tahun 2024',
    );
  });

  it('splits numbers glued to words', () => {
    expect(normalizeText('paslon02 pilkada2024 orang2')).toBe('paslon 02 pilkada 2024 orang 2');
  });

  it('splits hashtags and camelCase', () => {
    expect(normalizeText('#CoblosNomor2 #KhofifahEmil @SiBudiPDIPerjuangan')).toBe(
      'coblos nomor 2 khofifah emil si budi pdi perjuangan',
    );
  });

  it('treats - _ & / between names as separators', () => {
    expect(normalizeText('Lestari-Wibowo & Sari_Dewi/Joko')).toBe('lestari wibowo sari dewi joko');
  });

  it('drops URLs, whose random ids would yield junk tokens', () => {
    expect(normalizeText('lihat https://t.co/PKBx9z dan www.contoh.go.id ya')).toBe('lihat dan ya');
  });

  it('returns nothing for empty or symbol-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('🙏🙏 ... !!!')).toEqual([]);
  });
});

describe('foldName: spelling variants of names meet', () => {
  const fold = (text: string): string => normalizeText(text, { foldNames: true });

  it.each([
    ['Soeharto', 'Suharto'], // old spelling oe -> u
    ['Djarot', 'Jarot'], // dj -> j
    ['Tjahaja', 'Cahaya'], // tj -> c, and the old j that is now y
    ['Chofifah', 'Khofifah'], // ch -> kh
    ['Kofifah', 'Khofifah'], // dropped h
    ['Sjahrir', 'Syahrir'], // sj -> sy
    ['Sylvi', 'Silvy'], // y / i
    ['Eddy', 'Edi'], // doubled letter and y
    ['Herman Dheru', 'Herman Deru'], // dh -> d
    ['Noeringhati', 'Nuringhati'],
    ['Riezky', 'Rizki'], // Dutch ie -> i
  ])('%s = %s', (a, b) => {
    expect(fold(a)).toBe(fold(b));
  });

  it('keeps different names apart and leaves numbers alone', () => {
    expect(fold('Herman')).not.toBe(fold('Hermin'));
    expect(fold('Anita')).not.toBe(fold('Anies'));
    expect(fold('#HD2periode coblos02')).toBe('hd 2 periode coblos 02');
  });

  it('returns a token that needs no folding unchanged', () => {
    expect(foldName('kantor')).toBe('kantor');
    expect(foldName('2024')).toBe('2024');
  });
});
