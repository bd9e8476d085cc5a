import type { ChatMessage } from '#libs/contracts';
import { createPhraseMatcher, splitWords } from './phrase-matcher.js';
import { CODE_ARTIFACTS, CODE_REQUEST_VERBS, MATH_CUES, REASONING_CUES, STRONG_REASONING_CUES } from './routing-cues.js';

/** What the router knows about a request: cheap, explainable signals of how hard it is. */
export interface RequestFeatures {
  /** Estimated tokens (characters / 4) of the last user message. */
  readonly lastUserTokens: number;
  /** Estimated tokens of every message, system prompt and retrieved context included. */
  readonly totalTokens: number;
  /** Number of user messages in the conversation. */
  readonly turnCount: number;
  /** The last user message contains code: a fence, a stack trace or several code tokens. */
  readonly hasCode: boolean;
  /**
   * Reasoning cues in the instruction, each distinct cue counted once, strong ones
   * ("prove", "trade-offs", "implement", "write a function" …) twice.
   */
  readonly reasoningCues: number;
  /** Distinct maths words ("theorem", "integer" …) plus formulas ("x^2", "3 * 4"; at most 3) in the instruction. */
  readonly mathCues: number;
  /** Question marks in the request (runs like "??" count once). */
  readonly questionCount: number;
  /**
   * Tier the caller asked for, lower-cased: the `x-ballast-tier` header, else the last
   * `#ballast:tier=<tier>` marker in the messages. Undefined when neither is present.
   */
  readonly explicitHint: string | undefined;
  /** Attached documents in any message: `<document …>` tags, `[doc …]` markers, "Document 2:" headings. */
  readonly documentCount: number;
}

/** Inputs that do not come from the messages. */
export interface ExtractRequestFeaturesOptions {
  /** Value of the `x-ballast-tier` request header, when the caller sent one. */
  readonly tierHint?: string;
}

// The instruction of a long message sits in its first or last paragraph ("Translate this:
// <article>", "<contract> Which clauses conflict?"); pasted material sits in between.
// Counting cues only there keeps the words of a pasted article from voting, and bounds the
// work on huge inputs.
const SHORT_MESSAGE_CHARS = 600;
const INSTRUCTION_PARAGRAPH_CHARS = 600;
const CHARS_PER_TOKEN = 4;
// A long equation should not outvote everything else; three formulas already mean maths.
const MAX_FORMULA_CUES = 3;

