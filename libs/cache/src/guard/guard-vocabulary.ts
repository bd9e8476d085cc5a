import { stemWord } from './question-tokens.js';

/**
 * The guard's word lists. Domain-free by intent: function words, question scaffolding and the few
 * closed-class words that flip a question's meaning. The synonym groups are deliberately small:
 * each one is a way two different questions could be taken for one, so a pair of words joins a
 * group only when no support question would get a different answer for the one than the other.
 */

/** Words that turn a statement into its opposite. "n't" arrives here as "not". */
export const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'without', 'none', 'nothing', 'nobody', 'neither', 'nor', 'except', 'excluding', 'unless']);

/**
 * Closed-class words of order, amount and time that are usually stop words yet change the
 * answer: "before" / "after", "more" / "less", "last month" / "this month". Compared as a set.
 */
export const POLARITY_WORDS: ReadonlySet<string> = new Set([
  'before', 'after', 'above', 'below', 'over', 'under', 'more', 'less', 'fewer', 'most', 'least', 'maximum', 'minimum', 'max', 'min',
  'early', 'earlier', 'late', 'later', 'next', 'last', 'previous', 'prior', 'until', 'since', 'within', 'inside', 'outside',
  'today', 'tomorrow', 'yesterday', 'tonight', 'overnight', 'latest', 'recent',
]);

/** Words that, written before a unit of time, say which one: "last month", "this week". */
export const TIME_DEICTICS: ReadonlySet<string> = new Set(['this', 'next', 'last', 'previous', 'past', 'coming', 'current', 'following']);
/** Units of time a deictic or "per" can qualify. */
export const TIME_UNITS: ReadonlySet<string> = new Set(['day', 'days', 'week', 'weeks', 'weekend', 'month', 'months', 'quarter', 'year', 'years', 'morning', 'evening', 'night', 'season', 'semester']);
/** "per month", "each month", "a month", "every month" and "monthly" are one token. */
export const PERIOD_QUANTIFIERS: ReadonlySet<string> = new Set(['per', 'each', 'every', 'a', 'an']);
/** The frequency token of a unit of time. */
export const PERIOD_OF_UNIT: Readonly<Record<string, string>> = {
  day: 'daily', days: 'daily', week: 'weekly', weeks: 'weekly', month: 'monthly', months: 'monthly', quarter: 'quarterly', year: 'yearly', years: 'yearly',
};

/** Words anywhere in a question that ask for a reason: "what is causing", "the reason for". */
export const REASON_WORDS: ReadonlySet<string> = new Set(['why', 'cause', 'causes', 'caused', 'causing', 'reason', 'reasons']);

/** What a question asks for, read from its question words. "how" alone and "what" alone ask nothing in particular. */
export type QuestionIntent = 'reason' | 'time' | 'place' | 'person' | 'quantity' | 'frequency';
/** "how long", "how much", …: the word after "how" that gives the intent. */
export const HOW_INTENTS: Readonly<Record<string, QuestionIntent>> = {
  long: 'time', soon: 'time', early: 'time', late: 'time', quickly: 'time', fast: 'time', much: 'quantity', many: 'quantity', often: 'frequency', frequently: 'frequency',
};
/** Question words that give the intent where they open a sentence or clause. */
export const WH_INTENTS: Readonly<Record<string, QuestionIntent>> = { why: 'reason', when: 'time', where: 'place', who: 'person', whom: 'person', whose: 'person' };
/** Intents that one side cannot have alone: "why was it cancelled" is never "how do I cancel it". */
export const STRICT_INTENTS: ReadonlySet<QuestionIntent> = new Set(['reason', 'person']);

/** Prepositions whose object can be swapped between two questions with the same words. */
export const DIRECTION_ROLES: Readonly<Record<string, string>> = { from: 'from', to: 'to', into: 'to', onto: 'to', toward: 'to', towards: 'to', instead: 'instead' };

/**
 * Verbs that take a particle, by stem: "log in" / "log out" and "sign in" / "sign up" become one
 * word each ("login", "signup") built from the base form, so "logged in" meets "login".
 */
