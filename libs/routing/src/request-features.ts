import type { ChatMessage } from '#libs/contracts';
import { CODE_ARTIFACTS, MATH_CUES, REASONING_CUES } from './routing-cues.js';

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
  /** Distinct reasoning cues ("prove", "trade-offs", "step by step", "write a function" …) in the request. */
  readonly reasoningCues: number;
  /** Distinct mathematical cues (formulas, "theorem", "integer" …) in the request. */
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

// The instruction of a long paste sits at its start or its end ("Translate this: …",
// "… what time does it start?"). Counting cues only there keeps the words of a pasted
// article from voting, and bounds the work on huge inputs.
const INSTRUCTION_HEAD_CHARS = 1_200;
const INSTRUCTION_TAIL_CHARS = 1_200;
const CHARS_PER_TOKEN = 4;
// A long equation should not outvote everything else; three formulas already mean maths.
const MAX_FORMULA_CUES = 3;

const reasoningPattern = phrasePattern(REASONING_CUES);
const mathWordPattern = phrasePattern(MATH_CUES);
const codeRequestPattern = new RegExp(
  `\\b(?:write|create|build|generate|implement|give)\\b(?: [\\w'+#.-]{1,30}){0,3}? (?:${CODE_ARTIFACTS.map(escapeRegExp).join('|')})\\b`,
  'g',
);
// A formula: "x^2", "a = b", "n(n+1)/2", "3 * 4", "7 - 2". Dates ("2025-07") and prose
// slashes ("and/or") do not count. Character classes only, no nesting.
const formulaPattern = /[a-z0-9)] ?[\^=] ?[a-z0-9(]|\d ?[*/+] ?\d|\d - \d|[√∫∑∏π≤≥≠]/g;
const hintPattern = /#ballast:tier=([a-z0-9_-]{1,40})/gi;
const documentPattern = /<document[\s>]|\[doc(?:ument)?[\s\d\]:#-]|^(?:document|doc|source) ?#?\d{1,3} ?[:.)-]/gim;
// Horizontal whitespace only ([ \t], never \s) next to ^ and $: "\s*" at every line start
// would rescan runs of blank lines and turn a pasted log into quadratic work.
const strongCodePattern =
  /```|^[ \t]{0,8}(?:def|class|function|func|fn|public|private|#include|import|package)\b[^\n]{0,200}[({:;][ \t]*$|\bconsole\.log\(|=>|\bTraceback \(most recent call last\)|^goroutine \d|^[ \t]+at [\w$.<>]{1,200} \(|\bSELECT\b[^\n]{1,200}\bFROM\b/m;
const weakCodePattern = /[;{][ \t]*$|^[ \t]*\}|[!=]==?|&&|\|\||::|\w\(\)|\$\{|<\/\w{1,40}>/gm;

/**
 * Signals the routing rules decide on. Pure, allocation-light and linear in the input
 * (every pattern is a flat alternation or a bounded repeat), so it stays well under a
 * tenth of a millisecond for typical chat requests.
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
  const containsCode = hasCode(content);
  // In code "=" and "*" are assignments and pointers, not formulas.
  const formulas = containsCode ? 0 : countMatches(formulaPattern, instruction, MAX_FORMULA_CUES);
  return {
    lastUserTokens: estimateTokens(content),
    totalTokens,
    turnCount,
    hasCode: containsCode,
    reasoningCues: countDistinct(reasoningPattern, instruction) + countMatches(codeRequestPattern, instruction),
    mathCues: countDistinct(mathWordPattern, instruction) + formulas,
    questionCount: countMatches(/\?+/g, instruction),
    explicitHint: normaliseHint(options.tierHint) ?? inlineHint(messages),
    documentCount,
  };
}

function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

function instructionText(content: string): string {
  if (content.length <= INSTRUCTION_HEAD_CHARS + INSTRUCTION_TAIL_CHARS) return content;
  return `${content.slice(0, INSTRUCTION_HEAD_CHARS)}\n${content.slice(-INSTRUCTION_TAIL_CHARS)}`;
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

function countDistinct(pattern: RegExp, text: string): number {
  const seen = new Set<string>();
  for (const match of text.matchAll(pattern)) seen.add(match[0].replace(/\s+/g, ' '));
  return seen.size;
}

function phrasePattern(phrases: readonly string[]): RegExp {
  // Longest first so "trade-offs" wins over "trade-off"; whitespace inside a phrase may vary.
  const alternatives = [...phrases]
    .sort((left, right) => right.length - left.length)
    .map((phrase) => escapeRegExp(phrase).replace(/ /g, '\\s+'));
  return new RegExp(`(?<![\\w-])(?:${alternatives.join('|')})(?![\\w-])`, 'g');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
