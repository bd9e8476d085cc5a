import { parseNumberedSources, pickCitedSentences, renderCitedAnswer } from './cited-answer.js';
import type { PromptMessage } from './prompt-messages.js';
import { CHARACTERS_PER_TOKEN } from './token-estimate.js';

/** Answer length when the scenario does not set `outputTokens`. */
export const DEFAULT_OUTPUT_TOKENS = 40;

/** What the simulator says when the numbered sources hold nothing about the question. */
export const NOT_IN_SOURCES = 'I could not find the answer to that in the sources.';

const MAX_GROUNDED_SENTENCES = 3;

const STOP_WORDS = new Set(
  ('the and for are but not you all any can had her was one our out has his how its may new now old see two who did ' +
    'get let put say she too use what when where which while with would this that these those there their them then ' +
    'than from have into about after also been being could does doing each into just like more most much only other ' +
    'over same should some such very your yours will shall please tell give explain describe question answer context ' +
    'using based between why whom whose')
    .split(' '),
);

/** Padding for answers shorter than the scenario's `outputTokens`, cycled in order (deterministic). */
const FILLER_SENTENCES = [
  'This answer was produced by the Ballast simulator, not by a real model.',
  'Token counts are estimated at about four characters per token.',
  'Latency, faults and answer length follow the active simulator scenario.',
];

/** What the answer is built from. */
export interface SimulatedAnswerInput {
  readonly model: string;
  readonly messages: readonly PromptMessage[];
  /** Approximate answer length; default {@link DEFAULT_OUTPUT_TOKENS}. */
  readonly outputTokens?: number;
}

/**
 * A deterministic, clearly labelled answer built from the prompt: `[simulated <model>] ` followed
 * by the context sentences (system, tool results, or context pasted above the question) sharing
 * the most words with the last user question, so a RAG prompt gets a grounded answer. Without
 * matching context it acknowledges the question. Padded or trimmed to about `outputTokens`.
 */
export function composeSimulatedAnswer(input: SimulatedAnswerInput): string {
  const { question, context } = splitQuestionAndContext(input.messages);
  const sources = context.map(parseNumberedSources).find((found) => found !== undefined);
  if (sources) return composeCitedAnswer(input, question, sources);
  const grounded = pickRelevantSentences(context, question);
  const body = grounded.length > 0 ? grounded : [acknowledge(question)];
  return fitToLength(`[simulated ${input.model}]`, body, (input.outputTokens ?? DEFAULT_OUTPUT_TOKENS) * CHARACTERS_PER_TOKEN);
}

/**
 * A grounded prompt (numbered sources, as Ballast's RAG step builds it) gets what a model told to
 * cite would write: the statements of the sources that share the most words with the question,
 * each followed by its source number, or a plain "not in the sources" when none does. Only an
 * explicit scenario `outputTokens` pads or trims it.
 */
function composeCitedAnswer(input: SimulatedAnswerInput, question: string, sources: Parameters<typeof pickCitedSentences>[0]): string {
  const picked = pickCitedSentences(sources, contentWords(question), contentWords, MAX_GROUNDED_SENTENCES);
  const body = picked.length > 0 ? renderCitedAnswer(picked) : NOT_IN_SOURCES;
  const label = `[simulated ${input.model}]`;
  return input.outputTokens === undefined ? `${label} ${body}` : fitToLength(label, [body], input.outputTokens * CHARACTERS_PER_TOKEN);
}

function splitQuestionAndContext(messages: readonly PromptMessage[]): { question: string; context: string[] } {
  const lastUserIndex = messages.findLastIndex((message) => message.role === 'user');
  const context = messages.filter((message) => message.role === 'system' || message.role === 'tool').map((message) => message.text);
  const lastUser = messages[lastUserIndex]?.text.trim() ?? '';
  const sentences = splitSentences(lastUser);
  if (sentences.length < 3) return { question: lastUser, context };
  // A long user turn usually pastes context above the question: the last question-like sentence is the ask.
  const questionIndex = sentences.findLastIndex((sentence) => sentence.endsWith('?'));
  const askIndex = questionIndex >= 0 ? questionIndex : sentences.length - 1;
  return {
    question: sentences[askIndex] ?? lastUser,
    context: [...context, sentences.filter((_, index) => index !== askIndex).join('\n')],
  };
}

function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

const WORD_PATTERN = /[\p{L}\p{N}]+/gu;

/** A word as compared: lower case, with a crude plural fold so "invoices" matches "invoice". */
function normalizeWord(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 3 || STOP_WORDS.has(lower)) return undefined;
  return lower.length > 4 && lower.endsWith('s') ? lower.slice(0, -1) : lower;
}

function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const match of text.match(WORD_PATTERN) ?? []) {
    const word = normalizeWord(match);
    if (word) words.add(word);
  }
  return words;
}

function pickRelevantSentences(context: readonly string[], question: string): string[] {
  const questionWords = contentWords(question);
  if (questionWords.size === 0) return [];
  const scored = context
    .flatMap(splitSentences)
    .map((sentence, index) => {
      let score = 0;
      for (const word of contentWords(sentence)) if (questionWords.has(word)) score += 1;
      return { sentence, index, score };
    })
    .filter((candidate) => candidate.score > 0);
  const best = [...scored].sort((left, right) => right.score - left.score || left.index - right.index).slice(0, MAX_GROUNDED_SENTENCES);
  // Original order reads better than score order, and keeps citations like [1] [2] in sequence.
  return best.sort((left, right) => left.index - right.index).map((candidate) => candidate.sentence);
}

function acknowledge(question: string): string {
  const topic = question.replace(/\s+/g, ' ').trim();
  if (!topic) return 'No question was asked, so this simulated reply has nothing to answer.';
  const shortTopic = topic.length > 60 ? `${topic.slice(0, 57).trimEnd()}...` : topic;
  return `On "${shortTopic}": a real model would answer here; this reply is simulated.`;
}

function fitToLength(label: string, sentences: readonly string[], targetCharacters: number): string {
  let text = label;
  for (const sentence of sentences) {
    // The first sentence always goes in (cut if needed) so every answer says something.
    if (text === label || text.length + 1 + sentence.length <= targetCharacters) text += ` ${sentence}`;
  }
  if (text.length > targetCharacters) text = cutAtWord(text, targetCharacters);
  for (let index = 0; text.length + 1 + fillerAt(index).length <= targetCharacters; index += 1) {
    text += ` ${fillerAt(index)}`;
  }
  return text;
}

function fillerAt(index: number): string {
  return FILLER_SENTENCES[index % FILLER_SENTENCES.length] ?? '';
}

function cutAtWord(text: string, maxCharacters: number): string {
  const cut = text.slice(0, maxCharacters);
  const lastSpace = cut.lastIndexOf(' ');
  return lastSpace > maxCharacters / 2 ? cut.slice(0, lastSpace) : cut;
}
