/**
 * A small verb lexicon, enough to tell a clause ("… and ships in 2 days") from a list of
 * nouns ("cats and dogs"): auxiliaries and modals, the verbs of product, billing and policy
 * text with their regular inflections, and common irregular past forms.
 */

const AUXILIARIES = new Set(
  ('is are was were be been am has have had do does did can could will would shall should may might must ' +
    "isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't can't cannot couldn't won't wouldn't shouldn't mustn't " +
    "it's that's there's here's they're we're you're it'll they'll we'll you'll").split(' '),
);

const BASE_VERBS =
  'accept add allow apply approve arrive assign back bill block book buy calculate call cancel carry change charge check choose close come comply ' +
  'default produce weigh suspend delete overwrite expect forecast pivot accrue inherit qualify cap ' +
  'confirm connect contact contain convert cost count cover create credit debit decline delete deliver deny depend differ disable discount download ' +
  'downgrade drop earn email enable encrypt end enroll equal exceed exclude expire export extend feature fit fix follow get give go grant grow ' +
  'handle happen help hold host import include increase install integrate issue join keep last launch lead leave let limit link list lock log ' +
  'lose make match mean measure meet migrate monitor move need note notify offer open operate order own pay permit process protect provide purchase ' +
  'qualify range reach receive reduce refund register reject release remain remove renew rent replace reply report require reserve reset resolve ' +
  'respond restrict retain return review rise roll run save schedule see sell send serve set ship show sign start stay store subscribe support ' +
  'switch sync take tell track transfer try turn unlock update upgrade use vary verify waive want work';

const IRREGULAR_PAST =
  'began became bought brought came chose cost did drew fell felt found gave got grew had held kept knew led left lost made meant met paid put ' +
  'ran rose said saw sent set shut sold spent stood took told went won wrote';

const FINITE = new Set<string>(IRREGULAR_PAST.split(' '));
const BASE = new Set<string>(BASE_VERBS.split(' '));
for (const verb of BASE) for (const form of inflections(verb)) FINITE.add(form);

const SUBJECT_PRONOUNS = new Set(['i', 'you', 'we', 'they', 'it', 'he', 'she', 'this', 'that', 'these', 'those', 'there']);
const DETERMINERS = new Set(['the', 'a', 'an', 'your', 'our', 'their', 'its', 'this', 'that', 'these', 'those', 'each', 'every', 'all', 'any', 'some', 'most', 'no', 'both']);

/** Whether a lower-cased word is an auxiliary, a modal or an inflected (-s, -ed) or irregular past verb form. */
export function isFiniteVerb(word: string): boolean {
  return AUXILIARIES.has(word) || FINITE.has(word);
}

/** Whether a lower-cased word is a lexicon verb in its base form ("ship"), finite after a pronoun or modal. */
export function isBaseVerb(word: string): boolean {
  return BASE.has(word);
}

/**
 * Whether the words hold a finite verb: an inflected form anywhere, or a base form after a
 * subject ("staff get", "we ship"): not after a determiner or "to" ("the cost", "to cancel").
 */
export function hasFiniteVerb(words: readonly string[]): boolean {
  return words.some((word, index) => isFiniteVerb(word) || (isBaseVerb(word) && index > 0 && !DETERMINERS.has(words[index - 1] ?? '') && words[index - 1] !== 'to'));
}

/**
 * Whether words start a clause of their own: a verb first ("ships in 2 days"), or a subject
 * (pronoun, determiner phrase, or a few nouns) then an auxiliary or inflected verb within four
 * words ("the item is unused", "dogs are welcome").
 */
export function startsClause(words: readonly string[]): boolean {
  const [first] = words;
  if (first === undefined) return false;
  if (isFiniteVerb(first)) return true;
  if (SUBJECT_PRONOUNS.has(first) && (isFiniteVerb(words[1] ?? '') || isBaseVerb(words[1] ?? ''))) return true;
  const window = words.slice(1, 5);
  const verbAt = window.findIndex((word) => AUXILIARIES.has(word) || (DETERMINERS.has(first) && FINITE.has(word)));
  return verbAt >= 0;
}

/** The lower-cased words of a text, as the verb rules read them. */
export function verbWordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+(?:['’][a-z]+)?/g) ?? []).map((word) => word.replace('’', "'"));
}

function inflections(verb: string): string[] {
  const third = /(?:s|sh|ch|x|z|o)$/.test(verb) ? `${verb}es` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`;
  const past = verb.endsWith('e') ? `${verb}d` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ied` : /^[a-z]*[^aeiou][aeiou][bdgmnpt]$/.test(verb) && verb.length <= 4 ? `${verb}${verb.slice(-1)}ed` : `${verb}ed`;
  return [third, past];
}
