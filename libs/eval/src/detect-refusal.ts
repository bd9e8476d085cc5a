/**
 * Whether an answer declines to answer because its sources do not say ("The documents do not
 * mention …", "I could not find …", Ballast's own "I could not find a reliable answer to that in
 * the available sources."). An answer that refuses and then answers anyway ("… but generally it
 * is 30 days", "However, the warranty is two years.") is not a refusal; one that refuses and
 * explains what the sources do cover, apologises or points elsewhere still is.
 */
export interface RefusalDetection {
  refusal: boolean;
  /** The refusing sentence, when there is one. */
  refusing?: string;
  /** The sentence or clause that answers anyway, when there is one. */
  answering?: string;
  reason: string;
}

const APOSTROPHE = "['’]";
const NOT = `(?:n${APOSTROPHE}?t|\\s+not)`;
const QUALIFIER =
  '(?:the|these|this|those|that|my|our|your|its|their|any|available|provided|given|retrieved|supplied|attached|relevant|reference|uploaded|search|following|cited|current|shared|existing|underlying|accessible)';
const SOURCE_NOUN = '(?:sources?|documents?|documentation|docs|context|information|info|articles?|knowledge\\s+base|excerpts?|passages?|materials?|texts?)\\b';
/** "the provided documents", "this context": a bare noun ("Personal information does not …") is a statement, not about the sources. */
const SOURCES = `(?:${QUALIFIER}\\s+)+${SOURCE_NOUN}`;
/** After "none of" / "no": "no source says", "none of the documents". */
const ANY_SOURCES = `(?:${QUALIFIER}\\s+)*${SOURCE_NOUN}`;
/** "the documents provided", "the sources I have access to", "the context you gave". */
const AFTER_SOURCES = '(?:\\s+(?:provided|given|available|retrieved|supplied|shared|here|above|below))?(?:\\s+(?:that\\s+)?(?:i|we|you)(?:\\s+\\w+){1,4}?)?';
const SOURCE_VERBS = '(?:mention|cover|specify|say|state|include|contain|provide|address|discuss|describe|explain|list|indicate|give|detail|tell|show|reference|offer|answer)';

const REFUSAL_PATTERNS: readonly RegExp[] = [
  // "The sources do not mention …", "the documentation doesn't specify …", "the context didn't say".
  new RegExp(`\\b${SOURCES}${AFTER_SOURCES}\\s+(?:do(?:es)?|did)${NOT}(?:\\s+(?:seem|appear)\\s+to)?(?:\\s+(?:explicitly|directly|clearly|specifically|actually))?\\s+${SOURCE_VERBS}`, 'i'),
  // "The documents mention returns but do not say …", "The documents only cover X; they do not mention Y."
  new RegExp(`\\b${SOURCES}\\b[^.!?]*?\\b(?:do(?:es)?|did)${NOT}\\s+${SOURCE_VERBS}`, 'i'),
  // "I could not find …", "we were unable to locate …".
  new RegExp(`\\b(?:i|we)\\s+(?:(?:could|can|did|do)${NOT}|cannot|(?:am|was|were|${APOSTROPHE}m|${APOSTROPHE}re)\\s+(?:unable|not\\s+able)\\s+to)\\s+(?:\\w+\\s+)?(?:find|locate|see|identify|determine|answer|confirm|tell|say|provide|verify)\\b`, 'i'),
  // "I don't have (any) information about …", "I have no details on …".
  new RegExp(`\\b(?:i|we)\\s+(?:do${NOT}\\s+have|have\\s+no)\\s+(?:any\\s+|enough\\s+|specific\\s+|the\\s+|more\\s+|reliable\\s+|relevant\\s+)*(?:information|details?|data|specifics|knowledge|answer|record|sources?)\\b`, 'i'),
  // "There is no information about …", "there's no mention of …".
  new RegExp(`\\bthere\\s+(?:is|${APOSTROPHE}s|was|are)\\s+(?:no|not\\s+(?:any|enough))\\s+(?:specific\\s+|relevant\\s+|reliable\\s+)?(?:information|mention|details?|data|reference|indication|record)s?(?:\\s+(?:about|on|regarding|of|in|concerning|for|available|provided|given|that)\\b|\\s*[.,;!]|\\s*$)`, 'i'),
  // "This is not covered in the available information", "that information isn't available in the documents".
  new RegExp(`\\b(?:is|are|was|were|be)${NOT}\\s+(?:\\w+\\s+)?(?:mentioned|covered|specified|stated|addressed|provided|included|described|listed|available|found|discussed|given|explained|detailed|present)\\s+(?:in|by|within|from|among)\\s+${SOURCES}`, 'i'),
  // "None of the documents mention …", "no source says …".
  new RegExp(`\\b(?:none\\s+of|neither\\s+of|no)\\s+${ANY_SOURCES}\\s+(?:\\w+\\s+)?(?:mentions?|covers?|says?|specif(?:y|ies)|includes?|contains?|address(?:es)?|discuss(?:es)?|states?|provides?|describes?)\\b`, 'i'),
  // "Nothing in the sources …", "the sources are silent on …".
  new RegExp(`\\bnothing\\s+(?:in|within)\\s+${SOURCES}`, 'i'),
  new RegExp(`\\b${SOURCES}\\s+(?:is|are)\\s+silent\\b`, 'i'),
  new RegExp(`\\b(?:no|not\\s+any)\\s+(?:information|details?|data)\\s+(?:is|was|are|were)?\\s*(?:available|provided|given)\\b`, 'i'),
  new RegExp(`\\b(?:i|we)\\s+(?:do${NOT}|${APOSTROPHE}?dont)\\s+know\\b|\\bi(?:\\s+am|${APOSTROPHE}m)\\s+not\\s+(?:sure|certain)\\b`, 'i'),
  new RegExp(`\\b(?:is|are)\\s+(?:outside|beyond)\\s+(?:the\\s+scope\\s+of\\s+)?${SOURCES}`, 'i'),
];

