import type { FinishReason } from '#libs/contracts';

/** Anthropic's `stop_reason` in Ballast's terms; anything new or missing is `other`. */
export function mapAnthropicStopReason(stopReason: string | null | undefined): FinishReason {
  switch (stopReason) {
    // A paused server-tool turn (pause_turn) still ended with usable text.
    case 'end_turn':
    case 'stop_sequence':
    case 'pause_turn':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool-calls';
    case 'refusal':
      return 'content-filter';
    default:
      return 'other';
  }
}
