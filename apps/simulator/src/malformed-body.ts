import type { Exchange } from './exchange.js';

/** Bodies that start like the real thing and stop mid-JSON, so the SDK's parser is what fails. */
const TRUNCATED_JSON = {
  openai: '{"id":"chatcmpl-simulated","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"tru',
  anthropic: '{"id":"msg_simulated","type":"message","role":"assistant","content":[{"type":"text","text":"tru',
} as const;

const TRUNCATED_EVENT = {
  openai: `data: ${TRUNCATED_JSON.openai.replace('"chat.completion"', '"chat.completion.chunk"')}\n\n`,
  anthropic: `event: message_start\ndata: {"type":"message_start","message":${TRUNCATED_JSON.anthropic}\n\n`,
} as const;

/** Answers 200 with invalid JSON: a truncated body, or for streams one event whose data is truncated. */
export function sendMalformed(exchange: Exchange, streaming: boolean): void {
  if (!streaming) {
    exchange.sendText(200, 'application/json', TRUNCATED_JSON[exchange.provider]);
    return;
  }
  exchange.openEventStream();
  exchange.response.end(TRUNCATED_EVENT[exchange.provider]);
}