/** Sentences that neither answer nor refuse: apologies, offers, pointers elsewhere, follow-up questions. */
const NEUTRAL_PATTERNS: readonly RegExp[] = [
  /^(?:i(?:['’]m| am) )?(?:sorry|unfortunately|apologi[sz]e)\b[\s,.!]*$/i,
  /^(?:let me know|feel free|i hope|hope (?:this|that|it) helps|happy to help|glad to help|i(?:['’]d| would) be (?:happy|glad)|thanks?\b|thank you|is there anything else|anything else)/i,
  /\b(?:you|they)\s+(?:may|might|could|can|should|would)\s+(?:want\s+to\s+|need\s+to\s+|wish\s+to\s+)?(?:check|contact|ask|consult|reach|refer|look|visit|try|email|call|review|see|speak|get in touch)\b/i,
  /^(?:please\s+)?(?:contact|check|consult|reach out|refer to|ask|visit|try)\b/i,
  /\b(?:i|we)\s+(?:would\s+|'d\s+)?(?:recommend|suggest|advise)\b/i,
  /\b(?:i|we)\s+(?:can|could|would\s+be\s+happy\s+to|['’]d\s+be\s+happy\s+to)\s+help\b/i,
  /\bfor\s+(?:more|further|accurate|up-to-date|the\s+latest)\s+(?:information|details)\b/i,
  // What the sources do cover, as context for the refusal.
  new RegExp(`\\b${SOURCES}[^.!?]*\\b(?:only|just|mainly|mostly|primarily|solely)\\b`, 'i'),
  new RegExp(`\\b(?:only|just|mainly|mostly|primarily|solely)\\s+(?:cover|mention|discuss|describe|address|include|contain|talk\\s+about|deal\\s+with|focus\\s+on|relate\\s+to|list|provide|give)s?\\b`, 'i'),
  /\b(?:focus(?:es)?|focused)\s+on\b/i,
];

/** A clause after a refusal that starts with one of these may answer anyway: "…, but generally …", "…, so it is …". */
const TURN = /\b(?:but|however|though|although|nevertheless|nonetheless|that said|still|so|yet|instead|generally|typically|usually|in general|normally|otherwise)\b/i;
const TURN_START = new RegExp(`^${TURN.source}`, 'i');
/** Inside the refusing clause itself only a contrast turns: "The sources don't say but it is probably 30 days". */
const CONTRAST = /\b(?:but|however|though|although|nevertheless|nonetheless|that said)\b/i;
const SUBORDINATE_START = /^(?:while|whilst|although|though|even though|even if)\b/i;

export function detectRefusal(answer: string): RefusalDetection {
  const sentences = splitSentences(answer);
  let refusing: string | undefined;
  for (const sentence of sentences) {
    const match = firstRefusal(sentence);
    if (match === undefined) {
      if (sentence.endsWith('?') || isNeutral(sentence)) continue;
      return refusing === undefined ? notRefusal(sentence) : answeringAnyway(refusing, sentence);
    }
    const tail = answerAfter(sentence, match);
    if (tail !== undefined) return answeringAnyway(sentence, tail);
    refusing ??= sentence;
  }
  return refusing === undefined ? { refusal: false, reason: answer.trim() === '' ? 'the answer is empty' : 'no sentence refuses' } : { refusal: true, refusing, reason: `refuses: "${refusing}"` };
}

/** Shorthand: `detectRefusal(answer).refusal`. */
export function isRefusal(answer: string): boolean {
  return detectRefusal(answer).refusal;
}

function notRefusal(sentence: string): RefusalDetection {
  return { refusal: false, answering: sentence, reason: `answers: "${sentence}"` };
}

function answeringAnyway(refusing: string, answering: string): RefusalDetection {
  return { refusal: false, refusing, answering, reason: `refuses ("${refusing}") but answers anyway: "${answering}"` };
}

function firstRefusal(sentence: string): RegExpExecArray | undefined {
  let first: RegExpExecArray | undefined;
  for (const pattern of REFUSAL_PATTERNS) {
    const match = pattern.exec(sentence);
    if (match !== null && (first === undefined || match.index < first.index)) first = match;
  }
  return first;
}

/**
 * The clause of a refusing sentence that answers anyway: one after a turn ("…, but it is
 * usually 30 days") or, when the refusal is subordinate ("While the sources do not say when,
 * the launch is in Q3"), the main clause after the comma. Clauses that refuse again or are
 * neutral do not count; list commas inside the refusal ("salary, bonus or stock") do not split.
 */
function answerAfter(sentence: string, match: RegExpExecArray): string | undefined {
  const rest = sentence.slice(match.index + match[0].length);
  const clauses = rest.split(/[,;:]|\s[-–—]\s/).slice(1).map((clause) => clause.trim()).filter((clause) => clause !== '');
  const subordinate = SUBORDINATE_START.test(sentence.slice(0, match.index).replace(/^[\s,]*(?:(?:i['’]m\s+)?sorry|unfortunately)[\s,]*/i, '').trim());
  const turnInline = CONTRAST.exec(rest.split(/[,;:]/)[0] ?? '');
  const candidates = [...(turnInline === null ? [] : [rest.slice(turnInline.index)]), ...clauses.filter((clause, index) => TURN_START.test(clause) || (subordinate && index === 0))];
  return candidates.map((clause) => clause.replace(/[.!]+$/, '').trim()).find((clause) => isContent(clause));
}

/** A clause that states something: a few words, not a refusal, not neutral. */
function isContent(clause: string): boolean {
  const body = clause.replace(TURN, '').replace(/^[\s,]+/, '');
  return body.split(/\s+/).filter((word) => /\p{L}|\d/u.test(word)).length >= 3 && firstRefusal(body) === undefined && !isNeutral(body);
}

function isNeutral(sentence: string): boolean {
  return NEUTRAL_PATTERNS.some((pattern) => pattern.test(sentence));
}

/** Sentences of the answer, markdown emphasis and `[n]` markers removed; "2.5" and "e.g." do not split. */
function splitSentences(answer: string): string[] {
  return answer
    .replace(/\[\^?\d+(?:\s*[,–-]\s*\^?\d+)*\]/g, '')
    .replace(/[*_`#>]+/g, '')
    .split(/(?<=[.!?])\s+(?=[^a-z])|\n+/)
    .map((sentence) => sentence.replace(/^\s*(?:[-•]|\d+[.)])\s+/, '').trim())
    .filter((sentence) => /\p{L}/u.test(sentence));
}
