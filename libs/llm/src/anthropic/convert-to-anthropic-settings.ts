import type Anthropic from '@anthropic-ai/sdk';
import type { GenerationSettings } from '#libs/contracts';
import type { LanguageModelWarning } from '../language-model.js';

/**
 * `max_tokens` sent when the caller sets none. Anthropic requires the field; 1024 bounds the
 * cost of an unbounded request while fitting ordinary chat answers. Not a warning: the
 * caller asked for nothing that was refused.
 */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 1024;

/** The request fields generation settings map to. */
export type AnthropicSettingsParams = Pick<Anthropic.MessageCreateParamsNonStreaming, 'max_tokens' | 'stop_sequences'>;

/**
 * Generation settings as Messages API fields; what Anthropic lacks becomes a warning.
 * API version 2026-10-21 (sent by `@anthropic-ai/sdk` 1.x) answers 400 to `temperature`
 * and `top_p` even at their defaults, so those are dropped along with the settings
 * Anthropic never had (seed, penalties).
 */
export function convertToAnthropicSettings(settings: GenerationSettings): {
  params: AnthropicSettingsParams;
  warnings: LanguageModelWarning[];
} {
  const params: AnthropicSettingsParams = { max_tokens: settings.maxOutputTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS };
  if (settings.stop !== undefined && settings.stop.length > 0) params.stop_sequences = [...settings.stop];

  const unsupported = [
    ['temperature', settings.temperature],
    ['topP', settings.topP],
    ['seed', settings.seed],
    ['presencePenalty', settings.presencePenalty],
    ['frequencyPenalty', settings.frequencyPenalty],
  ] as const;
  const warnings: LanguageModelWarning[] = unsupported
    .filter(([, value]) => value !== undefined)
    .map(([setting]) => ({
      type: 'unsupported-setting',
      setting,
      message: `Anthropic (API version 2026-10-21) does not accept ${setting}; it was not sent`,
    }));
  return { params, warnings };
}
