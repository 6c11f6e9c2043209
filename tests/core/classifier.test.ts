import { describe, expect, it } from 'vitest';
import { loadPaslonFile, loadVocabulary } from '../../src/app/vocabulary.js';
import { createClassifier, type PaslonFile } from '../../src/core/classifier.js';

const vocabulary = loadVocabulary('data/vocabulary.json');
const jatim = createClassifier({ vocabulary, paslon: loadPaslonFile('data/paslon.jatim2024.json') });
const sumsel = createClassifier({ vocabulary, paslon: loadPaslonFile('data/paslon.sumsel2024.json') });
const generic = createClassifier({ vocabulary });

describe('classify: ambiguous words do not fire alone', () => {
  it.each([
    'Relawan bencana banjir berangkat pagi ini',
    'Kampanye imunisasi campak minggu depan di puskesmas',
    'Nomor urut antrian 25 silakan ke loket',
    'Lomba debat bahasa Inggris SMA se-kabupaten',
    'Lupa kata sandi email, tolong reset',
    'Download apk terbaru dulu ya',
    'Pak Agus dan Pak Sandi sudah di ruang rapat',
    'Rumah nomor 2 cat hijau',
    'Rapat pagi ini jam 8, mohon hadir tepat waktu',
  ])('%s', (text) => {
    expect(jatim.classify(text).pilkada).toBe(false);
  });
});

describe('classify: Pilkada content', () => {
  it.each([
    'Ayo coblos nomor 2!',
    '#CoblosNomor2',
    'Relawan Khofifah-Emil siap menangkan',
    'c0bl0sss paslon 02',
    'Pilkada serentak 27 November',
    'PILGUBBB tinggal sebentar lagi 🔥🔥',
    'Timses cagub sudah kumpul di posko',
    'Jangan lupa nyoblos ya gaes',
    'Bu Risma blusukan ke pasar tadi pagi',
    'Dardak hadir di acara kemarin',
    'Salam dari #mbakluluk untuk warga desa',
  ])('%s', (text) => {
    expect(jatim.classify(text).pilkada).toBe(true);
  });
});

describe('classify: names', () => {
  it('needs support for a common given name but not for a distinctive one', () => {
    expect(jatim.classify('Emil datang ke kantor').pilkada).toBe(false);
    expect(jatim.classify('Khofifah datang ke kantor').pilkada).toBe(true);
    expect(jatim.classify('Emil kampanye di alun-alun, pendukung ramai').pilkada).toBe(true);
  });

  it('recognises full names, pair names and aliases of another election', () => {
    expect(sumsel.classify('Herman Deru menyapa warga').terms).toEqual(['Herman Deru']);
    expect(sumsel.classify('Deru mesin motor bikin bising').pilkada).toBe(false);
    expect(sumsel.classify('HDCU menang!').pilkada).toBe(true);
    expect(sumsel.classify('Eddy-Riezky hadir').terms).toContain('Eddy-Riezky');
  });

  it('uses only the configured paslon names', () => {
    expect(sumsel.classify('Khofifah datang ke kantor').pilkada).toBe(false);
    expect(generic.classify('Khofifah datang ke kantor').pilkada).toBe(false);
  });

  it('builds names from any paslon file, not from a fixed list', () => {
    const file: PaslonFile = {
      election: 'Pilbup Contoh 2024',
      paslon: [{ number: 4, names: ['Wiratmaja Sukmono', 'Agus Salim'], aliases: ['WISA'] }],
    };
    const c = createClassifier({ vocabulary, paslon: file });
    expect(c.classify('Wiratmaja turun ke sawah').pilkada).toBe(true);
    expect(c.classify('Agus Salim menyapa petani').pilkada).toBe(true);
    expect(c.classify('Agus ke sawah').pilkada).toBe(false);
    expect(c.classify('Wiratmaja-Agus untuk rakyat').terms).toContain('Wiratmaja-Agus');
    expect(c.classify('Ayo coblos nomor 4').terms).toEqual(['coblos nomor 4']);
    expect(c.classify('salam 4 jari, 04 menyala').pilkada).toBe(true);
  });
});

describe('classify: result shape', () => {
  it('reports each matched term once, as a human would write it', () => {
    const r = jatim.classify('Khofifah-Emil! KHOFIFAH-EMIL!! #KhofifahEmil timses timses');
    expect(r.terms).toEqual(['Khofifah-Emil', 'timses']);
    expect(r.score).toBe(2);
  });

  it('prefers the longest phrase over its parts', () => {
    expect(jatim.classify('Khofifah Indar Parawansa').terms).toEqual(['Khofifah Indar Parawansa']);
  });

  it('scores zero with no terms', () => {
    expect(jatim.classify('Selamat pagi semuanya')).toEqual({ pilkada: false, score: 0, terms: [] });
  });
});
