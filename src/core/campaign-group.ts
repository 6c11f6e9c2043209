/**
 * Campaign-group scoring from a group's title (and description). The SKB on
 * ASN neutrality counts merely joining a campaign-team group as a violation, so
 * the bot must recognise such groups by name: a campaign-group prefix
 * ("Relawan", "Sahabat", "Tim Pemenangan") plus a candidate or Pilkada term.
 * A prefix alone ("Relawan Bencana Banjir") is not enough. A short acronym or a
 * given name counts only right after the prefix ("Sahabat HD OKU", not "Grup
 * Servis CCTV HD" or "Kawan Video HD"), and an official title is no campaign
 * support ("Info Kegiatan Gubernur Herman Deru").
 */
import { GROUP_NAME, PASLON_NAME, PASLON_NUMBER, type PilkadaClassifier, type Term } from './classifier.js';
import type { CampaignScore } from './types.js';
import { campaignGroupTexts, type CampaignGroupTexts } from './messages/campaign-group.js';

/** Vocabulary category of candidate words ("paslon", "cagub") that name a candidate without naming who. */
const CANDIDATE_CATEGORY = 'candidate';

/** Scores a group as a campaign group; the description is consulted when the title does not decide. The reason is worded in `lang`. */
export function scoreCampaignGroup(c: PilkadaClassifier, title: string, description?: string, lang: 'id' | 'en' = 'id'): CampaignScore {
  const t = campaignGroupTexts(lang);
  const byTitle = judge(c, title, t, t.where('title'));
  if (byTitle.campaign || !description?.trim()) return byTitle;
  const byDescription = judge(c, description, t, t.where('description'));
  return byDescription.campaign ? { ...byDescription, score: round(byDescription.score * 0.9) } : byTitle;
}

/** Applies the rules to one text; `where` opens the reason ("Nama grup"). */
function judge(c: PilkadaClassifier, text: string, t: CampaignGroupTexts, where: string): CampaignScore {
  const describe = (candidate: Term): string => t.candidate(kindOf(candidate), candidate.label);
  const terms = c.findTerms(text);
  const prefix = terms.find((t) => t.groupPrefix);
  const candidate = findCandidate(terms, c.threshold);
  const named = terms.find((t) => t.category === GROUP_NAME);
  const support = terms.filter((t) => t !== prefix && t !== candidate && t.weight > 0 && !t.official);
  const supportScore = support.reduce((sum, t) => sum + t.weight, 0);

  const weakName = candidate?.category === PASLON_NAME && (candidate.weight < c.threshold || candidate.acronym);
  if (prefix && candidate && !weakName) return yes(1, t.prefixAndCandidate(where, prefix.label, describe(candidate)));
  if (named) return yes(1, t.contains(where, named.label));
  if (prefix && prefix.weight >= c.threshold) return yes(1, t.contains(where, prefix.label));
  if (prefix && supportScore >= c.threshold) return yes(0.8, t.prefixAndPilkadaTerm(where, prefix.label, support[0]?.label ?? ''));
  if (candidate && candidate.weight >= c.threshold && support.length > 0) {
    return yes(0.7, t.candidateAndTerm(where, describe(candidate), support[0]?.label ?? ''));
  }
  if (prefix) return no(0.3, t.prefixOnly(where, prefix.label));
  if (candidate) return no(0.5, t.candidateOnly(where, describe(candidate)));
  return no(0, t.nothing(where));
}

/**
 * The candidate reference, most specific first: a name that counts alone, a
 * ballot number, a strong candidate word, then a weak name (for the reason only).
 */
function findCandidate(terms: Term[], threshold: number): Term | undefined {
  return terms.find((t) => t.category === PASLON_NAME && t.weight >= threshold)
    ?? terms.find((t) => t.category === PASLON_NUMBER)
    ?? terms.find((t) => t.category === CANDIDATE_CATEGORY && t.weight >= threshold)
    ?? terms.find((t) => t.category === PASLON_NAME);
}

function kindOf(candidate: Term): 'name' | 'number' | 'word' {
  return candidate.category === PASLON_NAME ? 'name' : candidate.category === PASLON_NUMBER ? 'number' : 'word';
}

const yes = (score: number, reason: string): CampaignScore => ({ campaign: true, score, reason });
const no = (score: number, reason: string): CampaignScore => ({ campaign: false, score, reason });
const round = (x: number): number => Math.round(x * 100) / 100;
