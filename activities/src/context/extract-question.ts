import type { TextSpan } from '#libs/contracts';
import type { TokenCounter } from '#libs/context';

/** Longest paragraph taken as the request inside a long message. */
const MAX_QUESTION_TOKENS = 300;
const ASKING = /\?|^\s*(please|can you|could you|summari[sz]e|explain|list|find|tell|compare|what|which|who|when|where|why|how)\b/i;

/**
 * Where the request sits in a long message (a pasted document plus a question): the last or
 * the first paragraph, whichever asks something (a question mark or an asking word), else the
 * last short one, else the first short one. An empty span when none is short enough — the
 * model is then asked to answer from the document.
 */
export function extractQuestion(text: string, counter: TokenCounter): TextSpan {
  const paragraphs = paragraphSpans(text);
  const first = paragraphs[0];
  const last = paragraphs[paragraphs.length - 1];
  const candidates = [last, first].filter((span): span is TextSpan => span !== undefined && counter.count(text.slice(span.start, span.end)) <= MAX_QUESTION_TOKENS);
  return candidates.find((span) => ASKING.test(text.slice(span.start, span.end))) ?? candidates[0] ?? { start: 0, end: 0 };
}

function paragraphSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const separator = /\n\s*\n/g;
  let start = 0;
  for (let match = separator.exec(text); match !== null; match = separator.exec(text)) {
    if (text.slice(start, match.index).trim() !== '') spans.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  if (text.slice(start).trim() !== '') spans.push({ start, end: text.length });
  return spans;
}
