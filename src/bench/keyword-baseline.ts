/**
 * The peer the classifier is measured against: one plain V8 RegExp
 * alternation of every paslon name, alias and ballot-number phrase plus the
 * vocabulary, case-insensitive, matched on word boundaries. A text counts as
 * Pilkada content when it holds any of them. `eval:classifier` prints its
 * precision and recall beside the classifier's; `npm run bench` times it on
 * the same corpus.
 */
import type { PaslonFile, Vocabulary } from '../core/classifier.js';

/**
 * Every keyword the baseline looks for: names, aliases and their parts that are not common
 * names, and the vocabulary and ballot-number phrases strong enough to count alone (every
 * one of them with `everyTerm`, as the speed peer in `npm run bench` uses).
 */
export function baselineKeywords(vocab: Vocabulary, paslon?: PaslonFile, opts: { everyTerm?: boolean } = {}): string[] {
  const words = new Set<string>();
  const common = new Set([...vocab.commonNames, ...vocab.honorifics].map((w) => w.toLowerCase()));
  const strong = (weight: number): boolean => opts.everyTerm === true || weight >= vocab.threshold;
  for (const terms of Object.values(vocab.terms)) {
    for (const [phrase, weight] of Object.entries(terms)) if (strong(weight)) words.add(phrase);
  }
  const numbers = paslon ? paslon.paslon.flatMap((p) => (p.unnumbered === true ? [] : [p.number])) : vocab.defaultPaslonNumbers;
  for (const [pattern, weight] of Object.entries(vocab.numberPatterns)) {
    if (!strong(weight)) continue;
    for (const n of numbers) words.add(pattern.replace('{n}', String(n)).replace('{0n}', `0${n}`));
  }
  for (const p of paslon?.paslon ?? []) {
    for (const name of [...p.names, ...(p.aliases ?? [])]) {
      words.add(name);
      for (const part of name.split(/[\s\-&/+]+/)) if (part.length >= 3 && !common.has(part.toLowerCase())) words.add(part);
    }
  }
  return [...words].filter((w) => w.trim().length > 0);
}

/** One plain case-insensitive RegExp alternation of the keywords, longest first, between word boundaries. */
export function baselineRegExp(keywords: string[], flags = ''): RegExp {
  const escaped = [...keywords].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`\\b(?:${escaped.join('|')})\\b`, `i${flags}`);
}
