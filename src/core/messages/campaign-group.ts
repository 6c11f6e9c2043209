/**
 * Why a group was or was not taken for a campaign-team group, as /grup and the
 * dashboard show it. Indonesian first.
 */

/** Where the deciding words were found. */
export type GroupTextPlace = 'title' | 'description';
/** How a candidate is referred to. */
export type CandidateKind = 'name' | 'number' | 'word';

/** The texts of one language. */
export interface CampaignGroupTexts {
  where(w: GroupTextPlace): string;
  candidate(kind: CandidateKind, label: string): string;
  prefixAndCandidate(where: string, prefix: string, candidate: string): string;
  contains(where: string, label: string): string;
  prefixAndPilkadaTerm(where: string, prefix: string, term: string): string;
  candidateAndTerm(where: string, candidate: string, term: string): string;
  prefixOnly(where: string, prefix: string): string;
  candidateOnly(where: string, candidate: string): string;
  nothing(where: string): string;
  /** A group taken for a campaign group because of what is posted in it. */
  fromContent(pilkadaPosts: number, messagesSeen: number): string;
}

const ID: CampaignGroupTexts = {
  where: (w) => (w === 'title' ? 'Nama grup' : 'Deskripsi grup'),
  candidate: (k, l) => `${k === 'name' ? 'nama paslon' : k === 'number' ? 'nomor paslon' : 'sebutan calon'} "${l}"`,
  prefixAndCandidate: (w, p, c) => `${w} memuat "${p}" + ${c}`,
  contains: (w, l) => `${w} memuat "${l}"`,
  prefixAndPilkadaTerm: (w, p, t) => `${w} memuat "${p}" + istilah Pilkada "${t}"`,
  candidateAndTerm: (w, c, t) => `${w} memuat ${c} + "${t}"`,
  prefixOnly: (w, p) => `${w} memuat "${p}" tanpa nama paslon atau istilah Pilkada`,
  candidateOnly: (w, c) => `${w} memuat ${c} tanpa tanda grup kampanye`,
  nothing: (w) => `${w} tidak memuat tanda grup kampanye`,
  fromContent: (p, m) => `${p} dari ${m} pesan di grup ini berisi konten Pilkada`,
};

const EN: CampaignGroupTexts = {
  where: (w) => (w === 'title' ? 'Group name' : 'Group description'),
  candidate: (k, l) => `${k === 'name' ? 'candidate name' : k === 'number' ? 'candidate number' : 'candidate word'} "${l}"`,
  prefixAndCandidate: (w, p, c) => `${w} contains "${p}" + ${c}`,
  contains: (w, l) => `${w} contains "${l}"`,
  prefixAndPilkadaTerm: (w, p, t) => `${w} contains "${p}" + Pilkada term "${t}"`,
  candidateAndTerm: (w, c, t) => `${w} contains ${c} + "${t}"`,
  prefixOnly: (w, p) => `${w} contains "${p}" without a candidate name or Pilkada term`,
  candidateOnly: (w, c) => `${w} contains ${c} without any sign of a campaign group`,
  nothing: (w) => `${w} has no sign of a campaign group`,
  fromContent: (p, m) => `${p} of ${m} messages in this group are Pilkada content`,
};

/** Campaign-group reason texts for `lang`. */
export const campaignGroupTexts = (lang: 'id' | 'en'): CampaignGroupTexts => (lang === 'en' ? EN : ID);
