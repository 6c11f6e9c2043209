import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadPaslonFile, loadVocabulary } from '../../src/app/vocabulary.js';
import { createClassifier, OFFICIAL_POST_LABEL, type PaslonFile } from '../../src/core/classifier.js';
import { exampleSets, HELDOUT_DIR } from '../../src/bench/eval-classifier.js';
import { baselineKeywords, baselineRegExp } from '../../src/bench/keyword-baseline.js';

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
    'Dardak hadir di acara kampanye kemarin',
    'Salam dari #mbakluluk untuk warga desa',
  ])('%s', (text) => {
    expect(jatim.classify(text).pilkada).toBe(true);
  });
});

describe('classify: text written to dodge a filter', () => {
  it.each([
    // invisible characters inside words: zero-width space, soft hyphen, zero-width joiner, BOM
    'Co\u200Bblos no\u00ADmor 2 Khofi\u200Dfah-Emil\uFEFF',
    // ...and between words, where they part them
    'coblos\u200Bnomor\u200B2',
    'ayo\u2060coblos\u2060paslon\u20602',
    'pilkada\u200Bserentak\u200B27\u200Bnovember',
    // right-to-left override and Cyrillic lookalikes
    '\u202EAyo \u0441\u043Ebl\u043Es n\u043Em\u043Er 2',
  ])('%j', (text) => {
    expect(jatim.classify(text).pilkada).toBe(true);
  });

  it('an ordinary text with invisible characters stays ordinary', () => {
    expect(jatim.classify('Rapat\u200B pagi ini jam 8, mohon ha\u00ADdir tepat waktu').pilkada).toBe(false);
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

// Issue 10: the classes below use paslon files written as a deployer would write them.
const sumselFile = loadPaslonFile('tests/fixtures/classifier/sumsel2024.paslon.json');
const hd = createClassifier({ vocabulary, paslon: sumselFile });
const dki = createClassifier({ vocabulary, paslon: loadPaslonFile('tests/fixtures/classifier/dki2017.paslon.json') });

describe('acronym aliases', () => {
  it('count fully in capitals, in a hashtag or in a mention', () => {
    expect(hd.classify('Semangat HD!')).toEqual({ pilkada: true, score: 1, terms: ['HD'] });
    expect(dki.classify('pendukung AHY makin solid').pilkada).toBe(true);
    expect(dki.classify('#AHY').pilkada).toBe(true);
    expect(hd.classify('#hd untuk sumsel').pilkada).toBe(true);
    expect(hd.classify('@esp_official terima kasih').terms).toEqual(['ESP']);
  });

  it('stay weak in lower case, where they may be ordinary words', () => {
    expect(hd.classify('video hd gratis')).toEqual({ pilkada: false, score: 0.4, terms: ['HD'] });
    expect(hd.classify('lampu esp hemat listrik').pilkada).toBe(false);
    expect(dki.classify('ahy ahy lagunya enak').pilkada).toBe(false);
  });

  it('stay weak in a message written all in capitals, where capitals say nothing', () => {
    expect(hd.classify('VIDEO HD MURAH BISA COD').pilkada).toBe(false);
    expect(hd.classify('HD DUA PERIODE').pilkada).toBe(true); // the slogan decides
  });

  it('match whole words only, and count once whatever the mix of cases', () => {
    expect(hd.classify('kabel HDMI rusak').terms).toEqual([]);
    expect(hd.classify('hd... HD #HD')).toEqual({ pilkada: true, score: 1, terms: ['HD'] });
  });

  it('keep two-letter aliases, which used to be dropped', () => {
    const file: PaslonFile = { election: 'Pilgub Contoh', paslon: [{ number: 1, names: ['Ridwan Kamil', 'Suswono'], aliases: ['RK'] }] };
    const c = createClassifier({ vocabulary, paslon: file });
    expect(c.classify('RK blusukan ke pasar').pilkada).toBe(true);
    expect(c.classify('rk 05 kerja bakti').pilkada).toBe(false);
  });

  it('make a longer acronym of both initials the pair name', () => {
    expect(hd.classify('hdcu menang').terms).toContain('HDCU');
    expect(hd.findTerms('HDCU').map((t) => t.pair)).toEqual([true]);
  });
});

describe('spelling variants and glued hashtags', () => {
  it.each([
    ['Herman Dheru sapa petani di Lahat', 'Herman Deru'],
    ['Edi Santana turun ke pasar', 'Eddy Santana'],
    ['Bu Anita Nuringhati berkunjung, siap maju pilgub', 'Anita Noeringhati'],
    ['Basuki Cahaya Purnama di balai kota', 'Basuki Tjahaja Purnama'],
    ['Mpok Silvy blusukan ke pasar', 'Sylvi'],
  ])('%s -> %s', (text, label) => {
    const r = text.includes('Silvy') || text.includes('Cahaya') ? dki.classify(text) : hd.classify(text);
    expect(r.pilkada).toBe(true);
    expect(r.terms).toContain(label);
  });

  it('still knows Kofifah from the Jatim sample file without an alias for it', () => {
    const file = loadPaslonFile('data/paslon.jatim2024.json');
    const c = createClassifier({ vocabulary, paslon: { ...file, paslon: file.paslon.map((p) => ({ ...p, aliases: [] })) } });
    expect(c.classify('Chofifah datang ke pasar').terms).toEqual(['Khofifah']);
    expect(c.classify('Kofifah datang ke pasar').terms).toEqual(['Khofifah']);
  });

  it('splits glued hashtags on names and numbers', () => {
    expect(hd.classify('#HD2periode').terms).toEqual(['HD', 'HD 2 periode']);
    expect(hd.classify('#hd2periode').pilkada).toBe(true);
    expect(hd.classify('#coblos02').terms).toEqual(['coblos 02']);
    expect(dki.classify('#AgusSilvy').terms).toEqual(['Agus-Sylvi']);
    expect(dki.classify('#agussilvy').terms).toEqual(['Agus-Sylvi']); // the doubled s belongs to both words
    expect(hd.classify('#videohd').pilkada).toBe(false);
  });
});

describe('slogans with a number or a name', () => {
  it('lift even a weak name next to them', () => {
    expect(hd.classify('hd dua periode')).toMatchObject({ pilkada: true, terms: ['HD', 'HD dua periode', 'dua periode'] });
    expect(hd.classify('lanjutkan pak herman').terms).toEqual(['Herman', 'lanjutkan Herman']);
    expect(hd.classify('Ayo menangkan pak Eddy').pilkada).toBe(true);
    expect(hd.classify('Matahati menyala!').pilkada).toBe(true);
  });

  it('need the name beside them', () => {
    expect(hd.classify('Pak Herman sudah dua periode jadi ketua RT').pilkada).toBe(false);
    expect(hd.classify('Lampu ruang rapat menyala terus').pilkada).toBe(false);
  });

  it('read ballot numbers written as words, with a name', () => {
    expect(hd.classify('Salam dua jari untuk ESP').terms).toEqual(['salam dua jari', 'ESP']);
    expect(hd.classify('salam dua jari pak eddy').pilkada).toBe(true);
    // The gesture itself is a ballot number (issue 20 kind 1; SKB 2022 lists the support gesture as a violation).
    expect(hd.classify('Salam dua jari').pilkada).toBe(true);
    expect(hd.classify('Salam tujuh jari').pilkada).toBe(false); // no paslon 7
  });
});

describe("incumbents' official posts", () => {
  it.each([
    'Gubernur Herman Deru meresmikan Jembatan Musi IV',
    'Gubernur Sumsel H. Herman Deru meresmikan gedung baru RSUD, hadir Sekda',
    'Sambutan Bapak Gubernur H. Herman Deru pada upacara HUT Korpri',
    'Kunjungan kerja Gubernur HD ke OKU Selatan',
    'Ketua DPRD Anita Noeringhati membuka rapat paripurna',
  ])('are government news: %s', (text) => {
    const r = hd.classify(text);
    expect(r.pilkada).toBe(false);
    expect(r.score).toBe(0);
    expect(r.terms.at(-1)).toBe(OFFICIAL_POST_LABEL);
  });

  it.each([
    ['a pair name', 'Gubernur Herman Deru meresmikan posko HDCU'],
    ['a ballot number', 'Gubernur Herman Deru membuka rapat, ayo nomor urut 1'],
    ['a campaign verb', 'Gubernur Herman Deru membuka rapat, ayo dukung beliau'],
    ['a campaign actor', 'Usai upacara, Gubernur Herman Deru disambut timses'],
    ['a slogan', 'Gubernur HD meresmikan jembatan, HD dua periode!'],
  ])('still count with %s', (_why, text) => {
    const r = hd.classify(text);
    expect(r.pilkada).toBe(true);
    expect(r.terms).not.toContain(OFFICIAL_POST_LABEL);
  });

  it('need the title beside the name and an official activity', () => {
    expect(hd.classify('Herman Deru menyapa warga').terms).toEqual(['Herman Deru']);
    expect(hd.classify('Gubernur Herman Deru menyapa warga').pilkada).toBe(true); // no official activity
    expect(hd.classify('Presiden melantik wali kota baru kemarin sore. Sementara itu di Palembang, Herman Deru menyapa warga').pilkada).toBe(true);
  });

  it('an election word beside it is election talk: no official post, the name counts with it', () => {
    const r = hd.classify('Gubernur Herman Deru membuka rapat koordinasi pengamanan Pilkada serentak');
    expect(r).toEqual({ pilkada: true, score: 2.3, terms: ['gubernur', 'Herman Deru', 'pilkada serentak'] });
  });
});

describe('given names alone stay weak', () => {
  it.each([
    'Pak Eddy tolong kirim laporan',
    'Yang ulang tahun: Pak Herman, Bu Riezky',
    'Yang ulang tahun hari ini: Pak Herman, Bu Riezky, Pak Mawardi',
    'Pak Agus dan Pak Basuki sudah di ruang rapat',
  ])('%s', (text) => {
    expect((text.includes('Agus') ? dki : hd).classify(text).pilkada).toBe(false);
  });

  it('but running mates named together are the pair', () => {
    expect(hd.classify('Eddy dan Riezky hadir di Plaju').terms).toEqual(['Eddy-Riezky']);
    expect(hd.classify('Eddy & Riezky hadir').pilkada).toBe(true);
    expect(hd.classify('Eddy dan Herman sudah datang').pilkada).toBe(false);
  });
});

/**
 * Mistakes still made on sets written blind (before any rule was fitted to them), listed so that
 * any new mistake, or one of these fixed, fails until the list is brought up to date. Pilwalkot
 * Bandung 2024: candidates' names that are everyday words ("haru": moved, "dandan": to dress up,
 * "arif": wise) and a one-word name many people have ("Erwin"), all full weight from `names`; no
 * general rule tells them apart yet (a lower-case-name rule cost the dev set 1.2 points of recall),
 * and listing the words in the vocabulary would fit this set only. A listed alias "Kang Haru" is
 * full weight too. Misses: a common given name, or generic vote talk, with only the city beside it.
 * ("Erwin Gutawa konser ..." and "Erwin teman kantor ..." were on the list until the Kalbar/Medan
 * precision rules: another person's two-word name in capitals, "teman" after a name.)
 */
const KNOWN_MISTAKES: Record<string, string[]> = {
  'tests/fixtures/classifier/bandung2024.tsv': [
    'Farhan: Bandung harus bebas sampah 2029, setuju ga?',
  ],
  // Pilgub NTT (issue 20 part C): "Simon Petrus" the apostle is the first two of a candidate's three names, full weight;
  // misses are one-word nicknames after an honorific or beside weak vote talk.
  'tests/fixtures/classifier/ntt2024.tsv': [
    'Kaka Ansy, beta dukung dari Alor',
    'om Melki datang ke kampung botong, foto-foto dong',
  ],
  'tests/fixtures/classifier/sulteng2024.tsv': [
    'sudah dapat surat undangan memilih (C6) kah? saya belum',
    'dr Reny janji berobat gratis cukup pakai KTP',
    'pilih 3 sudah, jangan ragu-ragu',
    'ada yang bilang 01 bagi-bagi beras, benar kah?',
    'hak pilih itu hak kita, gunakan baik-baik tanggal 27',
    'jari sudah ungu, tinggal tunggu hasil 😁',
    'anak muda Palu pilih siapa nih? 1, 2 atau 3?',
    'pilihan sudah bulat: nomor tiga',
  ],
  // Pilgub Kalteng and Pilwalkot Surabaya 2024 (issue 20, detection part A): measured blind, then the number, role and
  // vote-talk rules. Left: the name rules' (a sitting mayor at work with no title written; "Pak Nadal", "Sabran" alone), "DPT" as "dapat" in lower case, and vote talk too weak alone.
  'tests/fixtures/classifier/kalteng2024.tsv': [
    'yang nomor 4 tu adiknya gubernur kah?',
    'amplop 100 ribu kada mempan, rakyat Kalteng sudah cerdas #tolakpolitikuang',
    'Pak Nadal kemarin singgah di pasar Muara Teweh, salaman lawan pedagang',
    'Sabran bersaudara mau kuasai Kalteng kah? dulu kakaknya, sekarang adiknya',
    'DPT Palangka Raya berapa ribu tahun ini?',
    'undangan memilih C6 sudah dibagi ketua RT kah?',
  ],
  // An office poll with zero-padded options ("pilih 01 atau 02 untuk warna seragam"): "pilih {0n}" is strong alone.
  'tests/fixtures/classifier/kalteng2024.numbers.tsv': [
    'pilih 01 atau 02 untuk warna seragam kantor? 01 biru, 02 hijau',
  ],
  'tests/fixtures/classifier/surabaya2024.tsv': [
    'Eri Cahyadi marahi pegawai dinas gara-gara jalan rusak, viral',
    'kotak kosong iku pilihan sah, gak usah diejek',
  ],
  // Solo 2024 (issue 20, names): measured blind; what no general rule has yet fixed.
  // Pilgub Sulut 2024 (issue 20, names part B): measured blind; its last miss ("ASN boleh datang kampanye") went
  // with the civil servants' campaign rule (fpall).
  // Solo surnames: the satay stall "sate kambing Pak Prakosa" went with the named-after kind word (fpall).
  'tests/fixtures/classifier/solo2024.tsv': [
  ],
  // Pilgub Kepri 2024 (issue 20 part C): measured blind; what no general rule has yet fixed ("cagubnye" went with the
  // Betawi and Riau-Malay clitic "-nye").
  'tests/fixtures/classifier/kepri2024.tsv': [
    'Pak, Ansar tadi cari bapak di kantor',
    'Rafiq orang Karimun, suare Karimun pasti ke 02',
    'kalo Rudi menang, BP Batam same Pemprov bisa akur',
    'pilih Rudi, Batam dah bukti',
  ],
  // Pilwalkot Semarang and Pilgub Bengkulu 2024 (issue 20, det-people): measured blind, then the personal-life, kin,
  // question and other-surname rules. Left: a one-word name ("Yoyok", "Agustin") in everyday talk with no marker
  // a general rule reads (a common-name rule would cost the dev set 418 hits, README); a candidate at his other
  // job (a football club's CEO, where no office word stands right after the name; "X CEO PSIS" is read since det-fp); another region's Pilgub; the pair in prose at play. Misses: "Agustina" is a
  // common given name, weak beside weak talk; a bare "kampanye" with ASN.
  'tests/fixtures/classifier/semarang2024.tsv': [
    'visi misi Agustina soal rob Semarang Utara lumayan masuk akal',
    'Semarang ganti walkot, Agustina dilantik Februari',
    'mbak Agustin tolong kirim file laporan keuangan ya sebelum jam 3',
    'Yoyok karo Joko anak kelas 7A dihukum guru gara2 telat',
    'kemarin ketemu Yoyok nang Paragon, saiki gemuk',
    'PSIS menang 2-0, Yoyok Sukawi puji pemain muda',
    'Agustin wis mangkat kerja? aku nebeng ya',
    'ngopi nang Kota Lama karo Joko lan Yoyok, ngobrol ngalor ngidul',
    'lapangan futsal Tembalang disewa Yoyok dkk jam 8 malem',
    'Yoyok ojo lali bayar kas futsal',
    'Yoyok Sukawi hadiri ulang tahun Panser Biru, dukung PSIS juara',
  ],
  'tests/fixtures/classifier/bengkulu2024.tsv': [
    'Helmi dan Mian main futsal malam ini di GOR, ikut?',
    'pertandingan sepak bola antar kampung, tim Helmi kalah adu penalti',
  ],
  // Pilwalkot Makassar and Pilgub Kalsel 2024 (issue 20, det-real): measured blind, then the particle, honorific, folded-
  // nickname and institution rules. Left: a name part that is an ordinary word too in lower case ("rezki", fortune); a
  // given name with a relative or neighbour after it ("sepupuku", "anak tetangga"; since set aside by writersKin); another Pilkada of the same season
  // ("Pilgub Sulsel" in a Makassar set; since set aside by the other-level rule) and the candidate at his own job (Barito
  // Putera; "X presiden Barito Putera" read since det-fp); vote talk with no name or number.
  'tests/fixtures/classifier/makassar2024.tsv': [
    'bela kemarin debat kedua, Seto bagus ji bicaranya',
    'Pak Danny turun kampanye untuk istrinya di Tallo',
    'program Appi rumah ibadah gratis listrik, bisa ji itu?',
    'appi mi itu, tidak ada lawan 😂',
    'siapa mi mau dipilih besok? bingung ka',
    'pak RT suruh kita pilih nomor 3, bebas ji toh',
    'pilih mi appi ji',
  ],
  // Pilgub Papua 2024 (issue 20, det-left): measured blind, then the det-left rules. Left: another Mathius and Benhur
  // (a Biak man of both partners' names, a cousin from Genyem; the brother "sa pu ade" since set aside by settleKinRelation); "mari yo" the ordinary call read as
  // the listed alias; misses are vote talk too weak alone. ("Matius 5:9" was fixed by the chapter-and-verse rule, det-fp.)
  'tests/fixtures/classifier/papua2024.tsv': [
    'Bapa Mathius Rumaropen dari Biak meninggal tadi pagi, turut berduka',
    'kaka Benhur dari Genyem su datang bawa pisang',
    'mari yo kitong pulang, su malam ini',
    'Pak Fakhiri mantan Kapolda, de tau keamanan Papua',
    'ko su cek DPT kah? nama sa tra ada',
    'pilih nomor dua, Papua aman',
  ],
  'tests/fixtures/classifier/makassar2024.case-clitics.tsv': [
  ],
  'tests/fixtures/classifier/kalsel2024.tsv': [
    'bubuhan kantor pilih nomor berapa? jangan bapander di grup lah',
    'Paman Birin turun kampanye gasan binya di Tanah Laut',
  ],
  // Pilgub Kaltara 2024 (issue 20, det-office): measured blind, then the official-post rules; what is left (the
  // candidate opening a youth congress by the bare name went with officeWorks; a great mosque is a venue, left out of it).
  'tests/fixtures/classifier/kaltara2024.tsv': [
    'Zainal A Paliwang resmikan Masjid Agung Baitul Izzah setelah renovasi',
    'Wabup Ingkong Ala resmikan pasar desa, warga bawa spanduk ZIAP',
  ],
  // Bangka Belitung and Malang 2024 (issue 20, det-tweets): X posts written blind; what is left after the round's rules.
  'tests/fixtures/classifier/babel2024.tsv': [
    '[USERNAME] [USERNAME] kalian dukung nomor berape? aku masih pikir2',
    '[USERNAME] [USERNAME] yg bilang hidayat udah tua, beliau masih sehat kok. pilih aja yang menurut kalian bener',
    'Hidayat: Kalau Saya Jadi Gubernur, Tak Ada Lagi Nelayan Ditangkap Karena Timah [URL]',
    '[USERNAME] selamat pak Hidayat, tolong buktiin janjinya ya, kami tagih',
    '[USERNAME] Babel perlu gubernur yang berani ngadepin mafia timah, bukan yang foto2 doang',
  ],
  'tests/fixtures/classifier/malang2024.tsv': [
    '[USERNAME] [USERNAME] 01 02 03 podo ae, sing penting Malang ojok banjir maneh',
    '[USERNAME] [USERNAME] wong Malang pilih sing asli Malang, ojok sing soko Batu. sindiran gawe sopo iki 🤭',
    'nomor 3 wes, abah mesti ngerti wong Malang',
  ],
  // Pilgub Sulbar and Pilwalkot Bekasi 2024 (issue 20, det-chat): measured blind, then the other-level election rule and the rules after it; what
  // is left (the DPRD member "selaku anggota DPRD" with the Pemprov went with the role word's office business, fpall).
  'tests/fixtures/classifier/sulbar2024.tsv': [
    'kalau saya pilih yang profesor mi, nomor 4',
    'mama ku pilih Bu Enny karena perempuan, katanya perempuan harus ada di pemerintahan',
    'siapa pi itu nomor 4 wakilnya? lupa ka',
    'Prof Husain Syam beri kuliah umum di Unsulbar, mahasiswa antusias',
  ],
  'tests/fixtures/classifier/bekasi2024.tsv': [
    'grup RT ini netral ya bapak ibu, jangan share kampanye walkot di sini',
    'Mas Tri turun ke Bantar Gebang, janji benerin TPST',
    'nyak gue pilih Bu Nurul soalnya perempuan, katanya biar ada yang ngerti emak-emak',
    'mas tri mas tri mas tri 🔥🔥 bekasi keren',
    'semoga anak-anak kita jadi orang sholeh dan sholihin, aamiin',
    'Pak Uu Ruzhanul Ulum mantan wagub Jabar ceramah di masjid raya Bekasi',
  ],
  // Pilwalkot Tangerang Selatan 2024 (issue 20, det-fp): measured blind, then the office-business, headline-colon, other-level role and when-word rules. Left: the
  // vice mayor opening a festival by the bare name (a festival is no work of the office's own: a candidate out of
  // office opens and attends one too; the works, relief and Karang Taruna lines went with officeWorks; Banten's
  // governor-elect with the other level's office, its place and "terpilih", fpall); misses are "Pak Ben" (three letters) and ballot numbers in chat with no other vote word ("gw mah nomor 1 aja" went with
  // the first-person openers of numberSubject).
  'tests/fixtures/classifier/tangsel2024.tsv': [
    'Pilar Saga Ichsan Buka Festival Kuliner Tangsel di Taman Kota 2 [URL]',
    '[USERNAME] [USERNAME] Pak Ben udah 2 periode ngurus Tangsel, sampah masih numpuk aja. Mau lanjut lagi?',
    'babeh gue bilang nomor 2 biar ade perubahan, kite liat aje',
    'emang bener Pak Ben mau lanjut lagi? kagak bosen ape',
    'gue ikut debat nobar di warung Bang Ojan, seru juga ternyata',
  ],
  // Pilbup Banyuwangi 2024 (issue 20, det-fp): X posts and Osing/Javanese chat, measured blind (P 0.919 / R 0.968),
  // then the office-objects, folded-place, "bakul" and RT-vote rules, and the other level's office after a ballot number
  // (fpall), and "RUU Pilkada" alone as a national law's name (isLawName, a later round). Left: thanks to the
  // regent for a road (her job, by the rule); misses are a ballot number or "hak pilih" in chat with no other vote
  // word, and a headline quote after the vice-regent candidate's one-word name.
  'tests/fixtures/classifier/banyuwangi2024.tsv': [
    '[USERNAME] Mbak Ipuk matur suwun dalane wes diaspal, Licin saiki mulus',
    'hak pilih riko ojo didol lur, regone 5 taun',
    '[USERNAME] isun nomer 1 wis, wes kebukti kerjane senajan durung sempurna',
    'Mujiono: Petani Harus Dapat Pupuk Tepat Waktu, Itu Janji Kami [URL]',
  ],
  // Pilwalkot Pekanbaru and Pilbup Bogor 2024 (issue 20, det-x): X posts and group chat, measured blind, then the
  // other-Pilkada rule and the rules after it; what is left: common given names with weak talk ("Agung ... kampanye",
  // "Rudy looks unbeatable"), TPS and KPU alone, vote verbs with money or numbers in regional words, the candidates at
  // their own jobs with a title (DPRD chair; the party chair at party work went with partyOffices).
  'tests/fixtures/classifier/pekanbaru2024.tsv': [
    '[USERNAME] Agung jangan cuma janji2 pas kampanye, buktikan nanti',
    '[USERNAME] kau pilih siape besok? aku masih galau antara 3 same 5',
    'who do you guys think wins Pekanbaru? Agung looks strong in the polls',
    'tim si Agung datang ke rumah tadi, bawak stiker same kalender',
    '[USERNAME] KPU Pekanbaru kok lambat banget rekapnya, udah seminggu',
  ],
  'tests/fixtures/classifier/bogor2024.tsv': [
    '[USERNAME] kang bayu kalo menang jalan Bojonggede-Kemang dibenerin ya, tiap hari macet parah',
    'abdi mah milih nu nomer hiji we, tos kasohor',
    'saha nu rek dipilih bupati? abdi bingung keneh',
    'mun nu meunang Rudy, mudah2an jalan ka Jasinga dioprek',
  ],
  // Pilwalkot Samarinda 2024 (X posts and Banjar chat; one pair against kotak kosong; issue 20): measured blind, then the
  // empty-box, spelt-digits and shouted-capitals rules; the title-case namesake ("Harun Masiku") later went with
  // isSurnameAfterInTitle. Left:
  // ("01" as a phone code went with phoneTalk, the mic test counting "kosong satu, kosong dua" with isNextPaddedAfter), a vote bought in the passive with Bawaslu ("dibagi amplop ... lapor Bawaslu") and
  // "ikut2 koko" (a reduplication written with 2).
  'tests/fixtures/classifier/samarinda2024.tsv': [
    'bubuhan RT ulun sudah dibagi amplop jar, 100 ribu saurang. lapor Bawaslu kah?',
    '[USERNAME] bapak ulun PNS, takut ikut2 koko nanti dimutasi',
  ],
  // Pilwalkot Batam 2024 (X posts and Batam Malay chat; issue 20): measured blind, then the "calon/nyalon wako",
  // spelt-digits and shouted-capitals rules ("golput" for skipping the dawn prayer went with skippedDuties; the title-case
  // namesake "Claudia Emmanuela Santoso" with isSurnameAfterInTitle). Left: another level's candidacy ("nyalon
  // gubernur": the Medan roles set labels one Pilkada).
  'tests/fixtures/classifier/batam2024.tsv': [
    '[USERNAME] Rudi tu wako Batam dua periode, sekarang nyalon gubernur',
  ],
  // Pilbup Garut 2024 (X posts and Sundanese chat; issue 20): measured blind (P 0.987 / R 0.926), then the goods-from-a-camp
  // rule (isGivenFromCamp), which fixed two of its misses and two of Bogor's (the party chair at party work, "Ketua DPC
  // PPP ...", went with keepCapitalAcronyms). Left: a given name with one weak word ("teh Putri ... mingpin"), the
  // pair's word alias after a vote verb ("milih Santri"), and vote talk in chat below the threshold.
  'tests/fixtures/classifier/garut2024.tsv': [
    '[USERNAME] yg milih nomor 1 mana suaranya 🙋',
    'abdi mah milih nu nomer dua, sok we nu ngora',
    'teh Putri teh geulis nya, tapi bisa teu mingpin Garut?',
    'santri-santri di pondok ditaros milih saha, ceunah milih Santri 😂',
  ],
  // Pilwalkot Balikpapan 2024 (X posts and Banjar-Malay chat; issue 20): measured blind (P 0.949 / R 0.937), then the
  // other-family surname, sibling-level and goods-from-a-camp rules; the mayor's region award by his bare name later
  // fixed by the region-award rule (regionAwards). Left: vote talk in
  // chat below the threshold ("yg milih nomor 2 mana suaranya"; "aku pilih nomor 1 ja" went with the first-person openers of
  // numberSubject, "Rendi kampanye di lapangan RT" with nameActs).
  'tests/fixtures/classifier/balikpapan2024.tsv': [
    '[USERNAME] yg milih nomor 2 mana suaranya',
  ],
  // Pilwalkot Banjarmasin 2024 (X posts and Banjar chat; issue 20): measured blind (P 0.923 / R 0.847; 0.936 / 0.849 with
  // the 'pose dua jari' label corrected), then the another-level's-role, voting-booth, "gasan" and settled-choice rules; title-case
  // namesakes with a longer name later went with isSurnameAfterInTitle. Left: "Warga" after the name, "pilih/milih nomor N" in chat (a quiz says it too), a surname
  // or alias part with one weak word, "caleg" beside "Paslon 3", vote selling, and vote talk in chat below the threshold.
  'tests/fixtures/classifier/banjarmasin2024.tsv': [
    'Mukhyar Warga Kayu Tangi Juara Lomba Burung Murai se-Kalsel [URL]',
    '[USERNAME] nomor 3 tu mantan kadis kebersihan kan? masalah sampah pasti paham',
    '[USERNAME] yang milih Arifin angkat tangan, ulun salah satunya',
    'Akbari Sapa Pedagang Pasar Sudimampir Minta Doa Restu [URL]',
    '[USERNAME] nang nomor 2 tu dulu pernah kalah lawan Ibnu Sina, wayahini menang kah?',
    'sudah ada nang handak jual suara, jar sidin satu suara 200 ribu, astaga',
    'urang Banjarmasin pilih nang kaya apa? nang pintar atau nang bagi sembako',
    'Relawan Nanda Bersatu Gelar Senam Bersama Emak-emak di Siring [URL]',
    'sidin bilang kalau nomor 3 menang, sampah di Pasar Lama beres, mudahan haja',
  ],
  // Pilbup Banyumas 2024 (one pair against the empty column; X posts and Ngapak chat; issue 20): measured blind
  // (P 0.986 / R 0.923), then the own-region-consonants and empty-box talk ("saksi", "raih") and settled-choice rules. Left: a failed pair's
  // registration with "KPU Banyumas", "calon tunggal" beside the region, and "kolom kosong
  // nomer 2" beside the pair's number.
  'tests/fixtures/classifier/banyumas2024.tsv': [
    "Ma'ruf Cahyono-Yulianti Gagal Maju, KPU Banyumas Nyatakan Berkas Tak Lengkap [URL]",
    'Akademisi Unsoed: Calon Tunggal di Banyumas Gejala Kartel Politik [URL]',
    '[USERNAME] kolom kosong nomer 2 lho ya, sing ana gambare nomer 1',
  ],
  // Pilbup Bandung 2024 (X posts and Sundanese chat; issue 20): measured blind (P 0.852 / R 0.938; 0.864 / 0.938 with one
  // label corrected), then the compass-sibling region, Sundanese kin, neighbourhood-unit and others'-campaign rules.
  // The regent's region award was later fixed by the region-award rule (regionAwards).
  // Left: the candidates at their jobs by the bare name (an actor's soap, a podcast, the vice regent at a
  // Maulid), the alias "Bedas" as the Sundanese word and the regency's branding ("bedas pisan", "Beasiswa Bedas"), and
  // vote talk in chat below the threshold (a relative word around "milih nomor N", English; "uing mah 01" went with the first-person openers of numberSubject).
  'tests/fixtures/classifier/kabbandung2024.tsv': [
    'Sahrul Gunawan Main Sinetron Lagi? Ini Kata Manajernya [URL]',
    '[USERNAME] bedas pisan hujan tadi peuting, gentengna nepi ka bocor',
    'Sahrul Gunawan Isi Acara Maulid Nabi di Masjid Agung Soreang, Wakil Bupati Ajak Warga Jaga Kebersihan [URL]',
    'Ali Syakieb Jadi Bintang Tamu Podcast, Cerita Soal Anak Pertama [URL]',
    'urang mah bedas wae lah, najan hujan tetep ngagarap sawah',
    'Beasiswa Bedas Kabupaten Bandung Dibuka, Pendaftaran Sampai Akhir Bulan [URL]',
    'abdi mah milih nu nomer dua we, jalan ka lembur geus dihotmix',
    'pa kades ngumpulkeun warga, ngajak milih nu 02, meni terang-terangan',
    '[USERNAME] the regent of bandung regency running again with an actor as his deputy lol',
  ],
  // Pilwalkot Tangerang 2024 (X posts and Betawi chat; issue 20): measured blind (P 0.910 / R 0.934), then the same rules
  // and the Betawi "siape" between a vote verb and the office, and a rumour's word between money and a number. Left: a candidate who is a national politician, at
  // national politics by his bare name, and the same chat vote talk as the Bandung set's ("gue mah 01 dah" went with the first-person openers of numberSubject).
  'tests/fixtures/classifier/tangerang2024.tsv': [
    'Faldo Maldini Bicara Soal Putusan MK di Podcast Politik, Sebut DPR Harus Patuh [URL]',
    'Faldo Maldini Dilantik Jadi Stafsus Mensesneg, Ini Tugasnya [URL]',
    'Faldo Maldini Kritik Kebijakan Impor Beras Pemerintah Pusat [URL]',
    'gue mah milih nomer dua aje, jalan depan rumah udeh dibenerin',
    'pak lurah ngumpulin warga, ngajak milih yang 02, terang-terangan banget',
  ],
  // Pilbup Karawang 2024 (X posts and Sundanese / Karawang-Betawi chat; issue 20): measured blind (P 0.972 / R 0.909), then
  // "golput" before a meal (skippedDuties), the office's aid programmes (officeWorks: "alsintan") and a count's result
  // (countResults). Left: chat vote talk below the threshold ("milih ... nomer dua", a campaign's dangdut show, a ballot
  // number on a T-shirt, "Karawang butuh bupati yg ...", the regent asked about his campaign leave).
  'tests/fixtures/classifier/karawang2024.tsv': [
    '[USERNAME] kemaren di grup RT ada yang nyebar foto kaos nomor 1, kata pak RT jangan di grup warga',
    '[USERNAME] kang aep teh masih bupati apa udah cuti sih? kok masih resmiin jalan',
    '[USERNAME] Karawang butuh bupati yg ngerti banjir, bukan yg pinter foto di sawah',
    'maneh rek milih saha isukan? abdi mah tos yakin nomer dua',
    'urang mah teu milih duanana, bosen janji-janji wae',
    'tadi aya dangdutan kampanye di lapangan Cilamaya, rame pisan',
  ],
  // Pilwalkot Serang 2024 (X posts and Jaseng chat; issue 20): measured blind (P 0.944 / R 0.883), then the same-named sibling
  // region rule ("PSU di Kabupaten Serang", "Bupati Serang"), "golput" before a meal and a count's result. Left: a one-word
  // candidate's name in another spelling after a former national office ("Mantan Wakapolri Syafruddin"; a former office may be
  // the candidate's own), and chat vote talk below the threshold (Javanese numerals "nomer loro/telu" with a vote verb, "milih agis").
  'tests/fixtures/classifier/kotaserang2024.tsv': [
    'Mantan Wakapolri Syafruddin Jadi Pembicara Seminar Kebangsaan di Untirta [URL]',
    '[USERNAME] kota serang butuh walikota yg beresin pasar rau, siapapun nomornya',
    '[USERNAME] agis wakil walikota paling muda ya? semoga amanah',
    'sire arep milih sape mengko? kita mah wis yakin nomer loro',
    'emak kita takon, nomer telu kuh sape? sing mantan walikota ya?',
    'urang mah rek milih nu bisa ngurus sampah, Cilowong geus pinuh',
    'dangdutan kampanye ning lapangan Walantaka rame pisan wengi kien',
    'bocah-bocah enom pada arep milih agis, jare wakil sing enom dewek',
    'amplop 50 rebu teka ning umah tonggo, jare sing nomer telu',
  ],
  // Pilbup Bojonegoro 2024 (X posts and Bojonegoro Javanese chat; issue 20): measured blind (P 0.974 / R 0.893), then
  // the dictionary-word regencies in otherRegions, the Javanese friend words, the camel-case pair alias
  // (isBlendAlias) and the Javanese causative of 'menangkan'. Left: vote talk in chat below the threshold ('debat'
  // alone or with a given name, 'surat suarane', C6 alone, a settled choice with a number and no vote verb, who is
  // number N, who wins).
  'tests/fixtures/classifier/bojonegoro2024.tsv': [
    '[USERNAME] debat semalem kok malah geger to, kasihan moderatore',
    '[USERNAME] surat suarane kok mung 2 gambar, ora seru blas',
    'aku wis mantep nomer loro, wis ora usah dibahas',
    'pak RT ngomong C6 dibagi sore iki',
    'sing nomer siji sopo to? aku ora reti blas',
    'debat e mau bengi nonton ora? Teguh nesu-nesu',
    'wes ta, sopo sing menang bupati yo wes, ojo tukaran nang grup',
  ],
  // Pilwalkot Bogor 2024 (Kota Bogor; X posts and Sundanese-Bogor chat; issue 20): measured blind (P 0.962 / R
  // 0.926), then 'tukang baso' and the region slogan after the unit word (isRegionAsPlace); 'abdi mah nomer tilu' went
  // with the writer's own word before a ballot number (numberSubject openers). Left: a dictionary-word
  // name in a title-case headline ('Kesehatan Sendi': reading it as the word cost the dev set 7 hits), the slogan in
  // lower case, C6 alone, and a one-word given name with one weak word ('pilih X', 'kampanye X', 'X meunang').
  'tests/fixtures/classifier/kotabogor2024.tsv': [
    'Senam Lansia untuk Jaga Kesehatan Sendi di Posbindu Bogor Timur [URL]',
    '[USERNAME] bogor beres apanya, jalan suryakencana masih macet 😤',
    'C6 geus narima can? abdi can aya',
    'kamari aya kampanye Rena di lapangan, rame ku emak-emak',
    'lamun Dedie meunang, SSA dirobah deui teu?',
    '[USERNAME] gue pilih Rena soalnya perempuan, kapan lagi Bogor dipimpin wanita',
  ],
  // Pilbup Deli Serdang 2024 (X posts and Medan Malay/Batak-tinged chat; issue 20): measured blind (P 0.973 / R 0.911),
  // then a name under five letters never matched one letter off (src/core/text/fuzzy.ts: "Ashari" was "Asri"), another
  // given name before a candidate's surname in a title-case headline, and a party after its board ("Pengurus PAC
  // Gerindra"), and a whoever phrase before "yang menang" and the office. Left: chat vote talk below the threshold (a
  // ballot number with "menang", "programnya", "baliho" or an envelope from "tim nomor 3", "pilih ... bupati 5 tahun",
  // "mantan wabup yg maju").
  'tests/fixtures/classifier/deliserdang2024.tsv': [
    '[USERNAME] kalau mantan wabup yg maju, birokrasi bisa netral gak ya? ngeri kali',
    '[USERNAME] nomor 3 menang di kampung aku, Namorambe merah semua',
    'bah, tim nomor 3 kasi amplop 100 ribu semalam di gang kami. jangan diterima kelen',
    'yang nomor 1 itu siapa rupanya? gak pernah nampak balihonya',
    'aku gak suka politik dinasti, tapi programnya nomor 2 masuk akal',
    'pilih yang jujur lah besok, jangan karena uang. bupati 5 tahun',
  ],
  // Pilwalkot Mataram 2024 (X posts and Sasak-tinged chat; issue 20): measured blind (P 0.976 / R 0.988), then an
  // adjective alias in capitals before a word of degree ("HARUM bgt") and a party after its board ("Lantik Pengurus
  // Golkar"). Left: an acronym alias in lower case with "visi misi" alone (lower case keeps it weak: "imba", "lucky").
  'tests/fixtures/classifier/mataram2024.tsv': [
    '[USERNAME] aqur programnya lebih konkret soal lapangan kerja anak muda, coba baca visi misinya',
  ],
  // Pilbup Tangerang 2024 (Kabupaten Tangerang; X posts and Betawi-Sundanese chat; issue 20): measured blind (P 0.947 / R
  // 0.835), then the title before a name with the office's business after it (isBusinessAfterName), a preacher's duty before
  // the cleric's honorific (isPreachingBefore), a name in scripture (scriptureBooks), another pair's campaign
  // (isOthersPairAfter), a passive verb after the election word (isPassiveVerb) and the short forms of Muhammad
  // (commonNames). Left: chat vote talk below the threshold (a vote verb or an office word alone, "kampanye" alone, DPT,
  // quick count, a ballot number with no vote verb, the pair's tagline "Tangerang Unggul").
  'tests/fixtures/classifier/kabtangerang2024.tsv': [
    '[USERNAME] pilih yg mana nih bupati? bingung gua, janjinya sama semua',
    '[USERNAME] pokoknya nomor satu, tangerang unggul!',
    'aye masih bimbang dah, bupati nyang mane nyang bener-bener ngurusin banjir di pantura',
    'tetangga aye kemaren ngajak ikut kampanye di lapangan sepatan, dibayarin nasi kotak ame kaos',
    'ngapain sih kampanye pake knalpot brong keliling kampung, berisik',
    'grup kampung isinye debat bupati mulu, capek bacanye',
    'aing mah rek milih nu mere beas, hehe becanda',
    'pak RT, tolong dicek ye DPT, nama aye kagak ade di daftar pemilih',
    'kok quick count-nya beda-beda ye, nyang bener nyang mane',
    'maksudnye nyang peci item itu nomor satu kan?',
    '[USERNAME] kata abah gua pilih yang udah pengalaman aja, berarti nomor 1 apa 2 ya',
  ],
  // Pilbup Cianjur 2024 (X posts and Sundanese chat, loma and lemes; issue 20): measured blind (P 0.948 / R 0.869), then the
  // same rules as the Tangerang set's and the "juru" trades (personAfter: "juru parkir", "jukir"). Left: the actor running
  // mate hosting a television show by his bare name (the job he holds; no rule tells presenting from campaigning without
  // listing the job), and chat vote talk below the threshold (a common given name after "milih pa", a banner, a deepfake,
  // DPT, quick count, a ballot number with no vote verb, "amplop ... stiker calon" beside Bawaslu).
  'tests/fixtures/classifier/cianjur2024.tsv': [
    'Ramzi Kembali Pandu Acara Musik di Televisi Swasta Akhir Pekan Ini [URL]',
    '[USERNAME] pokona mah nomer hiji, lanjutkeun!',
    'kang, saha nu leuwih pantes jadi bupati cianjur numutkeun anjeun?',
    'di lembur abdi mah rata-rata milih pa herman, loba mere bantuan rutilahu pas gempa',
    'spanduk calon dipasang dina tangkal kalapa hareupeun imah, bade dicabut ah',
    'aya video deepfake pa herman di tiktok, ulah dipercanten',
    'ceuk pa ustad mah pilih pamimpin nu jujur, tong kabawa ku amplop',
    'pa RT, punten dicek DPT, nami abdi teu aya dina daptar pamilih',
    'naha quick count na benten-benten, nu leres nu mana',
    'nu make peci hideung teh nomer hiji sanes?',
    '[USERNAME] ceuk abah mah pilih nu geus pangalaman, hartina nomer 1 nya',
    'di desa sabeulah aya nu kacekel mawa amplop jeung stiker calon, ayeuna diurus bawaslu',
  ],
};

describe('the project example sets', () => {
  const sets = exampleSets();
  const classifierOf = (paslon: string | undefined) => createClassifier({ vocabulary, ...(paslon ? { paslon: loadPaslonFile(paslon) } : {}) });
  const read = (tsv: string) => readFileSync(tsv, 'utf8').split('\n').filter(Boolean).map((line) => {
    const [label, text] = line.split('\t');
    return { want: label === 'pilkada', text: text ?? '', label };
  });

  it.each(sets.filter((s) => s.kind === 'general').map((s) => s.tsv))('%s is classified as labelled', (tsv) => {
    const set = sets.find((s) => s.tsv === tsv)!;
    const c = classifierOf(set.paslon);
    const lines = read(tsv);
    expect(lines.filter((l) => c.classify(l.text).pilkada !== l.want).map((l) => l.text).sort()).toEqual([...KNOWN_MISTAKES[tsv] ?? []].sort());
    expect(new Set(lines.map((l) => l.label))).toEqual(new Set(['pilkada', 'other']));
  });

  // Issue 20: one set per kind of text and election; every hard negative stays out, each kind's recall
  // is at least 0.8, and more lines are right than with a plain keyword regex over the same names and
  // vocabulary (the regex finds surnames too, and every false alarm with them).
  const kinds = [...new Set(sets.filter((s) => s.kind !== 'general').map((s) => s.kind))];
  it('has sets of every kind the issue names, from at least two elections each', () => {
    expect(kinds.sort()).toEqual(['case-clitics', 'misspelt', 'numbers', 'parties', 'roles', 'shortforms', 'surnames']);
    for (const kind of kinds) expect(sets.filter((s) => s.kind === kind).length).toBeGreaterThanOrEqual(2);
  });

  it.each(kinds)('%s: no false alarm, recall >= 0.8, more lines right than the keyword regex', (kind) => {
    let tp = 0; let fn = 0; let right = 0; let baselineRight = 0;
    const falseAlarms: string[] = [];
    for (const set of sets.filter((s) => s.kind === kind)) {
      const paslon = set.paslon ? loadPaslonFile(set.paslon) : undefined;
      const c = createClassifier({ vocabulary, ...(paslon ? { paslon } : {}) });
      const regex = baselineRegExp(baselineKeywords(vocabulary, paslon));
      for (const l of read(set.tsv)) {
        const got = c.classify(l.text).pilkada;
        if (!l.want && got) falseAlarms.push(l.text);
        if (l.want) { if (got) tp++; else fn++; }
        if (got === l.want) right++;
        if (regex.test(l.text) === l.want) baselineRight++;
      }
    }
    // A kind's set lists only false alarms in KNOWN_MISTAKES: its misses are measured by recall.
    expect(falseAlarms.sort()).toEqual(sets.filter((s) => s.kind === kind).flatMap((s) => KNOWN_MISTAKES[s.tsv] ?? []).sort());
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.8);
    expect(right).toBeGreaterThan(baselineRight);
  });
});

// The held-out sets are measured, not tuned on (README), so no test may list their mistakes; this one only
// keeps a later rule from quietly breaking them: each stays well-formed and keeps more lines right than the
// keyword regex, with floors below what they score (`npm run eval:classifier -- --heldout` prints the figures).
describe('held-out sets', () => {
  const heldout = exampleSets(HELDOUT_DIR);
  it('there are held-out sets, each with its paslon file', () => {
    expect(heldout.length).toBeGreaterThanOrEqual(4);
    for (const set of heldout) expect(set.paslon, set.tsv).toBeDefined();
  });

  it.each(heldout.map((s) => s.tsv))('%s: labelled lines only, precision >= 0.9, recall >= 0.85, beats the keyword regex', (tsv) => {
    const set = heldout.find((s) => s.tsv === tsv)!;
    const paslon = loadPaslonFile(set.paslon!);
    const c = createClassifier({ vocabulary, paslon });
    const regex = baselineRegExp(baselineKeywords(vocabulary, paslon));
    const lines = readFileSync(tsv, 'utf8').split('\n').filter(Boolean).map((line) => line.split('\t'));
    for (const [label, text] of lines) expect(['pilkada', 'other'], `${label}\t${text}`).toContain(label);
    let tp = 0; let fp = 0; let fn = 0; let right = 0; let baselineRight = 0;
    for (const [label, text = ''] of lines) {
      const want = label === 'pilkada';
      const got = c.classify(text).pilkada;
      if (got && want) tp++;
      if (got && !want) fp++;
      if (!got && want) fn++;
      if (got === want) right++;
      if (regex.test(text) === want) baselineRight++;
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.85);
    expect(right).toBeGreaterThan(baselineRight);
  });
});
