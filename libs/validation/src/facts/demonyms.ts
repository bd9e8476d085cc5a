/**
 * Country and region names with the adjectives answers use for them: "under Dutch law" is the
 * source's "the laws of the Netherlands". Lower-cased words, as `NamedEntity.words`.
 */
const PAIRS: readonly (readonly [string, readonly string[]])[] = [
  ['dutch', ['netherlands', 'holland']],
  ['german', ['germany']],
  ['french', ['france']],
  ['british', ['uk', 'britain']],
  ['english', ['england']],
  ['scottish', ['scotland']],
  ['welsh', ['wales']],
  ['irish', ['ireland']],
  ['swedish', ['sweden']],
  ['norwegian', ['norway']],
  ['danish', ['denmark']],
  ['finnish', ['finland']],
  ['icelandic', ['iceland']],
  ['spanish', ['spain']],
  ['portuguese', ['portugal']],
  ['italian', ['italy']],
  ['swiss', ['switzerland']],
  ['austrian', ['austria']],
  ['belgian', ['belgium']],
  ['polish', ['poland']],
  ['czech', ['czechia']],
  ['greek', ['greece']],
  ['american', ['us', 'usa', 'america']],
  ['canadian', ['canada']],
  ['mexican', ['mexico']],
  ['brazilian', ['brazil']],
  ['australian', ['australia']],
  ['japanese', ['japan']],
  ['chinese', ['china']],
  ['indian', ['india']],
  ['european', ['eu', 'europe']],
];

const ALIASES = new Map<string, string[]>();
for (const [adjective, places] of PAIRS) {
  ALIASES.set(adjective, [...places]);
  for (const place of places) ALIASES.set(place, [adjective, ...places.filter((other) => other !== place)]);
}

/** The other words for a place a word names ("dutch" → netherlands, holland; "netherlands" → dutch, holland); none for other words. */
export function placeAliases(word: string): readonly string[] {
  return ALIASES.get(word) ?? [];
}