export const PHRASAL_VERB_BASES: ReadonlyMap<string, string> = new Map(
  ['log', 'sign', 'check', 'opt', 'set', 'top', 'cash', 'pay', 'roll', 'back', 'turn', 'switch', 'shut', 'scale', 'clock', 'pick', 'drop', 'carry', 'plug', 'time', 'lock', 'fill', 'look', 'sell', 'run', 'cut', 'hand', 'give'].map(
    (word) => [stemWord(word), word] as const,
  ),
);
export const PARTICLES: ReadonlySet<string> = new Set(['in', 'out', 'up', 'down', 'off', 'on', 'back', 'over']);

/** Currency symbols and names, read as one token each so "$50" and "50 dollars" agree. */
export const CURRENCY_OF: Readonly<Record<string, string>> = {
  $: 'usd', dollar: 'usd', dollars: 'usd', usd: 'usd', '€': 'eur', euro: 'eur', euros: 'eur', eur: 'eur', '£': 'gbp', pound: 'gbp', pounds: 'gbp', gbp: 'gbp', '¥': 'jpy', yen: 'jpy', jpy: 'jpy',
  '%': 'percent', percent: 'percent', percentage: 'percent',
};

/**
 * Words that say nothing about which question is asked: function words, question scaffolding
 * ("what is the way to", "is it possible to", "please tell me") and verbs of access ("find",
 * "see", "get"). Ignored as content; negations, polarity words and question words are read
 * before this list applies.
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if so then than as of for in on at by with about into onto to from via per up down out off over ' +
    'i me my mine myself we us our ours you your yours it its itself they them their he him his she her this that these those ' +
    'there here what which how who when where why whether ' +
    'is are was were be been being am do does did done doing have has had having will would shall should can could may might must ' +
    'please thanks thank hi hello hey kindly ' +
    'way ways process procedure steps step method possible possibly able allowed allow allows let lets need needs want wants wish like would ' +
    'know tell explain help guide instructions get gets got getting go going make take ' +
    'info information detail details offer offers offered available availability provide provides ' +
    'exactly actually currently current really just also still now right anyway simply basically ' +
    'someone anyone somebody anybody something anything one ones some any all each every both either another other such same ' +
    'again ever already yet very too only even much many long often soon happen happens happened thing things ' +
    'okay ok yes sure'
  ).split(' '),
);

/** Groups of words a support question can use interchangeably; the first is the canonical form. */
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['buy', 'purchase'],
  // Verbs of access: not filler, or "view the logs" / "delete the logs" would differ by one tolerated word.
  ['see', 'view', 'find', 'look', 'show', 'access'],
  ['contact', 'talk', 'speak'],
  ['package', 'parcel'],
  ['luggage', 'baggage'],
  ['change', 'update', 'modify', 'edit', 'alter', 'switch'],
  ['remove', 'delete', 'erase', 'clear'],
  ['cancel', 'terminate'],
  ['price', 'cost'],
  ['choose', 'select', 'pick', 'pickout'],
  ['booking', 'reservation', 'book', 'reserve'],
  ['enroll', 'signup', 'register'],
  ['setup', 'configure', 'configuration', 'config'],
  ['increase', 'raise'],
  ['decrease', 'reduce', 'lower'],
  ['enable', 'turnon', 'switchon'],
  ['disable', 'turnoff', 'switchoff'],
  ['login', 'signin', 'logon'],
  ['logout', 'signout', 'logoff'],
  ['yearly', 'annual', 'annually'],
  ['fix', 'repair'],
  ['damaged', 'broken'],
  ['start', 'begin'],
  ['end', 'finish'],
  ['request', 'ask', 'askfor'],
  ['arrive', 'reach'],
  ['over', 'above'],
  ['under', 'below'],
  ['less', 'fewer'],
  ['late', 'later'],
  ['last', 'latest', 'recent'],
];

const SYNONYM_OF: ReadonlyMap<string, string> = new Map(
  SYNONYM_GROUPS.flatMap((group) => {
    const canonical = stemWord(group[0] ?? '');
    return group.map((word) => [stemWord(word), canonical] as const);
  }),
);

/** The canonical stem of a content word: stemmed, then folded into its synonym group. */
export function canonicalContentWord(word: string): string {
  const stem = stemWord(word);
  return SYNONYM_OF.get(stem) ?? stem;
}
