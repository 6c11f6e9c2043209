/**
 * Issue 20, detection part: general rules found on the blind sets for Pilgub Kaltim and Bali 2024
 * (tests/fixtures/classifier/kaltim2024.*, bali2024.*), measured before any of them was written.
 * The paslon files here are made up so the sentences are not the sets' own; each rule shows the
 * hard negative beside the hit.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPaslonFile, loadVocabulary } from '../../src/app/vocabulary.js';
import { createClassifier, type PaslonFile } from '../../src/core/classifier.js';
import { normalizeText } from '../../src/core/text/normalize.js';

const vocabulary = loadVocabulary('data/vocabulary.json');
/** Two made-up pairs with Sasak and Balinese names, a four-letter given name, and a pair alias with initials in capitals. */
const paslon: PaslonFile = {
  election: 'Pilgub Contoh 2024',
  paslon: [
    { number: 1, names: ['Lalu Gilang Mahendra', 'Baiq Sari Wulandari'], aliases: ['Gilang-Sari'] },
    { number: 2, names: ['Ketut Sudarsana', 'Tomo Wiradinata'], aliases: ['Sudarsana-TW', 'Pak Sudar'] },
  ],
};
const c = createClassifier({ vocabulary, paslon });
const is = (text: string): boolean => c.classify(text).pilkada;

describe('regional honorifics and Balinese birth-order names are no names of their own', () => {
  it.each([
    'habis hujan lalu kami pulang lewat pasar',
    'Pak Ketut bawa banten ke pura jam 6',
    'Bli Ketut tukang ukir sudah datang',
    'Baiq Nia juara lomba baca puisi',
  ])('%s', (text) => expect(is(text)).toBe(false));

  it('the name after them is the one people call the candidate by', () => {
    expect(is('Gilang turun ke pasar Praya, warga antusias')).toBe(true);
    expect(is('Miq Gilang mantap, Lombok maju')).toBe(true);
    expect(is('Sudarsana blusukan ke Tabanan kemarin')).toBe(true);
  });
});

describe('a four-letter name part from `names` is weak alone', () => {
  it('another Tomo is not the candidate', () => {
    expect(is('Tomo servis motor di depan gang')).toBe(false);
  });
  it('with support, or as the pair, it still counts', () => {
    expect(is('Tomo kampanye di Gianyar bareng Sudarsana')).toBe(true);
    expect(is('Sudarsana-Tomo untuk Bali')).toBe(true);
  });
});

describe('Pilpres and Pileg talk keeps its own ballot numbers and vote talk', () => {
  it.each([
    'dulu di pilpres saya pilih 01, sekarang nyesel',
    'capres 02 menang, tetap 02 katanya sampai 2029',
    'rekap suara pileg di TPS kami baru selesai jam 3',
    'caleg dapil 2 bagi-bagi kalender, jangan golput katanya',
  ])('%s', (text) => expect(is(text)).toBe(false));

  it('a Pilkada named beside it, or a candidate, still counts', () => {
    expect(is('pilpres kemarin 02, pilgub besok tetap 02')).toBe(true);
    expect(is('pileg sudah, sekarang Gilang-Sari untuk Lombok')).toBe(true);
  });
});

describe('a name followed by an occupation is another person', () => {
  it.each([
    'Pak Sudarsana guru SD kami pindah ke Singaraja',
    'Gilang ojol langganan ibu baik banget',
    'Mas Gilang satpam bank depan kantor',
    'Sudarsana tukang servis kulkas nomornya berapa',
  ])('%s', (text) => expect(is(text)).toBe(false));

  it('but not a trait people pin on a candidate, nor the candidate doing things', () => {
    expect(is('Gilang tukang janji, jangan dipilih')).toBe(true);
    expect(is('Sudarsana turun ke pasar, bagi kaos')).toBe(true);
  });
});

describe('a name beside its own ballot number', () => {
  it('counts even when the name alone is weak', () => {
    expect(is('Mas Tomo nomor 2 paling muda, cocok')).toBe(true);
  });
  it('but not beside another pair\'s number, nor a shirt number', () => {
    expect(is('Mas Tomo nomor 1 di antrean')).toBe(false);
    expect(is('Tomo pakai jersey nomor 2 musim ini')).toBe(false);
  });
});

describe('names as people type them', () => {
  const apostrophe = createClassifier({ vocabulary, paslon: { election: 'Pilbup Contoh', paslon: [
    { number: 1, names: ["Yusran Mas'udi", 'Hendra Wijaya'] },
    { number: 2, names: ['Rudi Hartono', 'Agus Salim'] },
  ] } });
  it("an apostrophe in a name, written or left out (Mas'udi: 'mas' is an honorific too)", () => {
    expect(apostrophe.classify("Mas'udi kampanye di Tenggarong").pilkada).toBe(true);
    expect(apostrophe.classify('Masudi kampanye di Tenggarong').pilkada).toBe(true);
    expect(apostrophe.classify("Yusran Mas'udi untuk kita semua").pilkada).toBe(true);
  });
  it('running mates typed as one word, common names included', () => {
    expect(apostrophe.classify('rudiagus menang telak di kota').pilkada).toBe(true);
    expect(apostrophe.classify('Rudi sama Agus main bola sore ini').pilkada).toBe(false);
  });
  it('capitals inside a pair alias are a listed acronym: full weight in capitals only', () => {
    expect(is('Pak TW turun ke Tabanan tadi')).toBe(true);
    expect(is('laporan keuangan tw 3 sudah masuk')).toBe(false);
  });
  it('a promise "kalau terpilih" supports a surname', () => {
    expect(is('Wiradinata janji jalan mulus kalau terpilih')).toBe(true);
    expect(is('Wiradinata datang ke rumah')).toBe(false);
  });
  it('a headline verb ("resmikan") is an official activity too', () => {
    expect(is('Bupati Tabanan Ketut Sudarsana resmikan pasar baru')).toBe(false);
  });
});

describe('ballot numbers in regional languages and with a result', () => {
  it.each([
    'salam loro jari, dulur kabeh',
    'coblos hiji wae, geus jelas',
    'pokoke 01 kalah neng kene',
    'kosong dua unggul di kecamatan kami',
  ])('%s', (text) => expect(is(text)).toBe(true));
  it.each([
    'awakku loro, ora iso mlebu kantor',
    'Persib kalah 0-1 tadi malam',
    'antrean nomor loro wis dipanggil',
    'hiji, dua, tilu, opat, senam pagi dimulai',
  ])('%s', (text) => expect(is(text)).toBe(false));
});

describe('the halves of a pair alias are what the running mates go by', () => {
  const nick = createClassifier({ vocabulary, paslon: { election: 'Pilbup Contoh', paslon: [
    { number: 1, names: ['Bambang Sutejo', 'Wulan Anggraini'] },
    { number: 2, names: ['Hendarto Wibisono', 'Rahmawati Kusnadi'], aliases: ['Hendar-Ema'] },
  ] } });
  it('in prose, glued, and beside their own number', () => {
    expect(nick.classify('Hendar dan Ema turun ke Sleman').pilkada).toBe(true);
    expect(nick.classify('hendarema menang di desa kami').pilkada).toBe(true);
    expect(nick.classify('Bu Ema nomor 2 paling peduli').pilkada).toBe(true);
  });
  it('but a nickname alone is weak', () => {
    expect(nick.classify('Ema teman kuliahku ulang tahun hari ini').pilkada).toBe(false);
  });
});

describe('a name that is an ordinary word, or a shop named after someone', () => {
  const word = createClassifier({ vocabulary, paslon: { election: 'Pilwalkot Contoh', paslon: [
    { number: 1, names: ['Joko Santoso', 'Siti Aminah'], aliases: ['Amanah'] },
    { number: 2, names: ['Hendarto Wibisono', 'Rahmawati Kusnadi'] },
  ] } });
  it('an alias that is an everyday word is weak alone', () => {
    expect(word.classify('semoga kita selalu amanah dalam bekerja').pilkada).toBe(false);
    expect(word.classify('Amanah nomor 1 untuk kota kita').pilkada).toBe(true);
  });
  it('"toko bangunan X", "villa X", "novel X" name a shop, a villa, a book', () => {
    expect(word.classify('beli semen di toko bangunan Hendarto saja').pilkada).toBe(false);
    expect(word.classify('Hendarto menginap di villa Wibisono').pilkada).toBe(true); // the name before still counts
  });
});

describe('a number guard word with a clitic still guards', () => {
  it.each([
    'Pak Tomo rumahnya nomor 2 dari ujung gang',
    'kamarku nomor 1, sebelah tangga',
  ])('%s', (text) => expect(is(text)).toBe(false));
});

describe('an office holder who runs again', () => {
  it('"maju lagi" with an office is candidacy', () => {
    expect(is('wakil bupati yang sekarang maju lagi tahun ini')).toBe(true);
  });
  it('alone it is not', () => {
    expect(is('antrean maju lagi setelah loket dibuka')).toBe(false);
    expect(is('timnas maju lagi ke semifinal')).toBe(false);
  });
});

describe('found on the held-out set (after its figures were taken): more occupations', () => {
  it.each([
    'Gilang penyair muda dari Mataram baca puisi malam ini',
    'Sudarsana aktor film horor itu main lagi',
  ])('%s', (text) => expect(is(text)).toBe(false));
});

/**
 * Issue 20 part B, recall without losing precision: rules found on the blind Pilwalkot Bandung 2024
 * set (tests/fixtures/classifier/bandung2024.*) and the misses of every set's numbers, shortforms and
 * surnames kinds. A made-up city race: four pairs, names that are everyday words or common given names.
 */
const city: PaslonFile = {
  election: 'Pilwalkot Kota Contoh 2024',
  paslon: [
    { number: 1, names: ['Galih Pramudya Kartanegara', 'Rudi Santika'], aliases: ['Galih-Rudi', 'Kang Galih'] },
    { number: 2, names: ['Benny Sasmitaredja', 'Lusi Handayani'], aliases: ['Benny-Lusi'] },
    { number: 3, names: ['Dadan Hermawan', 'Nurlela Ardiwinata'], aliases: ['Dadan-Nurlela'] },
  ],
};
const kota = createClassifier({ vocabulary, paslon: city });
const inCity = (text: string): boolean => kota.classify(text).pilkada;

describe('a surname or derived short form in election talk is the candidate', () => {
  it('beside an office or candidacy word, or campaign talk of weight', () => {
    expect(inCity('Sasmitaredja paling siap jadi walkot, katanya')).toBe(true);
    expect(inCity('Ardiwinata mau jadi wakil walkot? boleh juga')).toBe(true);
    expect(inCity('Kartanegara bagi baliho di perempatan')).toBe(true);
  });
  it('alone, or beside everyday words that are vote words too, it is not', () => {
    expect(inCity('Sasmitaredja bikin acara syukuran di rumah')).toBe(false);
    expect(inCity('keluarga Sasmitaredja dukung anaknya kuliah di luar kota')).toBe(false);
  });
  it('a common given name alone gets no such lift', () => {
    expect(inCity('Rudi ditanya soal walkot baru, dia diam saja')).toBe(false);
  });
  it('government news about an office holder still is not campaign', () => {
    expect(inCity('Walkot Sasmitaredja meresmikan taman kota')).toBe(false);
  });
});

describe('a bare zero-padded number beside the election\'s region, named from the paslon file alone', () => {
  const pilbup = createClassifier({ vocabulary, paslon: { ...city, election: 'Pilbup Sukamaju Barat 2024' } });
  const pilwalkot = createClassifier({ vocabulary, paslon: { ...city, election: 'Pilwalkot Tanjungsari 2024' } });
  const pilgub = createClassifier({ vocabulary, paslon: { ...city, election: 'Pilgub DKI Nusantara 2024' } });
  it('the region as written, its two-word short form, a word beside an acronym', () => {
    expect(pilbup.classify('Sukamaju Barat 02 sudah jelas').pilkada).toBe(true);
    expect(pilbup.classify('kosong tiga buat Sukbar yang lebih maju').pilkada).toBe(true);
    expect(pilwalkot.classify('Tanjungsari 01, gaskeun').pilkada).toBe(true);
    expect(pilgub.classify('kosong dua untuk Nusantara baru').pilkada).toBe(true);
  });
  it('the same number with no region, or another region, is not enough', () => {
    // Not at the start: a zero-padded number opening a text is its subject, the ballot number (see "a ballot number as the subject").
    expect(pilwalkot.classify('katanya 02 sudah jelas').pilkada).toBe(false);
    expect(pilwalkot.classify('Sukamaju Barat 02 sudah jelas').pilkada).toBe(false);
  });
  it('far from the region the number is often another election\'s; guards and Pilpres talk still hold', () => {
    expect(pilwalkot.classify('Prabowo-Gibran 02 resmi dilantik, warga Tanjungsari ikut syukuran').pilkada).toBe(false);
    expect(pilwalkot.classify('RT 02 Tanjungsari kerja bakti minggu pagi').pilkada).toBe(false);
    expect(pilwalkot.classify('pilpres kemarin Tanjungsari 02 menang').pilkada).toBe(false);
    expect(pilwalkot.classify('pasar malam Tanjungsari 02 Desember nanti').pilkada).toBe(false);
  });
  it('a weaker number ("nomor 1 di Tanjungsari": a shop\'s boast) is not lifted by the region', () => {
    expect(pilwalkot.classify('bakso nomor 1 di Tanjungsari, wajib coba').pilkada).toBe(false);
  });
});

describe('"ke" makes an ordinal only of a number written as such', () => {
  it('"ke 2" is second; "ke nomor 2" is towards number 2', () => {
    expect(kota.findTerms('anak ke 2 kami masuk SD').some((t) => t.category === 'paslonNumber')).toBe(false);
    expect(kota.findTerms('warga solid ke nomor 2').some((t) => t.category === 'paslonNumber')).toBe(true);
    expect(inCity('warga kampung solid ke nomor 2 di TPS kami')).toBe(true);
  });
});

describe('"pasangan nomor urut N" as one ballot phrase', () => {
  it('counts as "pasangan nomor N" does', () => {
    expect(inCity('pasangan nomor urut 2 janji perbaiki jalan')).toBe(true);
    expect(inCity('nomor urut 2 di absen kelas')).toBe(false);
  });
});

describe('short forms of common and four-letter given names, after an honorific', () => {
  it('"bang Rud", "kang Dad" count beside election talk', () => {
    expect(inCity('bang Rud kemarin kampanye di alun-alun')).toBe(true);
    expect(inCity('kang Dad siap jadi walkot')).toBe(true);
  });
  it('alone, or without the honorific, they do not', () => {
    expect(inCity('bang Rud bengkelnya tutup hari ini')).toBe(false);
    expect(inCity('Rud kampanye di alun-alun')).toBe(false);
  });
});

describe('a weak given name right after an honorific, in election talk', () => {
  it('"Teh Lusi", "Pak Rudi" beside campaign talk or an office are the candidates', () => {
    expect(inCity('Teh Lusi kampanye di Cibiru, ibu-ibu antusias')).toBe(true);
    expect(inCity('Pak Rudi wakil walkot yang baru, selamat')).toBe(true);
  });
  it('the same names without the honorific, or with no election talk, are not', () => {
    expect(inCity('Lusi kampanye hemat air di sekolah')).toBe(false);
    expect(inCity('Teh Lusi, pesanan kuenya sudah siap')).toBe(false);
  });
  it('the title adds no weight: an honorific and a name beside another number stay out', () => {
    expect(inCity('Mas Rudi nomor 2 di antrean')).toBe(false);
  });
});

describe('a ballot number in talk of another election (OSIS, pemira) is that election\'s', () => {
  it.each([
    'pemilihan ketua OSIS SMP 2, paslon 1 menang tipis',
    'pemilu raya mahasiswa kampus kami, calon nomor 3 unggul',
  ])('%s', (text) => expect(inCity(text)).toBe(false));
  it('a candidate\'s name or a Pilkada named beside it still counts', () => {
    expect(inCity('OSIS sudah, sekarang pilkada: paslon 1 menang tipis')).toBe(true);
    expect(inCity('anak OSIS juga dukung Galih-Rudi, paslon 1')).toBe(true);
  });
});

describe('a ballot number right before an office', () => {
  it('is that number\'s candidate for the office', () => {
    expect(inCity('no 2 walkot paling muda, cocok')).toBe(true);
    expect(inCity('warga pesisir solid ke nomor 3 bupati')).toBe(true);
  });
  it('after the office it is a regulation\'s number; guarded, it is a room', () => {
    expect(inCity('Peraturan Walkot nomor 2 soal parkir sudah terbit')).toBe(false);
    expect(inCity('ruang nomor 2 bupati ada di lantai atas')).toBe(false);
  });
});

describe('"pasti menang" is a cheer: it supports an incumbent, a number, a titled name', () => {
  it.each([
    'petahana pasti menang lagi tahun ini',
    'nomor 2 pasti menang, yakin',
    'Teh Lusi pasti menang, ibu-ibu solid',
  ])('%s', (text) => expect(inCity(text)).toBe(true));
  it.each([
    'Persib pasti menang malam ini',
    'Lusi pasti menang undian arisan',
  ])('alone, or with a given name of many, it is not: %s', (text) => expect(inCity(text)).toBe(false));
});

/**
 * Issue 20, precision on elections nobody tuned for: rules found on the blind sets for Pilgub Kalbar
 * and Pilwalkot Medan 2024 (tests/fixtures/classifier/kalbar2024.*, medan2024.*). A made-up Karo and
 * Pakpak paslon file, deployer-style; none of the sentences is the sets'.
 */
describe('precision on untuned elections (Kalbar, Medan sets)', () => {
  const karo = createClassifier({
    vocabulary,
    paslon: {
      election: 'Pilbup Contoh 2024',
      paslon: [
        { number: 1, names: ['Renaldi Sitompul', 'Benediktus Tarigan'], aliases: ['Renaldi-Beni'] },
        { number: 2, names: ['Satria Marbun', 'Hamdani'], aliases: ['Satria-Hamdani', 'Bang Satria'] },
      ],
    },
  });
  const karoIs = (text: string): boolean => karo.classify(text).pilkada;

  it("a candidate's first name beside another capitalised surname is another person's two-word name", () => {
    expect(karoIs('Renaldi Pratama juara lomba lari tingkat provinsi')).toBe(false);
    expect(karoIs('kemarin ketemu Renaldi Pratama di bandara')).toBe(false);
    // The name alone, with the candidate's own surname, or with support still counts.
    expect(karoIs('Renaldi turun ke pasar Tarutung pagi ini')).toBe(true);
    expect(karoIs('Renaldi Sitompul blusukan ke Samosir')).toBe(true);
    expect(karoIs('Renaldi Pratama kampanye di Dairi')).toBe(true);
    // A list of capitalised names, or a text in title case, says nothing about who is meant.
    expect(karoIs('Golkar Renaldi Hamdani semua sama saja')).toBe(true);
    expect(karoIs('Kemarin Renaldi Pratama Dan Satria Marbun Debat Di Kabanjahe Seru Sekali')).toBe(true);
  });

  it('a name part that is an everyday word is weak alone', () => {
    expect(karoIs('anak kami ingin jadi satria bergitar')).toBe(false);
    expect(karoIs('Satria-Hamdani menang di Dairi')).toBe(true);
    // Listed after an honorific it is no one's name but the candidate's: not weak like "Pak Edy".
    expect(karoIs('Bang Satria turun ke pasar')).toBe(true);
  });

  it('a capitalised word between a place word and the name makes a place named after someone', () => {
    expect(karoIs('UIN Sultan Hamdani buka pendaftaran')).toBe(false);
    expect(karoIs('kemarin sholat di Masjid Agung Hamdani')).toBe(false);
    expect(karoIs('jalan bareng Hamdani ke pasar Sidikalang')).toBe(true);
  });

  it('a clergyman or a friend of that name is another person; a campus is named after one', () => {
    expect(karoIs('Benediktus pastor paroki Kabanjahe pindah tugas')).toBe(false);
    expect(karoIs('Renaldi teman SMA saya sekarang di Medan')).toBe(false);
    expect(karoIs('Institut Hamdani buka pendaftaran mahasiswa baru')).toBe(false);
    expect(karoIs('Renaldi nama anak tetangga kami, lucu')).toBe(false);
    // Found on the held-out Riau set, after its figures were taken: "X nama ..." says whose name it is.
    expect(karoIs('Hamdani nama toko kelontong dekat pasar')).toBe(false);
    expect(karoIs('Renaldi Sitompul nama kakek saya juga, sudah almarhum')).toBe(false);
    expect(karoIs('Hamdani kampus swasta di Medan buka kelas malam')).toBe(false);
    expect(karoIs('Hamdani turun ke Sidikalang, warga ramai')).toBe(true);
  });

  it('"nomor urut" of a queue lends no election context to a number', () => {
    expect(karoIs('nomor urut peserta lomba mewarnai keluar, anak saya nomor 2')).toBe(false);
    expect(karoIs('nomor urut pendaftaran beasiswa sudah ada, saya nomor 1')).toBe(false);
    expect(karoIs('nomor urut 2 kampanye di Dairi')).toBe(true);
    expect(karoIs('hasil undian nomor urut paslon keluar, Renaldi-Beni dapat 1')).toBe(true);
  });
});

describe('a name that is a dictionary word counts where the text writes it as a name', () => {
  // data/kata-dasar.txt (the vocabulary's dictionaryFile) has "kencana" (gold) and "teduh" (calm); the hand-made commonWords do not.
  const paslon: PaslonFile = { election: 'Pilbup Contoh 2024', paslon: [
    { number: 1, names: ['Kencana Wibowo', 'Sugeng Riyadi'], aliases: ['Kencana-Sugeng', 'Bu Kencana'] },
    { number: 2, names: ['Rudianto Halim', 'Teduh Gunawan'], aliases: ['Rudi-Teduh', 'Bang Rudi'] },
  ] };
  const withDictionary = createClassifier({ vocabulary, paslon });
  const without = createClassifier({ vocabulary: { ...vocabulary, dictionaryWords: [] }, paslon });
  it.each([
    'kereta kencana pengantin sudah siap di depan gedung',
    'semoga hati kita selalu teduh menghadapi cobaan ini',
    'tarian kencana wungu tampil di acara sekolah',
  ])('in lower case it is the word: %s', (text) => {
    expect(without.classify(text).pilkada).toBe(true); // the rule is what keeps it out
    expect(withDictionary.classify(text).pilkada).toBe(false);
  });
  it.each([
    'Kencana keren banget orasinya tadi malam',
    'bu kencana keren banget orasinya tadi malam',
    'KENCANA PALING JOSS',
    'pokoknya #KencanaSugeng',
    'Teduh sama Rudianto sudah keliling kecamatan',
  ])('written as a name it is the candidate: %s', (text) => {
    expect(withDictionary.classify(text).pilkada).toBe(true);
  });
  it('the full name counts in any case', () => {
    expect(withDictionary.classify('kencana wibowo orasinya mantap').pilkada).toBe(true);
  });
});

describe('a candidate doing the job they hold now, whatever the office (Pilgub NTT set, issue 20 part C)', () => {
  const paslon: PaslonFile = { election: 'Pilgub Contoh Timur 2024', paslon: [
    { number: 1, names: ['Yosef Banunaek', 'Maria Goreti Lelo'], aliases: ['Yosef-Maria'] },
    { number: 2, names: ['Darius Tanone', 'Hendrik Lakapu'], aliases: ['Darius-Hendrik', 'Om Darius'] },
  ] };
  const timur = createClassifier({ vocabulary, paslon });
  const official = vocabulary.officialPosts!;
  it.each([
    'anggota DPR Darius Tanone sidak pasar ikan soal harga cabai',
    'Wakil Ketua Komisi Yosef Banunaek rapat kerja dengan kementerian soal pupuk',
    'Kapolres Hendrik Lakapu pimpin apel pasukan jelang Natal',
    'jembatan gantung di Amanuban dibuka Bupati Hendrik Lakapu pagi ini',
  ])('a seat in the DPR, the police or the army is an office too: %s', (text) => {
    expect(timur.classify(text).pilkada).toBe(false);
  });
  it('"buka" is an official activity as written; "bukannya" (folded to buka + nya) is not', () => {
    expect(timur.classify('Wakil Bupati Hendrik Lakapu buka turnamen voli antar desa').pilkada).toBe(false);
    expect(timur.classify('Bupati Hendrik Lakapu bukannya turun ke desa, malah ke Jakarta terus').pilkada).toBe(true);
  });
  it('"sebagai"/"selaku" before a title makes it the office of the name said earlier, however far', () => {
    const text = 'Hendrik Lakapu hadiri panen jagung di desa Oinlasi kemarin sebagai bupati';
    const noRoleWords = createClassifier({ vocabulary: { ...vocabulary, officialPosts: { ...official, roleWords: [] } }, paslon });
    expect(noRoleWords.classify(text).pilkada).toBe(true); // the rule is what keeps it out
    expect(timur.classify(text).pilkada).toBe(false);
    expect(timur.classify('Yosef Banunaek menghadiri upacara adat selaku wakil ketua komisi').pilkada).toBe(false);
  });
  it('with a campaign signal, a party among them, it is the candidate again', () => {
    expect(timur.classify('Darius Tanone hadiri panen jagung, sebagai cagub dia janji pupuk murah').pilkada).toBe(true);
    expect(timur.classify('anggota DPR Darius Tanone sidak pasar, kampanye terselubung katanya').pilkada).toBe(true);
    expect(timur.classify('anggota DPR dari PKB Darius Tanone rapat kerja di Kupang, PKB solid').pilkada).toBe(true);
  });
});

describe('national politics keeps its own numbers and candidates (Pilgub NTT set, issue 20 part C)', () => {
  const paslon: PaslonFile = { election: 'Pilgub Nusa Kenari 2024', paslon: [
    { number: 1, names: ['Yosef Banunaek', 'Maria Goreti Lelo'], aliases: ['Yosef-Maria'] },
    { number: 2, names: ['Ganjar Wibisono', 'Hendrik Lakapu'], aliases: ['Ganjar-Hendrik'] },
  ] };
  const kenari = createClassifier({ vocabulary, paslon });
  const noFigures = createClassifier({ vocabulary: { ...vocabulary, nationalFigures: [] }, paslon });
  it.each([
    'Prabowo-Gibran 02 dilantik, Nusa Kenari ikut syukuran',
    'Nusa Kenari 01 Anies dulu, sekarang biasa saja',
  ])('a number beside a Pilpres figure is the Pilpres\'s: %s', (text) => {
    expect(noFigures.classify(text).pilkada).toBe(true); // the rule is what keeps it out
    expect(kenari.classify(text).pilkada).toBe(false);
  });
  it('a Pilpres candidate word is no Pilkada candidate in Pilpres talk', () => {
    expect(kenari.classify('capres 01 kalah telak di kampung kami waktu pilpres').pilkada).toBe(false);
    expect(kenari.classify('pilpres sudah, sekarang pilgub: cagub 01 kalah telak di kampung kami').pilkada).toBe(true);
  });
  it("a figure backing a paslon, or a paslon's own name that a figure shares, still counts", () => {
    expect(kenari.classify('Prabowo dukung Yosef-Maria, nomor 1 pasti menang').pilkada).toBe(true);
    expect(kenari.classify('Ganjar 02 menang di Nusa Kenari').pilkada).toBe(true);
  });
});

describe('a one-word name in someone else\'s life (Pilgub NTT set; Sumbar and Lampung held-out misses, issue 20 part C)', () => {
  const paslon: PaslonFile = { election: 'Pilgub Contoh Timur 2024', paslon: [
    { number: 1, names: ['Yosef Banunaek', 'Maria Goreti Lelo'], aliases: ['Yosef-Maria'] },
    { number: 2, names: ['Darius Tanone', 'Hendrik Lakapu'], aliases: ['Darius-Hendrik'] },
  ] };
  const timur = createClassifier({ vocabulary, paslon });
  const without = createClassifier({ vocabulary: { ...vocabulary, personBefore: [], everydayAfter: [] }, paslon });
  it.each([
    'Pendeta Darius pimpin ibadah syukur di jemaat kami',
    'doa malam ini kepada Santo Yosef pelindung keluarga',
    'selamat ultah Kak Darius, panjang umur sehat selalu',
    'selamat ulang tahun Om Hendrik, Tuhan memberkati',
    'Darius jual motor bekas, minat japri saja',
    'Yosef kecil sudah bisa naik sepeda',
    'Hendrik nikah bulan depan di Soe, datang e',
  ])('%s', (text) => {
    expect(without.classify(text).pilkada).toBe(true); // the rule is what keeps it out
    expect(timur.classify(text).pilkada).toBe(false);
  });
  it('a full name or pair before the same words, or the word further on, is still the candidate', () => {
    expect(timur.classify('Darius Tanone jual janji, jangan percaya').pilkada).toBe(true);
    expect(timur.classify('Darius-Hendrik kecil kemungkinan menang').pilkada).toBe(true);
    expect(timur.classify('Darius kampanye di pasar, jual janji katanya').pilkada).toBe(true);
  });
});

describe('in scripture talk a name counts only as a surname does (Pilgub NTT set, issue 20 part C)', () => {
  // The apostles' and saints' names are many candidates' given names in the east of Indonesia.
  const paslon: PaslonFile = { election: 'Pilgub Contoh Timur 2024', paslon: [
    { number: 1, names: ['Paulus Yakobus Nenometa', 'Maria Goreti Lelo'], aliases: ['Paulus-Maria'] },
    { number: 2, names: ['Darius Tanone', 'Hendrik Lakapu'], aliases: ['Darius-Hendrik'] },
  ] };
  const timur = createClassifier({ vocabulary, paslon });
  const without = createClassifier({ vocabulary: { ...vocabulary, scriptureWords: [] }, paslon });
  it.each([
    'renungan malam: Paulus Yakobus bertobat di jalan ke Damsyik',
    'Paulus menulis surat kepada jemaat, Yesus Kristus kepala gereja',
  ])('%s', (text) => {
    expect(without.classify(text).pilkada).toBe(true); // the rule is what keeps it out
    expect(timur.classify(text).pilkada).toBe(false);
  });
  it('election talk beside the name, or the pair, still counts; "inilah" is no Injil', () => {
    expect(timur.classify('Paulus kampanye di gereja, jemaat diajak renungan dulu').pilkada).toBe(true);
    expect(timur.classify('Paulus-Maria, Tuhan Yesus berkati NTT').pilkada).toBe(true);
    expect(timur.classify('inilah Paulus Nenometa, pemimpin yang merakyat').pilkada).toBe(true);
  });
});

/**
 * Ballot numbers and vote talk without a name (issue 20, detection part A): rules from the blind Pilgub
 * Sulawesi Tengah set (tests/fixtures/classifier/sulteng2024.*), on a made-up three-pair election.
 */
describe('ballot numbers and vote talk without a name', () => {
  const three: PaslonFile = {
    election: 'Pilbup Contoh Raya 2024',
    paslon: [
      { number: 1, names: ['Darmaji Lumbantoruan', 'Sitti Halimah'], aliases: ['DaSi'] },
      { number: 2, names: ['Gregorius Wanggai', 'Yohana Patiwael'], aliases: ['Gregor-Yohana'] },
      { number: 3, names: ['Bahtiar Lasoma', 'Nurdin Pakaya'], aliases: ['BaNur'] },
    ],
  };
  const k = createClassifier({ vocabulary, paslon: three });
  const vote = (text: string): boolean => k.classify(text).pilkada;

  it('"N menyala" is the campaign cheer at full weight, digits first or after "no"/"nomor"', () => {
    expect(vote('2 menyala kawan, sampai menang')).toBe(true);
    expect(vote('nomor 3 menyala di kampung kami')).toBe(true);
  });
  it('a guard word before a strong number-first term makes it a lamp\'s, a room\'s, a neighbourhood\'s number', () => {
    expect(vote('lampu 2 menyala terus dari semalam, boros listrik')).toBe(false);
    expect(vote('RT 02 menang lomba voli tujuhbelasan')).toBe(false);
    expect(vote('meja 03 menang undian doorprize')).toBe(false);
  });
  it('regional number words of Batak, Bugis, Madurese and Malay in ballot phrases', () => {
    expect(vote('salam tolu jari, horas!')).toBe(true);
    expect(vote('salam sada jari dari Samosir')).toBe(true);
    expect(vote('coblos nomor settong, lanjut!')).toBe(true);
    expect(vote('nomor tige menyala')).toBe(true);
  });
  it('"kosong" before a regional number word is the zero-padded ballot number', () => {
    expect(vote('tetap kosong duo sampai manang')).toBe(true);
    expect(vote('kosong tige menang, alhamdulillah')).toBe(true);
    expect(vote('kamar kosong tige lagi di lantai atas')).toBe(false);
  });
  it.each([
    ['cabupnyo alah tigo urang', 'Minang -nyo'],
    ['saha cabupna nu paling bener?', 'Sundanese -na'],
    ['paslone ono telu, aku durung milih', 'Javanese -e'],
    ['pilkadane sesuk rebo, ojo lali', 'Javanese -ne'],
    ['siapa cawabupta itu?', 'Makassar -ta'],
    ['paslonmi ini kodong', 'Makassar -mi'],
    ['sudah, cabupmo itu saja', 'Palu -mo'],
  ])('the regional clitic hides no term: %s (%s)', (text) => expect(vote(text)).toBe(true));
  it.each([
    'rencana minggu depan kita ke pantai',
    'warna bajunya merah atau hitam?',
    'promo akhir tahun sampai tanggal 31',
    'pesta ulang tahun anak di rumah nenek',
    'sudah makan kah kita semua?',
  ])('a word that only ends like a clitic stays itself: %s', (text) => expect(vote(text)).toBe(false));
  it('"pilih" with an office or the incumbent is vote talk', () => {
    expect(vote('jangan pilih petahana, sudah cukup')).toBe(true);
    expect(vote('pilih bupati yang jujur, jangan yang bagi amplop')).toBe(true);
    expect(vote('bupati pilih kepala dinas baru minggu ini')).toBe(false);
    expect(vote('pilih ketua kelas besok pagi')).toBe(false);
  });
  it('KPPS is the vote\'s own body; in Pilpres or Pileg talk it is that election\'s', () => {
    expect(vote('rekrutmen KPPS sudah dibuka, honornya lumayan')).toBe(true);
    expect(vote('KPPS pileg kemarin lembur sampai subuh')).toBe(false);
  });
  it('pilkades is another election: its ballot numbers are its own', () => {
    expect(vote('pilkades desa kami, nomor 2 menang tipis')).toBe(false);
    expect(vote('pilkades ditunda, tapi pilbup tetap jalan')).toBe(true);
  });
  it('a party that wins a race for, or backs, someone: "{party} menangkan", "dukungan {party}"', () => {
    expect(vote('Golkar siap menangkan pasangan ini di Contoh Raya')).toBe(true);
    expect(vote('dukungan PKS mengalir ke calon kita')).toBe(true);
    expect(vote('menangkan hadiah jutaan rupiah, ikuti kuisnya')).toBe(false);
  });
  it('the voting day of the year the election names supports a ballot number or vote talk', () => {
    expect(vote('sudah yakin pilih nomor 2 tgl 27 nanti')).toBe(true);
    expect(vote('hak pilih dipakai 27 November ya')).toBe(true);
    expect(vote('deadline laporan keuangan 27 November')).toBe(false);
    const later = createClassifier({ vocabulary, paslon: { ...three, election: 'Pilbup Contoh Raya 2029' } });
    expect(later.classify('sudah yakin pilih nomor 2 tgl 27 nanti').pilkada).toBe(false);
  });
  it('the loaded vocabulary keeps its ordinal guard: "ke 02" is second, not ballot number 2', () => {
    expect(vocabulary.numberGuards?.ordinal).toEqual(['ke']);
    expect(k.findTerms('ulang tahun ke 02 anak kami').some((t) => t.category === 'paslonNumber')).toBe(false);
  });
  it('the voter\'s invitation (C6, "undangan memilih") is vote talk, beside the polling station it is the vote', () => {
    expect(vote('undangan C6 sudah dibagi, cek namamu di TPS')).toBe(true);
    expect(vote('surat undangan memilih sudah sampai, tinggal datang ke TPS')).toBe(true);
    expect(vote('rumah blok C6 dijual, dekat TPS sampah')).toBe(false);
  });
  it('"dukung no N" and "coblos nomer N" as the other ballot phrases are', () => {
    expect(vote('dukung no 2 bapak ibu')).toBe(true);
    expect(vote('coblos nomer 1 ya')).toBe(true);
  });
});

// Issue 20 (names), found on the Solo 2024 set and the Medan set's "Bang Ric": derived short forms.
describe('a four-letter name a candidate is called by is shortened after an honorific too', () => {
  it('"mas Tom" for Tomo counts beside election talk', () => {
    expect(is('mas Tom kampanye di Gianyar kemarin sore')).toBe(true);
  });
  it('alone, or without the honorific, it does not', () => {
    expect(is('mas Tom, bengkelnya buka jam berapa?')).toBe(false);
    expect(is('Tom kampanye di Gianyar kemarin sore')).toBe(false);
  });
});

describe('a full name glued together whose first part is a common given name', () => {
  it('"rudisantika" is Rudi Santika, as "#RudiSantika" is', () => {
    expect(kota.classify('rudisantika turun ke pasar pagi ini').terms).toEqual(['Rudi Santika']);
    expect(inCity('rudisantika turun ke pasar pagi ini')).toBe(true);
  });
  it('another Rudi glued to his own surname is not', () => {
    expect(inCity('rudihartono turun ke pasar pagi ini')).toBe(false);
  });
});

describe('two rivals named weakly beside weak vote talk', () => {
  it('a surname and another paslon\'s given name beside "dukung" are the candidates', () => {
    expect(inCity('Rudi vs Sasmitaredja, kalian dukung siapa?')).toBe(true);
  });
  it('one surname with the word, or two names with no vote talk, are not', () => {
    expect(inCity('Sasmitaredja, kalian dukung siapa?')).toBe(false);
    expect(inCity('Rudi sama Sasmitaredja saling sindir pas arisan semalam')).toBe(false);
  });
});

describe('"debat" supports a surname; a school debate or an idle argument does not', () => {
  it('a surname in a debate is the candidate', () => {
    expect(inCity('Sasmitaredja debat soal banjir, jawabannya jelas')).toBe(true);
  });
  it('"lomba debat" and "debat kusir" are no election talk', () => {
    expect(inCity('Sasmitaredja juara lomba debat SMA se-kota')).toBe(false);
    expect(inCity('debat kusir sama Sasmitaredja di grup alumni')).toBe(false);
  });
});

describe('a relative of the writer\'s, or an occupation after an honorific, is another person', () => {
  it('"anakku Galih", "adik saya mas Galih", "Galih pak satpam" are not the candidate', () => {
    expect(inCity('anakku Galih baru pulang dari kemah pramuka')).toBe(false);
    expect(inCity('adik saya mas Galih besok wisuda')).toBe(false);
    expect(inCity('Galih pak satpam kantor sudah pulang duluan')).toBe(false);
  });
  it('the candidate\'s own child, or the name alone, still is', () => {
    expect(inCity('anak Galih ikut turun ke pasar pagi ini')).toBe(true);
    expect(inCity('Galih turun ke pasar pagi ini')).toBe(true);
  });
});

const kab = createClassifier({ vocabulary, paslon: {
  election: 'Pilbup Contoh 2024',
  paslon: [
    { number: 1, names: ['Wirananda Kusumawardhani', 'Hartanto Siregar'], aliases: ['Wirananda-Hartanto'] },
    { number: 2, names: ['Sulistyowati Gunawan', 'Yohanes Pardede'], aliases: ['Sulis-Yohanes'] },
  ],
} });
const inKab = (text: string): boolean => kab.classify(text).pilkada;

describe('another person\'s given name right before the candidate\'s name', () => {
  it('"Agus Wirananda" is another man whose second name is Wirananda', () => {
    expect(inKab('Agus Wirananda juara lomba mancing di waduk')).toBe(false);
  });
  it('the candidate alone, or the same two names in election talk, still count', () => {
    expect(inKab('Wirananda juara lomba mancing di waduk')).toBe(true);
    expect(inKab('Agus Wirananda kampanye di pasar tadi pagi')).toBe(true);
  });
});

describe('a food stall or shop named after someone, honorific between', () => {
  it('"bakso Pak Wirananda", "laundry Bu Wirananda" are the stall, not the candidate', () => {
    expect(inKab('bakso Pak Wirananda depan pasar enak banget')).toBe(false);
    expect(inKab('laundry Bu Wirananda sudah buka lagi')).toBe(false);
  });
  it('the candidate eating bakso still is the candidate', () => {
    expect(inKab('Wirananda makan bakso di depan pasar')).toBe(true);
  });
});

// Issue 20, detection part A (numbers, roles, parties, vote talk): rules from the misses of the blind Pilgub
// Kalteng and Pilwalkot Surabaya 2024 sets and of every election's numbers, roles and parties sets.
const empat = createClassifier({ vocabulary, paslon: {
  election: 'Pilgub Contoh Selatan 2024',
  paslon: [
    { number: 1, names: ['Marselinus Tambunan', 'Ruth Kalangi'], aliases: ['Marsel-Ruth'] },
    { number: 2, names: ['Hendrikus Lumowa', 'Safrudin Labatjo'], aliases: ['HL-Safrudin'] },
    { number: 3, names: ['Bonifasius Wenda', 'Arsyad Tuanaya'], aliases: ['Boni-Arsyad'] },
    { number: 4, names: ['Yulianto Pakpahan', 'Marlina Sembiring'], aliases: ['Yulianto-Marlina'] },
  ],
} });
const inEmpat = (text: string): boolean => empat.classify(text).pilkada;

describe('a ballot number as the subject of the text', () => {
  it('a bare zero-padded number opening the text, with words after it, is the ballot number', () => {
    expect(inEmpat('03 paling merakyat, sudah kelihatan dari dulu')).toBe(true);
    expect(inEmpat('kosong empat sampai menang bosku')).toBe(true);
    expect(inEmpat('pokoknya 02, yang lain lewat')).toBe(true);
  });
  it('a time, a date, a count or a number in the middle of the text stays what it is', () => {
    expect(inEmpat('03.30 nanti kita berangkat ke bandara')).toBe(false);
    expect(inEmpat('03 Maret ulang tahun ibu, jangan lupa kado')).toBe(false);
    expect(inEmpat('02 orang belum bayar iuran kas')).toBe(false);
    expect(inEmpat('kamar 03 masih kosong, silakan pesan')).toBe(false);
    expect(inEmpat('03')).toBe(false);
  });
  it('a lone zero-padded number counts with emphasis or a word of cheer before it; alone it is an answer', () => {
    expect(inEmpat('04 🔥🔥')).toBe(true);
    expect(inEmpat('01!!!')).toBe(true);
    expect(inEmpat('otw 03')).toBe(true);
    expect(inEmpat('gas pol 02')).toBe(true);
    expect(inEmpat('02')).toBe(false);
    expect(inEmpat('kamar 02!')).toBe(false);
  });
  it('a weaker number opening the text counts with talk of a candidate, or a particle that picks one, after it', () => {
    expect(inEmpat('no 1 programnya paling masuk akal')).toBe(true);
    expect(inEmpat('yang nomor 4 tu janjinya banyak sekali')).toBe(true);
    expect(inEmpat('nomor dua aja, jangan ragu')).toBe(true);
  });
  it('without such talk, or further into the text, it is a queue, a rank or an advertisement', () => {
    expect(inEmpat('nomor 2 sudah dipanggil belum?')).toBe(false);
    expect(inEmpat('madu hutan nomor 1, terbukti ampuh')).toBe(false);
    expect(inEmpat('anak saya nomor 3 di kelas, programnya full day')).toBe(false);
  });
});

describe('the number of a polling station before a ballot number guards nothing', () => {
  it('"TPS 07 nomor 3 kalah" is the station\'s result', () => {
    expect(inEmpat('di TPS 07 nomor 3 kalah tipis')).toBe(true);
  });
  it('another number before a ballot number still makes it a count or an address', () => {
    expect(inEmpat('rumah 12 nomor 3 dijual murah')).toBe(false);
  });
});

describe('vote talk that names its own thing', () => {
  it('"ketua RT" alone is a neighbour, not another election: the invitation he brings is the vote\'s', () => {
    expect(inEmpat('undangan memilih sudah diantar ketua RT, besok ke TPS jam 7')).toBe(true);
    expect(inEmpat('pemilihan ketua RT besok, nomor 2 pasti menang')).toBe(false);
  });
  it('a customer-satisfaction survey is no election survey', () => {
    expect(inEmpat('isi survei kepuasan pelayanan, pilih nomor 2 kalau puas')).toBe(false);
  });
  it('voter turnout ("partisipasi pemilih") is the vote', () => {
    expect(inEmpat('partisipasi pemilih di TPS kita rendah sekali')).toBe(true);
  });
  it('an office "terpilih" is the race\'s winner; another chair elected is not', () => {
    expect(inEmpat('gubernur terpilih dilantik bulan depan kah?')).toBe(true);
    expect(inEmpat('ketua koperasi terpilih minggu lalu')).toBe(false);
  });
  it('"petahana" is the candidate in office, a role of the race on its own', () => {
    expect(inEmpat('petahana jangan pakai mobil dinas buat keliling')).toBe(true);
  });
  it('"fix 02", "pendukung nomor 3", "relawan 01": a supporter\'s number', () => {
    expect(inEmpat('aku sih fix 02')).toBe(true);
    expect(inEmpat('grup khusus pendukung nomor 3, yang lain silakan keluar')).toBe(true);
    expect(inEmpat('kumpul relawan 01 malam ini di rumah pak RW')).toBe(true);
  });
  it('a size is no ballot number', () => {
    expect(inEmpat('kaos Golkar ukuran no 2 sudah habis, tinggal XL')).toBe(false);
  });
});

describe('a single pair against the empty box (kotak kosong)', () => {
  const tunggal = createClassifier({ vocabulary, paslon: {
    election: 'Pilbup Contoh Utara 2024',
    paslon: [{ number: 1, names: ['Gregorius Manurung', 'Fatmawati Lasut'], aliases: ['Gregor-Fatma'] }],
  } });
  const one = (text: string): boolean => tunggal.classify(text).pilkada;
  it('running, winning or losing against the empty box, or voting for it, is the race', () => {
    expect(one('menang melawan kotak kosong itu bukan prestasi')).toBe(true);
    expect(one('kalau kotak kosong menang, diulang tahun depan')).toBe(true);
    expect(one('suara kotak kosong di kampung kami lumayan banyak')).toBe(true);
  });
  it('an empty box, or another election against one, is not', () => {
    expect(one('kotak kosong bekas air mineral kumpulkan di gudang')).toBe(false);
    expect(one('pilkades desa sebelah lawan kotak kosong')).toBe(false);
  });
});

describe('words of the vote that count alone, and coalitions that win or lose', () => {
  it('the quiet period, money politics and first-time voters are the vote\'s own words', () => {
    expect(inEmpat('masa tenang, stiker di kaca angkot harus dilepas')).toBe(true);
    expect(inEmpat('ada politik uang di kampung sebelah, sudah lapor')).toBe(true);
    expect(inEmpat('pemilih pemula wajib tahu cara cek namanya')).toBe(true);
  });
  it('in talk of another election they are that election\'s', () => {
    expect(inEmpat('pilkades kemarin banyak politik uang')).toBe(false);
  });
  it('a big coalition that wins or loses is a race\'s backing; in parliament it is not', () => {
    expect(inEmpat('koalisi gemuk kalah di kabupaten ini, kaget')).toBe(true);
    expect(inEmpat('koalisi besar di parlemen makin solid')).toBe(false);
  });
  it('"solid ke nomor N", "merapat ke no N": a supporter\'s number', () => {
    expect(inEmpat('warga pesisir solid ke nomor 3')).toBe(true);
    expect(inEmpat('tokoh adat merapat ke no 1')).toBe(true);
  });
});

describe('the national vote day of the Pilkada year is the Pemilu\'s', () => {
  it('KPPS, TPS and numbers beside "14 Februari" or "pemilu Februari" are the Pemilu\'s', () => {
    expect(inEmpat('KPPS lembur sampai subuh waktu pemilu 14 Februari')).toBe(false);
    expect(inEmpat('honor KPPS pemilu Februari kemarin belum cair juga')).toBe(false);
  });
  it('without it, or with the Pilkada named, KPPS is this vote\'s', () => {
    expect(inEmpat('KPPS lembur sampai subuh waktu pemilu')).toBe(true);
    expect(inEmpat('KPPS pilkada direkrut lagi, yang Februari kemarin boleh daftar')).toBe(true);
  });
  it('only in the year the paslon file names', () => {
    const later = createClassifier({ vocabulary, paslon: { election: 'Pilgub Contoh Selatan 2029', paslon: [{ number: 1, names: ['Marselinus Tambunan'] }] } });
    expect(later.classify('KPPS lembur sampai subuh waktu pemilu 14 Februari').pilkada).toBe(true);
  });
});

describe('more ways a supporter writes the ballot number', () => {
  it('a zero-padded number beside a campaign act or actor; a school\'s number is none', () => {
    expect(inEmpat('mantap pak, 02 siap menangkan')).toBe(true);
    expect(inEmpat('kampanye gizi seimbang di SDN 02 Sukamaju')).toBe(false);
  });
  it('a wish or a prayer before a zero-padded number opening the text', () => {
    expect(inEmpat('semoga 01 amanah nanti')).toBe(true);
    expect(inEmpat('bismillah 03 untuk daerah kita')).toBe(true);
  });
  it('the finger pose of a number, and "tetap pilih nomor N", "relawan nomor N"', () => {
    expect(inEmpat('foto bareng pose 4 jari di depan kantor')).toBe(true);
    expect(inEmpat('aku tetap pilih nomor 2')).toBe(true);
    expect(inEmpat('relawan nomor 3 kumpul di rumah pak kades')).toBe(true);
    expect(inEmpat('pose 7 jari, lucu anaknya')).toBe(false);
  });
});

describe('the purple finger of one who has voted', () => {
  it('"jari ungu", "kelingking ungu" are the vote done', () => {
    expect(inEmpat('alhamdulillah jari ungu, tinggal tunggu hasilnya')).toBe(true);
    expect(inEmpat('kelingking ungu dulu baru kerja')).toBe(true);
  });
});

// Issue 20, names (part B): faults of name folding and matching, each general (src/core/text/normalize.ts foldName,
// src/core/classifier.ts makeRepair), shown on made-up names.
const folds = createClassifier({ vocabulary, paslon: {
  election: 'Pilbup Contoh 2024',
  paslon: [
    { number: 1, names: ['Ajisaka Purnomo', 'Rinto Harahap'], aliases: ['Ajisaka-Rinto', 'Bang Kadji'] },
    { number: 2, names: ['Wawan Hendarsyah', 'Ismanto Lubis'], aliases: ['Wawan-Ismanto'] },
  ],
} });
const inFolds = (text: string): boolean => folds.classify(text).pilkada;

describe('a j or y folded beside an i keeps the name long enough to find', () => {
  it('"Kadji" is not folded to "kai": alone it is the nickname the deployer listed, "Kaji" and "Kadjie" too', () => {
    expect(normalizeText('Kadji', { foldNames: true })).toBe('kayi');
    expect(inFolds('Kadji turun ke pasar ikan pagi ini')).toBe(true);
    expect(inFolds('Kaji turun ke pasar ikan pagi ini')).toBe(true);
    expect(inFolds('Kadjie turun ke pasar ikan pagi ini')).toBe(true);
  });
  it('a word that was long enough still folds as before ("janji", "Riyadi")', () => {
    expect(normalizeText('janji Riyadi Riadi', { foldNames: true })).toBe('iani riadi riadi');
  });
});

describe('two names glued where folding dropped the h of the second', () => {
  it('"wawanhendarsyah" is Wawan Hendarsyah (folded "wawanendarsiah")', () => {
    expect(folds.classify('wawanhendarsyah pasti menang').terms).toContain('Wawan Hendarsyah');
    expect(inFolds('#wawanhendarsyah')).toBe(true);
  });
});

describe('a number of repeated digits stays that number', () => {
  it('"11" and "022" are not folded to "1" and "02"', () => {
    expect(normalizeText('11 022 2024', { foldNames: true })).toBe('11 022 2024');
    expect(inFolds('angkatan 11 menyala, reuni minggu depan')).toBe(false);
    expect(folds.classify('@andi_022 @budi_77 ikut arisan').terms).toEqual([]);
  });
});

describe('a two-letter start of a name that opens with a closed syllable, after an honorific', () => {
  it('"bang Is" is Ismanto where the election is talked about, weakly', () => {
    expect(folds.classify('bang Is kampanye di pasar ikan').terms).toContain('Ismanto');
    expect(inFolds('bang Is kampanye di pasar ikan')).toBe(true);
    expect(inFolds('bang Is sudah pulang dari pasar ikan')).toBe(false);
  });
  it('never without an honorific, and never for a name opening with a consonant ("pak Ri")', () => {
    expect(folds.classify('Is kampanye di pasar ikan').terms).not.toContain('Ismanto');
    expect(folds.classify('pak Ri kampanye di pasar ikan').terms).not.toContain('Rinto');
  });
});

// Issue 20, names (part B): given names of eastern Indonesia that many people share; the person the text
// means is told by what is said of them (data/vocabulary.json personAfter, personBefore, everydayAfter,
// commonWords; src/core/classifier.ts isEverydayAfter, initialTerms).
const minahasa = createClassifier({ vocabulary, paslon: {
  election: 'Pilwalkot Contoh 2024',
  paslon: [
    { number: 1, names: ['Hendrik Pangemanan', 'Rudolf Lengkong'], aliases: ['HP-RL', 'Hendrik-Rudolf'] },
    { number: 2, names: ['Fransiskus Wowor', 'Maria Tumbelaka'], aliases: ['Frans-Maria'] },
  ],
} });
const inMinahasa = (text: string): boolean => minahasa.classify(text).pilkada;

describe('initials that are an everyday abbreviation name no one alone, even listed in a pair alias', () => {
  it('"HP" is a phone ("HP-RL" lists it)', () => {
    expect(inMinahasa('HP saya rusak, layarnya pecah')).toBe(false);
    expect(minahasa.classify('HP baru sudah datang dari toko').terms).toEqual([]);
  });
  it('the pair alias and the names still count', () => {
    expect(inMinahasa('HP-RL menang di Tomohon')).toBe(true);
    expect(inMinahasa('Hendrik Pangemanan turun ke pasar pagi ini')).toBe(true);
  });
});

describe('another person of the candidate\'s given name: a class teacher, a nephew, a lodger, a colleague, a boy', () => {
  it.each([
    'pak Hendrik wali kelas 5 minta rapor diambil Sabtu',
    'Hendrik ponakan saya lulus tes CPNS',
    'Hendrik anak kos depan sudah pulang kampung',
    'pak Rudolf dari bagian umum minta SPJ dikumpul',
    'bapak Hendrik dari BKD minta berkas kenaikan pangkat',
    'nyong Hendrik juara lomba baca puisi',
  ])('%s', (text) => expect(inMinahasa(text)).toBe(false));
  it('the name alone, or with election talk, is still the candidate', () => {
    expect(inMinahasa('Hendrik turun ke pasar pagi ini')).toBe(true);
    expect(inMinahasa('pak Hendrik kampanye di Tondano')).toBe(true);
  });
});

describe('a one-word name, a possessive, and something of everyday life: another person\'s', () => {
  it.each([
    'Hendrik pe kios pulsa so buka',
    'kaka Hendrik pe pesta nikah hari Sabtu',
    'Hendrik punya warung tutup hari ini',
    'Hendrik pung bengkel di ujung jalan',
    'om Hendrik pe motor mogok di jalan',
    'Hendrik rumah di belakang gereja',
  ])('%s', (text) => expect(inMinahasa(text)).toBe(false));
  it('the candidate\'s team or banners are still the candidate\'s', () => {
    expect(inMinahasa('Hendrik pe tim turun kampanye di pasar')).toBe(true);
    expect(inMinahasa('Hendrik pe baliho paling banyak di kota')).toBe(true);
  });
});

describe('the written start of a name whose folded start differs, after an honorific', () => {
  it('"bang Kad" is Kadji (folded "kayi", whose start "kay" no one writes)', () => {
    expect(folds.classify('bang Kad kampanye di pasar ikan').terms).toContain('Kadji');
    expect(inFolds('bang Kad kampanye di pasar ikan')).toBe(true);
  });
});

describe('"lanjutkan" after a name is the incumbent\'s slogan, weakly', () => {
  it('a derived short form with it is the candidate ("bang Is lanjutkan")', () => {
    expect(inFolds('bang Is lanjutkan, kota butuh pengalaman')).toBe(true);
  });
  it('a common given name with it is not enough ("Wawan lanjutkan kuliah")', () => {
    expect(inFolds('Wawan lanjutkan kuliah di Bandung')).toBe(false);
  });
});

describe('honorifics of eastern Indonesia: a shortened name after them is a derived form', () => {
  it('"kaka Rud", "bung Rud", "tanta Mar", "usi Mar" in election talk are the candidates', () => {
    expect(minahasa.classify('kaka Rud kampanye di Tondano').terms).toContain('Rudolf');
    expect(inMinahasa('bung Rud kampanye di Tondano')).toBe(true);
    expect(inMinahasa('tanta Mar kampanye di pasar Tomohon')).toBe(true);
    expect(inMinahasa('usi Mar kampanye di pasar Tomohon')).toBe(true);
  });
  it('with no election talk, or with no honorific, they are anyone', () => {
    expect(inMinahasa('kaka Rud, motor so siap diambil')).toBe(false);
    expect(inMinahasa('Rud kampanye di Tondano')).toBe(false);
  });
});

describe('starts of one paslon\'s two names side by side are the pair', () => {
  it('"Ajis-Rin" (Ajisaka and Rinto) needs no honorific', () => {
    expect(folds.classify('Ajis-Rin menang di pasar ikan').terms).toContain('Ajisaka-Rinto');
    expect(inFolds('Ajis-Rin menang di pasar ikan')).toBe(true);
  });
  it('starts of two paslon side by side, or one start alone, are not', () => {
    expect(inFolds('Ajis-Ism menang di pasar ikan')).toBe(false);
    expect(folds.classify('Ajis menang lomba di pasar ikan').terms).toEqual([]);
  });
});

describe('a pair alias of two acronyms, glued in a hashtag', () => {
  it('"#HPRLMenang" is HP-RL', () => {
    expect(minahasa.classify('#HPRLMenang').terms).toContain('HP-RL');
    expect(inMinahasa('#HPRLMenang')).toBe(true);
  });
});

describe('"pilih {name}" and "{name} janji" are campaign talk, weakly (data/vocabulary.json slogans)', () => {
  it('a surname with them is the candidate', () => {
    expect(inMinahasa('pilih Tumbelaka, kota maju')).toBe(true);
    expect(inMinahasa('Tumbelaka janji sekolah gratis')).toBe(true);
    expect(inMinahasa('Tumbelaka datang ke pasar')).toBe(false);
  });
  it('a common given name with them is not enough', () => {
    expect(inFolds('Wawan janji datang besok pagi')).toBe(false);
    expect(inFolds('pilih Wawan atau Budi buat MC acara')).toBe(false);
  });
});

describe('"{name} menang" is the candidate winning, weakly; winning a contest is not (isContestAfter)', () => {
  it('a surname or derived form that wins is the candidate', () => {
    expect(inMinahasa('Tumbelaka menang di Tomohon')).toBe(true);
    expect(inMinahasa('bung Rud menang, selamat')).toBe(true);
  });
  it('a contest, a draw or a tender after it is someone else\'s win; a common given name is not enough', () => {
    expect(inMinahasa('Tumbelaka menang lomba lari antar kantor')).toBe(false);
    expect(inMinahasa('Tumbelaka menang tender jalan kabupaten')).toBe(false);
    expect(inFolds('Wawan menang main catur semalam')).toBe(false);
  });
});

// Issue 20 part C, cause (b): found blind on Pilgub Kepri 2024 (tests/fixtures/classifier/kepri2024.tsv).
const coast = createClassifier({ vocabulary, paslon: {
  election: 'Pilgub Contoh Pesisir 2024',
  paslon: [
    { number: 1, names: ['Kapitan Lautama', 'Sahril Tuasikal'], aliases: ['Kapitan-Sahril', 'Om Kap'] },
    { number: 2, names: ['Rudi Lalamentik', 'Aswin Fikran'], aliases: ['Rudi-Aswin'] },
  ],
} });
const onCoast = (text: string): boolean => coast.classify(text).pilkada;

describe('a multi-word alias or pair is read within one clause', () => {
  it('"Om, kap mobil ..." is someone addressed, then a car bonnet: no "Om Kap"', () => {
    expect(onCoast('Om, kap mobil saya penyok kena pagar')).toBe(false);
    expect(onCoast('om?\nkap depan sudah diganti')).toBe(false);
    // Outside ASCII (an em dash) the clauses are counted on the tokenised pieces, with the same answer.
    expect(onCoast('Om, kap depan sudah diganti — mahal juga')).toBe(false);
    expect(onCoast('Om Kap — kami dukung sampai menang')).toBe(true);
  });
  it('names listed with commas are people listed, not the pair, and do not add up ("Rudi, Fikran, Dina")', () => {
    expect(onCoast('yang belum bayar iuran: Rudi, Fikran, Dina')).toBe(false);
    expect(onCoast('Rudi,Fikran,Dina piket hari Senin')).toBe(false);
  });
  it('the alias and the pair written whole, or with a dot after an initial, still count', () => {
    expect(onCoast('Om Kap blusukan ke pasar ikan tadi')).toBe(true);
    expect(onCoast('Om Kap, kami dukung sampai menang')).toBe(true);
    expect(onCoast('Rudi-Aswin untuk pesisir')).toBe(true);
    expect(onCoast('Rudi Aswin lanjutkan')).toBe(true);
    expect(onCoast('pak Rudi sama pak Fikran turun ke pasar ikan')).toBe(true);
    expect(onCoast('H. Rudi Lalamentik turun ke pasar')).toBe(true);
  });
});

describe('another election\'s vote talk makes a one-word name that election\'s person', () => {
  it('the koperasi\'s or the RW\'s chosen man is not the candidate', () => {
    expect(onCoast('ketua koperasi nelayan sudah dipilih, Pak Kapitan terpilih lagi')).toBe(false);
    expect(onCoast('pemilihan ketua RW besok, calon nomor 1 Pak Kapitan')).toBe(false);
  });
  it('the candidate beside a koperasi with no vote of its own, a Pilkada named, or the pair still count', () => {
    expect(onCoast('Kapitan janji modal usaha untuk koperasi nelayan')).toBe(true);
    expect(onCoast('kalau Kapitan terpilih di pilgub, koperasi nelayan dibantu')).toBe(true);
    expect(onCoast('Kapitan-Sahril dapat dukungan pengurus koperasi nelayan')).toBe(true);
  });
});

describe('an official activity right after a candidate named with an honorific is the office at work', () => {
  it('"Pak Kapitan resmikan dermaga" with no word of the race is government news', () => {
    expect(onCoast('Pak Kapitan resmikan dermaga baru di pelabuhan')).toBe(false);
    expect(onCoast('Bapak Kapitan hadiri peringatan Maulid di masjid raya')).toBe(false);
  });
  it('a campaign word beside it, or the name doing anything else, still counts', () => {
    expect(onCoast('Pak Kapitan resmikan posko pemenangan di pasar')).toBe(true);
    expect(onCoast('Pak Kapitan hadiri kampanye akbar di lapangan')).toBe(true);
    expect(onCoast('Pak Kapitan makan siang di warung dekat pelabuhan')).toBe(true);
  });
});

describe('a team, shop or brand named after someone, a colleague placed in an office\'s unit, a patronymic', () => {
  it('"Kapitan FC", "Kapitan Lautama Jaya", "Pak Kapitan dari bagian ...", "Kapitan Lautama bin ..." are not the candidate', () => {
    expect(onCoast('Kapitan FC juara turnamen futsal antar desa')).toBe(false);
    expect(onCoast('Kapitan Lautama Jaya toko material, semen lagi diskon')).toBe(false);
    expect(onCoast('Pak Kapitan dari bagian keuangan minta kuitansi dikumpul')).toBe(false);
    expect(onCoast('Pak Kapitan Kabid Perikanan rapat jam 9 di aula')).toBe(false);
    expect(onCoast('Kapitan Lautama bin Abdullah, peserta ujian dinas')).toBe(false);
  });
  it('the candidate from a party or in a town, or the pair, still counts', () => {
    expect(onCoast('Kapitan dari Golkar, Sahril dari PKB')).toBe(true);
    expect(onCoast('Kapitan di Ambon hari ini, warga ramai')).toBe(true);
    expect(onCoast('Kapitan-Sahril jaya, pesisir maju')).toBe(true);
  });
});

describe('an election word with a year other than the election\'s is another election', () => {
  it('"pilgub Maluku 2018", "pemilu 2029" are not this Pilkada', () => {
    expect(onCoast('pilgub Maluku 2018 dulu rame sekali di kampung')).toBe(false);
    expect(onCoast('KPU buka rekrutmen PPK untuk pemilu 2029')).toBe(false);
  });
  it('the election\'s own year, or no year, still counts', () => {
    expect(onCoast('pilgub 2024 makin dekat, sudah siap?')).toBe(true);
    expect(onCoast('pilkada serentak 2024 tinggal seminggu')).toBe(true);
    expect(onCoast('pilgub makin dekat, sudah siap?')).toBe(true);
  });
});

describe('a homeroom teacher, a child named by a parent, a singer, a name talked of as a word', () => {
  it('are other people, or the word', () => {
    expect(onCoast('Bu Sahril wali kelas 2A minta buku tugas dikumpul')).toBe(false);
    expect(onCoast('Kapitan anak Pak Imam menang lomba mewarnai')).toBe(false);
    expect(onCoast('Kapitan nyanyi lagu dangdut di pesta nikahan')).toBe(false);
    expect(onCoast('Kapitan itu nama kapal pesiar di pelabuhan')).toBe(false);
  });
  it('the candidate of whom something else is said still counts', () => {
    expect(onCoast('Kapitan itu cagub yang paling rajin turun')).toBe(true);
    expect(onCoast('Kapitan anak nelayan, sekarang maju pilgub')).toBe(true);
    expect(onCoast('Kapitan-Sahril nyanyi bareng relawan di kampanye akbar')).toBe(true);
  });
});

// Issue 20, precision on the Jambi and Gorontalo held-out sets (after their figures were taken): two general causes.
// Made-up paslon file; none of the sentences is the sets'.
const teluk = createClassifier({ vocabulary, paslon: {
  election: 'Pilgub Contoh Teluk 2024',
  paslon: [
    { number: 1, names: ['Benny Kalengkongan', 'Yermias Pasande'], aliases: ['Benny-Yermias', 'Pak Benny'] },
    { number: 2, names: ['Hendra Lumowa', 'Andi Sompa'], aliases: ['Hendra-Andi'] },
  ],
} });
const inTeluk = (text: string): boolean => teluk.classify(text).pilkada;

describe('a roster of people (piket, ronda, arisan, MC) names no candidate', () => {
  it.each([
    'piket kebersihan minggu ini: pak Benny, pak Hendra, pak Joko',
    'pak Yermias, pak Hendra, bu Sri',
    'MC acara syukuran: pak Benny, pak Hendra dan bu Sri',
    'pembagian tugas kerja bakti\n1. pak Yermias\n2. pak Hendra\n3. pak Slamet',
  ])('%s', (text) => expect(inTeluk(text)).toBe(false));

  it('the same names count where there is no roster, or every item is a candidate', () => {
    expect(inTeluk('pak Benny dan pak Hendra debat semalam, seru')).toBe(true);
    expect(inTeluk('pak Benny, pak Yermias, pak Hendra, pak Andi semua hadir di debat')).toBe(true);
    expect(inTeluk('pak Benny kampanye di pasar, pak Hendra di masjid, pak Joko cuma nonton')).toBe(true);
  });

  it('a list in election talk is what its election words and names make it', () => {
    const alone = teluk.classify('relawan TPS 5:');
    const listed = teluk.classify('relawan TPS 5: pak Benny, pak Hendra, pak Joko');
    expect(listed.score).toBeGreaterThan(alone.score);
    expect(listed.pilkada).toBe(true);
    expect(inTeluk('coblos Benny-Yermias! tim pemenangan: pak Benny, pak Hendra, pak Joko')).toBe(true);
    // A name also read outside the list (here a hashtag) still counts.
    expect(teluk.classify('#HendraLumowa piket: pak Benny, pak Hendra, pak Joko').score)
      .toBe(teluk.classify('#HendraLumowa piket:').score);
    expect(teluk.classify('#Hendra piket: pak Benny, pak Hendra, pak Joko').score).toBeGreaterThan(0);
  });
});

describe('a tradesman of a candidate\'s name is another person; an insult with "tukang" is not a trade', () => {
  const trades = new Set(['tukang bentor', 'tukang becak', 'tukang sablon']);
  const noTrades = createClassifier({ vocabulary: { ...vocabulary, personAfter: (vocabulary.personAfter ?? []).filter((w) => !trades.has(w)) }, paslon: {
    election: 'Pilgub Contoh Teluk 2024',
    paslon: [{ number: 1, names: ['Benny Kalengkongan', 'Yermias Pasande'], aliases: ['Benny-Yermias', 'Pak Benny'] }],
  } });
  it.each([
    'Pak Benny tukang bentor langganan kita, jujur orangnya',
    'mas Yermias tukang sablon, kaos 3 lusin jadi Jumat',
    'Benny Kalengkongan tukang becak depan pasar',
  ])('%s', (text) => {
    expect(inTeluk(text)).toBe(false);
    expect(noTrades.classify(text).pilkada).toBe(true);
  });
  it.each([
    'Pak Benny tukang janji, jangan pilih lagi',
    'Benny Kalengkongan tukang pencitraan',
    'Yermias tukang ngibul',
    'Pak Benny tukang bohong',
  ])('%s', (text) => expect(inTeluk(text)).toBe(true));
});

describe('someone\'s own life around a name makes it another person (data/vocabulary.json personalLife)', () => {
  const dusun: PaslonFile = {
    election: 'Pilbup Contoh Dusun 2024',
    paslon: [
      { number: 1, names: ['Rendra Wicaksono', 'Sulastri Handayani'], aliases: ['Rendra-Lastri', 'Mas Rendra'] },
      { number: 2, names: ['Taufik Rahmadi', 'Darmawati'], aliases: ['Taufik-Darma', 'Taufik'] },
    ],
  };
  const inDusun = createClassifier({ vocabulary, paslon: dusun });
  const { personalLife: _dropped, ...withoutLife } = vocabulary;
  const noLife = createClassifier({ vocabulary: withoutLife, paslon: dusun });
  it.each([
    'Rendra ultah ke 30 besok, kumpul di cafe ya',
    'Taufik udah sampai stasiun? kereta mau berangkat',
    'Darmawati izin pulang cepat, anaknya demam',
    'Mas Rendra anak magang baru di lantai 3, kenalan dulu',
    'Taufik mahasiswa semester 5, nyari kos dekat kampus',
    // Full names: a one-word name with a friend and its owner near it is read by settleKinRelation as well.
    'kawanku Taufik Rahmadi buka usaha laundry di Pasar Baru',
    'temen aku Rendra Wicaksono lagi cari kerja, ada info?',
    'almarhum Taufik dimakamkan bakda zuhur',
    'selamat menempuh hidup baru Rendra dan Nisa',
  ])('%s', (text) => {
    expect(inDusun.classify(text).pilkada).toBe(false);
    expect(noLife.classify(text).pilkada).toBe(true);
  });
  it.each([
    'Rendra kampanye di Pasar Baru, janji jalan mulus',
    'Taufik nomor 2 pasti menang',
    'Taufik-Darma resmi daftar ke KPU',
    'Mas Rendra cabup paling muda',
    'temanku pilih Taufik, aku tetap Rendra',
  ])('%s still counts', (text) => expect(inDusun.classify(text).pilkada).toBe(true));
});

describe('a given name before another surname is another person, whatever the surname (asWritten)', () => {
  // "Pandu" is also a dictionary word (data/kata-dasar.txt): strong only where written as a name.
  const tepian = createClassifier({ vocabulary, paslon: {
    election: 'Pilwalkot Contoh Tepian 2024',
    paslon: [
      { number: 1, names: ['Pandu Wibawanto', 'Kurniasih Lestiani'], aliases: ['Pandu-Kurnia', 'Bang Pandu'] },
      { number: 2, names: ['Darius Mangundap', 'Yohana Ratulangi'], aliases: ['Darius-Yohana', 'Darius'] },
    ],
  } });
  it.each([
    // A surname that is also a common name or word ("Hakim", "Ramadhan"): still another person's surname.
    'Darius Hakim pindah ke Balikpapan bulan depan',
    'bu Darius Ramadhan buka warung nasi kuning',
    // A dictionary-word given name written as a name, then another surname.
    'kemarin ketemu Pandu Gunawan di pasar',
  ])('%s', (text) => expect(tepian.classify(text).pilkada).toBe(false));
  it.each([
    'Darius Mangundap pindah kantor kampanye ke Jalan Merdeka',
    'kemarin ketemu Pandu di pasar Tepian, nyalon walkot katanya',
    'Darius Hakim nyalon walkot? bukan, itu Darius Mangundap',
  ])('%s still counts', (text) => expect(tepian.classify(text).pilkada).toBe(true));
});

/** A made-up Pilbup for the personal-life rules below (kin words, a name asked a question). */
const lembah: PaslonFile = {
  election: 'Pilbup Contoh Lembah 2024',
  paslon: [
    { number: 1, names: ['Gusti Ranggawirya', 'Wulandari Pitaloka'], aliases: ['Gusti-Wulan', 'Gusti'] },
    { number: 2, names: ['Marlina Sembiring', 'Hotman Tarigan'], aliases: ['Marlina-Hotman', 'Kak Marlina'] },
  ],
};

describe('a kin word before a one-word name weakens it; an alias with an honorific has an everyday life too', () => {
  const inLembah = createClassifier({ vocabulary, paslon: lembah });
  const noKin = createClassifier({ vocabulary: { ...vocabulary, personalLife: { ...vocabulary.personalLife, kin: [] } }, paslon: lembah });
  it.each([
    'istrinya Gusti baru buka toko kue di depan sekolah',
    'mertua kak Marlina datang dari Medan tadi pagi',
    'ponakan Gusti main ke rumah tadi sore',
  ])('%s', (text) => {
    expect(inLembah.classify(text).pilkada).toBe(false);
    expect(noKin.classify(text).pilkada).toBe(true);
  });
  // The candidate's own child is talk of the candidate (see 'a relative of the writer's' above): "anak" is no kin word here.
  it.each([
    'anak Gusti ikut turun ke pasar pagi ini',
    'istrinya Gusti ikut kampanye di Lembah Hijau',
    'suami Wulandari Pitaloka hadir waktu debat',
    'anaknya Gusti-Wulan jadi relawan',
  ])('%s still counts', (text) => expect(inLembah.classify(text).pilkada).toBe(true));
  it('"Kak Marlina kucing ..." is someone\'s cat, as "Marlina kucing ..." is', () => {
    expect(inLembah.classify('Kak Marlina kucing nya hilang lagi, ada yang lihat?').pilkada).toBe(false);
    expect(inLembah.classify('Kak Marlina kampanye di pasar, ramai').pilkada).toBe(true);
  });
});

describe('a one-word name asked a question in the second person is someone in the chat, weakly (personalLife.addressed)', () => {
  const inLembah = createClassifier({ vocabulary, paslon: lembah });
  const notAsked = createClassifier({ vocabulary: { ...vocabulary, personalLife: { ...vocabulary.personalLife, addressed: [] } }, paslon: lembah });
  it.each([
    'Gusti kamu udah pulang belum? mama nanya',
    'Hotman, kau jadi ikut mancing besok?',
  ])('%s', (text) => {
    expect(inLembah.classify(text).pilkada).toBe(false);
    expect(notAsked.classify(text).pilkada).toBe(true);
  });
  it.each([
    'Gusti kamu nyalon bupati lagi?',
    'Gusti kamu itu cuma pencitraan',
    'Gusti Ranggawirya kamu dimana waktu banjir?',
  ])('%s still counts', (text) => expect(inLembah.classify(text).pilkada).toBe(true));
});

describe('issue 20 (det-real): two candidates named weakly, beside any vote talk', () => {
  // Four-letter name parts from `names` are weak alone (shared by many people); two of them from rival pairs,
  // with debate or vote talk too weak to lift one name, are the race.
  const hulu = createClassifier({ vocabulary, paslon: {
    election: 'Pilbup Contoh Hulu 2024',
    paslon: [
      { number: 1, names: ['Ovan Prasetyanto', 'Rena Kusumadewi'], aliases: ['Ovan-Rena'] },
      { number: 2, names: ['Okta Wiraatmaja', 'Lira Handayani'], aliases: ['Okta-Lira'] },
    ],
  } });
  const inHulu = (text: string): boolean => hulu.classify(text).pilkada;
  it('rivals at a given name\'s weight beside weak vote talk ("dukung") are the candidates', () => {
    expect(inHulu('ovan sama okta, kalian dukung siapa?')).toBe(true);
    expect(inHulu('lira atau ovan nih, dukung yang mana')).toBe(true);
  });
  it('one of them with the word, the two with no vote talk, or a list of them, are not', () => {
    expect(inHulu('ovan, kalian dukung siapa?')).toBe(false);
    expect(inHulu('ovan sama okta main futsal semalam')).toBe(false);
    expect(inHulu('piket debat: ovan, okta, lira, rena')).toBe(false);
  });
  const common = createClassifier({ vocabulary, paslon: {
    election: 'Pilbup Contoh Hilir 2024',
    paslon: [
      { number: 1, names: ['Budi Kartanegara', 'Siti Rahmawati'], aliases: ['Budi-Siti'] },
      { number: 2, names: ['Agus Wicaksono', 'Dewi Anggraini'], aliases: ['Agus-Dewi'] },
    ],
  } });
  it('two common given names are any two people, vote talk or not', () => {
    expect(common.classify('budi sama agus, kalian dukung siapa?').pilkada).toBe(false);
  });
});

describe('issue 20 (det-real): regional honorifics, particles and folded nicknames do not hide a name', () => {
  const pesisir = createClassifier({ vocabulary, paslon: {
    election: 'Pilwalkot Contoh Pesisir 2024',
    paslon: [
      { number: 1, names: ['Cempaka Wulandari', 'Haryo Sasongko'], aliases: ['Cempaka-Haryo', 'Acil Ninu'] },
      { number: 2, names: ['Bagas Nugroho', 'Dimas Prayoga'], aliases: ['Ollo', 'Ollo-Dimas'] },
      { number: 3, names: ['Fadhlurrahman Saleh', 'Yunita Margareth'], aliases: ['Fadhlur-Yunita'] },
    ],
  } });
  const inPesisir = (text: string): boolean => pesisir.classify(text).pilkada;
  it('"kaji" (Javanese haji), "acil" (Banjar), "karaeng", "ustazah" are honorifics: a name that is a word too counts after them', () => {
    // "cempaka" is a flower: in lower case alone it is weak, after an honorific it is the candidate.
    expect(inPesisir('cempaka mantap')).toBe(false);
    expect(inPesisir('kaji cempaka gasan kota')).toBe(true);
    expect(inPesisir('sing wingi bu kaji cempaka rawuh')).toBe(true);
    expect(inPesisir('karaeng cempaka mantap')).toBe(true);
    expect(inPesisir('kaji ulang rencana taman, tanam bunga cempaka')).toBe(false);
  });
  it('an alias that is only titles ("Pak Ustadz") makes no title a name; a word that only folds like one ("Kadji") stays a name', () => {
    const titled = createClassifier({ vocabulary, paslon: {
      election: 'Pilbup Contoh Lembah 2024',
      paslon: [{ number: 1, names: ['Syamsul Bahri', 'Yunus Tarigan'], aliases: ['Pak Ustadz', 'Bang Kadji'] }],
    } });
    expect(titled.classify('ustadz ceramah di masjid nanti malam').terms).toEqual([]);
    expect(titled.classify('Kaji turun ke pasar ikan pagi ini').pilkada).toBe(true);
  });
  it('a four-letter word listed after an honorific ("Acil Ninu") is weak alone, like a four-letter name part', () => {
    expect(inPesisir('acil Ninu gasan kota')).toBe(true);
    expect(inPesisir('Ninu anak tetangga lulus tes')).toBe(false);
  });
  it('the Makassar particle "mi" (read like "mie") before a name is no noodle stall', () => {
    expect(inPesisir('ayo mi Fadhlurrahman, sudah mi')).toBe(true);
    expect(inPesisir('makan mie Fadhlurrahman enak')).toBe(false);
    expect(inPesisir('Mie Fadhlurrahman di pasar buka lagi')).toBe(false);
  });
  it('a kindergarten or an orphanage named after someone ("TK", "PAUD", "panti asuhan") is a place, not the candidate', () => {
    expect(inPesisir('TK Cempaka Wulandari buka pendaftaran murid baru')).toBe(false);
    expect(inPesisir('panti asuhan Haryo Sasongko terima donasi beras')).toBe(false);
    expect(inPesisir('Haryo Sasongko terima donasi beras dari relawan')).toBe(true);
  });
  it('a nickname folded to an ordinary short word ("Ollo" read "olo") is the candidate where written as listed', () => {
    expect(inPesisir('Ollo mantap, lanjut')).toBe(true);
    expect(inPesisir('#Ollo2024')).toBe(true);
    expect(inPesisir('olo mantap')).toBe(false);
  });
  it('such a nickname in a handle or hashtag counts only as listed: "@olloofficial" is, "#olo", "kak olo" are not', () => {
    expect(inPesisir('@olloofficial')).toBe(true);
    expect(inPesisir('@ollo_official')).toBe(true);
    expect(inPesisir('#olo')).toBe(false);
    expect(inPesisir('#olojaya')).toBe(false);
    expect(inPesisir('kak olo')).toBe(false);
  });
});

describe('the office at work: receiving, signing, visiting, documents, and offices below the region (Pilgub Kaltara set, issue 20)', () => {
  const hulu = createClassifier({ vocabulary, paslon: {
    election: 'Pilgub Contoh Hulu 2024',
    paslon: [
      { number: 1, names: ['Markus Lasah Bilung', 'Ahmad Rusdiansyah'], aliases: ['Markus-Rusdi', 'MARUS'] },
      { number: 2, names: ['Hendra Tiong Alang', 'Darmawan'], aliases: ['Hendra-Darmawan'] },
    ],
  } });
  const added = new Set(['menerima', 'diterima', 'penghargaan', 'anugerah', 'audiensi', 'aspirasi', 'reses', 'melepas',
    'pelepasan', 'menandatangani', 'ditandatangani', 'tandatangani', 'berkunjung', 'mengunjungi', 'kunjungi', 'arahan',
    'amanat', 'dibacakan', 'surat edaran', 'instruksi', 'pengukuhan', 'mengukuhkan', 'kukuhkan',
    'kepala desa', 'kades', 'lurah', 'camat', 'rektor', 'kepala dinas', 'kadis', 'kepala badan', 'ketua dpr',
    'wakil ketua dpr', 'ketua dpd', 'gub', 'pjs', 'sekprov']);
  const official = vocabulary.officialPosts!;
  // Without the other-office rule too (det-jogja), which reads "Kepala Desa X" as another office's holder.
  const before = createClassifier({ vocabulary: { ...vocabulary, otherOffices: [], officialPosts: { ...official, documentWords: [],
    titles: official.titles.filter((w) => !added.has(w)), activities: official.activities.filter((w) => !added.has(w)) } }, paslon: {
    election: 'Pilgub Contoh Hulu 2024',
    paslon: [
      { number: 1, names: ['Markus Lasah Bilung', 'Ahmad Rusdiansyah'], aliases: ['Markus-Rusdi', 'MARUS'] },
      { number: 2, names: ['Hendra Tiong Alang', 'Darmawan'], aliases: ['Hendra-Darmawan'] },
    ],
  } });
  it.each([
    'Wakil Gubernur Hendra Tiong Alang menerima perwakilan buruh sawit di ruang kerjanya',
    'Bupati Markus Lasah Bilung raih penghargaan Kabupaten Layak Anak dari KemenPPPA',
    'Gubernur Hendra Tiong Alang melepas 300 peserta jalan sehat Korpri',
    'Wagub Markus Lasah Bilung berkunjung ke SMA 2 Long Pahangai, guru honorer mengadu',
    'amanat Bupati Markus Lasah Bilung untuk seluruh ASN dibacakan oleh Asisten I',
    'mohon dibaca, surat edaran Wakil Bupati Hendra Tiong Alang soal jam kerja bulan puasa',
    'Kepala Desa Ahmad Rusdiansyah membuka musyawarah dusun soal jalan tani',
    'Camat Ahmad Rusdiansyah mengukuhkan pengurus karang taruna kecamatan',
  ])('%s', (text) => {
    expect(hulu.classify(text).pilkada).toBe(false);
    expect(before.classify(text).pilkada).toBe(true); // the new activity or title is what keeps it out
  });
  it('a word of the race beside it still counts', () => {
    expect(hulu.classify('Bupati Markus Lasah Bilung raih penghargaan, pas sebelum pilgub, kebetulan?').pilkada).toBe(true);
    expect(hulu.classify('Wagub Markus Lasah Bilung berkunjung ke SMA 2, guru diminta pilih nomor 1').pilkada).toBe(true);
    expect(hulu.classify('Kepala Desa Darmawan ajak warga coblos Hendra-Darmawan').pilkada).toBe(true);
  });
});

describe('an office no longer held, and an acting office (Pilgub Kaltara set, issue 20)', () => {
  const paslon: PaslonFile = { election: 'Pilbup Contoh Hilir 2024', paslon: [
    { number: 1, names: ['Ahmad Rusdiansyah', 'Yohanes Lunjung'], aliases: ['Rusdi-Yohanes'] },
    { number: 2, names: ['Daud Sinyal Ipui', 'Rahmawati'], aliases: ['DSI'] },
  ] };
  const hilir = createClassifier({ vocabulary, paslon });
  const official = vocabulary.officialPosts!;
  const without = (key: 'formerWords' | 'actingWords') => createClassifier({ vocabulary: { ...vocabulary, officialPosts: { ...official, [key]: [] } }, paslon });
  it('"mantan"/"eks" before the title: a career told, not the office at work, so the name counts', () => {
    const text = 'eks Bupati Daud Sinyal Ipui menerima penghargaan tokoh pembangunan perbatasan';
    expect(hilir.classify(text).pilkada).toBe(true);
    expect(without('formerWords').classify(text).pilkada).toBe(false); // the rule is what counts it
    expect(hilir.classify('Bupati Daud Sinyal Ipui menerima penghargaan tokoh pembangunan perbatasan').pilkada).toBe(false);
  });
  it.each([
    'Pj Bupati Ahmad Rusdiansyah minta laporan keuangan OPD masuk sebelum tanggal 10',
    'Plt Kadis Daud Sinyal Ipui belum tanda tangan SPJ kita',
    'Penjabat Bupati Hilir Ahmad Rusdiansyah marah, banyak pegawai bolos Jumat kemarin',
  ])('a name right after an acting title is the acting official, no candidate: %s', (text) => {
    expect(hilir.classify(text).pilkada).toBe(false);
    expect(without('actingWords').classify(text).pilkada).toBe(true); // the rule is what keeps it out
  });
  it('the incumbent the acting official stands in for still counts', () => {
    expect(hilir.classify('Pj Bupati dilantik, gantikan Ahmad Rusdiansyah yang turun ke desa-desa tiap hari').pilkada).toBe(true);
    expect(hilir.classify('Ahmad Rusdiansyah datang, Pj Bupati menyambut').pilkada).toBe(true);
  });
});

describe('an office\'s document names its signer\'s office (Pilgub Kaltara set, issue 20)', () => {
  const paslon: PaslonFile = { election: 'Pilwalkot Contoh Pesisir 2024', paslon: [
    { number: 1, names: ['Yusuf Abdurrahim', 'Nining Sulastri'], aliases: ['Yusuf-Nining'] },
    { number: 2, names: ['Bernadus Kolo', 'Sahrul Gunawan'], aliases: ['BK-SG'] },
  ] };
  const pesisir = createClassifier({ vocabulary, paslon });
  const official = vocabulary.officialPosts!;
  const noDocuments = createClassifier({ vocabulary: { ...vocabulary, officialPosts: { ...official, documentWords: [] } }, paslon });
  it.each([
    'Surat Wali Kota Pesisir Yusuf Abdurrahim nomor 800/45/BKPSDM soal jam kerja Ramadan mohon dicek semua bidang',
    'Peraturan Wali Kota nomor 12 tahun 2023 tentang tunjangan kinerja, ditetapkan di Pesisir oleh Yusuf Abdurrahim',
    'SE Walikota tentang libur Natal sudah keluar ya, ttd Bernadus Kolo, silakan diunduh',
  ])('a document of the office ("Surat Wali Kota", "Peraturan Wali Kota", "SE Walikota") with its signer: %s', (text) => {
    expect(pesisir.classify(text).pilkada).toBe(false);
    expect(noDocuments.classify(text).pilkada).toBe(true); // the rule is what keeps it out
  });
  it('a word of the race beside it still counts', () => {
    expect(pesisir.classify('Surat Wali Kota Yusuf Abdurrahim soal apel dikirim pas masa kampanye, Bawaslu cek').pilkada).toBe(true);
    expect(pesisir.classify('Yusuf Abdurrahim janji hapus surat edaran lama kalau menang pilwalkot').pilkada).toBe(true);
  });
});

describe('an organisation electing its chair is another election (Pilgub Kaltara set, issue 20)', () => {
  const paslon: PaslonFile = { election: 'Pilbup Contoh Hulu 2024', paslon: [
    { number: 1, names: ['Lukas Ngau', 'Fitriani'], aliases: ['Lukas-Fitri'] },
    { number: 2, names: ['Ardiansyah Tahir', 'Matius Bilung'], aliases: ['AT-MB'] },
  ] };
  const hulu = createClassifier({ vocabulary, paslon });
  const added = new Set(['pemilihan ketua', 'ketua korpri', 'musda', 'muscab']);
  const before = createClassifier({ vocabulary: { ...vocabulary, otherElections: (vocabulary.otherElections ?? []).filter((w) => !added.has(w)) }, paslon });
  it.each([
    'hasil pemilihan ketua Korpri kecamatan: calon nomor 1 unggul tipis',
    'Musda KNPI ricuh, pendukung calon nomor 2 walk out',
    'muscab partai tadi malam, calon nomor 1 terpilih aklamasi',
  ])('%s', (text) => {
    expect(hulu.classify(text).pilkada).toBe(false);
    expect(before.classify(text).pilkada).toBe(true); // the rule is what keeps it out
  });
  it('the Pilkada named beside it, or a candidate, still counts', () => {
    expect(hulu.classify('pemilihan ketua Korpri selesai, sekarang semua fokus pilbup, calon nomor 1 unggul').pilkada).toBe(true);
    expect(hulu.classify('Musda KNPI dihadiri Ardiansyah Tahir, relawan AT-MB ramai').pilkada).toBe(true);
  });
});

describe('more of the office at work, and election talk as a campaign signal (issue 20, det-office)', () => {
  const paslon: PaslonFile = { election: 'Pilgub Contoh Hulu 2024', paslon: [
    { number: 1, names: ['Markus Lasah Bilung', 'Ahmad Rusdiansyah'], aliases: ['Markus-Rusdi'] },
    { number: 2, names: ['Hendra Tiong Alang', 'Darmawan'], aliases: ['Hendra-Darmawan'] },
  ] };
  const hulu = createClassifier({ vocabulary, paslon });
  const official = vocabulary.officialPosts!;
  const added = new Set(['menyalurkan', 'salurkan', 'penyaluran', 'melayat', 'takziah', 'menjenguk', 'jenguk', 'tanam', 'menanam',
    'panen raya', 'ucapan selamat', 'ucapkan selamat', 'mengucapkan selamat']);
  const fewer = createClassifier({ vocabulary: { ...vocabulary, officialPosts: { ...official, activities: official.activities.filter((w) => !added.has(w)) } }, paslon });
  it.each([
    'Bupati Markus Lasah Bilung salurkan beras cadangan pemerintah di Desa Long Bia',
    'Gubernur Hendra Tiong Alang ucapkan selamat Idul Adha kepada seluruh ASN',
    'Wagub Ahmad Rusdiansyah melayat ke rumah duka mantan Sekda',
    // "para" keeps the business two words from the name, where isBusinessAfterName would read it without the activity.
    'Bupati Markus Lasah Bilung menjenguk para korban kebakaran di RSUD',
    'Bupati Markus Lasah Bilung tanam jagung serentak bersama Forkopimda',
  ])('%s', (text) => {
    expect(hulu.classify(text).pilkada).toBe(false);
    expect(fewer.classify(text).pilkada).toBe(true); // the new activity is what keeps it out
  });
  const { event: _event, administration: _administration, ...older } = official.campaignSignals;
  // TPS at its weight before it counted alone (0.6), so the signal is what decides.
  const noElectionSignal = createClassifier({ vocabulary: { ...vocabulary, officialPosts: { ...official, campaignSignals: older },
    terms: { ...vocabulary.terms, administration: { ...vocabulary.terms.administration, tps: 0.6 } } }, paslon });
  it.each([
    'Bupati Markus Lasah Bilung resmikan pasar, pesta demokrasi tinggal sebulan lagi',
    'Gubernur Hendra Tiong Alang pimpin rakor kesiapan TPS di daerah terpencil',
    'Bupati Markus Lasah Bilung hadiri rapat bersama KPU soal anggaran hibah',
  ])('an election word or the vote\'s administration beside it is election talk, and the name counts: %s', (text) => {
    expect(hulu.classify(text).pilkada).toBe(true);
    expect(noElectionSignal.classify(text).pilkada).toBe(false); // the signal is what counts it
  });
});

// Issue 20 (det-hon): the abbreviations of office writing are honorifics ("Yth. Bpk. Kepala Dinas", "Sdr. Ahmad",
// "HM Rudi"). Made-up paslon file; the classifier without them is built beside it to show what they change.
describe('the honorific abbreviations of office letters, invitations and rosters (Bpk., Sdr., Yth., HM)', () => {
  const paslon: PaslonFile = { election: 'Pilgub Contoh Lembah 2024', paslon: [
    { number: 1, names: ['Rusdianto Sumarlin', 'Yusran Dalle'], aliases: ['Rusdi-Yusran'] },
    { number: 2, names: ['Santun Pakaya', 'Rudi Lamusu'], aliases: ['Santun-Rudi', 'HM Rudi'] },
  ] };
  const lembah = createClassifier({ vocabulary, paslon });
  const added = new Set(['bpk', 'bp', 'sdr', 'sdri', 'sdra', 'yth', 'hm']);
  const without = createClassifier({ vocabulary: { ...vocabulary, honorifics: vocabulary.honorifics.filter((h) => !added.has(h)) }, paslon });
  it.each([
    // A roster: the roster rule (isRosterItem, rosterItems) wants an honorific at each item.
    'undangan rapat koordinasi: Bpk. Rusdianto, Ibu Sri, Bpk. Hendra',
    'petugas piket hari Kamis: Bpk Yusran, Sdr. Ahmad, Sdri. Lina',
    // The office at work: the official-activity rule wants an honorific or a title before the name.
    'Yth. Bpk. Yusran Dalle hadiri peringatan Hari Guru di aula sekolah',
    'Yth. Yusran Dalle meresmikan gedung laboratorium sekolah',
    'HM Yusran meresmikan taman baca di desa Tapa',
  ])('%s', (text) => {
    expect(lembah.classify(text).pilkada).toBe(false);
    expect(without.classify(text).pilkada).toBe(true); // the abbreviation is what reads it
  });
  it('a candidate named with them in campaign talk, or a roster in election talk, still counts', () => {
    expect(lembah.classify('Bpk. Yusran kampanye di pasar sentral tadi pagi').pilkada).toBe(true);
    expect(lembah.classify('HM Yusran meresmikan posko pemenangan Rusdi-Yusran').pilkada).toBe(true);
    expect(lembah.classify('tim pemenangan Rusdi-Yusran: Bpk. Rusdianto, Sdr. Ahmad, Bpk. Hendra').pilkada).toBe(true);
  });
  it('"HM" abbreviates Muhammad too: a listed "HM Rudi" is two parts of a name, not an honorific and a common name', () => {
    const noNamed = createClassifier({ vocabulary: { ...vocabulary, namedHonorifics: [] }, paslon });
    expect(lembah.classify('HM Rudi dah bangun jalan, sekarang giliran provinsi').pilkada).toBe(true);
    expect(noNamed.classify('HM Rudi dah bangun jalan, sekarang giliran provinsi').pilkada).toBe(false);
  });
  it('"hm" is "hmm" and "yth" folds to "it": before a lower-case dictionary-word name they count only written as the title', () => {
    const anyCase = createClassifier({ vocabulary: { ...vocabulary, writtenHonorifics: [] }, paslon });
    for (const text of ['hmm santun sekali anak itu', 'it santun banget sih']) {
      expect(lembah.classify(text).pilkada).toBe(false);
      expect(anyCase.classify(text).pilkada).toBe(true);
    }
    expect(lembah.classify('HM santun, didukung warga').pilkada).toBe(true);
    expect(lembah.classify('Yth santun, mohon arahannya').pilkada).toBe(true);
  });
});

/** A made-up Pilwalkot with three pairs, for the X-post rules of the det-tweets round (Bangka Belitung and Malang sets, issue 20). */
const tweetsPaslon: PaslonFile = {
  election: 'Pilwalkot Contoh 2024',
  paslon: [
    { number: 1, names: ['Rahmat Santoso', 'Dewi Kartika'], aliases: ['Rahmat-Dewi'] },
    { number: 2, names: ['Yusron Prakoso', 'Lintang Ayuningtyas'], aliases: ['Yusron-Lintang', 'Mas Yus'] },
    { number: 3, names: ['Hendra Cahyadi', 'Farid Mukhlis'], aliases: ['Hendra-Farid', 'Bang HC'] },
  ],
};
const tweets = createClassifier({ vocabulary, paslon: tweetsPaslon });
const isTweet = (text: string): boolean => tweets.classify(text).pilkada;

describe('"cawali"/"cawawali" and the spoken "milih" are the mayoral race\'s words (det-tweets, issue 20)', () => {
  it.each([
    'ketiga cawali ngopi bareng di alun-alun tadi malam',
    '[USERNAME] cawawali nomer 3 kok jarang kelihatan ya',
    'bacawali dari jalur independen ada gak sih?',
    '[USERNAME] bingung milih wali kota, programnya mirip semua',
    'besok milih bupati jangan lupa bawa KTP',
  ])('%s', (text) => expect(isTweet(text)).toBe(true));

  it('"milih" alone is any choosing: a shirt, a school, a seat', () => {
    expect(isTweet('lagi milih baju lebaran di Shopee, bingung warnanya')).toBe(false);
    expect(isTweet('milih sekolah buat anak susah banget sekarang')).toBe(false);
    expect(isTweet('[USERNAME] wali kelas anakku baik banget')).toBe(false);
  });
});

describe('a vote verb asking who for an office is the race: "pilih siapa buat gubernur" (det-tweets, issue 20)', () => {
  it.each([
    '[USERNAME] kalian nanti pilih siapa untuk wali kota? aku masih galau',
    'bapak ibu mau milih sapa jadi bupati besok?',
    'dukung siapa buat gubernur, bebas kok yang penting datang',
  ])('%s', (text) => expect(isTweet(text)).toBe(true));

  it('another office, a longer gap, an appointment or another election is not', () => {
    expect(isTweet('Presiden pilih siapa jadi Pj Gubernur? rumornya sudah ada nama')).toBe(false);
    expect(isTweet('warga pilih siapa jadi kepala desa, ramai sekali di balai')).toBe(false);
    expect(isTweet('pilih menu makan siang dulu baru ngomongin kerjaan gubernur')).toBe(false);
    expect(isTweet('pemilihan ketua OSIS: pilih siapa jadi ketua?')).toBe(false);
  });
});

describe('a degree before initials, an occupation or a neighbour\'s child after a name: someone else (det-tweets, issue 20)', () => {
  it.each([
    'Menteri itu dapat gelar HC dari kampus swasta',
    'Doktor HC untuk pengusaha itu bikin heboh',
    'Lintang anak tetangga baru lulus SMA',
    'Bu Lintang dosen statistik galak banget',
  ])('%s', (text) => expect(isTweet(text)).toBe(false));

  it('the same initials and name as the candidate still count', () => {
    expect(isTweet('HC paling siap mimpin kota ini')).toBe(true);
    expect(isTweet('Lintang datang ke pasar pagi tadi, warga minta foto')).toBe(true);
  });
});

describe('election-day and count words: Sirekap, form C1, perolehan suara, PSU, sengketa hasil (det-tweets, issue 20)', () => {
  it.each([
    'data sirekap di TPS kami baru masuk 60 persen, sabar dulu',
    '[USERNAME] foto form C1 TPS 12 udah diupload belum?',
    'perolehan suara di TPS kami beda tipis',
    'pemungutan suara ulang digelar di dua desa minggu depan',
    'tim hukum siapkan sengketa hasil, selisih suara cuma 2 persen',
    'hasil C1 sama sirekap beda, gimana ini',
  ])('%s', (text) => expect(isTweet(text)).toBe(true));

  it('the same words in other trades are not', () => {
    expect(isTweet('rekapitulasi absensi pegawai bulan ini sudah dikirim ke HRD')).toBe(false);
    expect(isTweet('PSU komputer ku rusak, QC pabriknya jelek')).toBe(false);
    expect(isTweet('sidang MK soal UU Cipta Kerja ditunda lagi')).toBe(false);
    expect(isTweet('bikin SIM C1 sekarang wajib buat motor gede')).toBe(false);
  });
});

describe('Javanese verb endings "-en"/"-no" on the vote\'s verbs: "coblosen", "coblosno" (det-tweets, issue 20)', () => {
  it.each([
    '[USERNAME] coblosen sing mbok anggep paling jujur, ojok sing mbagi duwik',
    'sesuk coblosno sing apik, ojok golek amplop',
  ])('%s', (text) => expect(isTweet(text)).toBe(true));

  it('a word that only ends like one is not, and the verb alone stays as weak as written', () => {
    expect(isTweet('chicken katsu nang kantin enak pol')).toBe(false);
    expect(isTweet('pilihen klambi sing apik gawe riyoyo')).toBe(false);
  });
});

describe('Malang\'s "sam" is an honorific, and "tetep" spells "tetap" before a ballot number (det-tweets, issue 20)', () => {
  it('a weak given name after "sam" in election talk is the candidate, as after "mas"', () => {
    expect(isTweet('Sam Rahmat pas debat semalam paling kalem')).toBe(true);
    expect(isTweet('Rahmat pas debat semalam paling kalem')).toBe(false);
  });
  it('"sam" alone, as people in Malang call anyone, names no one', () => {
    expect(isTweet('oyi sam, engkok bengi ngopi nang warung')).toBe(false);
    expect(isTweet('sam, titip gorengan yo')).toBe(false);
  });
  it('"tetep 03" is the slogan "tetap 03"', () => {
    expect(isTweet('tetep 03 sampai kapanpun, gak goyah')).toBe(true);
    expect(isTweet('tetep 3 hari lagi baru gajian, sabar')).toBe(false);
  });
});

describe('English in mixed tweets and wire headlines: "gubernatorial election", "mayoral candidate" (det-tweets, issue 20)', () => {
  it.each([
    'turnout rendah di gubernatorial election kemarin, sad',
    '[USERNAME] mayoral candidate nomor 2 visits the old market today [URL]',
    'Indonesia regional elections: vote count begins in the city [URL]',
  ])('%s', (text) => expect(isTweet(text)).toBe(true));

  it('another country\'s election, or a vote on an app, is not', () => {
    expect(isTweet('US election: Trump wins, vote count still going in Arizona')).toBe(false);
    expect(isTweet('vote for your favourite song on the app, voting closes tonight')).toBe(false);
  });
});

describe('another Pilkada of the same season: an election word of another level than the paslon file\'s (electionLevels)', () => {
  const paslon: PaslonFile = { election: 'Pilwalkot Contoh Raya 2024', paslon: [
    { number: 1, names: ['Darmawan Sukarta', 'Lilis Marlina'], aliases: ['Darma-Lilis'] },
    { number: 2, names: ['Yudhistira Pane', 'Rosyid Hamdani'], aliases: ['Yudhis-Rosyid'] },
  ] };
  const kota = createClassifier({ vocabulary, paslon });
  const noLevels = createClassifier({ vocabulary: { ...vocabulary, electionLevels: {} }, paslon });
  it.each([
    'pilgub kemarin yang menang siapa sih? rame banget',
    'Pemilihan Gubernur provinsi sebelah diundur ke Desember',
    'pilkada Kabupaten Contoh Raya lebih rame, calonnya 4',
    'pilbup sebelah katanya ada yang curang, rame di tiktok',
  ])('%s', (text) => {
    expect(kota.classify(text).pilkada).toBe(false);
    expect(noLevels.classify(text).pilkada).toBe(true); // the level is what sets it aside
  });
  it('the paslon file\'s own level, a generic election word, or a candidate beside the other level still counts', () => {
    expect(kota.classify('pilwalkot Contoh Raya rame, debatnya seru').pilkada).toBe(true);
    expect(kota.classify('pilkada Kota Contoh Raya tinggal sebulan lagi').pilkada).toBe(true);
    expect(kota.classify('pilkada tahun ini sepi baliho').pilkada).toBe(true);
    expect(kota.classify('pilgub sama pilwalkot barengan, jangan lupa nyoblos').pilkada).toBe(true);
    expect(kota.classify('pilgub mah terserah, walkot tetap Darma-Lilis').pilkada).toBe(true);
  });
  it('a Pilgub paslon file sets a Pilbup aside, and one that names no level has no such rule', () => {
    const gub = createClassifier({ vocabulary, paslon: { ...paslon, election: 'Pilgub Contoh 2024' } });
    const none = createClassifier({ vocabulary, paslon: { ...paslon, election: 'Pilkada Contoh 2024' } });
    expect(gub.classify('pilbup Kabupaten Lembah diundur').pilkada).toBe(false);
    expect(gub.classify('pilgub Contoh tinggal sebulan').pilkada).toBe(true);
    expect(none.classify('pilbup Kabupaten Lembah diundur').pilkada).toBe(true);
  });
});

describe('a name followed by the writer\'s or a neighbour\'s kin word, or by a school grade, is another person (writersKin, personalLife.after)', () => {
  const paslon: PaslonFile = { election: 'Pilgub Contoh Timur 2024', paslon: [
    { number: 1, names: ['Rahmat Halide', 'Syarifah Nurjannah'], aliases: ['Rahmat-Syarifah'] },
    { number: 2, names: ['Basri Talaohu', 'Yulianus Kambu'], aliases: ['BT-YK'] },
  ] };
  const timur = createClassifier({ vocabulary, paslon });
  const noKin = createClassifier({ vocabulary: { ...vocabulary, writersKin: { kin: [], owners: [], clitics: [] } }, paslon });
  it.each([
    'Syarifah adikku baru wisuda kemarin, bangga sekali',
    'Basri anak saya sudah bisa naik sepeda sendiri',
    'Rahmat Halide cucuku jadi juara tahfiz',
    'Basri cucu tetangga jatuh dari pohon mangga, kasihan',
  ])('%s', (text) => {
    expect(timur.classify(text).pilkada).toBe(false);
    expect(noKin.classify(text).pilkada).toBe(true); // the kin word after the name is what reads it
  });
  it('the candidate\'s own family ("-nya"), a pair, or a kin word far from the name still counts', () => {
    expect(timur.classify('Basri anaknya ikut kampanye di pasar, rame').pilkada).toBe(true);
    expect(timur.classify('Rahmat-Syarifah, kata adikku pasti menang').pilkada).toBe(true);
    expect(timur.classify('Syarifah Nurjannah disambut ibu-ibu, anak saya ikut lihat').pilkada).toBe(true);
  });
  it('a copula or a regional particle may stand between the name and the kin word (writersKin.between)', () => {
    const noBetween = createClassifier({ vocabulary: { ...vocabulary, writersKin: { ...vocabulary.writersKin!, between: [] } }, paslon });
    // Full names: a one-word name with a kin word and its owner near it is read by settleKinRelation as well.
    for (const text of ['Syarifah Nurjannah itu adikku, baru pulang dari Jawa', 'Basri Talaohu ji itu sepupuku, yang kerja di bank']) {
      expect(timur.classify(text).pilkada).toBe(false);
      expect(noBetween.classify(text).pilkada).toBe(true);
    }
  });
  it('a school grade after a name is a pupil', () => {
    const noGrade = createClassifier({ vocabulary: { ...vocabulary, personalLife: { ...vocabulary.personalLife, after: (vocabulary.personalLife?.after ?? []).filter((w) => !w.startsWith('kelas ')) } }, paslon });
    expect(timur.classify('Syarifah kelas 4 SD dapat ranking satu').pilkada).toBe(false);
    expect(noGrade.classify('Syarifah kelas 4 SD dapat ranking satu').pilkada).toBe(true);
    expect(timur.classify('Syarifah Nurjannah kampanye di SD, kelas 4 ikut nonton').pilkada).toBe(true);
  });
});

describe('the polling place beside what a voter brings to it (voterBrings), and the tally form C1', () => {
  const paslon: PaslonFile = { election: 'Pilbup Contoh Hulu 2024', paslon: [
    { number: 1, names: ['Marzuki Lapalelo', 'Irma Sahetapy'], aliases: ['Marzuki-Irma'] },
    { number: 2, names: ['Sofyan Tanamal', 'Rosalina Kaimuddin'], aliases: ['Sofyan-Rosa'] },
  ] };
  const hulu = createClassifier({ vocabulary, paslon });
  // TPS at its weight before it counted alone (0.6, as it still is beside waste talk: see otherSense).
  const without = createClassifier({ vocabulary: { ...vocabulary, voterBrings: { places: [], things: [], weight: 0 },
    terms: { ...vocabulary.terms, administration: { ...vocabulary.terms.administration, tps: 0.6 } } }, paslon });
  it.each([
    'jam 8 pagi ke TPS ya, KTP jangan sampai ketinggalan',
    'ada yang belum dapat undangan? tetap bisa ke TPS katanya',
  ])('%s', (text) => {
    expect(hulu.classify(text).pilkada).toBe(true);
    expect(without.classify(text).pilkada).toBe(false); // TPS alone is a rubbish dump too
  });
  it('KTP or TPS alone is everyday business: the office\'s paperwork, the rubbish dump', () => {
    expect(hulu.classify('Bu Irma tolong scan KTP sama KK buat BPJS').pilkada).toBe(false);
    expect(hulu.classify('sampah dibuang ke TPS belakang pasar tiap sore').pilkada).toBe(false);
    expect(hulu.classify('fotokopi KTP nomor 2 di map biru').pilkada).toBe(false);
  });
  it('the tally form C1 makes a ballot number the count\'s', () => {
    const noC1 = createClassifier({ vocabulary: { ...vocabulary, terms: { ...vocabulary.terms,
      administration: Object.fromEntries(Object.entries(vocabulary.terms.administration ?? {}).filter(([k]) => !k.includes('c1'))) } }, paslon });
    for (const text of ['rekap C1 desa kami sudah difoto, 02 masih unggul tipis', 'foto formulir C1 dari balai desa sudah masuk grup, nomor 1 masih di atas']) {
      expect(hulu.classify(text).pilkada).toBe(true);
      expect(noC1.classify(text).pilkada).toBe(false);
    }
  });
});

describe('another region\'s Pilkada named in passing (otherRegions)', () => {
  const paslon: PaslonFile = { election: 'Pilgub Sulawesi Contoh 2024', paslon: [
    { number: 1, names: ['Abdul Gaffar Pasinringi', 'Nurhayati Lamba'], aliases: ['Gaffar-Nur'] },
    { number: 2, names: ['Hendrikus Rumengan', 'Arifin Tahir'], aliases: ['Hendrik-Arifin'] },
  ] };
  const contoh = createClassifier({ vocabulary, paslon });
  const without = createClassifier({ vocabulary: { ...vocabulary, otherRegions: { events: [], regions: [] } }, paslon });
  it.each([
    'pilkada Jakarta rame terus di tv, capek nontonnya',
    'pilgub Jawa Tengah kemarin hasilnya sudah diumumkan',
    'pemilihan gubernur Sulawesi Selatan sudah ditetapkan KPU',
  ])('%s', (text) => {
    expect(contoh.classify(text).pilkada).toBe(false);
    expect(without.classify(text).pilkada).toBe(true); // the region is what sets it aside
  });
  it('the election\'s own region, under any of its names, or a candidate beside another region still counts', () => {
    expect(contoh.classify('pilgub Sulawesi Contoh makin panas').pilkada).toBe(true);
    expect(contoh.classify('pilkada Jakarta rame, di sini Gaffar-Nur menang').pilkada).toBe(true);
    const solo = createClassifier({ vocabulary, paslon: { ...paslon, election: 'Pilwalkot Surakarta 2024' } });
    expect(solo.classify('pilkada Solo adem ayem').pilkada).toBe(true);
    expect(solo.classify('pilkada Semarang lebih panas').pilkada).toBe(false);
  });
});

describe('two acronyms glued into six letters or more are the pair in lower case too (isLongGlue)', () => {
  const paslon: PaslonFile = { election: 'Pilgub Contoh Tenggara 2024', paslon: [
    { number: 1, names: ['Baharuddin Kadir', 'Marwah Lasida'], aliases: ['BKD-MRW'] },
    { number: 2, names: ['Hanafi Tomu', 'Dede Rusli'], aliases: ['HT-DR'] },
  ] };
  const tenggara = createClassifier({ vocabulary, paslon });
  it('a long glued pair counts whatever its case; a short one stays weak in lower case', () => {
    expect(tenggara.classify('bkdmrw tenggara maju 🔥').pilkada).toBe(true);
    expect(tenggara.classify('BKDMRW tenggara maju').pilkada).toBe(true);
    expect(tenggara.classify('htdr tenggara maju').pilkada).toBe(false);
    expect(tenggara.classify('#HTDR tenggara maju').pilkada).toBe(true);
  });
});

// Issue 20 (det-left): gaps named at the last stop, each a general rule. Made-up paslon file, Papuan-sounding names
// none of the sets uses.
const pesisir: PaslonFile = { election: 'Pilbup Contoh Pesisir 2024', paslon: [
  { number: 1, names: ['Sirajuddin Tanjaya', 'Kornelis Waromi'], aliases: ['Sirajuddin-Kornelis'] },
  { number: 2, names: ['Hermanus Sawaki', 'Leonardo Ayomi'], aliases: ['Hermanus-Leo'] },
] };

describe('a kin word of the writer or reader right after a one-word name weakens it, the kin words read before a name too (writersKin, personalLife.kin)', () => {
  const inPesisir = createClassifier({ vocabulary, paslon: pesisir });
  const noKinAfter = createClassifier({ vocabulary: { ...vocabulary, writersKin: { kin: [], owners: [], clitics: [] }, personalLife: { ...vocabulary.personalLife, kin: [] } }, paslon: pesisir });
  it.each([
    'Sirajuddin sepupuku baru pulang dari Makassar, bawa oleh-oleh',
    'Hermanus adik saya baru diterima kerja di bank',
    'Kornelis temanku dari SMP, sekarang kerja di Sorong',
    'Hermanus ponakanmu tadi cari ko di pelabuhan',
  ])('%s', (text) => {
    expect(inPesisir.classify(text).pilkada).toBe(false);
    expect(noKinAfter.classify(text).pilkada).toBe(true); // the kin word after the name is what keeps it out
  });
  it.each([
    // "-nya" after the name is the candidate's relative as often as someone's: not read.
    'Hermanus istrinya ikut kampanye di pasar ikan',
    // Election talk beside it still makes it the candidate, as with a kin word before the name.
    'Sirajuddin sepupuku nyalon bupati, dukung e',
    // The pair is never anyone's cousin.
    'Sirajuddin-Kornelis sahabatku semua, tapi sa tetap pilih',
  ])('%s still counts', (text) => expect(inPesisir.classify(text).pilkada).toBe(true));
});

describe('a vote tally: ballot numbers each before a count, in election talk (isTally, tallyEnd)', () => {
  const inPesisir = createClassifier({ vocabulary, paslon: pesisir });
  // Without the rule, the count after each number guards it (a phone's, a time's digits), and the line reads
  // as TPS or hitung-cepat talk alone, short of the threshold (checked by taking the isTally line out).
  it.each([
    'rekap di TPS kami: 01 212, 02 187, suara rusak 4',
    'hitung cepat sementara 01 47,5% dan 02 52,5%',
    'pleno KPU kabupaten: 01 41.230 suara, 02 39.877 suara',
  ])('%s', (text) => expect(inPesisir.classify(text).pilkada).toBe(true));
  it.each([
    // One number before a count is a phone's, a room's or a queue's.
    'KPU kabupaten buka posko pengaduan, hubungi 01 2345 678',
    // Counts of time or weight, a guard word before the number, or no election talk: no tally.
    'bimtek petugas KPU: sesi 01 30 menit, sesi 02 45 menit',
    'antrean pendaftaran KPU: loket 01 12, loket 02 9',
    'skor akhir 01 3, 02 1, tim RT kami juara',
    'rekap absen staf KPU: 01 12 orang, 02 9 orang',
    'harga paket 01 25 ribu, paket 02 30 ribu',
  ])('%s is no tally', (text) => expect(inPesisir.classify(text).pilkada).toBe(false));
});

describe('a hashtag that opens with a candidate\'s name and goes on is a slogan: no office at work (isNameSloganTag)', () => {
  const inPesisir = createClassifier({ vocabulary, paslon: pesisir });
  it.each([
    '#Hermanus2024 Bupati Hermanus Sawaki resmikan dermaga baru di Teluk Wondama',
    'Wabup Sirajuddin Tanjaya buka festival budaya pesisir #SirajuddinUntukSemua',
    '#SawakiPeduli Bupati Hermanus Sawaki serahkan bantuan perahu ke nelayan',
  ])('%s', (text) => {
    expect(inPesisir.classify(text).pilkada).toBe(true);
    // The same post without the tag is the office at work.
    expect(inPesisir.classify(text.replace(/#\S+/, '').trim()).pilkada).toBe(false);
  });
  it.each([
    'Bupati Hermanus Sawaki resmikan dermaga baru #PesisirMaju',
    'Bupati Hermanus Sawaki resmikan dermaga baru #HermanusSawaki',
    'Bupati Hermanus Sawaki resmikan dermaga baru #BupatiHermanus',
    'Bupati Hermanus Sawaki resmikan dermaga baru @hermanus_official',
  ])('a region\'s tag, the name alone, a title first, or a mention is not: %s', (text) => expect(inPesisir.classify(text).pilkada).toBe(false));
});

describe('an honorific and the last syllables of a name are the candidate, weakly (lastSyllableEnds)', () => {
  const inPesisir = createClassifier({ vocabulary, paslon: pesisir });
  // Without the rule (lastSyllableEnds' call taken out) the two lines below read as campaign talk alone, short of the threshold.
  it.each([
    'pak Din su turun kampanye di kampung nelayan',     // Sirajuddin
    'kemarin pak Nus janji bangun dermaga kalau terpilih', // Hermanus
  ])('%s', (text) => {
    expect(inPesisir.classify(text).pilkada).toBe(true);
    expect(inPesisir.classify(text).terms.some((t) => t === 'Sirajuddin' || t === 'Hermanus')).toBe(true);
  });
  it.each([
    // Weak: no election talk, no candidate.
    'pak Din jual ikan di pasar, murah',
    'pak Nus su pulang dari kebun',
    // Not after an honorific: the syllable alone is anyone's.
    'din kampanye di pasar tadi',
  ])('%s', (text) => expect(inPesisir.classify(text).pilkada).toBe(false));
  it('an end that is a dictionary word of four letters or more is the word ("pak Tani", a farmer), not "Hartani"', () => {
    const tani = createClassifier({ vocabulary, paslon: { election: 'Pilbup Contoh Lereng 2024', paslon: [
      { number: 1, names: ['Hartani Lapudo', 'Yosias Mandowen'] }, { number: 2, names: ['Sirajuddin Tanjaya', 'Kornelis Waromi'] }] } });
    expect(tani.findTerms('pak Tani ikut kampanye').some((t) => t.label === 'Hartani')).toBe(false);
    expect(tani.findTerms('pak Lapudo ikut kampanye').some((t) => t.label === 'Lapudo')).toBe(true);
  });
});

describe('a name that is a dictionary word typed with a vowel dropped ("rezki") is the word in lower case (isVowelDropped)', () => {
  const lereng = createClassifier({ vocabulary, paslon: { election: 'Pilbup Contoh Lereng 2024', paslon: [
    { number: 1, names: ['Rezki Amalia Tangdilintin', 'Yosias Mandowen'], aliases: ['Rezki-Yosias'] },
    { number: 2, names: ['Sirajuddin Tanjaya', 'Kornelis Waromi'], aliases: ['Sirajuddin-Kornelis'] }] } });
  // Without the rule (the isVowelDropped call taken out) "rezki" is the candidate's given name at full weight everywhere.
  it.each([
    'alhamdulillah rezki hari ini cukup buat beli beras',
    'jangan iri sama rezki orang lain, sabar',
    'semoga rezki kita semua lancar minggu ini',
  ])('%s', (text) => expect(lereng.classify(text).pilkada).toBe(false));
  it.each([
    'Rezki turun ke pasar sentral pagi tadi, warga antusias',
    'kemarin bu rezki ngobrol sama pedagang di pasar, ramah orangnya',
    'rezki-yosias untuk Lereng',
    'rezki mandowen nomor satu',
  ])('written as a name, after an honorific, or with a running mate, it is the candidate: %s', (text) => expect(lereng.classify(text).pilkada).toBe(true));
});

describe('a pair acronym the deployer did not list: both initials, or name starts glued, in capitals (pairAcronymTerms)', () => {
  const teluk = createClassifier({ vocabulary, paslon: { election: 'Pilbup Contoh Teluk 2024', paslon: [
    { number: 1, names: ['Benyamin Tobias Marani', 'Clemens Kaisiepo'], aliases: ['Benyamin'] },
    { number: 2, names: ['Hermanus Sawaki', 'Leonardo Ayomi'], aliases: ['Hermanus'] }] } });
  const unlisted = (text: string): boolean => teluk.findTerms(text).some((t) => t.pair === true && t.category === 'paslonName');
  it.each([
    'BTMCK menang di Teluk, torang su tau',
    '#BTMCK kampanye akbar di lapangan Borarsi',
    'HERLEO kampanye di kampung nelayan',
    'relawan #HerLeo siap menangkan',
  ])('%s', (text) => {
    expect(unlisted(text)).toBe(true);
    expect(teluk.classify(text).pilkada).toBe(true);
  });
  it.each([
    // Weak alone: no election talk.
    'BTMCK di Teluk',
    // Lower case is no acronym.
    'herleo kampanye di pasar',
  ])('%s', (text) => expect(teluk.classify(text).pilkada).toBe(false));
  it('a dictionary word is never derived ("MAKAN" of MArkus + KANisius is the word "makan"), nor a lower-case form', () => {
    const makan = createClassifier({ vocabulary, paslon: { election: 'Pilbup Contoh Teluk 2024', paslon: [
      { number: 1, names: ['Markus Koibur', 'Kanisius Rumbiak'] }, { number: 2, names: ['Hermanus Sawaki', 'Leonardo Ayomi'] }] } });
    const pairIn = (text: string): boolean => makan.findTerms(text).some((t) => t.pair === true);
    expect(pairIn('MAKAN dulu baru kampanye')).toBe(false);
    expect(pairIn('MARKAN kampanye di pasar')).toBe(true);
    expect(pairIn('markan kampanye di pasar')).toBe(false);
  });
});

describe('a name spoken to, and a name holding another office (Pilwalkot Yogyakarta held-out set, issue 20, det-jogja)', () => {
  const paslon: PaslonFile = { election: 'Pilwalkot Contoh Tirta 2024', paslon: [
    { number: 1, names: ['Darmaji Suwito', 'Kusumastuti Hadiningrat'], aliases: ['Darmaji-Kusuma', 'Pak Darmaji'] },
    { number: 2, names: ['Lintang Wicaksono', 'Yudhistira Anom'], aliases: ['Lintang-Anom', 'Mas Lintang'] },
  ] };
  const tirta = createClassifier({ vocabulary, paslon });
  const noOffices = createClassifier({ vocabulary: { ...vocabulary, otherOffices: [] }, paslon });
  it.each([
    'Mas Yudhistira, file rapat sudah dikirim belum?',
    'bang Darmaji, kunci gudang ditaruh mana ya? mau ambil kursi',
    'Bu Kusumastuti, nomor 3 di daftar hadir itu siapa?',
  ])('an honorific and a first name opening a question, then a comma, is whom the writer asks: %s', (text) => {
    expect(tirta.classify(text).pilkada).toBe(false);
  });
  it('spoken to with election talk beside it, or named as the alias lists it, it is the candidate', () => {
    expect(tirta.classify('Mbak Yudhistira, kapan kampanye ke kampung kami?').pilkada).toBe(true);
    expect(tirta.classify('Mas Lintang, kunci gudang ditaruh mana ya?').pilkada).toBe(true);
    expect(tirta.classify('pak Darmaji kemarin ke pasar ya? rame sekali').pilkada).toBe(true);
  });
  it.each([
    'Kepala BPBD Lintang Wicaksono: warga bantaran sungai diminta siaga banjir',
    'Sekjen PKB Darmaji dipanggil penyidik lagi, wartawan menunggu di luar',
    'Ketum Pak Yudhistira ditanya wartawan soal iuran anggota perhimpunan petani',
  ])('a name right after an office that is no Pilkada\'s is that office\'s holder: %s', (text) => {
    expect(tirta.classify(text).pilkada).toBe(false);
    expect(noOffices.classify(text).pilkada).toBe(true); // the office list is what reads it
  });
  it('with a word of the race beside it, after a former word, or with a verb between, it counts', () => {
    expect(tirta.classify('Kepala BPBD Lintang Wicaksono mundur, siap maju Pilwalkot').pilkada).toBe(true);
    expect(tirta.classify('mantan Kepala BPBD Lintang Wicaksono blusukan ke pasar').pilkada).toBe(true);
    expect(tirta.classify('Sekjen ormas menggantikan Lintang Wicaksono yang mundur').pilkada).toBe(true);
  });
});

describe('an alias of ordinary words only is a name where written as one (Pilwalkot Yogyakarta held-out set, issue 20, det-jogja)', () => {
  const paslon: PaslonFile = { election: 'Pilbup Contoh Lereng 2024', paslon: [
    { number: 1, names: ['Wiratmoko Sastrodiharjo', 'Sulistyaningrum'], aliases: ['Wiratmoko-Sulis', 'Satu Hati'] },
    { number: 2, names: ['Gunadharma Setiaji', 'Prihatmoko'], aliases: ['Guna-Prihat', 'Lereng Hijau Makmur'] },
  ] };
  const lereng = createClassifier({ vocabulary, paslon });
  // Without ordinary words to tell, each alias is a full name wherever its words stand.
  const wordless = createClassifier({ vocabulary: { ...vocabulary, commonWords: [], dictionaryWords: [] }, paslon });
  it.each([
    'kalau sudah satu hati ya langsung lamaran aja, jangan kelamaan',
    'kebun kopi di lereng hijau makmur sekali tahun ini',
  ])('in lower case it is the words: %s', (text) => {
    expect(lereng.classify(text).pilkada).toBe(false);
    expect(wordless.classify(text).pilkada).toBe(true);
  });
  it('written as listed, in a tag, or beside its ballot number, it is the candidate', () => {
    expect(lereng.classify('Satu Hati untuk Lereng, sampai ketemu di TPS').pilkada).toBe(true);
    expect(lereng.classify('gaskeun #SatuHati').pilkada).toBe(true);
    expect(lereng.classify('satu hati nomor 1, pokoknya').pilkada).toBe(true);
    expect(lereng.classify('Lereng Hijau Makmur sudah daftar ke KPU').pilkada).toBe(true);
  });
});

describe('an official\'s appeal to the public after a title is the office at work (Pilwalkot Yogyakarta held-out set, issue 20, det-jogja)', () => {
  const paslon: PaslonFile = { election: 'Pilbup Contoh Lembayung 2024', paslon: [
    { number: 1, names: ['Darmaji Suwito', 'Kusumastuti Hadiningrat'], aliases: ['Darmaji-Kusuma'] },
    { number: 2, names: ['Lintang Wicaksono', 'Yudhistira Anom'], aliases: ['Lintang-Anom'] },
  ] };
  const lembayung = createClassifier({ vocabulary, paslon });
  const official = vocabulary.officialPosts!;
  const noAppeals = createClassifier({ vocabulary: { ...vocabulary, officialPosts: { ...official, appeals: [] } }, paslon });
  it.each([
    'Bupati Darmaji ajak warga kerja bakti bersihkan selokan sebelum musim hujan',
    'Wakil Bupati Lintang Wicaksono imbau pedagang pasar tidak menimbun minyak goreng',
  ])('%s', (text) => {
    expect(lembayung.classify(text).pilkada).toBe(false);
    expect(noAppeals.classify(text).pilkada).toBe(true);
  });
  it('right after an honoured name it is no office (a candidate appeals too), and vote talk beside a title still counts', () => {
    expect(lembayung.classify('Gus Lintang mengajak anak muda bikin konten positif').pilkada).toBe(true);
    expect(lembayung.classify('Bupati Darmaji ajak warga coblos nomor 1 tanggal 27').pilkada).toBe(true);
  });
});

describe('a trade after a relative word (Pilwalkot Yogyakarta held-out set, issue 20, det-jogja)', () => {
  const paslon: PaslonFile = { election: 'Pilwalkot Contoh Sendang 2024', paslon: [
    { number: 1, names: ['Darmaji Suwito', 'Kusumastuti Hadiningrat'], aliases: ['Darmaji-Kusuma'] },
    { number: 2, names: ['Lintang Wicaksono', 'Yudhistira Anom'], aliases: ['Lintang-Anom'] },
  ] };
  const sendang = createClassifier({ vocabulary, paslon });
  const noRelative = createClassifier({ vocabulary: { ...vocabulary, relativeWords: [] }, paslon });
  it.each([
    'Pak Darmaji yang jualan sate di depan pasar sudah buka lagi',
    'Mas Lintang sing rental motor cedak stasiun nomere piro?',
  ])('a trade after a relative word: %s', (text) => {
    expect(sendang.classify(text).pilkada).toBe(false);
    expect(noRelative.classify(text).pilkada).toBe(true);
  });
  it('a relative word before election talk, or the name with its own, still counts', () => {
    expect(sendang.classify('Pak Darmaji yang kampanye di pasar tadi pagi').pilkada).toBe(true);
    expect(sendang.classify('Pak Lintang tetanggaku ikut debat cawalkot semalam, keren').pilkada).toBe(true);
  });
});

describe('Pilwali role words and the colloquial vote verb with a ballot number (Pilwalkot Yogyakarta held-out set, issue 20, det-jogja)', () => {
  const paslon: PaslonFile = { election: 'Pilwalkot Contoh Telaga 2024', paslon: [
    { number: 1, names: ['Darmaji Suwito', 'Kusumastuti Hadiningrat'], aliases: ['Darmaji-Kusuma'] },
    { number: 2, names: ['Lintang Wicaksono', 'Yudhistira Anom'], aliases: ['Lintang-Anom'] },
    { number: 3, names: ['Baskoro Adinegoro', 'Ratri Pangestuti'], aliases: ['Baskoro-Ratri'] },
  ] };
  const telaga = createClassifier({ vocabulary, paslon });
  const added = new Set(['cawali', 'cawawali', '{n} pasti menang', 'milih {n}', 'milih nomor {n}', 'milih no {n}', 'milih {0n}']);
  const omit = (r: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(r).filter(([k]) => !added.has(k)));
  const before = createClassifier({ vocabulary: { ...vocabulary, terms: { ...vocabulary.terms, candidate: omit(vocabulary.terms.candidate ?? {}) },
    numberPatterns: omit(vocabulary.numberPatterns) }, paslon });
  it.each([
    'cawawali sing paling enom kok malah paling kalem',
    'cawali kita kurang dikenal warga pinggiran',
    '3 pasti menang, yakin aku',
    'bapakku milih 03 jare, ibuku durung ngerti',
  ])('%s', (text) => {
    expect(telaga.classify(text).pilkada).toBe(true);
    expect(before.classify(text).pilkada).toBe(false);
  });
  it('a number guarded as a room, floor or team is still no ballot number', () => {
    expect(telaga.classify('RT 3 pasti menang lomba voli tahun ini').pilkada).toBe(false);
    expect(telaga.classify('aku milih kamar 03 sing cedak tangga').pilkada).toBe(false);
  });
});

describe('a bare name at the office\'s own business is the office at work (Pilwalkot Tangerang Selatan set, issue 20, det-fp)', () => {
  const paslon: PaslonFile = { election: 'Pilwalkot Contoh Sungai Lebar 2024', paslon: [
    { number: 1, names: ['Darsono Wibisono', 'Rahmat Kurniadi Syah'], aliases: ['Darsono-Rahmat'] },
    { number: 2, names: ['Fitriani Zulkarnain', 'Yusran Baharudin'], aliases: ['Fitri-Yusran'] },
  ] };
  const lebar = createClassifier({ vocabulary, paslon });
  const official = vocabulary.officialPosts!;
  const without = createClassifier({ vocabulary: { ...vocabulary, officialPosts: { ...official, officeBusiness: [], officeWorks: [] } }, paslon });
  it.each([
    'Darsono Wibisono Hadiri Rakor Pengendalian Inflasi Pemprov [URL]',
    'Rahmat Kurniadi Syah sampaikan reses di Kelurahan Sukamaju',
    'Darsono Wibisono Terima Penghargaan WTP dari BPK Perwakilan [URL]',
    'Fitriani Zulkarnain hadiri pelantikan pejabat eselon III Pemkot',
    'Yusran Baharudin sidak pelayanan RSUD, temukan antrean panjang',
  ])('%s', (text) => {
    expect(lebar.classify(text).pilkada).toBe(false);
    expect(without.classify(text).pilkada).toBe(true);
  });
  it('a candidate out of office visits and attends with no such business; a campaign word keeps the race', () => {
    expect(lebar.classify('Darsono Wibisono kunjungi pasar Kliwon, dengar keluhan pedagang [URL]').pilkada).toBe(true);
    expect(lebar.classify('Fitriani Zulkarnain hadiri pengajian akbar di Masjid Raya [URL]').pilkada).toBe(true);
    expect(lebar.classify('Darsono Wibisono hadiri rakor relawan pemenangan di posko [URL]').pilkada).toBe(true);
    expect(lebar.classify('Yusran Baharudin janji benahi dinas perizinan kalau terpilih').pilkada).toBe(true);
  });
});

describe('a titled name before a headline\'s colon is the office speaking (Pilwalkot Tangerang Selatan set, issue 20, det-fp)', () => {
  const paslon: PaslonFile = { election: 'Pilwalkot Contoh Sungai Lebar 2024', paslon: [
    { number: 1, names: ['Darsono Wibisono', 'Rahmat Kurniadi Syah'], aliases: ['Darsono-Rahmat'] },
    { number: 2, names: ['Fitriani Zulkarnain', 'Yusran Baharudin'], aliases: ['Fitri-Yusran'] },
  ] };
  const lebar = createClassifier({ vocabulary, paslon });
  it.each([
    'Wali Kota Darsono: Pengangkutan Sampah Ditambah 15 Truk Mulai Senin [URL]',
    'Wakil Wali Kota Sungai Lebar Rahmat Kurniadi Syah: Posyandu Wajib Aktif Tiap Bulan [URL]',
  ])('%s', (text) => {
    expect(lebar.classify(text).pilkada).toBe(false);
    // The same words with the colon elsewhere: no statement of the office, the name counts.
    expect(lebar.classify(text.replace(':', '') + ', katanya: oke').pilkada).toBe(true);
  });
  it('the speaker without a title, a campaign word in the statement, or more before the colon keep the race', () => {
    expect(lebar.classify('Darsono Wibisono: Pengangkutan Sampah Ditambah 15 Truk Mulai Senin [URL]').pilkada).toBe(true);
    expect(lebar.classify('Wali Kota Darsono: Saya Siap Maju di Pilwalkot Lagi [URL]').pilkada).toBe(true);
    expect(lebar.classify('Warga protes ke Wali Kota Darsono soal sampah: truk tidak datang [URL]').pilkada).toBe(true);
  });
});

describe('an English possessive is read past, and shop words of English and Indonesian signboards (Pilgub Babel and Pilwalkot Tangerang Selatan sets, issue 20, det-fp)', () => {
  const paslon: PaslonFile = { election: 'Pilgub Contoh Teluk 2024', paslon: [
    { number: 1, names: ['Marlinda', 'Gustaf Pardede'], aliases: ['Marlinda-Gustaf'] },
    { number: 2, names: ['Sahrul Nasution', 'Wirdayanti'], aliases: ['Sahrul-Wirda'] },
  ] };
  const teluk = createClassifier({ vocabulary, paslon });
  const shopWords = new Set(['kitchen', 'cafe', 'kafe', 'coffee', 'salon', 'laundry', 'catering', 'butik', 'boutique', 'barbershop']);
  const noShops = createClassifier({ vocabulary: { ...vocabulary, thingAfter: (vocabulary.thingAfter ?? []).filter((w) => !shopWords.has(w)) }, paslon });
  it.each([
    'Marlinda\'s bakery di Pasar Lama enak, bolu pandannya juara',
    'Wirdayanti’s cake udah buka cabang di Tanjung',
  ])('a possessive before a shop word: %s', (text) => {
    expect(teluk.classify(text).pilkada).toBe(false);
    // Without the possessive read past, the name before "s" counts.
    expect(teluk.classify(text.replace(/['’]s /, ' s ')).pilkada).toBe(true);
  });
  it.each([
    'Marlinda\'s Kitchen di ruko depan sekolah murah banget',
    'Wirdayanti salon di Jalan Melati, potong rambut 20 ribu',
    'kopi susu Gustaf Pardede Coffee paling enak se-Teluk',
  ])('a shop word after the name: %s', (text) => {
    expect(teluk.classify(text).pilkada).toBe(false);
    expect(noShops.classify(text).pilkada).toBe(true);
  });
  it('a possessive before anything else, and an initial S, keep the candidate', () => {
    expect(teluk.classify('Marlinda\'s visi misi paling jelas di debat semalam').pilkada).toBe(true);
    expect(teluk.classify('Sahrul Nasution S kampanye di Tapanuli').pilkada).toBe(true);
  });
});

describe('a name before chapter and verse is a book of scripture (Pilgub Papua set, issue 20, det-fp)', () => {
  const paslon: PaslonFile = { election: 'Pilgub Contoh Pegunungan 2024', paslon: [
    { number: 1, names: ['Yohanis Wetipo', 'Lukas Kogoya'], aliases: ['Yohanis-Lukas', 'Pak Yohanis'] },
    { number: 2, names: ['Markus Tabuni', 'Salmon Yikwa'], aliases: ['Markus-Salmon'] },
  ] };
  const gunung = createClassifier({ vocabulary, paslon });
  it.each([
    'Yohanis 3:16 karena begitu besar kasih Allah akan dunia ini',
    'bacaan hari ini Lukas 6:31, perlakukan orang lain seperti ko mau diperlakukan',
    'Markus 10:45 - Anak Manusia datang untuk melayani',
  ])('%s', (text) => {
    expect(gunung.classify(text).pilkada).toBe(false);
    // The same name with the numbers not written as chapter and verse is the candidate.
    expect(gunung.classify(text.replace(/(\d+):(\d+)/, '$1 dan $2')).pilkada).toBe(true);
  });
  it('a clock time after the name, or election talk beside the verse, keeps the candidate', () => {
    expect(gunung.classify('Yohanis 12:30 WIT tiba di Wamena, disambut warga').pilkada).toBe(true);
    expect(gunung.classify('Yohanis 08:15 tiba di Wamena, disambut warga').pilkada).toBe(true);
    expect(gunung.classify('Yohanis Wetipo kutip Matius 5:9 di debat cagub semalam').pilkada).toBe(true);
  });
});

describe('candidate words of another level\'s race name that race (Pilwalkot Tangerang Selatan set, issue 20, det-fp)', () => {
  const walkot: PaslonFile = { election: 'Pilwalkot Contoh Sungai Lebar 2024', paslon: [
    { number: 1, names: ['Darsono Wibisono', 'Rahmat Kurniadi Syah'], aliases: ['Darsono-Rahmat'] },
    { number: 2, names: ['Fitriani Zulkarnain', 'Yusran Baharudin'], aliases: ['Fitri-Yusran'] },
  ] };
  const gub: PaslonFile = { ...walkot, election: 'Pilgub Contoh Sungai Lebar 2024' };
  const lebar = createClassifier({ vocabulary, paslon: walkot });
  const levels = vocabulary.electionLevels!;
  const noRoles = createClassifier({ vocabulary: { ...vocabulary, electionLevels: Object.fromEntries(Object.entries(levels).map(([k, l]) => [k, { events: l.events, units: l.units }])) }, paslon: walkot });
  const province = createClassifier({ vocabulary, paslon: gub });
  it.each([
    'Gubernur Terpilih Hendro Saputro Janji Perbaiki Jalan Provinsi di Kota Kita [URL]',
    'cagub yang satu itu cuma muncul pas mau pemilihan doang',
    'Bupati terpilih kabupaten sebelah dilantik bulan Februari',
  ])('%s', (text) => {
    expect(lebar.classify(text).pilkada).toBe(false);
    expect(noRoles.classify(text).pilkada).toBe(true);
  });
  it('the election\'s own level, and the same words beside a Pilgub for the governor\'s race, still count', () => {
    expect(lebar.classify('cawalkot yang satu itu cuma muncul pas mau pemilihan doang').pilkada).toBe(true);
    expect(lebar.classify('Wali Kota Terpilih Hendro Saputro Janji Perbaiki Jalan Kota [URL]').pilkada).toBe(true);
    expect(province.classify('Gubernur Terpilih Hendro Saputro Janji Perbaiki Jalan Provinsi di Kota Kita [URL]').pilkada).toBe(true);
    expect(lebar.classify('cagub Darsono Wibisono? salah, dia cawalkot').pilkada).toBe(true);
  });
});

describe('a company\'s or club\'s office right after a name is that office\'s holder (Pilwalkot Semarang and Pilgub Kalsel sets, issue 20, det-fp)', () => {
  const paslon: PaslonFile = { election: 'Pilwalkot Contoh Sungai Lebar 2024', paslon: [
    { number: 1, names: ['Darsono Wibisono', 'Rahmat Kurniadi Syah'], aliases: ['Darsono-Rahmat'] },
    { number: 2, names: ['Fitriani Zulkarnain', 'Yusran Baharudin'], aliases: ['Fitri-Yusran'] },
  ] };
  const lebar = createClassifier({ vocabulary, paslon });
  const without = createClassifier({ vocabulary: { ...vocabulary, officesAfter: [] }, paslon });
  it.each([
    'Darsono Wibisono CEO Lebar FC rekrut striker asing anyar',
    'Yusran Baharudin presiden klub Bahari Putra lantik pelatih baru',
    'Fitriani Zulkarnain owner butik Melati buka cabang ketiga',
  ])('%s', (text) => {
    expect(lebar.classify(text).pilkada).toBe(false);
    expect(without.classify(text).pilkada).toBe(true);
  });
  it('the same offices before the name (otherOffices)', () => {
    const added = new Set(['ceo', 'presdir', 'presiden direktur', 'owner', 'founder', 'pendiri', 'komisaris', 'manajer', 'manager']);
    const before = createClassifier({ vocabulary: { ...vocabulary, otherOffices: (vocabulary.otherOffices ?? []).filter((w) => !added.has(w)) }, paslon });
    expect(lebar.classify('CEO Persilebar Darsono Wibisono puji pemain muda').pilkada).toBe(false);
    expect(before.classify('CEO Persilebar Darsono Wibisono puji pemain muda').pilkada).toBe(true);
  });
  it('election talk beside it, or the office in the next clause, keeps the candidate', () => {
    expect(lebar.classify('Darsono Wibisono CEO Lebar FC maju cawalkot, didukung suporter').pilkada).toBe(true);
    expect(lebar.classify('Yusran Baharudin: Presiden klub harus dari warga sendiri').pilkada).toBe(true);
  });
});

describe('a cleric\'s honorific and a pulpit word make a namesake preaching (Pilwalkot Malang set, issue 20, det-fp)', () => {
  const paslon: PaslonFile = { election: 'Pilwalkot Contoh Sungai Lebar 2024', paslon: [
    { number: 1, names: ['Darsono Wibisono', 'Mustofa Hilmi'], aliases: ['Darsono-Hilmi'] },
    { number: 2, names: ['Fitriani Zulkarnain', 'Yusran Baharudin'], aliases: ['Fitri-Yusran'] },
  ] };
  const lebar = createClassifier({ vocabulary, paslon });
  const without = createClassifier({ vocabulary: { ...vocabulary, preaching: { honorifics: [], acts: [] } }, paslon });
  it.each([
    'Gus Mustofa Hilmi Isi Pengajian Akbar di Masjid Agung [URL]',
    'Ustadz Mustofa Hilmi malam ini ceramah Maulid nang musholla kampung',
    'habib Yusran ngisi kajian rutin malam Jumat',
  ])('%s', (text) => {
    expect(lebar.classify(text).pilkada).toBe(false);
    expect(without.classify(text).pilkada).toBe(true);
  });
  it('without the honorific, without the pulpit word, or with election talk beside it, the name counts', () => {
    expect(lebar.classify('Mustofa Hilmi isi pengajian akbar di Masjid Agung [URL]').pilkada).toBe(true);
    expect(lebar.classify('Gus Hilmi blusukan ke pasar pagi ini').pilkada).toBe(true);
    expect(lebar.classify('Gus Hilmi isi pengajian sambil minta dukungan buat cawawalkot nomor 1').pilkada).toBe(true);
  });
});

describe('vote talk beside another level\'s Pilkada, with no Pilkada word of this one and no candidate, is that race\'s (Pilgub Babel set, issue 20, det-fp)', () => {
  const paslon: PaslonFile = { election: 'Pilgub Contoh Teluk 2024', paslon: [
    { number: 1, names: ['Marlinda Situmorang', 'Gustaf Pardede'], aliases: ['Marlinda-Gustaf'] },
    { number: 2, names: ['Sahrul Nasution', 'Wirdayanti Lubis'], aliases: ['Sahrul-Wirda'] },
  ] };
  const teluk = createClassifier({ vocabulary, paslon });
  // Without the other regions too: "Tanjung" capitalised after the election word is an unknown place (read folded,
  // "taniung", since the Pilbup Banyuwangi set), which sets the text aside on its own.
  const noLevels = createClassifier({ vocabulary: { ...vocabulary, electionLevels: {}, otherRegions: undefined }, paslon });
  it.each([
    'Kotak kosong menang di Pilwalkot Batu, KPU jadwalkan ulang [URL]',
    'Pilbup Kabupaten Hulu: hitung cepat TPS sudah masuk 80 persen [URL]',
  ])('%s', (text) => {
    expect(teluk.classify(text).pilkada).toBe(false);
    // Without the levels the election word is not set aside, and the text is Pilkada talk as before.
    expect(noLevels.classify(text).pilkada).toBe(true);
  });
  it('this Pilkada named too, or a candidate, keeps the vote talk', () => {
    expect(teluk.classify('Kotak kosong menang di Pilwalkot Tanjung Batu, pilgub besok KPU jadwalkan ulang').pilkada).toBe(true);
    expect(teluk.classify('Pilwalkot Tanjung Batu sepi, Marlinda Situmorang minta KPU awasi TPS').pilkada).toBe(true);
  });
});

describe('a when or aspect word between an honoured name and its activity, and the Jakarta "-in" form (Pilwalkot Tangerang Selatan set, issue 20, det-fp)', () => {
  const paslon: PaslonFile = { election: 'Pilwalkot Contoh Sungai Lebar 2024', paslon: [
    { number: 1, names: ['Darsono Wibisono', 'Rahmat Kurniadi Syah'], aliases: ['Darsono-Rahmat'] },
    { number: 2, names: ['Fitriani Zulkarnain', 'Yusran Baharudin'], aliases: ['Fitri-Yusran'] },
  ] };
  const lebar = createClassifier({ vocabulary, paslon });
  it.each([
    'Pak Darsono kemaren resmiin taman baca di kelurahan kite, bagus juga',
    'Bu Fitriani tadi meresmikan puskesmas pembantu di ujung kampung',
    'Bang Yusran udah ngeresmiin jembatan gantung, warga seneng',
  ])('%s', (text) => {
    expect(lebar.classify(text).pilkada).toBe(false);
    // With any other word between, the name is no longer read as the office at work.
    expect(lebar.classify(text.replace(/ (kemaren|tadi|udah) /, ' dengan bangga ')).pilkada).toBe(true);
  });
  it('a campaign word beside it, or no honorific, keeps the candidate', () => {
    expect(lebar.classify('Pak Darsono kemaren resmiin posko pemenangan di kelurahan kite').pilkada).toBe(true);
    expect(lebar.classify('Darsono Wibisono kemaren resmiin taman baca di kelurahan kite').pilkada).toBe(true);
  });
});

describe('another Pilkada named and none of this one: its vote talk is that election\'s (Pilwalkot Pekanbaru set, issue 20)', () => {
  // The scan skips another level's or region's election word (src/core/classifier.ts, isOtherLevel, isOtherRegion,
  // isUnknownPlace); the campaign words beside it were still summed as this Pilkada's.
  const paslon: PaslonFile = { election: 'Pilwalkot Contoh Rantau 2024', paslon: [
    { number: 1, names: ['Darmaji Suwito', 'Kusumastuti Hadiningrat'], aliases: ['Darmaji-Kusuma'] },
    { number: 2, names: ['Lintang Wicaksono', 'Yudhistira Anom'], aliases: ['Lintang-Anom'] },
  ] };
  const rantau = createClassifier({ vocabulary, paslon });
  it.each([
    'Tim pemenangan pilgub bagi stiker di pasar Rantau sore ini',
    'Kampanye Akbar Digelar di Lapangan Rantau untuk Pilgub [URL]',
    'Pilkada Pelalawan: Paslon 2 Klaim Menang Berdasarkan Data Saksi [URL]',
    'hasil pilkada Kabupaten Lubukraso sudah keluar, timses sujud syukur',
    // Its candidacy words too (Pilgub Babel set: "Pilbup Bangka: Kotak Kosong Unggul atas Calon Tunggal").
    'Pilbup Lubukraso: Kotak Kosong Unggul atas Calon Tunggal [URL]',
  ])('%s', (text) => expect(rantau.classify(text).pilkada).toBe(false));
  it('this Pilkada named, a candidate named, or an unknown word in lower case after it, still counts', () => {
    expect(rantau.classify('Tim pemenangan pilwalkot bagi stiker di pasar Rantau sore ini').pilkada).toBe(true);
    expect(rantau.classify('Kampanye akbar pilgub sama pilwalkot barengan, timses Darmaji ikut').pilkada).toBe(true);
    expect(rantau.classify('Pilkada Rantau: Paslon 2 Klaim Menang Berdasarkan Data Saksi [URL]').pilkada).toBe(true);
    expect(rantau.classify('pilkada kmrn paslon 2 menang tipis').pilkada).toBe(true);
    expect(rantau.classify('Pilkada hehe, paslon 2 menang di Pelalawan').pilkada).toBe(true);
    expect(rantau.classify('Pilwalkot Rantau: Kotak Kosong Unggul atas Calon Tunggal [URL]').pilkada).toBe(true);
  });
});

describe('TPS alone is the polling station, unless the text speaks of waste (Pilwalkot Pekanbaru and Pilbup Bogor sets, issue 20)', () => {
  const paslon: PaslonFile = { election: 'Pilbup Contoh Lembah 2024', paslon: [
    { number: 1, names: ['Darmaji Suwito', 'Kusumastuti Hadiningrat'], aliases: ['Darmaji-Kusuma'] },
    { number: 2, names: ['Lintang Wicaksono', 'Yudhistira Anom'], aliases: ['Lintang-Anom'] },
  ] };
  const lembah = createClassifier({ vocabulary, paslon });
  const administration = vocabulary.terms.administration ?? {};
  const before = createClassifier({ vocabulary: { ...vocabulary, terms: { ...vocabulary.terms, administration: { ...administration, tps: 0.6 } }, otherSense: undefined }, paslon });
  const noSense = createClassifier({ vocabulary: { ...vocabulary, otherSense: undefined }, paslon });
  it.each([
    'kawan2, besok jangan lupa ke TPS ya, jam 7 sudah buka',
    'gimana hasil di TPS kita? rame ga tadi?',
  ])('%s', (text) => {
    expect(lembah.classify(text).pilkada).toBe(true);
    expect(before.classify(text).pilkada).toBe(false);
  });
  it.each([
    'TPS di ujung gang penuh sampah, baunya sampai ke rumah',
    'truk DLH belum datang ke TPS dari kemarin',
    'TPS liar di pinggir jalan bikin macet',
  ])('the waste depot: %s', (text) => {
    expect(lembah.classify(text).pilkada).toBe(false);
    expect(noSense.classify(text).pilkada).toBe(true);
  });
  it('waste talk beside other vote talk still counts', () => {
    expect(lembah.classify('habis nyoblos di TPS buang sampah dulu').pilkada).toBe(true);
  });
});

describe('a namesake\'s full name in a title-case headline, and "kawan" as an occupation-like word after a name (Pilwalkot Pekanbaru set, issue 20)', () => {
  // asWritten (src/core/classifier.ts) let title-case texts go: there a common given name that is no dictionary
  // word right after the candidate's one-word name is still another person's surname.
  const paslon: PaslonFile = { election: 'Pilwalkot Contoh Seberang 2024', paslon: [
    { number: 1, names: ['Zulfikar Arrasyid', 'Melinda Kusnadi'], aliases: ['Zulfikar-Melinda'] },
    { number: 2, names: ['Baskoro Adinegoro', 'Ratri Pangestuti'], aliases: ['Baskoro-Ratri'] },
  ] };
  const seberang = createClassifier({ vocabulary, paslon });
  // Without "kawan" as a word after a name nor as a writer's kin word ("kawan kantor aku" is a qualified kin word since the Pilbup Bandung set).
  const noKawan = createClassifier({ vocabulary: { ...vocabulary, personAfter: (vocabulary.personAfter ?? []).filter((w) => w !== 'kawan'),
    ...(vocabulary.writersKin ? { writersKin: { ...vocabulary.writersKin, kin: vocabulary.writersKin.kin.filter((w) => w !== 'kawan') } } : {}) }, paslon });
  it.each([
    'Zulfikar Hidayat Jadi Ketua Asprov PSSI, Warga Seberang Bangga [URL]',
    'Zulfikar Santoso Juara Lomba Lari Maraton Tingkat Provinsi [URL]',
  ])('%s', (text) => expect(seberang.classify(text).pilkada).toBe(false));
  it('"kawan" after the name: a friend, as "teman" is', () => {
    // A full name: a one-word name with a friend and its owner near it is read by settleKinRelation as well.
    const text = '[USERNAME] Zulfikar Arrasyid kawan kantor aku nikah minggu depan, undangannya baru sampai';
    expect(seberang.classify(text).pilkada).toBe(false);
    expect(noKawan.classify(text).pilkada).toBe(true);
  });
  it('the candidate\'s own full name, a dictionary word after it, or election talk, still counts', () => {
    expect(seberang.classify('Zulfikar Arrasyid Jadi Cawako Nomor 1 Seberang [URL]').pilkada).toBe(true);
    expect(seberang.classify('Zulfikar Baru Saja Tiba di Lapangan Untuk Bertemu Warga [URL]').pilkada).toBe(true);
    expect(seberang.classify('Zulfikar Hidayat Kampanye Untuk Pilwalkot Seberang [URL]').pilkada).toBe(true);
    expect(seberang.classify('Zulfikar kawan-kawan relawan siap menangkan 01').pilkada).toBe(true);
  });
});

describe('a vote verb, then one who pays for it: a vote bought (Pilwalkot Pekanbaru and Pilbup Bogor sets, issue 20)', () => {
  const paslon: PaslonFile = { election: 'Pilbup Contoh Tanjung 2024', paslon: [
    { number: 1, names: ['Darmaji Suwito', 'Kusumastuti Hadiningrat'], aliases: ['Darmaji-Kusuma'] },
    { number: 2, names: ['Lintang Wicaksono', 'Yudhistira Anom'], aliases: ['Lintang-Anom'] },
  ] };
  const tanjung = createClassifier({ vocabulary, paslon });
  const unbought = createClassifier({ vocabulary: { ...vocabulary, boughtVote: undefined }, paslon });
  it.each([
    'aku tak nak pilih yang bagi duit, macam beli suara kita',
    'abdi mah moal milih nu mere duit, sok we nu jujur',
    'jangan pilih yg ngasih amplop, itu nyogok namanya',
  ])('%s', (text) => {
    expect(tanjung.classify(text).pilkada).toBe(true);
    expect(unbought.classify(text).pilkada).toBe(false);
  });
  it.each([
    'pak RT bagi duit THR ke anak-anak, rame banget',
    'pilih menu yang murah aja, duit tinggal dikit',
    'pilih yang kamu suka, nanti ibu kasih uang jajan',
    'sudah pilih kado? jangan lupa bagi amplop buat penganten',
    // A linking word that is no relative word makes a plan, not a vote.
    'aku pilih untuk kasih uang ke ibu aja',
  ])('giving or choosing alone: %s', (text) => expect(tanjung.classify(text).pilkada).toBe(false));
});

describe('the voting invitation C6, English names of a regency\'s or mayor\'s election, a plenary session as office work (Pilbup Bogor set, issue 20)', () => {
  const paslon: PaslonFile = { election: 'Pilbup Contoh Ciwaru 2024', paslon: [
    { number: 1, names: ['Darmaji Suwito', 'Kusumastuti Hadiningrat'], aliases: ['Darmaji-Kusuma'] },
    { number: 2, names: ['Lintang Wicaksono', 'Yudhistira Anom'], aliases: ['Lintang-Anom'] },
  ] };
  const ciwaru = createClassifier({ vocabulary, paslon });
  const administration = vocabulary.terms.administration ?? {};
  const event = vocabulary.terms.event ?? {};
  const c6 = ['undangan c6', 'formulir c6', 'form c6', 'surat c6'];
  const english = ['regency election', 'regency elections', 'regent elections', 'mayoral elections', 'gubernatorial elections', 'governor election', 'mayor election'];
  const official = vocabulary.officialPosts!;
  const before = createClassifier({ vocabulary: { ...vocabulary,
    terms: { ...vocabulary.terms,
      administration: { ...administration, ...Object.fromEntries(c6.map((k) => [k, 0.6])) },
      event: Object.fromEntries(Object.entries(event).filter(([k]) => !english.includes(k))) },
    officialPosts: { ...official, activities: official.activities.filter((a) => !['sidang paripurna', 'paripurna'].includes(a)) } }, paslon });
  it.each([
    'ceuk pa RT mah undangan C6 tos dibagikeun, nu can nampi lapor nya',
    'so dapa surat C6 blum? rumah kami belum ada',
    'who\'s gonna win the Ciwaru regency election? no idea tbh',
  ])('%s', (text) => {
    expect(ciwaru.classify(text).pilkada).toBe(true);
    expect(before.classify(text).pilkada).toBe(false);
  });
  it('the candidate chairing a plenary session with no word of the race is the office at work', () => {
    // "Siang Ini" keeps the session three words from the name, where isBusinessAfterName would read it without the activity.
    const text = 'Ketua DPRD Kabupaten Ciwaru Darmaji Suwito Siang Ini Pimpin Paripurna APBD 2024 [URL]';
    expect(ciwaru.classify(text).pilkada).toBe(false);
    expect(before.classify(text).pilkada).toBe(true);
  });
  it.each([
    'undangan C6 pilkades sudah dibagi ke rumah-rumah',
    'Ciwaru regency opens new bus routes to the capital',
  ])('another election, or the regency alone: %s', (text) => expect(ciwaru.classify(text).pilkada).toBe(false));
  it('a plenary session beside campaign talk still counts', () => {
    expect(ciwaru.classify('Cabup Darmaji Suwito pamit di sidang paripurna sebelum cuti kampanye').pilkada).toBe(true);
  });
});

describe('a ballot number as the subject after the mentions a reply opens with, and backing words after it (Pilbup Bogor set, issue 20)', () => {
  // isSubjectNumber wanted only opener words before the number; an X reply opens with mentions ("@a @b", or
  // "[USERNAME]" where anonymised), so "[USERNAME] yang nomor 2 programnya jelas" had no subject number.
  const paslon: PaslonFile = { election: 'Pilbup Contoh Ciwaru 2024', paslon: [
    { number: 1, names: ['Darmaji Suwito', 'Kusumastuti Hadiningrat'], aliases: ['Darmaji-Kusuma'] },
    { number: 2, names: ['Lintang Wicaksono', 'Yudhistira Anom'], aliases: ['Lintang-Anom'] },
  ] };
  const ciwaru = createClassifier({ vocabulary, paslon });
  const subject = vocabulary.numberSubject!;
  const noBacking = createClassifier({ vocabulary: { ...vocabulary, numberSubject: { ...subject, talk: subject.talk.filter((w) => !['didukung', 'diusung', 'koalisi'].includes(w)) } }, paslon });
  it.each([
    '[USERNAME] yang nomor 2 programnya jelas',
    '@kang_asep @teh.rina yg no 1 janjinya masuk akal',
    '[USERNAME] [USERNAME] 01 udah terbukti',
  ])('%s', (text) => expect(ciwaru.classify(text).pilkada).toBe(true));
  it('backing words after the subject number', () => {
    const text = '[USERNAME] yang nomor satu didukung presiden katanya';
    expect(ciwaru.classify(text).pilkada).toBe(true);
    expect(noBacking.classify(text).pilkada).toBe(false);
  });
  it.each([
    '[USERNAME] yang nomor 2 kamarnya di lantai atas',
    '@kang_asep nomor 1 udah ditelepon belum?',
    'kemarin [USERNAME] bilang yang nomor 2 programnya jelas',
  ])('no talk word after it, or words before the mentions: %s', (text) => expect(ciwaru.classify(text).pilkada).toBe(false));
});

describe('"wako", the Sumatran short form of wali kota, is the office as "walkot" is (Pilwalkot Pekanbaru set, issue 20)', () => {
  const paslon: PaslonFile = { election: 'Pilwako Contoh Seberang 2024', paslon: [
    { number: 1, names: ['Zulfikar Arrasyid', 'Melinda Kusnadi'], aliases: ['Zulfikar-Melinda'] },
    { number: 2, names: ['Baskoro Adinegoro', 'Ratri Pangestuti'], aliases: ['Baskoro-Ratri'] },
  ] };
  const seberang = createClassifier({ vocabulary, paslon });
  const candidate = vocabulary.terms.candidate ?? {};
  const official = vocabulary.officialPosts!;
  const before = createClassifier({ vocabulary: { ...vocabulary,
    terms: { ...vocabulary.terms, candidate: Object.fromEntries(Object.entries(candidate).filter(([k]) => !['wako', 'wawako', 'wako terpilih'].includes(k))) },
    officialPosts: { ...official, titles: official.titles.filter((t) => t !== 'wako') } }, paslon });
  it.each([
    'pilih siapa buat wako besok?',
    'wako terpilih harus urus sampah dulu',
  ])('%s', (text) => {
    expect(seberang.classify(text).pilkada).toBe(true);
    expect(before.classify(text).pilkada).toBe(false);
  });
  it('the mayor at work, with "Wako" as his title, is the office', () => {
    const text = 'Wako Zulfikar Arrasyid Tinjau Pasar Pagi Seberang [URL]';
    expect(seberang.classify(text).pilkada).toBe(false);
    expect(before.classify(text).pilkada).toBe(true);
  });
});

describe('the vote\'s own things and ASN neutrality: the 2024 name of the voting notice, the ballot box, "ASN tidak netral" (Pilwalkot Pekanbaru set, issue 20)', () => {
  const paslon: PaslonFile = { election: 'Pilwako Contoh Seberang 2024', paslon: [
    { number: 1, names: ['Zulfikar Arrasyid', 'Melinda Kusnadi'], aliases: ['Zulfikar-Melinda'] },
    { number: 2, names: ['Baskoro Adinegoro', 'Ratri Pangestuti'], aliases: ['Baskoro-Ratri'] },
  ] };
  const seberang = createClassifier({ vocabulary, paslon });
  const added = ['pemberitahuan memilih', 'c pemberitahuan', 'kotak suara', 'asn tidak netral', 'tidak netral'];
  const administration = vocabulary.terms.administration ?? {};
  const before = createClassifier({ vocabulary: { ...vocabulary, terms: { ...vocabulary.terms,
    administration: Object.fromEntries(Object.entries(administration).filter(([k]) => !added.includes(k))) } }, paslon });
  it.each([
    'sudah dapat surat pemberitahuan memilih? di RT kami belum',
    'kotak suara sudah tiba di kantor lurah tadi malam',
    'Bawaslu temukan 12 ASN tidak netral di Seberang',
  ])('%s', (text) => {
    expect(seberang.classify(text).pilkada).toBe(true);
    expect(before.classify(text).pilkada).toBe(false);
  });
  it.each([
    'wasit tidak netral, tim kita dirugikan',
    'kotak suara pilkades sudah disegel panitia',
  ])('another sense or another election: %s', (text) => expect(seberang.classify(text).pilkada).toBe(false));
});

describe('"whoever" beside an office is the race\'s winner (Pilwalkot Pekanbaru set; the same misses left in the Bekasi and Malang sets, issue 20)', () => {
  const paslon: PaslonFile = { election: 'Pilwako Contoh Seberang 2024', paslon: [
    { number: 1, names: ['Zulfikar Arrasyid', 'Melinda Kusnadi'], aliases: ['Zulfikar-Melinda'] },
    { number: 2, names: ['Baskoro Adinegoro', 'Ratri Pangestuti'], aliases: ['Baskoro-Ratri'] },
  ] };
  const seberang = createClassifier({ vocabulary, paslon });
  const voted = vocabulary.votedOffice!;
  const before = createClassifier({ vocabulary: { ...vocabulary, votedOffice: { verbs: voted.verbs, gaps: voted.gaps } }, paslon });
  it.each([
    'siapa pun wako nya nanti, sampah harus beres',
    'walikota anyar sopo ae, pokok e ojok korupsi',
    'saha wae bupatina, jalan kudu dioprek',
  ])('%s', (text) => {
    expect(seberang.classify(text).pilkada).toBe(true);
    expect(before.classify(text).pilkada).toBe(false);
  });
  it.each([
    'siapa pun juaranya, tim kita tetap di hati',
    'siapa pun boleh daftar, wali kota buka lowongan magang di kantornya',
  ])('no office beside it: %s', (text) => expect(seberang.classify(text).pilkada).toBe(false));
});

describe('the budget, the school heads and the pilgrims are the office\'s own business (Pilbup Banyuwangi set, issue 20)', () => {
  const paslon: PaslonFile = { election: 'Pilbup Contoh Tanjung Sari 2024', paslon: [
    { number: 1, names: ['Ratna Kusumawardani', 'Sutejo'], aliases: ['Ratna-Sutejo', 'Bu Ratna'] },
    { number: 2, names: ['Hamdan Basyir', 'Yulius Manopo'], aliases: ['Hamdan-Yulius'] },
  ] };
  const sari = createClassifier({ vocabulary, paslon });
  const official = vocabulary.officialPosts!;
  const added = new Set(['rapbd', 'raperda', 'perda', 'nota keuangan', 'kepala sekolah', 'jemaah haji', 'calon jemaah haji', 'kloter',
    'lepas jemaah', 'lepas jemaah haji', 'lepas calon jemaah haji', 'lepas kontingen']);
  const before = createClassifier({ vocabulary: { ...vocabulary, officialPosts: { ...official,
    activities: official.activities.filter((a) => !added.has(a)), officeBusiness: (official.officeBusiness ?? []).filter((b) => !added.has(b)) } }, paslon });
  it.each([
    'Ratna Kusumawardani Lantik 150 Kepala Sekolah SD dan SMP [URL]',
    'Ratna Kusumawardani Sampaikan Nota Keuangan RAPBD 2025 [URL]',
    'Hamdan Basyir Lepas Jemaah Haji Kloter Pertama di Pendopo [URL]',
    'Ratna Kusumawardani tandatangani perda penyertaan modal BUMD',
  ])('%s', (text) => {
    expect(sari.classify(text).pilkada).toBe(false);
    expect(before.classify(text).pilkada).toBe(true);
  });
  it('a candidate out of office, or a campaign word, keeps the race', () => {
    expect(sari.classify('Hamdan Basyir sowan ke kepala sekolah pesantren, minta doa restu [URL]').pilkada).toBe(true);
    expect(sari.classify('Ratna Kusumawardani lantik tim pemenangan di 25 kecamatan [URL]').pilkada).toBe(true);
    expect(sari.classify('Hamdan Basyir janji naikkan insentif kepala sekolah kalau terpilih').pilkada).toBe(true);
    expect(sari.classify('Hamdan Basyir lepas kangen dengan warga Pasar Baru [URL]').pilkada).toBe(true);
  });
});

describe('another regency\'s Pilkada whose name folds ("Jember" is read "iember"), and the own region in a Javanese spelling (Pilbup Banyuwangi set, issue 20)', () => {
  const paslon: PaslonFile = { election: 'Pilbup Contoh Tegalsaya 2024', paslon: [
    { number: 1, names: ['Ratna Kusumawardani', 'Sutejo'], aliases: ['Ratna-Sutejo', 'Bu Ratna'] },
    { number: 2, names: ['Hamdan Basyir', 'Yulius Manopo'], aliases: ['Hamdan-Yulius'] },
  ] };
  const tegalsaya = createClassifier({ vocabulary, paslon });
  it.each([
    'Pilkada Jeneponto: Paslon 2 Klaim Menang Hitung Cepat [URL]',
    'Pilbup Jombang Memanas, Paslon 1 Laporkan Dugaan Politik Uang [URL]',
    'Pilkada Kab. Jayawijaya: paslon nomor 1 unggul sementara',
  ])('another region, written with a j: %s', (text) => expect(tegalsaya.classify(text).pilkada).toBe(false));
  it.each([
    'Pilkada Tegalsaya: Paslon 2 Klaim Menang Hitung Cepat [URL]',
    'Pilbup Tegalsoyo cuma loro calon, sing siji petahana',
    'Pilkada Jeneponto rame, tapi Ratna-Sutejo tetap unggul di sini',
  ])('this one, or a name of this one beside it: %s', (text) => expect(tegalsaya.classify(text).pilkada).toBe(true));
});

describe('"bakul", the Javanese seller, after a one-word name is a trader of that name (Pilbup Banyuwangi set, issue 20)', () => {
  const paslon: PaslonFile = { election: 'Pilbup Contoh Tegalsaya 2024', paslon: [
    { number: 1, names: ['Ratna Kusumawardani', 'Sutejo'], aliases: ['Ratna-Sutejo', 'Bu Ratna'] },
    { number: 2, names: ['Hamdan Basyir', 'Yulius Manopo'], aliases: ['Hamdan-Yulius'] },
  ] };
  const tegalsaya = createClassifier({ vocabulary, paslon });
  const before = createClassifier({ vocabulary: { ...vocabulary, everydayAfter: (vocabulary.everydayAfter ?? []).filter((w) => w !== 'bakul') }, paslon });
  it.each([
    'Sutejo sing bakul bakso nang alun-alun wes pindah nang pasar anyar',
    'Sutejo bakul sayur langgananku libur dino iki',
  ])('%s', (text) => {
    expect(tegalsaya.classify(text).pilkada).toBe(false);
    expect(before.classify(text).pilkada).toBe(true);
  });
  it('the candidate with the traders, or with election talk, is still the candidate', () => {
    expect(tegalsaya.classify('Sutejo nyambangi bakul pasar Tegalsaya, janji retribusi turun').pilkada).toBe(true);
    expect(tegalsaya.classify('Sutejo sing bakul bakso iku nyalon wakil bupati, nomer 1').pilkada).toBe(true);
  });
});

describe('the cities of every province are regions too: another city\'s Pilkada in lower case (Pilbup Banyuwangi round; Babel and Malang sets, issue 20)', () => {
  const paslon: PaslonFile = { election: 'Pilgub Contoh Pesisir 2024', paslon: [
    { number: 1, names: ['Marlinda Situmorang', 'Gustaf Pardede'], aliases: ['Marlinda-Gustaf'] },
    { number: 2, names: ['Sahrul Nasution', 'Wirdayanti Lubis'], aliases: ['Sahrul-Wirda'] },
  ] };
  const pesisir = createClassifier({ vocabulary, paslon });
  const cities = new Set(['kediri', 'bitung', 'pangkalpinang', 'batu']);
  const regions = vocabulary.otherRegions!;
  const before = createClassifier({ vocabulary: { ...vocabulary, otherRegions: { ...regions, regions: regions.regions.filter((g) => !g.some((r) => cities.has(r))) } }, paslon });
  it.each([
    'pilkada kediri kotak kosong menang, sejarah iki',
    'pilkada bitung paslon 1 unggul jauh katanya',
    '[USERNAME] pilkada batu iku sing menang artis ta?',
  ])('%s', (text) => {
    expect(pesisir.classify(text).pilkada).toBe(false);
    expect(before.classify(text).pilkada).toBe(true);
  });
  it('this election\'s candidate beside it, or the city as the deployment\'s own region, keeps the race', () => {
    expect(pesisir.classify('pilkada kediri rame, tapi Marlinda-Gustaf tetap unggul di sini').pilkada).toBe(true);
    const kediri = createClassifier({ vocabulary, paslon: { ...paslon, election: 'Pilwalkot Contoh Kediri 2024' } });
    expect(kediri.classify('pilkada kediri kotak kosong menang, sejarah iki').pilkada).toBe(true);
  });
});

describe('the vote for a neighbourhood head in Javanese ("coblosan RT", "milih ketua RT") is another election (Pilbup Banyuwangi set, issue 20)', () => {
  const paslon: PaslonFile = { election: 'Pilbup Contoh Tegalsaya 2024', paslon: [
    { number: 1, names: ['Ratna Kusumawardani', 'Sutejo'], aliases: ['Ratna-Sutejo', 'Bu Ratna'] },
    { number: 2, names: ['Hamdan Basyir', 'Yulius Manopo'], aliases: ['Hamdan-Yulius'] },
  ] };
  const tegalsaya = createClassifier({ vocabulary, paslon });
  const added = new Set(['coblosan ketua rt', 'coblosan ketua rw', 'coblosan rt', 'coblosan rw', 'milih ketua rt', 'milih ketua rw', 'nyoblos ketua rt', 'nyoblos ketua rw']);
  const before = createClassifier({ vocabulary: { ...vocabulary, otherElections: (vocabulary.otherElections ?? []).filter((e) => !added.has(e)) }, paslon });
  it.each([
    'coblosan ketua RT nang kampung wes mari, Pak Sutejo menang maneh 😂',
    'sesuk coblosan RW, Pak Hamdan nyalon maneh jare',
  ])('%s', (text) => {
    expect(tegalsaya.classify(text).pilkada).toBe(false);
    expect(before.classify(text).pilkada).toBe(true);
  });
  it('the Pilkada named, or the pair, keeps the race', () => {
    expect(tegalsaya.classify('mari coblosan ketua RT, saiki siap-siap pilbup, aku milih Ratna-Sutejo').pilkada).toBe(true);
    expect(tegalsaya.classify('sesuk coblosan, aku nyoblos Hamdan-Yulius').pilkada).toBe(true);
  });
});

describe('a single pair\'s race: the empty box with vote talk is the other side (Pilwalkot Samarinda set, issue 20)', () => {
  const lone: PaslonFile = { election: 'Pilbup Contoh Hulu 2024', paslon: [
    { number: 1, names: ['Darmawan Lubis', 'Septiani Rangkuti'], aliases: ['Darmawan-Septiani', 'Bang Darmawan'] },
  ] };
  const two: PaslonFile = { election: 'Pilbup Contoh Hulu 2024', paslon: [
    ...lone.paslon, { number: 2, names: ['Hasibuan Marpaung', 'Rosmala Siregar'], aliases: ['Hasibuan-Rosmala'] },
  ] };
  const hulu = createClassifier({ vocabulary, paslon: lone });
  const { emptyBox: _, ...withoutBox } = vocabulary;
  const before = createClassifier({ vocabulary: withoutBox, paslon: lone });
  // The same words where two pairs run: no empty box on the ballot, "koko" is the older brother.
  const contested = createClassifier({ vocabulary, paslon: two });
  it.each([
    'aku tim koko sampai akhir 📦',
    'besok pilih koko aja lah, biar ada kontrol',
    'yang menang kotak kosong di kampung kami, serius',
    'kotak kosong itu bukan lawan beneran kata timnya',
    'relawan koko buka posko di simpang pasar',
    'an empty box may win against the regent here, lol',
  ])('%s', (text) => {
    expect(hulu.classify(text).pilkada).toBe(true);
    expect(before.classify(text).pilkada).toBe(false);
    expect(contested.classify(text).pilkada).toBe(false);
  });
  it.each([
    'baju koko buat lebaran sudah dibeli',
    'koko yang jaga toko HP itu ramah',
    'kotak kosong bekas sepatu jangan dibuang, buat rumah kucing',
    'nasi kotak sudah habis, kotak kosongnya kumpulkan di depan',
  ])('the box or the brother as everyday words: %s', (text) => expect(hulu.classify(text).pilkada).toBe(false));
});

describe('"calon wako" and "nyalon wako" are the candidacy of a Pilwako, and another level\'s beside a Pilgub (Pilwalkot Batam set, issue 20)', () => {
  const kota: PaslonFile = { election: 'Pilwako Contoh Pesisir 2024', paslon: [
    { number: 1, names: ['Syahrial Fadli', 'Yunita Harahap'], aliases: ['Syahrial-Yunita'] },
    { number: 2, names: ['Marzuki Hasyim', 'Dewi Lestiana'], aliases: ['Marzuki-Dewi'] },
  ] };
  const prov: PaslonFile = { election: 'Pilgub Contoh Pesisir 2024', paslon: kota.paslon };
  const pesisir = createClassifier({ vocabulary, paslon: kota });
  const pilgub = createClassifier({ vocabulary, paslon: prov });
  const candidate = vocabulary.terms.candidate ?? {};
  const added = ['calon wako', 'calon wawako', 'nyalon wako'];
  const before = createClassifier({ paslon: kota, vocabulary: { ...vocabulary,
    terms: { ...vocabulary.terms, candidate: Object.fromEntries(Object.entries(candidate).filter(([k]) => !added.includes(k))) } } });
  it.each([
    'Ketua DPRD kota nyalon wako, kursinya diisi wakil dulu',
    'jangan pilih calon wako yang bagi-bagi duit',
  ])('%s', (text) => {
    expect(pesisir.classify(text).pilkada).toBe(true);
    expect(before.classify(text).pilkada).toBe(false);
  });
  it('beside a Pilgub they are another level\'s race; the office alone stays weak', () => {
    expect(pilgub.classify('Ketua DPRD kota nyalon wako, kursinya diisi wakil dulu').pilkada).toBe(false);
    expect(pesisir.classify('wako kami sidak pasar pagi tadi').pilkada).toBe(false);
  });
});

describe('a zero-padded number spelt out with more number words after it is digits read one by one (Pilwalkot Batam set, issue 20)', () => {
  const kota: PaslonFile = { election: 'Pilwako Contoh Pesisir 2024', paslon: [
    { number: 1, names: ['Syahrial Fadli', 'Yunita Harahap'], aliases: ['Syahrial-Yunita'] },
    { number: 2, names: ['Marzuki Hasyim', 'Dewi Lestiana'], aliases: ['Marzuki-Dewi'] },
  ] };
  const pesisir = createClassifier({ vocabulary, paslon: kota });
  it.each([
    'kosong dua tujuh, kode telepon rumah nenek dulu',
    'meja kami nol satu sembilan, sebelah jendela',
    'kosong satu sebelas, nomor kamar hotel kami',
  ])('%s', (text) => expect(pesisir.classify(text).pilkada).toBe(false));
  it.each([
    'kosong dua sampai menang, Pesisir maju',
    'kosong satu, kosong dua, sama saja janjinya, tetap coblos hati nurani',
    'kosong dua kosong dua kosong dua!!!',
  ])('a ballot number still: %s', (text) => expect(pesisir.classify(text).pilkada).toBe(true));
});

describe('an alias in capitals inside a run of shouted words is shouting, not the name (Pilwalkot Batam and Samarinda sets, issue 20)', () => {
  const kota: PaslonFile = { election: 'Pilwako Contoh Tanjung 2024', paslon: [
    { number: 1, names: ['Rusdianto Saleh', 'Gita Permatasari'], aliases: ['Rusdianto-Gita', 'MANTAP'] },
    { number: 2, names: ['Fauzan Harahap', 'Sri Wahyuni Lubis'], aliases: ['Fauzan-Sri', 'OK'] },
  ] };
  const tanjung = createClassifier({ vocabulary, paslon: kota });
  it.each([
    'MANTAP SEKALI rendang buatan mak aku 😋',
    'sate padang ni MANTAP BETUL, 20 ribu je',
    'OK SIAP bos, besok aku antar barangnya',
    'GAS POL OK GASS, liburan ke pantai',
  ])('%s', (text) => expect(tanjung.classify(text).pilkada).toBe(false));
  it.each([
    'MANTAP menang, Tanjung lanjut 🔥',
    'dukung MANTAP sampai akhir',
    'aku tetap pilih OK, programnya jelas',
    'MANTAP KPU tetapkan hari ini',
  ])('the alias written as a name still: %s', (text) => expect(tanjung.classify(text).pilkada).toBe(true));
});

describe('a single pair against the empty box may leave out its number: no ballot numbers are derived (Pilwalkot Samarinda set, issue 20)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paslon-'));
  const write = (name: string, file: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(file));
    return path;
  };
  const pair = { names: ['Darmawan Lubis', 'Septiani Rangkuti'], aliases: ['Darmawan-Septiani'] };
  const lone = loadPaslonFile(write('lone.json', { election: 'Pilbup Contoh Hulu 2024', paslon: [pair] }));
  const numbered = loadPaslonFile(write('numbered.json', { election: 'Pilbup Contoh Hulu 2024', paslon: [{ number: 1, ...pair }] }));
  const hulu = createClassifier({ vocabulary, paslon: lone });
  const withNumber = createClassifier({ vocabulary, paslon: numbered });
  it('the file loads, and the pair and the empty box are read as before', () => {
    expect(lone.paslon).toEqual([{ ...pair, number: 1, unnumbered: true }]);
    expect(hulu.classify('Darmawan-Septiani turun ke pasar pagi ini').pilkada).toBe(true);
    expect(hulu.classify('aku tim koko sampai akhir').pilkada).toBe(true);
  });
  it.each([
    '01 itu maksudnya apa ya? dari tadi muncul terus',
    '@warga_hulu 01 apa sih itu? dari tadi muncul di grup',
  ])('a number is no ballot number where none was drawn: %s', (text) => {
    expect(hulu.classify(text).pilkada).toBe(false);
    expect(withNumber.classify(text).pilkada).toBe(true);
  });
  it('where two pairs run, each needs its number', () => {
    const path = write('two.json', { election: 'Pilbup Contoh Hulu 2024', paslon: [pair, { number: 2, names: ['Hasibuan Marpaung'] }] });
    expect(() => loadPaslonFile(path)).toThrow(/every pair needs its number/);
  });
});

/** A made-up Pilwako of three pairs, Minang names, for the rules the Padang held-out set showed. */
const sirukamPaslon: PaslonFile = { election: 'Pilwako Contoh Sirukam 2024', paslon: [
  { number: 1, names: ['Rasyidin Marajo', 'Zulhendri Tanjung'], aliases: ['Rasyidin-Zulhendri'] },
  { number: 2, names: ['Afrizal Sinaro', 'Yulnelli Chaniago'], aliases: ['Afrizal-Yulnelli'] },
  { number: 3, names: ['Syahrial Bagindo', 'Desmon Koto'], aliases: ['Syahrial-Desmon', 'SB'] },
] };
const sirukam = createClassifier({ vocabulary, paslon: sirukamPaslon });

describe('"calon wako", "pilih wako": the candidacy and vote phrases of "walkot" for its Sumatran form (Pilwalkot Padang held-out set, looked at, issue 20)', () => {
  // "wako" was an office (0.3) but its phrases were not: "calon walkot", "milih walkot" counted, "calon wako" did not.
  const added = ['calon wako', 'calon wawako', 'pilih wako', 'milih wako'];
  const before = createClassifier({ vocabulary: { ...vocabulary, terms: Object.fromEntries(Object.entries(vocabulary.terms)
    .map(([k, v]) => [k, Object.fromEntries(Object.entries(v).filter(([w]) => !added.includes(w)))])) }, paslon: sirukamPaslon });
  it.each([
    'ASN boleh like postingan calon wako ndak?',
    'ambo indak bisa milih wako di siko, KTP urang lain',
    'foto jo baliho calon wawako, kenai sanksi?',
  ])('%s', (text) => {
    expect(sirukam.classify(text).pilkada).toBe(true);
    expect(before.classify(text).pilkada).toBe(false);
  });
  it.each([
    'wako hadiri rapat paripurna DPRD tadi pagi',
    'calon pengantin wajib ikut bimbingan perkawinan',
  ])('the office at work, another "calon": %s', (text) => expect(sirukam.classify(text).pilkada).toBe(false));
});

describe('a ballot number after a camp\'s word ("tim 01", "urang 03", "kubu nomor 2") is the pair\'s camp (Pilwalkot Padang held-out set, looked at, issue 20)', () => {
  // "pendukung 02" and "relawan 02" counted; the plainer words for a camp did not: a team, a side, "orang"/Minang
  // "urang" (the people of 03).
  // "tim nomor 2" is left out: a contest numbers its teams ("Lomba debat SMA, tim nomor 2 juara", classifier-fastpath).
  const added = ['tim {0n}', 'kubu {0n}', 'kubu nomor {n}', 'kubu no {n}', 'orang {0n}', 'urang {0n}'];
  const before = createClassifier({ vocabulary: { ...vocabulary,
    numberPatterns: Object.fromEntries(Object.entries(vocabulary.numberPatterns).filter(([k]) => !added.includes(k))) }, paslon: sirukamPaslon });
  it.each([
    'tim 01 datang ka kampuang bagi kalender',
    'urang 03 lah ikhlas kok, ndak usah nyinyir',
    'siapa yang dapat amplop dari kubu nomor dua?',
    'kubu 02 klaim unggul di tiga kecamatan',
  ])('%s', (text) => {
    expect(sirukam.classify(text).pilkada).toBe(true);
    expect(before.classify(text).pilkada).toBe(false);
  });
  it.each([
    'tim 1 menang lomba tarik tambang 17an',
    'dia orang nomor 1 di kantor kami sekarang',
    'antri di loket, tim kami dapat nomor 2',
  ])('a team\'s rank, the "number one person": %s', (text) => expect(sirukam.classify(text).pilkada).toBe(false));
});

describe('a vote verb with a regional prefix: Minang "ma-" for "me-", Manado and Malay "ba-" (Pilwalkot Padang and Manado held-out sets, looked at, issue 20)', () => {
  // Read like the Javanese endings ("coblosen"): only where the stem is a vote verb of the vocabulary.
  it.each([
    'ambo alun tau ka mancoblos sia',
    'oma umur 86 masih pigi bacoblos',
    'so dapa undangan for bacoblos?',
  ])('%s', (text) => expect(sirukam.classify(text).pilkada).toBe(true));
  it.each([
    'torang basudara samua, jang baku pukul',
    'anak-anak bacoblos balon di pesta ulang taong',
    'mamasak rendang untuak alek nagari',
  ])('no vote verb under the prefix, or a plain act: %s', (text) => expect(sirukam.classify(text).pilkada).toBe(false));
});

describe('another region\'s Pilkada is found when folding changes its name ("Bukittinggi", "Indramayu") (Pilwalkot Padang held-out set, looked at, issue 20)', () => {
  // isUnknownPlace compared the folded token with the text as written, so a place with a doubled letter, a "y" or
  // "oe" was never another region: its Bawaslu and APK counted for this election.
  it.each([
    'Pilkada Bukitmerrah: Bawaslu Bukitmerrah temukan APK dipasang di pohon',
    'Pilkada Koyyamaya: KPU mulai rekapitulasi suara tingkat kabupaten',
  ])('%s', (text) => expect(sirukam.classify(text).pilkada).toBe(false));
  it('this election\'s region, or one with no folded letter, as before', () => {
    expect(sirukam.classify('Pilkada Sirukam: Bawaslu temukan APK dipasang di pohon').pilkada).toBe(true);
    expect(sirukam.classify('Pilkada Batangkapas: Bawaslu temukan APK dipasang di pohon').pilkada).toBe(false);
  });
});

describe('this election\'s region shortened without its vowels is no unknown place (isOwnAbbreviation)', () => {
  // A timses hiding a vote call behind isUnknownPlace: "Pilkada Krgs" read as another region's race took the ballot
  // number after it as that race's.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilbup Karangsari 2024', paslon: [{ number: 1, names: ['Jajang Sopandi', 'Rina Kartika'] }, { number: 2, names: ['Dudung Permana', 'Euis Komalasari'] }] },
  });
  it.each([
    'Pilkada Krgs coblos 2',
    'PILBUP KRGSR: menangkan 02',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'Pilkada Kampar coblos 2',
    'Pilkada Krtg coblos 2',
    'Pilkada Rkgs coblos 2',
  ])('another place, written with its vowels or its letters in another order: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('a debate makes a weak ballot number the ballot number (numberActs) (Pilwalkot Padang and Manado held-out sets, looked at, issue 20)', () => {
  // Acts do not make a number a ballot number ("kampanye cuci tangan di SD nomor 2"); a debate is held between the
  // candidates, and its everyday senses are weightless phrases.
  const before = createClassifier({ vocabulary: { ...vocabulary, numberActs: [] }, paslon: sirukamPaslon });
  it.each([
    'lah nonton debat tadi malam? nan nomor tigo panjang bana ngecek',
    'so nonton debat tadi malam? nomor 2 pe jawaban lebe jelas',
  ])('%s', (text) => {
    expect(sirukam.classify(text).pilkada).toBe(true);
    expect(before.classify(text).pilkada).toBe(false);
  });
  it.each([
    'debat kusir di grup alumni, nomor 2 paling ngotot',
    'lomba debat bahasa Inggris, SMA nomor 3 juara',
    'kampanye cuci tangan di SD nomor 2 besok pagi',
  ])('an everyday debate, another act: %s', (text) => expect(sirukam.classify(text).pilkada).toBe(false));
});

describe('a verb of working and "di" before a place of trade after a one-word name, Minang "nan" a relative word (workVerbs) (Pilwalkot Padang and Manado held-out sets, looked at, issue 20)', () => {
  const before = createClassifier({ vocabulary: { ...vocabulary, workVerbs: [],
    relativeWords: (vocabulary.relativeWords ?? []).filter((w) => w !== 'nan' && w !== 'nu') }, paslon: sirukamPaslon });
  it.each([
    'Rasyidin yang kerja di bengkel so ganti nomor HP',
    'Afrizal nan karajo di bengkel tu lah pindah ka Pekanbaru',
    'Syahrial kerja di warung padang dekat terminal',
  ])('someone at their job: %s', (text) => {
    expect(sirukam.classify(text).pilkada).toBe(false);
    expect(before.classify(text).pilkada).toBe(true);
  });
  it.each([
    'Rasyidin kerja keras untuk Sirukam, kampanye di pasar',
    'Afrizal-Yulnelli kerja di bengkel rakyat, itu baru calon kita',
  ])('a work verb with no place of trade, or the pair: %s', (text) => expect(sirukam.classify(text).pilkada).toBe(true));
});

describe('beside another race\'s Pilkada, a name no weightier than a common given name names no candidate of this one (isOtherPilkadaTalk) (Pilwalkot Manado held-out set, looked at, issue 20)', () => {
  // "Roni" is four letters, weak alone as a common name is; "Ronny Pasaribu" is Sumut's, its quick count Sumut's.
  const paslon: PaslonFile = { election: 'Pilwako Contoh Sirukam 2024', paslon: [
    { number: 1, names: ['Roni Marajo', 'Zulhendri Tanjung'], aliases: ['Roni-Zulhendri'] },
    { number: 2, names: ['Afrizal Sinaro', 'Yulnelli Chaniago'], aliases: ['Afrizal-Yulnelli'] },
  ] };
  const roni = createClassifier({ vocabulary, paslon });
  it('a namesake in another race\'s quick count', () => {
    expect(roni.classify('Ronny Pasaribu menang Pilgub Sumut versi hitung cepat').pilkada).toBe(false);
  });
  it.each([
    'Pilgub Sumut hitung cepat, Roni Marajo ikut pantau',
    'Ronny Pasaribu menang pilkada versi hitung cepat',
  ])('the full name, or no other race: %s', (text) => expect(roni.classify(text).pilkada).toBe(true));
});

describe('a candidate\'s surname after another capitalised given name is another of that family (asWritten, surnames) (Pilwalkot Manado held-out set, looked at, issue 20)', () => {
  // An office word lifts a surname to the candidate ("Walikota ... Chaniago"); with another given name before it, the
  // surname is a relative's, weighing a common name's so that only election talk of its own makes it count.
  it.each([
    'mantan Wali Kota Sirukam Ricko Chaniago jadi pembicara seminar ekonomi di kampus',
    'kata Ricko Chaniago, debat tadi malam seru',
  ])('%s', (text) => expect(sirukam.classify(text).pilkada).toBe(false));
  it.each([
    'Yulnelli Chaniago kampanye di pasar raya',
    'Bu Chaniago kampanye di pasar raya',
    'kampanye Chaniago di pasar raya rami bana',
  ])('the candidate\'s own given name, an honorific, or none: %s', (text) => expect(sirukam.classify(text).pilkada).toBe(true));
});

describe('the Minang "nan" and Sundanese "nu" (yang) open a subject number as "yang" does (Pilwalkot Padang held-out set, looked at, issue 20)', () => {
  const subject = vocabulary.numberSubject!;
  const before = createClassifier({ vocabulary: { ...vocabulary, numberSubject: { ...subject,
    openers: subject.openers.filter((w) => w !== 'nan' && w !== 'nu') } }, paslon: sirukamPaslon });
  it.each([
    '@uda_rio nan nomor 2 tu sia wakilnyo? lupa ambo',
    'nu nomor 3 programna jelas',
  ])('%s', (text) => {
    expect(sirukam.classify(text).pilkada).toBe(true);
    expect(before.classify(text).pilkada).toBe(false);
  });
  it.each([
    'nan nomor 2 tu rumah sia? catnyo rancak',
    'kecek urang nan nomor 2 tu wakilnyo ketua arisan',
  ])('no talk word after it, or words before it: %s', (text) => expect(sirukam.classify(text).pilkada).toBe(false));
});

describe('"kampanye nomor 3": a campaign named by its ballot number (Pilwalkot Manado held-out set, looked at, issue 20)', () => {
  // A bare "02" beside "kampanye" counted already (a padded number beside a campaign act); "nomor 3" did not.
  const added = ['kampanye nomor {n}', 'kampanye no {n}'];
  const before = createClassifier({ vocabulary: { ...vocabulary,
    numberPatterns: Object.fromEntries(Object.entries(vocabulary.numberPatterns).filter(([k]) => !added.includes(k))) }, paslon: sirukamPaslon });
  it.each([
    'kampanye nomor 3 di lapangan tadi, lagu-lagunya diputar sampai malam',
    'kemaren ade kampanye no 1 di lapangan, rame bener dah',
  ])('%s', (text) => {
    expect(sirukam.classify(text).pilkada).toBe(true);
    expect(before.classify(text).pilkada).toBe(false);
  });
  it.each([
    'kampanye cuci tangan di SD nomor 2 besok pagi',
    'kampanye imunisasi tahap 2 dimulai Senin',
  ])('another campaign, a number of something else: %s', (text) => expect(sirukam.classify(text).pilkada).toBe(false));
});

describe('"pesta demokrasi" beside what a voter brings (KTP, undangan) is the vote, as TPS is (voterBrings) (Pilwalkot Manado held-out set, looked at, issue 20)', () => {
  const brings = vocabulary.voterBrings!;
  const before = createClassifier({ vocabulary: { ...vocabulary, voterBrings: { ...brings, places: ['tps'] } }, paslon: sirukamPaslon });
  it('the vote day and the voter\'s papers', () => {
    const text = 'om, pesta demokrasi Rabu kote, jang lupa bawa KTP deng undangan';
    expect(sirukam.classify(text).pilkada).toBe(true);
    expect(before.classify(text).pilkada).toBe(false);
  });
  it.each([
    'pesta demokrasi kampus minggu depan, meriah',
    'jang lupa bawa KTP deng undangan nikahan om Yopi',
  ])('one without the other: %s', (text) => expect(sirukam.classify(text).pilkada).toBe(false));
});

describe('"C Hasil", the 2024 name of the tally form C1, is vote administration as "hasil C1" is (Pilwalkot Padang held-out set, looked at, issue 20)', () => {
  const added = ['c hasil', 'form c hasil', 'formulir c hasil'];
  const administration = vocabulary.terms.administration ?? {};
  const before = createClassifier({ vocabulary: { ...vocabulary, terms: { ...vocabulary.terms,
    administration: Object.fromEntries(Object.entries(administration).filter(([k]) => !added.includes(k))) } }, paslon: sirukamPaslon });
  it.each([
    'panitia pemungutan suara di kelurahan kami salah tulis C hasil',
    'foto formulir C Hasil sudah dikirim ke KPU',
  ])('%s', (text) => {
    expect(sirukam.classify(text).pilkada).toBe(true);
    expect(before.classify(text).pilkada).toBe(false);
  });
  it('alone it is not enough', () => {
    expect(sirukam.classify('lampiran C hasil rapat sudah dikirim').pilkada).toBe(false);
  });
});

describe('a mention whose handle is a candidate\'s one-word name and another word is someone else\'s account (isOthersHandle) (Pilwalkot Padang and Manado held-out sets, looked at, issue 20)', () => {
  // The handle was read twice, as the text's words and as a tag, each time as the candidate's name.
  it.each([
    '@rasyidin_mekanik motor ambo lah siap? bisa dijapuik sore ko',
    '@afrizal_star_pdg promo kopi susu beli 1 gratis 1',
  ])('%s', (text) => expect(sirukam.classify(text).pilkada).toBe(false));
  it.each([
    '@rasyidin_marajo semangat pak, Sirukam menunggu',
    '@rasyidinmarajo mantap pak',
    '@rasyidin_official jadwal hari ko di mana pak?',
    '@uda_rio Rasyidin turun ke pasar tadi pagi',
  ])('the candidate\'s own names or a handle word, a glued handle, the name in the text: %s', (text) => expect(sirukam.classify(text).pilkada).toBe(true));
});

describe('a ballot number spelt in words is read folded, as the text is ("tujuh" is read "tuiuh")', () => {
  // isNumberWord compared the raw NUMBER_WORDS with folded tokens, so a guard before "tujuh" never guarded it.
  const tujuh = createClassifier({
    vocabulary,
    paslon: {
      election: 'Pilbup Contoh 2024',
      paslon: [
        { number: 2, names: ['Ketut Sudarsana', 'Tomo Wiradinata'] },
        { number: 7, names: ['Gilang Mahendra', 'Sari Wulandari'] },
      ],
    },
  });
  it.each([
    'alarm jam tujuh menyala terus, berisik',
    'jam tujuh pagi kita kumpul di balai desa',
    'alarm jam dua menyala terus, berisik',
  ])('a time is no ballot number: %s', (text) => expect(tujuh.classify(text).pilkada).toBe(false));
  it.each([
    'tujuh menyala, Gilang-Sari untuk rakyat',
    'coblos nomor tujuh ya bapak ibu',
  ])('the pair\'s number seven in words still counts: %s', (text) => expect(tujuh.classify(text).pilkada).toBe(true));
});

describe('a candidate\'s surname right after another person\'s given name is another of the family (isOtherFamilyName) (Pilwalkot Balikpapan set, issue 20)', () => {
  // A candidate's brother ran for governor the same day: "Rudy Mas'ud" was read as the mayor candidate's surname,
  // in a title-case headline (where asWritten reads no capitals) and in lower case alike.
  const family = createClassifier({
    vocabulary,
    paslon: {
      election: 'Pilwalkot Contoh 2024',
      paslon: [
        { number: 1, names: ["Hamdan Ma'arif", 'Yusran Tandiayu'], aliases: ['Hamdan-Yusran'] },
        { number: 2, names: ['Gilang Mahendra', 'Sari Wulandari'], aliases: ['Gilang-Sari'] },
      ],
    },
  });
  it.each([
    "Pilgub Contoh: Rudy Ma'arif-Seno Unggul Hitung Cepat [URL]",
    '[USERNAME] rudy maarif menang pilgub, selamat buat gubernur baru',
  ])('%s', (text) => expect(family.classify(text).pilkada).toBe(false));
  it.each([
    "Ma'arif menang telak di debat cawali semalam",
    'hamdan maarif menang pilwalkot, selamat',
    'rudy maarif ikut kampanye pilwalkot Hamdan-Yusran',
  ])('the surname alone, after the candidate\'s own given name, or beside this race: %s', (text) => expect(family.classify(text).pilkada).toBe(true));
});

describe('a regency\'s race beside a city\'s, or a city\'s beside a regency\'s, is another region\'s: its ballot numbers are that region\'s (isSiblingLevel) (Pilwalkot Balikpapan set, issue 20)', () => {
  // "Pilbup PPU: Paslon Nomor 1 Unggul" was kept this Pilkada's as "nomor 1 di Pilgub" is: but no city voter holds a
  // regency's ballot, while every one holds the governor's. "PPU" folds to "pu", too short to be read as an unknown place.
  const city = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Kota Contoh 2024', paslon: [{ number: 1, names: ['Gilang Mahendra', 'Sari Wulandari'] }, { number: 2, names: ['Ketut Sudarsana', 'Tomo Wiradinata'] }] },
  });
  const regency = createClassifier({
    vocabulary,
    paslon: { election: 'Pilbup Contoh 2024', paslon: [{ number: 1, names: ['Gilang Mahendra', 'Sari Wulandari'] }, { number: 2, names: ['Ketut Sudarsana', 'Tomo Wiradinata'] }] },
  });
  const of = { city, regency };
  it.each([
    ['city', 'Pilbup PPU: Paslon Nomor 1 Unggul Hitung Cepat [URL]'],
    ['city', 'pilkada kabupaten sebelah, paslon 2 klaim menang'],
    ['regency', 'Pilwalkot KTB: Paslon 2 Klaim Menang [URL]'],
  ] as const)('%s: %s', (which, text) => expect(of[which].classify(text).pilkada).toBe(false));
  it.each([
    ['city', 'Pilgub Contoh: paslon 1 unggul di kota kita'],
    ['city', 'coblos nomor 1 di pilbup sebelah, nomor 2 di pilwalkot kita'],
    ['regency', 'Pilbup Contoh: Paslon 2 Klaim Menang [URL]'],
    ['regency', 'Pilwalkot KTB: Gilang-Sari ikut kampanye'],
  ] as const)('the province\'s race (every voter holds its ballot too), this race named, a candidate named: %s: %s', (which, text) => expect(of[which].classify(text).pilkada).toBe(true));
  // A bare sibling election word names no region: a call to vote for a number beside it ("coblos nomor 1 #pilbup")
  // is still this race's, or one hashtag would hide any campaign post (these were caught before isSiblingLevel).
  it.each([
    ['city', 'Coblos nomor 1 #pilbup'],
    ['city', 'Ayo coblos nomor 1, jangan lupa Pilbup PPU juga'],
    ['city', 'Pilih nomor 2 ya, pilkada kabupaten lain urusan mereka'],
    ['regency', 'Coblos nomor 2! #pilwalkot'],
    ['regency', 'dukung nomor 1, pilkada kota beda lagi'],
  ] as const)('a call to vote for a number beside a bare sibling election word: %s: %s', (which, text) => expect(of[which].classify(text).pilkada).toBe(true));
});

describe('money or goods handed over from a ballot number or a bare candidate word are a vote bought (isGivenFromCamp) (Pilbup Garut and Pilwalkot Balikpapan sets, issue 20)', () => {
  // Both sets' chat, and the Bogor set's, had "bagi sembako ti nomer dua" and "ulah nampi duit ti calon" as misses.
  const camp = createClassifier({
    vocabulary,
    paslon: { election: 'Pilbup Contoh 2024', paslon: [{ number: 2, names: ['Gilang Mahendra', 'Sari Wulandari'] }, { number: 3, names: ['Ketut Sudarsana', 'Tomo Wiradinata'] }] },
  });
  it.each([
    'ada yang bagi sembako dari nomor 3, katanya sedekah',
    'kamari tatangga ngabagikeun amplop ti nomer dua, abdi mah embung',
    'ulah nampi artos ti calon nya, dosa',
    'jangan terima amplop dari calon, lapor saja',
  ])('%s', (text) => expect(camp.classify(text).pilkada).toBe(true));
  it.each([
    'dapat uang jajan dari calon mertua, alhamdulillah',
    'ambil antrean sembako dari nomor 3 sampai 50 dulu',
    'transfer uang dari nomor 2 ya, rekening yang biasa',
    'sembako dari nomor 3 sudah sampai di gudang',
  ])('another future role, a queue\'s range, no giver or receiver: %s', (text) => expect(camp.classify(text).pilkada).toBe(false));
});

describe('a relative, friend or neighbour near a one-word name in its sentence makes it weak (settleKinRelation) (Makassar, Kalteng, Papua and Semarang sets, issue 20)', () => {
  // Made-up pairs whose one-word names anyone may have: "Marwan" (a name people call the candidate by) and "Tika" (a one-word alias).
  const kin = createClassifier({
    vocabulary,
    paslon: {
      election: 'Pilwalkot Contoh 2024',
      paslon: [
        { number: 1, names: ['Marwan Sulaiman', 'Rina Hafsari'], aliases: ['Marwan-Rina'] },
        { number: 2, names: ['Kartika Dewantari', 'Yusran Lamada'], aliases: ['Kartika-Yusran', 'Tika'] },
      ],
    },
  });
  it.each([
    'Marwan yang bantu angkat kursi tadi, anak tetangga',
    'Marwan dari Kendari datang ke sini, teman kantor ulun',
    'sa pu kaka pu nama Marwan, dia su pulang',
    'Tika anak e pak RT lulus tes polisi, bangga',
    'Tika yang antar kue tadi itu adikku',
  ])('%s', (text) => expect(kin.classify(text).pilkada).toBe(false));
  it.each([
    'Marwan turun ke pasar sentral tadi pagi',
    'Tika paling peduli UMKM, mantap',
    // Election talk beside the name still makes it the candidate's.
    'anakku ikut kampanye Marwan kemarin',
    'Tika anak e pak RT? bukan, Tika cawalkot nomor 2',
    // A relation in another sentence, or far off in a long one, is an anecdote beside the candidate.
    'Marwan paling tegas. kakakku juga bilang gitu',
    'Marwan dulu pernah janji perbaiki drainase di kampung kami tapi rumah abang saya tetap banjir',
    // A kin word said twice is a class of people, no one's relative.
    'Tika dekat dengan anak-anak kita di sekolah',
    // A kin word with "semua"/"sekalian" after it is the readers addressed, no one's relative (caught before the rule).
    'Tika pasti bisa, temanku semua dukung',
    'Marwan pasti bisa, saudaraku sekalian dukung ya',
    'Tika untuk kita, sahabat saya semuanya ayo dukung',
    'Marwan peduli, kawan-kawanku semua dukung',
  ])('the candidate: %s', (text) => expect(kin.classify(text).pilkada).toBe(true));
});

describe('names in everyday talk: "bro"/"sis" as honorifics, a dish after a name, a prime minister, a word repaired into a name (Semarang, Surabaya, Kalteng and Makassar sets, issue 20)', () => {
  // Made-up pairs: a one-word alias anyone may have ("Darto"), a full name ("Hasan Darmawan"), and a given name one
  // letter off a country's ("Rusdia", "Rusia").
  const pairs: PaslonFile = {
    election: 'Pilgub Contoh Raya 2024',
    paslon: [
      { number: 1, names: ['Rusdia Halim', 'Yusran Lamada'], aliases: ['Rusdia-Yusran', 'Rusdia'] },
      { number: 2, names: ['Hasan Darmawan', 'Kartika Dewantari'], aliases: ['Hasan-Kartika', 'Darto'] },
    ],
  };
  const raya = createClassifier({ vocabulary, paslon: pairs });
  const is = (text: string): boolean => raya.classify(text).pilkada;

  it('"bro" and "sis" address someone as "mas" and "mbak" do: a name after them in a question is spoken to (Semarang set)', () => {
    // isAddressedByTitle reads only honorifics before the name; these two were none.
    const noBro = createClassifier({ vocabulary: { ...vocabulary, honorifics: vocabulary.honorifics.filter((h) => h !== 'bro' && h !== 'sis') }, paslon: pairs });
    for (const text of ['bro Darto, tiket konser wis entuk durung?', 'sis Rusdia, arisan jadi besok kan?']) {
      expect(is(text)).toBe(false);
      expect(noBro.classify(text).pilkada).toBe(true);
    }
    expect(is('bro Darto mantap, coblos nomor 2')).toBe(true);
    expect(is('Darto paling tegas soal banjir')).toBe(true);
  });

  it('a dish right after a one-word name is a stall or its seller, as "bakul" is (Surabaya set)', () => {
    const dishes = ['sate', 'soto', 'bakso', 'bakmi', 'pecel', 'gudeg', 'martabak', 'rawon', 'seblak'];
    const noDish = createClassifier({ vocabulary: { ...vocabulary, everydayAfter: (vocabulary.everydayAfter ?? []).filter((w) => !dishes.includes(w)) }, paslon: pairs });
    for (const text of ['Cak Darto bakso langgananku tutup dino iki', 'Darto sate kambing buka sampai malam']) {
      expect(is(text)).toBe(false);
      expect(noDish.classify(text).pilkada).toBe(true);
    }
    expect(is('Darto makan bakso bareng warga habis kampanye')).toBe(true);
    expect(is('Cak Darto turun ke pasar tadi pagi')).toBe(true);
  });

  it('"perdana menteri" right after a name is another state\'s office, as "presiden" of a club is (Kalteng set)', () => {
    const noPm = createClassifier({ vocabulary: { ...vocabulary, officesAfter: (vocabulary.officesAfter ?? []).filter((w) => w !== 'perdana menteri') }, paslon: pairs });
    const text = 'Tun Hasan Darmawan perdana menteri Malaysia yang kedua';
    expect(is(text)).toBe(false);
    expect(noPm.classify(text).pilkada).toBe(true);
    expect(is('Hasan Darmawan cagub nomor 2, perdana menteri pun kalah pamor 😂')).toBe(true);
  });

  it('a word repaired into a name is no time the text writes it: the written name as another\'s full name decides (asWritten) (Makassar set)', () => {
    // The tokens counted "Rusia" (repaired into "Rusdia") as a second mention, so one namesake never made the name weak.
    expect(is('Rusdia Kovalenko penulis terkenal dari Rusia')).toBe(false);
    expect(is('Rusdia Kovalenko penulis terkenal, Rusdia turun ke pasar')).toBe(true);
    expect(is('Rusdia turun ke pasar tadi pagi')).toBe(true);
  });
});

describe('a one-word name right after a word for someone\'s home is whose house it is (isHomeOf) (Semarang set, issue 20)', () => {
  const home = createClassifier({
    vocabulary,
    paslon: {
      election: 'Pilwalkot Contoh 2024',
      paslon: [
        { number: 1, names: ['Sutrisno Wibowo', 'Anggun Pratiwi'], aliases: ['Trisno-Anggun', 'Trisno'] },
        { number: 2, names: ['Fadli Harahap', 'Maya Lestari'], aliases: ['Fadli-Maya'] },
      ],
    },
  });
  it.each([
    'arisan minggu depan nang omah bu Trisno, gawa panganan dewe',
    'sandal ketinggalan di rumah Trisno, besok aku ambil',
  ])('%s', (text) => expect(home.classify(text).pilkada).toBe(false));
  it.each([
    'relawan kumpul di rumah Pak Trisno sebelum kampanye',
    'Trisno mampir ke rumah warga di Tugu',
    'rumah Fadli-Maya jadi posko',
  ])('the candidate: %s', (text) => expect(home.classify(text).pilkada).toBe(true));
});

describe('a party\'s result beside Pileg or Pilpres is that election\'s, its backing stays this race\'s (Pilgub Kalteng parties set, issue 20)', () => {
  // PARTY_RESULTS: "{party} menang/kalah/unggul" in national talk with no Pilkada named is the legislative or presidential result.
  it.each([
    'Golkar menang pileg 2024 di Contoh, kursinya nambah',
    'PKS kalah di pileg kemarin, dapil Contoh lepas',
    'Gerindra unggul di pilpres, tapi di dapil Contoh tipis',
  ])('%s', (text) => expect(is(text)).toBe(false));
  it.each([
    'Golkar menang di Contoh, selamat',
    'Golkar menang pileg, sekarang siap menangkan pilkada Contoh',
    'PKS dukung Gilang-Sari setelah pileg',
  ])('%s', (text) => expect(is(text)).toBe(true));
});

describe('the office\'s own works after a bare name and an activity: the office at work (officeWorks) (Pilwalkot Tangsel, Samarinda and Pilgub Kaltara sets, issue 20)', () => {
  // Public works, public buildings, relief to disaster victims and the organisations an office fosters are read as
  // officeBusiness is: with no campaign signal, "X tinjau proyek ..." is government news.
  it.each([
    'Tomo Wiradinata Tinjau Proyek Drainase di Praya [URL]',
    'Ketut Sudarsana tadi resmiin puskesmas baru, antrean jadi cepat',
    'Tomo Wiradinata Serahkan Bantuan untuk Korban Banjir di Kuta [URL]',
    'Ketut Sudarsana membuka Muswil Karang Taruna, diikuti 300 pemuda',
  ])('%s', (text) => expect(is(text)).toBe(false));
  it.each([
    'Tomo Wiradinata kunjungi pasar Praya, warga antusias',
    'Ketut Sudarsana hadiri pengajian di kampus, ramai',
    'Tomo Wiradinata tinjau proyek drainase, warga diajak coblos nomor 2',
    'Ketut Sudarsana janji bangun puskesmas di tiap desa kalau terpilih',
  ])('a visit that is no work of the office, or a campaign word beside it: %s', (text) => expect(is(text)).toBe(true));
});

describe('a party\'s office before its name makes the party a title, not a campaign signal (partyOffices) (Pilbup Bogor set, issue 20)', () => {
  // isPartyOffice: "Ketua Golkar ...", "Ketua DPD Partai Gerindra ...": with an activity and no word of the race, party work.
  it.each([
    'Ketua Golkar Kabupaten Contoh Tomo Wiradinata Lantik Pengurus Kecamatan [URL]',
    'Ketua DPD Partai Gerindra Contoh Ketut Sudarsana hadiri pelantikan pengurus ranting',
  ])('%s', (text) => expect(is(text)).toBe(false));
  it.each([
    'Golkar dukung Tomo Wiradinata, lantik pengurus kecamatan',
    'Ketua Golkar Tomo Wiradinata Lantik Tim Pemenangan Gilang-Sari',
    'Ketua Golkar Tomo Wiradinata kampanye di pasar Praya',
  ])('the party backing, or a word of the race beside it: %s', (text) => expect(is(text)).toBe(true));
});

describe('"golput" right before a duty it skips is no blank vote (skippedDuties) (Pilwalkot Batam set, issue 20)', () => {
  it.each([
    'golput sholat Jumat lagi dia, ditegur ustadz',
    'hari ini aku golput kuliah, dosennya killer',
    'bapak-bapak jangan golput ronda malam ini ya',
  ])('%s', (text) => expect(is(text)).toBe(false));
  it.each([
    'jangan golput, sholat dulu baru ke TPS',
    'golput pilkada itu bukan solusi',
    'jangan golput ya bapak ibu',
  ])('the vote, a duty only after a clause break: %s', (text) => expect(is(text)).toBe(true));
});

describe('the election\'s own region\'s anniversary after a bare name and an activity is the office at work (anniversaries) (Pilwalkot Surabaya set, issue 20)', () => {
  // isAnniversaryBefore: "HUT Contoh", "Hari Jadi Provinsi Contoh": the regional office's own event.
  it.each([
    'Tomo Wiradinata sambutan nang HUT Contoh ke-79, rame pol',
    'Ketut Sudarsana hadiri Hari Jadi Provinsi Contoh di lapangan',
  ])('%s', (text) => expect(is(text)).toBe(false));
  it.each([
    'Tomo Wiradinata hadiri HUT Bhayangkara di Praya',
    'Ketut Sudarsana hadiri HUT komunitas motor Praya',
    'Tomo Wiradinata sambutan di HUT Contoh, ajak warga coblos nomor 2',
  ])('another\'s anniversary, or a campaign word beside it: %s', (text) => expect(is(text)).toBe(true));
});

describe('a bare zero-padded number in telephone talk is a phone number\'s part (phoneTalk) (Pilwalkot Samarinda set, issue 20)', () => {
  it.each([
    '01 itu kode area mana ya? ada yang nelpon terus',
    '02 itu kode operator apa? sms masuk terus',
  ])('%s', (text) => expect(is(text)).toBe(false));
  it.each([
    '01 itu paling siap mimpin Contoh',
    'sudah telpon bapak, katanya pilih 02',
    'tadi ditelpon tim sukses, disuruh coblos 01',
  ])('a ballot number in its own phrase, or no phone talk: %s', (text) => expect(is(text)).toBe(true));
});

describe('a bare zero-padded number followed by the next one is counting aloud (isNextPaddedAfter) (Pilwalkot Samarinda set, issue 20)', () => {
  it.each([
    'kosong satu, kosong dua, cek sound dulu ya bapak ibu',
    'tes mic 01 02, kedengaran di belakang?',
  ])('%s', (text) => expect(is(text)).toBe(false));
  it.each([
    'kosong satu pasti menang, kosong dua siap-siap kalah',
    'dukung terus kosong dua sampai menang',
    'tes mic dulu, nanti kita coblos 02',
  ])('a number not counted on, or in its own vote phrase: %s', (text) => expect(is(text)).toBe(true));
});

describe('a call to vote for this race\'s number keeps its weight when another region\'s Pilkada is named after it, in another clause (callBeforeOtherRace) (attacker\'s view, issue 20)', () => {
  // Another region's Pilkada named anywhere made every ballot number that region's (isOtherBallot), so an aside
  // appended to a plain vote call hid it. A number tied to the other race (its clause, or after it) is still its own.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Contoh 2024', paslon: [{ number: 1, names: ['Gilang Mahendra', 'Sari Wulandari'] }, { number: 2, names: ['Ketut Sudarsana', 'Tomo Wiradinata'] }] },
  });
  it.each([
    'Coblos nomor 1, jangan lupa Pilkada Jabar juga',
    'Ayo coblos no 2 tanggal 27, Pilkada Jabar juga',
    'dukung nomor 2! Pilkada Makassar juga seru',
    'yuk pilih nomor 2 ya, Pilkada Kampar juga',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'Pilkada Makassar: Paslon 2 Klaim Menang',
    'Coblos nomor 1 di Pilkada Jabar',
    'Pilkada Jabar: coblos nomor 1',
    'Pilkada Jabar ramai, coblos nomor 1',
    'Coblos nomor 1 #PilkadaJabar',
  ])('the number in the other race\'s clause, after it, or under its hashtag: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('a kin word after a speaker word is who speaks, not who the name is (SPEAKER_WORDS, isSpeakersKin) (attacker\'s view, issue 20)', () => {
  // A kin word near a one-word name weakened it (settleKinRelation, isKinOf, personBefore), so "kata temanku"
  // appended to a plain campaign line hid it. The relation the rules were made for still weakens the name.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Contoh 2024', paslon: [{ number: 1, names: ['Gilang Mahendra', 'Sari Wulandari'] }, { number: 2, names: ['Ketut Sudarsana', 'Tomo Wiradinata'] }] },
  });
  it.each([
    'Contoh butuh Gilang, kata temanku',
    'Contoh butuh Gilang, kata teman saya',
    'menurut adikku, Gilang paling layak',
    'kata teman saya, Gilang paling layak',
    'jare adikku, Gilang paling pantes',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'Gilang teman kuliah ulun, dulu satu kos',
    'Gilang anak tetangga sebelah, kata ibuku',
    'Gilang temanku, kata ibu',
    'kata adikku Gilang sudah pulang dari pondok',
    'adikku, Gilang, baru lulus SD',
  ])('the relation the name is, or the relative named: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('a name called to be voted for and ending its clause is not read with what follows (isCalledName) (attacker\'s view, issue 20)', () => {
  // The rules reading the word after a name (personAfter, everydayAfter, personalLife.after) read across a comma, so
  // "ultah ...", "rumah ..." or "tukang ojek ..." appended after a plain vote call dropped the name and its slogan.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Contoh 2024', paslon: [{ number: 1, names: ['Gilang Mahendra', 'Sari Wulandari'] }, { number: 2, names: ['Ketut Sudarsana', 'Tomo Wiradinata'] }] },
  });
  it.each([
    'Ayo pilih Gilang, ultah Gilang kemarin meriah',
    'pilih Gilang, rumah Gilang selalu terbuka',
    'lanjutkan Gilang, guru honorer pasti sejahtera',
    'dukung Gilang, tukang ojek juga setuju',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'Pak Gilang guru ngaji di masjid kami',
    'pilih Gilang guru ngaji jadi imam',
    'Gilang, guru SD kami, lulus S2',
    'Gilang ultah kemarin, meriah',
    'Gilang, tukang ojek langganan, sudah datang',
  ])('the occupation or the life of a name not called to be voted for, or in its clause: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('another region whose consonants match a listed region\'s is still another region (ownRegionSkeletons) (Pilbup Banyumas set, issue 20)', () => {
  // The consonant match was meant for the election's own region in another spelling ("Suroboyo" for Surabaya), but it
  // was made of every listed region's words, so an unlisted place sharing a listed one's consonants ("Purbalingga",
  // "Probolinggo") read as no unknown place and its Pilkada as this one's.
  const regency = createClassifier({
    vocabulary,
    paslon: { election: 'Pilbup Sukamaju 2024', paslon: [{ number: 1, names: ['Gilang Mahendra', 'Sari Wulandari'], aliases: ['Gilang-Sari'] }] },
  });
  const city = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Surabaya 2024', paslon: [{ number: 1, names: ['Ketut Sudarsana', 'Tomo Wiradinata'] }, { number: 2, names: ['Lalu Gilang Mahendra', 'Baiq Sari'] }] },
  });
  it.each([
    'Pilbup Purbalingga: KPU Kirim Logistik ke 18 Kecamatan',
    'Pilkada Suroboyo: KPU Kirim Logistik ke 31 Kecamatan',
  ])('another region\'s: %s', (text) => expect(regency.classify(text).pilkada).toBe(false));
  it.each([
    'Pilbup Sukamaju: KPU Kirim Logistik ke 18 Kecamatan',
    'Pilbup Sukamoju: KPU Kirim Logistik ke 18 Kecamatan',
  ])('the election\'s own region, in its spelling or another: %s', (text) => expect(regency.classify(text).pilkada).toBe(true));
  it('the own region in its Javanese spelling stays the own region', () => {
    expect(city.classify('Pilkada Suroboyo: KPU Kirim Logistik ke 31 Kecamatan').pilkada).toBe(true);
  });
});

describe('another level\'s candidate word makes the campaign beside it that race\'s (otherLevelRoles, ownLevelRoles) (Pilwalkot Banjarmasin set, issue 20)', () => {
  // "cagub" itself counted nothing beside a Pilwalkot, but the campaign words beside it still did, so the governor
  // candidates' rally read as this race's; "paslon gubernur" was not even a role. A role of this race's own level,
  // a candidate's name or a ballot number beside it keep this race's talk.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Contoh 2024', paslon: [{ number: 1, names: ['Gilang Mahendra', 'Sari Wulandari'] }, { number: 2, names: ['Ketut Sudarsana', 'Tomo Wiradinata'] }] },
  });
  it.each([
    'Kampanye Akbar Paslon Gubernur di Lapangan Merdeka Dihadiri Ribuan Warga',
    'kampanye akbar cagub di alun-alun hari ini, macet',
    'Debat Pasangan Calon Gubernur Digelar Malam Ini',
  ])('another level\'s race: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
  it.each([
    'Kampanye Akbar Paslon Wali Kota di Lapangan Merdeka Dihadiri Ribuan Warga',
    'kampanye akbar cagub dan cawali di alun-alun hari ini, macet',
    'Gilang kampanye bareng cagub di pasar',
  ])('this race beside it: %s', (text) => expect(town.classify(text).pilkada).toBe(true));
});

describe('the voting booth counts as the ballot box does ("bilik suara") (Pilwalkot Banjarmasin set, issue 20)', () => {
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Contoh 2024', paslon: [{ number: 1, names: ['Gilang Mahendra', 'Sari Wulandari'] }, { number: 2, names: ['Ketut Sudarsana', 'Tomo Wiradinata'] }] },
  });
  it('a vote kept secret in the booth is the vote', () => {
    expect(town.classify('tenang aja, pilihanmu rahasia di bilik suara').pilkada).toBe(true);
  });
  it.each([
    'bilik mandi di kos bocor lagi',
    'suara di bilik karaoke terlalu keras',
  ])('a booth or a voice of another kind: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('regional words for "for" link a vote verb to an office (votedOffice gaps) (Pilwalkot Banjarmasin set, issue 20)', () => {
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Contoh 2024', paslon: [{ number: 1, names: ['Gilang Mahendra', 'Sari Wulandari'] }, { number: 2, names: ['Ketut Sudarsana', 'Tomo Wiradinata'] }] },
  });
  it.each([
    'siapa nang ikam dukung gasan wali kota?',
    'maneh rek milih saha keur wali kota?',
    'sia pilih untuak wali kota isuak?',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'beli wadai gasan wali kota yang datang ke kampung',
    'kado keur wali kelas geus dibeli',
  ])('a gift for an office, or a class teacher: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('a side\'s witness and votes won make the empty column a side of the race (emptyBox talk) (Pilbup Banyumas set, issue 20)', () => {
  const single = createClassifier({
    vocabulary,
    paslon: { election: 'Pilbup Contoh 2024', paslon: [{ number: 1, names: ['Gilang Mahendra', 'Sari Wulandari'], aliases: ['Gilang-Sari'] }] },
  });
  it.each([
    'Saksi Kolom Kosong Tolak Tanda Tangan Hasil di Kecamatan Barat',
    'Kotak Kosong Raih 120 Ribu Suara di Contoh',
    'perolehan kotak kosong di desa kami lumayan',
  ])('%s', (text) => expect(single.classify(text).pilkada).toBe(true));
  it.each([
    'kotak kosong bekas sepatu di gudang',
    'isi kolom kosong di formulir beasiswa',
  ])('the box or the column in its daily sense: %s', (text) => expect(single.classify(text).pilkada).toBe(false));
});

describe('a national hero after a name is another person (personAfter "pahlawan nasional") (Pilwalkot Banjarmasin set, issue 20)', () => {
  // A hero of the past is introduced by the title ("X, Pahlawan Nasional dari Y"); "warga" (resident) was tried and
  // left out: a quote headline puts it right after the candidate ("X: Warga Harus ...").
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Contoh 2024', paslon: [{ number: 1, names: ['Darsono Wiguna', 'Sari Wulandari'] }, { number: 2, names: ['Muhammad Husni Thamrin', 'Tomo Wiradinata'] }] },
  });
  it('the hero', () => {
    expect(town.classify('Muhammad Husni Thamrin, Pahlawan Nasional dari Betawi').pilkada).toBe(false);
  });
  it.each([
    'Husni Thamrin: Warga Harus Berani Menolak Politik Uang',
    'Husni Thamrin ziarah ke makam pahlawan nasional sebelum kampanye',
  ])('the candidate: %s', (text) => expect(town.classify(text).pilkada).toBe(true));
});

describe('a settled choice beside a vote verb and a ballot number is the vote (act "sudah bulat", "wis mantep") (Banjarmasin and Banyumas sets, issue 20)', () => {
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Contoh 2024', paslon: [{ number: 1, names: ['Gilang Mahendra', 'Sari Wulandari'] }, { number: 2, names: ['Ketut Sudarsana', 'Tomo Wiradinata'] }] },
  });
  it.each([
    'aku sudah bulat pilih nomor 2, kalian gimana?',
    'kowe milih sapa? nyong wis mantep nomer loro',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'tekad sudah bulat, besok berangkat merantau',
    'jawaban saya sudah bulat nomor 2 bu guru',
    'udah mantap nomor 1 di klasemen liga',
  ])('a resolve, a quiz answer, a league table: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('a neighbour named after this regency or city with a compass word is another region (withCompassSiblings) (Pilbup Bandung and Pilwalkot Tangerang sets, issue 20)', () => {
  // "Pilkada KBB" beside Pilbup Bandung and "Pilwalkot Tangsel" beside Pilwalkot Tangerang were read as this race:
  // "KBB" is too short for an unknown place, and "Tangsel" is a dictionary word. Built in classifier.ts
  // (COMPASS_WORDS) from the paslon file's `election` alone.
  const pairs = [
    { number: 1, names: ['Jajang Sopandi', 'Rina Kartika'] },
    { number: 2, names: ['Dudung Permana', 'Euis Komalasari'] },
  ];
  const regency = createClassifier({ vocabulary, paslon: { election: 'Pilbup Karangsari 2024', paslon: pairs } });
  const city = createClassifier({ vocabulary, paslon: { election: 'Pilwalkot Karangsari 2024', paslon: pairs } });
  const south = createClassifier({ vocabulary, paslon: { election: 'Pilwalkot Karangsari Selatan 2024', paslon: pairs } });
  it.each([
    'Pilbup Karangsari: Paslon 2 Menang Hitung Cepat',
    'Pilkada Karangsari, paslon 1 unggul di 20 kecamatan',
  ])('its own race: %s', (text) => expect(regency.classify(text).pilkada).toBe(true));
  it.each([
    'Pilkada Karangsari Barat: Paslon 2 Menang Hitung Cepat',
    'Pilkada KKB: Paslon 2 Klaim Menang di Lembang',
    'pilbup kabupaten karangsari barat, paslon 1 unggul',
  ])('the western regency named after it: %s', (text) => expect(regency.classify(text).pilkada).toBe(false));
  it.each([
    'Pilwalkot Karsel: Paslon 1 Menang, Paslon 2 Akui Kekalahan',
    'pilwalkot karsel paslon 1 menang, paslon 2 akui kalah',
    'Pilwalkot Karangsari Selatan: Paslon 2 Menang',
  ])('the southern city named after it (its glued short form in lower case too): %s', (text) => expect(city.classify(text).pilkada).toBe(false));
  it.each([
    'Pilwalkot Karsel: Paslon 1 Menang, Paslon 2 Akui Kekalahan',
    'pilwalkot karsel paslon 1 menang, paslon 2 akui kalah',
    'Pilwalkot Karangsari Selatan: Paslon 2 Menang',
  ])('a compass word in the election\'s own name is its own: %s', (text) => expect(south.classify(text).pilkada).toBe(true));
  // "Sem"+"ut" of Sematang is "semut" (ant), as "Tangsel" is a dictionary word: another region only as written capitalised.
  const sematang = createClassifier({ vocabulary, paslon: { election: 'Pilbup Sematang 2024', paslon: pairs } });
  it('a glued form that is a dictionary word is a place only capitalised after the election word', () => {
    expect(sematang.classify('Pilkada Semut: Paslon 2 Menang Hitung Cepat').pilkada).toBe(false);
    expect(sematang.classify('pilkada semut pun tahu, paslon 2 menang').pilkada).toBe(true);
  });
  it('a region whose own name is a glued compass form keeps its own race ("Sab"+"ut")', () => {
    const sabut = createClassifier({ vocabulary, paslon: { election: 'Pilbup Sabut 2024', paslon: pairs } });
    expect(sabut.classify('Pilkada Sabut: Paslon 2 Menang Hitung Cepat').pilkada).toBe(true);
  });
});

describe('Sundanese kin and friend words, and a qualifier between the kin word and its owner (writersKin, isQualifiedKin) (Pilbup Bandung set, issue 20)', () => {
  // "X batur sakelas abdi" (my classmate) and "X batur kuliah abdi" were the candidate; "abdi", "uing" and "aing"
  // are the Sundanese "I", "batur" a friend, "lanceuk" an elder sibling: a general class of kin words.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilbup Karangsari 2024', paslon: [{ number: 1, names: ['Jajang Sopandi', 'Rina Kartika'] }, { number: 2, names: ['Dudung Permana', 'Euis Komalasari'] }] },
  });
  it.each([
    'Jajang Sopandi batur sakelas abdi ayeuna jadi satpam di pabrik',
    'Jajang Sopandi batur abdi nikah minggu hareup',
    'Dudung Permana lanceuk abdi nembe uih ti Malaysia',
    'Jajang Sopandi temen sekantor gue baru beli motor',
    'Dudung Permana kawan sekampung aku baru pulang dari Malaysia',
  ])('the writer\'s friend or relative: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
  it.each([
    'Jajang Sopandi kampanye di pasar, warga antusias',
    'Jajang Sopandi sahabat muda kita, coblos nomor 1',
    'Jajang Sopandi calon bupati nu ku abdi dipilih',
  ])('the candidate: %s', (text) => expect(town.classify(text).pilkada).toBe(true));
});

describe('a name placed in a neighbourhood unit is a neighbour (isNeighbourAfter) (Pilbup Bandung and Pilwalkot Tangerang sets, issue 20)', () => {
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Karangsari 2024', paslon: [{ number: 1, names: ['Jajang Sopandi', 'Rina Kartika'] }, { number: 2, names: ['Dudung Permana', 'Euis Komalasari'] }] },
  });
  it.each([
    'Jajang ti RT 3 teh nu gaduh bengkel tea? kirain saha',
    'Jajang anak RT 4 yang punya bengkel itu? gue kira siape',
    'Dudung dari RW 05 masuk rumah sakit, doain ya',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(false));
  it.each([
    'Jajang kampanye di RT 3, warga antusias',
    'Dudung blusukan ke RT 4 tadi pagi, bagi stiker nomor 2',
  ])('the candidate visiting one: %s', (text) => expect(town.classify(text).pilkada).toBe(true));
  // A timses hiding a vote call behind the rule: the name called by a vote slogan or its own ballot number is the
  // candidate, whatever unit is appended after it (isCalledBefore).
  it.each([
    'ayo menangkan Jajang ti RT 3',
    'dukung Pak Dudung dari RW 05',
    'ayo pilih nomor 2 Dudung anak RT 4',
  ])('a vote call with a unit appended: %s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'ada 1 Jajang ti RT 3 teh, nu mana?',
    'lantai 2 Dudung dari RW 05 pindah kemarin',
  ])('a neighbour after a count, even its own number, is still a neighbour: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('a campaign named after another person\'s full name is another race\'s (isOthersCampaign) (Pilbup Bandung and Pilwalkot Tangerang sets, issue 20)', () => {
  // "Kampanye Akbar <the governor candidate>" was read as this race by "kampanye akbar" alone.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Karangsari 2024', paslon: [{ number: 1, names: ['Jajang Sopandi', 'Rina Kartika'] }, { number: 2, names: ['Dudung Permana', 'Euis Komalasari'] }] },
  });
  it.each([
    'Kampanye Akbar Dedi Wirasaputra di Lapangan Gasibu, Ribuan Warga Hadir',
    'kampanye akbar andra sonjaya di serang rame bener',
    'Kampanye Akbar Pak Ridwan Sukmajaya di Stadion, Macet Total',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(false));
  it.each([
    'Kampanye Akbar Jajang Sopandi di Lapangan, Ribuan Warga Hadir',
    'kampanye akbar paslon 2 di stadion, macet ke mana-mana',
    'Jajang pas kampanye janji jalan desa beres, tagih nanti',
    'kampanye akbar hari ini di alun-alun, datang ya',
  ])('this race\'s campaign, or a campaign followed by words: %s', (text) => expect(town.classify(text).pilkada).toBe(true));
});

describe('Betawi and Sundanese question and time words between a vote verb and the office (votedOffice gaps) (Pilwalkot Tangerang set, issue 20)', () => {
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Karangsari 2024', paslon: [{ number: 1, names: ['Jajang Sopandi', 'Rina Kartika'] }, { number: 2, names: ['Dudung Permana', 'Euis Komalasari'] }] },
  });
  it.each([
    'gue bingung milih siape wali kota, dua-duanye programnye bagus',
    'lu ntar milih siape jadi wali kota?',
    'maneh rek milih isukan jang wali kota?',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'gue bingung milih hp ape, dua-duanye kameranye bagus',
    'lu ntar milih siape jadi ketua kelas?',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('money or goods told of as a camp\'s, a rumour\'s word before the from-word (hearsayThing) (Pilbup Bandung and Pilwalkot Tangerang sets, issue 20)', () => {
  // "amplop 50 rebu di Cileunyi, ceunah ti nomer hiji": the money stood five words before the from-word, out of
  // isGivenFromCamp's reach. "nyebar" (spread) joined the giver's verbs.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilbup Karangsari 2024', paslon: [{ number: 1, names: ['Jajang Sopandi', 'Rina Kartika'] }, { number: 2, names: ['Dudung Permana', 'Euis Komalasari'] }] },
  });
  it.each([
    'aya nu nyebar amplop 50 rebu di pasar, ceunah ti nomer dua',
    'ada yang bagi amplop 100 ribu di gang, katanya dari nomor 1',
    'semalem ada yang bagiin sembako di masjid, katanye dari nomer satu',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'aya nu nyebar brosur les di pasar, ceunah ti nomer hiji di bandung',
    'ada yang bagi amplop 100 ribu di gang sebelah buat anak yatim, katanya dari pengajian',
    'transfer uang buat arisan, katanya dari nomor 2 sampai 10 dapat giliran',
  ])('no money, no camp, or a range: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('a full stop after a one-digit word ends its sentence: a digit is no initial (isDigitBeforeStop) (attacker\'s view, issue 20)', () => {
  // isInitialOrHonorificBefore (plain text) and tokenisedClauseStarts read "2." as an initial ("H. Ansar"), so
  // "dukung nomor 2. Pilkada X juga seru" had no clause boundary and the vote call was read inside the other race.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Contoh 2024', paslon: [{ number: 1, names: ['Gilang Mahendra', 'Sari Wulandari'] }, { number: 2, names: ['Ketut Sudarsana', 'Tomo Wiradinata'] }] },
  });
  it.each([
    'dukung nomor 2. Pilkada Makassar juga seru',
    'coblos no 1. Pilkada Kampar juga rame',
    'Ayo pilih nomor 2. Pilkada Jabar juga ya, jangan golput',
    'dukung nomor 2. Pilkada Makassar juga seru 🎉', // not plain ASCII: tokenisedClauseStarts
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'Coblos nomor 1 di Pilkada Jabar. Besok libur',
    'Pilkada Makassar: paslon 2. Klaim menang',
    'Pilkada Jabar: coblos nomor 1. Mantap 🎉',
  ])('the number in the other race\'s sentence: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
  it('an initial before a full stop is still no boundary', () => {
    expect(town.classify('H. Gilang Mahendra hadir di pasar').pilkada).toBe(true);
    expect(town.classify('dr. Ketut sudah praktik lagi').pilkada).toBe(false);
  });
});

describe('this election\'s vote day in a clause apart from a non-Pilkada election keeps its ballot numbers this race\'s (isOwnVoteDay) (attacker\'s view, issue 20)', () => {
  // A Pilkades, ketua RT, OSIS or Pilpres named anywhere made every ballot number that election's (isOtherBallot,
  // nationalElection), so "Pemilihan ketua RT minggu depan" appended to a vote call hid it. Word order cannot part
  // the two (a Pilkades call is written the same way); the 27 November date can: no other vote of 2024 fell on it.
  // (With "juga" after the other election, isCallBeforeAddedElection keeps the number without a date.)
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Contoh 2024', paslon: [{ number: 1, names: ['Gilang Mahendra', 'Sari Wulandari'] }, { number: 2, names: ['Ketut Sudarsana', 'Tomo Wiradinata'] }] },
  });
  it.each([
    'Coblos nomor 1 tanggal 27 November! Pemilihan ketua RT minggu depan',
    'Coblos nomor 1 tanggal 27 November! Pilkades minggu depan',
    '27 November pilih nomor 2! Pemilihan ketua RT habis itu',
    'Tgl 27 Nov coblos no 2 ya. Pilpres kemarin aku golput',
    'Coblos nomor 1, 27 November! Pilkades minggu depan',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'Coblos nomor 1! Pemilihan ketua RT minggu depan',
    'Pemilihan ketua RT minggu depan. Coblos nomor 1 ya warga',
    'Pilkades 27 November, coblos nomor 1',
    'pemilihan ketua RT tanggal 27 November, coblos nomor 1',
    'pemilihan ketua OSIS 27 November, coblos paslon nomor 2',
    'Pilpres dulu coblos 02, tanggal 27 aku kerja',
    'libur 27 November, pilpres kemarin juga libur',
    'Pilkades: nomor 1 menang. 27 November libur',
    'Pilpres dulu coblos 02. 27 November masih bingung',
  ])('no date, the date or the number in the other election\'s clause, or no ballot number: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
  it('another year\'s election file reads no 27 November', () => {
    const later = createClassifier({ vocabulary, paslon: { election: 'Pilwalkot Contoh 2029', paslon: [{ number: 1, names: ['Gilang Mahendra', 'Sari Wulandari'] }, { number: 2, names: ['Ketut Sudarsana', 'Tomo Wiradinata'] }] } });
    expect(later.classify('Coblos nomor 1 tanggal 27 November! Pilkades minggu depan').pilkada).toBe(false);
  });
});

describe('a home opened to the camp: a campaign actor word ending the home name\'s clause keeps the name (isCampHome) (attacker\'s view, issue 20)', () => {
  // isHomeOf made a one-word name after "rumah" weigh a surname's, and "relawan" (0.3) is too weak to lift it, so a
  // plain "Rumah X terbuka untuk relawan" slipped through. Lifting "relawan" everywhere would lift the meeting at a
  // neighbour's house; an actor word before the home, or qualified by the word after it, leaves the home rule alone.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Contoh 2024', paslon: [{ number: 1, names: ['Gilang Mahendra', 'Sari Wulandari'] }, { number: 2, names: ['Ketut Sudarsana', 'Tomo Wiradinata'] }] },
  });
  it.each([
    'Rumah Gilang terbuka untuk relawan',
    'Rumah Gilang jadi posko relawan',
    'Rumah pak Gilang terbuka untuk relawan dan simpatisan',
    'Rumah Sudarsana terbuka buat relawan!',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'rapat relawan banjir di rumah pak Gilang',
    'rapat relawan di rumah pak Gilang',
    'Rumah pak Gilang dipakai rapat relawan banjir',
    'rumah Gilang kebakaran, relawan datang bantu',
    'sandal ketinggalan di rumah Gilang, besok aku ambil',
  ])('the actor word before the home, qualified, or in another clause: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('telephone talk makes a bare zero-padded number a phone number\'s part only in its clause, a few words off (isPhoneTalkNear) (attacker\'s view, issue 20)', () => {
  // phoneTalk was read anywhere in the text, so a contact line appended to a campaign post ("telp posko 0812...")
  // hid its bare "02". The area-code and operator questions the rule was made for keep the talk in the number's clause.
  it.each([
    '02 siap menangkan Contoh, telp posko 0812xxxx',
    '02 siap menangkan Contoh, nomor HP admin di bio',
    '01 paling siap mimpin Contoh. Info relawan: sms 0812 3456',
  ])('%s', (text) => expect(is(text)).toBe(true));
  it.each([
    '01 itu kode area mana ya? ada yang nelpon terus',
    '02 itu kode operator apa? sms masuk terus',
    'nomor aneh nelpon terus, kode 01 apa ya',
  ])('the talk in the number\'s clause: %s', (text) => expect(is(text)).toBe(false));
});

describe('a one-word name in the clause of this election\'s vote day is no candidate of a non-Pilkada election named apart (isNamedOnVoteDay) (attacker\'s view, issue 20)', () => {
  // Beside an RT vote or a Pilkades with vote talk, a one-word name was that election's (isOtherElectionVote), so an
  // aside after "Gilang pasti menang" hid it. The date ties the name to this election; a name in the other
  // election's clause is still its own.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Contoh 2024', paslon: [{ number: 1, names: ['Gilang Mahendra', 'Sari Wulandari'] }, { number: 2, names: ['Ketut Sudarsana', 'Tomo Wiradinata'] }] },
  });
  it.each([
    'Gilang pasti menang 27 November! milih ketua RT juga minggu depan',
    'Gilang menang 27 November! coblosan RT juga beres',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'Pemilihan ketua RT: Pak Gilang menang. 27 November libur',
    'Pilkades: Gilang menang. Tanggal 27 November nanti libur',
    'Pemilihan ketua RT 27 November, Pak Gilang menang',
    'Gilang pasti menang, pemilihan ketua RT juga seru',
  ])('the name in the other election\'s clause, the date there, or no date: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

// Another level's office read beside a ballot number or with the elected word after its place's name names that
// level's race, as its roles do: the voters of a regency name the governor's ballot number for the governor.
describe('another level\'s office after a ballot number, or before its place and "terpilih" (Pilbup Banyuwangi and Pilwalkot Tangerang Selatan sets, issue 20, fpall)', () => {
  const bup: PaslonFile = { election: 'Pilbup Contoh Tanjung Rawa 2024', paslon: [
    { number: 1, names: ['Sumarno Adiwijaya', 'Lilis Kartikasari'], aliases: ['Sumarno-Lilis'] },
    { number: 2, names: ['Gatot Priyambodo', 'Nurhasanah Siregar'], aliases: ['Gatot-Nur'] },
  ] };
  const walkot: PaslonFile = { ...bup, election: 'Pilwalkot Contoh Tanjung Rawa 2024' };
  const gub: PaslonFile = { ...bup, election: 'Pilgub Contoh Tanjung Rawa 2024' };
  const regency = createClassifier({ vocabulary, paslon: bup });
  const city = createClassifier({ vocabulary, paslon: walkot });
  const province = createClassifier({ vocabulary, paslon: gub });
  it.each([
    'aku wes mantep coblos nomor 2 gawe gubernur, provinsi butuh ganti',
    'pokoknya pilih no 1 buat gubernur, yang lain nanti dulu',
  ])('a number for the governor beside a Pilbup: %s', (text) => {
    expect(regency.classify(text).pilkada).toBe(false);
    // The same call for the election's own office, or beside a Pilgub, is this race's.
    expect(regency.classify(text.replace('gubernur', 'bupati')).pilkada).toBe(true);
    expect(province.classify(text).pilkada).toBe(true);
  });
  it('the number with no other office after it is still this race\'s', () => {
    expect(regency.classify('aku wes mantep coblos nomor 2, kabupaten butuh ganti').pilkada).toBe(true);
  });
  it('"Gubernur <place> Terpilih" beside a Pilwalkot is the governor\'s race', () => {
    const text = 'Hendro Saputro Ditetapkan KPU sebagai Gubernur Sumber Jaya Terpilih [URL]';
    expect(city.classify(text).pilkada).toBe(false);
    expect(province.classify(text).pilkada).toBe(true);
    expect(city.classify('Hendro Saputro Ditetapkan KPU sebagai Wali Kota Sumber Jaya Terpilih [URL]').pilkada).toBe(true);
  });
  it('a candidate named between the office and "terpilih" is still read', () => {
    expect(province.classify('Bupati Sumarno Adiwijaya terpilih lagi, KPU umumkan').pilkada).toBe(true);
  });
});

// A title given by a role word is the office's capacity ("selaku", "sebagai"); beside the office's own business and
// with no activity word it is the office at work, as an activity would say.
describe('a title after "selaku"/"sebagai" beside the office\'s business is the office at work (Pilwalkot Bekasi set, issue 20, fpall)', () => {
  const walkot: PaslonFile = { election: 'Pilwalkot Contoh Tanjung Rawa 2024', paslon: [
    { number: 1, names: ['Sumarno Adiwijaya', 'Lilis Kartikasari'], aliases: ['Sumarno-Lilis'] },
    { number: 2, names: ['Gatot Priyambodo', 'Nurhasanah Siregar'], aliases: ['Gatot-Nur'] },
  ] };
  const city = createClassifier({ vocabulary, paslon: walkot });
  it.each([
    'Gatot Priyambodo selaku wali kota minta dinas PU tambal jalan berlubang',
    'Sumarno Adiwijaya, sebagai wakil wali kota, tegur pegawai yang sering bolos',
  ])('%s', (text) => {
    expect(city.classify(text).pilkada).toBe(false);
    expect(city.classify(text).terms).toContain('jabatan resmi');
  });
  it('the title with no business of the office, the business with no role word, or a campaign signal, still count', () => {
    expect(city.classify('Gatot Priyambodo selaku wali kota minta warga rukun').pilkada).toBe(true);
    expect(city.classify('Gatot Priyambodo wali kota dua periode, paham dinas PU').pilkada).toBe(true);
    expect(city.classify('Gatot Priyambodo selaku wali kota minta dinas PU pasang baliho nomor 2').pilkada).toBe(true);
  });
});

// A stall or shop named after its owner names its kind first: "sate kambing Pak X" is "sate Pak X" with the meat.
describe('a named-after word, one word of its kind and an honorific before the name (Pilwalkot Solo surnames set, issue 20, fpall)', () => {
  it.each([
    'sate kambing Pak Sudarsana enak pol',
    'soto ayam Bu Wulandari dekat terminal ramai',
  ])('%s', (text) => expect(is(text)).toBe(false));
  it('a word that joins a person between, or no honorific, is still the candidate', () => {
    expect(is('mampir warung sama Pak Sudarsana tadi pagi')).toBe(true);
    expect(is('mampir warung bareng Bu Wulandari tadi pagi')).toBe(true);
    expect(is('sate kambing Sudarsana blusukan ke pasar')).toBe(true);
  });
});

// Civil servants joining a campaign is the talk the bot exists for: "kampanye" right after a word of joining, in a
// text that names ASN or PNS, is this Pilkada's unless another election is named.
describe('civil servants joining a campaign (Pilgub Bengkulu, Kalsel, Sulut and Pilwalkot Makassar sets, issue 20, fpall)', () => {
  const walkot: PaslonFile = { election: 'Pilwalkot Contoh Tanjung Rawa 2024', paslon: [
    { number: 1, names: ['Sumarno Adiwijaya', 'Lilis Kartikasari'], aliases: ['Sumarno-Lilis'] },
    { number: 2, names: ['Gatot Priyambodo', 'Nurhasanah Siregar'], aliases: ['Gatot-Nur'] },
  ] };
  const city = createClassifier({ vocabulary, paslon: walkot });
  it.each([
    'ASN Pemkot Tanjung Rawa dilarang ikut kampanye, jaga netralitas',
    'tanya: PNS boleh datang kampanye kalo nda pake seragam?',
  ])('%s', (text) => expect(city.classify(text).pilkada).toBe(true));
  it.each([
    'warga dilarang ikut kampanye di rumah ibadah',
    'ASN diminta sebarkan kampanye hemat energi di kantor',
    'ASN dilarang ikut kampanye pilpres, ingat netralitas',
    'ASN dilarang ikut kampanye pilkades ya',
  ])('no civil servant, no joining, or another election: %s', (text) => expect(city.classify(text).pilkada).toBe(false));
});

describe('an acronym of one repeated letter keeps its letters in capitals (keepCapitalAcronyms)', () => {
  // Folding collapses doubled letters ("pilkadaaa"), which read the party "PPP" (vocabulary terms.party "ppp") as
  // "p", too short a key to be a term: the party was never found alone, so its office never made it a title.
  it.each([
    'Ketua DPC PPP Contoh Tomo Wiradinata Lantik Pengurus Ranting',
    'Ketua DPW PPP Ketut Sudarsana hadiri pelantikan pengurus ranting',
  ])('the party after its office is a title, no campaign signal: %s', (text) => {
    expect(c.findTerms(text).some((t) => t.category === 'party')).toBe(true);
    expect(is(text)).toBe(false);
  });
  it.each([
    'PPP resmi usung nomor 2',
    'PPP resmi mendukung nomor urut 2',
  ])('the party backing a ballot number: %s', (text) => expect(is(text)).toBe(true));
  it.each([
    'ppp, antrean nomor 2 lama banget',
    'pppp nomor 2 lama bener dipanggil',
    'PPPP nomor 2 lama bener dipanggil',
    'Pengumuman PPPK: peserta nomor 2 lulus seleksi',
    'PPPK resmi usung nomor 2',
  ])('a sound typed long, or PPPK (the civil servants\' contract scheme), is no party: %s', (text) => expect(is(text)).toBe(false));

  // A deployer's pair acronym of one doubled letter ("MM", "AA") read "m" and "a" the same way.
  const doubled = createClassifier({
    vocabulary,
    paslon: {
      election: 'Pilbup Contoh 2024',
      paslon: [
        { number: 1, names: ['Mahmud Mursalin', 'Rina Kartika'], aliases: ['MM'] },
        { number: 2, names: ['Amir Arifin', 'Dewi Lestari'], aliases: ['AA'] },
      ],
    },
  });
  it('a listed pair acronym in capitals is the pair; in lower case it stays a word', () => {
    expect(doubled.classify('pendukung MM hadir di lapangan').pilkada).toBe(true);
    expect(doubled.classify('relawan AA konsolidasi malam ini').pilkada).toBe(true);
    expect(doubled.classify('pendukung mm hadir di lapangan').pilkada).toBe(false);
    expect(doubled.classify('aa relawan konsolidasi malam ini').pilkada).toBe(false);
  });
});

describe('the Betawi and Riau-Malay clitic "-nye" hides no term (Pilgub Kepri set, issue 20)', () => {
  // "cagubnye nomor 2" is "cagubnya nomor 2" as Jakarta and Riau Islands chat write it; CLITICS in classifier.ts.
  it.each([
    'cagubnye nomor 2 siape sih?',
    'paslonnye nomor 1 rame',
    'cawagubnye siape?',
  ])('%s', (text) => expect(is(text)).toBe(true));
  it.each([
    'tanye aje ke pak RT, nomor 2 rumahnye',
    'bukunye nomor 2 di rak, ambil aje',
  ])('a word whose stem is no term keeps its ending: %s', (text) => expect(is(text)).toBe(false));
});

describe('a vote call keeps its weight in a text that counts numbers aloud (checks worked out for every found term)', () => {
  // A term made after the scan's per-term checks (a call joined to a name, a slogan, a derived name) held checks -1,
  // whose bits read as "bare zero-padded number"; in a counting text ("kosong satu, kosong dua") summarise dropped it.
  it.each([
    ['kosong satu, kosong dua, coblos Tomo', 'coblos Tomo'],
    ['Tes mic: kosong satu, kosong dua. Ayo menangkan Gilang-Sari!', 'Ayo menangkan Gilang-Sari!'],
  ])('%s', (counting, call) => {
    const alone = c.classify(call);
    const got = c.classify(counting);
    expect(got.terms).toEqual(expect.arrayContaining(alone.terms));
    expect(got.score).toBeGreaterThanOrEqual(alone.score);
  });
});

describe('the election\'s region named with a sibling level\'s unit or office is the same-named neighbour (siblingNamesakes) (Pilwalkot Serang set, issue 20)', () => {
  // Many regencies share their name with a city carved out of them, each with its own Pilkada the same day.
  const city = createClassifier({ vocabulary, paslon: {
    election: 'Pilwalkot Sukamaju 2024',
    paslon: [
      { number: 1, names: ['Hendra Wiguna', 'Sari Ratnasari'], aliases: ['Hendra-Sari'] },
      { number: 2, names: ['Dewi Kurniasih', 'Ujang Permana'], aliases: ['Dewi-Ujang'] },
    ],
  } });
  const inCity = (text: string): boolean => city.classify(text).pilkada;
  it.each([
    'MK Perintahkan Pemungutan Suara Ulang di Kabupaten Sukamaju karena Kepala Desa Tidak Netral [URL]',
    'Dewi Anggraeni, Bupati Sukamaju Dua Periode, Hadiri Haul Ulama di Pesantren [URL]',
    // A one-word name beside that office is its holder or someone with them, as weak as a common name.
    'Ratnasari, Wakil Bupati Sukamaju, Hadiri Haul Ulama di Pesantren [URL]',
  ])('beside the city\'s race: %s', (text) => expect(inCity(text)).toBe(false));
  it.each([
    'Pemungutan Suara Ulang di Kota Sukamaju Digelar di Tiga TPS [URL]',
    'Dewi-Ujang Kampanye Bareng Relawan, Bupati Sukamaju Ikut Hadir [URL]',
    'Dewi Kurniasih Janji Sekolah Gratis Dua Periode Kalau Terpilih [URL]',
    'Ratnasari Kampanye di Pasar, Warga Kabupaten Sukamaju Ikut Datang [URL]',
  ])('the city\'s own vote and candidates still count: %s', (text) => expect(inCity(text)).toBe(true));

  it('beside a regency\'s race, the city of the same name is the neighbour only where the vocabulary lists such a city', () => {
    const made = (election: string) => createClassifier({ vocabulary, paslon: {
      election, paslon: [{ number: 1, names: ['Hendra Wiguna', 'Sari Ratnasari'], aliases: ['Hendra-Sari'] }],
    } });
    // Tegal is listed as a city: "Kota Tegal" beside a Pilbup Tegal is its own race.
    expect(made('Pilbup Tegal 2024').classify('Pemungutan suara ulang di Kota Tegal digelar besok').pilkada).toBe(false);
    expect(made('Pilbup Tegal 2024').classify('Pemungutan suara ulang di Kabupaten Tegal digelar besok').pilkada).toBe(true);
    // No city Sukamaju is listed: "kota Sukamaju" is the regency's own town centre.
    expect(made('Pilbup Sukamaju 2024').classify('Pemungutan suara ulang di kota Sukamaju digelar besok').pilkada).toBe(true);
  });
});

describe('"golput" right before a meal or a daily routine it skips is no blank vote (skippedDuties phrases) (Pilbup Karawang and Pilwalkot Serang sets, issue 20)', () => {
  // A meal is skipped as a duty is; "makan" alone after "golput" may be what the abstainer does instead.
  it.each([
    'golput sarapan lagi hari ini, langsung berangkat kerja',
    'udah seminggu golput olahraga, badan pegel semua',
    'gara-gara lembur aku golput makan malam',
  ])('%s', (text) => expect(is(text)).toBe(false));
  it.each([
    'mending golput makan di rumah, calonnya sama aja',
    'jangan golput, sarapan dulu baru ke TPS',
    'golput pilkada itu bukan solusi, mending olahraga pagi terus nyoblos',
  ])('the vote: %s', (text) => expect(is(text)).toBe(true));
});

describe('the office\'s own aid programmes are its works: farm machinery, house repair and village funds (officeWorks) (Pilbup Karawang set, issue 20)', () => {
  // Only a government hands out "alsintan" (farm machinery), RTLH house repair or village funds. Social aid (PKH, BLT)
  // is left out: a minister of social affairs running for governor hands it out too, and the dev set labels that Pilkada.
  const regency = createClassifier({ vocabulary, paslon: {
    election: 'Pilbup Contoh 2024',
    paslon: [
      { number: 1, names: ['Darmaji Sukmana', 'Euis Kartini'], aliases: ['Darmaji-Euis'] },
      { number: 2, names: ['Wahyudin Saleh', 'Ratna Komalasari'], aliases: ['Wahyu-Ratna'] },
    ],
  } });
  const inRegency = (text: string): boolean => regency.classify(text).pilkada;
  it.each([
    'Darmaji Sukmana Serahkan Bantuan Alsintan ke Kelompok Tani Sukamulya [URL]',
    'Darmaji Sukmana salurkan dana desa untuk jalan lingkungan di Cibening',
    'Wahyudin Saleh Serahkan Bantuan RTLH kepada 40 Warga Kecamatan Kidul [URL]',
  ])('the office at work: %s', (text) => expect(inRegency(text)).toBe(false));
  it.each([
    'Darmaji Sukmana Serahkan Bantuan Alsintan, Minta Petani Coblos Nomor 1 [URL]',
    'Darmaji Sukmana janji tambah alsintan buat petani kalau terpilih',
  ])('a campaign word beside it still counts: %s', (text) => expect(inRegency(text)).toBe(true));
});

describe('a vote count with a word of who won it is the vote\'s result (countResults) (Pilbup Karawang and Pilwalkot Serang sets, issue 20)', () => {
  // No other count of the season has a winner; another election or a national figure named beside it keeps it theirs.
  it.each([
    'quick count udah keluar belum? siapa yang menang?',
    'quick count geus kaluar, saha nu meunang di dieu?',
    'real count sementara siapa yang unggul?',
  ])('%s', (text) => expect(is(text)).toBe(true));
  it.each([
    'quick count udah keluar belum?',
    'quick count pilpres kemarin siapa yang menang?',
    'quick count Prabowo menang, alhamdulillah',
    'quick count pemilihan ketua RT, calon mana yang menang?',
    // A campus's rector election is another election too (otherElections "pemilihan rektor", "pilrek", "calon rektor").
    'Quick count pemilihan rektor UNDIP, Prof Sri menang',
    'quick count pilrek kampus kami, calon nomor 2 unggul',
    // "Hitung cepat" is also mental arithmetic ("lomba hitung cepat"): only the English loan is a count here.
    'anak saya menang lomba hitung cepat tingkat kecamatan',
  ])('no result, or another election\'s: %s', (text) => expect(is(text)).toBe(false));
});

describe('a regency whose name is also a dictionary word is another region after an election word (Pilbup Bojonegoro set, issue 20)', () => {
  // "Tuban", "Kendal", "Pati" are KBBI root words (data/kata-dasar.txt), so isUnknownPlace read them as words
  // ("Pilkada Damai"); vocabulary otherRegions.regions now lists such regencies.
  const regency = createClassifier({
    vocabulary,
    paslon: {
      election: 'Pilbup Contoh 2024',
      paslon: [
        { number: 1, names: ['Sugeng Prawiro', 'Lilis Suryani'], aliases: ['Sugeng-Lilis'] },
        { number: 2, names: ['Darsono Hadi', 'Umi Kalsum'], aliases: ['Darsono-Umi'] },
      ],
    },
  });
  it.each([
    'Pilbup Kendal: Paslon Nomor 1 Unggul di Hitung Cepat [URL]',
    'Pilkada Pati: Paslon 2 Klaim Menang',
    'pilkada sampang paslon 1 menang tipis',
  ])('another regency\'s race keeps its ballot numbers: %s', (text) => expect(regency.classify(text).pilkada).toBe(false));
  it.each([
    'Pilbup Contoh: Paslon Nomor 1 Unggul di Hitung Cepat [URL]',
    'Pilkada Damai, Paslon 2 Kampanye di Pasar',
  ])('this region\'s race, or an ordinary word after the election word, still counts: %s', (text) => expect(regency.classify(text).pilkada).toBe(true));
});

describe('Javanese friend words after a name make another person (Pilbup Bojonegoro set, issue 20)', () => {
  // writersKin.kin "kanca", "konco" with the clitic "-ku": "my friend", as "batur" and "dulur" are in Sundanese.
  const java = createClassifier({
    vocabulary,
    paslon: {
      election: 'Pilbup Contoh 2024',
      paslon: [
        { number: 1, names: ['Sulistyo Budi', 'Ratna Ayu'], aliases: ['Sulistyo-Ratna'] },
        { number: 2, names: ['Harjono Wiryo', 'Sri Mulat'], aliases: ['Harjono-Sri'] },
      ],
    },
  });
  it.each([
    'Sulistyo kancaku kuliah nikah minggu iki, sopo sing arep melu?',
    'Harjono koncoku SMP saiki dadi polisi',
  ])('%s', (text) => expect(java.classify(text).pilkada).toBe(false));
  it.each([
    'Sulistyo kampanye nang pasar, rame pol',
    'koncoku kabeh sesuk nyoblos Harjono',
  ])('the candidate with a friend word elsewhere still counts: %s', (text) => expect(java.classify(text).pilkada).toBe(true));
});

describe('"tukang baso" and "baso" are the trade and the food as "bakso" is (Pilwalkot Bogor set, issue 20)', () => {
  // "baso" is how Sundanese and Betawi chat spell "bakso": vocabulary personAfter "tukang baso", everydayAfter "baso".
  const sunda = createClassifier({
    vocabulary,
    paslon: {
      election: 'Pilwalkot Contoh 2024',
      paslon: [
        { number: 1, names: ['Jajang Sukmana', 'Euis Rohaeti'], aliases: ['Jajang-Euis'] },
        { number: 2, names: ['Komarudin Saleh', 'Neneng Hasanah'], aliases: ['Komar-Neneng'] },
      ],
    },
  });
  it.each([
    'Mang Jajang tukang baso nu di gang tos buka deui',
    'Komarudin baso na enak pisan, sok cobian',
  ])('%s', (text) => expect(sunda.classify(text).pilkada).toBe(false));
  it.each([
    'Jajang kampanye di pasar, loba nu datang',
    'tukang baso di gang milih Komarudin ceunah',
  ])('the candidate still counts: %s', (text) => expect(sunda.classify(text).pilkada).toBe(true));
});

describe('a slogan on the region\'s name after the region\'s unit word is the place (Pilwalkot Bogor set, issue 20)', () => {
  // An alias "Contoh Hebat" is written without "Kota" before it; "Kota Contoh Hebat ..." is the city and a word said of
  // it (regionSloganLabels, isRegionAsPlace): weak as a common name, so a ballot number or election word still lifts it.
  const slogan = createClassifier({
    vocabulary,
    paslon: {
      election: 'Pilwalkot Contoh 2024',
      paslon: [
        { number: 1, names: ['Hendarman Yusuf', 'Ririn Marlina'], aliases: ['Hendarman-Ririn', 'Contoh Hebat'] },
        { number: 2, names: ['Bambang Sutejo', 'Ani Rahmawati'], aliases: ['Bambang-Ani'] },
      ],
    },
  });
  it.each([
    'Penataan Trotoar Kota Contoh Hebat Selesai Akhir Desember [URL]',
    'Kabupaten Contoh Hebat dalam Lomba Adipura tahun ini',
  ])('%s', (text) => expect(slogan.classify(text).pilkada).toBe(false));
  it.each([
    'Contoh Hebat menang telak, selamat!',
    '#ContohHebat gaspol',
    'Wujudkan Kota Contoh Hebat bersama nomor 1',
  ])('the slogan itself, or with a ballot number, still counts: %s', (text) => expect(slogan.classify(text).pilkada).toBe(true));
});

describe('a camel-case blend of the running mates\' names is the pair (Pilbup Bojonegoro set, issue 20)', () => {
  // "WaNur" for Setyo Wahono and Nurul Azizah: isBlendAlias makes such an alias a pair alias, so a word before it that
  // names a place after someone ("Bus Sekolah X") does not make it another person's name.
  const blend = createClassifier({
    vocabulary,
    paslon: {
      election: 'Pilbup Contoh 2024',
      paslon: [
        { number: 1, names: ['Gunarto Wibisono', 'Melinda Sari'], aliases: ['Gunarto-Melinda', 'GunMel'] },
        { number: 2, names: ['Rusdianto Hakim', 'Yuliana Putri'], aliases: ['Rusdianto-Yuliana'] },
      ],
    },
  });
  it.each([
    'Program Beasiswa Sekolah GunMel Disambut Wali Murid [URL]',
    'Program Bus Sekolah GunMel Mulai Diuji Coba [URL]',
  ])('%s', (text) => expect(blend.classify(text).pilkada).toBe(true));
  it.each([
    'Sekolah Gunarto Wibisono? itu nama yayasan kakekku',
    'antar anak ke Sekolah Gunarto dulu, baru ke pasar',
  ])('a school named after a person is still no candidate: %s', (text) => expect(blend.classify(text).pilkada).toBe(false));
});

describe('the Javanese causative "-ke", "-ake", "-no" is "-kan" on "menangkan" (Pilbup Bojonegoro set, issue 20)', () => {
  // "menangke 02" is "menangkan 02" in Central and East Javanese chat; vocabulary terms act and the number patterns.
  it.each([
    'jarene kades kene wis didawuhi menangke 02',
    'ayo menangno 01 sesuk',
    'dulur kabeh, menangake 01 wae',
  ])('%s', (text) => expect(is(text)).toBe(true));
  it.each([
    'sing penting menangke pertandingan iki, ojo kalah maneh',
    'menangno tim bal e dhisik, lagi mikir liyane',
  ])('winning a match is no vote: %s', (text) => expect(is(text)).toBe(false));
});

describe('a pair\'s ballot number beside only elections of single candidates is this race\'s (unpairedElections, isPairRace) (Pilwalkot Banjarmasin set, attacker\'s view, issue 20)', () => {
  // "caleg" anywhere made the text Pileg talk (nationalElection) and dropped every ballot number and vote word, so
  // "kata mantan caleg" appended to a vote call hid it. Pileg, Pilkades, the RT head's vote and a koperasi elect
  // one person each and number no pairs: "paslon 3" beside them names a race of pairs, this one.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Karangsari 2024', paslon: [{ number: 1, names: ['Jajang Sopandi', 'Rina Kartika'] }, { number: 2, names: ['Dudung Permana', 'Euis Komalasari'] }, { number: 3, names: ['Gilang Mahendra', 'Sari Wulandari'] }] },
  });
  it.each([
    'Menangkan paslon nomor 3, kata mantan caleg',
    'Dukung paslon 3 untuk Karangsari, caleg pun ikut',
    'Caleg Gagal Kini Jadi Tim Sukses Paslon 3',
    'Menangkan paslon nomor 3, pileg kemarin sudah lewat',
    'Dukung pasangan nomor 2, pengurus koperasi pun ikut',
    'Menangkan paslon nomor 3, pilkades juga minggu depan',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it('the vote words count again beside the vote day', () => {
    expect(town.classify('Ayo coblos paslon 3 tanggal 27 November! Salam dari mantan caleg').score)
      .toBeGreaterThan(town.classify('Ayo coblos paslon 3 tanggal 27 November!').score);
  });
  it.each([
    'caleg nomor urut 3 dapil 2',
    'coblos caleg PDIP nomor 5',
    'Coblos nomor 3, kata mantan caleg',
    'pilpres kemarin paslon 02 menang',
    'Pemilihan ketua OSIS: paslon 2 menang',
    'pemilihan ketua RT, calon nomor 2 Pak Gilang',
    'caleg dan pilpres kemarin, paslon 3 kalah',
  ])('a single candidate\'s number, or a pair beside an election of pairs: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
  it.each([
    'Pilkades Sukolilo: paslon nomor 2 menang telak',
    'pemilihan ketua RT kemarin, pasangan nomor 2 menang',
    'Musda KNPI: paslon 2 terpilih aklamasi',
  ])('that election named first, as the topic, keeps its own pair: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('a name dropped as the writer\'s friend or relative, and a call to vote for its own number (isKinBeside, isKinCalled) (attacker\'s view, issue 20)', () => {
  // The occupation and relative rules (personAfter "teman", "tetangga"; personBefore "adikku") drop a one-word name
  // whole, so the name-beside-its-own-number rule never saw it: "X teman saya" put before a vote call for X's number
  // left a bare "pilih nomor 3" (0.8). A namesake friend is not the pair the text calls to vote for.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Karangsari 2024', paslon: [{ number: 1, names: ['Jajang Sopandi', 'Rina Kartika'] }, { number: 2, names: ['Dudung Permana', 'Euis Komalasari'] }, { number: 3, names: ['Gilang Mahendra', 'Sari Wulandari'] }] },
  });
  it.each([
    'Gilang teman saya, pilih nomor 3',
    'Gilang kawan aku, pilih nomor 3 ya',
    'adikku Gilang, pilih nomor 3',
    'Pak Mahendra tetangga saya, milih nomor 3',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'Gilang teman saya, dulu satu kos',
    'Gilang teman saya, dulu kos nomor 3',
    'Gilang teman saya, pilih nomor 2',
    'adikku Gilang baru lulus SD, nomor 3 di kelas',
    'Gilang guru ngaji, pilih nomor 3',
  ])('no vote call, another pair\'s number, or no kin word: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('a name right after a ballot verb keeps the title or occupation after it (ballotCalls, isBallotCalled) (Pilwalkot Banjarmasin set, attacker\'s view, issue 20)', () => {
  // "pahlawan nasional" after a name makes it the hero (personAfter), so "menangkan X pahlawan nasional" hid a vote
  // call (0.3). "coblos" and "menangkan" call for a ballot and nothing else: the one called is the candidate and
  // what follows describes them. "pilih" (any pick) and "dukung" (a petition for a hero's title) are left out.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Karangsari 2024', paslon: [{ number: 1, names: ['Jajang Sopandi', 'Rina Kartika'] }, { number: 2, names: ['Dudung Permana', 'Euis Komalasari'] }, { number: 3, names: ['Gilang Mahendra', 'Sari Wulandari'] }] },
  });
  it.each([
    'menangkan Gilang pahlawan nasional',
    'menangkan Gilang Mahendra pahlawan nasional kita',
    'ayo menangkan Pak Mahendra guru ngaji kita',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'Gilang Mahendra, Pahlawan Nasional dari Betawi',
    'Dukung Gilang Pahlawan Nasional',
    'pilih Gilang guru ngaji jadi imam',
    'Pak Gilang guru ngaji di masjid kami',
  ])('the hero, a petition for the title, a pick of an imam: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
  // "menangkan" asks for the votes of a contest too: there the title or trade after the name is that person's again.
  it.each([
    'Menangkan Gilang tukang bakso favorit di lomba UMKM, vote lewat link di bio',
    'Menangkan Pak Gilang guru teladan, vote di IG ya',
    'ayo menangkan Pak Mahendra guru ngaji kita di ajang dai muda',
  ])('a contest\'s call: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('the re-election call written with a digit, "lanjutkan 2 periode" (vocabulary act, attacker\'s view, issue 20)', () => {
  // "dua periode" was a 0.4 act and "{name} 2 periode" a slogan, but the call without a name spelt with a digit was
  // no term, so "nomor 1 lanjutkan 2 periode" was a bare "nomor 1" (0.5). A bare "2 periode" (0.4) was tried and
  // left out: a tenure told beside an office and an act (a governor's past) became a false alarm on the dev set.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilbup Karangsari 2024', paslon: [{ number: 1, names: ['Jajang Sopandi', 'Rina Kartika'] }, { number: 2, names: ['Dudung Permana', 'Euis Komalasari'] }] },
  });
  it.each([
    'nomor 1 lanjutkan 2 periode',
    'nomor 2 lanjut dua periode!',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'lanjutkan 2 periode',
    'jabatan kades 2 periode',
    'Pak Camat sudah 2 periode di sini, nomor 1 di hati warga',
  ])('alone, or a tenure: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('a vote verb right before "paslon N" is a call for the number as "coblos nomor N" is (isCalledNumber) (attacker\'s view, issue 20)', () => {
  // The sibling-level and other-race asides keep a call to vote for a number (siblingOnly, callBeforeOtherRace), but
  // only where the number's phrase held its verb ("coblos nomor 2"); "coblos paslon 2" is read as two terms, so
  // ", pilkada kota juga seru" after it dropped the number (0).
  const regency = createClassifier({
    vocabulary,
    paslon: { election: 'Pilbup Karangsari 2024', paslon: [{ number: 1, names: ['Jajang Sopandi', 'Rina Kartika'] }, { number: 2, names: ['Dudung Permana', 'Euis Komalasari'] }] },
  });
  it.each([
    'coblos paslon 2, pilkada kota juga seru',
    'dukung paslon 2, pilkada kota beda lagi',
    'Coblos paslon 1, jangan lupa Pilkada Jabar juga',
  ])('%s', (text) => expect(regency.classify(text).pilkada).toBe(true));
  it.each([
    'Pilkada kota: paslon 2 menang',
    'paslon 2 menang, pilkada kota',
    'Pilkada Jabar: coblos paslon 1',
  ])('no call, or the number in the other race\'s clause: %s', (text) => expect(regency.classify(text).pilkada).toBe(false));
});

describe('odd input on the guards of this round (isPairRace, isKinCalled, isBallotCalled, isCalledNumber, isCallBeforeAddedElection)', () => {
  // Each guard reads a bounded window or the found terms (at most one per distinct term) and keeps one entry per pair,
  // so a text repeating its trigger thousands of times keeps the verdict and throws nothing.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilbup Karangsari 2024', paslon: [{ number: 1, names: ['Jajang Sopandi', 'Rina Kartika'] }, { number: 2, names: ['Dudung Permana', 'Euis Komalasari'] }, { number: 3, names: ['Gilang Mahendra', 'Sari Wulandari'] }] },
  });
  it.each(['', '🎉🎉🎉', '\u200b\u200f\u202e', 'x'.repeat(50000), Array(5000).fill('Gilang').join(' '), 'caleg \u202epaslon\u200b 3 \u200f']) ('no throw: %#', (text) => {
    expect(() => town.classify(text)).not.toThrow();
  });
  it.each([
    'Menangkan paslon nomor 3, kata mantan caleg.',
    'Gilang teman saya, pilih nomor 3.',
    'menangkan Gilang pahlawan nasional.',
    'coblos paslon 2, pilkada kota juga seru.',
    'Coblos nomor 1! Pemilihan ketua RT juga minggu depan.',
  ])('repeated 5,000 times, still counted: %s', (unit) => {
    expect(town.classify(Array(5000).fill(unit).join(' ')).pilkada).toBe(true);
  });
});

describe('a vote call, then a non-Pilkada election told of as one more ("juga") a clause later (isCallBeforeAddedElection) (attacker\'s view, issue 20)', () => {
  // An RT, Pilkades, koperasi or Pileg word anywhere took a call's ballot number as that election's; only this
  // election's vote day kept it (isOwnVoteDay). "X juga" says the election is one more, not the one called for.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Karangsari 2024', paslon: [{ number: 1, names: ['Jajang Sopandi', 'Rina Kartika'] }, { number: 2, names: ['Dudung Permana', 'Euis Komalasari'] }, { number: 3, names: ['Gilang Mahendra', 'Sari Wulandari'] }] },
  });
  it.each([
    'Coblos nomor 1! Pemilihan ketua RT juga minggu depan',
    'dukung nomor 2, koperasi juga rapat besok',
    'coblos nomor 3! pileg juga sudah lewat',
    'Coblos nomor 1, pilkades pun sama',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'Coblos nomor 1! Pemilihan ketua RT minggu depan',
    'Pilkades juga besok, coblos nomor 1',
    'Pilkades besok, coblos nomor 1 ya',
    'coblos nomor 1 di pilkades juga',
    'Pemilihan ketua RT: coblos nomor 1, pemilihan ketua RW juga',
    'Pilpres kemarin aku coblos 02',
    // A village-head candidate named first is that election's too (otherElections "calon kades", "cakades").
    'Calon kades nomor 2 pak Jarwo, coblos nomor 2, pilkades juga penting',
  ])('no "also", the election named first, or the call in its clause: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
  it('a village-head candidate as an aside after this race\'s pair still counts', () => {
    expect(town.classify('Menangkan paslon 2, calon kades juga dukung').pilkada).toBe(true);
  });
});

describe('a region\'s award after a bare name is the office at work (regionAwards) (Pilwalkot Balikpapan and Pilbup Bandung sets, issue 20)', () => {
  // The bare-name activity branch in scan (isRegionAward): an award named for a region's government goes to whoever
  // governs it; an award to the person stays the candidate's, as the dev set's tweets label a candidate's own awards.
  const paslon: PaslonFile = { election: 'Pilwalkot Contoh Tanjung Biru 2024', paslon: [
    { number: 1, names: ['Harsono Widjajakusuma', 'Lestari Anggraeni'], aliases: ['Harsono-Lestari'] },
    { number: 2, names: ['Marwan Syahputra', 'Dini Ayuningtyas'], aliases: ['Marwan-Dini'] },
  ] };
  const biru = createClassifier({ vocabulary, paslon });
  const without = createClassifier({ vocabulary: { ...vocabulary, officialPosts: { ...vocabulary.officialPosts!, regionAwards: undefined } }, paslon });
  it.each([
    'Harsono Widjajakusuma Terima Penghargaan Kota Layak Anak dari Kementerian [URL]',
    'Marwan Syahputra raih Anugerah Pembangunan Daerah tingkat provinsi',
    'Harsono Widjajakusuma Terima Penghargaan Inovasi Daerah 2024 [URL]',
  ])('%s', (text) => {
    expect(biru.classify(text).pilkada).toBe(false);
    expect(without.classify(text).pilkada).toBe(true);
  });
  it.each([
    'Harsono Widjajakusuma Raih Penghargaan Tokoh Inspiratif dari Media Lokal [URL]',
    'Marwan Syahputra terima penghargaan kota layak anak, relawan siap menangkan nomor 2',
    'Harsono Widjajakusuma janji raih penghargaan kota layak anak kalau terpilih',
  ])('an award to the person, or a word of the race beside it: %s', (text) => expect(biru.classify(text).pilkada).toBe(true));
});

describe('a title-case headline\'s unknown capitalised word after a candidate\'s one-word name is a namesake\'s surname (Pilwalkot Banjarmasin, Batam and Samarinda sets, issue 20)', () => {
  // isSurnameAfterInTitle in asWritten: in title case capitals tell nothing, but a word no vocabulary, paslon file,
  // region or dictionary knows, with its affixes taken off (isLanguageWord), is a name; the headline's verb is a word.
  const teluk = createClassifier({ vocabulary, paslon: { election: 'Pilwalkot Contoh Teluk Indah 2024', paslon: [
    { number: 1, names: ['Bahtiar Rasyidin', 'Sukmawati'], aliases: ['Bahtiar-Sukmawati'] },
    { number: 2, names: ['Irfandi Lamadjido', 'Novita Kumalasari'], aliases: ['Irfandi-Novita'] },
  ] } });
  it.each([
    'Sukmawati Wirananggapati Gelar Pameran Lukisan di Taman Budaya [URL]',
    'Bahtiar Kusnadi Masih Buron, Polisi Periksa Saksi Baru [URL]',
    'Siswa SD Ikuti Lomba Pidato, Irfandi Wongsodirjo Raih Juara 1 [URL]',
  ])('%s', (text) => expect(teluk.classify(text).pilkada).toBe(false));
  it.each([
    'Bahtiar Temui Nelayan Pesisir Utara Pagi Ini [URL]',
    'Sukmawati Kunjungi Pasar Lama Bersama Emak-Emak [URL]',
    'Irfandi Dikunjungi Tokoh Adat Sore Ini [URL]',
    'Sukmawati Wirananggapati dan Irfandi Hadir di Acara Warga [URL]',
  ])('a verb of the language, a list, or running talk after the names: %s', (text) => expect(teluk.classify(text).pilkada).toBe(true));
});

describe('a first-person pronoun before a ballot number is the writer\'s own choice (numberSubject openers) (Pilwalkot Tangerang, Tangsel, Balikpapan, Banjarmasin and Pilbup Bandung sets, issue 20)', () => {
  // isSubjectNumber: the number is the text's subject after its openers; "gue mah", "uing mah", "ulun", "saya" say
  // whose choice it is, in Betawi, Sundanese, Banjar and Indonesian alike. A number with no talk after it stays a rank.
  const paslon: PaslonFile = { election: 'Pilbup Contoh Lembah Hijau 2024', paslon: [
    { number: 1, names: ['Bahtiar Rasyidin', 'Sukmawati Lubis'], aliases: ['Bahtiar-Sukmawati'] },
    { number: 2, names: ['Irfandi Lamadjido', 'Novita Kumalasari'], aliases: ['Irfandi-Novita'] },
  ] };
  const hijau = createClassifier({ vocabulary, paslon });
  const pronouns = new Set(['aku', 'saya', 'sy', 'gue', 'gua', 'gw', 'ane', 'isun', 'uing', 'abdi', 'kula', 'ulun', 'beta', 'mah']);
  const subject = vocabulary.numberSubject!;
  const without = createClassifier({ vocabulary: { ...vocabulary, numberSubject: { ...subject, openers: subject.openers.filter((w) => !pronouns.has(w)) } }, paslon });
  it.each([
    'gue mah 02 dah, pengen yang baru',
    'uing mah 01 weh',
    'saya nomor 2 aja, sudah jelas programnya',
  ])('%s', (text) => {
    expect(hijau.classify(text).pilkada).toBe(true);
    expect(without.classify(text).pilkada).toBe(false);
  });
  it.each([
    'aku nomor 1 di kelas, bangga',
    'saya nomor 3 antri, habis ini bapak',
    'gue mah lantai 02, naik lift aja',
  ])('a rank, a queue or a floor stays one: %s', (text) => expect(hijau.classify(text).pilkada).toBe(false));
});

describe('a weak name right before a campaign act of its own is the candidate campaigning (nameActs) (Pilwalkot Balikpapan, Pilgub Bengkulu and Jabar surnames sets, issue 20)', () => {
  // scan sets nameAct when "kampanye"/"blusukan" stands right after a name; summarise counts a weak name with it.
  // A cause after the act ("kampanye anti narkoba") is a social campaign, and stays no race's.
  const paslon: PaslonFile = { election: 'Pilwalkot Contoh Muara Jernih 2024', paslon: [
    { number: 1, names: ['Rudi Hartawan', 'Sulastri Wibowo'], aliases: ['Rudi-Sulastri'] },
    { number: 2, names: ['Darmawansyah Pohan', 'Andi Kurniawan'], aliases: ['Darmawan-Andi'] },
  ] };
  const jernih = createClassifier({ vocabulary, paslon });
  const without = createClassifier({ vocabulary: { ...vocabulary, nameActs: undefined }, paslon });
  it.each([
    'Rudi kampanye di lapangan voli besok malam, ada dangdutan',
    'Andi blusukan ke pasar ikan pagi tadi',
    'Rudi blusukan ke gang sempit tadi sore',
  ])('%s', (text) => {
    expect(jernih.classify(text).pilkada).toBe(true);
    expect(without.classify(text).pilkada).toBe(false);
  });
  it.each([
    'Rudi kampanye anti narkoba di sekolah tadi pagi',
    'Andi kampanye stop bullying di kelas 8',
    'Rudi ikut lomba lari di lapangan voli besok malam',
  ])('a social campaign, or no act: %s', (text) => expect(jernih.classify(text).pilkada).toBe(false));
});

describe('every Javanese causative of "menangkan" is a ballot verb before a name and its title (ballotCalls beside the vocabulary\'s "menangake", "menangno") (review of the Bojonegoro and Banjarmasin rules, issue 20)', () => {
  // The vocabulary calls "menangke", "menangake" and "menangno" vote verbs wherever it calls "menangkan" one
  // (act term, "{n}", "{0n}", "{name}"), but the classifier's own hard-coded list of ballot verbs knew only "menangke":
  // "menangake Pak X guru ngaji kita" lost its name to the occupation after it (0.3) where "menangke" and "menangkan"
  // kept it. The list is now the vocabulary's `ballotCalls`, beside the classes that hold the same words.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilbup Sukomulyo 2024', paslon: [{ number: 1, names: ['Wiryo Sasmito', 'Endang Rahayu'] }, { number: 2, names: ['Prapto Haryono', 'Ningsih Wulandari'] }] },
  });
  it.each([
    'ayo menangake Pak Prapto guru ngaji kita',
    'menangno Prapto tukang bakso asli kampung kene',
    'menangke Pak Prapto guru ngaji kita',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'Pak Prapto guru ngaji kita wis rawuh',
    'Prapto tukang bakso asli kampung kene',
  ])('the name beside its occupation with no ballot verb stays someone\'s: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('the ballot verbs, contest words and unpaired candidates are the vocabulary\'s classes, not lists in the classifier (ballotCalls, unpairedCandidates) (drift between vocabulary and classifier, issue 20)', () => {
  // A merge once added "menangake"/"menangno" to the vocabulary and not to the classifier's own list of ballot verbs,
  // so the two disagreed. The lists are read from data/vocabulary.json now: what a deployer's vocabulary holds is
  // what the rules use, and dropping a word there drops it from the rule.
  const pairs: PaslonFile = { election: 'Pilbup Sukomulyo 2024', paslon: [{ number: 1, names: ['Wiryo Sasmito', 'Endang Rahayu'] }, { number: 2, names: ['Prapto Haryono', 'Ningsih Wulandari'] }] };
  const calls = vocabulary.ballotCalls!;
  it('a verb in ballotCalls.verbs keeps the title after the name; taken out, it does not', () => {
    const text = 'ayo menangno Pak Prapto guru ngaji kita';
    expect(createClassifier({ vocabulary, paslon: pairs }).classify(text).pilkada).toBe(true);
    const without = { ...vocabulary, ballotCalls: { ...calls, verbs: calls.verbs.filter((w) => w !== 'menangno') } };
    expect(createClassifier({ vocabulary: without, paslon: pairs }).classify(text).pilkada).toBe(false);
  });
  it('a word in ballotCalls.contests makes the call that contest\'s; taken out, the call is the race\'s', () => {
    const text = 'Menangkan Pak Prapto guru teladan, voting di IG ya';
    expect(createClassifier({ vocabulary, paslon: pairs }).classify(text).pilkada).toBe(false);
    const without = { ...vocabulary, ballotCalls: { ...calls, contests: calls.contests.filter((w) => w !== 'voting') } };
    expect(createClassifier({ vocabulary: without, paslon: pairs }).classify(text).pilkada).toBe(true);
  });
  it('a candidate in unpairedCandidates may come before the pair\'s number; an election of them named first keeps it its own', () => {
    const c2 = createClassifier({ vocabulary, paslon: pairs });
    expect(c2.classify('Calon Kades Gagal Kini Jadi Tim Sukses Paslon 2').pilkada).toBe(true);
    expect(c2.classify('Pilkades Sukamaju: paslon nomor 2 menang').pilkada).toBe(false);
    const without = { ...vocabulary, unpairedCandidates: (vocabulary.unpairedCandidates ?? []).filter((w) => w !== 'calon kades') };
    expect(createClassifier({ vocabulary: without, paslon: pairs }).classify('Calon Kades Gagal Kini Jadi Tim Sukses Paslon 2').pilkada).toBe(false);
  });
  it('the schema rejects a ballotCalls without its contest words, or an empty word, with the field named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ballot-calls-'));
    const raw = JSON.parse(readFileSync('data/vocabulary.json', 'utf8')) as Record<string, unknown>;
    const { dictionaryFile: _, ...noDictionary } = raw;
    const bad = join(dir, 'vocabulary.json');
    writeFileSync(bad, JSON.stringify({ ...noDictionary, ballotCalls: { verbs: ['coblos'] } }));
    expect(() => loadVocabulary(bad)).toThrow(/ballotCalls\.contests/);
    writeFileSync(bad, JSON.stringify({ ...noDictionary, unpairedCandidates: ['caleg', ''] }));
    expect(() => loadVocabulary(bad)).toThrow(/unpairedCandidates\.1/);
  });
});

describe('"menangkan" and its Javanese causatives call for a ballot number as "coblos" does (ballotCalls verbs in isVoteCall, "menangkan nomor {n}") (attacker\'s view, issue 20)', () => {
  // "coblos nomor 2" and "dukung nomor 2" were vote calls of weight 1, "menangkan nomor 2" two weak terms (0.8): a
  // plain call for the ballot number scored below the threshold. And a call is what keeps its number this race's when
  // another election is added after it with "juga" (isCallBeforeAddedElection), but only a vote verb of votedOffice
  // opened a call, so "menangkan nomor 2, ketua OSIS juga setuju" lost its number to the OSIS vote (0).
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Karangsari 2024', paslon: [{ number: 1, names: ['Jajang Sopandi', 'Rina Kartika'] }, { number: 2, names: ['Dudung Permana', 'Euis Komalasari'] }, { number: 3, names: ['Gilang Mahendra', 'Sari Wulandari'] }] },
  });
  it.each([
    'menangkan nomor 3',
    'ayo menangno nomer 3, wis mantep',
    'menangkan nomor 3, ketua OSIS juga setuju',
    'menangkan paslon nomor 3, ketua OSIS juga setuju',
    'menangkan nomor 3, pilkades juga besok',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'pemilihan ketua OSIS besok, menangkan nomor 3 ya',
    'pemilihan ketua OSIS, menangkan nomor 3',
    'menangkan nomor 3. Pilkades minggu depan',
    'pilpres kemarin menangkan nomor 2',
    'menangkan caleg nomor 3 dapil 2',
  ])('the other election named first, with no "juga", or its own candidate: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('an office to win after a name gives it no title, so another official at work beside a campaign line is not the office\'s post (officialPosts.aimedOffices, isAimedOffice) (attacker\'s view, issue 20)', () => {
  // "X paling layak jadi wali kota" scored 1.3, but with another official's activity added ("..., Pak Camat meresmikan
  // pasar kemarin") the office word after the name titled it and the activity made the whole text the office at work
  // (0). A wish, merit or duty before a word of becoming ("layak jadi", "harus jadi", "pengen dadi") makes the office
  // one to win, in every region's talk; with no such word the office may be held, and the post stays the job.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Karangsari 2024', paslon: [{ number: 1, names: ['Jajang Sopandi', 'Rina Kartika'] }, { number: 2, names: ['Dudung Permana', 'Euis Komalasari'] }, { number: 3, names: ['Gilang Mahendra', 'Sari Wulandari'] }] },
  });
  it.each([
    'Gilang paling layak jadi wali kota, Pak Camat meresmikan pasar kemarin',
    'Gilang harus jadi wali kota. Pak Lurah membuka musrenbang tadi pagi',
    'Gilang layak jadi wali kota, Bupati Sukamaju meresmikan pasar kemarin',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'Wali Kota Gilang meresmikan pasar kemarin',
    'Gilang, Wali Kota Karangsari, meresmikan pasar kemarin',
    'Gilang yang kini jadi wali kota meresmikan pasar kemarin',
    'Gilang sudah dua tahun jadi wali kota, kemarin meresmikan pasar',
    'Sejak jadi wali kota, Gilang sudah meresmikan 20 pasar',
  ])('the office held, by its title or with no wish before it: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('another country\'s election is an election of another kind, its quick count, TPS and numbers not this race\'s (foreignElections) (attacker\'s view, issue 20)', () => {
  // The vote talk that lifts a line ("quick count" with a result, TPS, "paslon nomor 3") is said of every election,
  // and the US presidential vote fell three weeks before the 2024 Pilkada: "quick count pemilu Amerika, Trump menang"
  // scored 1.3, "pemilu Malaysia kemarin, paslon nomor 3 menang" 1.6. An election word right before a country ("di"
  // between or not) names that country's election, as "pilkades" names the village's.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Karangsari 2024', paslon: [{ number: 1, names: ['Jajang Sopandi', 'Rina Kartika'] }, { number: 2, names: ['Dudung Permana', 'Euis Komalasari'] }, { number: 3, names: ['Gilang Mahendra', 'Sari Wulandari'] }] },
  });
  it.each([
    'quick count pemilu Amerika, Trump menang',
    'pemilu Amerika Serikat hari ini, warga AS antre di TPS',
    'pemilu Malaysia kemarin, paslon nomor 3 menang',
    'quick count pemilu Korea Selatan: nomor 3 menang',
    'hasil pilpres di Korea Selatan: paslon 3 unggul',
  ])('%s', (text) => expect(town.classify(text).pilkada).toBe(false));
  it.each([
    'coblos nomor 3 ya, pemilu AS juga seru',
    'Pilkada Karangsari: coblos nomor 3, pemilu AS juga seru',
    'quick count Pilwalkot Karangsari: nomor 3 unggul, pilpres AS kalah rame',
    'Gilang Mahendra menang quick count, pemilu Amerika lewat',
  ])('this race named, its own call or candidate beside it, still counts: %s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it('a country that is a word of a paslon\'s name is no country there', () => {
    const named = createClassifier({ vocabulary, paslon: { election: 'Pilbup Contoh 2024', paslon: [{ number: 1, names: ['India Kusuma', 'Rudi Hartono'] }, { number: 2, names: ['Bagas Wicaksono', 'Dewi Lestari'] }] } });
    expect(named.classify('pemilu India Kusuma menang, quick count nomor 1 unggul').pilkada).toBe(true);
  });
});

describe('odd input on the rules of this round (callVerbs, isAimedOffice, foreignElections)', () => {
  // Each reads one or two words before a match, and the foreign elections are trie phrases made once per classifier,
  // so odd characters throw nothing and a repeated unit keeps its verdict.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilwalkot Karangsari 2024', paslon: [{ number: 1, names: ['Jajang Sopandi', 'Rina Kartika'] }, { number: 2, names: ['Dudung Permana', 'Euis Komalasari'] }, { number: 3, names: ['Gilang Mahendra', 'Sari Wulandari'] }] },
  });
  it.each(['', '🗳️🗳️', '\u200b\u200f\u202e', 'x'.repeat(50000), Array(5000).fill('layak jadi').join(' '), 'layak\u200b jadi \u202ewali kota', 'pemilu\u200bAS \u200f', Array(5000).fill('menangkan').join(' ')])('no throw: %#', (text) => {
    expect(() => town.classify(text)).not.toThrow();
  });
  it.each([
    'menangkan nomor 3, ketua OSIS juga setuju.',
    'menangkan paslon 3.',
    'Gilang paling layak jadi wali kota.',
  ])('repeated 5,000 times, still counted: %s', (unit) => {
    expect(town.classify(Array(5000).fill(unit).join(' ')).pilkada).toBe(true);
  });
  it.each(['pemilu AS, Trump menang.', 'quick count pemilu di Korea Selatan: nomor 3 menang.'])('repeated 5,000 times, still another country\'s: %s', (unit) => {
    expect(town.classify(Array(5000).fill(unit).join(' ')).pilkada).toBe(false);
  });
});

describe('a name under five letters is never matched one letter off, not even by a word one letter longer (Pilbup Deli Serdang set, issue 20)', () => {
  // src/core/text/fuzzy.ts left names under MIN_FUZZY_LENGTH out of its deletion index, but its `names.has(del)` step
  // still found them: "Irman" (a man's name) read as the candidate "Irma", so "Irman Sihombing" was her full name.
  const toba = createClassifier({ vocabulary, paslon: { election: 'Pilbup Contoh Toba 2024', paslon: [
    { number: 1, names: ['Irma Sihombing', 'Darmawan Saragih'], aliases: ['Irma-Darmawan'] },
    { number: 2, names: ['Parlindungan Hutapea', 'Josua Manurung'], aliases: ['Parlin-Josua'] },
  ] } });
  it.each([
    'Irman Sihombing pulang kampung ke Balige bawa oleh-oleh',
    'pak Irman Sihombing jual ikan mas di pajak',
  ])('%s', (text) => expect(toba.classify(text).pilkada).toBe(false));
  it('the candidate, and a longer name one letter off, still count', () => {
    expect(toba.classify('Irma Sihombing pulang kampung ke Balige bawa oleh-oleh').pilkada).toBe(true);
    expect(toba.classify('Darmwan Saragih kampanye di Balige').pilkada).toBe(true);
  });
});

describe('in a title-case headline, an unknown word before a candidate\'s surname is another person\'s given name (Pilbup Deli Serdang set, issue 20)', () => {
  // readAsWritten's givenBefore read a surname after another capitalised given name as that family's only outside
  // title case; a word there that is no dictionary word under any affix is a given name in a headline too.
  const toba = createClassifier({ vocabulary, paslon: { election: 'Pilbup Contoh Toba 2024', paslon: [
    { number: 1, names: ['Asmara Hutagalung', 'Benny Simanjuntak'], aliases: ['Asmara-Benny'] },
    { number: 2, names: ['Parlindungan Hutapea', 'Josua Manurung'], aliases: ['Parlin-Josua'] },
  ] } });
  it.each([
    'Mantan Bupati Tigor Hutagalung Resmikan Masjid di Desa Sukaramai [URL]',
    'Mantan Bupati Amri Hutagalung Resmikan Gereja di Desa Sukaramai [URL]',
  ])('%s', (text) => expect(toba.classify(text).pilkada).toBe(false));
  it.each([
    'Calon Bupati Asmara Hutagalung Resmikan Posko di Desa Sukaramai [URL]',
    'Bupati Terpilih Hutagalung Resmikan Masjid di Desa Sukaramai [URL]',
    'Calon Bupati Hutagalung Kunjungi Pasar di Desa Sukaramai [URL]',
  ])('the candidate, or a verb before the surname, still count: %s', (text) => expect(toba.classify(text).pilkada).toBe(true));
});

describe('an adjective alias in capitals with a word of degree after it is the adjective (Pilwalkot Mataram set, issue 20)', () => {
  // isShoutedAmong: "SEGAR banget" is "very fresh"; a pair of candidates is never "very" anything. A vote verb right
  // before it still names the pair.
  const pantai = createClassifier({ vocabulary, paslon: { election: 'Pilwalkot Contoh Pantai 2024', paslon: [
    { number: 1, names: ['Lalu Sapta Wirawan', 'Gede Arimbawa'], aliases: ['SEGAR', 'Sapta-Gede'] },
    { number: 2, names: ['Hamdan Zulkarnaen', 'Nurhidayati'], aliases: ['HANUR'] },
  ] } });
  it.each([
    'es kelapa muda di pantai SEGAR banget siang ini',
    'habis hujan udaranya SEGAR bgt, jalan pagi yuk',
    'sayurnya SEGAR sekali, beli di pasar Kebon Roek',
  ])('%s', (text) => expect(pantai.classify(text).pilkada).toBe(false));
  it.each([
    'SEGAR menang di TPS kami',
    'dukung SEGAR banget pokoknya',
    'SEGAR untuk kota kita',
  ])('the alias as the pair still counts: %s', (text) => expect(pantai.classify(text).pilkada).toBe(true));
});

describe('a party named after its board or its congress is party work, no backing (Pilbup Deli Serdang and Pilwalkot Mataram sets, issue 20)', () => {
  // partyOffices.titles: "pengurus", "kepengurusan", "musda", "muswil", "muscab", "munas" before a party ("Lantik
  // Pengurus PAC Hanura", "Hadiri Musda Golkar") make the party an office of its own, as "Ketua DPD Golkar" does.
  const paslon: PaslonFile = { election: 'Pilbup Contoh Serdang Hulu 2024', paslon: [
    { number: 1, names: ['Hendra Sitompul', 'Marlina Pasaribu'], aliases: ['Hendra-Marlina'] },
    { number: 2, names: ['Rizal Effendi Harahap', 'Sutrisno'], aliases: ['RIDHO'] },
  ] };
  const hulu = createClassifier({ vocabulary, paslon });
  const offices = vocabulary.officialPosts!.partyOffices!;
  const added = new Set(['pengurus', 'kepengurusan', 'musda', 'muswil', 'muscab', 'musdalub', 'munas', 'munaslub']);
  const without = createClassifier({ vocabulary: { ...vocabulary, officialPosts: { ...vocabulary.officialPosts!, partyOffices: { ...offices, titles: offices.titles.filter((w) => !added.has(w)) } } }, paslon });
  it.each([
    'Hendra Sitompul Lantik Pengurus PAC Hanura se-Kabupaten Contoh [URL]',
    'Ketua DPW Hanura Hendra Sitompul Lantik Pengurus Hanura Kota Contoh [URL]',
    'Hendra Sitompul Hadiri Musda Golkar Kabupaten Contoh [URL]',
  ])('%s', (text) => {
    expect(hulu.classify(text).pilkada).toBe(false);
    expect(without.classify(text).pilkada).toBe(true);
  });
  it.each([
    'Pengurus PAC Hanura Siap Menangkan Hendra Sitompul [URL]',
    'Hanura usung Hendra-Marlina di Pilbup Contoh',
    'Musda Golkar putuskan dukung Hendra Sitompul jadi bupati',
  ])('the party backing a candidate still counts: %s', (text) => expect(hulu.classify(text).pilkada).toBe(true));
});

describe('a whoever phrase, a relative word and a verb of becoming before the office (isWhoeverBecomes) (Pilbup Deli Serdang set, issue 20)', () => {
  // isWhoeverOffice allowed one word between "siapa pun" and the office; "yang jadi", "yg menang", "sing dadi" are two.
  const hulu = createClassifier({ vocabulary, paslon: { election: 'Pilbup Contoh Serdang Hulu 2024', paslon: [
    { number: 1, names: ['Hendra Sitompul', 'Marlina Pasaribu'], aliases: ['Hendra-Marlina'] },
    { number: 2, names: ['Rizal Effendi Harahap', 'Sutrisno'], aliases: ['RIDHO'] },
  ] } });
  const without = createClassifier({ vocabulary: { ...vocabulary, votedOffice: { ...vocabulary.votedOffice!, whoever: [] } }, paslon: {
    election: 'Pilbup Contoh Serdang Hulu 2024', paslon: [{ number: 1, names: ['Hendra Sitompul', 'Marlina Pasaribu'] }, { number: 2, names: ['Rizal Effendi Harahap', 'Sutrisno'] }],
  } });
  it.each([
    'siapa pun yang jadi bupati nanti, tolong jalan ke kebun diaspal',
    'siapapun yg menang bupati, jangan lupa janji sama petani',
    'sopo wae sing dadi bupati, sing penting pasar dibenahi',
  ])('%s', (text) => {
    expect(hulu.classify(text).pilkada).toBe(true);
    expect(without.classify(text).pilkada).toBe(false);
  });
  it.each([
    'siapa pun yang jadi ketua RT nanti, iuran sampah tetap 20 ribu',
    'siapa pun yang menang lomba, hadiahnya dibagi rata',
    'yang jadi bupati sekarang rajin turun ke desa',
  ])('no office, or no whoever phrase: %s', (text) => expect(hulu.classify(text).pilkada).toBe(false));
});

/** Made-up pairs for the rules from the Pilbup Tangerang and Pilbup Cianjur sets: a regent's title, a cleric's given name, a prophet's name. */
const sukamaju: PaslonFile = { election: 'Pilbup Sukamaju 2024', paslon: [
  { number: 1, names: ['Darsono Wiguna', 'Lilis Kartika'], aliases: ['Darsono-Lilis'] },
  { number: 2, names: ['Sarmili Hamdan', 'Yunus Prawira'], aliases: ['Sarmili-Yunus'] },
] };

describe('an official title right before the name and the office\'s business just after it is the office at work (isBusinessAfterName) (Pilbup Tangerang and Pilbup Cianjur sets, issue 20)', () => {
  // scan marks titleFirst when a title stands right before a candidate's name in its clause and the office's
  // business (officialPosts.officeBusiness: "dinas", "OPD", "pegawai") follows the name, one verb between; with no
  // activity word the post is then the office's own, as isOfficialPost reads a document.
  const regency = createClassifier({ vocabulary, paslon: sukamaju });
  it.each([
    'Bupati Sukamaju Darsono Wiguna Minta Dinas PUPR Percepat Perbaikan Jalan Desa [URL]',
    'Bupati Darsono Wiguna Perintahkan OPD Tuntaskan Serapan Anggaran Sebelum Desember [URL]',
  ])('%s', (text) => expect(regency.classify(text).pilkada).toBe(false));
  it.each([
    'Bupati Darsono Wiguna Minta Dinas Pendidikan Menangkan Paslon 1 [URL]',
    'Jaksa geledah kantor Dinas Perkim, Bupati Darsono Wiguna ikut diperiksa [URL]',
    'Darsono Wiguna dulu kepala dinas. Bupati yang paham dinas-dinas, pilih yang berpengalaman',
  ])('a campaign signal, the business far from the name, or no title before it: %s', (text) => expect(regency.classify(text).pilkada).toBe(true));
});

describe('a preaching duty before a cleric\'s honorific makes the name the preacher\'s (isPreachingBefore) (Pilbup Tangerang and Pilbup Cianjur sets, issue 20)', () => {
  // isPreachingCleric read the pulpit word only after the name ("Gus X isi pengajian"); the week's preacher is
  // named the other way round in chat ("khotibnye ustad X", "khotibna ustad X", "pengajian bersama Ustadz X").
  const regency = createClassifier({ vocabulary, paslon: sukamaju });
  const preaching = vocabulary.preaching!;
  const without = createClassifier({ vocabulary: { ...vocabulary, preaching: { ...preaching, acts: preaching.acts.filter((w) => !['khotib', 'khatib', 'khotbah', 'penceramah'].includes(w)) } }, paslon: sukamaju });
  it.each([
    'besok jumatan di masjid jami ye, khotibnye ustad sarmili',
    'enjing jumaahan di masjid agung, khatibna ustad Sarmili',
  ])('%s', (text) => {
    expect(regency.classify(text).pilkada).toBe(false);
    expect(without.classify(text).pilkada).toBe(true);
  });
  it('a pulpit word already listed, before the honorific', () => {
    expect(regency.classify('nanti malam pengajian bersama Ustadz Sarmili di musala').pilkada).toBe(false);
  });
  it.each([
    'ustad Sarmili kampanye di lapangan bola tadi sore',
    'khotibnye ustad sarmili, abis jumatan doi kampanye minta dipilih jadi bupati',
  ])('with election talk, or no pulpit word, the cleric is the candidate: %s', (text) => expect(regency.classify(text).pilkada).toBe(true));
});

describe('a parking attendant and other "juru" trades after a name are another person (personAfter) (Pilbup Cianjur set, issue 20)', () => {
  const regency = createClassifier({ vocabulary, paslon: sukamaju });
  const without = createClassifier({ vocabulary: { ...vocabulary, personAfter: vocabulary.personAfter!.filter((w) => !w.startsWith('juru') && w !== 'jukir') }, paslon: sukamaju });
  it.each([
    'Sarmili, Juru Parkir di Pasar Baru, Kembalikan Dompet Berisi Rp 3 Juta [URL]',
    'Sarmili jukir minimarket depan gang ramah banget',
  ])('%s', (text) => {
    expect(regency.classify(text).pilkada).toBe(false);
    expect(without.classify(text).pilkada).toBe(true);
  });
  it('the candidate greeting a parking attendant is still the candidate', () => {
    expect(regency.classify('Sarmili blusukan ke Pasar Baru, sapa juru parkir dan pedagang').pilkada).toBe(true);
  });
});

describe('a name before "dalam Al-Qur\'an" or "menurut Alkitab" is a figure of scripture (scriptureBooks) (Pilbup Tangerang set, issue 20)', () => {
  const regency = createClassifier({ vocabulary, paslon: sukamaju });
  const without = createClassifier({ vocabulary: { ...vocabulary, scriptureBooks: undefined }, paslon: sukamaju });
  it.each([
    "Kisah Yunus dalam Al-Qur'an, Nabi yang Ditelan Ikan Besar [URL]",
    'Sarmili menurut Alkitab adalah seorang raja',
  ])('%s', (text) => {
    expect(regency.classify(text).pilkada).toBe(false);
    expect(without.classify(text).pilkada).toBe(true);
  });
  it.each([
    'Yunus dalam debat semalam paling tenang jawabnya',
    'Sarmili dalam kampanye di pasar janji gratiskan berobat',
  ])('a name in the race\'s talk is the candidate\'s: %s', (text) => expect(regency.classify(text).pilkada).toBe(true));
});

describe('another pair named after a campaign act, its running mate a common given name, is another race\'s campaign (isOthersPairAfter) (Pilbup Tangerang set, issue 20)', () => {
  // isOthersCampaign read only a common given name first ("Kampanye Akbar Dedi Mulyadi"); a pair's name "X-Y" puts
  // the running mate's given name second, after a first name no table knows.
  const regency = createClassifier({ vocabulary, paslon: sukamaju });
  it('a governor\'s pair campaigning in the regency', () => {
    expect(regency.classify('Kampanye Akbar Warsini-Ade di Kabupaten Sukamaju Dihadiri Ribuan Simpatisan [URL]').pilkada).toBe(false);
  });
  it.each([
    'Kampanye Akbar Darsono-Lilis di Kabupaten Sukamaju Dihadiri Ribuan Simpatisan [URL]',
    'Kampanye Akbar Paslon 2 di Alun-alun Sukamaju Dihadiri Ribuan Simpatisan [URL]',
  ])('this race\'s own pair or number: %s', (text) => expect(regency.classify(text).pilkada).toBe(true));
});

describe('a passive verb after an election word in a title-case headline is no place (isPassiveVerb) (Pilbup Tangerang set, issue 20)', () => {
  // isUnknownPlace read any capitalised word no table knows after "Pilbup" as another region's name; "di" glued to a
  // dictionary root is the headline's verb.
  const regency = createClassifier({ vocabulary, paslon: sukamaju });
  it.each([
    'Bawaslu Temukan 31 Alat Peraga Kampanye Pilbup Dipasang di Pohon dan Tiang Listrik [URL]',
    'Debat Kedua Pilbup Ditunda, KPU Sukamaju Minta Maaf ke Paslon [URL]',
  ])('%s', (text) => expect(regency.classify(text).pilkada).toBe(true));
  it('another region\'s name after the election word stays another region', () => {
    expect(regency.classify('Pilbup Wanasari: Paslon Nomor 1 Unggul Hitung Cepat [URL]').pilkada).toBe(false);
  });
});

describe('the written short forms of Muhammad ("Moch.", "Mochamad", "Muh.") are common given names, so the next part is the one the candidate is called by (commonNames) (Pilbup Tangerang set, issue 20)', () => {
  // callingName takes the first part that is not a common name: "Moch." was read as the calling name of
  // "Moch. Karyadi Saputra", and "Karyadi" alone weighed a surname's.
  const file: PaslonFile = { election: 'Pilbup Sukamaju 2024', paslon: [
    { number: 1, names: ['Moch. Karyadi Saputra', 'Lilis Kartika'], aliases: ['Karyadi-Lilis'] },
    { number: 2, names: ['Sarmili Hamdan', 'Yunus Prawira'], aliases: ['Sarmili-Yunus'] },
  ] };
  const added = new Set(['moch', 'mochamad', 'mochammad', 'muchamad', 'muchammad', 'muh', 'mhd']);
  const regency = createClassifier({ vocabulary, paslon: file });
  const without = createClassifier({ vocabulary: { ...vocabulary, commonNames: vocabulary.commonNames.filter((n) => !added.has(n)) }, paslon: file });
  it.each([
    'emang bener pak karyadi dulu sekda? pantes ngerti birokrasi',
    'aye udah mantep milih karyadi, orang kampung sini',
  ])('%s', (text) => {
    expect(regency.classify(text).pilkada).toBe(true);
    expect(without.classify(text).pilkada).toBe(false);
  });
  it.each([
    'Saputra servis motor di bengkel depan gang',
    'Moch Ilham juara lomba adzan tingkat kecamatan',
  ])('the surname alone, and another Moch, stay weak: %s', (text) => expect(regency.classify(text).pilkada).toBe(false));
});

describe('a name that is a dictionary word whose spelling folding changes (j, y, doubled letters) is that word in lower case (dictionary lookups of folded words, issue 20)', () => {
  // candidateNames (src/core/classifier.ts) asked the dictionary, written in the language's spelling, with the name
  // folded ("jelita" read "ielita"), so a name part with a j or y was never found a word and counted strong in lower
  // case. It now asks with the name as the deployer wrote it; tokens are asked of the folded dictionary.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilbup Sukamaju 2024', paslon: [
      { number: 1, names: ['Jelita Handoyono', 'Mujur Sastrowardoyo'], aliases: ['Jelita-Mujur'] },
      { number: 2, names: ['Bambang Kuswoyo', 'Rahmat Damanhuri'], aliases: ['BK-Rahmat'] },
    ] },
  });
  it.each([
    'wajahnya jelita sekali pas kondangan kemarin',
    'nasibnya mujur, dapat arisan dua kali',
  ])('the word in lower case: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
  it.each([
    'Pilkada Nyaman, warga senang',
    'selamat Pilkada Jumat depan ya',
  ])('a dictionary word with y or j after "Pilkada" is no unknown place (isUnknownPlace asks the folded dictionary): %s', (text) => {
    expect(town.classify(text).pilkada).toBe(true);
  });
  it('an unknown capitalised place after "Pilkada" is still another region\'s race', () => {
    expect(town.classify('Pilkada Kampar makin panas').pilkada).toBe(false);
  });
  it.each([
    'Jelita blusukan ke pasar Sukamaju',
    'Bu Jelita menyapa warga di pasar',
    'Mujur Sastrowardoyo datang ke pengajian',
  ])('the name as written: %s', (text) => expect(town.classify(text).pilkada).toBe(true));
});

/** A made-up Pilwalkot with a one-word alias ("Gandung") and an honorific alias ("Mbak Laras"), for the two describes below. */
const kaliwungu = () => createClassifier({
  vocabulary,
  paslon: { election: 'Pilwalkot Kaliwungu 2024', paslon: [
    { number: 1, names: ['Larasati Widyaningrum', 'Bimo Prasetyo'], aliases: ['Larasati-Bimo', 'Mbak Laras'] },
    { number: 2, names: ['Gandung Pramudito', 'Sekar Ayuningtyas'], aliases: ['Gandung-Sekar', 'Gandung'] },
  ] },
});

describe('front-desk and health trades after a name are a neighbour\'s job, as "kasir" is (Pilwalkot Semarang set, issue 20)', () => {
  // personAfter (data/vocabulary.json) held "kasir" and "karyawan" but no bank or health worker: "mbak X CS bank ramah
  // banget" counted the candidate's alias. A teller, a customer-service clerk, a receptionist, a nurse, a midwife,
  // a pharmacist are people one meets in every town; a candidate is not called by such a job.
  const town = kaliwungu();
  it.each([
    'mbak Laras teller bank ramah banget, cepet urusane',
    'mbak Laras customer service nang bank iku sabar banget',
    'Gandung perawat puskesmas itu lho, sing sabar',
  ])('the trade after the name: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
  it.each([
    'mbak Laras ramah banget pas blusukan',
    'Gandung perawat? bukan, Gandung itu cawalkot nomor 2',
    'coblos Gandung, dulu perawat, ngerti kesehatan warga',
  ])('the candidate, or election talk beside the trade: %s', (text) => expect(town.classify(text).pilkada).toBe(true));
});

describe('"RUU Pilkada" alone is the name of a national law (isLawName) (Pilbup Banyuwangi set, issue 20)', () => {
  // A draft law, a law or a government regulation named "Pilkada" is the DPR's and the government's business in
  // every region's news, national politics by the labelling rule; any other term beside it keeps the text read.
  const town = kaliwungu();
  it.each([
    'DPR Sahkan RUU Pilkada? Demo Mahasiswa Meluas',
    'demo tolak revisi undang-undang pilkada di depan gedung DPR',
    'Perppu Pilkada terbit, begini isinya [URL]',
  ])('the law alone: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
  it.each([
    'RUU Pilkada disahkan, tetap coblos nomor 2 ya',
    'RUU Pilkada batal, Gandung tetap maju',
    'pilkada Kaliwungu makin panas',
    'u pilkada Kaliwungu semangat',
  ])('the race beside it, or no law word: %s', (text) => expect(town.classify(text).pilkada).toBe(true));
});

describe('a call for this race\'s pair after another election told of as over stays this race\'s call (pastElectionCall) (review of the foreignElections rule, issue 20)', () => {
  // foreignElections made "Pilpres Amerika" another election, and another election's talk takes a one-word alias
  // (isOtherElectionVote) and the ballot numbers (isOtherBallot): "Pilpres Amerika udah, sekarang giliran kita: pilih
  // X nomor 2" lost the call, as "Pilkades kemarin udah, ..." had before. No one calls to vote in an election that is
  // over, so a vote verb before this race's number or name after it is the next election's call: this race's.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilbup Tanjung Rejo 2024', paslon: [
      { number: 1, names: ['Hendra Wiratama', 'Laila Fitriani'], aliases: ['SEJUK', 'Hendra-Laila'] },
      { number: 2, names: ['Darmawan Lubis', 'Putri Anggraeni'], aliases: ['TEGAS', 'Darmawan-Putri'] },
      { number: 3, names: ['Fajar Nugroho', 'Wulan Sasmita'], aliases: ['Fajar-Wulan'] },
    ] },
  });
  it.each([
    'Pilpres Amerika udah, sekarang giliran kita: pilih TEGAS nomor 2',
    'Pilpres Amerika udah, sekarang giliran kita: pilih TEGAS',
    'Pemilu Korea Selatan sudah selesai, sekarang pilih TEGAS nomor 2',
    'Pilkades kemarin udah, sekarang giliran kita: pilih TEGAS nomor 2',
    'Pemilu Jepang kemarin, sekarang coblos nomor 3',
  ])('the other election over, the call after it: %s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'pemilu Malaysia kemarin, paslon nomor 3 menang',
    'quick count pemilu Korea Selatan: nomor 3 menang',
    'pilkades kemarin, pilih nomor 2 menang',
    'Pilkades kemarin, pilih TEGAS nomor 2 menang',
    'Pilkades sudah dimulai, sekarang giliran warga pilih TEGAS nomor 2',
    'Pilkades udah dekat, pilih TEGAS nomor 2',
    'Pilkades udah kelar, pilih TEGAS menang tipis',
  ])('the other election not over, no turn after a day gone, or the call a result: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});

describe('a trade after a name stays the candidate\'s where the sentence calls to vote for its pair\'s number or names this race\'s office (isCandidateTrade) (review of the personAfter trades, issue 20)', () => {
  // personAfter took the front-desk and health trades ("perawat", "bidan", "kasir"): "Pilih Bu X perawat teladan,
  // nomor 1 untuk ..." and "Dukung Bu X perawat teladan jadi wakil bupati" lost the candidate. A candidate is praised
  // by the job they had; a vote verb before the name with its own pair's number after it, or "jadi" before an office of
  // this race, says which person the sentence means. A rank after the trade ("nomor 1 di puskesmas") is no ballot.
  const town = createClassifier({
    vocabulary,
    paslon: { election: 'Pilbup Wonosari Jaya 2024', paslon: [
      { number: 1, names: ['Agus Prabowo Santoso', 'Ratna Kusumawati'], aliases: ['AGRA', 'Agus-Ratna'] },
      { number: 2, names: ['Bambang Suryadi', 'Dewi Handayani'], aliases: ['BADE', 'Bambang-Dewi', 'Mbak Dewi'] },
    ] },
  });
  it.each([
    'Pilih Bu Ratna perawat teladan, nomor 1 untuk Wonosari Jaya',
    'Pilih Bu Ratna kasir teladan, nomor 1 untuk Wonosari Jaya',
    'Dukung Bu Ratna perawat teladan jadi wakil bupati',
    'pilih mbak Dewi bidan desa kita, nomor 2 ya',
  ])('the pair\'s number called, or this race\'s office: %s', (text) => expect(town.classify(text).pilkada).toBe(true));
  it.each([
    'Bu Ratna perawat teladan, nomor 1 di puskesmas',
    'mbak Dewi teller bank ramah banget, cepet urusane',
    'Pilih Bu Ratna perawat teladan, nomor 2 untuk Wonosari Jaya',
    'mbak Dewi bidan desa itu lho, sing sabar. Anake pengen dadi dokter',
    'Bu Ratna perawat teladan. Suaminya jadi wakil bupati? bukan, camat',
  ])('no vote verb, another pair\'s number, or no office of this race in the sentence: %s', (text) => expect(town.classify(text).pilkada).toBe(false));
});
