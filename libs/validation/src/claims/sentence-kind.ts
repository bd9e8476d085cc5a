/**
 * What a sentence of an answer does: states a fact, refuses ("the sources do not mention …"),
 * asks, or is a pleasantry ("Let me know if …", "I hope this helps"). Only facts and refusals
 * are claims.
 */
export type SentenceKind = 'fact' | 'refusal' | 'question' | 'pleasantry';

const PLEASANTRY = new RegExp(
  '^(?:let me know|feel free|i hope|hope (?:this|that|it) helps|happy to help|glad to help|i(?:\'|’)?d be (?:happy|glad)|' +
    'please (?:let|feel|don(?:\'|’)?t hesitate|reach out)|if you have (?:any )?(?:other |more |further |additional )?questions|' +
    'don(?:\'|’)?t hesitate|thanks?\\b|thank you|you(?:\'|’)?re welcome|is there anything else|anything else i can|' +
    '(?:have|enjoy) a (?:great|good|nice)|good luck|best regards|cheers\\b|(?:good|great|bad) news\\b|sorry\\b|no problem\\b|' +
    '(?:you )?(?:may|might) want to\\b|it(?:\'|’)s worth (?:checking|asking)|hope that clears)',
  'i',
);

const DOCUMENTS = '(?:(?:the |these |this |our )?(?:provided |available |given |retrieved )?(?:sources?|documents?|documentation|context|information|articles?|knowledge base|excerpts?|passages?|materials?)(?: provided| given)?)';
const REFUSAL = new RegExp(
  [
    `${DOCUMENTS} (?:do(?:es)?(?:n(?:'|’)?t| not)|did(?:n(?:'|’)?t| not)) (?:\\w+ )?(?:mention|cover|specify|say|include|contain|provide|state|address|discuss|describe|explain|list|indicate|give|detail)`,
    `(?:i|we) (?:could ?n(?:o|'|’)?t|can ?n(?:o|'|’)?t|was unable to|were unable to|am unable to|(?:'|’)m unable to|am not able to|(?:'|’)m not able to|did ?n(?:o|'|’)?t) (?:find|see|locate)\\b`,
    `(?:i|we) (?:do ?n(?:o|'|’)?t|don(?:'|’)t) have (?:any |enough |specific |the |more )?(?:information|details|data|specifics)`,
    'there (?:is|(?:\'|’)s) no (?:information|mention|detail|details|data|reference|indication)',
    `there (?:is|(?:'|’)s) nothing (?:in|about)`,
    `nothing in ${DOCUMENTS}`,
    `(?:is|are|was|were) not (?:mentioned|covered|specified|stated|addressed|provided|included|described|listed|available) in ${DOCUMENTS}`,
    `not (?:mentioned|covered|specified|stated|addressed) (?:in|by) ${DOCUMENTS}`,
    'no information (?:is |was )?(?:available|provided|given)',
    'i don(?:\'|’)?t know',
    `${DOCUMENTS} (?:is|are) silent`,
    `(?:neither|none of|no) (?:the |these |of the )?(?:\\w+ )?(?:sources?|documents?|documentation|articles?|excerpts?|passages?|policies|pages?) (?:\\w+ )?(?:mentions?|covers?|says?|specif(?:y|ies)|includes?|contains?|address(?:es)?|discuss(?:es)?|states?)`,
  ].join('|'),
  'i',
);

/** The kind of one sentence of an answer (markup and citation markers already removed). */
export function sentenceKind(sentence: string): SentenceKind {
  const text = sentence.trim();
  if (/\?["'”’)\]]*$/.test(text)) return 'question';
  if (PLEASANTRY.test(text)) return 'pleasantry';
  if (REFUSAL.test(text)) return 'refusal';
  return 'fact';
}
