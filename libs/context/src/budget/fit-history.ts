import type { ChatMessage } from '#libs/contracts';
import type { TokenCounter } from '../tokens/token-counter.js';
import type { ContextDrop } from './context-report.js';

/** History after fitting: kept and dropped messages with their positions in the input. */
export interface FittedHistory {
  /** Kept messages in order; system messages found in the history are always kept. */
  readonly kept: readonly ChatMessage[];
  readonly keptTokens: number;
  /** Tokens of system messages found in the history: they belong to the system section. */
  readonly pinnedTokens: number;
  readonly dropped: readonly ContextDrop[];
  readonly droppedMessages: readonly ChatMessage[];
}

interface Turn {
  readonly indexes: number[];
  tokens: number;
}

/** Tokens of the history's messages, system messages apart. */
export function measureHistory(history: readonly ChatMessage[], counter: TokenCounter): { readonly turns: number; readonly pinned: number } {
  let turns = 0;
  let pinned = 0;
  for (const message of history) {
    if (message.role === 'system') pinned += counter.countMessage(message);
    else turns += counter.countMessage(message);
  }
  return { turns, pinned };
}

/**
 * Keeps the newest turns that fit in `allocation` tokens and drops the older ones whole: a turn
 * is a user message with the assistant replies after it, so no answer is kept without its
 * question. Kept turns are contiguous (no gap in the conversation). System messages inside the
 * history are pinned: kept, and counted apart.
 */
export function fitHistory(history: readonly ChatMessage[], allocation: number, counter: TokenCounter): FittedHistory {
  const turns: Turn[] = [];
  const pinned: number[] = [];
  let pinnedTokens = 0;
  history.forEach((message, index) => {
    const tokens = counter.countMessage(message);
    if (message.role === 'system') {
      pinned.push(index);
      pinnedTokens += tokens;
      return;
    }
    const last = turns[turns.length - 1];
    if (message.role === 'user' || last === undefined) turns.push({ indexes: [index], tokens });
    else {
      last.indexes.push(index);
      last.tokens += tokens;
    }
  });

  let keptTokens = 0;
  let firstKept = turns.length;
  while (firstKept > 0) {
    const turn = turns[firstKept - 1];
    if (turn === undefined || keptTokens + turn.tokens > allocation) break;
    keptTokens += turn.tokens;
    firstKept -= 1;
  }
  const keptIndexes = new Set([...pinned, ...turns.slice(firstKept).flatMap((turn) => turn.indexes)]);
  const dropped: ContextDrop[] = [];
  const droppedMessages: ChatMessage[] = [];
  history.forEach((message, index) => {
    if (keptIndexes.has(index)) return;
    dropped.push({ section: 'history', index, role: message.role, tokens: counter.countMessage(message), reason: 'history-over-budget' });
    droppedMessages.push(message);
  });
  return { kept: history.filter((_, index) => keptIndexes.has(index)), keptTokens, pinnedTokens, dropped, droppedMessages };
}
