import type { TokenCounter } from '../tokens/token-counter.js';

/**
 * Groups consecutive texts so each group's tokens (plus `separatorTokens` between members) stay
 * within `maxTokens`: the reduce step of map-reduce summarising, where partial summaries are
 * combined a window at a time. A text larger than `maxTokens` forms a group of its own.
 */
export function packByTokens(texts: readonly string[], maxTokens: number, counter: TokenCounter, separatorTokens = 1): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let used = 0;
  for (const text of texts) {
    const tokens = counter.count(text);
    const cost = group.length === 0 ? tokens : used + separatorTokens + tokens;
    if (group.length > 0 && cost > maxTokens) {
      groups.push(group);
      group = [text];
      used = tokens;
    } else {
      group.push(text);
      used = cost;
    }
  }
  if (group.length > 0) groups.push(group);
  return groups;
}
