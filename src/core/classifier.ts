/**
 * The Pilkada text classifier. Generic vocabulary finds under half of real
 * Pilkada posts; the local paslon names, nicknames, pair names and ballot
 * numbers find the rest, so both feed one token trie. Every term carries a
 * weight: strong terms fire alone, ambiguous ones (relawan, kampanye, debat,
 * common given names) stay below the threshold until other terms support them.
 * Names are folded for spelling variants (Dheru/Deru, Sylvi/Silvy), all-capital
 * aliases (HD, AHY) count fully only where the text writes them in capitals or
 * in a hashtag or mention, slogans ("HD dua periode", "lanjutkan Pak Herman")
 * lift a name next to them, and an incumbent's official post (title + name +
 * official activity, no campaign signal) does not count the name at all.
 * Pure: vocabulary and paslon file arrive as data (see app/vocabulary.ts).
 */
import { createFuzzyIndex, type FuzzyIndex } from './text/fuzzy.js';
import { foldName, TEXT_ODD_CASE, TEXT_UNICODE, tokenize, tokenizeInto, withoutInvisible } from './text/normalize.js';
import type { Classification } from './types.js';

/** The candidate pairs of one election, configured per deployment (PASLON_FILE). */
export interface PaslonFile {
  election: string;
  /**
   * `unnumbered`: a single pair against the empty box whose file gives no `number` (that race draws none; the
   * loader sets `number` 1 as the pair's id): no ballot-number phrases are derived for it.
   */
  paslon: { number: number; names: string[]; aliases?: string[]; unnumbered?: boolean }[];
}

/** Weights given to terms derived from candidate names. */
export interface NameWeights {
  /** A full name or two-word part of it ("Emil Dardak"), or a multi-word alias. */
  full: number;
  /** A single name part that is not a common name ("Khofifah", "Dardak"). */
  distinctive: number;
  /** A single name part that is a common name or word ("Agus", "Emil", "Deru"). */
  common: number;
  /** Two running mates named together ("Luluk-Lukman"). */
  pair: number;
  /**
   * A later part of a name read alone ("Dardak", "Nasution", "Maimoen"): other
   * people, brands, bands and tombs share surnames, so it needs support. The
   * first uncommon part (the name people call the candidate by) and one-word
   * aliases keep `distinctive`. Defaults to `common`.
   */
  surname?: number;
  /**
   * A form people derive themselves: an honorific and the start of a name
   * ("pak Luth", "mas Hen", "bu Khof"), or a name written with one letter off
   * ("Lufthi"; full weight for names of seven letters or more). Defaults to `common`.
   */
  derived?: number;
}

/** The generic, election-independent vocabulary (data/vocabulary.json). */
export interface Vocabulary {
  /** Score at which a text counts as Pilkada content. */
  threshold: number;
  /** Category -> phrase -> weight. Weights below the threshold need support from other terms. */
  terms: Record<string, Record<string, number>>;
  /**
   * Ballot-number phrases, `{n}` standing for a paslon number ("coblos nomor {n}":
   * 2, 02 and dua), `{0n}` for its zero-padded forms only ("tetap {0n}": 02, kosong dua).
   */
  numberPatterns: Record<string, number>;
  /**
   * Words around a ballot number that make it no ballot number ("jam 02.00", "lantai 2",
   * "antrean nomor 2", "2 orang"): a number term weaker than the threshold next to them is
   * skipped, as is one next to another number (times, dates).
   */
  numberGuards?: {
    before: string[];
    after: string[];
    /** Words that guard only a number written as such ("ke 2", "ke-2", "ke dua"), not a phrase about one ("solid ke nomor 2"). */
    ordinal?: string[];
    /**
     * Places of the vote whose own number may stand right before a ballot number ("TPS 05 nomor 2 kalah tipis",
     * "hasil TPS 07: 01 dapat 120"): that number is the place's, and guards no ballot number after it.
     */
    places?: string[];
  };
  /**
   * A ballot number as the subject of a text: first, or after `openers` only ("yang no 3 ...", "pokoknya nomor 2
   * ..."). A bare zero-padded one there, with words after it, is the ballot number ("01 udah terbukti mimpin",
   * "kosong dua sampai menang"); a weaker one ("nomor 1", "no 3", "pilih no 4") is when one of `talk` (what is said
   * of a candidate, or a particle that picks one) follows within a few words ("nomor satu sudah terbukti", "no 3
   * kampanye di ...", "pilih no 3 saja"). In the middle of a text a number is too often a rank, an ad's "nomor 1"
   * or an item of a list.
   */
  numberSubject?: { openers: string[]; talk: string[] };
  /**
   * Ballot numbers as words in regional languages, by number ("3": ["telu", "tilu", "tallu"]): read as
   * "tiga" is in `{n}` patterns ("nomor tilu", "coblos telu", "salam loro jari"), and after "kosong" in
   * `{0n}` ones ("kosong tilu", "tetap kosong duo").
   */
  numberWords?: Record<string, string[]>;
  /**
   * The voting day of the simultaneous Pilkada of a year, by that year ("2024": {"27 november": 0.4}): taken
   * only where the paslon file's `election` names the year, as vote talk (`administration`). Alone the date is
   * a deadline or a birthday; beside a ballot number or vote talk it is the vote ("pilih nomor 1 tgl 27").
   */
  voteDays?: Record<string, Record<string, number>>;
  /**
   * The voting day of the national election (Pemilu: Pilpres and Pileg) of a Pilkada year, by that year ("2024":
   * ["14 februari", "pemilu februari"]): taken only where the paslon file's `election` names the year, as words
   * of {@link nationalElections}. The same KPPS, TPS and ballot numbers served it ("KPPS lembur waktu pemilu 14
   * Februari"), and people seldom write "pileg" or "pilpres" beside them.
   */
  nationalVoteDays?: Record<string, string[]>;
  /** Party phrases, `{party}` standing for each term of the `party` category ("{party} kalah"). */
  partyPatterns?: Record<string, number>;
  /** Ordinary words a candidate's name may look like once a letter is off ("pribadi", "karna"): never matched fuzzily. */
  commonWords?: string[];
  /**
   * Words of the language's dictionary (data/kata-dasar.txt, named by the vocabulary's dictionaryFile). A one-word
   * name or alias that is one ("Haru", "Dandan", "Arif") counts as the name only where the text writes it as a
   * name: with a capital, after an honorific or in a hashtag; in lower case it is the word, weak alone.
   */
  dictionaryWords?: string[];
  /**
   * Slogans around a candidate's name, `{name}` standing for any paslon name or
   * alias, first or last ("{name} dua periode", "lanjutkan {name}"). They lift
   * even a weak name (a common given name, a lower-case acronym) to this weight.
   */
  slogans?: Record<string, number>;
  /** Paslon numbers assumed when no paslon file is configured. */
  defaultPaslonNumbers: number[];
  names: NameWeights;
  /** Titles and forms of address that are not names by themselves ("Bu", "Gus", "KH"). */
  honorifics: string[];
  /**
   * Honorifics that abbreviate a name part too ("HM": haji Muhammad): an alias with one ("HM Rudi") is two parts of
   * a name, not an honorific and a common name.
   */
  namedHonorifics?: string[];
  /**
   * Honorifics that are chat words too, as they are written to count ("HM", "Yth": "hm" is also "hmm", and "yth"
   * folds to "it"): before a word in lower case they make it a name only where the text writes one of these forms.
   */
  writtenHonorifics?: string[];
  /** Given names and words too common to identify a candidate alone ("Agus", "Sandi"). */
  commonNames: string[];
  /** Words that open campaign-group names ("Relawan", "Sahabat", "Tim Pemenangan"). */
  groupPrefixes: string[];
  /** The rule that keeps an incumbent's government news from counting as campaign content. */
  officialPosts?: OfficialPosts;
  /**
   * Words before a name that make it the name of a place or thing named after someone ("makam",
   * "jalan", "toko", "film", "konser"): a candidate's name right after them, honorifics between
   * allowed, does not count ("ziarah ke makam Abuya Dimyati", "konser Andra and The Backbone").
   */
  namedAfter?: string[];
  /**
   * Named-after words that are also a regional particle once folded ("mie", read "mi", the Makassar particle): after
   * another word the particle ("pilih mi Appi", "ayo mi"), unless that word is one of `thingBefore` ("makan mie",
   * "warung mie"); at the text's start, the thing.
   */
  particleNamedAfter?: { words: string[]; thingBefore: string[] };
  /**
   * Elections that are not a Pilkada ("koperasi", "osis", "karang taruna"): where a text names one,
   * generic vote talk (the categories in {@link GENERIC_VOTE_TALK}) counts nothing; candidates,
   * names and Pilkada events still do, and ballot numbers where one of those is named (see
   * {@link isOtherBallot}).
   */
  otherElections?: string[];
  /**
   * The levels of a Pilkada ("gubernur", "bupati", "walikota"), each with its election words ("pilgub",
   * "pemilihan gubernur") and the units an election word may name after it ("provinsi", "kabupaten", "kota").
   * The paslon file's `election` names its own level; an election word of another level, or one followed by
   * another level's unit, names another Pilkada of the same season ("Pilgub Jabar" beside a Pilwalkot,
   * "pilkada Kabupaten X" beside Kota X's): it counts nothing (candidates' names beside it still do).
   * Its `roles` are the candidate words of that level's race ("cagub", "calon bupati", "wali kota terpilih"): beside
   * another level's election they name that race's candidates and count nothing ("Gubernur Terpilih Banten X"
   * in a Pilwalkot); the offices alone ("gubernur") are not among them, since a candidate may hold one.
   * A `wide` level's voters vote in the other levels' races too (a province's: every regency's and city's voters hold
   * the governor's ballot), so a ballot number beside its election word may still be this Pilkada's. Between two
   * levels neither wide (a regency and a city) no voter holds both ballots: the other's election word names another
   * region's Pilkada, whose ballot numbers are that region's ("Pilbup X: Paslon 1 Unggul" beside a Pilwalkot).
   * No level in `election`, no rule.
   */
  electionLevels?: Record<string, { wide?: boolean; events: string[]; units: string[]; roles?: string[] }>;
  /**
   * Provinces and large cities, each with its other names ("jabar", "jawa barat"; "solo", "surakarta"): one of
   * `events` (words naming a Pilkada) with a region right after it (a unit such as "kota" between allowed) that
   * is not the paslon file's own (no name of its group in `election`, nor a short form of it) names another
   * Pilkada ("Pilkada Makassar" beside a Pilgub Sulbar, "pilgub Jakarta" beside a Pilgub Jatim): it counts
   * nothing, as another level's does (candidates' names beside it still count).
   */
  otherRegions?: { events: string[]; regions: string[][] };
  /**
   * A name followed by a kin word that is the writer's or a neighbour's ("X anakku", "X anak saya", "X adik ta",
   * "X anak tetangga"): the writer's relative, weak as another person's name is. `kin` are the kin words, `owners`
   * the words after one that make it someone's ("saya", "gue", "tetangga"), `clitics` the possessive endings
   * glued to one ("ku", "mu", "ta"), `between` the words that may stand between the name and the kin word (a
   * copula, a regional particle: "X ki itu sepupuku"). Not "-nya": "X anaknya" is the candidate's child.
   */
  writersKin?: { kin: string[]; owners: string[]; clitics: string[]; between?: string[] };
  /**
   * A polling place that is also an everyday word ("TPS" is a rubbish dump too), or the vote day named as a feast
   * ("pesta demokrasi"), beside what a voter brings to it ("KTP", "undangan"): the vote. Found with one of `places`
   * (an administration or event term), a text with one of `things` adds a term of `weight` (administration), where
   * "KTP" alone is the office's daily paperwork.
   */
  voterBrings?: { places: string[]; things: string[]; weight: number };
  /**
   * Civil servants joining a campaign, the talk this bot exists for: a campaign word of `acts` ("kampanye") right
   * after a word of joining in `joins` ("ikut", "melu", "datang", "terlibat"), in a text that names civil servants
   * (`servants`: "ASN", "PNS", "aparatur sipil negara"), counts as Pilkada talk ("ASN Pemprov X dilarang ikut
   * kampanye, jaga netralitas"; "ASN boleh datang kampanye?"). Another election named keeps it that election's.
   */
  servantCampaign?: { servants: string[]; acts: string[]; joins: string[] };
  /**
   * Elections that are no Pilkada but share its ballot numbers and vote talk ("pilpres", "pileg",
   * "capres": Pilpres 2024 had its 01, 02 and 03): where a text names one and no Pilkada event, bare
   * ballot numbers and generic vote talk count nothing ("Pilpres kemarin aku coblos 02", "hasil Pileg
   * diumumkan KPU"); candidates' names, Pilkada events and roles still do.
   */
  nationalElections?: string[];
  /**
   * Of {@link otherElections} and {@link nationalElections}, those whose candidates stand alone, never as a pair
   * (Pileg's "caleg", "pilkades", "ketua RT", "koperasi"): they number no pairs, so a pair's ballot number ("paslon 3",
   * "pasangan nomor 3") beside them and no election of pairs is this race's ({@link isPairRace}). Pilpres, OSIS and
   * student elections elect pairs and are left out.
   */
  unpairedElections?: string[];
  /**
   * The candidates of {@link unpairedElections}' elections, named as persons ("caleg", "calon kades", "calon ketua RT"):
   * unpaired as their elections are, and, unlike the election itself named before a pair's number (the text's topic),
   * a person who may join this race's camp ("Caleg Gagal Kini Jadi Tim Sukses Paslon 3"; {@link isPairRace}).
   */
  unpairedCandidates?: string[];
  /**
   * Pilpres pairs and figures of national politics ("Prabowo-Gibran", "Anies", "Ganjar"): a ballot number
   * right after one, or right before one, is the Pilpres's ("Prabowo-Gibran 02 dilantik", "02 Prabowo
   * presiden"). Left out where a paslon's name is the same word (Anies in Pilgub DKI 2017).
   */
  nationalFigures?: string[];
  /**
   * Another country's election: an election word (`elections`: "pemilu", "pilpres", "quick count") right before a
   * country (`countries`: "AS", "Amerika Serikat", "Korea Selatan", "Malaysia"), "di" between or not ("pemilu AS",
   * "pilpres di Korea Selatan"), is an election of another kind ({@link otherElections}), so its quick count, TPS and
   * numbers are not this race's: "quick count pemilu Amerika, Trump menang", "pemilu Malaysia kemarin, paslon nomor 3
   * menang". A country that is a word of a paslon's name is left out.
   */
  foreignElections?: { elections: string[]; countries: string[] };
  /**
   * Words right after a candidate's name that make it another person's: an everyday occupation or a
   * neighbour ("Pak Hadi guru ngaji", "Mas Seno ojol langganan", "Bli Made tukang bangunan"). The
   * name there counts nothing.
   */
  personAfter?: string[];
  /**
   * Words (one or two) right before a name, honorifics between, that make it another person's: a clergy
   * title or a saint ("Pastor Simon", "Santo Petrus"), a birthday wish ("selamat ulang tahun Om Simon"),
   * the writer's relative in possessive form only ("anakku Astrid", "adik saya"; "anak Teguh" is the
   * candidate's child, talk of the candidate).
   */
  personBefore?: string[];
  /**
   * Everyday words right after a one-word name that make it someone's own life, not the race's ("Mirza
   * bengkel motor", "Vasko kucing ambo hilang", "Sutono jual sapi"): the name counts nothing there. A
   * full name or pair before them is still the candidate's.
   */
  everydayAfter?: string[];
  /**
   * Someone's own life around a name, read as {@link personAfter} and {@link personBefore} are: after it, a
   * day of their own ("X ulang tahun", "X izin telat", "X udah sampai"), school or work ("X anak kelas 7",
   * "X mahasiswa"), or the second person ("X kamu di mana?", the name is whom the text speaks to); before it,
   * the writer's friend or relative ("temenku X", "kawan aku X") or the dead ("almarhum X"). A name there
   * is another person's, as people in a group chat are.
   */
  personalLife?: {
    after?: string[];
    before?: string[];
    /**
     * Kin words read with or without a clitic ("suami", "suaminya", "pacare", "ibunda"): before a name they make
     * it someone's relative. That someone may be the candidate ("anaknya Khofifah"), so the name is weakened to
     * a surname's weight, not dropped: election talk beside it still makes it the candidate.
     */
    kin?: string[];
    /**
     * Second-person pronouns ("kamu", "kau", "koe"): right after a one-word name in a question, the name is
     * whom the writer asks ("X kamu di mana?", "X, kau bawa bola?"), someone in the chat; weakened as a kin
     * word weakens it, since people put questions to candidates too.
     */
    addressed?: string[];
  };
  /**
   * Kin right after a one-word name, the writer's own ("X sepupuku", "X ponakanmu", "X adik saya"): someone's
   * relative, weakened as {@link personalLife} `kin` before a name weakens it. `words` are read with the
   * possessive clitic "-ku"/"-mu" glued on, or followed by one of `owners`; "-nya" is left out, since "X istrinya"
   * is the candidate's wife as often as X is someone's.
   */
  /**
   * Vote tallies ("01 48%, 02 52%", "no 1 230 suara, no 2 180 suara"): a ballot number right before a count (a word
   * of `between` allowed, a word of `units` after it) reads as the number's share of the vote, where a number after
   * it would otherwise make it a phone number's or a time's. See {@link isTally}.
   */
  tallies?: { between: string[]; units: string[] };
  /**
   * Words right after a name that make it the name of a team, shop or brand ("X FC", "X Cell", "X Jaya"
   * before "toko bangunan"): the name there counts nothing. A pair name is not read so.
   */
  thingAfter?: string[];
  /**
   * An office's own units ("bagian", "kasubag", "BKD", "dinas") right after a name, or after one of `links`
   * ("dari", "di"): a colleague ("Pak X dari bagian umum minta SPJ", "Pak X Kasubag Umum"). The name there
   * counts nothing; candidates are not placed in an office's units.
   */
  workplaceAfter?: { links: string[]; units: string[] };
  /**
   * Words of scripture and devotion ("Yesus", "Injil", "renungan", "nabi"): the apostles', prophets' and
   * saints' names are many candidates' given names ("Simon Petrus", "Yohanes", "Hamzah"), so there a name
   * counts only as a surname does, with election talk beside it.
   */
  scriptureWords?: string[];
  /**
   * Books of scripture and the words linking a name to one after it ("dalam Al-Qur'an", "menurut Alkitab"): the name
   * is a figure the book tells of, weighed as scripture talk makes names ({@link isScriptureBookAfter}).
   */
  scriptureBooks?: { links: string[]; books: string[] };
  /**
   * Vote words that are also plain acts ("coblos": to pierce) and the things such an act is done to
   * ("balon", "kuping", "ban"): a term of `terms` with one of `things` within two words of it counts
   * nothing ("coblos balon pakai jarum", "kuping anak dicoblos buat anting").
   */
  plainActs?: { terms: string[]; things: string[] };
  /**
   * Words for not voting that also say skipping a duty ("golput": a blank vote) and the duties so skipped, worship
   * and routine ("sholat", "jumatan", "tarawih", "kuliah", "arisan"): a term of `terms` with one of `duties` as its
   * very next word, in the same clause, counts nothing ("golput sholat Subuh jamaah", "hari ini golput kuliah");
   * "jangan golput, sholat dulu baru ke TPS" stays the vote. A duty may be a phrase: a meal is skipped as a
   * routine ("golput sarapan", "golput makan siang"), while "makan" alone after it may be what the abstainer does
   * instead ("mending golput makan di rumah").
   */
  skippedDuties?: { terms: string[]; duties: string[] };
  /**
   * A vote count's terms ("quick count", "hitung cepat", "real count") and the words of its result ("menang",
   * "unggul", Sundanese "meunang", "eleh"): a count with who won or lost anywhere in the text is the vote's result
   * ("quick count wis metu? sape sing menang?"), as no other count of the season has a winner; another election named
   * beside it (Pilpres, Pilgub beside a Pilbup) keeps it that election's. See {@link isCountResult}.
   */
  countResults?: { terms: string[]; results: string[] };
  /**
   * Words of telephone talk ("nelpon", "kode area", "missed call", "pulsa"): a bare zero-padded number with such a
   * word in its clause, a few words off, is a phone number's part, not a ballot number ("01 itu kode area apa?").
   */
  phoneTalk?: string[];
  /**
   * Order words that also number a queue ("nomor urut") and the words right after them that make
   * them the queue's ("pendaftaran", "antrean", "undian", "arisan"): there the term counts nothing,
   * so it lends no election context to a number beside it ("nomor urut pendaftaran beasiswa sudah
   * keluar, saya nomor 2").
   */
  queues?: { terms: string[]; after: string[] };
  /**
   * Terms with an everyday sense beside the election's ("TPS": the polling station, and the waste depot, tempat
   * pembuangan sementara), each with its weight where a word of that sense (`words`: "sampah", "3R", "TPA") stands
   * anywhere in the text: "besok ke TPS jam 7" is the vote, "TPS 3R penuh sampah" is not.
   */
  otherSense?: { terms: Record<string, number>; words: string[] };
  /**
   * A vote verb, then only asking or linking words, then an office of the race: "pilih siapa buat gubernur",
   * "milih sopo gawe wali kota". Right after the verb the office is a term of its own ("pilih gubernur").
   */
  votedOffice?: { verbs: string[]; gaps: string[]; whoever?: string[] };
  /**
   * Verbs that call for a ballot and nothing else (`verbs`: "coblos" (punch the ballot), "menangkan" (make win), with
   * their regional and affixed forms): a name right after one keeps the title or occupation after it as the call's
   * description of the candidate ({@link isBallotCalled}). Not "pilih" (a pick of any kind) nor "dukung" (a petition).
   * `contests`: words of a contest or an online vote, which "menangkan" asks for too ("Menangkan X tukang bakso favorit
   * di lomba UMKM"): within a few words after the name, the call is that contest's.
   */
  ballotCalls?: { verbs: string[]; contests: string[] };
  /**
   * A vote bought: a vote verb of `votedOffice`, a relative word (`links`: "yang", "nu"), then a giver's verb (`givers`: "bagi",
   * "kasih", "mere") and within two words money or goods (`things`: "duit", "amplop", "sembako"): "jangan pilih yang
   * bagi duit", "teu milih nu mere duit". The vote verb alone is everyday ("pilih menu"), and so is giving money;
   * other linking words make a plan, not a vote ("pilih untuk kasih uang ke ibu").
   * Money or goods handed over by a camp are a vote bought too: a giver's verb or a receiver's (`receivers`: "terima",
   * "nampi", "dapat"), within two words one of `things`, then within two words a `from` word ("dari", "ti", "soko") right
   * before a ballot number ("bagi sembako dari nomor 1", "nampi duit ti nomer dua") or before a bare candidate word that
   * ends its clause ("jangan terima duit dari calon, haram"; "dapat uang dari calon mertua" is not). A range after the
   * number ("dari nomor 1 sampai 50") is a queue's.
   */
  boughtVote?: { links: string[]; givers: string[]; things: string[]; receivers?: string[]; from?: string[] };
  /**
   * A single pair's race against the empty box, read only where the paslon file lists one pair: the box's `names`
   * ("kotak kosong", "kolom kosong", "koko", "empty box") are the other side of the race, and one of them with a
   * `talk` word within three words either side ("pilih koko", "tim koko", "yang menang kotak kosong", "vote for
   * the empty box") is vote talk of `weight`. Alone the box is everyday ("baju koko", "kotak kosong bekas sepatu").
   */
  emptyBox?: { names: string[]; talk: string[]; weight: number };
  /**
   * Offices that are no Pilkada's ("sekjen", "ketua umum", "kepala" of an agency): a name right after one, an
   * organisation's word or two and honorifics between ("Sekjen PDIP X", "Kepala BKKBN X Y"), is that office's
   * holder, a namesake or the candidate at another job; it weighs a common name's, so only election talk beside
   * it makes it the candidate. Not after a former word ("mantan Sekjen X": a career told).
   */
  otherOffices?: string[];
  /**
   * A company's or club's offices that make the name right before them their holder, as {@link otherOffices} do after
   * them ("X CEO PSIS", "X presiden Barito Putera"). A party's or organisation's office after a candidate's name
   * ("X ketum Muslimat NU") is the candidate's standing in the race, which the dev set labels Pilkada, so those are
   * not among them.
   */
  officesAfter?: string[];
  /**
   * A cleric's honorifics ("gus", "ustadz", "habib") and what a cleric does at the pulpit ("pengajian", "kajian",
   * "ceramah", "tausiyah"): a name right after such an honorific with such a word within {@link PREACHING_GAP} words
   * after it is a cleric preaching ("Gus X isi pengajian akbar"), a namesake more often than the candidate; it weighs
   * a common name's, so only election talk beside it makes it the candidate.
   */
  preaching?: { honorifics: string[]; acts: string[] };
  /**
   * Relative words ("yang", "sing"): between a one-word name and an everyday word ({@link everydayAfter}) they
   * describe someone by their trade or things ("Pak X yang jualan bakso", "Mas X sing dodol bakpia").
   */
  relativeWords?: string[];
  /**
   * Act terms that make a weak ballot number the ballot number, as an event or candidate term does ("debat": "nonton
   * debat tadi malam? nomor 3 paling jelas"). A debate is held between the candidates, and its everyday senses are
   * weightless phrases ("lomba debat", "debat kusir"); other acts are not ("kampanye cuci tangan di SD nomor 2").
   */
  numberActs?: string[];
  /**
   * Verbs of working ("kerja", Minang "karajo", Manado "karja"): one of them and "di" before a place of trade or an
   * everyday word after a one-word name, a relative word before it allowed, is someone at their job ("X yang kerja di
   * bengkel", "X nan karajo di bengkel"), read as {@link everydayAfter} is.
   */
  workVerbs?: string[];
  /**
   * Campaign acts said of a person ("kampanye", "blusukan"): right after a weak name (a common given name, a
   * surname), with no `causes` word after the act, the name is the one campaigning, the candidate ("X kampanye di
   * lapangan", "X blusukan ke pasar"); no other person campaigns in the season by a candidate's name. A cause after
   * the act is a social campaign ("kampanye anti narkoba", "kampanye stop bullying"), no race's.
   */
  nameActs?: { acts: string[]; causes: string[] };
}

/**
 * A candidate may hold office. An official title, a candidate's name and an
 * official activity with no campaign signal make government news: the name
 * then does not count ("Gubernur Herman Deru meresmikan jembatan").
 */
export interface OfficialPosts {
  /** Offices a candidate may hold ("gubernur", "wakil bupati", "ketua dprd"). */
  titles: string[];
  /** What officials do in office ("meresmikan", "sambutan", "kunjungan kerja", "upacara"). */
  activities: string[];
  /**
   * Appeals an official makes to the public ("ajak", "imbau"): an activity after a title only ("Wali Kota X ajak
   * warga pilah sampah"), not right after an honoured name, since a candidate appeals too ("Gus X mengajak ...").
   */
  appeals?: string[];
  /**
   * Words that put a title after the name anywhere in the text ("... sebagai gubernur", "selaku bupati"):
   * the title is the named person's office however far it stands from the name.
   */
  roleWords?: string[];
  /**
   * An office to win: a word of wish, merit or duty (`aims`: "layak", "pantas", "harus", "semoga", "pengen"), a word
   * of becoming (`becoming`: "jadi", "menjadi", "dadi"), then a title, after a name: "X paling layak jadi bupati" names
   * the office X is to win, not one X holds, and gives the name no title ({@link isAimedOffice}). Without the wish
   * the office may be held ("X yang kini jadi bupati meresmikan ...", "X sudah dua tahun jadi bupati").
   */
  aimedOffices?: { aims: string[]; becoming: string[] };
  /**
   * Words before a title that make it an office no longer held ("mantan bupati", "eks wali kota"): a career told,
   * not the office at work, so the text is no official post.
   */
  formerWords?: string[];
  /**
   * Words that make a title an acting office ("Pj Gubernur", "Plt Bupati", "Plh"): the acting official is appointed
   * while the incumbent runs, and is no candidate, so a name right after it is another person's.
   */
  actingWords?: string[];
  /**
   * Words of an official document right before a title ("Surat Edaran Bupati", "Instruksi Gubernur", "Peraturan
   * Wali Kota"): the document is the office's, so the title is that of a name anywhere in the text (its signer).
   */
  documentWords?: string[];
  /**
   * The office's own business: its bodies and its staff ("pemkot", "dprd", "pejabat eselon"), its audit ("wtp"), and
   * acts only an office holder does ("sidak", "reses", "rakor"). A candidate's name with an official activity within
   * {@link BARE_ACTING_GAP} words after it, no honorific or title before it, is the office at work when the text names
   * such business ("X hadiri rakor stunting", "X sampaikan reses", "X terima WTP dari BPK"): a candidate who holds no
   * office visits, opens and attends too ("X kunjungi pasar", "X resmikan posko"), but has none of this to do.
   */
  officeBusiness?: string[];
  /**
   * What a regional office builds, runs and hands out, read as {@link officeBusiness} is: public works ("proyek",
   * "jembatan", "drainase", "TPA", "puskesmas"), relief to disaster victims ("korban banjir", "pengungsi"), and the
   * organisations it fosters, whose congresses it opens ("karang taruna", "KNPI", "musda"). "X tinjau proyek
   * terowongan", "X resmiin jembatan", "X serahkan bantuan untuk korban kebakaran": with no campaign signal, the
   * office at work. A venue is not ("masjid raya", "alun-alun", "RSUD"): a candidate out of office attends a
   * pengajian there or visits the sick, as they visit a market or a campus.
   */
  officeWorks?: string[];
  /**
   * An award named for a region's government ("Penghargaan Kabupaten Layak Anak", "Anugerah Kota Sehat",
   * "Penghargaan Digitalisasi Daerah"): `awards` the award words (each also an activity), `units` the words of a
   * region's government. Within {@link BARE_ACTING_GAP} words after a candidate's bare name, an award word with a
   * unit at most {@link REGION_AWARD_GAP} words after it is the office at work with no {@link officeBusiness} beside
   * it ("X Terima Penghargaan Kabupaten Layak Anak"): a region's award goes to whoever governs the region, in every
   * province. An award to the person ("X raih penghargaan tokoh inspiratif") is not one, and stays the candidate's.
   */
  regionAwards?: { awards: string[]; units: string[] };
  /**
   * A party's own offices, written before the party's name ("Ketua Golkar", "Sekjen PDIP", "Ketua DPD Partai
   * Golkar"): `titles` the office, `units` the words that may stand between it and the party (its boards, "umum").
   * The party is then the post of the name after it, read as an official title is, and no campaign signal: "Ketua
   * Golkar Kabupaten Contoh X lantik pengurus kecamatan" is party work with no word of the race; "Ketua Golkar X
   * siap menangkan Y" keeps its campaign words.
   */
  partyOffices?: { titles: string[]; units: string[] };
  /**
   * A region's anniversary ("HUT", "hari jadi", "dirgahayu"): right before the election's own region ("HUT Contoh
   * ke-25", "Hari Jadi Kabupaten Contoh"), the office's own event, read as {@link officeBusiness} is after a bare
   * name and an activity ("X sambutan nang HUT Contoh ke-731"). Another place's or a club's anniversary is not.
   */
  anniversaries?: string[];
  /**
   * Category -> least weight at which a term of that category is a campaign
   * signal ("act": 0.3 takes dukung, coblos, menangkan). Pair names and
   * slogans always are; titles and activities never are.
   */
  campaignSignals: Record<string, number>;
}

/** Category of terms derived from paslon names and aliases. */
export const PASLON_NAME = 'paslonName';
/** Category of terms derived from paslon ballot numbers. */
export const PASLON_NUMBER = 'paslonNumber';
/** Category of a slogan found next to a candidate's name ("HD dua periode"). */
export const SLOGAN = 'slogan';
/** Category of a campaign-group prefix right before a candidate's name ("Sahabat HD"); weightless in texts. */
export const GROUP_NAME = 'groupName';
/** Category of group-name prefixes that carry no weight of their own. */
const GROUP_PREFIX = 'groupPrefix';
/** Category of official titles and activities that are no Pilkada term of their own. */
const OFFICIAL = 'official';
/** Category of words naming an election that is not a Pilkada ("koperasi", "osis"); weightless. */
const OTHER_ELECTION = 'otherElection';
/** Category of words naming a national election, weightless where the vocabulary gives them no weight ("pemilihan presiden"). */
const NATIONAL_ELECTION = 'nationalElection';
/** Category of a national figure's name ({@link Vocabulary.nationalFigures}): weightless, it claims the ballot number beside it. */
const NATIONAL_FIGURE = 'nationalFigure';
/** Category of a word of scripture or devotion ({@link Vocabulary.scriptureWords}): weightless, it makes names weak. */
const SCRIPTURE = 'scripture';
/**
 * Category of the words naming the election's own region, from the paslon file's `election`
 * ("Pilwalkot Bandung 2024": bandung; "Pilgub Kalimantan Timur 2024": kalimantan timur, kaltim);
 * weightless, they make a bare zero-padded ballot number one ("Bandung 03 menang", "kosong satu
 * untuk Bali"). See {@link regionPhrases}.
 */
const REGION = 'region';
/** A name of the empty box in a single pair's race ({@link Vocabulary.emptyBox}) that is no vocabulary term already. */
const EMPTY_BOX = 'emptyBox';
/** Words either side of the empty box's name within which a `talk` word makes it a side of the race. */
const EMPTY_BOX_GAP = 3;
/** Vocabulary categories of vote talk any election has ("gunakan hak pilih", "golput", "coblos"). */
const GENERIC_VOTE_TALK = new Set(['act', 'administration', 'violation', 'actor']);
/**
 * Categories whose terms make a bare ballot number a ballot number ("nomor 2, TPS dekat rumah",
 * "petahana no 1", "PKS nomor 3"), from this weight on; official titles and activities never do.
 * Campaign acts and actors do not: "kampanye cuci tangan di SD nomor 2", "lomba debat, tim nomor 2",
 * "relawan banjir kumpul di posko nomor 2" are no ballot numbers.
 */
const NUMBER_CONTEXT = new Set(['event', 'candidate', 'administration', 'violation', 'party']);
const MIN_NUMBER_CONTEXT = 0.4;
/**
 * Campaign acts and actors do make a bare zero-padded ballot number one ("02 siap menangkan", "kosong tiga,
 * dukung terus"): nobody pads a school's, a post's or a team's number in those phrases, and school numbers
 * ("SDN 02") are number guards.
 */
const PADDED_CONTEXT = new Set(['act', 'actor']);
const MIN_PADDED_CONTEXT = 0.3;
/**
 * Categories whose terms make a surname or a derived short form a candidate's ("Suandharu ... jadi
 * walkot", "kang Far ... kampanye"): alone such a name is shared by others, beside election talk of
 * at least MIN_NAME_SUPPORT it is the candidate, so the two need not add up to the threshold. Offices
 * and candidacy words ("walkot", "gubernur") support from MIN_OFFICE_SUPPORT. Vote words that are
 * everyday words too stay below: "dukung", "relawan" (0.3) do not ("Wardana dukung anaknya kuliah").
 * "Debat" does (0.4: "Sagala debat soal infrastruktur"); its everyday senses are phrases of no weight
 * ("lomba debat", "debat kusir"). Common given names (the `common` weight) get no such lift: too many people.
 * The official-post rule still sets the name aside in government news.
 */
const NAME_SUPPORT = new Set(['event', 'candidate', 'administration', 'violation', 'act', 'actor', 'party']);
const MIN_NAME_SUPPORT = 0.4;
const MIN_OFFICE_SUPPORT = 0.3;
/** The term `classify` adds when the official-post rule set the candidate's name aside. */
export const OFFICIAL_POST_LABEL = 'jabatan resmi';

/** One recognised term, with why it counts. */
export interface Term {
  /** The term as a human would recognise it ("Khofifah-Emil", "nomor 2", "timses"). */
  label: string;
  weight: number;
  /** A vocabulary category, PASLON_NAME, PASLON_NUMBER, SLOGAN, GROUP_NAME or GROUP_PREFIX. */
  category: string;
  /** The term opens campaign-group names ("relawan", "posko pemenangan"). */
  groupPrefix: boolean;
  /** For name terms and slogans: the ballot number of the paslon named; for ballot-number terms, that number. */
  paslon?: number;
  /** Names both running mates ("Khofifah-Emil", "HDCU"): a campaign signal. */
  pair?: boolean;
  /** An office ("gubernur") or an official activity ("meresmikan"), for the official-post rule. */
  official?: 'title' | 'activity';
  /**
   * An all-capital alias read in lower case, where it may be an ordinary word
   * ("video hd"): `strong` is the same alias where the text writes `form` in
   * capitals, or inside a hashtag or mention.
   */
  caps?: { form: string; strong: Term; word?: boolean; spelt?: string };
  /** The full-weight side of such an alias: it counts here because the text wrote it in capitals or a tag. */
  acronym?: boolean;
  /**
   * Internal to the scan: which of the rules keyed by term (PLAIN_ACT, QUEUE, PADDED, VOTE_VERB and the rest) apply to this term, worked
   * out from the classifier's tables the first time the term is found (-1 until then), so that finding it again
   * costs no lookup by label in each rule's Set.
   */
  checks?: number;
}

/** Decides whether a text is about the Pilkada, and says why. */
export interface PilkadaClassifier {
  /** Score at which a text counts as Pilkada content. */
  readonly threshold: number;
  classify(text: string): Classification;
  /** Every distinct term in the text, weightless group prefixes included, in order of appearance. */
  findTerms(text: string): Term[];
}

interface TrieNode {
  term?: Term;
  next?: Map<string, TrieNode>;
}
type Trie = Map<string, TrieNode>;

/** One slogan pattern once `{name}` is taken out: the words after (or before) the name. */
interface Slogan {
  /** The pattern as written, `{name}` included. */
  pattern: string;
  weight: number;
  category: string;
}

/** Everything `scan` needs besides the tokens; built once per classifier. */
interface Tables {
  trie: Trie;
  /** Slogans whose words follow the name, keyed by those words in order. */
  after: Map<string, SloganNode>;
  /** Slogans and group prefixes whose words precede the name, keyed by those words read backwards. */
  before: Map<string, SloganNode>;
  honorifics: Set<string>;
  /** {@link Vocabulary.writtenHonorifics}: their folded token -> the forms the text must write. */
  writtenHonorifics: Map<string, string[]>;
  /** Slogan terms already made, by pattern and name, so each is one object. */
  made: Map<string, Term>;
  /** Words read as something else when no term starts with them (clitics, glued names, derived forms). */
  repair: Repair;
  threshold: number;
  /** The year the paslon file's `election` names ("2024"), if any: an election word with another year is another election. */
  electionYear: string | undefined;
  /** Election words of another level than the paslon file's election, by label, and the units of other levels (see {@link Vocabulary.electionLevels}). */
  otherLevelEvents: Set<string>;
  otherLevelUnits: Set<string>;
  /** Candidate words of another level's race, by label ({@link Vocabulary.electionLevels} roles). */
  otherLevelRoles: Set<string>;
  /** The election's own level's `roles` ({@link Vocabulary.electionLevels}): "cawali" beside "cagub" is this race's talk too. */
  ownLevelRoles: Set<string>;
  /** The offices those roles name ("gubernur" of "calon gubernur"), by label ({@link otherLevelOffices}). */
  otherLevelOffices: Set<string>;
  /** The offices this election's own level's roles name ("wakil bupati" of "calon wakil bupati"), folded, by first word ({@link isCandidateTrade}). */
  ownLevelOffices: Map<string, string[][]>;
  /** The offices of those roles that end in the elected word ("gubernur" of "gubernur terpilih"), by label. */
  otherLevelElected: Set<string>;
  /**
   * Election words and units of the levels neither this election's nor `wide` (a regency's beside a city's): no voter
   * here holds their ballot, so they name another region's Pilkada ({@link isSiblingLevel}). Empty for a wide level's election.
   */
  siblingLevelEvents: Set<string>;
  siblingLevelUnits: Set<string>;
  /**
   * The election's own region named with a sibling level's unit or office ("kabupaten serang", "bupati serang" beside
   * a Pilwalkot Serang), each as its words, by its first word: the same-named neighbour ({@link siblingNamesakes}).
   */
  siblingPlaces: Map<string, string[][]>;
  /** {@link Vocabulary.otherRegions} not the election's own, as folded tokens by their first token, and its events by label. */
  otherRegions: Map<string, string[][]>;
  /**
   * Dictionary words as written (lower case), the vocabulary's one cached set: asked with a word as the text writes
   * it. A token is folded ("kunjung" reads "kuniung"): ask {@link foldedDictionary} with it instead.
   */
  dictionary: Set<string>;
  /** Dictionary words folded as tokens are ({@link foldedDictionarySet}): asked with a token. */
  foldedDictionary: Set<string>;
  /** Every word of the regions the vocabulary lists and of the paslon file's `election`: no unknown place ({@link isUnknownPlace}). */
  regionWords: Set<string>;
  /**
   * The election's own region words without their vowels ({@link ownRegionSkeletons}): "Suroboyo" is the Javanese
   * spelling of Surabaya, no other region, where Surabaya is the election's.
   */
  regionSkeletons: Set<string>;
  /**
   * Glued compass forms of this region's name that are also dictionary words ("Tangsel" beside Pilwalkot Tangerang;
   * "semut" beside Semarang, "banteng" beside Bandung): another region only when written capitalised right after an
   * election word ({@link isUnknownPlace}); the other compass forms are in {@link otherRegions} ({@link withCompassSiblings}).
   */
  compassWords: Set<string>;
  otherRegionEvents: Set<string>;
  /** Labels of aliases that are a slogan on the election's own region's name ({@link regionSloganLabels}). */
  regionSlogans: Set<string>;
  /** Kin words as written after a name (see {@link Vocabulary.writersKin}): glued with an owner's clitic, bare, and the owners after a bare one. */
  kinAfterGlued: Set<string>;
  kinAfterWords: Set<string>;
  kinOwners: Set<string>;
  kinBetween: Set<string>;
  /** The election's vote-day dates written day first ("27 november", "27 nov"; see {@link voteDates}), folded. */
  voteDates: Set<string>;
  /** The national elections' terms (Pilpres, Pileg, their vote day), as `summarise` gets them. */
  nationalTerms: Set<Term>;
  /** See {@link Vocabulary.voterBrings}: the places by label, the things as folded, and the term they add. */
  voterPlaces: Set<string>;
  voterThings: Set<string>;
  voterAtPlace: Term;
  /** Words before and after a weak ballot number that make it something else ("jam", "lantai", "orang"). */
  guardBefore: Set<string>;
  guardAfter: Set<string>;
  /** Words before a number that make it an ordinal, only where the number term starts with the number ("ke 2"). */
  guardOrdinal: Set<string>;
  /** Words other than numbers a number term may start with: order words ("nomor", "no") and regional number words ("tilu"). */
  numberStarts: Set<string>;
  /** Places whose number before a ballot number guards nothing ("TPS 05 nomor 2"; see {@link Vocabulary.numberGuards}). */
  guardPlaces: Set<string>;
  /** Words that may open a text before a ballot number as its subject, and the talk after it (see {@link Vocabulary.numberSubject}). */
  subjectOpeners: Set<string>;
  subjectTalk: Set<string>;
  /** Words that make the name after them a place's or thing's ("makam", "jalan", "toko"). */
  namedAfter: Set<string>;
  /** Named-after words that are a particle too after another word, and the words before them that keep them things (see {@link Vocabulary.particleNamedAfter}). */
  particleNamedAfter: Set<string>;
  particleThingBefore: Set<string>;
  /** Words (one or two) after a name that make it another person's ("guru ngaji", "tukang", "kepala sekolah"). */
  personAfter: Set<string>;
  /** Words (one or two) before a name that make it another person's ("pastor", "ulang tahun"); see {@link Vocabulary.personBefore}. */
  personBefore: Set<string>;
  /** {@link personBefore}'s two-word phrases, by first word: looked up without a string joined per name found. */
  personBeforePairs: Map<string, Set<string>>;
  /** Words after a one-word name that make it someone's everyday life ("kucing", "jual"); see {@link Vocabulary.everydayAfter}. */
  everydayAfter: Set<string>;
  /** {@link Vocabulary.workVerbs}, folded. */
  workVerbs: Set<string>;
  /** See {@link Vocabulary.thingAfter}. */
  thingAfter: Set<string>;
  /** See {@link Vocabulary.workplaceAfter}. */
  workplaceLinks: Set<string>;
  workplaceUnits: Set<string>;
  /** Words before an official title that make it the office of a name said earlier ("sebagai", "selaku"). */
  roleWords: Set<string>;
  /** See {@link OfficialPosts.aimedOffices}, folded. */
  aimWords: Set<string>;
  becomingWords: Set<string>;
  /** See {@link OfficialPosts.formerWords}. */
  formerWords: Set<string>;
  /** See {@link OfficialPosts.actingWords}. */
  actingWords: Set<string>;
  /** See {@link OfficialPosts.documentWords}. */
  documentWords: Set<string>;
  /** {@link OfficialPosts.partyOffices}, folded. */
  partyOfficeTitles: Set<string>;
  partyOfficeUnits: Set<string>;
  /** A party term read as a party office's title ({@link partyTitleTwin}), made once per term. */
  partyTitleTwins: Map<Term, Term>;
  /** {@link OfficialPosts.anniversaries}, folded, each as its words. */
  anniversaries: string[][];
  /**
   * The two-word entries of `personAfter` by their first word, then second ("guru" -> "ngaji"), so a
   * name's next two words are looked up as they are, without joining them into a new string to hash.
   */
  personAfterPairs: Map<string, Set<string>>;
  /** Vote words that are plain acts too, by label, and the things that make them so (see {@link Vocabulary.plainActs}). */
  plainActTerms: Set<string>;
  plainActThings: Set<string>;
  /** {@link Vocabulary.skippedDuties}, folded: its terms as labels, its duties as their words by their first word. */
  skippedDutyTerms: Set<string>;
  skippedDuties: Map<string, string[][]>;
  /** {@link Vocabulary.countResults}: its terms as labels, its results as words. */
  countTerms: Set<string>;
  countResults: Set<string>;
  /** {@link Vocabulary.phoneTalk}, folded, each as its words, by its first word. */
  phoneTalk: Map<string, string[][]>;
  /** Act terms that make a weak ballot number one, by label (see {@link Vocabulary.numberActs}). */
  numberActs: Set<string>;
  /** Terms with an everyday sense, by label, their weight in it, and that sense's words (see {@link Vocabulary.otherSense}). */
  senseWeights: Map<string, number>;
  senseWords: Set<string>;
  /** The term at its everyday sense's weight, made once per term. */
  senseTwins: Map<Term, Term>;
  /** Order terms that also number a queue, by label, and the words after them that make them so (see {@link Vocabulary.queues}). */
  queueTerms: Set<string>;
  queueAfter: Set<string>;
  /** Vote verbs by label, and the words that may stand between one and an office (see {@link Vocabulary.votedOffice}). */
  voteVerbs: Set<string>;
  /** {@link Vocabulary.ballotCalls}, each word folded and joined: its ballot verbs and its contest words. */
  ballotVerbs: Set<string>;
  contestWords: Set<string>;
  /**
   * The words that open a call to vote for a ballot number, as written in the vocabulary's patterns: the vote verbs
   * ({@link Vocabulary.votedOffice} `verbs`) and the ballot verbs ({@link Vocabulary.ballotCalls} `verbs`), so
   * "menangkan nomor 2" is a call as "coblos nomor 2" is ({@link isVoteCall}).
   */
  callVerbs: Set<string>;
  voteGaps: Set<string>;
  /** "Whoever" phrases as tokens ({@link Vocabulary.votedOffice}): "siapa pun walkotnya nanti". */
  whoever: string[][];
  /** The first and the last word of each of them: an office with neither beside it has none ({@link isWhoeverOffice}). */
  whoeverFirst: Set<string>;
  whoeverLast: Set<string>;
  /** Every word of the paslon file's names and aliases, folded. */
  ownNameWords: Set<string>;
  /** The empty box's names, by label, where the paslon file lists a single pair; empty otherwise ({@link Vocabulary.emptyBox}). */
  emptyBoxNames: Set<string>;
  /** Words that make the empty box a side of the race, folded ({@link Vocabulary.emptyBox}). */
  emptyBoxTalk: Set<string>;
  /** The vote talk the empty box with such a word adds. */
  emptyBoxTerm: Term;
  /** Relative words, givers' verbs and the money or goods they give, folded ({@link Vocabulary.boughtVote}). */
  giverLinks: Set<string>;
  giverWords: Set<string>;
  givenThings: Set<string>;
  /** Words before the giver of money or goods ({@link Vocabulary.boughtVote} `from`), and receivers' verbs, folded. */
  fromWords: Set<string>;
  receiverWords: Set<string>;
  /** What each word of a text is to the trie, worked out once per distinct word. */
  words: WordInfos;
  /** Bare zero-padded ballot numbers ("03", "kosong tiga"), which the election's region beside them makes ballot numbers. */
  padded: Set<Term>;
  /** Strong one-word names (the name a candidate is called by, a one-word alias), with the word as folded; see {@link asWritten}. */
  singleNames: Map<Term, string>;
  /** One-word surnames (weak name words of a surname's weight), with the word as folded; see {@link asWritten}. */
  surnames: Map<Term, string>;
  /** Words that are no other person's name: every trie word, honorifics, common words, the paslon's own name words. */
  knownWords: Set<string>;
  /** The weak twin of each single name, made once. */
  otherPerson: Map<Term, Term>;
  /** Weight of a single name set aside by {@link asWritten}: that of a surname, which needs support. */
  otherPersonWeight: number;
  /** Common given names that are no word of the paslon's names: "Bayu" before a candidate's name makes another person's full name. */
  otherGivenNames: Set<string>;
  /**
   * {@link otherGivenNames} of one word that are no known word (a term, an honorific, a common word) and not one letter
   * from any word of the paslon's names ("rahmat" beside a Rahmad): before a candidate's surname, another of that family
   * ({@link isOtherFamilyName}). Made the first time a surname is found, not with the classifier.
   */
  otherFamilyGiven: Set<string> | undefined;
  /** Kin words before a name, as folded ({@link Vocabulary.personalLife}). */
  kinWords: Set<string>;
  /** Second-person pronouns after a name in a question, as folded ({@link Vocabulary.personalLife}). */
  addressedWords: Set<string>;
  /** Words between a ballot number and its count, and after the count, as folded ({@link Vocabulary.tallies}). */
  tallyBetween: Set<string>;
  tallyUnits: Set<string>;
  /** {@link Vocabulary.otherOffices} of one word, folded; those of two words by first word then second. */
  otherOffices: Set<string>;
  otherOfficePairs: Map<string, Set<string>>;
  /** {@link Vocabulary.officesAfter} of one word, folded; those of two words by first word then second; every first word. */
  officesAfter: Set<string>;
  officeAfterPairs: Map<string, Set<string>>;
  officeAfterStarts: Set<string>;
  /** {@link Vocabulary.preaching}: the honorifics as folded single tokens, the acts as folded first word then the rest. */
  clericHonorifics: Set<string>;
  preachingActs: Set<string>;
  /** Words linking a name to a book of scripture after it ({@link Vocabulary.scriptureBooks}). */
  scriptureLinks: Set<string>;
  /** The books of scripture ({@link Vocabulary.scriptureBooks}), by first word. */
  scriptureBooks: Map<string, string[][]>;
  /** Weight of a name read as someone else's that only election talk beside it makes the candidate's: a common name's. */
  commonNameWeight: number;
  /** The common-name-weight twin of each name term, made once ({@link asCommonPerson}). */
  commonPerson: Map<Term, Term>;
  /** {@link Vocabulary.relativeWords}, folded. */
  relativeWords: Set<string>;
  /** Activity terms of {@link OfficialPosts.appeals}: an office at work after a title only. */
  appeals: Set<Term>;
  /** {@link Vocabulary.nameActs}: its acts by label, its causes folded. */
  nameActs: Set<string>;
  nameActCauses: Set<string>;
  /** {@link OfficialPosts.officeBusiness} and {@link OfficialPosts.officeWorks}, folded, each as its words, by its first word. */
  officeBusiness: Map<string, string[][]>;
  /** Activity terms of {@link OfficialPosts.regionAwards}' awards, and its units folded. */
  regionAwards: Set<Term>;
  regionAwardUnits: Set<string>;
  /** {@link Vocabulary.servantCampaign}: its servants folded by first word, its acts by label, its joins folded. */
  servants: Map<string, string[][]>;
  servantActs: Set<string>;
  servantJoins: Set<string>;
}

/**
 * What `scan` needs to know of one word, worked out once per distinct word
 * (chat repeats its words all day): one lookup per word instead of one per
 * question (is it a phrase start, an honorific, a repairable word...).
 */
interface WordInfo {
  /** The trie node of the phrases the word starts, if any. */
  readonly root: TrieNode | undefined;
  /** The word is an honorific ("pak", "bu"): a name's start may follow it ("pak Luth"). */
  readonly honorific: boolean;
  /**
   * The word may carry on a phrase after its first word: it is a later word of some phrase, or
   * one with a clitic or a letter off ("misinya", "Lufthi"); worked out when first needed.
   */
  continues?: boolean;
  /** What the word is once repaired (see {@link makeRepair}); worked out when first needed. */
  fix?: Fix;
  /**
   * No repair makes a term of the word, whatever stands before it (a number, or a word no name
   * starts and nothing repairs): most words of a chat. Worked out when first needed.
   */
  inert?: boolean;
}

/**
 * The WordInfo of each word, found without a lookup by string on the hot path: the tokeniser
 * numbers the words of ASCII text in its table of words seen (tokenizeInto's `ids`), and the
 * info of a word is kept by its id, with the word it belongs to. An id is only a hint: the
 * info is the id's when the word kept with it is the word asked about (the same string, as the
 * tokeniser hands out one string per word), and is worked out anew otherwise (the tokeniser
 * numbers its words anew when its table empties). Words without an id (Unicode text, hashtags,
 * camelCase, repaired words) go through a bounded Map.
 */
interface WordInfos {
  /** The info of `token`, whose id the tokeniser gave (-1: none). */
  of(token: string, id: number): WordInfo;
}

/** What an unknown word may still be; see {@link makeRepair}. */
interface Repair {
  /**
   * Rewrites `tokens[i]` in place (clitic off, glued names apart, a name one letter off) and says
   * how: `fuzzy` when it put a name for a word one letter off; or gives a derived name term.
   */
  at(tokens: string[], i: number, afterHonorific: boolean, info: WordInfo): Term | 'rewritten' | 'fuzzy' | undefined;
  /** Whether no repair makes a term of a word, whatever stands before it (see {@link WordInfo.inert}). */
  inert(token: string, info: WordInfo): boolean;
  /** Whether a word may carry on a phrase past its first word (see {@link WordInfo.continues}). */
  continues(token: string): boolean;
  /** The word without a clitic, when `level` has that word ("misinya" -> "misi"); undefined otherwise. */
  unclitic(token: string, level?: Map<string, unknown>): string | undefined;
  /** The later phrase word a word one letter off stands for ("kamli" -> "kamil"), if any. */
  fuzzyKey(token: string): string | undefined;
  /** The weaker twin of a name term found through a word one letter off (see {@link NameWeights.derived}). */
  fuzzyTwin(term: Term): Term;
}

interface SloganNode {
  slogan?: Slogan;
  next?: Map<string, SloganNode>;
}

/** What the scan knows about the text being read. */
interface ScanContext {
  text: string;
  /**
   * The paslon of ballot numbers right after a vote verb read as a term of its own ("coblos paslon 2", "dukung
   * pasangan nomor 2"): a call to vote for the number as "coblos nomor 2" is ({@link isCalledNumber}).
   */
  calledNumbers?: number[];
  /** A call to vote for a number, then in a later clause a non-Pilkada election told of as one more ({@link isCallBeforeAddedElection}). */
  callBeforeAddedElection?: boolean;
  /** The paslon called to be voted for after another election told of as over ({@link pastElectionCall}). */
  pastCallPaslon?: number;
  /** The paslon of one-word names dropped as the writer's friend or relative ({@link isKinBeside}), for {@link isKinCalled}. */
  kinNamed?: number[];
  /** Tokens from a hashtag or mention, where an acronym counts whatever its case. */
  inTag: boolean;
  /** The text has no lower-case letter, so capitals say nothing; worked out when first needed. */
  shouting?: boolean;
  /** The text in lower case, for names that are dictionary words; made when first needed. */
  lower?: string;
  /**
   * Answers that scan the whole text and depend on the text and their key alone, asked by rules once per match:
   * kept here so each is worked out once per text, not once per place a name or number is found ("w"/"a" + form:
   * {@link isWrittenStrong}; "h" + form: {@link isTitleBefore}; "u" + place: {@link isUnknownPlace}; "l" + a
   * name's spelling as listed; "v": {@link isVerseAfter}; "s": an English possessive; "t": {@link hasVoterThing}
   * and "o": {@link hasSenseWord} over the text's own tokens, not a tag's). Made when first needed.
   */
  textFacts?: Map<string, boolean>;
  /** An official title stands next to a candidate's name ("Gubernur Sumsel H. Herman Deru"). */
  titledName: boolean;
  /** A bare zero-padded ballot number stands next to the election's region ("Bandung 03", "kosong satu untuk Bali"). */
  regionalNumber?: boolean;
  /**
   * A ballot number right before an office ("no 3 walkot", "nomor 2 gubernur"): the candidate of that
   * number for that office. The other way round it is a regulation's number ("Instruksi Gubernur nomor 2").
   */
  numberedOffice?: boolean;
  /**
   * A weak one-word name right after an honorific ("Bang Farhan", "Teh Yena"): people put a title
   * before the candidate they talk about, so election talk beside it makes it the candidate, as it
   * does a surname (see NAME_SUPPORT). Its weight does not change: it adds up no more than before.
   */
  titledWeakName?: boolean;
  /** A weak name right before a campaign act of its own ({@link Vocabulary.nameActs}): "X kampanye di pasar". */
  nameAct?: boolean;
  /** A word of scripture or devotion was read ({@link Vocabulary.scriptureWords}): names weigh a surname's at most. */
  scripture?: boolean;
  /** A ballot number is the text's subject ({@link Vocabulary.numberSubject}): "01 udah terbukti", "no 3 kampanye di ...". */
  subjectNumber?: boolean;
  /** A vote verb asks who for an office ({@link Vocabulary.votedOffice}): "pilih siapa buat gubernur". */
  votedOffice?: boolean;
  /** A vote verb, then one who gives money for it ({@link Vocabulary.boughtVote}): "pilih yang bagi duit". */
  boughtVote?: boolean;
  /** A vote count with a word of its result ({@link Vocabulary.countResults}): "quick count ... sape sing menang". */
  countResult?: boolean;
  /** A national figure was named ({@link Vocabulary.nationalFigures}): a count's winner may be theirs ("quick count Prabowo menang"). */
  figureNamed?: boolean;
  /** Money or goods from a ballot number or a bare candidate word ({@link isGivenFromCamp}): "bagi sembako dari nomor 1". */
  givenFromCamp?: boolean;
  /** A campaign word right after a word of joining ({@link Vocabulary.servantCampaign}); civil servants named is asked after the scan. */
  joinedCampaign?: boolean;
  /** That, in a text that names civil servants ({@link isServantCampaign}). */
  servantCampaign?: boolean;
  /** Token indices a clause boundary comes right before ({@link clauseStarts}); worked out when a phrase first needs it. */
  clauses?: Set<number>;
  /** Token indices a sentence's end comes right before (full stop, question or exclamation mark, line break); made only by {@link isCandidateTrade}. */
  sentences?: Set<number>;
  /** Weak one-word names follow one another across commas ("Rudi, Rafiq, Dimas"): a list of people, they do not add up. */
  listedNames?: boolean;
  /** An official activity right after a candidate's name ("X resmikan", "X hadiri"): the office at work, as a title is. */
  actingName?: boolean;
  /** A title read after a word of an office no longer held ("mantan bupati"): see {@link OfficialPosts.formerWords}. */
  formerOffice?: boolean;
  /** An office's document was named ("Surat Edaran Bupati"): see {@link OfficialPosts.documentWords}; an official act itself. */
  officialDocument?: boolean;
  /**
   * Names found as an item of a possible roster (an honorific at a clause start, after "dan" or a line's number:
   * "ronda: pak A, pak B, pak C"); {@link isRoster} decides once the text is read whether they count.
   */
  rosterNames?: Term[];
  /** Names found outside such items: a roster's name also named elsewhere still counts. */
  freeNames?: Term[];
  /** An item's weak name had an honorific (titledWeakName, held until the roster is decided). */
  rosterTitled?: boolean;
  /** A titled name is the whole of what comes before the text's first colon ({@link isQuotedBy}): the office speaking. */
  officialQuote?: boolean;
  /** A title given to a name said before it with a role word ("X selaku anggota DPRD"): see {@link isRoleAfterName}. */
  roleTitled?: boolean;
  /** Such a title with the office's own business beside it and no activity word ({@link isTitledBusiness}). */
  titledBusiness?: boolean;
  /** An official title right before a candidate's name ("Bupati X minta Dinas ..."): see {@link isTitleFirstBusiness}. */
  titleFirst?: boolean;
  /** A hashtag opens with a candidate's name and goes on ("#Nama2024", "#NamaUntukSemua"): a slogan of the name ({@link isNameSloganTag}). */
  nameTag?: boolean;
  /** Weak ballot numbers read each before a count ({@link tallyEnd}); they count only as a tally of two or more ({@link isTally}). */
  tally?: Term[];
  /**
   * Another Pilkada was named: of another level ("Pilgub Riau" beside a Pilwalkot) or another region ("Pilkada
   * Kampar"); see {@link isOtherPilkadaTalk}.
   */
  otherPilkada?: 'level' | 'region';
  /**
   * How another region's Pilkada was named: `sibling` by a sibling level's election word alone ({@link isSiblingLevel}:
   * "#pilbup" beside a Pilwalkot, a region named or not), `named` by a region after an election word ("Pilkada Jabar").
   * A bare sibling word names no region of its own, so a call to vote for a number beside it stays this race's.
   */
  otherRegionBy?: 'sibling' | 'named';
  /** Token index of the first call to vote for a ballot number in the text's own words ("coblos nomor 1"; {@link isVoteCall}). */
  voteCallAt?: number;
  /** Token index of the first other region's Pilkada named in the text's own words; -1 when a hashtag named it. */
  otherRaceAt?: number;
  /** A candidate word of this race's own level was found ({@link Tables.ownLevelRoles}): no other level's talk alone. */
  ownRole?: boolean;
  /**
   * A call to vote for a ballot number comes before any other region's Pilkada named, with a clause boundary between
   * ("Coblos nomor 1, jangan lupa Pilkada Jabar juga"): the call is this race's, the other race an aside.
   */
  callBeforeOtherRace?: boolean;
  /** Token index of the first vote-day date of this election in the text's own words ({@link Tables.voteDates}). */
  voteDateAt?: number;
  /** Token indices of the non-Pilkada and national elections named in the text's own words (Pilkades, RT, Pilpres). */
  otherElectionAt?: number[];
  /** Token indices of the first and the last ballot number in the text's own words (read by {@link isOwnVoteDay}). */
  firstNumberAt?: number;
  lastNumberAt?: number;
  /** This election's vote day is written in a clause that names no other election ({@link isOwnVoteDay}). */
  ownVoteDay?: boolean;
  /** Token indices of the first and the last candidate's name in the text's own words (read by {@link isNamedOnVoteDay}). */
  firstNameAt?: number;
  lastNameAt?: number;
  /** A candidate's name in the clause of this election's vote day, which names no other election ({@link isNamedOnVoteDay}). */
  namedOnVoteDay?: boolean;
  /** The mention being read is another person's handle ({@link isOthersHandle}): a one-word name in it is that person's. */
  othersHandle?: boolean;
  /** A surname was found right after a word that may be another given name ({@link asWritten} then reads its case). */
  surnameAfterWord?: boolean;
  /** A bare zero-padded number was followed by the next one ({@link isNextPaddedAfter}): bare padded numbers count nothing. */
  counting?: boolean;
  /**
   * An official activity stood right after a candidate's bare name, with none of the office's business in the text:
   * the region's own anniversary named later still makes it the office at work ({@link isAnniversaryBefore}).
   */
  bareActivity?: boolean;
}

const FOLD = { foldNames: true } as const;
/** Lower case with elongations collapsed, but names not yet folded: for splitting glued hashtags. */
const RAW = {} as const;
const TAG = /[#@]([\p{L}\p{N}_]+)/gu;
/** A word whose capitals are not those of a word or of camelCase words ("aNdika", "HENdi", "ANdikaHendi"). */
const ODD_CASE_ASCII = /[a-z][A-Z]|[A-Z]{2}[a-z]/;
const ODD_CASE = /[\p{L}\p{N}]*(?:\p{Ll}\p{Lu}|\p{Lu}{2}\p{Ll})[\p{L}\p{N}]*/gu;
/** A mention's handle (see {@link isOthersHandle}). */
const TAG_MENTION = /@([\p{L}\p{N}_]+)/gu;
const ODD_CASE_ANY = /\p{Ll}\p{Lu}|\p{Lu}{2}\p{Ll}/u;
const LOWER = /[a-z]/;
const ASCII = /^[\x00-\x7f]*$/;
/**
 * Most tokens between a bare zero-padded number and the region's name ("Bandung 03", "kosong tiga
 * untuk Jakarta"): further apart, the number is often another election's ("Prabowo-Gibran 02 resmi
 * dilantik, Kaltim siap ...").
 */
const REGION_GAP = 1;
/** Most tokens between an official title and the name it belongs to ("Gubernur Sumatera Selatan H. Herman Deru"). */
const TITLE_GAP = 4;
/** Shortest dictionary word used to split a glued hashtag ("pilgubjatim"), honorifics aside. */
const MIN_SEGMENT = 4;
const NAME_SLOT = '{name}';
/** Distinct hashtags and odd-case words whose split is remembered; bounded so a flood of distinct tags cannot grow it. */
const TAG_CACHE_SIZE = 10_000;
/** Least weight of a party term that party patterns are made for ("{party} kalah"). */
const MIN_PATTERN_PARTY = 0.3;

/** Builds a classifier from the generic vocabulary and, when configured, the local paslon. */
export function createClassifier(opts: { vocabulary: Vocabulary; paslon?: PaslonFile }): PilkadaClassifier {
  const { vocabulary: vocab, paslon } = opts;
  const trie: Trie = new Map();
  // Acronyms folding would shorten past a term ("PPP" read "p"): kept as written, found where the text writes capitals.
  const kept = new Set<string>();
  const add = (phrase: string, term: Term, minLength = 3): void => {
    const key = tokenize(phrase, FOLD);
    addTerm(trie, key, term, minLength);
    const written = keptKey(phrase, key, minLength, kept);
    if (written) addTerm(trie, written, term, minLength);
  };

  for (const [category, terms] of Object.entries(vocab.terms)) {
    for (const [phrase, weight] of Object.entries(terms)) add(phrase, makeTerm(phrase, weight, category));
  }
  const numbers = paslon ? paslon.paslon.flatMap((p) => (p.unnumbered === true ? [] : [p.number])) : vocab.defaultPaslonNumbers;
  // Bare zero-padded ballot numbers ("03", "kosong tiga"): the election's region makes them ballot numbers.
  const padded = new Set<Term>();
  for (const t of numberTerms(vocab.numberPatterns, numbers, vocab.numberWords)) {
    const term = makeTerm(t.phrase, t.weight, PASLON_NUMBER, { paslon: t.number });
    if (PAIR_WORDS.has(t.pattern.split(' ')[0] as string)) PAIR_NUMBERS.add(term);
    add(t.phrase, term, 2);
    if (t.pattern === BARE_PADDED) padded.add(term);
  }
  for (const [phrase, weight] of voteDayPhrases(vocab, paslon)) add(phrase, makeTerm(phrase, weight, 'administration'), 2);
  for (const [pattern, weight] of Object.entries(vocab.partyPatterns ?? {})) {
    // Parties whose names are ordinary words too ("pan", "gelora") are left out.
    for (const [party, partyWeight] of Object.entries(vocab.terms.party ?? {})) {
      if (partyWeight < MIN_PATTERN_PARTY) continue;
      const phrase = pattern.replace('{party}', party);
      const term = makeTerm(phrase, weight, 'party');
      if (isPartyResultPattern(pattern)) PARTY_RESULTS.add(term);
      add(phrase, term);
    }
  }
  // The capital side of derived initials ("DM"): weak names that never add up with another weak name (bestWeakNames).
  const initials = new Set<Term>();
  for (const t of paslon ? paslonNameTerms(paslon, vocab) : []) {
    const term = makeTerm(t.label, t.weight, PASLON_NAME, { paslon: t.paslon, pair: t.pair === true });
    if (t.caps) {
      const strong = makeTerm(t.label, t.caps.weight, PASLON_NAME, { paslon: t.paslon, pair: t.pair === true, acronym: true });
      if (t.caps.initials) initials.add(strong);
      term.caps = { form: t.caps.form, strong, ...(t.caps.word ? { word: true } : {}), ...(t.caps.spelt ? { spelt: t.caps.spelt } : {}) };
    }
    add(t.phrase, term, t.caps ? 2 : 3);
  }
  for (const prefix of vocab.groupPrefixes) add(prefix, makeTerm(prefix, 0, GROUP_PREFIX));
  for (const prefix of vocab.groupPrefixes) markGroupPrefix(trie, tokenize(prefix, FOLD));
  const official = vocab.officialPosts;
  for (const [kind, phrases] of [['title', official?.titles ?? []], ['activity', official?.activities ?? []]] as const) {
    for (const phrase of phrases) markOfficial(trie, tokenize(phrase, FOLD), phrase, kind);
  }
  const appeals = new Set<Term>();
  for (const phrase of official?.appeals ?? []) {
    markOfficial(trie, tokenize(phrase, FOLD), phrase, 'activity');
    const term = nodeOf(trie, tokenize(phrase, FOLD))?.term;
    if (term?.official === 'activity') appeals.add(term);
  }
  // A region's award: its words looked up as terms, so the scan asks a set, not the text (isRegionAward).
  const regionAwards = new Set<Term>();
  for (const phrase of official?.regionAwards?.awards ?? []) {
    const term = nodeOf(trie, tokenize(phrase, FOLD))?.term;
    if (term?.official === 'activity') regionAwards.add(term);
  }

  for (const phrase of vocab.otherElections ?? []) {
    const key = tokenize(phrase, FOLD);
    if (!nodeOf(trie, key)?.term) addTerm(trie, key, makeTerm(phrase, 0, OTHER_ELECTION), 2);
  }
  for (const key of foreignElectionKeys(trie, vocab)) if (!nodeOf(trie, key)?.term) addTerm(trie, key, makeTerm(key.join(' '), 0, OTHER_ELECTION), 2);
  const national = new Set<Term>();
  for (const phrase of [...(vocab.nationalElections ?? []), ...nationalVoteDays(vocab, paslon)]) {
    const key = tokenize(phrase, FOLD);
    if (!nodeOf(trie, key)?.term) addTerm(trie, key, makeTerm(phrase, 0, NATIONAL_ELECTION), 2);
    const term = nodeOf(trie, key)?.term;
    if (term) national.add(term);
  }

  markUnpaired(trie, vocab);

  for (const phrase of vocab.scriptureWords ?? []) {
    const key = tokenize(phrase, FOLD);
    if (!nodeOf(trie, key)?.term) addTerm(trie, key, makeTerm(phrase, 0, SCRIPTURE), 3);
  }
  for (const phrase of vocab.nationalFigures ?? []) {
    const key = tokenize(phrase, FOLD);
    if (!nodeOf(trie, key)?.term) addTerm(trie, key, makeTerm(phrase, 0, NATIONAL_FIGURE), 3);
  }

  const honorifics = new Set(vocab.honorifics.map((h) => tokenize(h, FOLD).join(' ')));
  const regionWords = new Set([...(vocab.otherRegions?.regions ?? []).flat(), paslon?.election ?? ''].flatMap((r) => tokenize(r, FOLD)));
  const compassWords = new Set<string>();
  if (paslon) {
    const known = new Set([...honorifics, ...vocab.commonNames, ...(vocab.commonWords ?? [])].map((w) => tokenize(w, FOLD).join(' ')));
    for (const key of regionPhrases(paslon.election, known)) {
      // A region word that is already a term (a name, a vocabulary word) stays that term.
      if (!nodeOf(trie, key)?.term && !trie.get(key[0] ?? '')?.term) addTerm(trie, key, makeTerm(key.join(' '), 0, REGION), 3);
    }
  }
  // A single pair's race: the empty box is the other side ("kotak kosong" is a term already; "koko" is added, weightless).
  const emptyBoxNames = new Set<string>();
  if (paslon?.paslon.length === 1) {
    for (const phrase of vocab.emptyBox?.names ?? []) {
      const key = tokenize(phrase, FOLD);
      if (!nodeOf(trie, key)?.term) addTerm(trie, key, makeTerm(phrase, 0, EMPTY_BOX), 2);
      const label = nodeOf(trie, key)?.term?.label;
      if (label !== undefined) emptyBoxNames.add(label);
    }
  }
  const guards = vocab.numberGuards;
  const repair = makeRepair(trie, vocab, honorifics);
  const tables: Tables = {
    trie, honorifics, writtenHonorifics: writtenHonorificForms(vocab), made: new Map(), ...sloganTables(vocab), threshold: vocab.threshold,
    electionYear: paslon ? ELECTION_YEAR.exec(paslon.election)?.[0] : undefined,
    ...otherLevels(vocab, paslon),
    ...kinAfterTables(vocab),
    otherRegions: withCompassSiblings(otherRegionTable(vocab, paslon, honorifics), vocab, paslon, foldedDictionarySet(vocab.dictionaryWords), compassWords),
    compassWords,
    dictionary: dictionarySet(vocab.dictionaryWords),
    foldedDictionary: foldedDictionarySet(vocab.dictionaryWords),
    regionWords,
    regionSkeletons: ownRegionSkeletons(vocab, paslon, honorifics),
    otherRegionEvents: new Set(vocab.otherRegions?.events ?? []),
    siblingPlaces: siblingNamesakes(vocab, paslon),
    regionSlogans: regionSloganLabels(paslon),
    voteDates: voteDates(vocab, paslon),
    nationalTerms: national,
    voterPlaces: new Set(vocab.voterBrings?.places ?? []),
    voterThings: new Set((vocab.voterBrings?.things ?? []).map((w) => tokenize(w, FOLD).join(''))),
    voterAtPlace: makeTerm('tps/hari pemilihan + ktp/undangan', vocab.voterBrings?.weight ?? 0, 'administration'),
    repair,
    guardBefore: new Set((guards?.before ?? []).flatMap((w) => tokenize(w, FOLD))),
    guardAfter: new Set((guards?.after ?? []).flatMap((w) => tokenize(w, FOLD))),
    guardOrdinal: new Set((guards?.ordinal ?? []).flatMap((w) => tokenize(w, FOLD))),
    numberStarts: numberStartWords(vocab),
    guardPlaces: new Set((guards?.places ?? []).flatMap((w) => tokenize(w, FOLD))),
    subjectOpeners: new Set((vocab.numberSubject?.openers ?? []).flatMap((w) => tokenize(w, FOLD))),
    subjectTalk: new Set((vocab.numberSubject?.talk ?? []).flatMap((w) => tokenize(w, FOLD))),
    namedAfter: new Set((vocab.namedAfter ?? []).flatMap((w) => tokenize(w, FOLD))),
    particleNamedAfter: new Set((vocab.particleNamedAfter?.words ?? []).flatMap((w) => tokenize(w, FOLD))),
    particleThingBefore: new Set((vocab.particleNamedAfter?.thingBefore ?? []).flatMap((w) => tokenize(w, FOLD))),
    personAfter: new Set(personAfterWords(vocab).map((w) => tokenize(w, FOLD).join(' '))),
    roleWords: new Set((official?.roleWords ?? []).flatMap((w) => tokenize(w, FOLD))),
    aimWords: new Set((official?.aimedOffices?.aims ?? []).flatMap((w) => tokenize(w, FOLD))),
    becomingWords: new Set((official?.aimedOffices?.becoming ?? []).flatMap((w) => tokenize(w, FOLD))),
    formerWords: new Set((official?.formerWords ?? []).flatMap((w) => tokenize(w, FOLD))),
    actingWords: new Set((official?.actingWords ?? []).flatMap((w) => tokenize(w, FOLD))),
    documentWords: new Set((official?.documentWords ?? []).flatMap((w) => tokenize(w, FOLD))),
    partyOfficeTitles: new Set((official?.partyOffices?.titles ?? []).flatMap((w) => tokenize(w, FOLD))),
    partyOfficeUnits: new Set((official?.partyOffices?.units ?? []).flatMap((w) => tokenize(w, FOLD))),
    partyTitleTwins: new Map(),
    anniversaries: (official?.anniversaries ?? []).map((w) => tokenize(w, FOLD)).filter((key) => key.length > 0),
    personBefore: new Set([...(vocab.personBefore ?? []), ...(vocab.personalLife?.before ?? [])].map((w) => tokenize(w, FOLD).join(' '))),
    personBeforePairs: wordPairs([...(vocab.personBefore ?? []), ...(vocab.personalLife?.before ?? [])].map((w) => tokenize(w, FOLD))),
    everydayAfter: new Set((vocab.everydayAfter ?? []).map((w) => tokenize(w, FOLD).join(' '))),
    workVerbs: new Set((vocab.workVerbs ?? []).map((w) => tokenize(w, FOLD).join(' '))),
    thingAfter: new Set((vocab.thingAfter ?? []).flatMap((w) => tokenize(w, FOLD))),
    workplaceLinks: new Set((vocab.workplaceAfter?.links ?? []).flatMap((w) => tokenize(w, FOLD))),
    workplaceUnits: new Set((vocab.workplaceAfter?.units ?? []).flatMap((w) => tokenize(w, FOLD))),
    personAfterPairs: wordPairs(personAfterWords(vocab).map((w) => tokenize(w, FOLD))),
    kinWords: new Set((vocab.personalLife?.kin ?? []).map((w) => tokenize(w, FOLD).join(''))),
    addressedWords: new Set((vocab.personalLife?.addressed ?? []).map((w) => tokenize(w, FOLD).join(''))),
    tallyBetween: new Set((vocab.tallies?.between ?? []).flatMap((w) => tokenize(w, FOLD))),
    tallyUnits: new Set((vocab.tallies?.units ?? []).flatMap((w) => tokenize(w, FOLD))),
    otherOffices: new Set((vocab.otherOffices ?? []).flatMap((w) => { const key = tokenize(w, FOLD); return key.length === 1 ? key : []; })),
    otherOfficePairs: wordPairs((vocab.otherOffices ?? []).map((w) => tokenize(w, FOLD))),
    officesAfter: new Set((vocab.officesAfter ?? []).flatMap((w) => { const key = tokenize(w, FOLD); return key.length === 1 ? key : []; })),
    officeAfterPairs: wordPairs((vocab.officesAfter ?? []).map((w) => tokenize(w, FOLD))),
    officeAfterStarts: new Set((vocab.officesAfter ?? []).map((w) => tokenize(w, FOLD)[0] ?? '')),
    clericHonorifics: new Set((vocab.preaching?.honorifics ?? []).map((w) => tokenize(w, FOLD).join(' '))),
    preachingActs: new Set((vocab.preaching?.acts ?? []).flatMap((w) => tokenize(w, FOLD).slice(0, 1))),
    scriptureLinks: new Set((vocab.scriptureBooks?.links ?? []).map((w) => tokenize(w, FOLD).join(' '))),
    scriptureBooks: byFirstWord((vocab.scriptureBooks?.books ?? []).map((w) => tokenize(w, FOLD)).filter((key) => key.length > 0)),
    commonNameWeight: vocab.names.common,
    commonPerson: new Map(),
    relativeWords: new Set((vocab.relativeWords ?? []).flatMap((w) => tokenize(w, FOLD))),
    appeals,
    nameActs: new Set(vocab.nameActs?.acts ?? []),
    nameActCauses: new Set((vocab.nameActs?.causes ?? []).flatMap((w) => tokenize(w, FOLD))),
    regionAwards,
    regionAwardUnits: new Set((official?.regionAwards?.units ?? []).flatMap((w) => tokenize(w, FOLD))),
    officeBusiness: byFirstWord([...official?.officeBusiness ?? [], ...official?.officeWorks ?? []].map((w) => tokenize(w, FOLD)).filter((key) => key.length > 0)),
    servants: byFirstWord((vocab.servantCampaign?.servants ?? []).map((w) => tokenize(w, FOLD)).filter((key) => key.length > 0)),
    servantActs: new Set(vocab.servantCampaign?.acts ?? []),
    servantJoins: new Set((vocab.servantCampaign?.joins ?? []).flatMap((w) => tokenize(w, FOLD))),
    plainActTerms: new Set(vocab.plainActs?.terms ?? []),
    numberActs: new Set(vocab.numberActs ?? []),
    plainActThings: new Set((vocab.plainActs?.things ?? []).flatMap((w) => tokenize(w, FOLD))),
    skippedDutyTerms: new Set(vocab.skippedDuties?.terms ?? []),
    countTerms: new Set(vocab.countResults?.terms ?? []),
    countResults: new Set((vocab.countResults?.results ?? []).flatMap((w) => tokenize(w, FOLD))),
    skippedDuties: byFirstWord((vocab.skippedDuties?.duties ?? []).map((w) => tokenize(w, FOLD)).filter((key) => key.length > 0)),
    phoneTalk: byFirstWord((vocab.phoneTalk ?? []).map((w) => tokenize(w, FOLD)).filter((key) => key.length > 0)),
    padded,
    senseWeights: new Map(Object.entries(vocab.otherSense?.terms ?? {})),
    senseWords: new Set((vocab.otherSense?.words ?? []).map((w) => tokenize(w, FOLD).join(''))),
    senseTwins: new Map(),
    queueTerms: new Set(vocab.queues?.terms ?? []),
    queueAfter: new Set((vocab.queues?.after ?? []).flatMap((w) => tokenize(w, FOLD))),
    voteVerbs: new Set(vocab.votedOffice?.verbs ?? []),
    ballotVerbs: new Set((vocab.ballotCalls?.verbs ?? []).map((w) => tokenize(w, FOLD).join(''))),
    contestWords: new Set((vocab.ballotCalls?.contests ?? []).map((w) => tokenize(w, FOLD).join(''))),
    callVerbs: new Set([...vocab.votedOffice?.verbs ?? [], ...vocab.ballotCalls?.verbs ?? []]),
    voteGaps: new Set((vocab.votedOffice?.gaps ?? []).flatMap((w) => tokenize(w, FOLD))),
    whoever: (vocab.votedOffice?.whoever ?? []).map((w) => tokenize(w, FOLD)).filter((k) => k.length > 0),
    whoeverFirst: new Set((vocab.votedOffice?.whoever ?? []).map((w) => tokenize(w, FOLD)[0] ?? '')),
    whoeverLast: new Set((vocab.votedOffice?.whoever ?? []).map((w) => tokenize(w, FOLD).at(-1) ?? '')),
    emptyBoxNames,
    emptyBoxTalk: new Set((vocab.emptyBox?.talk ?? []).map((w) => tokenize(w, FOLD).join(''))),
    emptyBoxTerm: makeTerm('kotak kosong + pilih/menang/lawan', vocab.emptyBox?.weight ?? 0, 'act'),
    giverLinks: new Set((vocab.boughtVote?.links ?? []).map((w) => tokenize(w, FOLD).join(''))),
    giverWords: new Set((vocab.boughtVote?.givers ?? []).map((w) => tokenize(w, FOLD).join(''))),
    givenThings: new Set((vocab.boughtVote?.things ?? []).map((w) => tokenize(w, FOLD).join(''))),
    fromWords: new Set((vocab.boughtVote?.from ?? []).map((w) => tokenize(w, FOLD).join(''))),
    receiverWords: new Set((vocab.boughtVote?.receivers ?? []).map((w) => tokenize(w, FOLD).join(''))),
    // Last, once the trie holds every phrase: a word added after it would never be looked up.
    words: makeWordInfos(trie, honorifics),
    otherFamilyGiven: undefined,
    ...writtenNameTables(trie, vocab, honorifics, paslon),
  };
  const segmentWords = segmentWordsOf(trie, vocab.honorifics);
  const handles = new Map<string, boolean>();
  /** {@link isOthersHandle}, worked out once per distinct handle: replies name the same accounts all day. */
  const othersHandle = (handle: string): boolean => {
    let is = handles.get(handle);
    if (is === undefined) {
      if (handles.size >= TAG_CACHE_SIZE) handles.clear();
      handles.set(handle, (is = isOthersHandle(tables, handle)));
    }
    return is;
  };
  /** The text with each mention that is another person's handle naming a candidate ({@link isOthersHandle}) blanked. */
  const withoutOthersHandles = (text: string): string => {
    let out = text;
    for (const m of text.matchAll(TAG_MENTION)) {
      if (othersHandle(m[1] ?? '')) {
        out = out.slice(0, m.index) + ' '.repeat(m[0].length) + out.slice((m.index ?? 0) + m[0].length);
      }
    }
    return out;
  };

  const keptCapitals = keptCapitalsPattern(kept);
  const tags = new Map<string, string[]>();
  /** The tokens of a hashtag or odd-case word, split once per distinct word (a copy: `scan` rewrites tokens). */
  const tagTokens = (body: string): string[] => {
    let tokens = tags.get(body);
    if (tokens === undefined) {
      if (tags.size >= TAG_CACHE_SIZE) tags.clear();
      tags.set(body, (tokens = splitTag(body, trie, segmentWords)));
    }
    return tokens.slice();
  };
  /** Reads one hashtag or mention (`sigil` the char code of its # or @) into `found`. */
  const readTag = (ctx: ScanContext, found: Term[], sigil: number, body: string): void => {
    const tokens = tagTokens(body);
    if (ctx.nameTag === undefined && sigil === HASH && isNameSloganTag(tables, tokens)) ctx.nameTag = true;
    ctx.othersHandle = sigil === AT && body.includes('_') && othersHandle(body);
    scan(tables, tokens, undefined, found, ctx);
  };
  const read = (text: string): { found: Term[]; ctx: ScanContext; unicode: boolean } => {
    const found: Term[] = [];
    // Another person's handle naming a candidate's name ("@hendri_mekanik") is read once, as that person's, with the
    // tags below: the text's own words leave it out (blanked, so every other word keeps its place).
    const mention = text.includes('@');
    const own = mention && text.includes('_') ? withoutOthersHandles(text) : text;
    // Every field from the start, so every context has one shape: rules that set a field later would
    // otherwise give it a new shape per combination, and each read of it would check several.
    const ctx: ScanContext = {
      text: own, calledNumbers: undefined, callBeforeAddedElection: undefined, pastCallPaslon: undefined, kinNamed: undefined, inTag: false, shouting: undefined, lower: undefined, titledName: false,
      textFacts: undefined,
      regionalNumber: undefined, numberedOffice: undefined, titledWeakName: undefined, nameAct: undefined, scripture: undefined,
      subjectNumber: undefined, votedOffice: undefined, boughtVote: undefined, countResult: undefined, figureNamed: undefined, givenFromCamp: undefined,
      clauses: undefined, sentences: undefined, listedNames: undefined, actingName: undefined, formerOffice: undefined, officialDocument: undefined,
      rosterNames: undefined, freeNames: undefined, rosterTitled: undefined, tally: undefined, nameTag: undefined,
      officialQuote: undefined, otherPilkada: undefined, otherRegionBy: undefined, othersHandle: undefined, surnameAfterWord: undefined,
      voteCallAt: undefined, otherRaceAt: undefined, callBeforeOtherRace: undefined, ownRole: undefined,
      voteDateAt: undefined, otherElectionAt: undefined, firstNumberAt: undefined, lastNumberAt: undefined, ownVoteDay: undefined,
      firstNameAt: undefined, lastNameAt: undefined, namedOnVoteDay: undefined,
      roleTitled: undefined, joinedCampaign: undefined, servantCampaign: undefined, titledBusiness: undefined,
      titleFirst: undefined,
    };
    const tokens: string[] = [];
    const ids: number[] = [];
    const seen = tokenizeInto(own, FOLD, tokens, ids);
    if (keptCapitals !== undefined) keepCapitalAcronyms(keptCapitals, own, tokens, ids);
    scan(tables, tokens, ids, found, ctx);
    // One entry stands for the tally: its numbers are one ballot-number reading, which needs election talk beside it.
    if (ctx.tally !== undefined && isTally(ctx.tally)) addFound(found, ctx.tally[0] as Term);
    // Capitals in odd places split a word ("aNdika" -> a ndika): read such words whole as well.
    const unicode = (seen & TEXT_UNICODE) !== 0;
    if (tables.singleNames.size > 0 || ctx.surnameAfterWord === true) asWritten(tables, own, tokens, found, unicode, ctx.surnameAfterWord === true);
    if (tables.singleNames.size > 0) settleKinRelation(tables, own, tokens, found);
    if (unicode ? ODD_CASE_ASCII.test(own) || (!ASCII.test(own) && ODD_CASE_ANY.test(own)) : (seen & TEXT_ODD_CASE) !== 0) {
      if (unicode) for (const m of own.matchAll(ODD_CASE)) scan(tables, tagTokens(m[0].toLowerCase()), undefined, found, ctx);
      else for (const word of oddCaseWordsAscii(own)) scan(tables, tagTokens(word.toLowerCase()), undefined, found, ctx);
    }
    if (mention || text.includes('#')) {
      ctx.inTag = true;
      if (unicode) for (const m of text.matchAll(TAG)) readTag(ctx, found, m[0].charCodeAt(0), m[1] ?? '');
      else {
        // Text the tokeniser read without Unicode folding (ASCII and emoji, no other letter): TAG's matches are those of
        // `/[#@]([A-Za-z0-9_]+)/g`, found by hand (nextTagAscii; ODD_CASE's: oddCaseWordsAscii), as `matchAll` made a
        // RegExp and an iterator per text.
        for (let at = nextTagAscii(text, 0); at >= 0; at = nextTagAscii(text, at)) {
          const end = tagEndAscii(text, at + 1);
          readTag(ctx, found, text.charCodeAt(at), text.slice(at + 1, end));
          at = end;
        }
      }
      ctx.othersHandle = false;
    }
    // Names read as a list's items: a roster of people, or the candidates (decided on everything the text says).
    if (ctx.rosterNames !== undefined) settleRoster(tables, ctx, tokens, ids, found);
    // Asked only when both a vote call and another region's Pilkada were read (see ScanContext.callBeforeOtherRace).
    if (ctx.voteCallAt !== undefined && ctx.otherRaceAt !== undefined && ctx.otherRaceAt > ctx.voteCallAt) {
      ctx.callBeforeOtherRace = clauseCut(tables, ctx, tokens, ids, ctx.voteCallAt, ctx.otherRaceAt) >= 0;
    }
    // Asked only when both a vote call and a non-Pilkada election were read (see isCallBeforeAddedElection).
    if (ctx.voteCallAt !== undefined && ctx.otherElectionAt !== undefined && ids !== undefined) {
      ctx.callBeforeAddedElection = isCallBeforeAddedElection(tables, ctx, tokens, ids, ctx.voteCallAt, ctx.otherElectionAt[0] as number);
    }
    // Asked only when another election was named in the text's own words (see pastElectionCall).
    if (ctx.otherElectionAt !== undefined && ids !== undefined) ctx.pastCallPaslon = pastElectionCall(tables, ctx, tokens, ids, ctx.otherElectionAt);
    // Asked only when both this election's vote day and another election were read (see isOwnVoteDay).
    if (ctx.voteDateAt !== undefined && ctx.otherElectionAt !== undefined) {
      ctx.ownVoteDay = isOwnVoteDay(tables, ctx, tokens, ids, ctx.voteDateAt, ctx.otherElectionAt);
      ctx.namedOnVoteDay = isNamedOnVoteDay(tables, ctx, tokens, ids, ctx.voteDateAt, ctx.otherElectionAt);
    }
    // Asked only when a campaign word came right after a word of joining (see isServantCampaign).
    if (ctx.joinedCampaign === true && hasPhraseOf(tables.servants, tokens)) ctx.servantCampaign = true;
    // Asked only when a role word gave a candidate's name a title (see isTitledBusiness).
    if (ctx.roleTitled === true && isTitledBusiness(tables, found, tokens)) ctx.titledBusiness = true;
    // Asked only when an official title stood right before a candidate's name (see isTitleFirstBusiness).
    else if (ctx.titleFirst === true && isTitleFirstBusiness(found)) ctx.titledBusiness = true;
    // Every found term's checks worked out before summarise reads them: a term made after the scan's checks (a slogan,
    // a tally, a derived name) still held -1, whose bits read as PADDED, so a counting text dropped it.
    for (let k = 0; k < found.length; k++) if (found[k]!.checks === -1) checksOf(tables, found[k]!);
    return { found, ctx, unicode };
  };

  return {
    threshold: vocab.threshold,
    findTerms: (text) => read(text).found,
    classify: (text) => {
      const { found, ctx, unicode } = read(text);
      const plain = summarise(found, vocab, ctx, national, initials, tables.callVerbs);
      // Zero-width characters hide a word when inside it ("co\u200Bblos") and part words between them
      // ("coblos\u200Bnomor"): read the text both ways and keep the stronger reading.
      const joinedText = unicode ? withoutInvisible(text) : undefined;
      if (joinedText === undefined) return plain;
      const j = read(joinedText);
      const joined = summarise(j.found, vocab, j.ctx, national, initials, tables.callVerbs);
      return joined.score > plain.score ? joined : plain;
    },
  };
}

/**
 * ODD_CASE for text the tokeniser read without Unicode folding: the matches of
 * `/[A-Za-z0-9]*(?:[a-z][A-Z]|[A-Z]{2}[a-z])[A-Za-z0-9]*\/g` in `text`, in order, found in one pass: each is a whole run of ASCII letters
 * and digits with capitals in odd places (the regular expression's leading `[A-Za-z0-9]*` takes the run from its
 * start, its trailing one to its end). The expression itself tried every start inside every word of the text again.
 */
function oddCaseWordsAscii(text: string): string[] {
  const words: string[] = [];
  const n = text.length;
  for (let i = 0; i < n;) {
    if (!isAsciiAlnum(text.charCodeAt(i))) { i++; continue; }
    let end = i;
    let odd = false;
    for (let prev2 = 0, prev = 0; end < n; end++) {
      const c = text.charCodeAt(end);
      if (!isAsciiAlnum(c)) break;
      if ((isAsciiUpper(c) && isAsciiLower(prev)) || (isAsciiLower(c) && isAsciiUpper(prev) && isAsciiUpper(prev2))) odd = true;
      prev2 = prev;
      prev = c;
    }
    if (odd) words.push(text.slice(i, end));
    i = end;
  }
  return words;
}

const HASH = 35;
const AT = 64;
const UNDERSCORE = 95;

/** Where the next match of `/[#@]([A-Za-z0-9_]+)/g` starts at or after `from` (its # or @, with a letter, digit or underscore after it), or -1. */
function nextTagAscii(text: string, from: number): number {
  const n = text.length - 1;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== HASH && c !== AT) continue;
    const next = text.charCodeAt(i + 1);
    if (isAsciiAlnum(next) || next === UNDERSCORE) return i;
  }
  return -1;
}

/** The end of a tag's body (`[A-Za-z0-9_]+`) starting at `start`. */
function tagEndAscii(text: string, start: number): number {
  let end = start;
  while (end < text.length && (isAsciiAlnum(text.charCodeAt(end)) || text.charCodeAt(end) === UNDERSCORE)) end++;
  return end;
}
const isAsciiUpper = (c: number): boolean => c >= 65 && c <= 90;
const isAsciiLower = (c: number): boolean => c >= 97 && c <= 122;
const isAsciiAlnum = (c: number): boolean => isAsciiUpper(c) || isAsciiLower(c) || (c >= 48 && c <= 57);

/**
 * A 64 KiB table of the words that start trie phrases, by length and first,
 * second and last letter: most chat words are in no phrase, and this says so
 * without a lookup in the trie's large Map (which the processor's caches
 * rarely hold). A word it lets through may still be in no phrase.
 */
function rootFilter(trie: Trie): Uint8Array {
  const roots = new Uint8Array(ROOT_SLOTS);
  for (const key of trie.keys()) roots[rootSlot(key)] = 1;
  return roots;
}
const ROOT_SLOTS = 1 << 16;

function rootSlot(token: string): number {
  const n = token.length;
  return (Math.imul(Math.imul(Math.imul(n, 31) + token.charCodeAt(0), 31) + token.charCodeAt(1), 31) + token.charCodeAt(n - 1)) & (ROOT_SLOTS - 1);
}

/** Distinct words without an id whose info is kept; bounded so a flood of distinct words cannot grow it. */
const WORD_INFO_CACHE_SIZE = 50_000;

/** See {@link WordInfos}. Made once the trie is complete: a phrase added after it would never be found. */
function makeWordInfos(trie: Trie, honorifics: Set<string>): WordInfos {
  const roots = rootFilter(trie);
  const make = (token: string): WordInfo => ({
    root: roots[rootSlot(token)] === 1 ? trie.get(token) : undefined,
    honorific: honorifics.has(token),
    continues: undefined,
    fix: undefined,
    inert: undefined,
  });
  // By id: grown as the tokeniser numbers words, so as small as the words a classifier has seen.
  const idWords: string[] = [];
  const idInfos: WordInfo[] = [];
  const byWord = new Map<string, WordInfo>();
  return {
    of(token, id) {
      if (id >= 0) {
        if (idWords[id] === token) return idInfos[id] as WordInfo;
        const info = make(token);
        // Ids come densely from 0: fill any gap so the arrays stay packed.
        while (idWords.length < id) { idWords.push(''); idInfos.push(info); }
        idWords[id] = token;
        idInfos[id] = info;
        return info;
      }
      let info = byWord.get(token);
      if (info === undefined) {
        if (byWord.size >= WORD_INFO_CACHE_SIZE) byWord.clear();
        byWord.set(token, (info = make(token)));
      }
      return info;
    },
  };
}

/** Ballot numbers as words ("salam dua jari", "coblos nomor tiga"). */
const NUMBER_WORDS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];

/** Every term has the same fields in the same order, so the hot path reads them from one object shape. */
function makeTerm(label: string, weight: number, category: string, extra: Partial<Term> = {}): Term {
  return {
    label, weight, category,
    groupPrefix: false,
    paslon: extra.paslon,
    pair: extra.pair ?? false,
    official: extra.official,
    caps: undefined,
    acronym: extra.acronym ?? false,
    checks: -1,
  };
}

/** {@link Term.checks}: the term is a vote word that is a plain act too ("coblos"; see {@link Vocabulary.plainActs}). */
const PLAIN_ACT = 1;
/** {@link Term.checks}: the term is an order word that also numbers a queue ("nomor urut"; see {@link Vocabulary.queues}). */
const QUEUE = 2;
/** {@link Term.checks}: the term is a bare zero-padded ballot number ("03"; see {@link Tables.padded}). */
const PADDED = 4;
/** {@link Term.checks}: the term has an everyday sense too ("tps"; see {@link Vocabulary.otherSense}). */
const OTHER_SENSE = 8;

/** {@link Term.checks}: the term makes a weak ballot number one although it is an act ("debat"; see {@link Vocabulary.numberActs}). */
const NUMBER_ACT = 16;
/** {@link Term.checks}: the term is a not-voting word that also says skipping a duty ("golput"; see {@link Vocabulary.skippedDuties}). */
const SKIPPED_DUTY = 32;

/** {@link Term.checks}: the term is a vote verb ("pilih", "coblos"; see {@link Vocabulary.votedOffice}). */
const VOTE_VERB = 64;
/** {@link Term.checks}: the term is a campaign act a civil servant may join ("kampanye"; see {@link Vocabulary.servantCampaign}). */
const SERVANT_ACT = 128;
/** {@link Term.checks}: the term is a vote count ("quick count"; see {@link Vocabulary.countResults}). */
const COUNT_TERM = 256;
/** {@link Term.checks}: the term is a campaign act said of a name right before it ("kampanye"; see {@link Vocabulary.nameActs}). */
const NAME_ACT = 512;
/** {@link Term.checks}: the term's category is in {@link NUMBER_CONTEXT}. */
const IN_NUMBER_CONTEXT = 1024;
/** {@link Term.checks}: the term's category is in {@link PADDED_CONTEXT}. */
const IN_PADDED_CONTEXT = 2048;
/** {@link Term.checks}: the term's category is in {@link NAME_SUPPORT}. */
const IN_NAME_SUPPORT = 4096;
/** The checks of a term's category, read by `summarise` for every term it adds up (three Set lookups a term before). */
const CATEGORY_CHECKS = IN_NUMBER_CONTEXT | IN_PADDED_CONTEXT | IN_NAME_SUPPORT;
/**
 * The checks read from the term's label and category alone, which a twin made with another weight keeps: the others
 * are the scan's rules keyed by term, which the twin has already passed.
 */
const LABEL_CHECKS = VOTE_VERB | SERVANT_ACT | COUNT_TERM | NAME_ACT | CATEGORY_CHECKS;

/** The {@link CATEGORY_CHECKS} of a category. */
function categoryChecks(category: string): number {
  return (NUMBER_CONTEXT.has(category) ? IN_NUMBER_CONTEXT : 0) | (PADDED_CONTEXT.has(category) ? IN_PADDED_CONTEXT : 0)
    | (NAME_SUPPORT.has(category) ? IN_NAME_SUPPORT : 0);
}

/** The {@link CATEGORY_CHECKS} of a term: from its checks once worked out (read does so for every found term), else anew. */
function categoryChecksOf(t: Term): number {
  return t.checks !== undefined && t.checks >= 0 ? t.checks & CATEGORY_CHECKS : categoryChecks(t.category);
}

/**
 * {@link Term.checks} of a term, worked out once: the same Sets the rules asked on every find before (the last four
 * by label were asked of every term the scan kept, about 1% of the classifier's time each).
 */
function checksOf(tables: Tables, t: Term): number {
  if (t.checks !== undefined && t.checks >= 0) return t.checks;
  const checks = (tables.plainActTerms.has(t.label) ? PLAIN_ACT : 0) | (tables.queueTerms.has(t.label) ? QUEUE : 0) | (tables.padded.has(t) ? PADDED : 0)
    | (tables.senseWeights.has(t.label) ? OTHER_SENSE : 0) | (tables.numberActs.has(t.label) ? NUMBER_ACT : 0)
    | (tables.skippedDutyTerms.has(t.label) ? SKIPPED_DUTY : 0)
    | (tables.voteVerbs.has(t.label) ? VOTE_VERB : 0) | (tables.servantActs.has(t.label) ? SERVANT_ACT : 0)
    | (tables.countTerms.has(t.label) ? COUNT_TERM : 0) | (tables.nameActs.has(t.label) ? NAME_ACT : 0) | categoryChecks(t.category);
  t.checks = checks;
  return checks;
}

/**
 * Adds one ballot-number term per pattern, number and spelling: `{n}` as 2, 02 and dua
 * ("nomor 2", "nomor 02", "nomor dua"), `{0n}` as 02 and "kosong dua" only ("tetap 02").
 */
function numberTerms(patterns: Record<string, number>, numbers: number[], regional: Record<string, string[]> = {}): { phrase: string; weight: number; number: number; pattern: string }[] {
  const forms = numbers.flatMap((n) => (n < 10 ? [String(n), `0${n}`, NUMBER_WORDS[n] as string, ...(regional[String(n)] ?? [])] : [String(n)])
    .map((f) => ({ f, n })));
  const padded = numbers.flatMap((n) => (n < 10 ? [`0${n}`, ...paddedWords(n, regional)] : []).map((f) => ({ f, n })));
  return Object.entries(patterns).flatMap(([pattern, weight]) => pattern.includes('{0n}')
    ? padded.map(({ f, n }) => ({ phrase: pattern.replace('{0n}', f), weight, number: n, pattern }))
    : forms.map(({ f, n }) => ({ phrase: pattern.replace('{n}', f), weight, number: n, pattern })));
}

/**
 * A zero-padded number said in words, in Indonesian and in the regional languages of `numberWords`: "02" is
 * read out "kosong dua", and as "kosong duo" (Minang), "kosong tilu" (Sundanese), "kosong tige" (Malay).
 */
function paddedWords(n: number, regional: Record<string, string[]>): string[] {
  return [NUMBER_WORDS[n] as string, ...(regional[String(n)] ?? [])].map((w) => `kosong ${w}`);
}

/**
 * The words a number term starts with that are no number in digits or Indonesian: the regional number
 * words, and the order words of the weak patterns ("nomor {n}", "no {n}", "nomer {n}").
 */
function numberStartWords(vocab: Vocabulary): Set<string> {
  const out = new Set(Object.values(vocab.numberWords ?? {}).flat().flatMap((w) => tokenize(w, FOLD)));
  for (const [pattern, weight] of Object.entries(vocab.numberPatterns)) {
    const words = tokenize(pattern.replace('{n}', '').replace('{0n}', ''), FOLD);
    if (weight < vocab.threshold && pattern.endsWith('{n}') && words.length === 1) out.add(words[0] as string);
  }
  return out;
}

/** The voting-day phrases of the year the paslon file's `election` names (see {@link Vocabulary.voteDays}). */
function voteDayPhrases(vocab: Vocabulary, paslon: PaslonFile | undefined): [string, number][] {
  if (!paslon || !vocab.voteDays) return [];
  const words = new Set(tokenize(paslon.election, FOLD));
  return Object.entries(vocab.voteDays).filter(([year]) => words.has(year)).flatMap(([, phrases]) => Object.entries(phrases));
}

/**
 * The vote-day phrases of the election's year written day first with their month ("27 november", "27 nov"), not
 * "tanggal 27" (any month's 27th): the date names the simultaneous Pilkada's voting day, which no Pilkades, RT or
 * national vote of that year shares (the day is a national holiday for the Pilkada).
 */
function voteDates(vocab: Vocabulary, paslon: PaslonFile | undefined): Set<string> {
  const keys = voteDayPhrases(vocab, paslon).map(([phrase]) => tokenize(phrase, FOLD));
  return new Set(keys.filter((key) => key.length === 2 && isDigit(key[0] as string) && !isDigit(key[1] as string)).map((key) => key.join(' ')));
}

/**
 * A vote-day term over tokens[i..end] is the date with its month: "27 november" read as itself, or "tanggal 27" read
 * first with the month right after it ("tanggal 27 November").
 */
function isVoteDateAt(tables: Tables, tokens: string[], i: number, end: number): boolean {
  const day = tokens[end] as string;
  if (end === i + 1 && isDigit(tokens[i] as string)) return tables.voteDates.has(`${tokens[i] as string} ${day}`);
  return isDigit(day) && end + 1 < tokens.length && tables.voteDates.has(`${day} ${tokens[end + 1] as string}`);
}

/** The national voting-day phrases of the year the paslon file's `election` names (see {@link Vocabulary.nationalVoteDays}). */
/**
 * The phrases of {@link Vocabulary.foreignElections}, folded: each election word before each country, with and without
 * "di" between; a country whose words the trie already holds as a paslon's name is left out. Made once per classifier.
 */
function foreignElectionKeys(trie: Trie, vocab: Vocabulary): string[][] {
  const keys: string[][] = [];
  const foreign = vocab.foreignElections;
  if (!foreign) return keys;
  const countries = foreign.countries.map((c) => tokenize(c, FOLD)).filter((c) => c.length > 0 && nodeOf(trie, c)?.term?.category !== PASLON_NAME);
  for (const election of foreign.elections) {
    const e = tokenize(election, FOLD);
    if (e.length === 0) continue;
    for (const c of countries) keys.push([...e, ...c], [...e, 'di', ...c]);
  }
  return keys;
}

function nationalVoteDays(vocab: Vocabulary, paslon: PaslonFile | undefined): string[] {
  if (!paslon || !vocab.nationalVoteDays) return [];
  const words = new Set(tokenize(paslon.election, FOLD));
  return Object.entries(vocab.nationalVoteDays).filter(([year]) => words.has(year)).flatMap(([, phrases]) => phrases);
}

/** The number pattern of a bare zero-padded ballot number ("03", "kosong tiga"). */
const BARE_PADDED = '{0n}';

/** Words of an election's name that are no region ("Pilwalkot Kota Contoh 2024"). */
const NOT_REGION = new Set(['kota', 'kabupaten', 'kab', 'provinsi', 'prov', 'pemilihan', 'pilkada', 'pilgub', 'pilbup', 'pilwalkot',
  'pilwako', 'pilwali', 'gubernur', 'bupati', 'wali', 'walikota', 'wakil', 'kepala', 'daerah', 'serentak', 'tahun', 'dan']);
/** A region's short form joins the starts of its two words ("Kal"+"tim", "Ja"+"teng", "Sul"+"sel", "Sum"+"ut"). */
const REGION_START_MIN = 2;
const REGION_START_MAX = 4;
/** Shortest short form kept: shorter ones are words or other places ("jab", "kal"). */
const MIN_REGION_SHORT = 5;

/**
 * How people name the election's region, from the paslon file's `election` alone, so a deployer
 * lists none: the region as written ("bandung", "kalimantan timur"), a word beside an acronym
 * ("jakarta" in "DKI Jakarta"), the usual short form of a two-word province (the starts of both
 * words: "kaltim", "jateng", "sulsel", "sumut"; every start of 2-4 letters, five letters or more
 * in all, known words left out) and the initials of three words or more ("ntb").
 */
function regionPhrases(election: string, known: Set<string>): string[][] {
  const words = tokenize(election, FOLD).filter((w) => !isDigit(w) && !NOT_REGION.has(w));
  if (words.length === 0) return [];
  const out: string[][] = [words];
  if (words.length === 2) {
    const [a = '', b = ''] = words;
    for (const w of [a, b]) if (w.length >= MIN_REGION_SHORT && (a.length <= 3 || b.length <= 3)) out.push([w]);
    for (let i = REGION_START_MIN; i <= REGION_START_MAX; i++) {
      for (let j = REGION_START_MIN; j <= REGION_START_MAX; j++) {
        const short = a.slice(0, i) + b.slice(0, j);
        if (i <= a.length && j <= b.length && short.length >= MIN_REGION_SHORT && !known.has(short)) out.push([short]);
      }
    }
  }
  if (words.length >= 3) out.push([words.map((w) => w.charAt(0)).join('')]);
  return out;
}

/** Slogan tables: words after the name in order, words before it backwards; group prefixes count as before-words. */
function sloganTables(vocab: Vocabulary): { after: Map<string, SloganNode>; before: Map<string, SloganNode> } {
  const after = new Map<string, SloganNode>();
  const before = new Map<string, SloganNode>();
  const put = (root: Map<string, SloganNode>, key: string[], slogan: Slogan): void => {
    const node = nodeAt(root, key);
    if (node && (!node.slogan || node.slogan.weight < slogan.weight)) node.slogan = slogan;
  };
  for (const [pattern, weight] of Object.entries(vocab.slogans ?? {})) {
    const slogan = { pattern, weight, category: SLOGAN };
    if (pattern.startsWith(NAME_SLOT)) put(after, tokenize(pattern.slice(NAME_SLOT.length), FOLD), slogan);
    else if (pattern.endsWith(NAME_SLOT)) put(before, tokenize(pattern.slice(0, -NAME_SLOT.length), FOLD).reverse(), slogan);
  }
  for (const prefix of vocab.groupPrefixes) {
    put(before, tokenize(prefix, FOLD).reverse(), { pattern: `${prefix} ${NAME_SLOT}`, weight: 0, category: GROUP_NAME });
  }
  return { after, before };
}

interface NameTerm {
  phrase: string;
  label: string;
  weight: number;
  paslon: number;
  pair?: boolean;
  /**
   * An all-capital one-word alias: the form to look for in the text and its weight there; `initials` when the form
   * is initials derived from `names` ({@link initialTerms}) that no alias lists.
   */
  caps?: { form: string; weight: number; word?: boolean; spelt?: string; initials?: boolean };
}

/**
 * Terms derived from the paslon file only: full names and their multi-word
 * parts, single name parts (weak when common), aliases (acronyms weak in lower
 * case), and running-mate pairs.
 */
function paslonNameTerms(file: PaslonFile, vocab: Vocabulary): NameTerm[] {
  // A name with an apostrophe ("Mas'ud", "Ma'ruf") is read as people type it, with the apostrophe
  // ("Mas'ud": two words to the tokeniser, the first maybe an honorific) or without ("Masud").
  const split = new Map<string, string>();
  const unquote = (n: string): string => n.replace(APOSTROPHE, '$1');
  for (const p of file.paslon) {
    for (const n of [...p.names, ...(p.aliases ?? [])]) {
      for (const word of n.split(/\s+/)) {
        if (unquote(word) !== word) split.set(tokenize(unquote(word)).join(' '), tokenize(word).join(' '));
      }
    }
  }
  if (split.size === 0) return nameTermsOf(file, vocab);
  const plain = { ...file, paslon: file.paslon.map((p) => ({ ...p, names: p.names.map(unquote), ...(p.aliases ? { aliases: p.aliases.map(unquote) } : {}) })) };
  return nameTermsOf(plain, vocab).flatMap((t) => {
    const apart = t.phrase.split(' ').map((x) => split.get(x) ?? x).join(' ');
    return apart === t.phrase ? [t] : [t, { ...t, phrase: apart }];
  });
}

/** An apostrophe inside a word, before a letter ("Mas'ud", "Ma’ruf"). */
const APOSTROPHE = /(\p{L})['\u2019\u02bc`](?=\p{L})/gu;

function nameTermsOf(file: PaslonFile, vocab: Vocabulary): NameTerm[] {
  const honorifics = new Set(vocab.honorifics.map((h) => tokenize(h, FOLD).join(' ')));
  const common = new Set(vocab.commonNames.map((n) => tokenize(n, FOLD).join(' ')));
  const w = vocab.names;
  const isHonorific = (word: string): boolean => honorifics.has(tokenize(word, FOLD).join(' '));
  // The last word of a name is the name where only its folded form reads as an honorific ("Bang Kadji", folded
  // like "kaji"); spelt as one ("Bu Nyai"), it is still the title.
  const spelt = new Set(vocab.honorifics.map((h) => h.toLowerCase()));
  const isTitleAt = (words: string[], i: number): boolean =>
    isHonorific(words[i] as string) && (i < words.length - 1 || spelt.has((words[i] as string).toLowerCase()));
  // Ordinary words are as common as common names: a name or alias that is one ("Bintang", "Amanah") is weak alone.
  for (const word of vocab.commonWords ?? []) common.add(tokenize(word, FOLD).join(' '));
  const isCommon = (word: string): boolean => common.has(tokenize(word, FOLD).join(' '));
  const givenNames = new Set(vocab.commonNames.map((n) => tokenize(n, FOLD).join(' ')));
  const isCommonName = (word: string): boolean => givenNames.has(tokenize(word, FOLD).join(' '));
  const namedHonorifics = new Set((vocab.namedHonorifics ?? []).map((h) => tokenize(h, FOLD).join(' ')));
  const isNamedHonorific = (word: string): boolean => namedHonorifics.has(tokenize(word, FOLD).join(' '));
  const dictionary = dictionarySet(vocab.dictionaryWords);
  // Asked of a name part as the deployer wrote it, so of the dictionary as written ("Bayu", "Fajar", "Surya" are words).
  const isDictionary = (word: string): boolean => word.length >= 4 && (dictionary.has(word.toLowerCase()) || isVowelDropped(word.toLowerCase(), dictionary));
  const everyday = new Set((vocab.commonWords ?? []).map((word) => tokenize(word, FOLD).join(' ')));
  // An alias's word as the deployer wrote it: the everyday list is folded, the dictionary as written.
  const isEverydayWord = (word: string): boolean => everyday.has(tokenize(word, FOLD).join(' ')) || dictionary.has(word.toLowerCase());

  return file.paslon.flatMap((p) => {
    const single = (word: string, label = display([word]), called = true, fromName = false): NameTerm[] => {
      if (word.length < 3) return [];
      // Short as the text will be read: "Doel" folds to "dul", which "DUL ERA ..." also is.
      // A name part of four letters is shared by too many people to name a candidate alone
      // ("Seno", "Giri", "Noor"); a deployer who lists such a word as an alias says it does.
      const short = tokenize(word, FOLD).join('').length <= (fromName ? MAX_SHORT_NAME : 3);
      const weak = word.length <= 3 || short || isCommon(word);
      const weight = weak ? w.common : called ? w.distinctive : Math.max(w.common, w.surname ?? w.common);
      if (!fromName && called && isFoldedShort(word)) return [foldedAlias(word, label, w, p.number)];
      if (!weak && isDictionary(word)) {
        const form = word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
        return [{ phrase: word, label, weight: w.common, paslon: p.number, caps: { form, weight, word: true } }];
      }
      return [{ phrase: word, label, weight, paslon: p.number }];
    };
    const phrase = (words: string[], weight: number, label = display(words)): NameTerm =>
      ({ phrase: words.join(' '), label, weight, paslon: p.number });
    const names = p.names.map((n) => tokenize(n));
    const cores = names.map((words) => words.filter((_, i) => !isTitleAt(words, i)));
    const out: NameTerm[] = [];
    names.forEach((words, i) => {
      const core = cores[i] ?? [];
      if (words.length >= 2) out.push(phrase(words, w.full));
      const called = callingName(core, isCommon);
      out.push(...subPhrases(core).map((sub) => phrase(sub, w.full)), ...core.flatMap((word) => single(word, undefined, word === called, true)));
    });
    const shorts = cores.map((core) => shortForms(core));
    const initials = names.map((words) => words.map((x) => x.charAt(0)).join(''));
    for (const alias of p.aliases ?? []) {
      const words = tokenize(alias);
      const core = words.filter((_, i) => !isTitleAt(words, i));
      const pair = isPairAlias(alias, initials) || isBlendAlias(alias, cores);
      const acronym = words.length === 1 && /^\p{Lu}{2,}$/u.test(alias.replace(/[^\p{L}]/gu, ''));
      if (acronym && words[0]) {
        // In lower case an acronym may be a word of its own, however long ("silih asih" for "ASIH").
        out.push({
          phrase: words[0], label: alias, weight: w.common, paslon: p.number,
          ...(pair ? { pair } : {}), caps: { form: alias.replace(/[^\p{L}\p{N}]/gu, ''), weight: pair ? w.pair : w.distinctive },
        });
        continue;
      }
      if (!pair && isEverydayAlias(words, core, cores, isEverydayWord)) {
        // Ordinary words only ("Pasti Pas", "Satu Hati"): as written in the alias, or in a tag, the candidate; in lower case the words.
        out.push({ phrase: words.join(' '), label: alias, weight: w.common, paslon: p.number, caps: { form: alias.trim(), weight: w.full } });
        continue;
      }
      // "Pak Edy" is half the office: an honorific and a common name stay weak whoever lists them.
      // An everyday word after an honorific is no one's name but the candidate's ("Bang Muda").
      const plain = !pair && core.length === 1 && isCommonName(core[0] ?? '') && !words.some(isNamedHonorific);
      if (words.length >= 2) out.push({ ...phrase(words, pair ? w.pair : plain ? Math.max(w.common, w.derived ?? w.common) : w.full, alias), ...(pair ? { pair } : {}) });
      if (pair && isAcronymPair(alias, words) && !(p.aliases ?? []).some((a) => tokenize(a).join(' ') === words.join(''))) {
        const glued = words.join('');
        out.push({ ...phrase([glued], isLongGlue(glued, isDictionary) ? w.pair : w.common, alias), pair, caps: { form: glued.toUpperCase(), weight: w.pair } });
      }
      if (core.length >= 2 && core.length < words.length) out.push(phrase(core, w.full));
      if (!pair) out.push(...nickname(core, cores, p.number));
      else out.push(...pairParts(alias));
      if (core.length === 1 && core[0]) {
        // After an honorific ("Acil Odah"), a word of four letters alone is as shared as a short name part of `names`.
        out.push(...single(core[0], words.length === 1 ? alias : undefined, true, core.length < words.length && core[0].length <= MAX_SHORT_NAME));
        attributeAlias(core[0], cores, shorts);
      }
    }
    // The two halves of a pair alias are the names the running mates go by ("Iqbal-Dinda", "Mulia-PAS",
    // "Zul-Uhel"), nicknames included: they make the pair in prose ("Iqbal dan Dinda", "iqbaldinda"), and
    // alone a half that is not a name part is weak, like a nickname. Capitals are initials (initialTerms).
    function pairParts(alias: string): NameTerm[] {
      const halves = alias.split(/\s*[-&/+]\s*/).map((half) => tokenize(half).filter((x) => !isHonorific(x)));
      if (halves.length !== 2 || cores.length !== 2) return [];
      return halves.flatMap((half, i) => {
        const word = half[0];
        if (half.length !== 1 || !word || word.length < 3 || /^\p{Lu}+$/u.test(alias.split(/\s*[-&/+]\s*/)[i]?.trim() ?? '')) return [];
        shorts[i]?.add(word);
        if (cores[i]?.includes(word)) return [];
        const weak = isCommon(word) || tokenize(word, FOLD).join('').length <= MAX_SHORT_NAME;
        return [{ phrase: word, label: display([word]), weight: weak ? w.common : Math.max(w.common, w.surname ?? w.common), paslon: p.number }];
      });
    }
    // A nickname written with a name part ("Danny Pomanto" for Mohammad Ramdhan Pomanto): people write
    // the nickname alone ("kampanyenya Danny"), but other people share it, so alone it is weak.
    function nickname(core: string[], nameCores: string[][], number: number): NameTerm[] {
      if (core.length < 2) return [];
      const fromNames = (x: string): boolean => nameCores.some((c) => c.some((part) => part === x || part.startsWith(x)));
      const extra = core.filter((x) => !fromNames(x));
      const word = extra[0];
      if (extra.length !== 1 || !word || word.length < MIN_SHORTENED || extra.length === core.length) return [];
      return [{ phrase: word, label: display([word]), weight: isCommon(word) ? w.common : Math.max(w.common, w.surname ?? w.common), paslon: number }];
    }
    for (const [a, b] of pairs(shorts)) {
      const label = display([a, b], '-');
      // "Eddy-Riezky", "Eddy & Riezky" and "Eddy dan Riezky" all name the pair.
      out.push({ ...phrase([a, b], w.pair, label), pair: true }, { ...phrase([a, PAIR_JOIN, b], w.pair, label), pair: true });
      // Typed as one word ("rudyseno", "kostergiri"), common names included: glued, the pair is distinctive.
      if (a.length + b.length >= MIN_GLUED) out.push({ ...phrase([a + b], w.pair, label), pair: true });
    }
    return out;
  }).concat(initialTerms(file, vocab), pairAcronymTerms(file, vocab));
}

/** Shortest name read as a dictionary word typed with a vowel dropped ({@link isVowelDropped}). */
const MIN_VOWEL_DROPPED = 5;
const VOWELS = ['a', 'e', 'i', 'o', 'u'];

/**
 * A name that is a dictionary word as people type it, one inner vowel dropped ("Rezki" for "rezeki", the way chat
 * writes the word): written lower case, with no honorific before it, it is that word, as a name that is a dictionary
 * word is (see `single` in {@link nameTermsOf}). Five letters or more, so short names are never read as words.
 */
function isVowelDropped(word: string, dictionary: Set<string>): boolean {
  if (word.length < MIN_VOWEL_DROPPED || dictionary.size === 0) return false;
  for (let i = 1; i < word.length; i++) {
    for (const v of VOWELS) if (dictionary.has(word.slice(0, i) + v + word.slice(i))) return true;
  }
  return false;
}

/**
 * An alias of two or more words, no honorific, each an ordinary word ({@link Vocabulary.commonWords} or the
 * dictionary) and none a word of the candidates' names: a slogan-like nickname ("Pasti Pas", "Satu Hati") that
 * people also say as plain words ("ukurannya pasti pas"), so only its written capitals or a tag make it a name.
 */
function isEverydayAlias(words: string[], core: string[], nameCores: string[][], isEverydayWord: (word: string) => boolean): boolean {
  return words.length >= 2 && core.length === words.length && words.every((word) => isEverydayWord(word) && !nameCores.some((c) => c.includes(word)));
}

/**
 * A listed one-word nickname of four letters or more that folding leaves at three ("Appi" read "api", "Assa" read
 * "asa"): the folded form is an ordinary short word, the nickname as listed is not.
 */
function isFoldedShort(word: string): boolean {
  return word.length > 3 && tokenize(word, FOLD).join('').length <= 3;
}

/**
 * Such a nickname is weak as read, and the nickname itself where spelt as listed and written with a capital ("Appi",
 * "APPI"), after an honorific or in a tag: the rule of a name that is a dictionary word too ({@link Term.caps} `word`).
 */
function foldedAlias(word: string, label: string, w: Vocabulary['names'], paslon: number): NameTerm {
  const form = word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
  // Only where the text spells it as listed: "#api" or "bu api" is no "Appi".
  return { phrase: word, label, weight: w.common, paslon, caps: { form, weight: w.distinctive, word: true, spelt: word.toLowerCase() } };
}

/** Longest name part (as folded) that is weak alone when it comes from `names`: four-letter given names are everyone's. */
const MAX_SHORT_NAME = 4;

/** Initials derived from names: two to four letters, one per name part ("Dedi Mulyadi" -> DM). */
const MIN_INITIALS = 2;
const MAX_INITIALS = 4;

/**
 * Initials people write for a candidate, derived from `names` so a deployer
 * lists none ("Dedi Mulyadi" -> DM, "Airin Rachmi Diany" -> ARD; honorifics
 * left out). Initials are also abbreviations of everything else ("DM" a direct
 * message, "AS" the United States, "RS" a hospital), so they count only where
 * the text writes them in capitals (or in a hashtag or mention) and then stay
 * weak: `derived` for three letters or more, `common` for two. In lower case
 * they count nothing. Initials two paslon share, or that a listed alias or a
 * vocabulary term already is, are left out ("KDM" counts as listed).
 */
function initialTerms(file: PaslonFile, vocab: Vocabulary): NameTerm[] {
  const honorifics = new Set(vocab.honorifics.map((h) => tokenize(h, FOLD).join(' ')));
  const w = vocab.names;
  const taken = new Set<string>();
  for (const terms of Object.values(vocab.terms)) for (const phrase of Object.keys(terms)) taken.add(tokenize(phrase, FOLD).join(' '));
  for (const p of file.paslon) for (const alias of p.aliases ?? []) taken.add(tokenize(alias, FOLD).join(' '));
  // Capitals inside a pair alias ("Mulia-PAS") are a candidate's acronym the deployer listed.
  const listed = new Set((file.paslon.flatMap((p) => p.aliases ?? []).flatMap((a) => a.split(/[\s\-&/+]+/)))
    .filter((part) => /^\p{Lu}{2,}$/u.test(part)));
  const owner = new Map<string, { paslon: number } | null>();
  for (const p of file.paslon) {
    for (const name of p.names) {
      const core = tokenize(name).filter((x) => !honorifics.has(tokenize(x, FOLD).join(' ')) && /^\p{L}/u.test(x));
      if (core.length < MIN_INITIALS || core.length > MAX_INITIALS) continue;
      const key = core.map((x) => x.charAt(0)).join('');
      const had = owner.get(key);
      owner.set(key, had === undefined ? { paslon: p.number } : had && had.paslon === p.number ? had : null);
    }
  }
  const everyday = everydayAbbreviations(vocab);
  const kept = [...owner].filter((e): e is [string, { paslon: number }] =>
    !!e[1] && !taken.has(e[0]) && !taken.has(tokenize(e[0], FOLD).join(' ')) && !everyday.has(e[0]));
  // One label per paslon ("AS/IAH"): a paslon's initials are one weak name, so two of them never add up.
  const labels = new Map<number, string>();
  for (const [key, who] of kept) {
    const had = labels.get(who.paslon);
    labels.set(who.paslon, had ? `${had}/${key.toUpperCase()}` : key.toUpperCase());
  }
  return kept.map(([key, who]) => ({
    phrase: key, label: labels.get(who.paslon) ?? key, weight: 0, paslon: who.paslon,
    caps: listed.has(key.toUpperCase())
      ? { form: key.toUpperCase(), weight: w.distinctive }
      : { form: key.toUpperCase(), weight: key.length >= 3 ? Math.max(w.common, w.derived ?? w.common) : w.common, initials: true },
  }));
}

/** Letters a name part gives a glued pair acronym ("HER" of Hermanus in "HERLEO"), and the acronym's length. */
const MIN_PIECE = 2;
const MAX_PIECE = 4;
const MIN_PAIR_ACRONYM = 5;
const MAX_PAIR_ACRONYM = 8;

const dictionarySets = new WeakMap<string[], Set<string>>();
/** The dictionary's words as a set, made once per list (a vocabulary is loaded once, classifiers are made per paslon file). */
function dictionarySet(words: string[] | undefined): Set<string> {
  if (!words) return new Set();
  let set = dictionarySets.get(words);
  if (!set) dictionarySets.set(words, (set = new Set(words)));
  return set;
}

const foldedDictionarySets = new WeakMap<string[], Set<string>>();
/**
 * The dictionary's words folded as the classifier folds tokens ("kunjung" -> "kuniung", "syarat" -> "sarat"), made once
 * per list. The dictionary file is written in the language's spelling; a token, folded, is found only here. Folding
 * merges a few words with names ("rudi", "yani"), so a site that has the word as written asks {@link dictionarySet}.
 */
function foldedDictionarySet(words: string[] | undefined): Set<string> {
  if (!words) return new Set();
  let set = foldedDictionarySets.get(words);
  if (!set) {
    set = new Set();
    for (const word of words) set.add(tokenize(word, FOLD).join(''));
    foldedDictionarySets.set(words, set);
  }
  return set;
}

/**
 * Pair acronyms a deployer did not list, derived from the running mates' `names` in ballot order: both
 * candidates' initials glued ("BTMCK" for Benyamin Tobias Marani and Clemens Kaisiepo), or the first two to
 * four letters of a name part of each glued ("HERLEO", "SIRAKOR"). Five to eight letters, written in capitals or in a
 * tag only, and weak (`derived`) unless election talk supports them; never a known word or name, a dictionary
 * word ("AMAN", "MULIA" are words first), a term already, or a form two paslon share.
 */
function pairAcronymTerms(file: PaslonFile, vocab: Vocabulary): NameTerm[] {
  const honorifics = new Set(vocab.honorifics.map((h) => tokenize(h, FOLD).join(' ')));
  const fold = (x: string): string => tokenize(x, FOLD).join(' ');
  // The word lists as written (lower case): folding them for every classifier made cost more than the rest of this.
  // A derived form is checked both as written and as folded against them.
  const known = new Set([...vocab.commonNames, ...(vocab.commonWords ?? [])]);
  for (const terms of Object.values(vocab.terms)) for (const phrase of Object.keys(terms)) known.add(phrase);
  for (const p of file.paslon) for (const alias of p.aliases ?? []) known.add(fold(tokenize(alias).join(''))).add(fold(alias));
  const dictionary = dictionarySet(vocab.dictionaryWords);
  const foldedDictionary = foldedDictionarySet(vocab.dictionaryWords);
  // The start of a name part is that name's short form after an honorific ("pak Rahma"), not an acronym.
  // Only keys of MIN..MAX_PAIR_ACRONYM letters are asked (offer): their starts of those lengths, in one set, rather than
  // every part searched per key (that made building a 1,000-paslon classifier three times slower).
  const nameStarts = new Set<string>();
  for (const p of file.paslon) {
    for (const n of [...p.names, ...(p.aliases ?? [])]) {
      for (const part of tokenize(n, FOLD)) for (let k = MIN_PAIR_ACRONYM; k <= Math.min(MAX_PAIR_ACRONYM, part.length); k++) nameStarts.add(part.slice(0, k));
    }
  }
  const weight = Math.max(vocab.names.common, vocab.names.derived ?? vocab.names.common);
  const owner = new Map<string, { paslon: number; written: string } | null>();
  const offer = (written: string, paslon: number): void => {
    // As the text will be read: folding may shorten the glued letters ("rahmha" reads "rahma").
    const key = fold(written);
    if (key.length < MIN_PAIR_ACRONYM || key.length > MAX_PAIR_ACRONYM || known.has(key) || known.has(written) || dictionary.has(written)
      || foldedDictionary.has(key) || nameStarts.has(key)) return;
    const had = owner.get(key);
    owner.set(key, had === undefined ? { paslon, written } : had && had.paslon === paslon ? had : null);
  };
  for (const p of file.paslon) {
    if (p.names.length !== 2) continue;
    const cores = p.names.map((n) => tokenize(n).filter((x) => !honorifics.has(tokenize(x, FOLD).join(' ')) && /^\p{L}+$/u.test(x)));
    const [a = [], b = []] = cores;
    // Written apart ("BTM-CK") the two sets of initials are each candidate's, one weak name (initialTerms); glued, the pair's.
    const [ia = '', ib = ''] = cores.map((core) => core.map((x) => x.charAt(0)).join(''));
    if (ia.length >= MIN_PIECE && ib.length >= MIN_PIECE) offer(ia + ib, p.number);
    const pieces = (core: string[]): string[] => core.flatMap((x) => {
      const out: string[] = [];
      for (let len = MIN_PIECE; len <= Math.min(MAX_PIECE, x.length - 1); len++) out.push(x.slice(0, len));
      return out;
    });
    for (const left of pieces(a)) for (const right of pieces(b)) offer(left + right, p.number);
  }
  const out: NameTerm[] = [];
  for (const who of owner.values()) {
    if (!who) continue;
    const label = who.written.toUpperCase();
    out.push({ phrase: who.written, label, weight: 0, paslon: who.paslon, pair: true, caps: { form: label, weight } });
  }
  return out;
}

/**
 * Everyday words of two to four letters (`commonWords`): as initials they are read for what they usually
 * mean ("SK" a decree in every civil servant's chat, "KK" a family card, "HP" a phone), even where a pair
 * alias lists them in capitals ("SK-DT"), so they name no candidate alone. The alias itself still does.
 */
function everydayAbbreviations(vocab: Vocabulary): Set<string> {
  const out = new Set<string>();
  for (const word of vocab.commonWords ?? []) if (word.length >= MIN_INITIALS && word.length <= MAX_INITIALS) out.add(word.toLowerCase());
  return out;
}

/**
 * The part of a name people call the candidate by: the first that is not a
 * common name ("Luthfi" in "Ahmad Luthfi", "Rismaharini" in "Tri Rismaharini"),
 * never the last of three or more ("Habibie" in "Ilham Akbar Habibie").
 * The later parts ("Dardak", "Nasution") are surnames that others share.
 */
function callingName(core: string[], isCommon: (word: string) => boolean): string | undefined {
  // The last part of a name of three parts or more is a family name ("Ilham Akbar Habibie"), even when every part before it is common.
  return core.find((word, i) => word.length > 3 && !isCommon(word) && (core.length < 3 || i < core.length - 1));
}

/**
 * An alias naming both running mates: two parts joined by - & / + ("Eddy-Riezky",
 * "HD-CU"), or capitals that are both candidates' initials ("HDCU").
 */
function isPairAlias(alias: string, initials: string[]): boolean {
  if (alias.split(/\s*[-&/+]\s*/).filter((part) => part.trim()).length >= 2) return true;
  const letters = alias.replace(/[^\p{L}]/gu, '');
  return initials.length >= 2 && /^\p{Lu}+$/u.test(letters) && letters.toLowerCase() === initials.join('');
}

/**
 * Aliases of two words or more that begin with the election's own region word: a slogan on the region's name
 * ("Bogor Beres", "Bandung Bedas", "Surabaya Hebat"). Built once per paslon file.
 */
function regionSloganLabels(paslon: PaslonFile | undefined): Set<string> {
  const labels = new Set<string>();
  if (!paslon) return labels;
  const starts = new Set(regionPhrases(paslon.election, new Set()).map((r) => r[0]));
  for (const p of paslon.paslon) {
    for (const alias of p.aliases ?? []) {
      const key = tokenize(alias, FOLD);
      if (key.length >= 2 && starts.has(key[0])) labels.add(alias);
    }
  }
  return labels;
}

/**
 * The region's unit word right before a slogan on the region's name ("Kota Bogor Beres ...", "Kabupaten Bandung
 * Bedas"): the writer names the place and says something of it; a slogan is written without the unit word.
 */
function isRegionAsPlace(tokens: string[], i: number): boolean {
  return i > 0 && REGION_LINKS.has(tokens[i - 1] as string);
}

/**
 * A pair alias typed as one camel-case word, the start of each running mate's name glued in ballot order ("WaNur"
 * for Setyo Wahono and Nurul Azizah, "AsMa"): it names the pair as "Wahono-Nurul" does, so a word before it that
 * names a place after a person ("Bus Sekolah WaNur") does not make it another's name. Built once per paslon file.
 */
function isBlendAlias(alias: string, cores: string[][]): boolean {
  if (cores.length !== 2 || !/^\p{L}+$/u.test(alias)) return false;
  const parts = alias.split(/(?<=\p{Ll})(?=\p{Lu})/u);
  return parts.length === 2 && parts.every((part, i) => {
    const start = part.toLowerCase();
    return start.length >= MIN_BLEND_PART && (cores[i] ?? []).some((word) => word.startsWith(start));
  });
}
/** Fewest letters of a running mate's name a camel-case pair alias keeps ("Wa" of Wahono). */
const MIN_BLEND_PART = 2;

/**
 * A pair alias of two acronyms ("SK-DT", "HD-CU"): hashtags glue them ("#SKDTLanjutkan"), so the glued form in
 * capitals or a tag is the pair too, and weak in lower case as any acronym (unless an alias lists it glued).
 * Pairs of names glue by {@link pairs}.
 */
function isAcronymPair(alias: string, words: string[]): boolean {
  const halves = alias.split(/\s*[-&/+]\s*/);
  return words.length === 2 && halves.length === 2 && halves.every((half) => /^\p{Lu}{2,}$/u.test(half.trim()));
}

/** Fewest letters of two acronyms glued that no one types as a word of their own, in any case ("sdkjsm"; "hdcu" is too short). */
const MIN_LONG_GLUE = 6;

/** Two acronyms glued into MIN_LONG_GLUE letters or more, no dictionary word: the pair in lower case too. */
function isLongGlue(glued: string, isDictionary: (word: string) => boolean): boolean {
  return glued.length >= MIN_LONG_GLUE && !isDictionary(glued);
}

/** Every contiguous run of two or more words, plus first + last ("Khofifah Parawansa"). */
function subPhrases(core: string[]): string[][] {
  const out: string[][] = [];
  for (let len = 2; len <= core.length; len++) {
    for (let i = 0; i + len <= core.length; i++) out.push(core.slice(i, i + len));
  }
  if (core.length >= 3) out.push([core[0] ?? '', core[core.length - 1] ?? '']);
  return out;
}

/** The forms a candidate goes by in pair names: first and last name part. */
function shortForms(core: string[]): Set<string> {
  return new Set([core[0], core[core.length - 1]].filter((x): x is string => !!x && x.length >= 3));
}

/** A one-word alias that is (the start of) a candidate's name part joins that candidate's short forms ("Risma"). */
function attributeAlias(alias: string, cores: string[][], shorts: Set<string>[]): void {
  cores.forEach((core, i) => {
    if (core.some((word) => word === alias || (alias.length >= 4 && word.startsWith(alias)))) shorts[i]?.add(alias);
  });
}

/** The word joining running mates' names in prose ("Khofifah dan Emil"). */
const PAIR_JOIN = 'dan';

/** Running-mate pairs in ballot order ("Luluk Lukman", "Khofifah Emil"). */
function pairs(shorts: Set<string>[]): [string, string][] {
  const [first, second] = shorts;
  if (!first || !second) return [];
  return [...first].flatMap((a) => [...second].map((b): [string, string] => [a, b]));
}

/** Capitalised words, as a name is usually written. */
function display(words: string[], sep = ' '): string {
  return words.map((x) => x.charAt(0).toUpperCase() + x.slice(1)).join(sep);
}

/**
 * The key of a phrase with its kept acronyms as written: a one-word phrase of letters that folding shortens past
 * `minLength` ("ppp" read "p", a deployer's "MM" read "m") is kept (added to `kept`) and keyed by its letters; a
 * longer phrase keys such a word by its letters too ("ppp dukung"). Undefined when no word is kept.
 */
function keptKey(phrase: string, key: string[], minLength: number, kept: Set<string>): string[] | undefined {
  const words = phrase.trim().toLowerCase().split(/\s+/);
  if (words.length !== key.length) return undefined;
  const only = words[0] as string;
  if (words.length === 1 && /^[a-z]+$/.test(only) && (key[0] as string).length < minLength && only.length >= minLength) kept.add(only);
  if (!words.some((w) => kept.has(w))) return undefined;
  return words.map((w, i) => (kept.has(w) ? w : key[i] as string));
}

/** Kept acronyms as a whole word in capitals ("PPP", not "ppp", "Ppp" or "PPPK"); undefined when none is kept. */
function keptCapitalsPattern(kept: Set<string>): { starts: string[]; pattern: RegExp } | undefined {
  if (kept.size === 0) return undefined;
  // Their first two letters in capitals ("PP"): a text without any is not scanned (a substring search is cheaper).
  const starts = [...new Set([...kept].map((w) => w.slice(0, 2).toUpperCase()))];
  // ASCII edges (cheaper than Unicode classes): a letter beyond ASCII beside one leaves a token of other letters, skipped below.
  return { starts, pattern: new RegExp(`(?<![A-Za-z0-9])(?:${[...kept].map((w) => w.toUpperCase()).join('|')})(?![A-Za-z0-9])`, 'g') };
}

/**
 * The tokens of kept acronyms written in capitals, by their letters ("PPP" is the party, not "p"): folding an
 * elongation is for words typed long ("ppp", "pppp" a sound), not for letters an acronym repeats. A token so
 * rewritten leaves the table of words seen (its id -1).
 */
function keepCapitalAcronyms(kept: { starts: string[]; pattern: RegExp }, text: string, tokens: string[], ids: number[]): void {
  // A loop, not `some` with a closure: a closure holding `text` made this function's scope anew for every text.
  let any = false;
  for (const start of kept.starts) if (text.includes(start)) { any = true; break; }
  if (!any) return;
  for (const m of text.matchAll(kept.pattern)) {
    const at = tokenize(text.slice(0, m.index), FOLD).length;
    if (tokens[at] !== tokenize(m[0], FOLD)[0]) continue;
    tokens[at] = m[0].toLowerCase();
    ids[at] = -1;
  }
}

/** Inserts a phrase; when two sources give the same phrase, the heavier term wins. */
function addTerm(trie: Trie, key: string[], term: Term, minLength: number): void {
  if (key.length === 0 || (key.length === 1 && (key[0]?.length ?? 0) < minLength)) return;
  const node = nodeAt(trie, key);
  if (!node) return;
  // A dictionary-word name's term holds, beside its weak weight, its weight where written as a name: it wins a tie.
  if (!node.term || node.term.weight < term.weight || (node.term.weight === term.weight && term.caps?.word && !node.term.caps)) node.term = term;
}

/** The node at the end of `key` in a token trie (terms or slogans), created on the way; undefined for an empty key. */
function nodeAt<N extends { next?: Map<string, N> }>(root: Map<string, N>, key: readonly string[]): N | undefined {
  let level = root;
  let node: N | undefined;
  for (const token of key) {
    node = level.get(token);
    if (!node) level.set(token, (node = {} as N));
    level = node.next ??= new Map();
  }
  return node;
}

/** The node of an exact phrase, if the trie has one. */
function nodeOf(trie: Trie, key: string[]): TrieNode | undefined {
  let level: Trie | undefined = trie;
  let node: TrieNode | undefined;
  for (const token of key) {
    node = level?.get(token);
    if (!node) return undefined;
    level = node.next;
  }
  return node;
}

/** Flags the prefix's own term and every longer term starting with it ("posko pemenangan"). */
function markGroupPrefix(trie: Trie, key: string[]): void {
  const node = nodeOf(trie, key);
  const stack: TrieNode[] = node ? [node] : [];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (n.term) n.term.groupPrefix = true;
    stack.push(...(n.next?.values() ?? []));
  }
}

/** Flags an official title or activity, adding it weightless when the vocabulary lacks it ("meresmikan"). */
function markOfficial(trie: Trie, key: string[], phrase: string, kind: 'title' | 'activity'): void {
  if (key.length === 0) return;
  const node = nodeOf(trie, key);
  if (node?.term) {
    if (node.term.category !== PASLON_NAME) node.term.official = kind;
    return;
  }
  addTerm(trie, key, makeTerm(phrase, 0, OFFICIAL, { official: kind }), 2);
}

/**
 * Greedy longest match of trie phrases over the tokens; adds each term once (texts hold few).
 * A word no term starts with may still be one with a clitic, glued names or a derived name
 * form (see {@link makeRepair}); the tokens are rewritten in place when so. `ids` are the
 * tokens' ids from the tokeniser (see {@link WordInfos}), when it gave them.
 */
function scan(tables: Tables, tokens: string[], ids: number[] | undefined, found: Term[], ctx: ScanContext): void {
  const { trie, words } = tables;
  let titleEnd = -Infinity;
  let nameEnd = -Infinity;
  let regionEnd = -Infinity;
  let paddedEnd = -Infinity;
  let numberEnd = -Infinity;
  let figureEnd = -Infinity;
  let weakNameEnd = -Infinity;
  let actingEnd = -Infinity;
  let formerEnd = -Infinity;
  let voteEnd = -Infinity;
  let ballotVerbEnd = -Infinity;
  // The end of the last name an office to win followed (isAimedOffice).
  let aimedFor = -Infinity;
  // The end of the last ballot number called with a vote verb ("pilih nomor 2") and whose number it is.
  let callEnd = -Infinity;
  let callPaslon: number | undefined;
  let nameStart = -1;
  let countEnd = -Infinity;
  for (let i = 0; i < tokens.length; i++) {
    const info = infoAt(words, tokens, ids, i);
    let node = info.root;
    let best: Term | undefined;
    let bestEnd = i;
    let fuzzy = false;
    let repaired = false;
    if (!node) {
      if (info.inert ??= tables.repair.inert(tokens[i] as string, info)) continue;
      const fix = tables.repair.at(tokens, i, isTitleBefore(tables, ctx, words, tokens, ids, i), info);
      if (fix === undefined) continue;
      if (typeof fix !== 'string') best = fix;
      else {
        // The tokens were rewritten: a glued word is two now, and a rewritten word has no id.
        if (ids) {
          ids[i] = -1;
          if (tokens.length > ids.length) ids.splice(i, 0, -1);
        }
        node = trie.get(tokens[i] as string);
        fuzzy = fix === 'fuzzy';
        repaired = true;
      }
    }
    if (node) {
      best = node.term;
      for (let j = i + 1; node.next && j < tokens.length; j++) {
        // Most words carry on no phrase: known from the word alone, without asking this node.
        const after = infoAt(words, tokens, ids, j);
        if (!(after.continues ??= tables.repair.continues(tokens[j] as string))) break;
        let next = node.next.get(tokens[j] as string);
        if (!next) {
          // Inside a phrase: a clitic on its last word ("visi misinya"), a name one letter off ("Ahmad Lufthi").
          const word: string | undefined = tables.repair.unclitic(tokens[j] as string, node.next) ?? tables.repair.fuzzyKey(tokens[j] as string);
          next = word === undefined ? undefined : node.next.get(word);
          if (next) {
            tokens[j] = word as string;
            if (ids) ids[j] = -1;
          }
        }
        if (!next) break;
        node = next;
        if (node.term) { best = node.term; bestEnd = j; }
      }
    }
    if (!best) continue;
    // A name phrase reads on within one clause only: "Om, bus ke Medan" is no "Om Bus", "Rudi, Rafiq, Dimas" no pair.
    if (bestEnd > i && best.category === PASLON_NAME && ids !== undefined) {
      const cut = clauseCut(tables, ctx, tokens, ids, i, bestEnd);
      if (cut >= 0) {
        const within = longestWithin(trie, tokens, i, cut);
        if (!within) continue;
        best = within.term;
        bestEnd = within.end;
      }
    }
    // An official activity is an everyday verb one clitic from another ("bukannya" folds to buka + nya), and a
    // scripture word one from a common one ("inilah" folds to injil + lah): each is read as written only.
    if (repaired && bestEnd === i && (best.official === 'activity' || best.category === SCRIPTURE)) continue;
    // A name one letter off counts fully inside a longer phrase ("Ahmad Lufthi", "Lufthi-Yasin"), weakly alone.
    if (fuzzy && bestEnd === i) best = tables.repair.fuzzyTwin(best);
    if (best.category === PASLON_NUMBER && ((best.weight < tables.threshold
      ? isGuarded(tables, tokens, i, bestEnd)
      : isNumberFirstGuarded(tables, tokens, i)) || isSpeltDigits(tables, ctx, tokens, ids, i, bestEnd))) {
      // A weak number guarded by the count after it may be a tally's entry ("01 48%, 02 52%"): kept aside for isTally.
      const entryEnd = ids !== undefined && best.weight < tables.threshold ? tallyEnd(tables, tokens, i, bestEnd, countEnd) : -1;
      if (entryEnd >= 0) {
        (ctx.tally ??= []).push(best);
        countEnd = entryEnd;
      }
      i = Math.max(bestEnd, entryEnd);
      continue;
    }
    // "Kampanye Akbar Dedi ...": a campaign named after another person is another race's.
    if (best.category === 'act' && isOthersCampaign(tables, best, tokens, bestEnd)) {
      i = bestEnd;
      continue;
    }
    // "Pilgub DKI 2017", "pemilu 2029": an election of another year is another election.
    if (best.category === 'event' && tables.electionYear !== undefined && isOtherYear(tables.electionYear, tokens, bestEnd)) {
      i = bestEnd;
      continue;
    }
    // "RUU Pilkada", "revisi UU Pilkada": the name of a national law, DPR's business, no race (isLawName).
    if (best.category === 'event' && i > 0 && isLawName(tables, tokens, i, bestEnd)) {
      i = bestEnd;
      continue;
    }
    // "Pilgub Jabar" beside a Pilwalkot, "pilkada Kabupaten X" beside Kota X's: another Pilkada of the season.
    if (best.category === 'event' && tables.otherLevelUnits.size > 0 && isOtherLevel(tables, best, tokens, bestEnd)) {
      // A regency's race beside a city's (or the reverse) is another region's: its ballot numbers are that region's.
      if (tables.siblingLevelEvents.size > 0 && isSiblingLevel(tables, best, tokens, bestEnd)) {
        ctx.otherPilkada = 'region';
        ctx.otherRegionBy ??= 'sibling';
        ctx.otherRaceAt = ids === undefined ? -1 : Math.min(ctx.otherRaceAt ?? i, i);
      } else ctx.otherPilkada ??= 'level';
      i = bestEnd;
      continue;
    }
    if (best.category === 'event' && tables.otherRegions.size > 0 && tables.otherRegionEvents.has(best.label)
      && (isOtherRegion(tables, tokens, bestEnd) || (ids !== undefined && isUnknownPlace(tables, ctx, tokens, bestEnd)))) {
      ctx.otherPilkada = 'region';
      ctx.otherRegionBy = 'named';
      ctx.otherRaceAt = ids === undefined ? -1 : Math.min(ctx.otherRaceAt ?? i, i);
      i = bestEnd;
      continue;
    }
    // "PSU di Kabupaten Serang" beside a Pilwalkot Serang: the vote of the same-named sibling region.
    if ((best.category === 'event' || best.category === 'administration') && tables.siblingPlaces.size > 0
      && isSiblingPlaceAfter(tables, tokens, bestEnd)) {
      ctx.otherPilkada = 'region';
      ctx.otherRegionBy = 'named';
      ctx.otherRaceAt = ids === undefined ? -1 : Math.min(ctx.otherRaceAt ?? i, i);
      i = bestEnd;
      continue;
    }
    // "cawali" beside "cagub" in a Pilwalkot: this race is spoken of too, so another level's talk beside it still counts.
    if (best.category === 'candidate' && tables.ownLevelRoles.size > 0 && tables.ownLevelRoles.has(best.label)) ctx.ownRole = true;
    // "cagub", "Gubernur Terpilih" beside a Pilwalkot: the candidates of another Pilkada of the season.
    if (best.category === 'candidate' && tables.otherLevelRoles.size > 0 && tables.otherLevelRoles.has(best.label)) {
      // Their campaign is that race's too ("Kampanye Akbar Paslon Gubernur di Lapangan X" beside a Pilwalkot): as with
      // another level's election word, the campaign words beside it count nothing where no name or election word of
      // this race is found (isOtherPilkadaTalk); a ballot number stays this race's.
      ctx.otherPilkada ??= 'level';
      i = bestEnd;
      continue;
    }
    if (best.category === 'candidate' && tables.otherLevelOffices.size > 0 && tables.otherLevelOffices.has(best.label)) {
      // "Bupati Serang" beside a Pilwalkot Serang: the same-named neighbour's office, no word of this race's.
      if (tables.siblingPlaces.size > 0 && isSiblingPlaceAt(tables, tokens, i)) {
        i = bestEnd;
        continue;
      }
      // "Gubernur Banten Terpilih" beside a Pilwalkot: the role with its place's name between.
      const elected = tables.otherLevelElected.has(best.label) ? electedOtherOfficeEnd(tables, tokens, bestEnd) : -1;
      if (elected >= 0) {
        i = elected;
        continue;
      }
      // "coblos nomer 2 gawe gubernur" beside a Pilbup: the number is the governor's race's.
      if (numberEnd >= 0 && i > numberEnd && isOtherOfficeVote(tables, tokens, numberEnd, i)) {
        dropLastNumber(found);
        numberEnd = -Infinity;
      }
    }
    if (best.category === SCRIPTURE) {
      ctx.scripture = true;
      i = bestEnd;
      continue;
    }
    if (best.category === NATIONAL_FIGURE) {
      ctx.figureNamed = true;
      if (i === numberEnd + 1) dropLastNumber(found);
      figureEnd = i = bestEnd;
      continue;
    }
    if (best.category === PASLON_NUMBER && i === figureEnd + 1) {
      i = bestEnd;
      continue;
    }
    if (tables.emptyBoxNames.size > 0 && tables.emptyBoxNames.has(best.label)) {
      if (isEmptyBoxTalk(tables, tokens, i, bestEnd)) addFound(found, tables.emptyBoxTerm);
      if (best.category === EMPTY_BOX) {
        i = bestEnd;
        continue;
      }
    }
    const checks = checksOf(tables, best);
    if ((checks & PLAIN_ACT) !== 0 && isPlainAct(tables, tokens, i, bestEnd)) {
      i = bestEnd;
      continue;
    }
    if ((checks & QUEUE) !== 0 && isQueue(tables, tokens, bestEnd)) {
      i = bestEnd;
      continue;
    }
    if ((checks & PADDED) !== 0 && tables.phoneTalk.size > 0 && isPhoneTalkNear(tables, ctx, tokens, ids, i, bestEnd)) {
      i = bestEnd;
      continue;
    }
    if ((checks & SKIPPED_DUTY) !== 0 && isSkippedDuty(tables, ctx, tokens, ids, bestEnd)) {
      i = bestEnd;
      continue;
    }
    if ((checks & OTHER_SENSE) !== 0
      && (ids !== undefined ? senseWordFact(tables, ctx, tokens) : hasSenseWord(tables, tokens))) best = senseTwin(tables, best);
    if (best.category === 'party' && tables.partyOfficeTitles.size > 0 && isPartyOffice(tables, tokens, i)) best = partyTitleTwin(tables, best);
    // The strong side of a two-sided name: an acronym written in capitals (capitals say nothing in a text all in
    // capitals), a dictionary-word name written as a name (a capital, an honorific before it); either in a tag.
    const caps = best.caps;
    if (caps && (ctx.inTag || (caps.word
      ? (isTitleBefore(tables, ctx, words, tokens, ids, i) && !isClauseStart(tables, ctx, tokens, ids, i))
        || isWrittenStrong(tables, ctx, caps.form, true)
      : !(ctx.shouting ??= !LOWER.test(ctx.text)) && isWrittenStrong(tables, ctx, caps.form, false)))
      && (caps.spelt === undefined || speltFact(ctx, caps.spelt))) {
      best = caps.strong;
    }
    // "Alun-alun Kota Bogor Beres Akhir Desember": a slogan alias on the region's name after the region's unit word
    // is the place and a word said of it, weak as a common name (isRegionAsPlace).
    if (best.category === PASLON_NAME && tables.regionSlogans.size > 0 && tables.regionSlogans.has(best.label)
      && isRegionAsPlace(tokens, i)) best = asCommonPerson(tables, best);
    // Initials in lower case ("dm", "as") are ordinary words: no name here, and nothing for a slogan to lift.
    // Nor is a name that names a place or thing ("makam Abuya Dimyati", "konser Andra ...").
    // Nor is one followed by an occupation: another person of that name ("Pak Hadi guru ngaji").
    // An English possessive is read past: "X's bakery" is X's shop as "X Bakery" is.
    const ownEnd = best.category === PASLON_NAME && tokens[bestEnd + 1] === POSSESSIVE_S_TOKEN && possessiveFact(ctx) ? bestEnd + 1 : bestEnd;
    if (best.category === PASLON_NAME && (best.weight <= 0 || (!best.pair && (isNamedAfter(tables, tokens, i) || (isPersonBefore(tables, tokens, i) && !isSpeakersKin(tables, ctx, tokens, ids, i))
      || i - actingEnd <= ACTING_GAP + 1))
      || (((!best.pair && (((isOneNameWord(tables, tokens, i, bestEnd) && isEverydayAfter(tables, tokens, ownEnd)) && !isBallotCalled(tables, tokens, i)) || isOtherNameAfter(tables, tokens, ownEnd)
        || (isNeighbourAfter(tokens, ownEnd) && !isCalledBefore(tables, tokens, i, best.paslon !== undefined && best.paslon === callPaslon ? callEnd : -Infinity))))
        || (isPersonAfter(tables, tokens, ownEnd) && !isBallotCalled(tables, tokens, i) && !isCandidateTrade(tables, ctx, tokens, ids, best, i, ownEnd))) && !isCalledName(tables, ctx, tokens, ids, i, ownEnd)))) {
      if (ids !== undefined && best.paslon !== undefined && !best.pair && isKinBeside(tables, tokens, i, ownEnd)) ctx.kinNamed = withPaslon(ctx.kinNamed, best.paslon);
      i = bestEnd;
      continue;
    }
    // Weak names one after another across commas are a list of people ("Rudi, Rafiq, Dimas"), not a pair named.
    if (best.category === PASLON_NAME && isListedWeakName(tables, best, i, bestEnd, weakNameEnd) && isClauseStart(tables, ctx, tokens, ids, i)) {
      ctx.listedNames = true;
    }
    if (best.category === PASLON_NAME && ((ctx.othersHandle === true && !best.pair && bestEnd === i) || (isKinOf(tables, best, tokens, i, bestEnd) && !isSpeakersKin(tables, ctx, tokens, ids, i)) || isAskedName(tables, ctx, best, tokens, i, bestEnd)
      || isWritersKinAfter(tables, best, tokens, bestEnd))) best = asOtherPerson(tables, best);
    if (best.category === PASLON_NAME && !best.pair && isHomeOf(tables, tokens, i, bestEnd) && !isCampHome(tables, ctx, tokens, ids, bestEnd)) best = asOtherPerson(tables, best);
    if (best.category === PASLON_NAME && !best.pair && (isAddressedByTitle(tables, ctx, tokens, ids, i, bestEnd) || isOtherOfficeBefore(tables, tokens, i)
      || isOtherOfficeAfter(tables, ctx, tokens, ids, bestEnd) || isPreachingCleric(tables, tokens, i, bestEnd)
      || (bestEnd === i && tables.siblingPlaces.size > 0 && (ids !== undefined ? siblingOfficeFact(tables, ctx, tokens) : hasSiblingOffice(tables, tokens))))) {
      best = asCommonPerson(tables, best);
    }
    // "Rudy Mas'ud menang Pilgub" beside a Rahmad Mas'ud: the surname is another of the family's, in any case.
    const otherFamily = i > 0 && best.category === PASLON_NAME && isOtherFamilyName(tables, best, tokens, i);
    if (otherFamily) best = asCommonPerson(tables, best);
    addFound(found, best);
    if ((best.category === 'administration' || best.category === 'event') && tables.voterPlaces.has(best.label)
      // The text's own tokens (ids) are read whole once per text; a tag's few tokens each time.
      && (ids !== undefined ? voterThingFact(tables, ctx, tokens) : hasVoterThing(tables, tokens))) addFound(found, tables.voterAtPlace);
    if (ids !== undefined && (best.category === OTHER_ELECTION || tables.nationalTerms.has(best)
      || (best.category === 'administration' && tables.voteDates.size > 0 && isVoteDateAt(tables, tokens, i, bestEnd)))) {
      noteElectionDay(ctx, best, i);
    }
    if (best.category === PASLON_NAME) {
      // "Matius 5:9", "Yohanes 3:16": a name before chapter and verse is a book of scripture, read as scripture talk.
      if (!best.pair && ctx.scripture !== true && isVerseAfter(ctx, tokens, bestEnd)) ctx.scripture = true;
      // "Kisah Zulkarnain dalam Al-Qur'an": a figure of scripture, told of in its book.
      if (!best.pair && ctx.scripture !== true && tables.scriptureBooks.size > 0 && isScriptureBookAfter(tables, tokens, bestEnd)) ctx.scripture = true;
      const item = isRosterItem(tables, ctx, tokens, ids, i);
      if (item) (ctx.rosterNames ??= []).push(best);
      else (ctx.freeNames ??= []).push(best);
      if (bestEnd === i && !best.pair && best.weight < tables.threshold) weakNameEnd = i;
      if (bestEnd === i && !best.pair && best.weight < tables.threshold && isTitleBefore(tables, ctx, words, tokens, ids, i)
        && !isClauseStart(tables, ctx, tokens, ids, i)) {
        if (item) ctx.rosterTitled = true;
        else ctx.titledWeakName = true;
      }
      // Another's name makes no slogan of the candidate's: "Rudy Masud menang" is Rudy's win.
      if (!otherFamily) nameContext(tables, tokens, i, bestEnd, best, found);
      // A surname after a word that may be another's given name: asWritten reads how the two are written.
      if (bestEnd === i && i > 0 && ids !== undefined && ctx.surnameAfterWord === undefined && tables.surnames.has(best)) {
        const before = tokens[i - 1] as string;
        if (!tables.knownWords.has(before) && !tables.foldedDictionary.has(before) && !isDigit(before)) ctx.surnameAfterWord = true;
      }
      nameStart = i;
      if (ids !== undefined) {
        ctx.firstNameAt ??= i;
        ctx.lastNameAt = i;
      }
      if (i - titleEnd <= TITLE_GAP + 1) {
        ctx.titledName = true;
        // The title in the name's own clause ("Bupati X Minta Dinas ..."), not a sentence before ("... jadi wagub. X ngerti DPRD").
        if (ctx.titleFirst !== true && ids !== undefined && isBusinessAfterName(tables, tokens, bestEnd) && clauseCut(tables, ctx, tokens, ids, titleEnd, i) < 0) ctx.titleFirst = true;
        // "Wali Kota X: ..." at the head of a headline: the office's own word, an official act as a document is.
        if (ids !== undefined && ctx.officialQuote === undefined && isQuotedBy(ctx.text, bestEnd)) ctx.officialQuote = true;
      }
      if (i - formerEnd <= TITLE_GAP + 1) ctx.formerOffice = true;
      nameEnd = bestEnd;
    } else if (best.official === 'activity' && (i === nameEnd + 1 || (i === nameEnd + 2 && ACT_TIME_WORDS.has(tokens[nameEnd + 1] as string)))
      && !tables.appeals.has(best) && isHonouredName(tables, ctx, tokens, ids, nameStart)) {
      // "HM Rudi resmikan flyover", "Pak Ansar hadiri Isra Miraj": the office at work, as a title would say.
      ctx.actingName = true;
    } else if (best.official === 'activity' && i - nameEnd <= BARE_ACTING_GAP + 1 && !tables.appeals.has(best)) {
      // "X hadiri rakor stunting", "X sampaikan reses": the office's own business, which no candidate out of office has.
      // The office's business is one answer per text (officeBusinessFact): asked per name and activity, a text repeating
      // them ("X Hadiri ...") made one pass over the whole text each.
      if ((ids !== undefined ? officeBusinessFact(tables, ctx, tokens) : hasOfficeBusiness(tables, tokens)) || isRegionAward(tables, best, tokens, bestEnd)) ctx.actingName = true;
      else ctx.bareActivity = true;
    } else if (best.official === 'title') {
      // An office the name is to win ("X layak jadi bupati") titles it not, nor another's title after it ("..., Bupati Y meresmikan").
      if (i - nameEnd <= TITLE_GAP + 1 && aimedFor !== nameEnd && isAimedOffice(tables, tokens, i)) aimedFor = nameEnd;
      if ((i - nameEnd <= TITLE_GAP + 1 && aimedFor !== nameEnd) || isRoleAfterName(tables, tokens, i, nameEnd)) ctx.titledName = true;
      if (isRoleAfterName(tables, tokens, i, nameEnd)) ctx.roleTitled = true;
      if (i > 0 && tables.formerWords.has(tokens[i - 1] as string)) {
        // A former office next to a candidate's name, either side ("mantan Bupati X", "X, mantan wali kota"), not another's.
        if (i - nameEnd <= TITLE_GAP + 1) ctx.formerOffice = true;
        formerEnd = bestEnd;
      }
      if (i > 0 && tables.documentWords.has(tokens[i - 1] as string)) ctx.titledName = ctx.officialDocument = true;
      if (isActingTitle(tables, tokens, i, bestEnd)) actingEnd = bestEnd;
      if (i === numberEnd + 1) ctx.numberedOffice = true;
      if (i - voteEnd > 1 && best.category === 'candidate' && isVotedOffice(tables, tokens, voteEnd, i)) ctx.votedOffice = true;
      if (best.category === 'candidate' && tables.whoever.length > 0 && isWhoeverOffice(tables, tokens, i, bestEnd)) ctx.votedOffice = true;
      titleEnd = bestEnd;
    } else if (best.category === REGION) {
      // "X sambutan di HUT Contoh ke-25": the region's own anniversary, which its office holds (see OfficialPosts.anniversaries).
      if (ctx.bareActivity && isAnniversaryBefore(tables, tokens, i)) ctx.actingName = true;
      if (i - paddedEnd <= REGION_GAP + 1) ctx.regionalNumber = true;
      regionEnd = bestEnd;
    } else if ((checksOf(tables, best) & PADDED) !== 0) {
      if (i - regionEnd <= REGION_GAP + 1) ctx.regionalNumber = true;
      // "kosong satu, kosong dua": the next number right after the last one is counting (a mic test), not a ballot.
      if (best.paslon !== undefined && isNextPaddedAfter(tokens, bestEnd, best.paslon)) ctx.counting = true;
      paddedEnd = bestEnd;
    }
    // The term's checks by label, read from its bits (best may be a twin made above: it keeps its label's bits).
    const labelChecks = checksOf(tables, best);
    if ((labelChecks & SERVANT_ACT) !== 0 && isServantCampaign(tables, tokens, i)) ctx.joinedCampaign = true;
    if ((labelChecks & COUNT_TERM) !== 0 && ctx.countResult === undefined) ctx.countResult = isCountResult(tables, tokens);
    if (i === nameEnd + 1 && (labelChecks & NAME_ACT) !== 0 && isNameAct(tables, tokens, bestEnd)) ctx.nameAct = true;
    // A ballot verb read as a term of its own ("menangkan", then "paslon 2"): a call for the number after it.
    if (bestEnd === i && tables.ballotVerbs.has(tokens[i] as string)) ballotVerbEnd = bestEnd;
    if ((labelChecks & VOTE_VERB) !== 0) {
      voteEnd = bestEnd;
      if (tables.giverWords.size > 0 && isBoughtVote(tables, tokens, bestEnd)) ctx.boughtVote = true;
    }
    // "bagi sembako dari nomor 1", "ulah nampi duit ti calon": money or goods from a camp.
    if ((best.category === PASLON_NUMBER || best.category === 'candidate') && i > 1 && tables.fromWords.has(tokens[i - 1] as string)
      && isGivenFromCamp(tables, ctx, best, tokens, ids, i, bestEnd)) ctx.givenFromCamp = true;
    if (best.category === PASLON_NUMBER) {
      // Only in the text's own words (ids given), not inside a hashtag, where the start is the tag's.
      if (ids && ctx.subjectNumber === undefined && best.weight < tables.threshold && isSubjectNumber(tables, tokens, i, bestEnd, best, ctx.text)) ctx.subjectNumber = true;
      const verbCalled = (voteEnd === i - 1 || ballotVerbEnd === i - 1) && !isVoteCall(tables.callVerbs, best) && best.paslon !== undefined;
      if (verbCalled) ctx.calledNumbers = withPaslon(ctx.calledNumbers, best.paslon as number);
      if (ids !== undefined && ctx.voteCallAt === undefined && (verbCalled || isVoteCall(tables.callVerbs, best))) ctx.voteCallAt = i;
      if (verbCalled || isVoteCall(tables.callVerbs, best)) {
        callEnd = bestEnd;
        callPaslon = best.paslon;
      }
      if (ids !== undefined) {
        ctx.firstNumberAt ??= i;
        ctx.lastNumberAt = i;
      }
      numberEnd = bestEnd;
    }
    i = bestEnd;
  }
}

/**
 * A clause boundary right before `tokens[k]` of the text itself (not of a hashtag, which has no ids):
 * the words either side of a comma, full stop, question or exclamation mark, colon, semicolon or line
 * break read apart. Worked out once per text, and only when a phrase or an honorific needs it.
 */
function isClauseStart(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[] | undefined, k: number): boolean {
  if (ids === undefined || k <= 0) return false;
  return (ctx.clauses ??= clauseStarts(ctx.text, tokens.length, tables.honorifics)).has(k);
}

/** The first clause start in (start, end], or -1: the words of a phrase found there read apart. */
function clauseCut(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[], start: number, end: number): number {
  for (let k = start + 1; k <= end; k++) if (isClauseStart(tables, ctx, tokens, ids, k)) return k;
  return -1;
}

/** The longest term of the trie over tokens[start..cut - 1], and where it ends. */
function longestWithin(trie: Trie, tokens: string[], start: number, cut: number): { term: Term; end: number } | undefined {
  let node = trie.get(tokens[start] as string);
  let found: { term: Term; end: number } | undefined = node?.term ? { term: node.term, end: start } : undefined;
  for (let j = start + 1; node?.next && j < cut; j++) {
    node = node.next.get(tokens[j] as string);
    if (node?.term) found = { term: node.term, end: j };
  }
  return found;
}

/** Folded token -> written forms of {@link Vocabulary.writtenHonorifics}. */
function writtenHonorificForms(vocab: Vocabulary): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const form of vocab.writtenHonorifics ?? []) {
    const key = tokenize(form, FOLD).join(' ');
    forms.set(key, [...(forms.get(key) ?? []), form]);
  }
  return forms;
}

/**
 * An honorific right before tokens[i] that makes the word after it a name: any honorific, but one that is a chat
 * word too ("hmm", "it") only where the text writes it as the title ("HM Rudi", "Yth Bapak"; a whole word, case kept).
 */
function isTitleBefore(tables: Tables, ctx: ScanContext, words: WordInfos, tokens: string[], ids: number[] | undefined, i: number): boolean {
  if (i === 0 || !infoAt(words, tokens, ids, i - 1).honorific) return false;
  const forms = tables.writtenHonorifics.get(tokens[i - 1] as string);
  return forms === undefined || isAnyWrittenWhole(ctx, forms);
}

/**
 * Whether the text writes any of `forms` as a whole word ("h" + form; see {@link textFact}). Apart from
 * {@link isTitleBefore}, asked of nearly every unknown word: a closure there made its scope anew on every call.
 */
function isAnyWrittenWhole(ctx: ScanContext, forms: string[]): boolean {
  return forms.some((form) => textFact(ctx, `h${form}`, () => hasWholeWord(ctx.text, form)));
}

/** `word` in `text` as a whole word, its case kept. */
function hasWholeWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if ((at === 0 || !isAsciiAlnum(text.charCodeAt(at - 1))) && (end === text.length || !isAsciiAlnum(text.charCodeAt(end)))) return true;
  }
  return false;
}

/** A name that starts with an honorific ("HM Rudi" as listed) or comes right after one in its clause ("Pak Ansar"). */
function isHonouredName(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[] | undefined, start: number): boolean {
  if (tables.honorifics.has(tokens[start] as string)) return true;
  return start > 0 && tables.honorifics.has(tokens[start - 1] as string) && !isClauseStart(tables, ctx, tokens, ids, start);
}

/** Most words a headline's speaker may take before its colon ("Wakil Wali Kota Contoh X Y Z:"). */
const MAX_SPEAKER_WORDS = 8;

/**
 * The text's first colon comes right after its word `end` (tokens counted from the text's start), with words after
 * it: "Wali Kota X: sampah diangkut tiap hari" is the office holder's statement. Asked once a titled name is read.
 */
function isQuotedBy(text: string, end: number): boolean {
  if (end >= MAX_SPEAKER_WORDS) return false;
  const colon = text.indexOf(':');
  if (colon < 0 || !/\s/.test(text.charAt(colon + 1))) return false;
  return tokenize(text.slice(0, colon), FOLD).length === end + 1;
}

/** When and aspect words between an honoured name and its activity ("Pak X kemarin resmikan", "Bu X sudah meninjau"). */
const ACT_TIME_WORDS = new Set(['tadi', 'kemarin', 'kemaren', 'kmrn', 'semalam', 'barusan', 'sudah', 'udah', 'udh', 'sdh', 'telah', 'akan', 'bakal', 'langsung']);

/** Words an official activity may stand after a candidate's bare name and still be theirs ("X sampaikan reses"). */
const BARE_ACTING_GAP = 1;

/** Phrases as their words, grouped by their first word. */
function byFirstWord(keys: string[][]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const key of keys) {
    const list = out.get(key[0] as string);
    if (list) list.push(key);
    else out.set(key[0] as string, [key]);
  }
  return out;
}

/**
 * A campaign act right after a name ({@link Vocabulary.nameActs}), no cause after it: the name's own campaign, not
 * a social one ("kampanye anti narkoba"). Asked only of an act term right after a name.
 */
function isNameAct(tables: Tables, tokens: string[], end: number): boolean {
  const next = tokens[end + 1];
  return next === undefined || !tables.nameActCauses.has(next);
}

/** Words a region's government may stand after an award word and still name the award ("Penghargaan Digitalisasi Daerah"). */
const REGION_AWARD_GAP = 2;

/**
 * An award named for a region's government right after an activity found after a bare name ({@link
 * OfficialPosts.regionAwards}): "X Terima Penghargaan Kabupaten Layak Anak". Asked only of an award term.
 */
function isRegionAward(tables: Tables, best: Term, tokens: string[], end: number): boolean {
  if (!tables.regionAwards.has(best)) return false;
  for (let k = end + 1; k <= end + REGION_AWARD_GAP && k < tokens.length; k++) if (tables.regionAwardUnits.has(tokens[k] as string)) return true;
  return false;
}

/** The text names an office's own business ({@link OfficialPosts.officeBusiness}); asked only after a name and an activity. */
function hasOfficeBusiness(tables: Tables, tokens: string[]): boolean {
  // One pass over the text, each word looked up by the first words of the business: not a pass per phrase.
  return hasPhraseOf(tables.officeBusiness, tokens);
}

/**
 * A candidate given a title by a role word ("X selaku anggota DPRD", "X, sebagai wali kota, ...") and the office's
 * own business ({@link OfficialPosts.officeBusiness}: "Pemprov", "dinas", "pegawai", "APBD") with no activity word:
 * the office at work as an activity would say ("X selaku anggota DPRD minta Pemprov perbaiki jalan"). A title
 * alone is not enough: "X dulu anggota DPRD" and "mantan pejabat pemprov" are a candidate's record, read in the
 * race's talk. The campaign signals still keep it this race's ({@link isOfficialPost}).
 */
function isTitledBusiness(tables: Tables, found: Term[], tokens: string[]): boolean {
  return !found.some((t) => t.official === 'activity') && hasOfficeBusiness(tables, tokens);
}

/** Words an office's business may stand after a titled name: the verb of the instruction ("Minta", "Perintahkan"). */
const BUSINESS_GAP = 1;

/**
 * The office's own business ({@link OfficialPosts.officeBusiness}) right after a candidate's name, or one word (the
 * verb) between: "Bupati X Minta Dinas PUPR Percepat Perbaikan Jalan", "Wali Kota X Perintahkan OPD ...". With an
 * official title right before the name and no activity word ({@link isTitleFirstBusiness}) it is the officeholder
 * instructing the government's own agencies, which only the office does, in every region's news. Asked only of a
 * name with a title right before it. The business further off is not enough: "KPK geledah Dinas ... Gubernur X"
 * is talk about the candidate, not the office at work. (Pilbup Tangerang and Pilbup Cianjur sets, issue 20.)
 */
function isBusinessAfterName(tables: Tables, tokens: string[], end: number): boolean {
  for (let at = end + 1; at <= end + 1 + BUSINESS_GAP && at < tokens.length; at++) {
    if (isTablePhraseAt(tables.officeBusiness, tokens, at)) return true;
  }
  return false;
}

/**
 * A candidate called by an official title right before the name with the office's business just after it
 * ({@link isBusinessAfterName}) and no activity word in the text: the office at work, as a title given with a role
 * word and the business beside it is ({@link isTitledBusiness}). A candidate out of office has no "Bupati" before the
 * name, and "mantan Bupati X" is a record (formerOffice); the campaign signals still keep it this race's
 * ({@link isOfficialPost}).
 */
function isTitleFirstBusiness(found: Term[]): boolean {
  return !found.some((t) => t.official === 'activity');
}

/** A year in a paslon file's `election` ("Pilgub Kepulauan Riau 2024"). */
const ELECTION_YEAR = /\b(?:19|20)\d\d\b/;
/** Words an election word's year may stand after it (its region: "Pilgub DKI 2017", "pilkada Kota Solo 2020"). */
const YEAR_GAP = 2;

/** Words naming a law or a draft of one, folded ("RUU" reads "ru", "UU" "u"). */
const LAW_WORDS = new Set(['ruu', 'perppu', 'perpu', 'undang'].map((w) => tokenize(w, FOLD).join('')));

/**
 * An election word right after a law word, and no other term of the vocabulary or the paslon file in the text: the
 * law's name alone ("DPR sahkan RUU Pilkada", "Perppu Pilkada", "undang-undang pilkada"), which the DPR and the
 * government debate in every region's news: national politics, as the labelling rule calls it, not this race. Any
 * other term beside it (a vote word, a name, a number) keeps it read as before: the dev set labels a legislator's
 * talk of choosing over the RUU Pilkada as Pilkada. "UU" is left out: folded it is "u", chat's "untuk". Asked only
 * of an event term after a law word; the look at the other words is one pass over the text.
 */
function isLawName(tables: Tables, tokens: string[], at: number, end: number): boolean {
  if (!LAW_WORDS.has(tokens[at - 1] as string)) return false;
  for (let k = 0; k < tokens.length; k++) if ((k < at || k > end) && tables.trie.has(tokens[k] as string)) return false;
  return true;
}

/** A year other than the election's within YEAR_GAP words after an election word ("pilgub DKI 2017", "pemilu 2029"). */
function isOtherYear(year: string, tokens: string[], end: number): boolean {
  for (let k = end + 1; k <= end + 1 + YEAR_GAP && k < tokens.length; k++) {
    const t = tokens[k] as string;
    if (t.length === 4 && isDigit(t) && (t.startsWith('19') || t.startsWith('20'))) return t !== year;
  }
  return false;
}

/**
 * The election words and units of the levels other than the one the paslon file's `election` names (its election
 * words first, then its units: "Pilwalkot Kota Contoh 2024" is a walikota's); none when it names none.
 */
function otherLevels(vocab: Vocabulary, paslon: PaslonFile | undefined):
  Pick<Tables, 'otherLevelEvents' | 'otherLevelUnits' | 'otherLevelRoles' | 'ownLevelRoles' | 'ownLevelOffices' | 'otherLevelOffices' | 'otherLevelElected' | 'siblingLevelEvents' | 'siblingLevelUnits'> {
  const none = { otherLevelEvents: new Set<string>(), otherLevelUnits: new Set<string>(), otherLevelRoles: new Set<string>(),
    ownLevelRoles: new Set<string>(), ownLevelOffices: new Map<string, string[][]>(), otherLevelOffices: new Set<string>(), otherLevelElected: new Set<string>(), siblingLevelEvents: new Set<string>(), siblingLevelUnits: new Set<string>() };
  const levels = Object.entries(vocab.electionLevels ?? {});
  if (!paslon || levels.length === 0) return none;
  const election = ` ${tokenize(paslon.election, FOLD).join(' ')} `;
  const names = (phrases: string[]): boolean => phrases.some((p) => election.includes(` ${tokenize(p, FOLD).join(' ')} `));
  const own = levels.find(([, l]) => names(l.events)) ?? levels.find(([, l]) => names(l.units));
  if (!own) return none;
  for (const r of own[1].roles ?? []) none.ownLevelRoles.add(r);
  const ownOffices = new Set<string>();
  otherLevelOffices(own[1].roles ?? [], ownOffices, new Set<string>());
  none.ownLevelOffices = byFirstWord([...ownOffices].map((o) => tokenize(o, FOLD)).filter((key) => key.length > 0));
  for (const [level, l] of levels) {
    if (level === own[0]) continue;
    for (const e of l.events) none.otherLevelEvents.add(e);
    for (const u of l.units) for (const w of tokenize(u, FOLD)) none.otherLevelUnits.add(w);
    for (const r of l.roles ?? []) none.otherLevelRoles.add(r);
    otherLevelOffices(l.roles ?? [], none.otherLevelOffices, none.otherLevelElected);
    if (own[1].wide === true || l.wide === true) continue;
    for (const e of l.events) none.siblingLevelEvents.add(e);
    for (const u of l.units) for (const w of tokenize(u, FOLD)) none.siblingLevelUnits.add(w);
  }
  return none;
}

/** The word after an office that makes it the race's winner ("gubernur terpilih"). */
const ELECTED_WORD = 'terpilih';
/** Words before an office that make it a race's candidate ("calon gubernur", "nyalon bupati"). */
const CANDIDACY_WORDS = ['calon', 'kandidat', 'nyalon'];

/**
 * The offices a level's roles name, each role read once per classifier: "calon gubernur", "kandidat gubernur" and
 * "nyalon gubernur" name "gubernur", and "gubernur terpilih" names it with the elected word after it (`elected`).
 * Another level's office is evidence of this race only as any office is; beside a ballot number or the elected
 * word it names that level's race ({@link isOtherOfficeVote}, {@link electedOtherOfficeEnd}).
 */
function otherLevelOffices(roles: string[], offices: Set<string>, elected: Set<string>): void {
  for (const role of roles) {
    const space = role.indexOf(' ');
    if (space < 0) continue;
    if (CANDIDACY_WORDS.includes(role.slice(0, space))) offices.add(role.slice(space + 1));
    if (role.endsWith(` ${ELECTED_WORD}`)) {
      const office = role.slice(0, -ELECTED_WORD.length - 1);
      offices.add(office);
      elected.add(office);
    }
  }
}

/** Words a place's name may take between an office and the elected word ("Gubernur Jawa Barat Terpilih"). */
const MAX_ELECTED_GAP = 2;

/**
 * Another level's office ending at `end`, its place's name and the elected word after it ("Gubernur Banten
 * Terpilih" beside a Pilwalkot): that race's winner, as the role "gubernur terpilih" is. The index of the elected
 * word, or -1; the words between must start no term of this election (a candidate's name, the region), so that a
 * candidate named between ("Bupati Darsono terpilih lagi" beside a Pilgub) is still read.
 */
function electedOtherOfficeEnd(tables: Tables, tokens: string[], end: number): number {
  for (let k = end + 1; k <= end + 1 + MAX_ELECTED_GAP && k < tokens.length; k++) {
    const t = tokens[k] as string;
    if (t === ELECTED_WORD) return k > end + 1 ? k : -1;
    if (tables.trie.has(t)) return -1;
  }
  return -1;
}

/**
 * Another level's office after a ballot number with only words of {@link Vocabulary.votedOffice}'s gaps between, at
 * least one ("coblos nomor 2 buat gubernur", "no 1 gawe bupati" beside a Pilwalkot): the number is that race's. Right
 * after the number the office stays the number's candidate's, as any office does ("solid ke nomor 3 bupati").
 */
function isOtherOfficeVote(tables: Tables, tokens: string[], numberEnd: number, office: number): boolean {
  return office > numberEnd + 1 && isVotedOffice(tables, tokens, numberEnd, office);
}

/**
 * The election word at `best` (ending at `end`) is a sibling level's ({@link Tables.siblingLevelEvents}), or is followed by
 * a sibling level's unit: "Pilbup X" or "pilkada kabupaten X" beside a Pilwalkot, "Pilwalkot X" beside a Pilbup.
 * Asked only of an election word {@link isOtherLevel} already found another level's.
 */
function isSiblingLevel(tables: Tables, best: Term, tokens: string[], end: number): boolean {
  if (tables.siblingLevelEvents.has(best.label)) return true;
  const next = tokens[end + 1];
  return next !== undefined && tables.siblingLevelUnits.has(next);
}

/** An election word of another level ("pilgub" beside a Pilwalkot), or one followed by another level's unit ("pilkada kabupaten"). */
function isOtherLevel(tables: Tables, best: Term, tokens: string[], end: number): boolean {
  if (tables.otherLevelEvents.has(best.label)) return true;
  const next = tokens[end + 1];
  return next !== undefined && tables.otherLevelUnits.has(next);
}

/** The regions of {@link Vocabulary.otherRegions} that are not the paslon file's election's own (its words, or a short form of them). */
function otherRegionTable(vocab: Vocabulary, paslon: PaslonFile | undefined, honorifics: Set<string>): Map<string, string[][]> {
  const table = new Map<string, string[][]>();
  if (!paslon || !vocab.otherRegions) return table;
  const election = new Set(tokenize(paslon.election, FOLD));
  const own = new Set(regionPhrases(paslon.election, honorifics).map((r) => tokenize(r.join(' '), FOLD).join(' ')));
  for (const group of vocab.otherRegions.regions) {
    const keys = group.map((region) => tokenize(region, FOLD));
    if (keys.some((key) => own.has(key.join(' ')) || key.every((w) => election.has(w)))) continue;
    for (const key of keys) {
      const first = key[0];
      if (first === undefined) continue;
      let list = table.get(first);
      if (!list) table.set(first, (list = []));
      list.push(key.slice(1));
    }
  }
  return table;
}

/**
 * The consonants of the election's own region words: its `election` words and those of the {@link Vocabulary.otherRegions}
 * groups {@link otherRegionTable} leaves out as its own. Only these make a capitalised place no unknown one
 * ({@link isUnknownPlace}): a listed region in another spelling is still another region, and two regions may share
 * their consonants ("Purbalingga" and "Probolinggo": a Pilbup Purbalingga beside a Pilbup Banyumas is another
 * region's race, though Probolinggo is listed and Purbalingga is not).
 */
function ownRegionSkeletons(vocab: Vocabulary, paslon: PaslonFile | undefined, honorifics: Set<string>): Set<string> {
  const skeletons = new Set<string>();
  if (!paslon) return skeletons;
  const election = tokenize(paslon.election, FOLD);
  const electionWords = new Set(election);
  const own = new Set(regionPhrases(paslon.election, honorifics).map((r) => tokenize(r.join(' '), FOLD).join(' ')));
  const words = election.filter((w) => !isDigit(w) && !NOT_REGION.has(w));
  for (const group of vocab.otherRegions?.regions ?? []) {
    const keys = group.map((region) => tokenize(region, FOLD));
    if (keys.some((key) => own.has(key.join(' ')) || key.every((w) => electionWords.has(w)))) for (const key of keys) words.push(...key);
  }
  for (const w of words) {
    const c = consonants(w);
    if (c.length >= MIN_SKELETON) skeletons.add(c);
  }
  return skeletons;
}

/**
 * Compass words that name a neighbour after a regency or city ("Tangerang Selatan", "Bandung Barat"), each with the
 * short ends its glued short form takes ("Tang"+"sel", "Kab"+"bar": "Tangsel", "Kubar").
 */
const COMPASS_WORDS: readonly (readonly [string, readonly string[]])[] = [
  ['selatan', ['sel']], ['utara', ['ut', 'tara']], ['barat', ['bar']], ['timur', ['tim']], ['tengah', ['teng']],
];
/** Starts of the region word a glued compass form keeps ("tang" of "tangerang" in "tangsel"). */
const COMPASS_START_MIN = 3;
const COMPASS_START_MAX = 5;

/**
 * The neighbours named after a regency's or city's own one-word name with a compass word, which are other regions
 * with their own Pilkada the same day: "Tangerang Selatan" and "Tangsel" beside Pilwalkot Tangerang, "Bandung Barat"
 * and "KBB" (the unit's initial, the name's and the compass word's) beside Pilbup Bandung (Pilbup Bandung and
 * Pilwalkot Tangerang sets, issue 20). A compass word in the election's own name is its own ("Pilwalkot Tangerang
 * Selatan"); a province's race (a wide level) gets none, as its own cities and regions may be named so ("Jakarta
 * Selatan"). Built once per paslon file, into the table {@link isOtherRegion} reads.
 */
function withCompassSiblings(table: Map<string, string[][]>, vocab: Vocabulary, paslon: PaslonFile | undefined, foldedDictionary: Set<string>,
  compassWords: Set<string>): Map<string, string[][]> {
  if (!paslon) return table;
  const election = tokenize(paslon.election, FOLD);
  const own = Object.values(vocab.electionLevels ?? {}).find((l) => l.events.some((e) => election.join(' ').includes(tokenize(e, FOLD).join(' '))));
  if (!own || own.wide === true) return table;
  // The region as written, first of regionPhrases (the short forms after it are not read here).
  const region = regionPhrases(paslon.election, new Set())[0];
  if (region?.length !== 1) return table;
  const word = region[0] as string;
  const unit = tokenize(own.units[0] ?? '', FOLD).join('').charAt(0);
  const add = (key: string[]): void => {
    const [first, ...rest] = key;
    if (first === undefined || (election.includes(first) && rest.length === 0)) return;
    let list = table.get(first);
    if (!list) table.set(first, (list = []));
    list.push(rest);
  };
  for (const [compass, ends] of COMPASS_WORDS) {
    const full = tokenize(compass, FOLD).join('');
    if (election.includes(full)) continue;
    add([word, full]);
    for (let k = COMPASS_START_MIN; k <= COMPASS_START_MAX && k < word.length; k++) {
      for (const end of ends) {
        const glued = word.slice(0, k) + end;
        // The region's own name may be glued so ("gar"+"ut" of Garut): never a neighbour.
        if (election.includes(tokenize(glued, FOLD).join(''))) continue;
        // A dictionary word is a place only as written capitalised ("Pilwalkot Tangsel", not "pilkada salut").
        // The region's word is folded, so the glued form is asked folded.
        if (foldedDictionary.has(tokenize(glued, FOLD).join(''))) compassWords.add(tokenize(glued, FOLD).join(''));
        else add([tokenize(glued, FOLD).join('')]);
      }
    }
    if (unit !== '') add([tokenize(unit + word.charAt(0) + full.charAt(0), FOLD).join('')]);
  }
  return table;
}

/** Words that put a vote event in a place ("PSU di Kabupaten X", Javanese "ning", Sundanese "dina"). */
const PLACE_WORDS = new Set(['di', 'ning', 'nang', 'neng', 'ing', 'dina']);

/**
 * The election's own region named with a sibling level's unit or office: beside a Pilwalkot Serang, "Kabupaten
 * Serang", "Kab Serang", "Bupati Serang", "Wakil Bupati Serang"; beside a Pilbup Bandung, "Kota Bandung" and "Wali Kota
 * Bandung". Many regencies share their name with a city carved out of them (Bandung, Bogor, Bekasi, Tangerang,
 * Serang, Semarang, Malang, Kediri, Kupang, Sorong, ...), each with its own Pilkada the same day, so the pair names
 * the neighbour, never this race (Pilwalkot Serang set, issue 20). Beside a Pilbup only a region the vocabulary
 * lists as a city (`otherRegions`) has such a twin: "kota Karawang" is the regency's own town centre. None beside a
 * wide level's election, whose own cities and regencies these are. Built once per paslon file.
 */
function siblingNamesakes(vocab: Vocabulary, paslon: PaslonFile | undefined): Map<string, string[][]> {
  const table = new Map<string, string[][]>();
  const levels = Object.entries(vocab.electionLevels ?? {});
  if (!paslon || levels.length === 0) return table;
  const election = ` ${tokenize(paslon.election, FOLD).join(' ')} `;
  const names = (phrases: string[]): boolean => phrases.some((p) => election.includes(` ${tokenize(p, FOLD).join(' ')} `));
  const own = levels.find(([, l]) => names(l.events)) ?? levels.find(([, l]) => names(l.units));
  if (!own || own[1].wide === true) return table;
  const region = regionPhrases(paslon.election, new Set())[0];
  if (region === undefined) return table;
  // A city's twin regency is written only where it exists; a regency's twin city only where the vocabulary lists it.
  const cityUnit = own[1].units.some((u) => tokenize(u, FOLD).join(' ') === 'kota');
  const listed = (vocab.otherRegions?.regions ?? []).some((group) => group.some((r) => tokenize(r, FOLD).join(' ') === region.join(' ')));
  if (!cityUnit && !listed) return table;
  for (const [level, l] of levels) {
    if (level === own[0] || l.wide === true) continue;
    const offices = new Set<string>();
    otherLevelOffices(l.roles ?? [], offices, new Set());
    for (const head of [...l.units, ...offices]) {
      const key = [...tokenize(head, FOLD), ...region];
      const first = key[0] as string;
      let list = table.get(first);
      if (!list) table.set(first, (list = []));
      list.push(key.slice(1));
    }
  }
  return table;
}

/** The sibling level's place ({@link siblingNamesakes}) starting at `k`: "kabupaten serang", "bupati serang". */
function isSiblingPlaceAt(tables: Tables, tokens: string[], k: number): boolean {
  const rests = tables.siblingPlaces.get(tokens[k] as string);
  return rests !== undefined && rests.some((rest) => rest.every((w, j) => tokens[k + 1 + j] === w));
}

/** A place word, then the same-named sibling's unit and region, right after a vote term ending at `end` ("PSU di Kabupaten Serang"). */
function isSiblingPlaceAfter(tables: Tables, tokens: string[], end: number): boolean {
  return PLACE_WORDS.has(tokens[end + 1] as string) && isSiblingPlaceAt(tables, tokens, end + 2);
}

/**
 * The same-named sibling's office anywhere in the text ("Bupati Serang" beside a Pilwalkot Serang): a one-word name
 * there is that office's holder or someone beside them, as weak as a common name ("Ratu Tatu Chasanah, Bupati Serang
 * ..."); election talk beside it still makes it the candidate's. Asked once per text, only where a one-word name is found.
 */
function hasSiblingOffice(tables: Tables, tokens: string[]): boolean {
  for (let k = 0; k < tokens.length; k++) {
    // Its unit alone ("warga Kabupaten Serang") names the place, not an office holder.
    if (isSiblingPlaceAt(tables, tokens, k) && !tables.siblingLevelUnits.has(tokens[k] as string)) return true;
  }
  return false;
}

/** Words an election word's region may stand after ("pilkada kota Medan"). */
const REGION_LINKS = new Set(['kota', 'kab', 'kabupaten', 'provinsi', 'prov']);

/** Another region of {@link Vocabulary.otherRegions} right after an election word, one link word between allowed. */
function isOtherRegion(tables: Tables, tokens: string[], end: number): boolean {
  let k = end + 1;
  if (REGION_LINKS.has(tokens[k] as string)) k++;
  const rests = tables.otherRegions.get(tokens[k] as string);
  if (rests === undefined) return false;
  // Loops, not `some` and `every` with closures: a closure holding `k` made this function's scope anew on every call.
  for (const rest of rests) {
    let j = 0;
    while (j < rest.length && tokens[k + 1 + j] === rest[j]) j++;
    if (j === rest.length) return true;
  }
  return false;
}

/**
 * A place the vocabulary does not list, capitalised right after an election word, one link word between allowed
 * ("Pilkada Kampar", "pilbup Kab. Siak"): no known word, no dictionary word, no word of this election's region or
 * candidates (those are known words), so another region's Pilkada. Only the regions the vocabulary lists are
 * matched in lower case ({@link isOtherRegion}); an unknown lower-case word after "pilkada" is as often slang ("pilkada
 * kmrn", "pilkada gaes").
 */
function isUnknownPlace(tables: Tables, ctx: ScanContext, tokens: string[], end: number): boolean {
  let k = end + 1;
  const link = REGION_LINKS.has(tokens[k] as string) ? tokens[k++] : undefined;
  const word = tokens[k];
  if (word === undefined || word.length < MIN_PLACE || isDigit(word)) return false;
  // A glued compass form of this region's name is a neighbour's even as a word or another place's spelling ("Tangsel").
  if (!tables.compassWords.has(word) && (tables.knownWords.has(word) || tables.foldedDictionary.has(word)
    || tables.regionWords.has(word) || tables.regionSkeletons.has(consonants(word)) || isOwnAbbreviation(tables, word)
    || isPassiveVerb(tables.foldedDictionary, word))) return false;
  // Capitalised where it stands after the election word, as written ("Pilkada Kampar", "PILKADA KAMPAR").
  const before = link === undefined ? `${tokens[end]} ` : `${tokens[end]} ${link}`;
  return isCapitalisedPlaceAfter(ctx, before, word);
}

/** Suffixes a passive verb may carry after its root ("dipasangkan", "diawasi"). */
const PASSIVE_SUFFIXES = ['kan', 'i'];

/**
 * A passive verb: "di" glued to a dictionary root, a suffix allowed ("Dipasang", "Ditunda", "Digelar", "Dipasangkan").
 * After an election word in a title-case headline it is the verb of the sentence, not a place ("Alat Peraga
 * Kampanye Pilbup Dipasang di Pohon"), in every region's news. Only "di-": other prefixes make place names
 * ("Kediri", "Pemalang", "Pekalongan" read as "ke-", "pe-" words). (Pilbup Tangerang set, issue 20.)
 */
function isPassiveVerb(dictionary: Set<string>, word: string): boolean {
  if (!word.startsWith('di')) return false;
  const root = word.slice(2);
  if (root.length >= MIN_ROOT && dictionary.has(root)) return true;
  for (const suffix of PASSIVE_SUFFIXES) {
    if (root.length - suffix.length >= MIN_ROOT && root.endsWith(suffix) && dictionary.has(root.slice(0, -suffix.length))) return true;
  }
  return false;
}

/**
 * Whether the text writes `word` capitalised after the election word `before` ("u" + both; see {@link textFact}). Apart
 * from {@link isUnknownPlace}: a closure there made its scope anew on every call, even those that return early.
 */
function isCapitalisedPlaceAfter(ctx: ScanContext, before: string, word: string): boolean {
  // A scan of every place the election word is written: once per text for each election word and place.
  return textFact(ctx, `u${before}\u0000${word}`, () => {
    const text = ctx.text;
    const lower = (ctx.lower ??= text.toLowerCase());
    for (let at = lower.indexOf(before); at >= 0; at = lower.indexOf(before, at + 1)) {
      let w = at + before.length;
      while (w < text.length && !isAsciiAlnum(text.charCodeAt(w))) w++;
      if (isUpperAt(text, w) && (lower.startsWith(word, w) || isFoldedAt(lower, w, word))) return true;
    }
    return false;
  });
}

/** Fewest consonants a region word keeps to be matched by them: "Jawa" folds to "iawa", all vowels but a "w". */
const MIN_SKELETON = 3;
/**
 * A word written with no vowel whose letters are, in order, some of the consonants of one of this election's own
 * region words, the first the same: the region shortened as chat shortens it ("Pilkada Smdg", "PILBUP SMDG" for
 * Sumedang), not an unknown place ({@link isUnknownPlace}), so a vote call after it stays this race's. A place's own
 * name is written with its vowels ("Pilkada Ciamis", "Pilkada Kampar" stay another region's). Asked only of a
 * capitalised word no table knows after an election word.
 */
function isOwnAbbreviation(tables: Tables, word: string): boolean {
  if (consonants(word) !== word) return false;
  for (const skeleton of tables.regionSkeletons) {
    if (skeleton.length <= word.length || skeleton.charCodeAt(0) !== word.charCodeAt(0)) continue;
    let k = 0;
    for (let j = 0; j < skeleton.length && k < word.length; j++) if (skeleton.charCodeAt(j) === word.charCodeAt(k)) k++;
    if (k === word.length) return true;
  }
  return false;
}

/** A word without its vowels, to match a region's name in another spelling ("Suroboyo", "Surabaya"). */
function consonants(word: string): string {
  return word.replace(/[aeiou]/g, '');
}

/**
 * The word written at `at` folds to `word`: tokens are folded as names are ("Jember" is read "iember"), so the
 * written place is found by folding it, not by its letters.
 */
function isFoldedAt(lower: string, at: number, word: string): boolean {
  let end = at;
  while (end < lower.length && isAsciiAlnum(lower.charCodeAt(end))) end++;
  return tokenize(lower.slice(at, end), FOLD).join('') === word;
}
/** Shortest place name {@link isUnknownPlace} reads: shorter unknown words are mostly slang and initials. */
const MIN_PLACE = 4;

/** Words that join a list's last item to the others ("pak A, pak B dan pak C"). */
const LIST_JOINS = new Set(['dan', 'serta', 'sama', 'deng', 'dengan']);
/** Words an item of a roster may have after its honorific ("pak Romi", "bu Hj Sri"), before the next item or the end. */
const MAX_ITEM_WORDS = 2;
/** Items, each an honorific and a name, that make a list of people a roster. */
const MIN_ROSTER_ITEMS = 3;

/** Where a list's item may start: the text's start, a clause start, after a list join, or after a line's number ("1. pak A"). */
function isItemStart(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[], k: number): boolean {
  if (k === 0 || isClauseStart(tables, ctx, tokens, ids, k)) return true;
  const before = tokens[k - 1] as string;
  if (LIST_JOINS.has(before)) return true;
  return isDigit(before) && (k === 1 || isClauseStart(tables, ctx, tokens, ids, k - 1));
}

/**
 * A name right after an honorific that starts a list's item ("ronda: pak Romi, ..."), or a listed alias that
 * starts with one ("Pak Benny"); only in the text's own words.
 */
function isRosterItem(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[] | undefined, start: number): boolean {
  if (ids === undefined) return false;
  if (tables.honorifics.has(tokens[start] as string)) return isItemStart(tables, ctx, tokens, ids, start);
  return start > 0 && tables.honorifics.has(tokens[start - 1] as string)
    && !isClauseStart(tables, ctx, tokens, ids, start) && isItemStart(tables, ctx, tokens, ids, start - 1);
}

/**
 * The items of the text's list of people: honorifics at an item start ({@link isItemStart}) followed by one to
 * MAX_ITEM_WORDS words before the next clause, list join or the end ("pak Romi, pak Haris dan pak Joko": 3);
 * 0 when fewer than MIN_ROSTER_ITEMS, which is no list.
 */
function rosterItems(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[]): number {
  let items = 0;
  for (let k = 0; k < tokens.length - 1; k++) {
    if (!tables.honorifics.has(tokens[k] as string) || !isItemStart(tables, ctx, tokens, ids, k)) continue;
    let words = 0;
    let j = k + 1;
    while (j < tokens.length && !isClauseStart(tables, ctx, tokens, ids, j) && !LIST_JOINS.has(tokens[j] as string)) { words++; j++; }
    if (words >= 1 && words <= MAX_ITEM_WORDS) items++;
  }
  return items < MIN_ROSTER_ITEMS ? 0 : items;
}

/**
 * Names read as items of a list of people: a roster (piket, ronda, arisan, undangan rapat) when the list has
 * MIN_ROSTER_ITEMS items or more, at least one of them names no candidate, and the text has no election talk of
 * its own (any term but a name); its names then count nothing. Otherwise they count as read: "relawan TPS:
 * pak A, pak B, pak C" is what its election words and names make it.
 */
function settleRoster(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[], found: Term[]): void {
  const named = ctx.rosterNames as Term[];
  if (found.some((t) => t.category !== PASLON_NAME && t.weight > 0) || rosterItems(tables, ctx, tokens, ids) <= named.length) {
    if (ctx.rosterTitled) ctx.titledWeakName = true;
    return;
  }
  const free = ctx.freeNames;
  for (let k = found.length - 1; k >= 0; k--) {
    const t = found[k] as Term;
    if (t.category !== PASLON_NAME) continue;
    const same = (u: Term): boolean => u.label === t.label && u.paslon === t.paslon && u.pair === t.pair;
    if (named.some(same) && !(free?.some(same) ?? false)) found.splice(k, 1);
  }
  ctx.listedNames = undefined;
}

/** A weak one-word name right after another weak one-word name (the boundary between is checked by the caller). */
function isListedWeakName(tables: Tables, best: Term, start: number, end: number, weakNameEnd: number): boolean {
  return weakNameEnd === start - 1 && end === start && !best.pair && best.weight < tables.threshold;
}

/** Shared by every text with no boundary mark: one clause. */
const NO_CLAUSES: Set<number> = new Set();

/** Any mark {@link clauseStarts} may cut at, found without cutting: most chat lines have none. */
function hasBoundaryMark(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 46 || c === 58 || c === 59 || c === 63 || c === 33 || c === 10 || c === 13 || c === 0x2026) return true;
  }
  return false;
}

/** Where a full stop is no boundary: after an honorific or an initial ("H. Ansar", "Dr. Rudi", "H.M. Rudi"). */
const MAX_INITIAL = 1;

/**
 * The token indices that start a clause after the first: the text is cut at boundary marks and each piece
 * tokenised as the whole text is, so the counts line up. A full stop or colon counts only before a space or
 * the end (not in "02.00" or a web address); if the pieces do not make up the text's tokens (a web address
 * cut, a glued name split by the repair), no boundary is read at all.
 */
function clauseStarts(text: string, count: number, honorifics: Set<string>): Set<number> {
  if (!hasBoundaryMark(text)) return NO_CLAUSES;
  return plainClauseStarts(text, count, honorifics) ?? tokenisedClauseStarts(text, count, honorifics);
}

/**
 * {@link clauseStarts} for text whose every word is a run of lower-case letters, of capitals, of a capital and
 * lower-case letters, or of digits, with no web address and nothing outside ASCII (nearly all chat): one
 * token per run, so runs are counted without tokenising. Undefined for any other text.
 */
function plainClauseStarts(text: string, count: number, honorifics: Set<string>): Set<number> | undefined {
  const starts = new Set<number>();
  let total = 0;
  let runStart = -1;
  let kinds = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    if (c > 127) return undefined;
    const digit = c >= 48 && c <= 57;
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    if (digit || upper || lower) {
      if (runStart < 0) { runStart = i; kinds = 0; }
      // A capital after a lower-case letter, or a lower-case letter after two capitals, or letters and digits mixed: no plain run.
      if ((upper && (kinds & 4) !== 0) || (lower && i - runStart >= 2 && (kinds & 2) !== 0 && isUpperAt(text, i - 1))) return undefined;
      kinds |= digit ? 1 : upper ? 2 : 4;
      if ((kinds & 1) !== 0 && kinds !== 1) return undefined;
      continue;
    }
    if (runStart >= 0) {
      // "http://", "www.": the tokeniser skips a web address to the next space.
      if ((c === 58 && text.startsWith('//', i + 1)) || (c === 46 && i - runStart === 3 && (text.charCodeAt(runStart) | 32) === 119)) return undefined;
      total++;
      runStart = -1;
    }
    const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    const spaceAfter = next === -1 || next === 32 || next === 9 || next === 10 || next === 13;
    const mark = c === 44 || c === 59 || c === 63 || c === 33 || c === 10 || c === 13 || ((c === 46 || c === 58) && spaceAfter);
    if (!mark || total === 0) continue;
    if (c === 46 && isInitialOrHonorificBefore(text, i, honorifics)) continue;
    starts.add(total);
  }
  return total === count ? starts : NO_CLAUSES;
}

const isUpperAt = (text: string, i: number): boolean => { const c = text.charCodeAt(i); return c >= 65 && c <= 90; };

/** The word right before a full stop at `dot` is one letter or an honorific ("H.", "Dr."); a digit is no initial. */
function isInitialOrHonorificBefore(text: string, dot: number, honorifics: Set<string>): boolean {
  let end = dot;
  while (end > 0 && text.charCodeAt(end - 1) === 46) end--;
  let k = end;
  while (k > 0 && isAsciiAlnum(text.charCodeAt(k - 1))) k--;
  if (k === end) return false;
  return (end - k <= MAX_INITIAL && !isDigitBeforeStop(text.charCodeAt(k))) || honorifics.has(tokenize(text.slice(k, end), FOLD).join(' '));
}

/**
 * A full stop after a one-digit word ends its sentence ("dukung nomor 2. Pilkada X juga seru"): a digit is no
 * initial, as a letter before a full stop is ("H. Ansar"). Read as an initial, the stop let a phrase read across it.
 */
const isDigitBeforeStop = (c: number): boolean => c >= 48 && c <= 57;

/** {@link clauseStarts} for any text: each piece tokenised as the whole text is. */
function tokenisedClauseStarts(text: string, count: number, honorifics: Set<string>, sentences = false): Set<number> {
  const starts = new Set<number>();
  let from = 0;
  let total = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : -1;
    const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    const spaceAfter = next === -1 || next === 32 || next === 9 || next === 10 || next === 13;
    // With `sentences`, only a sentence's end: no comma, colon or semicolon.
    const mark = (!sentences && (c === 44 || c === 59 || (c === 58 && spaceAfter))) || c === 63 || c === 33 || c === 10 || c === 13 || c === 0x2026
      || (c === 46 && spaceAfter);
    if (!mark && c !== -1) continue;
    const piece = tokenize(text.slice(from, i), FOLD);
    total += piece.length;
    const last = piece[piece.length - 1];
    if (c === 46 && last !== undefined && ((last.length <= MAX_INITIAL && !isDigitBeforeStop(last.charCodeAt(0))) || honorifics.has(last))) {
      total -= piece.length;
      continue;
    }
    from = i + 1;
    if (piece.length > 0 && c !== -1) starts.add(total);
  }
  return total === count ? starts : NO_CLAUSES;
}

/**
 * The WordInfo of `tokens[k]`. A function of the module, not a closure made in each `scan`: a
 * closure is an allocation per call, and under tsx (which keeps function names) a call to its
 * name helper too, which cost a tenth of the classifier's time.
 */
function infoAt(words: WordInfos, tokens: string[], ids: number[] | undefined, k: number): WordInfo {
  return words.of(tokens[k] as string, ids ? (ids[k] as number) : -1);
}

/** The tables {@link asWritten} reads: strong one-word names and the words that are no one's surname. */
function writtenNameTables(trie: Trie, vocab: Vocabulary, honorifics: Set<string>, paslon: PaslonFile | undefined):
  Pick<Tables, 'singleNames' | 'surnames' | 'knownWords' | 'otherPerson' | 'otherPersonWeight' | 'otherGivenNames' | 'ownNameWords'> {
  const singleNames = new Map<Term, string>();
  const surnames = new Map<Term, string>();
  const knownWords = new Set<string>([...honorifics, ...(vocab.commonWords ?? []).map((w) => tokenize(w, FOLD).join(''))]);
  const stack = [...trie.entries()];
  for (let e = stack.pop(); e; e = stack.pop()) {
    const [key, node] = e;
    knownWords.add(key);
    stack.push(...(node.next ?? []));
  }
  for (const [key, node] of trie) {
    const t = node.term;
    if (t?.category === PASLON_NAME && !t.pair && !t.caps && !t.acronym && t.weight >= vocab.threshold) singleNames.set(t, key);
    else if (t && isWordNameStrong(t, vocab.threshold)) singleNames.set(t.caps!.strong, key);
    else if (t?.category === PASLON_NAME && !t.pair && !t.caps && !t.acronym && t.weight > vocab.names.common && t.weight < vocab.threshold
      && !ONE_WORD_BREAK.test(t.label)) surnames.set(t, key);
  }
  const own = new Set((paslon?.paslon ?? []).flatMap((p) => [...p.names, ...(p.aliases ?? [])]).flatMap((n) => tokenize(n, FOLD)));
  for (const word of own) knownWords.add(word);
  const w = vocab.names;
  const otherGivenNames = new Set(vocab.commonNames.map((n) => tokenize(n, FOLD).join(' ')).filter((n) => !own.has(n) && !honorifics.has(n)));
  return { singleNames, surnames, knownWords, otherPerson: new Map(), otherPersonWeight: w.surname ?? w.common, otherGivenNames, ownNameWords: own };
}

/**
 * A one-word name that is also a dictionary word ("Andika", "Taufik"), strong where written as a name: as
 * written, it is someone's given name before another surname ("Andika Pratama") as much as any name is.
 */
function isWordNameStrong(t: Term, threshold: number): boolean {
  return t.category === PASLON_NAME && !t.pair && t.caps?.word === true && t.caps.strong.weight >= threshold;
}

/** Words of a text as written, capitals kept. */
const WRITTEN_WORD = /[\p{L}\p{N}]+/gu;
/** Share of capitalised words from which a text is in title case ("Wahid Menang Di Pekanbaru"), where capitals tell nothing. */
const TITLE_CASE_SHARE = 0.6;
/** Fewest words for a text to be judged title case: a short one is mostly names ("Yasir Arafat tokoh Palestina"). */
const MIN_TITLE_CASE_WORDS = 6;
/** Two capitalised words joined by spaces, which every case {@link asWritten} looks for holds: most texts are let go on this alone. */
const TWO_CAPITALISED = /\p{Lu}[\p{L}\p{N}]*[ \t]+\p{Lu}/u;
const TWO_CAPITALISED_ASCII = /[A-Z][A-Za-z0-9]*[ \t]+[A-Z]/;
const ANY_LOWER = /\p{Ll}/u;
/** Between two words: only spaces (no comma, dash or sentence end). */
const SPACES_ONLY = /^[ \t]+$/;

type WrittenCase = 'lower' | 'title' | 'upper' | 'other';
function caseOf(word: string): WrittenCase {
  if (word === word.toLowerCase()) return word === word.toUpperCase() ? 'other' : 'lower';
  if (word === word.toUpperCase()) return word.length >= 2 ? 'upper' : 'title';
  const first = word.charAt(0);
  return first !== first.toLowerCase() && word.slice(1) === word.slice(1).toLowerCase() ? 'title' : 'other';
}

/**
 * A strong one-word name (the name a candidate is called by, a one-word alias) as the text writes
 * it. Right after or before a capitalised word that is no candidate's and no known word, it is part
 * of another person's full name or an institution's ("Yasir Arafat", "Iqbaal Ramadhan", "UIN Syarif
 * Hidayatullah", "IIB Darmajaya"). In lower case where the writer capitalises names elsewhere, it is
 * the ordinary word it also is ("anak muda Pontianak", "kelapa muda di Sungai Kapuas"). Either way it
 * is weak, as a surname is: it still counts with support. Capitals tell nothing in a text with none,
 * or written all in capitals or in title case. Only strong single names found in the text are looked
 * at, so most texts never come here.
 */
function asWritten(tables: Tables, text: string, tokens: string[], found: Term[], unicode: boolean, surnames: boolean): void {
  let at = -1;
  for (let k = 0; k < found.length && at < 0; k++) if (tables.singleNames.has(found[k] as Term) || (surnames && tables.surnames.has(found[k] as Term))) at = k;
  // Cheap tests first: a lower-case letter and two capitalised words side by side.
  if (at < 0 || !(unicode ? ANY_LOWER : LOWER).test(text) || !(unicode ? TWO_CAPITALISED : TWO_CAPITALISED_ASCII).test(text)) return;
  readAsWritten(tables, text, tokens, found, surnames, at);
}

/**
 * {@link asWritten} past its cheap tests, from the first name it may change (`at`). Apart because its closures hold
 * its scope: in one function with the tests, every text made that scope anew, though few get past them.
 */
function readAsWritten(tables: Tables, text: string, tokens: string[], found: Term[], surnames: boolean, at: number): void {
  const words = [...text.matchAll(WRITTEN_WORD)];
  const cases = words.map((m) => caseOf(m[0]));
  const letterWords = cases.filter((x) => x !== 'other').length;
  const capitalised = cases.filter((x) => x === 'title' || x === 'upper').length;
  // In title case capitals tell nothing, but a common given name that is no dictionary word right after the
  // candidate's still makes a namesake's full name ("Taufik Hidayat Jadi Wamenpora").
  const titleCase = letterWords >= MIN_TITLE_CASE_WORDS && capitalised >= TITLE_CASE_SHARE * letterWords;
  // Words are folded when asked about: only capitalised ones and their neighbours ever are.
  const foldedWords: (string | undefined)[] = [];
  const folded = (k: number): string => (foldedWords[k] ??= tokenize((words[k] as RegExpMatchArray)[0], FOLD).join(''));
  // The dictionary is asked with a word as written, in lower case: folded, "Fajar" or "Hidayat" is no word it holds.
  const lowerAt = (k: number): string => (words[k] as RegExpMatchArray)[0].toLowerCase();
  const gap = (k: number): string => {
    const prev = words[k - 1];
    const cur = words[k] as RegExpMatchArray;
    return prev ? text.slice((prev.index ?? 0) + prev[0].length, cur.index) : '';
  };
  const unknown = (k: number): boolean => !tables.knownWords.has(folded(k)) && !isDigit(folded(k));
  const capital = (k: number): boolean => cases[k] === 'title' || cases[k] === 'upper';
  // A word joined to the one before it by spaces only, in capitals: part of the same written name.
  const joinedCapital = (k: number): boolean => k >= 0 && k < words.length && capital(k) && SPACES_ONLY.test(gap(k));
  // "Name Surname" and nothing capitalised either side: one person's two-word name, not a list of names.
  // Asked folded, of the dictionary as written, on purpose: a given name whose spelling folding leaves as it is and that
  // the dictionary holds ("Bagus", "Putra") may be a headline's word; one whose spelling folding changes ("Hidayat",
  // "Wahyu", "Syarif": y, j, sy, doubled letters) is read as the name. Asked as written, "Taufik Hidayat Jadi
  // Wamenpora" came back as a false alarm (Pekanbaru); with no dictionary test, two dev-set hits were lost.
  const givenAfter = (k: number): boolean => capital(k) && joinedCapital(k + 1) && tables.otherGivenNames.has(folded(k + 1))
    && !tables.dictionary.has(folded(k + 1));
  const otherName = (k: number): boolean => titleCase ? givenAfter(k) || isSurnameAfterInTitle(tables, folded, (j) => (words[j] as RegExpMatchArray)[0].toLowerCase(), (j) => cases[j] === 'title', joinedCapital, k, words.length) : (capital(k) && !(k > 0 && capital(k - 1) && SPACES_ONLY.test(gap(k)))
    && joinedCapital(k + 1) && cases[k + 1] === 'title' && (unknown(k + 1) || tables.otherGivenNames.has(folded(k + 1))) && !joinedCapital(k + 2))
    // A place or thing named after someone, a capitalised word before the name ("UIN Syarif Hidayatullah").
    || (capital(k) && k >= 2 && joinedCapital(k) && cases[k - 1] === 'title' && unknown(k - 1) && tables.namedAfter.has(folded(k - 2)))
    // Another person's given name before it: the candidate's name is that person's surname ("Bayu Prakosa juara lari").
    || (capital(k) && k >= 1 && joinedCapital(k) && cases[k - 1] === 'title' && tables.otherGivenNames.has(folded(k - 1)));
  // A surname after another capitalised given name is another of that family ("Vicky Lumentut" for a Kristo Ivan
  // Lumentut): no known word, no dictionary word, and no word of the paslon's names before it. It weighs a common name's,
  // as the office or campaign word a surname needs would otherwise make the relative the candidate.
  const givenBefore = (k: number): boolean => capital(k) && k >= 1 && joinedCapital(k) && cases[k - 1] === 'title'
    && unknown(k - 1) && !tables.dictionary.has(lowerAt(k - 1)) && (!titleCase || isTitleCaseGivenBefore(tables, words, k));
  for (let k = at; k < found.length; k++) {
    const t = found[k] as Term;
    const surname = surnames ? tables.surnames.get(t) : undefined;
    if (surname !== undefined) {
      let times = 0;
      for (const token of tokens) if (token === surname) times++;
      let others = 0;
      for (let i = 0; i < words.length; i++) if (capital(i) && folded(i) === surname && givenBefore(i)) others++;
      if (times > 0 && others >= times) found[k] = asCommonPerson(tables, t);
      continue;
    }
    const key = tables.singleNames.get(t);
    if (key === undefined) continue;
    // Every time the text writes it (a clitic glued on allowed), it is written as another's name. A word the scan
    // repaired into the name ("India" into "Indira") is a guess, no time the text writes it: the tokens say the
    // scan found it, the written words how often the writer wrote it.
    let times = 0;
    for (const token of tokens) if (token === key) times++;
    let others = 0;
    let written = 0;
    for (let i = 0; i < words.length; i++) {
      if (folded(i) !== key && withoutClitic(folded(i)) !== key) continue;
      written++;
      if (capital(i) && folded(i) === key && otherName(i)) others++;
    }
    if (times === 0 || written === 0 || others < written) continue;
    let twin = tables.otherPerson.get(t);
    if (!twin) tables.otherPerson.set(t, (twin = makeTerm(t.label, Math.min(t.weight, tables.otherPersonWeight), PASLON_NAME, { paslon: t.paslon })));
    found[k] = twin;
  }
}

/** Least letters of a word after a name that {@link isSurnameAfterInTitle} reads as a surname. */
const MIN_TITLE_SURNAME = 3;

/**
 * In a title-case headline, a candidate's strong one-word name followed by a capitalised word that no vocabulary or
 * paslon file knows and that is no word of the language, affixed or not ({@link isLanguageWord}): another person's
 * full name ("Ananda Sukarlan Gelar Konser", "Harun Masiku Masih Buron" beside a candidate Andi Harun). A headline's
 * verb after the candidate is a word of the language ("X Temui Warga", "X Kunjungi Pasar"); the candidate's own
 * other names are the paslon file's words. Asked only of a strong single name in title case ({@link asWritten}).
 */
function isSurnameAfterInTitle(tables: Tables, folded: (k: number) => string, lower: (k: number) => string,
  title: (k: number) => boolean, joinedCapital: (k: number) => boolean, k: number, count: number): boolean {
  // Title case, not capitals: a shouted text capitalises its verbs too ("KHOFIFAH JABAT 5 TAHUN").
  if (!title(k) || !title(k + 1) || !joinedCapital(k + 1)) return false;
  if (!isUnknownName(tables, folded(k + 1), lower(k + 1))) return false;
  // The headline goes on in title case after the two names, or ends: a lower-case word after them is running talk
  // ("menang X Mataraman imbang"), where the capitalised word may as well be a place.
  if (k + 2 < count && (!title(k + 2) || LIST_JOINS.has(folded(k + 2)))) return false;
  // Names one after another with no comma ("kasus A B X C D"): a list of people, the candidate among them.
  return !(joinedCapital(k) && k >= 1 && isUnknownName(tables, folded(k - 1), lower(k - 1)));
}

/**
 * In a title-case headline every word is capitalised, so a capital before a candidate's surname says nothing by
 * itself; a word there that no affix makes a dictionary word ({@link isUnknownName}: "Resmikan", "Kunjungi" are
 * verbs) is still another person's given name, the surname that family's: "Mantan Bupati Amri Tambunan Resmikan
 * Masjid" for an Asri Ludin Tambunan. Marga and fam names (Batak, Minahasa, Ambon, Bugis) are shared by whole clans,
 * so a headline naming a relative or a namesake is common in every region that has them. Asked only of a surname
 * found after a capitalised unknown word.
 */
function isTitleCaseGivenBefore(tables: Tables, words: RegExpMatchArray[], k: number): boolean {
  const before = (words[k - 1] as RegExpMatchArray)[0];
  return isUnknownName(tables, tokenize(before, FOLD).join(''), before.toLowerCase());
}

/**
 * A word neither the vocabulary, the paslon file, a region's name (each asked folded) nor the language (asked as
 * written, in lower case: the dictionary is unfolded) knows: someone's name.
 */
function isUnknownName(tables: Tables, folded: string, lower: string): boolean {
  return folded.length >= MIN_TITLE_SURNAME && !isDigit(folded) && !tables.knownWords.has(folded) && !tables.otherRegions.has(folded)
    && !isLanguageWord(tables.dictionary, lower);
}

/** Indonesian prefixes, each with the root's first letters its nasal may have replaced ("menemui" from "temu"). */
const PREFIXES: readonly (readonly [string, readonly string[]])[] = [
  ['meng', ['', 'k']], ['meny', ['s']], ['mem', ['', 'p']], ['men', ['', 't']], ['me', ['']],
  ['peng', ['', 'k']], ['peny', ['s']], ['pem', ['', 'p']], ['pen', ['', 't']], ['per', ['']], ['pe', ['']],
  ['ber', ['']], ['be', ['']], ['ter', ['']], ['di', ['']], ['ke', ['']], ['se', ['']],
  ['nge', ['']], ['ng', ['', 'k']], ['ny', ['s']],
];
/** Indonesian suffixes and the clitic "-nya" ("kunjungi", "resmikan", "blusukan", "janjinya"). */
const SUFFIXES = ['kan', 'an', 'i', 'nya'];
/** Least letters of a root left when affixes come off. */
const MIN_ROOT = 3;

/**
 * A word of the language: a dictionary word, or one with a prefix, a suffix or both taken off ("temui", "menyapa",
 * "dikunjungi"). Dictionary lookups only, on the one word asked.
 */
function isLanguageWord(dictionary: Set<string>, word: string): boolean {
  if (dictionary.has(word)) return true;
  const stems = [word];
  for (const suffix of SUFFIXES) if (word.length - suffix.length >= MIN_ROOT && word.endsWith(suffix)) stems.push(word.slice(0, -suffix.length));
  for (const stem of stems) {
    if (stem !== word && dictionary.has(stem)) return true;
    for (const [prefix, swaps] of PREFIXES) {
      if (!stem.startsWith(prefix)) continue;
      const rest = stem.slice(prefix.length);
      for (const swap of swaps) if (swap.length + rest.length >= MIN_ROOT && dictionary.has(swap + rest)) return true;
    }
  }
  return false;
}

/** Words either side of a vote word searched for the thing it is done to ("coblos balon", "kuping anak dicoblos"). */
const PLAIN_ACT_WINDOW = 2;

/** Takes back the ballot number just found: a national figure's name right after it makes it the Pilpres's ("02 Prabowo"). */
function dropLastNumber(found: Term[]): void {
  for (let k = found.length - 1; k >= 0; k--) {
    if ((found[k] as Term).category === PASLON_NUMBER) { found.splice(k, 1); return; }
  }
}

/** A vote word with a thing it is done to beside it: piercing, not voting. */
function isPlainAct(tables: Tables, tokens: string[], start: number, end: number): boolean {
  const from = Math.max(0, start - PLAIN_ACT_WINDOW);
  const to = Math.min(tokens.length - 1, end + PLAIN_ACT_WINDOW);
  for (let k = from; k <= to; k++) if ((k < start || k > end) && tables.plainActThings.has(tokens[k] as string)) return true;
  return false;
}

/** Most words either side of a bare zero-padded number that telephone talk may stand ({@link isPhoneTalkNear}). */
const PHONE_TALK_GAP = 6;

/**
 * A phrase of telephone talk ({@link Vocabulary.phoneTalk}) in the clause of a bare zero-padded number at
 * tokens[start..end], at most PHONE_TALK_GAP words off: "01 itu kode area mana ya?", "02 itu kode operator apa?".
 * Anywhere in the text was too far: a contact line after a campaign call ("02 siap menangkan Contoh, telp posko
 * 0812...") hid the number. A hashtag has no clauses: its window alone. Reads a bounded window, so a text of many
 * numbers stays linear. Asked only for a bare zero-padded number.
 */
function isPhoneTalkNear(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[] | undefined, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from < PHONE_TALK_GAP && !isClauseStart(tables, ctx, tokens, ids, from)) from--;
  let to = end;
  while (to + 1 < tokens.length && to - end < PHONE_TALK_GAP && !isClauseStart(tables, ctx, tokens, ids, to + 1)) to++;
  for (let at = from; at <= to; at++) {
    if (at >= start && at <= end) continue;
    const keys = tables.phoneTalk.get(tokens[at] as string);
    if (keys === undefined) continue;
    for (const key of keys) {
      let k = 1;
      while (k < key.length && at + k <= to && tokens[at + k] === key[k]) k++;
      if (k === key.length) return true;
    }
  }
  return false;
}

/** Any phrase of a by-first-word table in the tokens, in one pass over them. */
function hasPhraseOf(table: Map<string, string[][]>, tokens: string[]): boolean {
  for (let at = 0; at < tokens.length; at++) {
    textScanWork.places++;
    if (isTablePhraseAt(table, tokens, at)) return true;
  }
  return false;
}

/** A phrase of a by-first-word table starts at `at` in the tokens. */
function isTablePhraseAt(table: Map<string, string[][]>, tokens: string[], at: number): boolean {
  const keys = table.get(tokens[at] as string);
  if (keys === undefined) return false;
  for (const key of keys) {
    let k = 1;
    while (k < key.length && tokens[at + k] === key[k]) k++;
    if (k === key.length) return true;
  }
  return false;
}

/** Words that write a zero before a spelt digit ("kosong dua", "nol dua"). */
const SPELT_ZEROS = new Set(['kosong', 'nol']);
/** NUMBER_WORDS as the text's tokens are folded ("tujuh" is read "tuiuh"). */
const FOLDED_NUMBER_WORDS = NUMBER_WORDS.map((w) => tokenize(w, FOLD).join(''));

/**
 * The next zero-padded number, n + 1, right after a padded number n ("kosong satu, kosong dua", "01 02"): counting
 * aloud (a mic test, a roll call), not a ballot number. Asked only for a bare zero-padded number.
 */
function isNextPaddedAfter(tokens: string[], end: number, n: number): boolean {
  const next = tokens[end + 1];
  if (next === undefined || n + 1 > 9) return false;
  if (next === `0${n + 1}`) return true;
  const digit = tokens[end + 2];
  return SPELT_ZEROS.has(next) && digit !== undefined && withoutClitic(digit) === FOLDED_NUMBER_WORDS[n + 1];
}

/**
 * A not-voting word whose next words, in its clause, are a duty it skips ("golput sholat", "golput makan siang";
 * {@link Vocabulary.skippedDuties}).
 */
function isSkippedDuty(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[] | undefined, end: number): boolean {
  const duties = end + 1 < tokens.length ? tables.skippedDuties.get(tokens[end + 1] as string) : undefined;
  return duties !== undefined && duties.some((key) => key.every((w, j) => tokens[end + 1 + j] === w))
    && !isClauseStart(tables, ctx, tokens, ids, end + 1);
}

/** Whether any of the text's tokens is one of `words`: one pass, for the rules that ask of a word anywhere in the text. */
function hasTokenIn(words: Set<string>, tokens: string[]): boolean {
  for (const token of tokens) if (words.has(token)) return true;
  return false;
}

/** A word of a vote count's result anywhere in the text ("menang", "unggul"); asked once, after the first count term. */
function isCountResult(tables: Tables, tokens: string[]): boolean {
  return hasTokenIn(tables.countResults, tokens);
}

/** A word of a term's everyday sense anywhere in the text ("sampah" beside "TPS"). */
function hasSenseWord(tables: Tables, tokens: string[]): boolean {
  return hasTokenIn(tables.senseWords, tokens);
}

/** The term at its everyday sense's weight ({@link Vocabulary.otherSense}), made once per term. */
function senseTwin(tables: Tables, t: Term): Term {
  let twin = tables.senseTwins.get(t);
  if (!twin) tables.senseTwins.set(t, (twin = { ...t, weight: Math.min(t.weight, tables.senseWeights.get(t.label) ?? t.weight), checks: checksOf(tables, t) & LABEL_CHECKS }));
  return twin;
}

/**
 * An anniversary phrase ({@link OfficialPosts.anniversaries}) ends right before the region term at `at`, a link word
 * ("kota", "kabupaten") between allowed: "HUT Contoh", "Hari Jadi Kabupaten Contoh".
 */
function isAnniversaryBefore(tables: Tables, tokens: string[], at: number): boolean {
  const end = at > 0 && REGION_LINKS.has(tokens[at - 1] as string) ? at - 1 : at;
  return tables.anniversaries.some((key) => end >= key.length && key.every((w, k) => tokens[end - key.length + k] === w));
}

/** Most words of a party's boards between its office and its name ("Ketua DPD Partai Golkar"). */
const MAX_PARTY_UNITS = 2;

/**
 * A party term right after one of the party's offices, its boards between ("Ketua Golkar", "Sekjen PDIP", "Ketua
 * DPD Partai Golkar"): see {@link OfficialPosts.partyOffices}. Asked only when a party term was found.
 */
function isPartyOffice(tables: Tables, tokens: string[], start: number): boolean {
  for (let k = start - 1, units = 0; k >= 0; k--) {
    const word = tokens[k] as string;
    if (tables.partyOfficeTitles.has(word)) return true;
    if (!tables.partyOfficeUnits.has(word) || ++units > MAX_PARTY_UNITS) return false;
  }
  return false;
}

/** The party term as a party office's title: no campaign signal, and a name after it is titled (a copy; terms are shared). */
function partyTitleTwin(tables: Tables, t: Term): Term {
  let twin = tables.partyTitleTwins.get(t);
  if (!twin) tables.partyTitleTwins.set(t, (twin = { ...t, official: 'title' }));
  return twin;
}

/** An order term followed by a queue's word: the queue's order, not the ballot's ("nomor urut pendaftaran"). */
function isQueue(tables: Tables, tokens: string[], end: number): boolean {
  const next = tokens[end + 1];
  return next !== undefined && tables.queueAfter.has(next);
}

/** A name right after a word naming a place or thing after someone, honorifics between ("makam Abuya Dimyati"). */
function isNamedAfter(tables: Tables, tokens: string[], start: number): boolean {
  if (tables.namedAfter.size === 0) return false;
  let back = start - 1;
  while (back >= 0 && tables.honorifics.has(tokens[back] as string)) back--;
  if (back >= 0 && tables.namedAfter.has(tokens[back] as string) && !isParticleBefore(tables, tokens, back)) return true;
  return back < start - 1 && isKindNamedAfter(tables, tokens, back);
}

/**
 * Words that join a person to what comes before ("jalan bareng Pak X", "makan sama Bu X"): no kind of the thing
 * between a named-after word and the honorific ({@link isKindNamedAfter}).
 */
const NAMED_KIND_LINKS = new Set(['sama', 'bareng', 'dengan', 'deng', 'karo', 'ro', 'dan', 'serta', 'ke', 'di', 'dari', 'untuk', 'buat', 'ama', 'ame']
  .map((w) => tokenize(w, FOLD).join('')));

/**
 * A named-after word, one word of its kind and an honorific before the name ("sate kambing Pak X", "soto ayam Bu X",
 * "bengkel motor Pak X"): the stall or shop is named after its owner, as "sate Pak X" is. The honorific is needed
 * (at `kind + 1`), and the word between must be no word that joins a person ("jalan bareng Pak X").
 */
function isKindNamedAfter(tables: Tables, tokens: string[], kind: number): boolean {
  const before = tokens[kind - 1];
  const word = tokens[kind] as string;
  return before !== undefined && tables.namedAfter.has(before) && !NAMED_KIND_LINKS.has(word) && !isDigit(word)
    && !tables.knownWords.has(word) && !isParticleBefore(tables, tokens, kind - 1);
}

/**
 * A named-after word that is a regional particle once folded, right after another word that does not make it a
 * thing: "pilih mi Appi", "ayo mi Indira" (Makassar "mi"), where "makan mie Appi" and "Mie Appi enak" are noodles.
 */
function isParticleBefore(tables: Tables, tokens: string[], at: number): boolean {
  return at > 0 && tables.particleNamedAfter.has(tokens[at] as string) && !tables.particleThingBefore.has(tokens[at - 1] as string);
}

/**
 * A name followed by an occupation or a neighbour's place, one or two words ("tukang", "guru ngaji", "kepala sekolah"),
 * an honorific between allowed ("Astrid bu guru TK", "Rudi pak satpam").
 */
function isPersonAfter(tables: Tables, tokens: string[], end: number): boolean {
  if (tables.personAfter.size === 0) return false;
  let at = end + 1;
  if (tables.honorifics.has(tokens[at] as string)) at++;
  // "Respati itu nama hari Kamis": the word itself talked of, a copula between.
  if (COPULAS.has(tokens[at] as string) && tokens[at + 1] === NAME_WORD) return true;
  const next = tokens[at];
  if (next === undefined) return false;
  return tables.personAfter.has(next) || (at + 1 < tokens.length && tables.personAfterPairs.get(next)?.has(tokens[at + 1] as string) === true);
}

/**
 * A name called to be voted for and ending its clause: a vote slogan before it (`slogans`' "coblos {name}", "pilih
 * {name}", "menangkan {name}"), honorifics between, and a clause boundary (or the text's end) right after it ("pilih X,
 * ultah Bapak kemarin meriah"). What comes after the boundary is no occupation or thing of that name's, so the rules
 * reading the words after a name ({@link isPersonAfter}, {@link isEverydayAfter}, {@link isOtherNameAfter}) leave it:
 * an aside appended to a vote call would otherwise hide it. "Pak X guru ngaji" and "pilih X guru ngaji" are still
 * another person. Asked only once one of those rules fired.
 */
function isCalledName(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[] | undefined, start: number, end: number): boolean {
  if (ids === undefined || !isClauseStart(tables, ctx, tokens, ids, end + 1)) return false;
  let back = start - 1;
  while (back >= 0 && tables.honorifics.has(tokens[back] as string)) back--;
  return back >= 0 && longestSlogan(tables.before, tokens, back, -1) !== undefined;
}

/** Most words either side of a name {@link isCandidateTrade} reads, its sentence's end coming first where nearer. */
const TRADE_SENTENCE_WINDOW = 12;

/**
 * A name with a trade after it ({@link isPersonAfter}: "Bu X perawat teladan") that the same sentence still makes the
 * candidate: a vote verb before the name and its own pair's ballot number after it ("Pilih Bu X perawat teladan, nomor
 * 1 untuk ..."), or a word of becoming right before an office of this race's level after it ("Dukung Bu X perawat
 * teladan jadi wakil bupati"): a candidate is praised by the job they had, and the number or the office tells which
 * one the sentence speaks of. "mbak X teller bank ramah banget", "X perawat puskesmas itu lho" and "Bu X perawat
 * teladan, nomor 1 di puskesmas" (a rank, no vote verb) stay a neighbour's. Asked only once isPersonAfter fired.
 * (Review of this round's personAfter trades, issue 20.)
 */
function isCandidateTrade(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[] | undefined, best: Term, start: number, end: number): boolean {
  if (ids === undefined) return false;
  const sentences = (ctx.sentences ??= tokenisedClauseStarts(ctx.text, tokens.length, tables.honorifics, true));
  let from = start;
  while (from > 0 && start - from < TRADE_SENTENCE_WINDOW && !sentences.has(from)) from--;
  let called = false;
  for (let k = from; k < start; k++) if (tables.callVerbs.has(tokens[k] as string)) called = true;
  const last = Math.min(tokens.length, end + 1 + TRADE_SENTENCE_WINDOW);
  for (let k = end + 1; k < last && !sentences.has(k); k++) {
    if (tables.becomingWords.has(tokens[k] as string) && isTablePhraseAt(tables.ownLevelOffices, tokens, k + 1)) return true;
    if (!called || best.paslon === undefined) continue;
    const number = longestWithin(tables.trie, tokens, k, last);
    if (number !== undefined && number.term.category === PASLON_NUMBER && number.term.paslon === best.paslon) return true;
  }
  return false;
}

/**
 * A name right after a ballot verb ({@link Vocabulary.ballotCalls} `verbs`), honorifics between ("menangkan X pahlawan nasional", "coblos
 * Pak X guru ngaji kita"): the one called to be voted for is the candidate, and an occupation or title after the name
 * ({@link isPersonAfter}, {@link isEverydayAfter}) is how the call describes them. Asked only once one of those fired.
 */
function isBallotCalled(tables: Tables, tokens: string[], start: number): boolean {
  let back = start - 1;
  while (back >= 0 && tables.honorifics.has(tokens[back] as string)) back--;
  return back >= 0 && tables.ballotVerbs.has(tokens[back] as string) && !isContestNear(tables.contestWords, tokens, start);
}

/** Words after a called name that {@link isContestNear} reads: the call's own sentence, bounded so a repeated text stays linear. */
const CONTEST_WINDOW = 10;

/**
 * A contest's or online vote's word ({@link Vocabulary.ballotCalls} `contests`) within {@link CONTEST_WINDOW} words
 * after the name: the call is for that contest.
 */
function isContestNear(contests: Set<string>, tokens: string[], start: number): boolean {
  const end = Math.min(tokens.length, start + CONTEST_WINDOW);
  for (let k = start + 1; k < end; k++) if (contests.has(tokens[k] as string)) return true;
  return false;
}

/**
 * A book of scripture right after a name and a link word ({@link Vocabulary.scriptureBooks}): "Kisah Zulkarnain dalam
 * Al-Qur'an", "Yusuf menurut Alkitab". The name is a figure the book tells of (a prophet, a king), whom every region's
 * religious talk names; no candidate is said to be "in the Qur'an". Asked only after a name (not a pair).
 * (Pilbup Tangerang set, issue 20.)
 */
function isScriptureBookAfter(tables: Tables, tokens: string[], end: number): boolean {
  return tables.scriptureLinks.has(tokens[end + 1] as string) && isTablePhraseAt(tables.scriptureBooks, tokens, end + 2);
}

/** Chapter and verse as written: "5:9", "3:16-18", "119 : 105"; no leading zero (a clock's "08:30" has one). */
const CHAPTER_VERSE = /(?:^|[^\d:.])[1-9]\d{0,2} ?: ?[1-9]\d{0,2}(?:-\d{1,3})?(?![\d:.])/;
/** Words after a clock time: "12:30 WIB" is an hour, not chapter and verse. */
const CLOCK_AFTER = new Set(['wib', 'wita', 'wit', 'pagi', 'siang', 'sore', 'malam', 'am', 'pm']);

/** Two numbers right after a name, written as chapter and verse in the text. Asked only when a digit follows a name. */
function isVerseAfter(ctx: ScanContext, tokens: string[], end: number): boolean {
  const chapter = tokens[end + 1];
  const verse = tokens[end + 2];
  if (chapter === undefined || verse === undefined || !isDigit(chapter) || !isDigit(verse)) return false;
  if (CLOCK_AFTER.has(tokens[end + 3] as string)) return false;
  return verseFact(ctx);
}

/** Whether the text writes chapter and verse ("v"; see {@link textFact}); apart, so {@link isVerseAfter}, asked of every name, makes no closure scope. */
function verseFact(ctx: ScanContext): boolean {
  return textFact(ctx, 'v', () => CHAPTER_VERSE.test(ctx.text));
}

/** The token an English possessive leaves after a name ("Hellyana's" -> hellyana, s). */
const POSSESSIVE_S_TOKEN = 's';
/** An English possessive in the text, asked only when an "s" token follows a name (a lone initial "S" is no possessive). */
const POSSESSIVE_S = /\p{L}['\u2019`]s\b/iu;

/** Words that make the name before them the subject of what follows ("X itu ...", "X adalah ..."). */
const COPULAS = new Set(['itu', 'tu', 'adalah', 'ialah', 'merupakan']);
/** "nama" as folded: after a copula, the name is talked of as a word ("X itu nama hari Kamis"). */
const NAME_WORD = 'nama';

/** Words an acting title ("Pj Gubernur") may stand before the name it gives, the region's among them ("Pj Gubernur Kaltara X"). */
const ACTING_GAP = 1;

/** An acting office: "Pj", "Plt" as the title, or right before it ("Pj Gubernur", "Plt Bupati"). See {@link OfficialPosts.actingWords}. */
function isActingTitle(tables: Tables, tokens: string[], start: number, end: number): boolean {
  return (start === end && tables.actingWords.has(tokens[start] as string)) || (start > 0 && tables.actingWords.has(tokens[start - 1] as string));
}

/**
 * A title the text gives a name said before it, however far: "X hadiri panen raya di Mesuji sebagai gubernur",
 * "X, selaku bupati, ...". Read only when a title was found after a name.
 */
/**
 * An office after a word of becoming with a wish, merit or duty before it ({@link OfficialPosts.aimedOffices}: "layak
 * jadi", "harus jadi", "pengen dadi"): "X paling layak jadi bupati" names the office X is to win, not one X holds, so
 * it gives the name before it no title, and a weak campaign line beside another official at work ("..., Pak Camat
 * meresmikan pasar kemarin") is not read as the office's own post. "X yang kini jadi bupati meresmikan ..." (no wish)
 * keeps its title. Asked only of an office within a title's reach after a name.
 */
function isAimedOffice(tables: Tables, tokens: string[], start: number): boolean {
  return start > 1 && tables.becomingWords.has(tokens[start - 1] as string) && tables.aimWords.has(tokens[start - 2] as string);
}

function isRoleAfterName(tables: Tables, tokens: string[], start: number, nameEnd: number): boolean {
  return nameEnd >= 0 && start > nameEnd + 1 && tables.roleWords.has(tokens[start - 1] as string);
}

/** A name right after a clergy title, a saint's, a birthday wish or the writer's relative, honorifics between ("Pastor Simon", "ultah Om Simon", "anakku Astrid"). */
function isPersonBefore(tables: Tables, tokens: string[], start: number): boolean {
  if (tables.personBefore.size === 0) return false;
  let back = start - 1;
  while (back >= 0 && tables.honorifics.has(tokens[back] as string)) back--;
  return back >= 0 && (tables.personBefore.has(tokens[back] as string)
    || (back >= 1 && tables.personBeforePairs.get(tokens[back - 1] as string)?.has(tokens[back] as string) === true));
}

/** A name of one word read at tokens[start..end], honorifics before it allowed ("Yoyok", "mas Yoyok" as an alias lists it). */
function isOneNameWord(tables: Tables, tokens: string[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!tables.honorifics.has(tokens[k] as string)) return false;
  return true;
}

/**
 * A strong one-word name (an honorific before it allowed) right after a kin word, honorifics between ("suami
 * Bu X", "pacarnya X"): someone's relative. A full name there is still the candidate's ("suami Tri Rismaharini").
 */
function isKinOf(tables: Tables, best: Term, tokens: string[], start: number, end: number): boolean {
  if (tables.kinWords.size === 0 || best.pair || best.weight <= tables.otherPersonWeight) return false;
  if (!isOneNameWord(tables, tokens, start, end)) return false;
  let back = start - 1;
  while (back >= 0 && tables.honorifics.has(tokens[back] as string)) back--;
  const word = tokens[back];
  return word !== undefined && (tables.kinWords.has(word) || tables.kinWords.has(withoutClitic(word)));
}

/**
 * Words that bring in who says something ("kata", "menurut", "ujar"; Javanese "jare", Sundanese "ceuk", Malay "kate"):
 * a kin word right after one is the speaker ("Contoh butuh X, kata temanku", "menurut adikku, X paling layak"), not a
 * relation of the name, so {@link isKinRelation} and {@link isSpeakersKin} leave the name as it is.
 */
const SPEAKER_WORDS = new Set(['kata', 'kate', 'kato', 'menurut', 'ujar', 'jare', 'jarene', 'ceuk', 'kecek'].map((w) => tokenize(w, FOLD).join('')));

/**
 * The kin word before the one-word name at tokens[start] ({@link isKinOf}, {@link isPersonBefore}) follows a speaker word and a clause
 * boundary stands between it and the name ("menurut adikku, X paling layak"): the relative speaks of X. Without
 * the boundary the name is the relative's own ("kata adikku X sudah pulang" stays {@link isKinOf}'s).
 */
function isSpeakersKin(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[] | undefined, start: number): boolean {
  let back = start - 1;
  while (back >= 0 && tables.honorifics.has(tokens[back] as string)) back--;
  if (back < 1 || ids === undefined) return false;
  // "kata temanku, X", or "kata teman saya, X" with the owner as its own word.
  const speaker = SPEAKER_WORDS.has(tokens[back - 1] as string) || (back >= 2 && tables.kinOwners.has(tokens[back] as string) && SPEAKER_WORDS.has(tokens[back - 2] as string));
  return speaker && clauseCut(tables, ctx, tokens, ids, back, start) >= 0;
}

/** The tables of {@link isWritersKinAfter}, each word as folded. */
function kinAfterTables(vocab: Vocabulary): Pick<Tables, 'kinAfterGlued' | 'kinAfterWords' | 'kinOwners' | 'kinBetween'> {
  const fold = (w: string): string => tokenize(w, FOLD).join('');
  // The writer's kin words and the kin words read before a name (personalLife.kin: "sepupu", "mertua").
  const kin = [...(vocab.writersKin?.kin ?? []), ...(vocab.personalLife?.kin ?? [])].map(fold);
  return {
    kinAfterWords: new Set(kin),
    kinAfterGlued: new Set(kin.flatMap((k) => (vocab.writersKin?.clitics ?? []).map((c) => fold(k + c)))),
    kinOwners: new Set((vocab.writersKin?.owners ?? []).map(fold)),
    kinBetween: new Set((vocab.writersKin?.between ?? []).map(fold)),
  };
}

/** Most words of {@link Vocabulary.writersKin} `between` a name and the kin word after it ("ki itu"). */
const MAX_KIN_BETWEEN = 2;

/**
 * A name (not a pair) right before a kin word of the writer's or a neighbour's ("Andi anakku lulus", "Rina adik
 * saya", "Dewi anak tetangga"): the writer's relative, not the candidate.
 */
function isWritersKinAfter(tables: Tables, best: Term, tokens: string[], end: number): boolean {
  if (best.pair || best.weight <= tables.otherPersonWeight || end + 1 >= tokens.length) return false;
  let at = end + 1;
  for (let k = 0; k < MAX_KIN_BETWEEN && tables.kinBetween.has(tokens[at] as string); k++) at++;
  const next = tokens[at];
  if (next === undefined) return false;
  if (tables.kinAfterGlued.has(next)) return true;
  if (!tables.kinAfterWords.has(next)) return false;
  const owner = tokens[at + 1];
  if (owner !== undefined && tables.kinOwners.has(owner)) return true;
  return isQualifiedKin(tables, tokens, at + 1);
}

/**
 * A kin word's one qualifier before a single writer's owner word ("batur sakelas abdi", "temen kuliah gw", "kawan
 * sekampung aku"): still the writer's friend or relative. Not before "kita"/"kami" ({@link PLURAL_OWNERS}: "sahabat
 * muda kita" is an audience), nor with a number between (Pilbup Bandung set, issue 20). Asked only after a kin
 * word stood right after the name.
 */
function isQualifiedKin(tables: Tables, tokens: string[], at: number): boolean {
  const qualifier = tokens[at];
  const owner = tokens[at + 1];
  return qualifier !== undefined && owner !== undefined && tables.kinOwners.has(owner) && !PLURAL_OWNERS.has(owner)
    && !tables.kinOwners.has(qualifier) && !isDigit(qualifier);
}

/** Owners that stand for many ("kita", "kami"): "anak muda kita" is the young of a place, no one's relative. */
const PLURAL_OWNERS = new Set(['kita', 'kami'].map((w) => tokenize(w, FOLD).join('')));
/**
 * Words for "all of you" after a kin word and its owner ("temanku semua", "saudaraku sekalian", "sahabat saya
 * semuanya"): the readers addressed, as a campaign post calls them, no one's relative.
 */
const AUDIENCE_WORDS = new Set(['semua', 'semuanya', 'smua', 'samua', 'sekalian', 'kabeh', 'sedoyo', 'sadaya', 'sadayana', 'sakabeh'].map((w) => tokenize(w, FOLD).join('')));
/** A possessive left as its own token between a kin word and whose it is ("anak e pak RT", Javanese "-e"). */
const KIN_POSSESSIVE_TOKENS = new Set(['e', 'nia']);
/** Most words between a name and the kin relation that describes it in one sentence ("Indira mi yang masak coto tadi, anak tetangga"). */
const KIN_RELATION_GAP = 6;
/** Where a sentence ends: a relation in another sentence speaks of someone else ("X janji apa? kakakku belum kerja"). */
const SENTENCE_END = /[.?!\n]+/;

/**
 * A kin, friend or neighbour word ({@link Vocabulary.writersKin} `kin`, {@link Vocabulary.personalLife} `kin`) at
 * tokens[k] with whose it is: glued with an owner's clitic ("anakku", "temanmu"), an owner after it, one word between
 * allowed for one owner ("anak tetangga", "teman kuliah ulun"), a person after it ("anak e pak RT", "anak pak RT"),
 * or an owner and a possessive before it ("sa pu ade", "beta pung kaka"). A kin word said twice is a class of
 * people ("anak-anak kita"), no one's relative, and so is one addressed to all the readers ("temanku semua",
 * "saudara saya sekalian": {@link AUDIENCE_WORDS}).
 */
function isKinRelation(tables: Tables, tokens: string[], k: number): boolean {
  const w = tokens[k] as string;
  const next = tokens[k + 1];
  // "..., kata temanku": the relative is who says it, not who the name is.
  if (k > 0 && SPEAKER_WORDS.has(tokens[k - 1] as string)) return false;
  if (next !== undefined && (AUDIENCE_WORDS.has(next) || (tables.kinOwners.has(next) && AUDIENCE_WORDS.has(tokens[k + 2] as string)))) return false;
  if (tables.kinAfterGlued.has(w)) return true;
  if (!tables.kinAfterWords.has(w) || tokens[k - 1] === w || next === w) return false;
  if (next !== undefined && tables.kinOwners.has(next)) return true;
  const after = tokens[k + 2];
  if (after !== undefined && tables.kinOwners.has(after) && !PLURAL_OWNERS.has(after)) return true;
  const person = next !== undefined && KIN_POSSESSIVE_TOKENS.has(next) ? after : next;
  if (person !== undefined && tables.honorifics.has(person)) return true;
  return k >= 2 && POSSESSIVES.has(tokens[k - 1] as string) && tables.kinOwners.has(tokens[k - 2] as string);
}

/**
 * A strong one-word name with a relation of someone's own life near it in its sentence ({@link isKinRelation}),
 * not right beside it (those are {@link isKinOf} and {@link isWritersKinAfter}): "Indira mi yang masak coto tadi,
 * anak tetangga", "Razak dari Malaysia datang ke Palangka, teman kuliah ulun", "sa pu ade pu nama Constant". The
 * sentence describes someone of the writer's own people, and a bare name in it is as likely them as the
 * candidate: the name weighs a surname's, so election talk beside it still makes it the candidate's. A relation
 * far off or in another sentence is an anecdote beside the candidate ("X janji apa? kakakku belum kerja"). A
 * full name, a pair or a multi-word alias is left as it is. The text is read again by sentence only when a strong
 * one-word name and a kin word were both found.
 */
function settleKinRelation(tables: Tables, text: string, tokens: string[], found: Term[]): void {
  let at = -1;
  for (let k = 0; k < found.length && at < 0; k++) if (tables.singleNames.has(found[k] as Term)) at = k;
  if (at < 0) return;
  // A loop, not `some` with a closure: a closure holding `tables` made this function's scope anew for every text.
  let kin = false;
  for (const w of tokens) if (tables.kinAfterWords.has(w) || tables.kinAfterGlued.has(w)) { kin = true; break; }
  if (kin) settleKinSentences(tables, text, found, at);
}

/** {@link settleKinRelation} once a strong one-word name and a kin word were both found, from the first such name (`at`). */
function settleKinSentences(tables: Tables, text: string, found: Term[], at: number): void {
  const sentences = text.split(SENTENCE_END).map((piece) => tokenize(piece, FOLD));
  for (let k = at; k < found.length; k++) {
    const t = found[k] as Term;
    const key = tables.singleNames.get(t);
    if (key !== undefined && sentences.some((words) => isNearKinRelation(tables, words, key))) found[k] = asOtherPerson(tables, t);
  }
}

/** The name `key` in a sentence's words with a kin relation within {@link KIN_RELATION_GAP} words of it. */
function isNearKinRelation(tables: Tables, words: string[], key: string): boolean {
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== key) continue;
    const from = Math.max(0, i - KIN_RELATION_GAP - 1);
    const to = Math.min(words.length - 1, i + KIN_RELATION_GAP + 1);
    for (let k = from; k <= to; k++) if (k !== i && isKinRelation(tables, words, k)) return true;
  }
  return false;
}

/** `list` with the paslon `p` once (made when first needed): at most one entry per pair, however often the text repeats it. */
function withPaslon(list: number[] | undefined, p: number): number[] {
  if (list === undefined) return [p];
  if (!list.includes(p)) list.push(p);
  return list;
}

/**
 * A kin, friend or neighbour word right beside a one-word name: after it, {@link Vocabulary.writersKin} `between`
 * words allowed ("X teman saya", "X itu tetangga saya", "X temanku"), or before it glued to its owner or followed by
 * one, honorifics between ("adikku X", "teman saya Pak X"). Asked only of a name another rule has just dropped as
 * someone's (an occupation or relation after it, a relative before it), to remember its paslon for {@link isKinCalled}.
 */
function isKinBeside(tables: Tables, tokens: string[], start: number, end: number): boolean {
  let at = end + 1;
  for (let k = 0; k < MAX_KIN_BETWEEN && tables.kinBetween.has(tokens[at] as string); k++) at++;
  const next = tokens[at];
  if (next !== undefined && (tables.kinAfterWords.has(next) || tables.kinAfterGlued.has(next))) return true;
  let back = start - 1;
  while (back >= 0 && tables.honorifics.has(tokens[back] as string)) back--;
  const word = tokens[back];
  if (word === undefined) return false;
  return tables.kinAfterGlued.has(word) || (back >= 1 && tables.kinOwners.has(word) && tables.kinAfterWords.has(tokens[back - 1] as string));
}

/**
 * A call to vote for a ballot number (a vote verb first: "pilih nomor 3", "coblos 3", "dukung no 3") whose paslon is
 * that of a one-word name dropped as the writer's friend or relative ({@link isKinBeside}): "X teman saya, pilih nomor
 * 3", "adikku X, dukung nomor 3" is a friend's endorsement of the candidate, and a namesake friend is not the pair the
 * text calls to vote for. A number of another pair, or one with no vote verb, leaves the name someone's
 * ("X teman saya, dulu kos nomor 3"). Asked only of the ballot numbers counted in a text where such a name was dropped.
 */
function isKinCalled(t: Term, kinNamed: number[], callVerbs: Set<string>, ctx: ScanContext): boolean {
  return t.paslon !== undefined && kinNamed.includes(t.paslon) && isCalledNumber(t, callVerbs, ctx);
}

/** Words for someone's home, as folded: Indonesian, Javanese, Balinese and Sundanese "rumah". */
const HOME_WORDS = new Set(['rumah', 'omah', 'umah', 'imah', 'rumahe', 'omahe', 'rumahnya'].map((w) => tokenize(w, FOLD).join('')));

/**
 * A one-word name right after a word for someone's home, honorifics between ("rapat RT nang omah pak X", "kumpul di
 * rumah Bu X"): whose house it is, a neighbour as often as the candidate. The name weighs a surname's, so
 * election talk beside it still makes it the candidate's ("relawan kumpul di rumah Pak X").
 */
function isHomeOf(tables: Tables, tokens: string[], start: number, end: number): boolean {
  if (!isOneNameWord(tables, tokens, start, end)) return false;
  let back = start - 1;
  while (back >= 0 && tables.honorifics.has(tokens[back] as string)) back--;
  return back >= 0 && HOME_WORDS.has(tokens[back] as string);
}

/** Most words between a home's one-word name and the campaign actor word after it ({@link isCampHome}). */
const CAMP_HOME_GAP = 5;

/**
 * After a home's one-word name ({@link isHomeOf}), in its clause and a few words on, a campaign actor word
 * (`terms.actor`: "relawan", "simpatisan", "pendukung") that ends the clause: the house is opened to the camp
 * ("Rumah X terbuka untuk relawan", "rumah X jadi posko relawan"), so the name keeps its own weight. An actor
 * word qualified by the word after it is another kind of volunteer ("rumah pak X dipakai rapat relawan banjir"),
 * and one before the home is the meeting's guests ("rapat relawan banjir di rumah pak X"): the home rule stands.
 * Asked only once the home rule fired; reads at most CAMP_HOME_GAP + 1 words.
 */
function isCampHome(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[] | undefined, end: number): boolean {
  if (ids === undefined) return false;
  const last = Math.min(tokens.length - 1, end + CAMP_HOME_GAP + 1);
  for (let k = end + 1; k <= last; k++) {
    if (isClauseStart(tables, ctx, tokens, ids, k)) return false;
    if (tables.trie.get(tokens[k] as string)?.term?.category !== 'actor') continue;
    if (k + 1 >= tokens.length || isClauseStart(tables, ctx, tokens, ids, k + 1)) return true;
  }
  return false;
}

/** A word of what a voter brings to the polling place anywhere in the text ("KTP", "undangan"; see {@link Vocabulary.voterBrings}). */
function hasVoterThing(tables: Tables, tokens: string[]): boolean {
  return hasTokenIn(tables.voterThings, tokens);
}

/** A strong one-word name followed by a second-person pronoun in a text that asks something ("X kamu di mana?"). */
function isAskedName(tables: Tables, ctx: ScanContext, best: Term, tokens: string[], start: number, end: number): boolean {
  const next = tokens[end + 1];
  return next !== undefined && tables.addressedWords.has(next) && !best.pair && best.weight > tables.otherPersonWeight
    && ctx.text.includes('?') && isOneNameWord(tables, tokens, start, end);
}

/**
 * One name word right after the honorifics that open the text, then a clause boundary, in a text that asks
 * something ("Mas X, kamar nomer 2 masih kosong?", "mbak X, jadwal posyandu kapan?"): the writer speaks to
 * someone in the chat. An alias that holds the honorific ("Pak X" as listed) is how people address the
 * candidate, so it is left as it is; election talk beside the name still makes it the candidate's.
 */
function isAddressedByTitle(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[] | undefined, start: number, end: number): boolean {
  if (ids === undefined || start === 0 || end !== start || end + 1 >= tokens.length) return false;
  for (let k = 0; k < start; k++) if (!tables.honorifics.has(tokens[k] as string)) return false;
  return ctx.text.includes('?') && isClauseStart(tables, ctx, tokens, ids, end + 1);
}

/** Words an office's organisation may take between the office and the name ("Sekjen PDIP X", "Kepala BNPB X"): one, as a verb there ("Sekjen PBNU menggantikan X") makes X no holder. */
const OFFICE_GAP = 1;

/** An office of {@link Vocabulary.otherOffices} before the name, honorifics and up to OFFICE_GAP words between, no former word before it. */
function isOtherOfficeBefore(tables: Tables, tokens: string[], start: number): boolean {
  if (start === 0 || (tables.otherOffices.size === 0 && tables.otherOfficePairs.size === 0)) return false;
  let back = start - 1;
  while (back >= 0 && tables.honorifics.has(tokens[back] as string)) back--;
  for (let k = back; k >= 0 && k >= back - OFFICE_GAP; k--) {
    const word = tokens[k] as string;
    let from = -1;
    if (tables.otherOffices.has(word)) from = k;
    else if (k > 0 && tables.otherOfficePairs.get(tokens[k - 1] as string)?.has(word) === true) from = k - 1;
    if (from >= 0) return !(from > 0 && tables.formerWords.has(tokens[from - 1] as string));
  }
  return false;
}

/**
 * A name right followed by a company's or club's office ({@link Vocabulary.officesAfter}: "X CEO PSIS", "X presiden
 * Barito Putera"): that office's holder, as with another office before the name.
 */
function isOtherOfficeAfter(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[] | undefined, end: number): boolean {
  const next = tokens[end + 1];
  if (next === undefined || !tables.officeAfterStarts.has(next)) return false;
  // In the name's own clause: "X: Presiden ... melantik" is a headline's next sentence.
  return (tables.officesAfter.has(next) || (end + 2 < tokens.length && tables.officeAfterPairs.get(next)?.has(tokens[end + 2] as string) === true))
    && !isClauseStart(tables, ctx, tokens, ids, end + 1);
}

/** Words after a name a cleric's pulpit word may stand ("Gus X isi pengajian akbar", "Ustadz X malam ini ceramah"). */
const PREACHING_GAP = 2;

/** A name right after a cleric's honorific, with a pulpit word within PREACHING_GAP words after it ({@link Vocabulary.preaching}). */
function isPreachingCleric(tables: Tables, tokens: string[], start: number, end: number): boolean {
  if (start === 0 || !tables.clericHonorifics.has(tokens[start - 1] as string)) return false;
  for (let k = end + 1; k <= end + PREACHING_GAP + 1 && k < tokens.length; k++) if (tables.preachingActs.has(tokens[k] as string)) return true;
  return isPreachingBefore(tables, tokens, start - 1);
}

/**
 * A preaching act or the preacher's duty within {@link PREACHING_GAP} words before a cleric's honorific, a clitic
 * glued on allowed: "khotibnya ustad X" (Betawi "khotibnye", Sundanese "khotibna"), "pengajian bersama Ustadz X".
 * The cleric is the one named at that duty, as with the act after the name ({@link isPreachingCleric}): the mosque's
 * preacher of the week in any region's chat. Asked only of a name right after a cleric's honorific.
 * (Pilbup Tangerang and Pilbup Cianjur sets, issue 20.)
 */
function isPreachingBefore(tables: Tables, tokens: string[], honorific: number): boolean {
  for (let k = honorific - 1; k >= 0 && k >= honorific - PREACHING_GAP; k--) {
    const word = tokens[k] as string;
    if (tables.preachingActs.has(word) || tables.preachingActs.has(withoutClitic(word))) return true;
  }
  return false;
}

/**
 * A campaign word of {@link Vocabulary.servantCampaign} `acts` at `at`, right after one of its `joins` ("ikut
 * kampanye", "melu kampanye", "datang kampanye"). Whether the text names civil servants is asked once, after the scan.
 */
function isServantCampaign(tables: Tables, tokens: string[], at: number): boolean {
  return at > 0 && tables.servantJoins.has(tokens[at - 1] as string);
}

/** The name as weak as a common name, as someone else's: election talk beside it still makes it the candidate's. */
function asCommonPerson(tables: Tables, t: Term): Term {
  return weakTwin(tables.commonPerson, tables.commonNameWeight, t);
}

/** The name weak as a surname is, as another person's name: election talk beside it still makes it the candidate's. */
function asOtherPerson(tables: Tables, t: Term): Term {
  return weakTwin(tables.otherPerson, tables.otherPersonWeight, t);
}

/**
 * A candidate's surname (a one-word name weaker than a full name and stronger than a common given name; written with
 * an apostrophe, "Mas'ud", it is read from two tokens) right after another
 * person's given name ({@link Tables.otherFamilyGiven}): "Rudy Mas'ud" for a Rahmad Mas'ud, "hasan basri" for a
 * Rizal Basri. A sibling, a parent or a namesake, in title case and lower case alike, where {@link asWritten} reads
 * capitals only in a text that mixes them. Election talk beside it still makes it the candidate's.
 */
function isOtherFamilyName(tables: Tables, best: Term, tokens: string[], start: number): boolean {
  // Cheapest first: most names found are full names or pairs, whose weight is the threshold's.
  if (best.weight >= tables.threshold || best.weight <= tables.commonNameWeight || best.pair || best.caps || best.acronym) return false;
  return (tables.otherFamilyGiven ??= otherFamilyGivenNames(tables.otherGivenNames, tables.ownNameWords, tables.knownWords)).has(tokens[start - 1] as string)
    && isOneWordName(best);
}

/** {@link Tables.otherFamilyGiven}, made once per classifier from its name tables. */
function otherFamilyGivenNames(given: Set<string>, own: Set<string>, known: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const name of given) {
    if (name.includes(' ') || known.has(name)) continue;
    let near = false;
    for (const word of own) if (isOneEditApart(name, word)) { near = true; break; }
    if (!near) out.add(name);
  }
  return out;
}

/** At most one letter changed, added or dropped between `a` and `b`, in one pass (no table: built per classifier). */
function isOneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  if (i === short.length) return true;
  // At the first difference a letter was changed (same lengths) or added to the longer word: the rest is equal.
  return short.slice(short.length === long.length ? i + 1 : i) === long.slice(i + 1);
}

/** The name term at no more than `weight`, made once per term and kept in `twins`. */
function weakTwin(twins: Map<Term, Term>, weight: number, t: Term): Term {
  let twin = twins.get(t);
  if (!twin) twins.set(t, (twin = makeTerm(t.label, Math.min(t.weight, weight), PASLON_NAME, { paslon: t.paslon })));
  return twin;
}

/** Words after a name that make it another person's: an occupation or neighbour, or someone's own life ({@link Vocabulary.personalLife}). */
function personAfterWords(vocab: Vocabulary): string[] {
  return [...(vocab.personAfter ?? []), ...(vocab.personalLife?.after ?? [])];
}

/**
 * A one-word name followed by an everyday word of someone's own life ("Mirza bengkel", "Vasko kucing", "Sutono jual"),
 * by a possessive and such a word or a place of trade ("Rico pe kios", "Yosef pung kios", "Mirza punya bengkel"), or by
 * a verb of working and "di" before either ("Richard kerja di bengkel").
 */
function isEverydayAfter(tables: Tables, tokens: string[], at: number): boolean {
  const next = tokens[at + 1];
  if (next === undefined) return false;
  if (tables.everydayAfter.has(next)) return true;
  if (tables.workVerbs.has(next) && tokens[at + 2] === WORK_AT) {
    const place = tokens[at + 3];
    if (place !== undefined && (tables.everydayAfter.has(place) || tables.namedAfter.has(place))) return true;
  }
  if (tables.relativeWords.has(next) && isEverydayAfter(tables, tokens, at + 1)) return true;
  const owned = POSSESSIVES.has(next) ? tokens[at + 2] : undefined;
  return owned !== undefined && (tables.everydayAfter.has(owned) || tables.namedAfter.has(owned));
}

/** The word between a verb of working and the place ("kerja di bengkel"). */
const WORK_AT = 'di';

/**
 * Words that make the next word the name's own: "punya", and the possessives of eastern Indonesia's Malay
 * (Manado "pe", Kupang and Ambon "pung", Papua "pu"); before a vote word the name is still the candidate ("Rico pe tim").
 */
const POSSESSIVES = new Set(['punya', 'pe', 'pung', 'pu'].map((w) => tokenize(w, FOLD).join('')));

/**
 * A name followed by a team's, shop's or brand's word ("X FC", "X Cell"), or by an office's unit, "dari" or
 * "di" between allowed ("Pak X dari bagian umum", "Pak X Kasubag Umum"): another's name, or a colleague.
 */
function isOtherNameAfter(tables: Tables, tokens: string[], end: number): boolean {
  const next = tokens[end + 1];
  if (next === undefined) return false;
  if (tables.thingAfter.has(next) || tables.workplaceUnits.has(next)) return true;
  const after = tokens[end + 2];
  return after !== undefined && tables.workplaceLinks.has(next) && tables.workplaceUnits.has(after);
}

/** The word every campaign act of the vocabulary holds ("kampanye akbar", "safari kampanye"). */
const CAMPAIGN_WORD = 'kampanye';

/**
 * A campaign act followed by another person's full name: a common given name ({@link Tables.otherGivenNames}) that
 * is none of this paslon file's, then a word neither the dictionary nor the vocabulary knows (tokens are folded,
 * so "janji" reads as the name "Yani"; "pas kampanye janji jalan ...", "kampanye baru datang" stay), an honorific
 * before the name allowed: "Kampanye Akbar Dedi Mulyadi di Gasibu", "kampanye
 * akbar andra soni-dimyati": the campaign of another race's candidate held the same season, which the voters here
 * read of too (Pilbup Bandung and Pilwalkot Tangerang sets, issue 20). This race's campaign is named by its own
 * candidates ("kampanye akbar Sahrul"), who are no other given name. Asked only of an act term.
 */
function isOthersCampaign(tables: Tables, best: Term, tokens: string[], end: number): boolean {
  if (!best.label.includes(CAMPAIGN_WORD)) return false;
  let at = end + 1;
  if (tables.honorifics.has(tokens[at] as string)) at++;
  const next = tokens[at];
  const surname = tokens[at + 1];
  return next !== undefined && surname !== undefined && !tables.foldedDictionary.has(next) && !tables.knownWords.has(next)
    && !isDigit(surname) && !tables.foldedDictionary.has(surname) && !tables.knownWords.has(surname)
    && (tables.otherGivenNames.has(next) || isOthersPairAfter(tables, next, surname));
}

/**
 * Another pair named by its two calling names after a campaign act, the running mate's a common given name that is
 * none of this paslon file's ({@link Tables.otherGivenNames}): "Kampanye Akbar Airin-Ade di Kabupaten X", a
 * governor's pair campaigning in this regency. A pair is named "X-Y" in every region's news; the first word, which no
 * dictionary, vocabulary or paslon file knows ({@link isOthersCampaign} asks that of both), is the other
 * candidate's. (Pilbup Tangerang set, issue 20.)
 */
function isOthersPairAfter(tables: Tables, first: string, second: string): boolean {
  return !isDigit(first) && tables.otherGivenNames.has(second);
}

/** Neighbourhood units a person is said to live in ("RT 3", "RW 05"). */
const NEIGHBOURHOOD_UNITS = new Set(['rt', 'rw'].map((w) => tokenize(w, FOLD).join('')));
/** Words between a name and its neighbourhood unit: "dari", Sundanese "ti", "anak" and "warga" (one who lives there). */
const NEIGHBOURHOOD_LINKS = new Set(['dari', 'ti', 'anak', 'warga'].map((w) => tokenize(w, FOLD).join('')));

/**
 * A name placed in a neighbourhood unit by its number ("Gun Gun ti RT 3", "X anak RT 4", "X dari RW 05"): a neighbour
 * told apart from others of that name, not the candidate, whom no one places by RT (Pilbup Bandung and Pilwalkot
 * Tangerang sets, issue 20). A link word is needed: "X di RT 4" is as often the candidate visiting it.
 */
function isNeighbourAfter(tokens: string[], end: number): boolean {
  const link = tokens[end + 1];
  if (link === undefined || !NEIGHBOURHOOD_LINKS.has(link)) return false;
  const unit = tokens[end + 2];
  const number = tokens[end + 3];
  return unit !== undefined && number !== undefined && NEIGHBOURHOOD_UNITS.has(unit) && isDigit(number);
}

/**
 * A name called to be voted for by what stands right before it, honorifics between: a vote slogan (`slogans`'
 * "menangkan {name}", "coblos {name}") or the candidate's own ballot number called with a vote verb ("pilih nomor 2
 * X", `callEnd` its end; a bare count stays: "ada 2 X ti RT 3"). A neighbourhood
 * unit after such a name ({@link isNeighbourAfter}) is an aside a campaign call can carry ("menangkan X ti RT 3"),
 * not another person: a neighbour is told apart by RT, never called to be voted for.
 */
function isCalledBefore(tables: Tables, tokens: string[], start: number, callEnd: number): boolean {
  let back = start - 1;
  while (back >= 0 && tables.honorifics.has(tokens[back] as string)) back--;
  return back >= 0 && (back === callEnd || longestSlogan(tables.before, tokens, back, -1) !== undefined);
}

/** Phrases of exactly two words, by first word then second; tokens hold no space, so no other phrase is ever two tokens. */
function wordPairs(phrases: string[][]): Map<string, Set<string>> {
  const pairs = new Map<string, Set<string>>();
  for (const [first, second, ...rest] of phrases) {
    if (first === undefined || second === undefined || rest.length > 0) continue;
    let seconds = pairs.get(first);
    if (!seconds) pairs.set(first, (seconds = new Set()));
    seconds.add(second);
  }
  return pairs;
}

/** A weak ballot number beside a guard word or another number: a time, a floor, a queue, a count ("jam 02.00", "lantai 2"). */
function isGuarded(tables: Tables, tokens: string[], start: number, end: number): boolean {
  const before = tokens[start - 1];
  const after = tokens[end + 1];
  return (before !== undefined && (tables.guardBefore.has(before) || (isDigit(before) && !isPlaceNumber(tables, tokens, start - 1)) || tables.guardBefore.has(withoutClitic(before))
      || (tables.guardOrdinal.has(before) && isNumberWord(tokens[start] as string))))
    || (after !== undefined && (tables.guardAfter.has(after) || isDigit(after)));
}

/** Most digit groups a count is written in ("259.814" reads as two tokens). */
const MAX_COUNT_GROUPS = 3;

/**
 * A weak ballot number at tokens[start..end] as a tally's entry: the number, a `between` word allowed ("dapat"), a
 * count in digits (thousands groups of three after it), a `units` word allowed ("suara", "persen"); nothing before
 * the number that would guard it (the previous entry's end aside), and no other measure after the count ("30
 * menit", "2 kg"). Returns the entry's last token, or -1. Asked only of a number its guards set aside.
 */
function tallyEnd(tables: Tables, tokens: string[], start: number, end: number, previous: number): number {
  const before = tokens[start - 1];
  if (before !== undefined && start - 1 !== previous && (tables.guardBefore.has(before) || tables.guardBefore.has(withoutClitic(before))
    || isDigit(before) || tables.guardOrdinal.has(before))) return -1;
  let k = end + 1;
  if (tables.tallyBetween.has(tokens[k] as string)) k++;
  if (tokens[k] === undefined || !isDigit(tokens[k] as string)) return -1;
  const first = k;
  while (k - first < MAX_COUNT_GROUPS - 1 && tokens[k + 1]?.length === 3 && isDigit(tokens[k + 1] as string)) k++;
  const after = tokens[k + 1];
  if (after === undefined) return k;
  if (tables.tallyUnits.has(after)) return k + 1;
  return tables.guardAfter.has(after) ? -1 : k;
}

/** Tally entries of two ballot numbers or more ("01 48%, 02 52%"): one number before a count is a phone's or a price's. */
function isTally(entries: Term[]): boolean {
  for (const t of entries) if (t.paslon !== (entries[0] as Term).paslon) return true;
  return false;
}

/** The number at `at` is a place's of the vote ("TPS 05"): it guards no ballot number after it. */
function isPlaceNumber(tables: Tables, tokens: string[], at: number): boolean {
  return at > 0 && tables.guardPlaces.has(tokens[at - 1] as string);
}

/** Words after a weak ballot number at the start of a text within which {@link Vocabulary.numberSubject}'s talk is looked for. */
const SUBJECT_WINDOW = 4;

/** Emphasis in a text: an exclamation mark or an emoji ("01 🔥🔥", "02!!!"). */
const EMPHASIS = /[!\p{Extended_Pictographic}]/u;

/**
 * A ballot number as the subject of the text (see {@link Vocabulary.numberSubject}): nothing before it but
 * openers; a bare zero-padded one needs a word after it, an opener before it ("otw 02", "semoga 01") or
 * emphasis ("01 🔥🔥", "02!!!"): a lone "02" is as often the answer to "kamar berapa?". A weaker one needs
 * talk of a candidate within SUBJECT_WINDOW words. Asked only of a number term the guards left, so a time
 * or a floor never gets here.
 */
function isSubjectNumber(tables: Tables, tokens: string[], start: number, end: number, term: Term, text: string): boolean {
  for (let k = leadingMentions(text); k < start; k++) if (!tables.subjectOpeners.has(tokens[k] as string)) return false;
  if ((checksOf(tables, term) & PADDED) !== 0) return end + 1 < tokens.length || start > 0 || EMPHASIS.test(text);
  const to = Math.min(tokens.length - 1, end + SUBJECT_WINDOW);
  for (let k = end + 1; k <= to; k++) {
    const word = tokens[k] as string;
    if (tables.subjectTalk.has(word) || tables.subjectTalk.has(withoutClitic(word))) return true;
  }
  return false;
}

/**
 * A strong ballot-number term that starts with the number or an order word ("3 menyala", "02 menang", "no 1
 * menyala") right after a guard word: the lamp's, the room's, the neighbourhood's number ("lampu 2 menyala",
 * "RT 02 menang lomba"). Only the word before counts: a strong term carries its own vote word after the number.
 */
/** The mentions a reply opens with ("@budi @sari 01 menang", "[USERNAME] yang nomor 1 ..."), as written or anonymised. */
const LEADING_MENTIONS = /^(?:\s*(?:@[\p{L}\p{N}_.]+|\[USERNAME\]))+/u;

/** Tokens of the mentions a reply opens with: the text's subject comes after them. */
function leadingMentions(text: string): number {
  const c = text.charCodeAt(0);
  if (c !== 64 && c !== 91 && c !== 32) return 0;
  const m = LEADING_MENTIONS.exec(text);
  return m === null ? 0 : tokenize(m[0], FOLD).length;
}

function isNumberFirstGuarded(tables: Tables, tokens: string[], start: number): boolean {
  const first = tokens[start] as string;
  const before = tokens[start - 1];
  // A camp's word that is a count's unit right after a number is the count's ("01 12 orang, 02 9 orang"): no "orang 02".
  if (before !== undefined && isDigit(before) && tables.guardAfter.has(first)) return true;
  if (before === undefined || !(isNumberWord(first) || tables.numberStarts.has(first))) return false;
  return tables.guardBefore.has(before) || tables.guardBefore.has(withoutClitic(before));
}

/**
 * The empty box named at tokens[start..end] as a side of a single pair's race: a `talk` word of
 * {@link Vocabulary.emptyBox} within {@link EMPTY_BOX_GAP} words either side, as written or without a clitic
 * ("tim koko", "yang menang kotak kosong", "kotak kosong itu bukan lawan", "koko kalah jua").
 */
function isEmptyBoxTalk(tables: Tables, tokens: string[], start: number, end: number): boolean {
  const from = Math.max(0, start - EMPTY_BOX_GAP);
  const to = Math.min(tokens.length - 1, end + EMPTY_BOX_GAP);
  for (let k = from; k <= to; k++) {
    if (k >= start && k <= end) continue;
    const word = tokens[k] as string;
    if (tables.emptyBoxTalk.has(word) || tables.emptyBoxTalk.has(withoutClitic(word))) return true;
  }
  return false;
}

/** Number words that carry on a number spelt digit by digit ("kosong dua delapan", "kosong satu sebelas"), folded as tokens are ("tujuh" -> "tuiuh"). */
const SPELT_DIGITS = new Set([...NUMBER_WORDS, 'kosong', 'sepuluh', 'sebelas', 'belas', 'puluh', 'seratus', 'ratus'].flatMap((w) => tokenize(w, FOLD)));

/**
 * A zero-padded number spelt out ("kosong dua", "nol satu") with another number word right after it, in the same
 * clause: digits read one by one (a phone's area code, a table's or a room's number), no ballot number.
 * "kosong satu, kosong dua" across a comma is two numbers and is left to the other rules.
 */
function isSpeltDigits(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[] | undefined, start: number, end: number): boolean {
  const first = tokens[start] as string;
  if (first !== 'kosong' && first !== 'nol') return false;
  const next = tokens[end + 1];
  if (next === undefined || ids === undefined || !SPELT_DIGITS.has(next) || isClauseStart(tables, ctx, tokens, ids, end + 1)) return false;
  // The same number again is a chant ("kosong tiga kosong tiga!!!"), not digits.
  return !(next === first && tokens[end + 2] === tokens[end]);
}

/** {@link NUMBER_WORDS} folded as tokens are ("tujuh" -> "tuiuh"), for {@link isNumberWord}. */
const NUMBER_TOKENS = new Set(NUMBER_WORDS.flatMap((w) => tokenize(w, FOLD)));

/** A number in digits or words ("2", "02", "dua", "tujuh", "kosong"), as a number term may start; `token` is folded. */
function isNumberWord(token: string): boolean {
  return isDigit(token) || token === 'kosong' || NUMBER_TOKENS.has(token);
}

/** A word without a possessive clitic ("rumahnya" -> "rumah", "kamarku" -> "kamar"), for number guards. */
function withoutClitic(token: string): string {
  let stem = cliticFree.get(token);
  if (stem === undefined) {
    if (cliticFree.size >= FIX_CACHE_SIZE) cliticFree.clear();
    stem = token;
    for (const c of CLITICS) if (token.length - c.length >= MIN_STEM && token.endsWith(c)) { stem = token.slice(0, -c.length); break; }
    cliticFree.set(token, stem);
  }
  return stem;
}
/**
 * {@link withoutClitic} of recent words, cut once per distinct word: the rules ask it of the word before every name
 * and number found, and a new string cut each time was hashed anew by the Set asked next.
 */
const cliticFree = new Map<string, string>();

/**
 * Clitics that glue onto a word ("debatnya", "cagubnya", "pilihlah"), as folded ("-nya" folds to "-nia"), and
 * their regional kin, which hide a term the same way: Minang and Palembang "-nyo" ("cagubnyo", folded "-nio"),
 * Sundanese and Batak "-na" ("programna", "calonna"), Javanese "-ne"/"-e" ("bupatine", "calone"), Bugis and
 * Makassar "-ta", "-ki", "-mi" ("calonta", "pilihki", "kampanyemi"), Palu and Manado "-mo" ("cagubmo"), Betawi and
 * Riau-Malay "-nye" ("cagubnye", "debatnye", folded "-nie").
 * A word keeps its clitic unless what is left is a term's word of three letters or more.
 */
const CLITICS = ['nia', 'nie', 'lah', 'kah', 'pun', 'ku', 'mu', 'nio', 'na', 'ne', 'ta', 'ki', 'mi', 'mo', 'e'];
/** Shortest word left once a clitic is taken off. */
const MIN_STEM = 3;

/** Javanese endings of a verb told to someone ("coblosen", "pilihen", "coblosno"): read only on the vote's verbs. */
const VERB_ENDINGS = ['en', 'no'];

/** A vote verb (an `act` term of one word) with a Javanese ending, as that verb: "coblosen" -> "coblos"; undefined otherwise. */
function javaneseVerb(trie: Trie, token: string): string | undefined {
  for (const e of VERB_ENDINGS) {
    if (token.length - e.length < MIN_STEM || !token.endsWith(e)) continue;
    const stem = token.slice(0, -e.length);
    if (trie.get(stem)?.term?.category === 'act') return stem;
  }
  return undefined;
}
/**
 * Regional prefixes of a verb, each with the Indonesian form it stands for: Minang "ma-" is "me-" ("mancoblos" ->
 * "mencoblos", "mamilih" -> "memilih"); the Manado, Malay, Banjar and Minang "ba-" is the bare verb ("bacoblos",
 * "bakampanye"). Read only on the vote's verbs, as {@link VERB_ENDINGS} are.
 */
const VERB_PREFIXES: [string, string][] = [['ma', 'me'], ['ba', '']];

/** A vote verb (an `act` term of one word) with a regional prefix, as that verb: "bacoblos" -> "coblos"; undefined otherwise. */
function regionalVerb(trie: Trie, token: string): string | undefined {
  for (const [prefix, standard] of VERB_PREFIXES) {
    if (token.length - prefix.length < MIN_STEM || !token.startsWith(prefix)) continue;
    const verb = standard + token.slice(prefix.length);
    if (trie.get(verb)?.term?.category === 'act') return verb;
  }
  return undefined;
}
/** Shortest glued word split into two names ("andikahendi"). */
const MIN_GLUED = 7;
/** Shortest name part people shorten after an honorific, and the shortest start they keep ("pak Luth", "mas Hen"). */
const MIN_SHORTENED = 4;
const MIN_SHORT = 3;

/**
 * What a word no term starts with may still be, cheapest test first:
 * - the word with a clitic taken off ("debatnya", "cagubnya", "Khofifahlah");
 * - after an honorific, the start of a name people call a candidate by ("pak Luth", "bu Khof"): weak;
 * - two names glued together ("andikahendi", "luthfiyasin");
 * - a name with one letter dropped, added, replaced or two swapped ("Lufthi"): weak alone, since a
 *   name one letter off is often another word or name ("matahari" for "Matahati", "Hendar" for
 *   "Hendrar"); names under five letters and known words are never matched this way.
 * Derived forms come from the paslon file alone, so a deployer lists none of them.
 */
function makeRepair(trie: Trie, vocab: Vocabulary, honorifics: Set<string>): Repair {
  const fold = (w: string): string => tokenize(w, FOLD).join('');
  const common = new Set(vocab.commonNames.map(fold));
  const known = new Set([...common, ...honorifics, ...(vocab.commonWords ?? []).map(fold), ...trie.keys()]);
  const w = vocab.names;
  const derivedWeight = Math.max(w.common, w.derived ?? w.common);
  const names = new Map<string, Term>();
  for (const [key, node] of trie) {
    // A name that is also a dictionary word ("Haru") gives its short forms as the name it is when written as one.
    const word = node.term?.caps?.word === true;
    const t = word ? node.term!.caps!.strong : node.term;
    if (t?.category === PASLON_NAME && !t.pair && (word || (!t.caps && !t.acronym)) && !common.has(key)) names.set(key, t);
  }
  const samePaslon = (a: Term, b: Term): boolean => a.paslon === b.paslon;
  const keys = new Map([...names].map(([key, t]) => [key, { key, t }]));
  const fuzzy: FuzzyIndex<{ key: string; t: Term }> = createFuzzyIndex(keys, known, (a, b) => samePaslon(a.t, b.t));
  // Later words of phrases ("kamil" in "ridwan kamil"), common names included: after the phrase's first word, a word one letter off is that word.
  const later = new Map<string, string>();
  const stack = [...trie.values()];
  for (let node = stack.pop(); node; node = stack.pop()) {
    for (const [key, child] of node.next ?? []) {
      later.set(key, key);
      stack.push(child);
    }
  }
  const plainWords = new Set([...honorifics, ...(vocab.commonWords ?? []).map(fold)]);
  // "sahabatku", "kawanku": the writer's own friend or kin is read as written, not as "sahabat" (a campaign group's word) and a clitic.
  const ownPeople = new Set([...(vocab.personBefore ?? []), ...(vocab.personalLife?.before ?? [])].map(fold));
  const inPhrase: FuzzyIndex<string> = createFuzzyIndex(later, plainWords, (a, b) => a === b);
  const twins = new Map<Term, Term>();
  // Starts of the names a candidate is called by, after an honorific; a start two paslon share is dropped.
  const shorts = new Map<string, Term | null>();
  const weakParts = weakNameParts(trie, names);
  for (const [key, t] of [...names, ...weakParts]) {
    if ((names.has(key) && t.weight < w.distinctive) || key.length < MIN_SHORTENED) continue;
    for (const start of nameStarts(key, t.label, fold)) {
      if (known.has(start)) continue;
      const had = shorts.get(start);
      const short = makeTerm(t.label, derivedWeight, PASLON_NAME, { paslon: t.paslon });
      shorts.set(start, had === undefined ? short : had && had.paslon === t.paslon ? had : null);
    }
  }
  const startPairs = new Map<string, Term>();
  shortCalledNameStarts(names, shorts, known, derivedWeight, w);
  closedSyllableStarts([...names, ...weakParts], shorts, known, derivedWeight);
  lastSyllableEnds(names, shorts, known, foldedDictionarySet(vocab.dictionaryWords), derivedWeight, w);
  const starts = new Uint8Array(27 * 27);
  for (const key of names.keys()) if (key.length >= MIN_STEM) starts[pairIndex(key)] = 1;
  const phraseLefts = gluedPhraseLefts(trie, weakParts);
  for (const key of phraseLefts) starts[pairIndex(key)] = 1;

  /**
   * The stems {@link unclitic} tries for a word, in the order it tries them, cut once per distinct word: it is asked
   * of the same words for every phrase they might carry on, and cutting them anew made new strings to hash each time.
   */
  const cliticStems = new Map<string, string[]>();
  const stemsOf = (token: string): string[] => {
    let stems = cliticStems.get(token);
    if (stems === undefined) {
      if (cliticStems.size >= FIX_CACHE_SIZE) cliticStems.clear();
      stems = [];
      const n = token.length;
      for (const c of CLITICS) {
        if (n - c.length >= MIN_STEM && token.endsWith(c)) {
          stems.push(token.slice(0, n - c.length));
          // Folding made one letter of the stem's last and the clitic's first ("paslonnya" -> "paslonia").
          const shared = token.slice(0, n - c.length + 1);
          if (shared.charCodeAt(shared.length - 1) === c.charCodeAt(0)) stems.push(shared);
        }
      }
      cliticStems.set(token, stems.length > 0 ? stems : (stems = NO_STEMS));
    }
    return stems;
  };
  const unclitic = (token: string, level: Map<string, unknown> = trie): string | undefined => {
    if (token.length < MIN_STEM + 2) return undefined;
    for (const stem of stemsOf(token)) if (level.has(stem)) return stem;
    return undefined;
  };
  const glued = (token: string): [string, string] | undefined => {
    if (token.length < MIN_GLUED || !starts[pairIndex(token)]) return undefined;
    for (let k = MIN_STEM; k <= token.length - MIN_STEM; k++) {
      const left = token.slice(0, k);
      if (!names.has(left)) {
        if (phraseLefts.has(left)) { const parts = gluedPhrase(trie, left, token.slice(k)); if (parts) return parts; }
        continue;
      }
      // Folding may have made one letter of the seam ("luthfiyasin" -> "lutfiasin"), or dropped the h that starts the
      // second name after the first's last consonant ("dadanhermawan" -> "dadanermawan").
      for (const right of seamRights(token, k)) {
        if (trie.has(right)) return [left, right];
        const stem = unclitic(right);
        if (stem) return [left, stem];
      }
    }
    return undefined;
  };

  /** What an unknown word is once repaired, worked out once per distinct word: chat repeats its words all day. */
  const fixOf = (token: string): Fix => {
    if (ownPeople.has(token)) return null;
    const stem = unclitic(token) ?? javaneseVerb(trie, token) ?? regionalVerb(trie, token);
    if (stem) return stem;
    const parts = glued(token);
    if (parts) return parts;
    const name = fuzzy.match(token);
    return name ? { fuzzy: name.key } : null;
  };
  const laterFixes = new Map<string, string | null>();
  /** The word's repair, kept on its info. Not `??=`: null (nothing to repair) is kept too. */
  const fixFor = (token: string, info: WordInfo): Fix => {
    if (info.fix === undefined) info.fix = fixOf(token);
    return info.fix;
  };

  return {
    unclitic,
    fuzzyKey(token) {
      if (token.length < MIN_REPAIRED || isDigit(token)) return undefined;
      let key = laterFixes.get(token);
      if (key === undefined) {
        if (laterFixes.size >= FIX_CACHE_SIZE) laterFixes.clear();
        laterFixes.set(token, (key = inPhrase.match(token) ?? null));
      }
      return key ?? undefined;
    },
    continues(token) {
      return later.has(token) || unclitic(token, later) !== undefined || this.fuzzyKey(token) !== undefined;
    },
    fuzzyTwin(t) {
      let twin = twins.get(t);
      if (!twin) {
        twins.set(t, (twin = makeTerm(t.label, Math.min(t.weight, derivedWeight), PASLON_NAME, { paslon: t.paslon })));
      }
      return twin;
    },
    inert(token, info) {
      return isDigit(token) || (!shorts.get(token) && (token.length < MIN_REPAIRED || fixFor(token, info) === null));
    },
    at(tokens, i, afterHonorific, info) {
      const token = tokens[i] as string;
      if (isDigit(token)) return undefined;
      if (afterHonorific) {
        const short = shorts.get(token);
        if (short) return short;
      } else {
        const pair = startsPair(shorts, tokens, i, startPairs, w.pair);
        if (pair) return pair;
      }
      if (token.length < MIN_REPAIRED) return undefined;
      const fix = fixFor(token, info);
      if (fix === null) return undefined;
      if (typeof fix === 'string') { tokens[i] = fix; return 'rewritten'; }
      if (Array.isArray(fix)) { tokens.splice(i, 1, ...fix); return 'rewritten'; }
      tokens[i] = fix.fuzzy;
      return 'fuzzy';
    },
  };
}

/**
 * One-word name terms that `names` leaves out: common given names and short ones ("Rudy", "Dedi",
 * "Farhan", "Seno"). People shorten them after an honorific too ("bang Rud", "kang Ded", "kang Far");
 * the short form is derived, so weak, and counts only beside election talk (see {@link NAME_SUPPORT}).
 */
function weakNameParts(trie: Trie, names: Map<string, Term>): [string, Term][] {
  const out: [string, Term][] = [];
  for (const [key, node] of trie) {
    const t = node.term;
    if (t?.category === PASLON_NAME && !t.pair && !t.caps && !t.acronym && !names.has(key)) out.push([key, t]);
  }
  return out;
}

/**
 * Starts of four-letter name parts that are weak alone only for their length ("Rico", "Yena", "Tomo"):
 * names people call a candidate by, so they shorten them after an honorific as they do longer ones
 * ("bang Ric"). Such a start only fills a gap: where a longer name's start is the same ("Dan" for
 * "Dandan" and "Dani"), or two short names share it, the longer name keeps it.
 */
function shortCalledNameStarts(names: Map<string, Term>, shorts: Map<string, Term | null>, known: Set<string>, weight: number, w: NameWeights): void {
  const added = new Map<string, Term | null>();
  for (const [key, t] of names) {
    if (key.length !== MAX_SHORT_NAME || t.weight !== w.common) continue;
    const start = key.slice(0, MIN_SHORT);
    if (known.has(start) || shorts.has(start)) continue;
    const had = added.get(start);
    added.set(start, had === undefined ? makeTerm(t.label, weight, PASLON_NAME, { paslon: t.paslon }) : had && had.paslon === t.paslon ? had : null);
  }
  for (const [start, t] of added) shorts.set(start, t);
}

/**
 * Two starts of one paslon's two names side by side, no honorific needed ("Yul-Vic", "Kad & Is"): running mates
 * shortened together, as people write a pair they like. Each start alone after an honorific is weak; the two
 * together, of one paslon and two names, are the pair. Starts two paslon share never count (`shorts` holds null).
 */
function startsPair(shorts: Map<string, Term | null>, tokens: string[], i: number, made: Map<string, Term>, weight: number): Term | undefined {
  const first = shorts.get(tokens[i] as string);
  const next = tokens[i + 1];
  if (!first || next === undefined) return undefined;
  const second = shorts.get(next);
  if (!second || second.paslon !== first.paslon || second.label === first.label) return undefined;
  const label = `${first.label}-${second.label}`;
  let pair = made.get(label);
  if (!pair) made.set(label, (pair = makeTerm(label, weight, PASLON_NAME, { paslon: first.paslon, pair: true })));
  return pair;
}

/**
 * The starts people shorten a name to after an honorific, three letters or more and short of the whole:
 * the folded name's ("lut", "lutf" of "Luthfi"), and, where folding changed the start, the written name's,
 * folded as the text's word will be ("Mid" of "Midji", which folds to "miyi").
 */
function nameStarts(key: string, label: string, fold: (w: string) => string): Set<string> {
  const out = new Set<string>();
  for (let len = MIN_SHORT; len < key.length; len++) out.add(key.slice(0, len));
  const written = label.toLowerCase();
  if (written !== key && WRITTEN_NAME.test(written) && fold(written) === key) {
    for (let len = MIN_SHORT; len < written.length; len++) {
      const start = fold(written.slice(0, len));
      if (start.length >= MIN_SHORT && start !== key) out.add(start);
    }
  }
  return out;
}

/** A one-word name as written, in lower-case ASCII letters. */
const WRITTEN_NAME = /^[a-z]+$/;

/**
 * Two-letter starts of names that open with a closed syllable, a vowel and a consonant ("Is" of "Iskandar",
 * "Ar" of "Arinal", "Em" of "Emil"): after an honorific people shorten such a name to that syllable ("pak Is",
 * "bang Ar"). Derived, so weak, and only after an honorific; a start that is a known word, or that two paslon
 * share, or that a longer start already holds, is left out. A name opening with a consonant is left alone: its
 * two letters are an open syllable of many other names ("Su", "Ma").
 */
function closedSyllableStarts(parts: [string, Term][], shorts: Map<string, Term | null>, known: Set<string>, weight: number): void {
  const added = new Map<string, Term | null>();
  for (const [key, t] of parts) {
    if (key.length < MIN_SHORTENED || !isVowelCode(key.charCodeAt(0)) || isVowelCode(key.charCodeAt(1)) || key.charCodeAt(1) < 97 || key.charCodeAt(1) > 122) continue;
    const start = key.slice(0, 2);
    if (known.has(start) || shorts.has(start)) continue;
    const had = added.get(start);
    added.set(start, had === undefined ? makeTerm(t.label, weight, PASLON_NAME, { paslon: t.paslon }) : had && had.paslon === t.paslon ? had : null);
  }
  for (const [start, t] of added) shorts.set(start, t);
}

/** Shortest name part whose last syllables people call its bearer by ("Muhidin" -> "Din"), and the shortest such end. */
const MIN_ENDED = 5;
const MIN_END = 3;

/**
 * The last syllables of a name a candidate is called by, after an honorific ("pak Din" for Muhidin, "bang Hur" for
 * Benhur, "pak Yoko" for Aryoko): each end of three letters or more that opens a syllable (a consonant before a
 * vowel, not the name's first letters). Derived, so weak, and only after an honorific, as a name's starts are; an
 * end that is a known word or name, a dictionary word of four letters or more, the start of another name, or that two
 * paslon share, is left out.
 */
function lastSyllableEnds(names: Map<string, Term>, shorts: Map<string, Term | null>, known: Set<string>, foldedDictionary: Set<string>, weight: number, w: NameWeights): void {
  const added = new Map<string, Term | null>();
  for (const [key, t] of names) {
    if (key.length < MIN_ENDED || t.weight < w.distinctive) continue;
    for (let p = 2; p <= key.length - MIN_END; p++) {
      if (isVowelCode(key.charCodeAt(p)) || !isVowelCode(key.charCodeAt(p + 1))) continue;
      const end = key.slice(p);
      // Three letters after an honorific are a nickname, whatever the dictionary lists ("pak Din"); longer, a word may be meant ("pak Tani").
      if (known.has(end) || (end.length > MIN_END && foldedDictionary.has(end)) || shorts.has(end)) continue;
      const had = added.get(end);
      added.set(end, had === undefined ? makeTerm(t.label, weight, PASLON_NAME, { paslon: t.paslon }) : had && had.paslon === t.paslon ? had : null);
    }
  }
  for (const [end, t] of added) shorts.set(end, t);
}

/**
 * First words of a candidate's name phrase that are common names ("Teguh" in "Teguh Prakosa"): typed
 * glued to the rest of the phrase ("teguhprakosa", "#bambangnugroho") they are the full name, as two
 * names glued are the pair. Only the phrase's own next word is taken, so another Teguh's name is not.
 */
function gluedPhraseLefts(trie: Trie, weakParts: [string, Term][]): Set<string> {
  const out = new Set<string>();
  for (const [key] of weakParts) {
    if (key.length < MIN_STEM) continue;
    for (const child of trie.get(key)?.next?.values() ?? []) if (child.term?.category === PASLON_NAME) { out.add(key); break; }
  }
  return out;
}

/**
 * The second of two glued names cut at `k`, as folding may have left it: as cut, with the seam letter both
 * shared ("lutfiasin"), or with the h that folding drops after a consonant put back ("dadan|ermawan" -> "hermawan").
 */
function seamRights(token: string, k: number): string[] {
  const right = token.slice(k);
  const shared = token.slice(k - 1);
  return isDroppedH(token, k) ? [right, shared, `h${right}`] : [right, shared];
}

/** Whether folding may have dropped an h at `k`: after a consonant, before a vowel ("dadan|ermawan", "rudi|ermawan" not). */
function isDroppedH(token: string, k: number): boolean {
  const before = token.charCodeAt(k - 1);
  const after = token.charCodeAt(k);
  return before >= 97 && before <= 122 && !isVowelCode(before) && isVowelCode(after);
}

const isVowelCode = (c: number): boolean => c === 97 || c === 101 || c === 105 || c === 111 || c === 117;

/** `left` and `right` as the name phrase they start, folding's shared seam letter or dropped h allowed ("bambangnugroho"). */
function gluedPhrase(trie: Trie, left: string, right: string): [string, string] | undefined {
  const next = trie.get(left)?.next;
  const token = left + right;
  for (const r of seamRights(token, left.length)) {
    if (next?.get(r)?.term?.category === PASLON_NAME) return [left, r];
  }
  return undefined;
}

/** Shortest word that may be repaired: a stem of three letters and a two-letter clitic; fuzzy matching reads words of five letters or more. */
const MIN_REPAIRED = 5;

/** An unknown word repaired: its stem, its two glued names, the name it is one letter off, or nothing. */
type Fix = string | [string, string] | { fuzzy: string } | null;
/** Distinct unknown words whose repair is remembered; bounded so a flood of distinct words cannot grow it. */
const FIX_CACHE_SIZE = 50_000;
/** A word with no clitic to take off: one empty list for all of them. */
const NO_STEMS: string[] = [];

/** Index of a word's first two letters in a 27x27 table (anything but a-z in slot 26). */
function pairIndex(s: string): number {
  const a = s.charCodeAt(0) - 97;
  const b = s.charCodeAt(1) - 97;
  return (a >= 0 && a < 26 ? a : 26) * 27 + (b >= 0 && b < 26 ? b : 26);
}

/** Adds a term once; an acronym in capitals replaces the same acronym read in lower case. */
function addFound(found: Term[], term: Term): void {
  if (found.includes(term)) return;
  if (term.category === PASLON_NAME) {
    // One name read twice (exactly, and one letter off or shortened elsewhere) counts once, at its best;
    // so does one pair ("Khofifah-Emil" and "#KhofifahEmil", read as the glued pair).
    // A loop, not findIndex: no closure made for every name found.
    let k = -1;
    for (let m = 0; m < found.length && k < 0; m++) {
      const t = found[m] as Term;
      if (t.category === PASLON_NAME && t.pair === term.pair && t.label === term.label && t.paslon === term.paslon) k = m;
    }
    if (k >= 0) {
      if ((found[k] as Term).weight < term.weight && !term.caps) found[k] = term;
      return;
    }
  }
  if (term.acronym) {
    for (let k = 0; k < found.length; k++) {
      if (found[k]?.caps?.strong === term) { found[k] = term; return; }
    }
  } else if (term.caps && found.includes(term.caps.strong)) {
    return;
  }
  found.push(term);
}

/** Slogans after the name ("HD dua periode"), slogans and group prefixes before it ("lanjutkan Pak Herman", "Sahabat HD"). */
function nameContext(tables: Tables, tokens: string[], start: number, end: number, name: Term, found: Term[]): void {
  const after = longestSlogan(tables.after, tokens, end + 1, 1);
  let back = start - 1;
  while (back >= 0 && tables.honorifics.has(tokens[back] as string)) back--;
  const before = longestSlogan(tables.before, tokens, back, -1);
  for (const slogan of [after, before]) {
    if (!slogan || (slogan === after && isContestAfter(tables, tokens, end, slogan))) continue;
    const key = `${slogan.pattern}\u0000${name.label}`;
    let term = tables.made.get(key);
    if (!term) {
      const label = slogan.pattern.replace(NAME_SLOT, name.label);
      term = makeTerm(label, slogan.weight, slogan.category, { paslon: name.paslon });
      tables.made.set(key, term);
    }
    addFound(found, term);
  }
}

/**
 * A slogan after the name followed by a contest's or queue's word (`queues.after`): "menang lomba", "menang undian",
 * "menang tender" are someone winning a contest, not the candidate the election ("Prakosa menang lomba lari").
 */
function isContestAfter(tables: Tables, tokens: string[], end: number, slogan: Slogan): boolean {
  const next = tokens[end + slogan.pattern.split(' ').length];
  return next !== undefined && tables.queueAfter.has(next);
}

/** The longest slogan reading tokens from `from` in direction `step`. */
function longestSlogan(root: Map<string, SloganNode>, tokens: string[], from: number, step: 1 | -1): Slogan | undefined {
  let level: Map<string, SloganNode> | undefined = root;
  let best: Slogan | undefined;
  for (let k = from; level && k >= 0 && k < tokens.length; k += step) {
    const node: SloganNode | undefined = level.get(tokens[k] as string);
    if (!node) break;
    if (node.slogan) best = node.slogan;
    level = node.next;
  }
  return best;
}

/** Whether the text writes `form` in capitals as a word of its own ("HD" in "Sahabat HD", "#HD2periode", not in "HDMI"). */
function hasCapitals(text: string, form: string): boolean {
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    textScanWork.places++;
    const before = at > 0 ? text.charCodeAt(at - 1) : 32;
    const after = at + form.length < text.length ? text.charCodeAt(at + form.length) : 32;
    if (!isUpperOrLowerAfter(before, false) && !isUpperOrLowerAfter(after, true)) return true;
  }
  return false;
}

/**
 * Whole-text scans asked by rules per match ({@link textFact}: each key's first ask runs one) and the places the
 * scans behind {@link isWrittenStrong} (writtenAsName, hasCapitals, isShoutedAmong) visit, summed over every text
 * classified: work, not time, for tests that show a text repeating a name or number n times costs a few scans
 * and about n places, not n of each (tests/core/classifier-linear.test.ts).
 */
export const textScanWork = { scans: 0, places: 0 };

/**
 * Whether the text writes a two-sided name's `form` as a name: a dictionary-word name (`word`) anywhere not all in
 * lower case (writtenAsName), an acronym anywhere in capitals (hasCapitals); and not only in runs of shouting
 * (isShoutedAmong). Each of the three scans the whole text and depends on the text and the form alone, so the
 * answer is kept in the context per form: a text repeating one name n times costs n steps, not n², and a text
 * costs one scan per distinct two-sided form found in it (a handful in a paslon file).
 */
function isWrittenStrong(tables: Tables, ctx: ScanContext, form: string, word: boolean): boolean {
  // A form is either a word or an acronym for every place it is found; the key keeps them apart all the same.
  return textFact(ctx, word ? `w${form}` : `a${form}`, () => word
    ? writtenAsName(ctx.text, (ctx.lower ??= ctx.text.toLowerCase()), form) && !isShoutedAmong(tables, ctx.text, form)
    : hasCapitals(ctx.text, form) && !isShoutedAmong(tables, ctx.text, form));
}

/**
 * {@link textFact}s that {@link scan} asks, each in a function of its own: a closure made inside scan's loop would hold
 * the loop body's scope, so every token read would make that scope anew, whether a term was found there or not.
 */
function senseWordFact(tables: Tables, ctx: ScanContext, tokens: string[]): boolean {
  return textFact(ctx, 'o', () => hasSenseWord(tables, tokens));
}
/** Whether the text holds a name's spelling as listed ("l" + spelling; see {@link textFact}). */
function speltFact(ctx: ScanContext, spelt: string): boolean {
  return textFact(ctx, `l${spelt}`, () => (ctx.lower ??= ctx.text.toLowerCase()).includes(spelt));
}
/** Whether the text writes an English possessive ("s"; see {@link textFact}). */
function possessiveFact(ctx: ScanContext): boolean {
  return textFact(ctx, 's', () => POSSESSIVE_S.test(ctx.text));
}
/** Whether the text names an office's own business ("B"; see {@link hasOfficeBusiness}, {@link textFact}). */
function officeBusinessFact(tables: Tables, ctx: ScanContext, tokens: string[]): boolean {
  return textFact(ctx, 'B', () => hasOfficeBusiness(tables, tokens));
}
/** Whether the text names the same-named sibling region's office ("S"; see {@link hasSiblingOffice}, {@link textFact}). */
function siblingOfficeFact(tables: Tables, ctx: ScanContext, tokens: string[]): boolean {
  return textFact(ctx, 'S', () => hasSiblingOffice(tables, tokens));
}
/** Whether the text's own tokens name a voter's thing ("t"; see {@link textFact}). */
function voterThingFact(tables: Tables, ctx: ScanContext, tokens: string[]): boolean {
  return textFact(ctx, 't', () => hasVoterThing(tables, tokens));
}

/** The answer of `ask` (a scan of the whole text that depends on the text and `key` alone), worked out once per text. */
function textFact(ctx: ScanContext, key: string, ask: () => boolean): boolean {
  const facts = (ctx.textFacts ??= new Map());
  let fact = facts.get(key);
  if (fact === undefined) {
    textScanWork.scans++;
    fact = ask();
    facts.set(key, fact);
  }
  return fact;
}

const CAPITALS_ONLY = /^[A-Z]+$/;
/** Fewest letters of a word in capitals beside a name for the two to read as shouting ("AH SUDAH LAH"). */
const MIN_SHOUTED = 2;

/**
 * Whether every place a text with lower case in it writes `form` in capitals is a run of shouting: an ordinary
 * word in capitals right beside it, spaces only between (a dictionary word or the election's region, no word of
 * the paslon's names and no vocabulary term of any weight: "ASLI ENAK BANGET", "AH SUDAH LAH", "ASLI BATAM
 * punya"). Capitals say nothing there; "ASLI menang", "dukung ASLI", "ASLI KPU" still write the alias as a name,
 * and so do runs of names and initials ("DM YANI GDN"). A text all in capitals is left to the rules before
 * ("KENCANA PALING JOSS" writes a dictionary-word name as a name). Asked only of a two-sided name (an acronym
 * alias, a dictionary-word name) found in the text.
 */
function isShoutedAmong(tables: Tables, text: string, form: string): boolean {
  if (!LOWER.test(text)) return false;
  const upper = form.toUpperCase();
  let seen = false;
  for (let at = text.indexOf(upper); at >= 0; at = text.indexOf(upper, at + 1)) {
    textScanWork.places++;
    const end = at + upper.length;
    if ((at > 0 && isWordChar(text.charCodeAt(at - 1))) || (end < text.length && isWordChar(text.charCodeAt(end)))) continue;
    seen = true;
    const after = wordAfter(text, end);
    const before = wordBefore(text, at);
    if (!isShoutWord(tables, before) && !isShoutWord(tables, after) && !isDegreeAfter(tables, before, after)) return false;
  }
  return seen;
}

/**
 * Words of degree that follow an adjective ("HARUM bgt", "ADIL banget", "MANTAP sekali"), in any case. Many pair
 * aliases are adjectives (HARUM, ADIL, BERANI, AMANAH, ASLI, MANTAP); one written in capitals with such a word right
 * after it is the adjective stressed, as a pair of candidates is never "very" anything. "kali" (Malay "very") is left
 * out: it is also "times" and "this time" ("ADIL kali ini menang").
 */
const DEGREE_AFTER = new Set(['banget', 'bgt', 'bngt', 'bangeet', 'bet', 'beud', 'sekali', 'amat', 'nian', 'bener', 'bnr', 'pisan', 'temen', 'tenan', 'pol', 'poll']);

/**
 * The word right after an alias in capitals is a word of degree ({@link DEGREE_AFTER}): the alias is the adjective,
 * unless a vote verb stands right before it ("pilih HARUM banget lah" still names the pair).
 */
function isDegreeAfter(tables: Tables, before: string, after: string): boolean {
  if (after.length === 0 || !DEGREE_AFTER.has(after.toLowerCase())) return false;
  const verb = before.toLowerCase();
  // The vote verbs and the ballot verbs as written (lower case, not folded), as the vocabulary lists them.
  return !tables.callVerbs.has(verb);
}

const isWordChar = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;

/** The word right before `at`, spaces only between (a comma, dash or line break ends the run), or ''. */
function wordBefore(text: string, at: number): string {
  let k = at;
  while (k > 0 && text.charCodeAt(k - 1) === 32) k--;
  if (k === at) return '';
  const end = k;
  while (k > 0 && isWordChar(text.charCodeAt(k - 1))) k--;
  return text.slice(k, end);
}

/** The word right after `end`, spaces only between, or ''. */
function wordAfter(text: string, end: number): string {
  let k = end;
  while (k < text.length && text.charCodeAt(k) === 32) k++;
  if (k === end) return '';
  const start = k;
  while (k < text.length && isWordChar(text.charCodeAt(k))) k++;
  return text.slice(start, k);
}

/** An ordinary word written in capitals (letters only, at least {@link MIN_SHOUTED}): a dictionary word or the region, no paslon name's word and no weighted term. */
function isShoutWord(tables: Tables, word: string): boolean {
  if (word.length < MIN_SHOUTED || !CAPITALS_ONLY.test(word)) return false;
  const key = tokenize(word, FOLD);
  if (key.length !== 1) return false;
  const token = key[0] as string;
  if (!tables.dictionary.has(word.toLowerCase()) && !tables.regionWords.has(token)) return false;
  if (tables.ownNameWords.has(token)) return false;
  const term = tables.trie.get(token)?.term;
  return term === undefined || term.weight <= 0;
}

/**
 * Whether the text writes a name that is also a dictionary word as a name: with a capital anywhere in it
 * ("Haru", "HARU", "LuLuK"), as a word of its own. Lower case ("terharu", "haru banget") is the word.
 */
function writtenAsName(text: string, lower: string, form: string): boolean {
  const word = form.toLowerCase();
  if (lower.length !== text.length) return false;
  for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
    textScanWork.places++;
    const end = at + word.length;
    if ((at > 0 && isLetter(lower.charCodeAt(at - 1))) || (end < lower.length && isLetter(lower.charCodeAt(end)))) continue;
    if (text.slice(at, end) !== word) return true;
  }
  return false;
}

const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || c > 127;

/** A letter that glues onto the acronym: any capital, and a lower-case letter after it ("HDku"). */
function isUpperOrLowerAfter(c: number, after: boolean): boolean {
  return (c >= 65 && c <= 90) || (after && c >= 97 && c <= 122);
}

/** First words of trie phrases long enough to split hashtags on, plus honorifics ("mbak", "bu"). */
function segmentWordsOf(trie: Trie, honorifics: string[]): SegmentWords {
  const set = new Set([...trie.keys()].filter((k) => k.length >= MIN_SEGMENT));
  for (const h of honorifics) set.add(tokenize(h, FOLD).join(''));
  // A nickname folded short ("Appi" read "api") splits off too: "@appiofficial" (it counts only where spelt as listed).
  for (const [key, node] of trie) if (node.term?.caps?.spelt !== undefined) set.add(key);
  return { set, maxLength: Math.max(0, ...[...set].map((w) => w.length)) };
}

/**
 * Tokens of a hashtag or mention, glued words split on dictionary words
 * ("mbakluluk" -> mbak luluk). The split reads the letters before folding, so a
 * letter doubled across the seam ("agussilvy") does not vanish.
 */
function splitTag(body: string, trie: Trie, words: SegmentWords): string[] {
  return tokenize(ownString(body), RAW).flatMap((raw) => {
    const t = foldName(raw);
    return trie.has(t) || isDigit(t) ? [t] : segment(raw, words);
  });
}

/**
 * `s` as a string of its own, laid out flat. A capture of a regular-expression match (a hashtag's
 * body) may be a view into the text it was cut from; once the tokeniser's compiled code has read
 * such a view, V8 recompiles it to read both layouts and it reads every text, chat text included,
 * about half as fast. Tags are split once per distinct tag, so the copy costs next to nothing.
 * (Array.prototype.join builds a new flat string; splitting on '' keeps every UTF-16 unit.)
 */
function ownString(s: string): string {
  return s.split('').join('');
}

/** Tokens are all digits or all letters, so the first character tells. */
const isDigit = (token: string): boolean => token.charCodeAt(0) <= 57;

/** Dictionary words that may be glued together inside a hashtag, and the longest one's length. */
interface SegmentWords {
  set: Set<string>;
  maxLength: number;
}

/** Left-to-right longest-word split of an unfolded token; parts come out folded, the unmatched tail as one. */
function segment(raw: string, words: SegmentWords): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i < raw.length) {
    let len = Math.min(raw.length - i, words.maxLength + 4);
    while (len >= 2 && !words.set.has(foldName(raw.slice(i, i + len)))) len--;
    if (len < 2) break;
    const word = foldName(raw.slice(i, i + len));
    while (len > 2 && foldName(raw.slice(i, i + len - 1)) === word) len--; // "aguss|ilvy" -> "agus|silvy"
    parts.push(word);
    i += len;
  }
  if (i < raw.length) parts.push(foldName(raw.slice(i)));
  return parts;
}

/**
 * A mention's handle whose words, as its writer parted them with "_", are a candidate's one-word name and a word no
 * candidate's name holds and no term ("@hendri_mekanik", "@lucky_star_mdo"): someone of that name, their trade or place
 * after it. A candidate's own account holds its names, initials, numbers or a handle word ("@hendri_septa",
 * "@hendri_official"); a handle glued into one word ("@lulukhamidah") is left as read.
 */
function isOthersHandle(tables: Tables, handle: string): boolean {
  if (!handle.includes('_')) return false;
  const words = tokenize(handle, FOLD);
  let name = false;
  let other = false;
  for (const w of words) {
    if (tables.trie.get(w)?.term?.category === PASLON_NAME) name = true;
    else if (!isDigit(w) && w.length >= MIN_STEM && !tables.knownWords.has(w) && !HANDLE_WORDS.has(w)) other = true;
  }
  return name && other;
}
/** Words of a public figure's or an office's own handle ("official", "id", "real"). */
const HANDLE_WORDS = new Set(['official', 'oficial', 'offcl', 'ofc', 'real', 'asli', 'id', 'ri', 'center', 'centre', 'media', 'info', 'news', 'tv', 'team', 'tim', 'fans', 'fanbase']);

/** A name term that is not a pair: what the official-post rule sets aside. */
const isName = (t: Term): boolean => t.category === PASLON_NAME && !t.pair;

/** A sign that a post is campaign, not government, content (see {@link OfficialPosts}). */
function isCampaignSignal(t: Term, signals: Record<string, number>): boolean {
  if (t.pair || t.category === SLOGAN) return true;
  const min = signals[t.category];
  return min !== undefined && !t.official && t.weight >= min;
}

/**
 * A hashtag that opens with a candidate's name and goes on past it ("#Hermanus2024", "#SawakiUntukSemua",
 * "#BTMLanjut"): a campaign's slogan, which an office's own post does not carry, so the office-at-work rule
 * ({@link isOfficialPost}) does not read the post as the job alone. The name alone ("#HermanusSawaki") or a title
 * first ("#BupatiHermanus") is no slogan.
 */
function isNameSloganTag(tables: Tables, tokens: string[]): boolean {
  if (tokens.length < 2) return false;
  const name = longestWithin(tables.trie, tokens, 0, tokens.length);
  return name !== undefined && name.end < tokens.length - 1 && name.term.category === PASLON_NAME && (name.term.weight > 0 || name.term.caps !== undefined);
}

/** An official title next to a candidate's name, an official activity, and no campaign signal. */
function isOfficialPost(found: Term[], rule: OfficialPosts | undefined, titledName: boolean, document = false): boolean {
  if (!rule || !titledName || !(document || found.some((t) => t.official === 'activity'))) return false;
  // A loop, not `some` with a closure: a closure holding `rule` made this function's scope anew on every text.
  for (const t of found) if (isCampaignSignal(t, rule.campaignSignals)) return false;
  return true;
}

/*
 * Loops for summarise, not `some` with closures: a closure holding summarise's `vocab` or `national` made its scope
 * anew on every text summed, whether the closure was reached or not.
 */
/** Whether any found term is in `terms`. */
function hasAnyOf(found: Term[], terms: Set<Term>): boolean {
  for (const t of found) if (terms.has(t)) return true;
  return false;
}
/** Whether an election word at least `threshold` strong was found. */
function hasStrongEvent(found: Term[], threshold: number): boolean {
  for (const t of found) if (t.category === 'event' && t.weight >= threshold) return true;
  return false;
}
/** Whether any of `terms` weighs more than `weight`. */
function isAnyHeavier(terms: Term[], weight: number): boolean {
  for (const t of terms) if (t.weight > weight) return true;
  return false;
}

/**
 * Sums the weights of distinct terms; labels go out deduplicated so an alert
 * can say why. Weak names of different paslon do not add up ("Pak Herman, Bu
 * Riezky" is a birthday list): only the best paslon's weak names count, with
 * that paslon's weak slogans ("DM janji" adds nothing to another paslon's "GDN").
 */
function summarise(found: Term[], vocab: Vocabulary, ctx: ScanContext, national: Set<Term>, initials: Set<Term>, callVerbs: Set<string>): Classification {
  // Most chat names no term: nothing to add up, and no rule below has anything to look at.
  if (found.length === 0) return { pilkada: 0 >= vocab.threshold, score: 0, terms: [] };
  const { titledName } = ctx;
  const official = ctx.formerOffice !== true && ctx.nameTag !== true && isOfficialPost(found, vocab.officialPosts, titledName || ctx.actingName === true, ctx.officialDocument === true || ctx.officialQuote === true || ctx.titledBusiness === true);
  // Another Pilkada named and none of this one's (its election word, a candidate's name): the vote talk is that one's.
  // A ballot number beside another level's election word stays this one's ("nomor 1 di Pilgub Sumut" in a Pilwalkot
  // Medan set): the voters hold both ballots on one day and name the numbers of either; another region's is that region's.
  // A pair's ballot number beside elections of single candidates only (Pileg, Pilkades) is this race's (isPairRace).
  const pairRace = isPairRace(found, national);
  const nonPilkada = !pairRace && found.some((t) => t.category === OTHER_ELECTION);
  const otherPilkada = !nonPilkada && ctx.otherPilkada !== undefined && isOtherPilkadaTalk(found, vocab.threshold, vocab.names.common)
    && ctx.ownRole !== true;
  const otherElection = nonPilkada || otherPilkada;
  // Its vote talk beside it, and no Pilkada named: a one-word name is that election's candidate or voter.
  const otherVote = otherElection && ctx.namedOnVoteDay !== true && isOtherElectionVote(found, vocab.threshold);
  // This election's vote day in a clause apart from the other election keeps the ballot numbers this race's (isOwnVoteDay).
  const otherBallot = (nonPilkada || (otherPilkada && ctx.otherPilkada === 'region')) && ctx.ownVoteDay !== true && isOtherBallot(found, vocab.threshold, otherVote);
  // A sibling level's bare election word names no region: a call to vote for a number ("coblos nomor 1 #pilbup",
  // "dukung nomor 1, pilkada kota beda lagi") is addressed to this race's voters; a report ("Pilbup X: Paslon 1 Unggul") is not.
  const siblingOnly = otherBallot && !nonPilkada && ctx.otherRegionBy === 'sibling';
  // Pilpres or Pileg talk, and no Pilkada named: its ballot numbers and vote talk are that election's.
  // Scripture talk: a name (not a pair) weighs a surname's at most, so it needs election talk beside it.
  const scriptureCap = ctx.scripture ? Math.max(vocab.names.common, vocab.names.surname ?? vocab.names.common) : undefined;
  const nationalElection = !pairRace && national.size > 0 && hasAnyOf(found, national) && !hasStrongEvent(found, vocab.threshold);
  let sum = 0;
  let weak: Term[] | undefined;
  // Weak slogans ("DM janji"): they add to their own paslon's weak names only (bestWeakNames).
  let slogans: Term[] | undefined;
  let number = false;
  let numberContext = false;
  let paddedNumber = false;
  let paddedContext = false;
  let nameSupport = false;
  let weakTalk = false;
  // Made when a ballot number is found: a Set per text read was a tenth of this function's time.
  let numbers: Set<number> | undefined;
  let ownNumber = false;
  let kinCalled = false;
  const labels: string[] = [];
  for (const t of found) {
    if (t.weight <= 0) continue;
    if (otherElection && GENERIC_VOTE_TALK.has(t.category)) continue;
    if (otherPilkada && t.category === 'candidate') continue;
    // The pair called after another election told of as over keeps its number and one-word name (pastElectionCall).
    const pastCalled = ctx.pastCallPaslon !== undefined && t.paslon === ctx.pastCallPaslon;
    if (otherBallot && t.category === PASLON_NUMBER && !pastCalled && !((siblingOnly || ctx.callBeforeOtherRace === true || ctx.callBeforeAddedElection === true) && isCalledNumber(t, callVerbs, ctx))) continue;
    if (ctx.counting && t.checks !== undefined && (t.checks & PADDED) !== 0) continue;
    if (otherVote && isOneWordName(t) && !pastCalled) continue;
    if (nationalElection && (GENERIC_VOTE_TALK.has(t.category) || (t.category === PASLON_NUMBER && ctx.ownVoteDay !== true && !pastCalled
      && !(ctx.callBeforeAddedElection === true && isCalledNumber(t, callVerbs, ctx))) || isNationalTalk(t, national) || isPartyResult(t))) continue;
    if (!labels.includes(t.label) && (!official || !t.official)) labels.push(t.label);
    if (official && (isName(t) || t.official)) continue;
    const inCategory = categoryChecksOf(t);
    if (t.category === PASLON_NUMBER) {
      number = true;
      if (t.paslon !== undefined) (numbers ??= new Set()).add(t.paslon);
      if (ctx.kinNamed !== undefined && isKinCalled(t, ctx.kinNamed, callVerbs, ctx)) kinCalled = true;
      if (t.checks !== undefined && (t.checks & PADDED) !== 0) paddedNumber = true;
    } else if (!t.official && ((t.weight >= MIN_NUMBER_CONTEXT && (inCategory & IN_NUMBER_CONTEXT) !== 0)
      || (t.checks !== undefined && t.checks > 0 && (t.checks & NUMBER_ACT) !== 0))) numberContext = true;
    else if (!t.official && t.weight >= MIN_PADDED_CONTEXT && (inCategory & IN_PADDED_CONTEXT) !== 0) paddedContext = true;
    // Election talk that supports a name: its category read from the term's checks, then its weight.
    if ((inCategory & IN_NAME_SUPPORT) !== 0 && isNameSupportWeight(t)) nameSupport = true;
    else if (!t.official && (inCategory & IN_NAME_SUPPORT) !== 0) weakTalk = true;
    if (scriptureCap !== undefined && isName(t) && t.weight > scriptureCap) (weak ??= []).push(scriptureTwin(t, scriptureCap));
    else if (t.category === PASLON_NAME && t.weight < vocab.threshold) (weak ??= []).push(t);
    else if (t.category === SLOGAN && t.paslon !== undefined && t.weight < vocab.threshold) (slogans ??= []).push(t);
    else sum += t.weight;
  }
  if (weak && !ctx.listedNames) sum += bestWeakNames(weak, initials, slogans);
  else {
    if (weak) sum += strongestWeakName(weak);
    for (const t of slogans ?? []) sum += t.weight;
  }
  // A surname or derived form in election talk is the candidate ("Suandharu paling kuat di debat walkot").
  if (weak && nameSupport && !official && (ctx.titledWeakName || isAnyHeavier(weak, vocab.names.common))) sum = Math.max(sum, vocab.threshold);
  if (weak && weakTalk && !nameSupport && !official && isRivalsTalk(weak, vocab.names.common)) sum = Math.max(sum, vocab.threshold);
  // A weak name campaigning: "X kampanye di lapangan", "X blusukan ke pasar" (Vocabulary.nameActs).
  if (weak && ctx.nameAct === true && !official && !otherElection && !nationalElection && !ctx.listedNames) sum = Math.max(sum, vocab.threshold);
  // Two candidates each named weakly, partners or rivals, beside any vote talk ("Lukman sama Emil pas kampanye",
  // "appi dan seto debat"): together they are the race.
  if (weak && weak.length >= 2 && (weakTalk || nameSupport) && !official && !ctx.listedNames && !ctx.scripture && namesTwoCandidates(weak, vocab)) sum = Math.max(sum, vocab.threshold);
  // A candidate's name, however weak, beside that candidate's own ballot number ("Bang Rudy nomor 2").
  if (numbers !== undefined) for (const t of found) if (t.category === PASLON_NAME && t.weight > 0 && t.paslon !== undefined && numbers.has(t.paslon)) ownNumber = true;
  if (ownNumber && !official) sum = Math.max(sum, vocab.threshold);
  // A name set aside as the writer's friend or relative, and a call to vote for that name's own number: "X teman saya, pilih nomor 3".
  if (kinCalled && !official) sum = Math.max(sum, vocab.threshold);
  // A ballot number that no guard word turned into a time, floor or queue, in election talk, is the ballot number.
  // This election's vote day is such talk even where another election's drops its weight (isOwnVoteDay).
  if (number && (numberContext || ctx.ownVoteDay === true)) sum = Math.max(sum, vocab.threshold);
  // A bare zero-padded number beside the election's region: "Bandung 03 menang", "kosong satu untuk Bali".
  if (number && !official && !nationalElection && ctx.regionalNumber) sum = Math.max(sum, vocab.threshold);
  // A bare zero-padded number beside a campaign act or actor: "02 siap menangkan", "dukung terus kosong tiga".
  if (paddedNumber && paddedContext && !official) sum = Math.max(sum, vocab.threshold);
  // A ballot number as the text's subject: "01 udah terbukti mimpin", "yg no 3 debatnya paling nyambung".
  if (number && !official && ctx.subjectNumber) sum = Math.max(sum, vocab.threshold);
  // A number right before an office: "no 3 walkot Bandung unggul", "solid ke paslon nomor 2 gubernur".
  if (number && !official && ctx.numberedOffice) sum = Math.max(sum, vocab.threshold);
  // Who to vote for as an office: "pilih siapa buat gubernur", "milih sopo dadi wali kota".
  if (ctx.votedOffice && !official && !otherElection && !nationalElection) sum = Math.max(sum, vocab.threshold);
  // Civil servants joining a campaign: "ASN dilarang ikut kampanye, jaga netralitas" (Vocabulary.servantCampaign).
  if (ctx.servantCampaign && !otherElection && !nationalElection) sum = Math.max(sum, vocab.threshold);
  // A vote count and who won it: "quick count wis metu durung? sape sing menang?" (Vocabulary.countResults).
  if (ctx.countResult && ctx.figureNamed !== true && !official && !otherElection && !nationalElection) sum = Math.max(sum, vocab.threshold);
  // A vote bought: "jangan pilih yang bagi duit", "teu milih nu mere duit".
  if (ctx.boughtVote && !otherElection && !nationalElection) sum = Math.max(sum, vocab.threshold);
  // Money or goods from a camp: "bagi sembako dari nomor 1", "jangan terima duit dari calon" (isGivenFromCamp).
  if (ctx.givenFromCamp && !official && !otherElection && !nationalElection) sum = Math.max(sum, vocab.threshold);
  if (official) labels.push(OFFICIAL_POST_LABEL);
  const score = Math.round(sum * 100) / 100;
  return { pilkada: score >= vocab.threshold, score, terms: labels };
}

/**
 * A call to vote for the ballot number `t`: its phrase opens with a vote verb ({@link isVoteCall}), or a vote verb read
 * as a term of its own stands right before it ("coblos paslon 2", "dukung pasangan nomor 2"; {@link ScanContext.calledNumbers}):
 * the vocabulary writes "coblos nomor {n}" as one phrase but "paslon {n}" without its verb, and an aside after the
 * call ("..., pilkada kota juga seru") must not hide the one spelling and keep the other.
 */
function isCalledNumber(t: Term, callVerbs: Set<string>, ctx: ScanContext): boolean {
  return isVoteCall(callVerbs, t) || (ctx.calledNumbers !== undefined && t.paslon !== undefined && ctx.calledNumbers.includes(t.paslon));
}

/**
 * A term whose phrase opens with a word that calls for a vote ({@link Tables.callVerbs}: a vote verb or a ballot verb):
 * "coblos nomor 1", "dukung no 2", "menangkan 2". The scan asks it of every ballot number it finds, summarise of
 * the ones it counts.
 */
function isVoteCall(verbs: Set<string>, t: Term): boolean {
  const space = t.label.indexOf(' ');
  return space > 0 && verbs.has(t.label.slice(0, space));
}

/**
 * Records where this election's vote-day date and other elections (Pilkades, ketua RT, Pilpres) are named in the
 * text's own words, for {@link isOwnVoteDay}.
 */
function noteElectionDay(ctx: ScanContext, best: Term, i: number): void {
  if (best.category === 'administration') ctx.voteDateAt ??= i;
  else (ctx.otherElectionAt ??= []).push(i);
}

/**
 * This election's vote day ("27 November") written in a clause that names no other election: its ballot numbers
 * are this race's, the election named in another clause an aside ("Coblos nomor 1 tanggal 27 November! Pemilihan
 * ketua RT juga minggu depan"). The date's own weight and other vote talk stay that election's, so the date beside
 * Pilpres talk adds nothing ("libur 27 November, pilpres kemarin juga libur"). Word order alone cannot part the
 * two (a Pilkades call is written as a Pilkada call is), but the date can: no Pilkades, RT or national vote of the
 * year falls on it. The date in the other election's clause is that election's ("Pilkades 27 November, coblos nomor 1").
 * The date must tie a number to itself: a ballot number in its clause ("27 November pilih nomor 2"), or a call to
 * vote for one ("Coblos nomor 1, 27 November!") with no ballot number, first or last, in the other election's
 * clause; a result in another clause is not ("Pilkades: nomor 1 menang. 27 November libur").
 */
function isOwnVoteDay(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[], date: number, others: number[]): boolean {
  const { firstNumberAt: first, lastNumberAt: last } = ctx;
  if (first === undefined || last === undefined) return false;
  // Each clause's bounds are walked once, so many elections named keep this linear.
  const [from, to] = clauseAround(tables, ctx, tokens, ids, date);
  for (const at of others) if (at >= from && at < to) return false;
  if ((first >= from && first < to) || (last >= from && last < to)) return true;
  if (ctx.voteCallAt === undefined) return false;
  for (const at of first === last ? [first] : [first, last]) {
    const [start, end] = clauseAround(tables, ctx, tokens, ids, at);
    for (const other of others) if (other >= start && other < end) return false;
  }
  return true;
}

/**
 * A candidate's name, the first or the last, in the clause of this election's vote day, which names no other
 * election: "Gilang pasti menang 27 November! Milih ketua RT juga minggu depan". The one-word name is then no
 * candidate of the other election ({@link isOtherElectionVote}); "Pemilihan ketua RT: Pak X menang. 27 November
 * libur" (the name in the other election's clause) is still that election's.
 */
function isNamedOnVoteDay(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[], date: number, others: number[]): boolean {
  const { firstNameAt: first, lastNameAt: last } = ctx;
  if (first === undefined || last === undefined) return false;
  const [from, to] = clauseAround(tables, ctx, tokens, ids, date);
  for (const at of others) if (at >= from && at < to) return false;
  return (first >= from && first < to) || (last >= from && last < to);
}

/** The clause holding tokens[at]: its first token and the one after its last. */
function clauseAround(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[], at: number): [number, number] {
  let from = at;
  while (from > 0 && !isClauseStart(tables, ctx, tokens, ids, from)) from--;
  let to = at + 1;
  while (to < tokens.length && !isClauseStart(tables, ctx, tokens, ids, to)) to++;
  return [from, to];
}

/** "Also" words, as folded: Indonesian "juga"/"jg"/"pun", Javanese and Sundanese "uga"/"oge". */
const ALSO_WORDS = new Set(['juga', 'jg', 'jga', 'jugak', 'pun', 'uga', 'oge'].map((w) => tokenize(w, FOLD).join('')));
/** Most words from a non-Pilkada election's first word to the "also" word after it ("pemilihan ketua RT juga"). */
const ALSO_GAP = 4;

/**
 * A call to vote for a number ("Coblos nomor 1!"), then, a clause or more later, the first non-Pilkada election the
 * text names told of as one more, an "also" word ({@link ALSO_WORDS}) after it in its clause ("Pemilihan ketua RT
 * juga minggu depan", "pileg juga sudah lewat"): the election added is not the one the call is for, so the call's
 * ballot number stays this race's. Without the "also" word a call and a Pilkades are written alike ("Coblos nomor 1!
 * Pemilihan kades minggu depan") and the number stays the other election's; so does one named before the call
 * ("Pilkades juga besok, coblos nomor 1"). Reads the words from the call to the election once, and four more.
 */
function isCallBeforeAddedElection(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[], call: number, other: number): boolean {
  if (other <= call || clauseCut(tables, ctx, tokens, ids, call, other) < 0) return false;
  const last = Math.min(tokens.length - 1, other + ALSO_GAP);
  for (let k = other + 1; k <= last; k++) {
    if (isClauseStart(tables, ctx, tokens, ids, k)) return false;
    if (ALSO_WORDS.has(tokens[k] as string)) return true;
  }
  return false;
}

/** Words that tell an election as over: "selesai", "usai", "lewat", "kelar"; Javanese "rampung", Sundanese "rengse". */
const DONE_WORDS = new Set(['selesai', 'usai', 'lewat', 'lwt', 'kelar', 'beres', 'rampung', 'berakhir', 'tuntas', 'rengse', 'salasai']
  .map((w) => tokenize(w, FOLD).join('')));
/** "Already": done where it ends the election's clause ("pilpres AS udah, ..."); "pilkades udah dekat" is not. */
const PERFECT_WORDS = new Set(['sudah', 'udah', 'sdh', 'udh', 'dah', 'wis', 'uwis', 'wes', 'uwes', 'geus', 'atos'].map((w) => tokenize(w, FOLD).join('')));
/** Words of a day gone: "kemarin", "lalu", "tadi"; Javanese "wingi", Sundanese "kamari". */
const PAST_WORDS = new Set(['kemarin', 'kemaren', 'kmrn', 'kmarin', 'kmren', 'lalu', 'tadi', 'wingi', 'kamari', 'kapungkur']
  .map((w) => tokenize(w, FOLD).join('')));
/** Words that turn to what comes next: "sekarang", "kini", "giliran"; Javanese "saiki", Sundanese "ayeuna". */
const TURN_WORDS = new Set(['sekarang', 'skrg', 'skrng', 'skg', 'kini', 'giliran', 'gantian', 'saiki', 'siki', 'ayeuna', 'kiwari']
  .map((w) => tokenize(w, FOLD).join('')));
/** Particles that may close a clause after the word that tells the election done ("pilpres AS udah ya, ..."). */
const DONE_PARTICLES = new Set(['ya', 'kan', 'sih', 'kok', 'deh', 'dong', 'toh', 'tuh', 'mah', 'lho', 'loh']
  .map((w) => tokenize(w, FOLD).join('')));
/** Most words of another election's clause read after its election word for a word telling it over ({@link pastElectionCall}). */
const PAST_CLAUSE_WINDOW = 8;
/** Most words after that clause read for the call ("sekarang giliran kita: pilih X nomor 2") ({@link pastElectionCall}). */
const PAST_CALL_WINDOW = 12;
/** Words after a called number or name that make the call a report of who won ("pilkades kemarin, pilih nomor 2 menang"). */
const CALL_RESULT_WORDS = new Set(['menang', 'kalah', 'unggul', 'terpilih', 'juara'].map((w) => tokenize(w, FOLD).join('')));

/**
 * A call to vote for this race's pair (a vote verb right before a ballot number or a candidate's name or alias,
 * honorifics between: "pilih BERANI", "coblos nomor 2") in a clause after another election told of as over: a
 * word of completion closes that election's clause ("Pilpres Amerika udah, ...", "Pemilu Korea Selatan sudah
 * selesai, ..."), or a word of a day gone is in it and a word of turning comes before the call ("Pilkades kemarin,
 * sekarang giliran kita: ..."). No one is called to vote in an election that is over, so the call is for the next
 * one, this race: its pair's number and one-word name stay this race's, which the other election's talk otherwise
 * takes ({@link isOtherBallot}, {@link isOtherElectionVote}). A call followed by a result word is a report of who
 * won ("pilkades kemarin, pilih nomor 2 menang"); a day gone with no turn keeps the call the other election's.
 * Gives the called pair's paslon. Asked only when another election was named in the text's own words.
 * (Review of this round's foreignElections, issue 20.)
 */
function pastElectionCall(tables: Tables, ctx: ScanContext, tokens: string[], ids: number[], others: number[]): number | undefined {
  textScanWork.scans++;
  for (const at of others) {
    // The election's clause, read at most PAST_CLAUSE_WINDOW words on: a clause running on past that is not told
    // as over by a closing word (and each election named costs a bounded read, so a text repeating one stays linear).
    const limit = Math.min(tokens.length, at + 1 + PAST_CLAUSE_WINDOW);
    let to = at + 1;
    while (to < limit && !isClauseStart(tables, ctx, tokens, ids, to)) to++;
    textScanWork.places += to - at;
    const ended = to < limit || to === tokens.length;
    let done = false;
    let past = false;
    for (let k = at + 1; k < to && !done; k++) {
      const w = tokens[k] as string;
      if (PAST_WORDS.has(w)) past = true;
      else if (ended && (DONE_WORDS.has(w) || PERFECT_WORDS.has(w))) done = isClauseClosedFrom(tokens, k + 1, to);
    }
    if (!done && !past) continue;
    let turned = done;
    const callLimit = Math.min(tokens.length, to + PAST_CALL_WINDOW);
    for (let k = to; k < callLimit; k++) {
      textScanWork.places++;
      const w = tokens[k] as string;
      if (TURN_WORDS.has(w)) turned = true;
      if (!turned || !tables.callVerbs.has(w)) continue;
      let j = k + 1;
      while (j < tokens.length && tables.honorifics.has(tokens[j] as string)) j++;
      const called = j < tokens.length ? longestWithin(tables.trie, tokens, j, tokens.length) : undefined;
      if (called === undefined || called.term.paslon === undefined || (called.term.category !== PASLON_NUMBER && called.term.category !== PASLON_NAME)) continue;
      if (CALL_RESULT_WORDS.has(tokens[called.end + 1] as string)) continue;
      return called.term.paslon;
    }
  }
  return undefined;
}

/** Only words of completion, a day gone or a closing particle from tokens[from] to the clause's end at `to`. */
function isClauseClosedFrom(tokens: string[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const w = tokens[k] as string;
    if (!DONE_WORDS.has(w) && !PERFECT_WORDS.has(w) && !PAST_WORDS.has(w) && !DONE_PARTICLES.has(w)) return false;
  }
  return true;
}


/**
 * In talk of an election that is no Pilkada (OSIS, koperasi, pemira), with no candidate's name and
 * no Pilkada named, a ballot number is that election's ("pemilihan ketua OSIS, paslon 2 menang").
 */
function isOtherBallot(found: Term[], threshold: number, otherVote: boolean): boolean {
  return !found.some((t) => (t.category === PASLON_NAME && t.weight > 0 && !(otherVote && isOneWordName(t)))
    || (t.category === 'event' && t.weight >= threshold));
}

/**
 * Another election named with vote talk of its own (a candidate, a ballot number, "terpilih", "dipilih", a name's
 * result: "Pak X menang") and
 * no Pilkada named: "ketua koperasi sudah dipilih, Pak X terpilih", "pemilihan ketua RT, calon nomor 2 Pak X".
 * A one-word name there is the other election's person; a full name or the pair is still the candidate.
 */
function isOtherElectionVote(found: Term[], threshold: number): boolean {
  let vote = false;
  for (const t of found) {
    if (t.category === 'event' && t.weight >= threshold) return false;
    // A name's own result ("Pak X menang") is that election's result too; a promise ("X janji") is no vote.
    if (t.weight > 0 && (GENERIC_VOTE_TALK.has(t.category) || t.category === 'candidate' || t.category === PASLON_NUMBER || isResultSlogan(t))) vote = true;
  }
  return vote;
}

/**
 * Party patterns that are a party's result in a vote ("{party} menang", "{party} kalah", "{party} unggul"), as made
 * once per classifier: beside Pilpres or Pileg with no Pilkada named, the result is that election's ("Gerindra menang
 * pileg"), as its ballot numbers are. A party's backing ("{party} usung", "didukung {party}") stays this race's talk.
 */
const PARTY_RESULTS = new WeakSet<Term>();

/** The first words of the ballot-number patterns that number a pair ("paslon {n}", "pasangan nomor {n}"). */
const PAIR_WORDS = new Set(['paslon', 'pasangan']);
/** Ballot-number terms made from a pattern opening with a {@link PAIR_WORDS} word, as made once per classifier. */
const PAIR_NUMBERS = new WeakSet<Term>();
/** The terms of {@link Vocabulary.unpairedElections}, as found in a classifier's trie. */
const UNPAIRED = new WeakSet<Term>();
/** The terms of {@link Vocabulary.unpairedCandidates} (a candidate of such an election, not the election), as found in a classifier's trie. */
const UNPAIRED_PERSONS = new WeakSet<Term>();

/**
 * Marks the terms the trie holds for {@link Vocabulary.unpairedElections} and {@link Vocabulary.unpairedCandidates}
 * (after the other and national elections are added); the candidates are unpaired too.
 */
function markUnpaired(trie: Trie, vocab: Vocabulary): void {
  for (const phrase of vocab.unpairedElections ?? []) {
    const term = nodeOf(trie, tokenize(phrase, FOLD))?.term;
    if (term) UNPAIRED.add(term);
  }
  for (const phrase of vocab.unpairedCandidates ?? []) {
    const term = nodeOf(trie, tokenize(phrase, FOLD))?.term;
    if (term) {
      UNPAIRED.add(term);
      UNPAIRED_PERSONS.add(term);
    }
  }
}

/**
 * A pair's ballot number ("paslon 3", "pasangan nomor 3") named beside elections whose candidates all stand alone
 * ({@link Vocabulary.unpairedElections}: Pileg's caleg, Pilkades, ketua RT, koperasi), and beside no election of pairs:
 * those elections number no pairs, so the pair named is this race's, and the election word an aside or the speaker
 * ("Menangkan paslon nomor 3, kata mantan caleg", "Caleg Gagal Kini Jadi Tim Sukses Paslon 3"). The single
 * candidate's own number stays that election's ("caleg nomor urut 3 dapil 2", "coblos caleg PDIP nomor 5"); Pilpres
 * and OSIS elect pairs and keep their "paslon 02". One walk over the found terms.
 */
function isPairRace(found: Term[], national: Set<Term>): boolean {
  let pair = false;
  let other = false;
  for (const t of found) {
    if (t.category === PASLON_NUMBER) {
      if (PAIR_NUMBERS.has(t)) pair = true;
    } else if (t.category === OTHER_ELECTION || national.has(t)) {
      if (!UNPAIRED.has(t)) return false;
      // The election itself named before the pair, as the text's topic ("Pilkades X: paslon nomor 2 menang", "Musda
      // KNPI: paslon 2 terpilih"): that election's own pairing, however unusual. A candidate of it (a caleg) is a person
      // who may join this race's camp ("Caleg Gagal Kini Jadi Tim Sukses Paslon 3").
      if (!pair && !UNPAIRED_PERSONS.has(t)) return false;
      other = true;
    }
  }
  return pair && other;
}

const PARTY_RESULT_WORDS = new Set(['menang', 'kalah', 'unggul']);

/** A party pattern whose last word is a vote's result ("{party} menang"). */
function isPartyResultPattern(pattern: string): boolean {
  const words = pattern.split(' ');
  return words[0] === '{party}' && PARTY_RESULT_WORDS.has(words[words.length - 1] as string);
}

/** A found term made from a party result pattern (see {@link PARTY_RESULTS}). */
function isPartyResult(t: Term): boolean {
  return t.category === 'party' && PARTY_RESULTS.has(t);
}

/** The last words of a slogan that are a vote's result ("X menang", "X kalah"). */
const RESULT_WORDS = new Set(['menang', 'kalah', 'terpilih']);

/** A slogan made from a name and a result word ("Pak X menang"), read only in another election's talk. */
function isResultSlogan(t: Term): boolean {
  if (t.category !== SLOGAN) return false;
  const space = t.label.lastIndexOf(' ');
  return space >= 0 && RESULT_WORDS.has(t.label.slice(space + 1));
}

/**
 * Talk of another Pilkada of the season ("Kampanye Akbar untuk Pilgub Riau" beside a Pilwalkot, "Pilkada Kampar:
 * Paslon 2 Klaim Menang"): no election word of this Pilkada and no candidate's name, so its campaign words, ballot
 * numbers and candidates are the other election's, as a pilkades's are (see {@link isOtherBallot}). A name no
 * weightier than a common given name names no candidate here: beside another race it is as likely that race's
 * ("Bobby Nasution menang Pilgub Sumut versi hitung cepat" for a candidate called Boby).
 */
function isOtherPilkadaTalk(found: Term[], threshold: number, common: number): boolean {
  return !found.some((t) => (t.category === 'event' && t.weight >= threshold) || (t.category === PASLON_NAME && t.weight > common) || t.category === SLOGAN);
}

/** Longest run of asking or linking words between a vote verb and an office ("pilih siapa nanti buat gubernur"). */
const MAX_VOTE_GAP = 3;

/** Only words of {@link Vocabulary.votedOffice}'s gaps, at most {@link MAX_VOTE_GAP}, between the vote verb ending at `verbEnd` and the office at `office`. */
function isVotedOffice(tables: Tables, tokens: string[], verbEnd: number, office: number): boolean {
  if (office - verbEnd - 1 > MAX_VOTE_GAP) return false;
  for (let k = verbEnd + 1; k < office; k++) if (!tables.voteGaps.has(tokens[k] as string)) return false;
  return true;
}

/** Words after a giver's verb its money or goods may stand within ("bagi 50 ribu duit", "kasih kita amplop"). */
const GIVEN_WINDOW = 2;

/** After the vote verb ending at `verbEnd`: a relative word, a giver's verb, then money or goods within {@link GIVEN_WINDOW} words. */
function isBoughtVote(tables: Tables, tokens: string[], verbEnd: number): boolean {
  const k = verbEnd + 2;
  if (!tables.giverLinks.has(tokens[verbEnd + 1] as string) || !tables.giverWords.has(tokens[k] as string)) return false;
  for (let j = k + 1; j <= k + GIVEN_WINDOW && j < tokens.length; j++) if (tables.givenThings.has(tokens[j] as string)) return true;
  return false;
}

/** Words a from-word may stand after the money or goods it names ("duit 50rb dari nomor 1"). */
const GIVEN_FROM_WINDOW = 2;
/** Particles that may end a clause after a bare candidate word ("duit ti calon nya, ..."): the word is the camp, not "calon mertua". */
const CLAUSE_END_PARTICLES = new Set(['nya', 'ya', 'lah', 'itu', 'tu', 'teh', 'eta', 'mah', 'loh', 'lho', 'sih'].flatMap((w) => tokenize(w, FOLD)));
/** Words after a number that make it a range's start ("dari nomor 1 sampai 50"): a queue's or a list's, no camp. */
const RANGE_AFTER = new Set(['sampai', 'sampe', 'hingga', 'ampe', 'nepi', 'ke'].flatMap((w) => tokenize(w, FOLD)));

/**
 * A giver's or receiver's verb, money or goods of {@link Vocabulary.boughtVote} within {@link GIVEN_WINDOW} words after it,
 * and the from-word right before `tokens[start]` within {@link GIVEN_FROM_WINDOW} words after them: a ballot number there
 * is a camp's ("aya nu bagi sembako ti nomer dua"), unless a range goes on from it; a bare candidate word
 * is one where its clause ends with it or a particle ("jangan terima duit dari calon, haram"), since "calon" goes on to
 * name another future role as often ("uang dari calon mertua"). A stronger candidate word counts alone anyway.
 */
function isGivenFromCamp(tables: Tables, ctx: ScanContext, best: Term, tokens: string[], ids: number[] | undefined, start: number, end: number): boolean {
  let thing = -1;
  for (let k = start - 2; k >= start - 1 - GIVEN_FROM_WINDOW && k >= 0 && thing < 0; k--) if (tables.givenThings.has(tokens[k] as string)) thing = k;
  if (thing < 0 && best.category === PASLON_NUMBER) thing = hearsayThing(tables, tokens, start);
  if (thing < 0) return false;
  let verb = false;
  for (let k = thing - 1; k >= thing - GIVEN_WINDOW && k >= 0 && !verb; k--) verb = tables.giverWords.has(tokens[k] as string) || tables.receiverWords.has(tokens[k] as string);
  if (!verb) return false;
  if (best.category === PASLON_NUMBER) return !RANGE_AFTER.has(tokens[end + 1] as string);
  const next = end + 1;
  if (next >= tokens.length || isClauseStart(tables, ctx, tokens, ids, next)) return true;
  return CLAUSE_END_PARTICLES.has(tokens[next] as string) && (next + 1 >= tokens.length || isClauseStart(tables, ctx, tokens, ids, next + 1));
}

/** Words that pass on a rumour ("katanya", Betawi "katanye", Sundanese "ceunah", Javanese "jarene", "kabarnya"). */
const HEARSAY_WORDS = new Set(['katanya', 'katanye', 'katane', 'ceunah', 'cenah', 'jarene', 'jare', 'kabarnya', 'konon', 'infonya'].map((w) => tokenize(w, FOLD).join('')));
/** Words a rumour's word may stand after the money or goods it names ("bagi amplop 50 rebu di Ciledug, katanye ..."). */
const HEARSAY_WINDOW = 5;

/**
 * A rumour's word right before the from-word at `tokens[start - 1]`, and money or goods within {@link HEARSAY_WINDOW}
 * words before it: "aya nu nyebar amplop 50 rebu di Cileunyi, ceunah ti nomer hiji", "ada yang bagi amplop di Ciledug,
 * katanye dari nomer satu": the gift is told of as the camp's (Pilbup Bandung and Pilwalkot Tangerang sets, issue 20).
 * The position of the money or goods, or -1; {@link isGivenFromCamp} then asks for the giver's verb before it, as it
 * does right beside the number. Asked only of a ballot number after a from-word with no money or goods beside it.
 */
function hearsayThing(tables: Tables, tokens: string[], start: number): number {
  const said = start - 2;
  if (said < 1 || !HEARSAY_WORDS.has(tokens[said] as string)) return -1;
  for (let k = said - 1; k >= said - HEARSAY_WINDOW && k >= 0; k--) if (tables.givenThings.has(tokens[k] as string)) return k;
  return -1;
}

/** Words a "whoever" phrase may stand from the office it goes with: "siapa pun jadi walkot", "walikota anyar sopo ae". */
const WHOEVER_GAP = 1;

/**
 * A "whoever" phrase ({@link Vocabulary.votedOffice}'s `whoever`) right before the office at tokens[start..end] or
 * right after it, one word between allowed: "siapa pun walkotnya nanti", "walikota anyar sopo ae". Whoever holds
 * the office next is the race's winner, talked of before the vote.
 */
function isWhoeverOffice(tables: Tables, tokens: string[], start: number, end: number): boolean {
  // Asked of every office word: most have no whoever phrase's last word before them nor its first word after them.
  let near = false;
  for (let gap = 0; gap <= WHOEVER_GAP && !near; gap++) {
    near = tables.whoeverLast.has(tokens[start - gap - 1] as string) || tables.whoeverFirst.has(tokens[end + 1 + gap] as string);
  }
  if (!near) return isWhoeverBecomes(tables, tokens, start);
  for (const phrase of tables.whoever) {
    for (let gap = 0; gap <= WHOEVER_GAP; gap++) {
      if (isPhraseAt(tokens, start - gap - phrase.length, phrase) || isPhraseAt(tokens, end + 1 + gap, phrase)) return true;
    }
  }
  return isWhoeverBecomes(tables, tokens, start);
}

/** A relative word before a verb of becoming: "siapa pun yang jadi bupati" ({@link isWhoeverBecomes}). */
const WHOEVER_LINKS = new Set(['yang', 'yg', 'sing', 'nu', 'nan'].map((w) => tokenize(w, FOLD).join('')));
/** Verbs of coming to hold an office: "jadi", "menang", "terpilih" ("siapa pun yang menang bupati nanti"). */
const BECOME_VERBS = new Set(['jadi', 'jd', 'dadi', 'menang', 'terpilih', 'kepilih', 'kapilih'].map((w) => tokenize(w, FOLD).join('')));

/**
 * A "whoever" phrase, then a relative word and a verb of becoming right before the office: "siapa pun yang jadi
 * bupati nanti", "siapapun yg menang walikota", "sopo wae sing dadi bupati". Whoever becomes or wins the office is
 * the race's winner, in every region's talk; the two words are more than {@link WHOEVER_GAP} allows any word.
 * Asked only of an office word with no whoever phrase in reach of it.
 */
function isWhoeverBecomes(tables: Tables, tokens: string[], start: number): boolean {
  if (start < 3 || !BECOME_VERBS.has(tokens[start - 1] as string) || !WHOEVER_LINKS.has(tokens[start - 2] as string)
    || !tables.whoeverLast.has(tokens[start - 3] as string)) return false;
  for (const phrase of tables.whoever) if (isPhraseAt(tokens, start - 2 - phrase.length, phrase)) return true;
  return false;
}

/** The tokens from `from` on are `phrase`, word for word. */
function isPhraseAt(tokens: string[], from: number, phrase: string[]): boolean {
  if (from < 0) return false;
  for (let j = 0; j < phrase.length; j++) if (tokens[from + j] !== phrase[j]) return false;
  return true;
}

/** A name read from one word ("Ansar", "Rudi"), not a full name, a pair or a multi-word alias. */
function isOneWordName(t: Term): boolean {
  return t.category === PASLON_NAME && !t.pair && !ONE_WORD_BREAK.test(t.label);
}
/** A space or hyphen in a name term's label: it was read from more than one word. */
const ONE_WORD_BREAK = /[\s-]/;

/**
 * In Pilpres or Pileg talk with no Pilkada named, that election's candidates ("capres", "cawapres", "caleg")
 * are its own, not the Pilkada's ("capres 01 kalah di sini waktu pilpres"). The election words and parties
 * still count as election talk: in the season of both, "PKB pemenang Pileg" is the Pilkada's backing too
 * (the dev set labels it so).
 */
function isNationalTalk(t: Term, national: Set<Term>): boolean {
  return t.category === 'candidate' && national.has(t);
}

/** A name as weak as a surname, for scripture talk: a copy (terms are shared by every text). */
function scriptureTwin(t: Term, weight: number): Term {
  return { ...t, weight };
}

/**
 * Whether a term of a {@link NAME_SUPPORT} category weighs enough to support a name: election talk that makes a weak
 * name the candidate's (`summarise` asks the category from the term's checks bits, then this).
 */
function isNameSupportWeight(t: Term): boolean {
  return t.weight >= (t.category === 'candidate' ? MIN_OFFICE_SUPPORT : MIN_NAME_SUPPORT);
}

/**
 * Weak names of two paslon, one of them more than a common given name, beside vote talk too weak to
 * lift a name alone ("debat", "dukung", "relawan"): two rivals in one debate are the candidates ("pak
 * Teguh sama mas Res salaman habis debat"), where one surname and the word are not ("Wardana ikut lomba
 * debat"), nor a list of names with no vote talk ("Pak Herman, Bu Riezky").
 */
function isRivalsTalk(weak: Term[], common: number): boolean {
  const first = weak[0]?.paslon;
  return weak.some((t) => t.paslon !== first) && weak.some((t) => t.weight > common);
}

/** Common given names (folded), per vocabulary: a pair of them is any two people ("Budi sama Ali"). */
const GIVEN_NAMES = new WeakMap<Vocabulary, Set<string>>();

/**
 * Weak names of two different candidates (two words that are not one name read twice), at least one of them more
 * than a common given name: a short or folded nickname ("appi dan seto"). A name that is an ordinary word too, read
 * in lower case ("arif", "mulia"), names no one here.
 * Names in a list (a roster), and names another rule made someone else's, never reach here as weak names.
 */
function namesTwoCandidates(weak: Term[], vocab: Vocabulary): boolean {
  let given = GIVEN_NAMES.get(vocab);
  if (given === undefined) GIVEN_NAMES.set(vocab, (given = new Set(vocab.commonNames.map((n) => tokenize(n, FOLD).join(' ')))));
  let first: Term | undefined;
  let second: Term | undefined;
  for (const t of weak) {
    if (t.caps !== undefined) continue;
    if (first === undefined) first = t;
    else if (t.label !== first.label && !sharesWord(t.label, first.label)) { second = t; break; }
  }
  if (first === undefined || second === undefined) return false;
  return !isGivenLabel(given, first.label) || !isGivenLabel(given, second.label);
}

/** Whether a term's label is one of the common given names `given`, its answer kept per set and label. */
const GIVEN_LABELS = new WeakMap<Set<string>, Map<string, boolean>>();
const GIVEN_LABEL_CACHE_SIZE = 10_000;

/**
 * Whether the label, folded, is one of the common given names. A function of the module with its answers kept: as
 * a closure made per call it cost a scope and, under tsx, a name, and each call folded the label anew.
 */
function isGivenLabel(given: Set<string>, label: string): boolean {
  let labels = GIVEN_LABELS.get(given);
  if (labels === undefined) GIVEN_LABELS.set(given, (labels = new Map()));
  let is = labels.get(label);
  if (is === undefined) {
    if (labels.size >= GIVEN_LABEL_CACHE_SIZE) labels.clear();
    labels.set(label, (is = given.has(tokenize(label, FOLD).join(' '))));
  }
  return is;
}

/** Two labels sharing a word ("Seto", "Andi Seto"): one name read twice, not two people. */
function sharesWord(a: string, b: string): boolean {
  const words = a.toLowerCase().split(/[\s-]+/);
  return b.toLowerCase().split(/[\s-]+/).some((w) => words.includes(w));
}

/** The weight of the weightiest weak name: names in a list are people listed, each alone. */
function strongestWeakName(weak: Term[]): number {
  let best = 0;
  for (const t of weak) if (t.weight > best) best = t.weight;
  return best;
}

/**
 * The weight of the weak names of the one paslon they add up to most for. Derived initials (`initials`) add to none
 * of them: two capital letters are everyone's abbreviation, and beside a short form after a title ("pak Ded ES",
 * "SH JEJ RS") they would make a name out of two guesses; they count alone, or with support (a ballot number, talk).
 */
function bestWeakNames(weak: Term[], initials: Set<Term>, slogans: Term[] | undefined): number {
  let best = 0;
  for (const t of slogans ? weak.concat(slogans) : weak) {
    let total = 0;
    let initial = 0;
    let slogan = 0;
    for (const u of weak) {
      if (u.paslon !== t.paslon) continue;
      if (initials.has(u)) initial = Math.max(initial, u.weight);
      else total += u.weight;
    }
    for (const u of slogans ?? []) if (u.paslon === t.paslon) slogan += u.weight;
    best = Math.max(best, slogan + Math.max(total, initial));
  }
  return best;
}