const strongReasoningCues = new Set(STRONG_REASONING_CUES);
const reasoningMatcher = createPhraseMatcher([...STRONG_REASONING_CUES, ...REASONING_CUES]);
const mathMatcher = createPhraseMatcher(MATH_CUES);
const codeRequestVerbs = new Set(CODE_REQUEST_VERBS);
const codeArtifactMatcher = createPhraseMatcher(CODE_ARTIFACTS);
// "write a Python unit test": up to three words between the verb and the artifact.
const CODE_REQUEST_GAP_WORDS = 3;
// A formula: "x^2", "a = b", "n(n+1)/2", "3 * 4", "7 - 2". Dates ("2025-07") and prose
// slashes ("and/or") do not count. Character classes only, no nesting.
const formulaPattern = /[a-z0-9)] ?[\^=] ?[a-z0-9(]|\d ?[*/+] ?\d|\d - \d|[√∫∑∏π≤≥≠]/g;
const hintPattern = /#ballast:tier=([a-z0-9_-]{1,40})/gi;
const documentPattern = /<document[\s>]|\[doc(?:ument)?[\s\d\]:#-]|^(?:document|doc|source) ?#?\d{1,3} ?[:.)-]/gim;
// Horizontal whitespace only ([ \t], never \s) next to ^ and $: "\s*" at every line start
// would rescan runs of blank lines and turn a pasted log into quadratic work.
const strongCodePattern =
  /```|^[ \t]{0,8}(?:def|class|function|func|fn|public|private|#include|import|package)\b[^\n]{0,200}[({:;][ \t]*$|\bconsole\.log\(|=>|\bTraceback \(most recent call last\)|^goroutine \d|^[ \t]+at [\w$.<>]{1,200} \(|\bSELECT\b[^\n]{1,200}\bFROM\b/m;
// Closing tags are not a signal: prompts wrap pasted documents in <document>…</document>.
const weakCodePattern = /[;{][ \t]*$|^[ \t]*\}|[!=]==?|&&|\|\||::|\w\(\)|\$\{/gm;

/**
 * Signals the routing rules decide on. Pure and linear in the input (cue words are looked
 * up word by word; every regex is a flat alternation or a bounded repeat), so a typical
 * chat request takes microseconds and a hostile one cannot backtrack catastrophically.
 */
export function extractRequestFeatures(
  messages: readonly ChatMessage[],
  options: ExtractRequestFeaturesOptions = {},
): RequestFeatures {
  let totalTokens = 0;
  let turnCount = 0;
  let documentCount = 0;
  let lastUser: string | undefined;
  for (const message of messages) {
    totalTokens += estimateTokens(message.content);
    documentCount += countMatches(documentPattern, message.content);
    if (message.role === 'user') {
      turnCount += 1;
      lastUser = message.content;
    }
  }

  const content = lastUser ?? '';
  const instruction = instructionText(content).toLowerCase();
  const words = splitWords(instruction);
  const containsCode = hasCode(content);
  // In code "=" and "*" are assignments and pointers, not formulas.
  const formulas = containsCode ? 0 : countMatches(formulaPattern, instruction, MAX_FORMULA_CUES);
  return {
    lastUserTokens: estimateTokens(content),
    totalTokens,
    turnCount,
    hasCode: containsCode,
    reasoningCues: reasoningScore(words),
    mathCues: mathMatcher.matches(words).size + formulas,
    questionCount: countMatches(/\?+/g, instruction),
    explicitHint: normaliseHint(options.tierHint) ?? inlineHint(messages),
    documentCount,
  };
}

function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

function instructionText(content: string): string {
  if (content.length <= SHORT_MESSAGE_CHARS) return content;
  const paragraphs = content.split(/\n[ \t]*\n/).filter((paragraph) => paragraph.trim() !== '');
  const first = paragraphs[0] ?? '';
  const last = paragraphs.at(-1) ?? '';
  if (paragraphs.length < 2) {
    // One long paragraph: its start and its end, without counting the middle twice.
    if (content.length <= 2 * INSTRUCTION_PARAGRAPH_CHARS) return content;
    return `${content.slice(0, INSTRUCTION_PARAGRAPH_CHARS)}\n\n${content.slice(-INSTRUCTION_PARAGRAPH_CHARS)}`;
  }
  // "Summarize this:" announces that everything after it is the material, not the task.
  if (first.trimEnd().endsWith(':')) return first.slice(0, INSTRUCTION_PARAGRAPH_CHARS);
  return `${first.slice(0, INSTRUCTION_PARAGRAPH_CHARS)}\n\n${last.slice(-INSTRUCTION_PARAGRAPH_CHARS)}`;
}

function reasoningScore(words: readonly string[]): number {
  let score = 2 * countCodeRequests(words);
  for (const cue of reasoningMatcher.matches(words)) score += strongReasoningCues.has(cue) ? 2 : 1;
  return score;
}

/** "write/create/implement … <function|script|query …>": a request for code, not a poem. */
function countCodeRequests(words: readonly string[]): number {
  let requests = 0;
  for (let index = 0; index < words.length; index += 1) {
    if (!codeRequestVerbs.has(words[index] ?? '')) continue;
    const last = Math.min(words.length - 1, index + 1 + CODE_REQUEST_GAP_WORDS);
    for (let candidate = index + 1; candidate <= last; candidate += 1) {
      if (codeArtifactMatcher.phraseAt(words, candidate) !== undefined) {
        requests += 1;
        break;
      }
    }
  }
  return requests;
}

function hasCode(content: string): boolean {
  // Three weak signals (";" line ends, "==", "&&", "foo()") make code; one is just punctuation.
  return strongCodePattern.test(content) || countMatches(weakCodePattern, content, 3) >= 3;
}

function normaliseHint(value: string | undefined): string | undefined {
  const hint = value?.trim().toLowerCase();
  return hint === undefined || hint === '' ? undefined : hint;
}

function inlineHint(messages: readonly ChatMessage[]): string | undefined {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const content = messages[index]?.content ?? '';
    if (!content.includes('#')) continue;
    let last: string | undefined;
    for (const match of content.matchAll(hintPattern)) last = match[1];
    if (last !== undefined) return last.toLowerCase();
  }
  return undefined;
}

function countMatches(pattern: RegExp, text: string, stopAt = Number.POSITIVE_INFINITY): number {
  let count = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null && count < stopAt; match = pattern.exec(text)) {
    count += 1;
    // An empty match would not advance lastIndex and loop forever.
    if (match[0] === '') pattern.lastIndex += 1;
  }
  pattern.lastIndex = 0;
  return count;
}
