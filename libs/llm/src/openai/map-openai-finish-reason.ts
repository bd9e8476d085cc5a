import type { FinishReason } from '#libs/contracts';

/** OpenAI's `finish_reason` in Ballast's terms; anything new or missing is `other`. */
export function mapOpenAiFinishReason(finishReason: string | null | undefined): FinishReason {
  switch (finishReason) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    default:
      return 'other';
  }
}
