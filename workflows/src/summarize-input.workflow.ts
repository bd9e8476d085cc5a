import { proxyActivities } from '@temporalio/workflow';
import type { SummarizeInputWorkflowInput, SummarizeInputWorkflowOutput, SummarizeTextOutput } from '#libs/contracts';
import type { ChatActivities } from '#activities';

const { splitInput } = proxyActivities<ChatActivities>({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 3 } });
const { summarizeText } = proxyActivities<ChatActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 5 },
});

/** Map steps in flight at once: enough to overlap provider latency, few enough for rate limits. */
const PARALLEL_STEPS = 4;
/** Summaries grouped per reduce step. */
const SUMMARIES_PER_REDUCE = 8;

/**
 * Map-reduce summary of an oversized message, as a child of the chat workflow so every step is
 * durable and visible: split into parts, summarise each with the request in mind, then merge
 * the summaries in groups until one fits `summaryTokens`. A worker crash resumes at the first
 * step not yet done; parts are spans of the message, only summaries enter history.
 */
export async function summarizeInputWorkflow(input: SummarizeInputWorkflowInput): Promise<SummarizeInputWorkflowOutput> {
  const { question, parts } = await splitInput.executeWithOptions({ summary: `split the message into ${input.partTokens}-token parts` }, [
    { text: input.text, model: input.target.model, partTokens: input.partTokens },
  ]);
  const questionText = input.text.slice(question.start, question.end).trim();
  const perSummary = Math.max(64, Math.min(input.summaryTokens, Math.floor((input.summaryTokens * SUMMARIES_PER_REDUCE) / Math.max(1, parts.length))));
  let calls = 0;
  let costUsd = 0;
  const step = async (name: string, text: string, maxOutputTokens: number): Promise<SummarizeTextOutput> => {
    const output = await summarizeText.executeWithOptions({ summary: `summarise ${name}` }, [
      { requestId: input.requestId, step: name, text, question: questionText, target: input.target, maxOutputTokens },
    ]);
    calls += 1;
    costUsd += output.costUsd;
    return output;
  };

  let summaries: SummarizeTextOutput[] = [];
  for (let from = 0; from < parts.length; from += PARALLEL_STEPS) {
    const batch = parts.slice(from, from + PARALLEL_STEPS);
    summaries.push(...(await Promise.all(batch.map((part, offset) => step(`part ${from + offset + 1} of ${parts.length}`, input.text.slice(part.start, part.end), perSummary)))));
  }
  for (let level = 1; summaries.length > 1 && total(summaries) > input.summaryTokens; level += 1) {
    const groups: SummarizeTextOutput[][] = [];
    for (let from = 0; from < summaries.length; from += SUMMARIES_PER_REDUCE) groups.push(summaries.slice(from, from + SUMMARIES_PER_REDUCE));
    const target = groups.length === 1 ? input.summaryTokens : perSummary;
    summaries = await Promise.all(groups.map((group, index) => step(`merge ${level}.${index + 1}`, group.map((summary) => summary.summary).join('\n\n'), target)));
  }
  return {
    question,
    summary: summaries.map((summary) => summary.summary).join('\n\n'),
    parts: parts.length,
    calls,
    costUsd: Math.round(costUsd * 1e8) / 1e8,
    summaryTokens: total(summaries),
  };
}

function total(summaries: readonly SummarizeTextOutput[]): number {
  return summaries.reduce((sum, summary) => sum + summary.tokens, 0);
}
