import { z } from 'zod';
import type { ChatMessage } from '#libs/contracts';

/** The judge's instructions: one verdict as JSON, nothing else. */
const INSTRUCTIONS = [
  'You grade an assistant answer against a rubric written by a test author.',
  'Decide whether the answer meets the rubric. Judge only what the rubric asks; ignore style and citation markers like [1].',
  'Reply with one JSON object and nothing else: {"pass": true or false, "reason": "one short sentence"}.',
].join('\n');

/** The grading prompt for one `llm-rubric` assertion. */
export function buildRubricPrompt(rubric: string, question: string, answer: string): ChatMessage[] {
  return [
    { role: 'system', content: INSTRUCTIONS },
    { role: 'user', content: `Question:\n${question}\n\nAnswer:\n${answer}\n\nRubric:\n${rubric}` },
  ];
}

const VerdictSchema = z.object({ pass: z.boolean(), reason: z.string().default('') });

/** The judge's verdict from its reply (the first JSON object in it); throws saying why when there is none. */
export function parseRubricVerdict(reply: string): { pass: boolean; reason: string } {
  const start = reply.indexOf('{');
  const end = reply.lastIndexOf('}');
  if (start < 0 || end <= start) throw new Error(`the judge did not reply with JSON: ${JSON.stringify(reply.slice(0, 120))}`);
  let data: unknown;
  try {
    data = JSON.parse(reply.slice(start, end + 1));
  } catch (error) {
    throw new Error(`the judge's JSON does not parse: ${(error as Error).message}`);
  }
  const parsed = VerdictSchema.safeParse(data);
  if (!parsed.success) throw new Error('the judge\'s JSON has no boolean "pass"');
  return parsed.data;
}
