import { canonicalContentWord, FILLER_WORDS, NEGATIONS, POLARITY_WORDS } from './guard-vocabulary.js';

test('synonyms of one group fold into one canonical word, in any inflection', () => {
  expect(canonicalContentWord('purchased')).toBe(canonicalContentWord('buy'));
  expect(canonicalContentWord('parcels')).toBe(canonicalContentWord('package'));
  expect(canonicalContentWord('updating')).toBe(canonicalContentWord('change'));
  expect(canonicalContentWord('reservations')).toBe(canonicalContentWord('booking'));
});

test('words that change the answer stay apart', () => {
  const distinct = (a: string, b: string) => expect(canonicalContentWord(a)).not.toBe(canonicalContentWord(b));
  distinct('cancel', 'pause');
  distinct('upgrade', 'downgrade');
  distinct('enable', 'disable');
  distinct('login', 'logout');
  distinct('paid', 'unpaid');
  distinct('view', 'delete');
});

test('negations and polarity words are never filler, so no list swallows them', () => {
  for (const word of [...NEGATIONS, ...POLARITY_WORDS]) {
    if (['over', 'up', 'down'].includes(word)) continue; // also particles: read as polarity before the filler list applies
    expect(FILLER_WORDS.has(word)).toBe(false);
  }
});
