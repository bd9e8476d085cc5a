import type { PromptMessage } from './prompt-messages.js';
import { promptText } from './prompt-messages.js';
import type { Scenario } from './scenario.js';
import { composeSimulatedAnswer } from './simulated-answer.js';
import { estimateTokens, truncateToTokens } from './token-estimate.js';

/** A finished simulated completion with the token counts it is billed at. */
export interface SimulatedGeneration {
  readonly text: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** True when `max_tokens` cut the answer (finish_reason `length` / stop_reason `max_tokens`). */
  readonly hitMaxTokens: boolean;
}

/** The numbers behind a context-length error. */
export interface ContextOverflow {
  readonly promptTokens: number;
  readonly requestedOutputTokens: number;
  readonly contextWindow: number;
}

/** Estimated input tokens of a prompt. */
export function estimatePromptTokens(messages: readonly PromptMessage[]): number {
  return estimateTokens(promptText(messages));
}

/** Returns the overflow when prompt + requested output does not fit the scenario's window. */
export function findContextOverflow(scenario: Scenario, promptTokens: number, maxTokens: number | undefined): ContextOverflow | undefined {
  const contextWindow = scenario.contextWindow;
  if (contextWindow === undefined) return undefined;
  const requestedOutputTokens = maxTokens ?? 0;
  if (promptTokens + requestedOutputTokens <= contextWindow) return undefined;
  return { promptTokens, requestedOutputTokens, contextWindow };
}

/** Builds the answer for a prompt and bills it; `maxTokens` truncates. */
export function generateAnswer(input: {
  model: string;
  messages: readonly PromptMessage[];
  scenario: Scenario;
  maxTokens: number | undefined;
  /** A scripted answer (`scenario.replies`) instead of the composed one. */
  reply?: string;
}): SimulatedGeneration {
  const full = input.reply ?? composeSimulatedAnswer({ model: input.model, messages: input.messages, outputTokens: input.scenario.outputTokens });
  const hitMaxTokens = input.maxTokens !== undefined && estimateTokens(full) > input.maxTokens;
  const text = hitMaxTokens && input.maxTokens !== undefined ? truncateToTokens(full, input.maxTokens) : full;
  return { text, inputTokens: estimatePromptTokens(input.messages), outputTokens: estimateTokens(text), hitMaxTokens };
}

/** Splits text into word-sized stream deltas whose concatenation is exactly the text. */
export function splitIntoDeltas(text: string): string[] {
  return text.split(/(?<=\s)(?=\S)/).filter((delta) => delta.length > 0);
}
