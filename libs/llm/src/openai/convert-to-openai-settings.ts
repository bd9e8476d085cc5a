import type OpenAI from 'openai';
import type { GenerationSettings } from '#libs/contracts';
import type { LanguageModelWarning } from '../language-model.js';
import { isOpenAiReasoningModel } from './is-openai-reasoning-model.js';

/** The request fields generation settings map to. */
export type OpenAiSettingsParams = Pick<
  OpenAI.Chat.ChatCompletionCreateParamsNonStreaming,
  'max_tokens' | 'max_completion_tokens' | 'temperature' | 'top_p' | 'stop' | 'seed' | 'presence_penalty' | 'frequency_penalty'
>;

/**
 * Generation settings as Chat Completions fields. Reasoning models reject sampling settings
 * with a 400, so those are dropped and reported as warnings instead of failing the call.
 */
export function convertToOpenAiSettings(
  settings: GenerationSettings,
  modelId: string,
): { params: OpenAiSettingsParams; warnings: LanguageModelWarning[] } {
  const warnings: LanguageModelWarning[] = [];
  const params: OpenAiSettingsParams = {};
  const reasoning = isOpenAiReasoningModel(modelId);

  if (settings.maxOutputTokens !== undefined) {
    if (reasoning) params.max_completion_tokens = settings.maxOutputTokens;
    else params.max_tokens = settings.maxOutputTokens;
  }
  if (settings.stop !== undefined && settings.stop.length > 0) params.stop = [...settings.stop];
  if (settings.seed !== undefined) params.seed = settings.seed;

  const sampling = [
    ['temperature', settings.temperature, (value: number) => (params.temperature = value)],
    ['topP', settings.topP, (value: number) => (params.top_p = value)],
    ['presencePenalty', settings.presencePenalty, (value: number) => (params.presence_penalty = value)],
    ['frequencyPenalty', settings.frequencyPenalty, (value: number) => (params.frequency_penalty = value)],
  ] as const;
  for (const [setting, value, apply] of sampling) {
    if (value === undefined) continue;
    if (reasoning) {
      warnings.push({
        type: 'unsupported-setting',
        setting,
        message: `${setting} is not supported by reasoning model ${modelId} and was ignored`,
      });
    } else {
      apply(value);
    }
  }
  return { params, warnings };
}
