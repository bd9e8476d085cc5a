import type { ChunkingSettings } from '#libs/contracts';
import type { ParsedDocument, ParsedSection } from '../parse/parsed-document.js';
import { contentHash } from './chunk-id.js';
import { resolveChunkingSettings } from './chunking-options.js';
import type { DocumentChunk } from './document-chunk.js';
import { splitBlocks } from './split-blocks.js';
import { splitSentences, type TextRange } from './split-sentences.js';
import { splitToFit } from './split-to-fit.js';
import type { Tokenizer } from './tokenizer.js';

/** A paragraph, code block or heading line, with where it sits in the document. */
interface Block {
  readonly text: string;
  readonly kind: 'heading' | 'text' | 'code';
  readonly tokens: number;
  readonly section: ParsedSection;
  /** Index of the top-level section group; chunks cross groups only when tiny. */
  readonly group: number;
}

/** A range of one block: the whole block, one sentence, or a window of a long sentence. */
interface Piece {
  readonly block: Block;
  readonly range: TextRange;
  readonly tokens: number;
  readonly whole: boolean;
}

/** A chunk still being filled. Overlap pieces repeat the previous chunk's tail. */
interface OpenChunk {
  pieces: Piece[];
  overlapCount: number;
}

/**
 * Cuts a parsed document into chunks of about `targetTokens` tokens (never more than
 * `maxTokens`), counted with the collection's tokenizer. Paragraphs stay whole when they fit;
 * a chunk that is less than half full is topped up sentence by sentence; a sentence longer than
 * the target is cut at words. Consecutive chunks of one section share up to `overlapTokens`
 * tokens of whole sentences. A chunk does not run from one top-level section into the next
 * unless it would otherwise be tiny. The result depends only on the input: same document, same chunks.
 */
export function chunkDocument(parsed: ParsedDocument, settings: Partial<ChunkingSettings>, tokenizer: Tokenizer): DocumentChunk[] {
  const { targetTokens, maxTokens, overlapTokens } = resolveChunkingSettings(settings);
  const tinyTokens = Math.min(128, Math.floor(targetTokens / 4));
  const blocks = toBlocks(parsed.sections, tokenizer);
  const sentenceCache = new Map<Block, Piece[]>();
  const sentencesOf = (block: Block): Piece[] => {
    let pieces = sentenceCache.get(block);
    if (pieces === undefined) {
      pieces = splitIntoPieces(block, targetTokens, tokenizer);
      sentenceCache.set(block, pieces);
    }
    return pieces;
  };

  const chunks: DocumentChunk[] = [];
  let open: OpenChunk = { pieces: [], overlapCount: 0 };
  const newTokens = (): number => sumTokens(open.pieces.slice(open.overlapCount));
  const hasNew = (): boolean => open.pieces.length > open.overlapCount;
  const estimate = (extra: Piece): number => estimateTokens([...open.pieces, extra]);

  /** Emits the open chunk and starts the next one, with overlap when the text runs on. */
  const flush = (continues: boolean): void => {
    if (!hasNew()) return;
    // A heading at the end of a chunk belongs to the text after it.
    const carried: Piece[] = [];
    while (open.pieces.length - 1 > open.overlapCount && open.pieces.at(-1)?.block.kind === 'heading') {
      carried.unshift(open.pieces.pop() as Piece);
    }
    // Joining pieces can add a token or two; move whole pieces on until the exact count fits.
    let text = render(open.pieces);
    let tokenCount = tokenizer.countTokens(text);
    while (tokenCount > maxTokens && open.pieces.length - 1 > open.overlapCount) {
      carried.unshift(open.pieces.pop() as Piece);
      text = render(open.pieces);
      tokenCount = tokenizer.countTokens(text);
    }
    if (tokenCount > maxTokens && open.overlapCount > 0) {
      open = { pieces: open.pieces.slice(open.overlapCount), overlapCount: 0 };
      text = render(open.pieces);
      tokenCount = tokenizer.countTokens(text);
    }
    chunks.push(describeChunk(chunks.length, text, tokenCount, open));
    const overlap = continues && carried[0]?.block.kind !== 'heading' ? overlapTail(open, overlapTokens, sentencesOf) : [];
    open = { pieces: [...overlap, ...carried], overlapCount: overlap.length };
  };

  const add = (piece: Piece): void => {
    // Overlap is a courtesy: it gives way when the new text needs the room.
    if (open.overlapCount > 0 && estimate(piece) > maxTokens) open = { pieces: open.pieces.slice(open.overlapCount), overlapCount: 0 };
    open.pieces.push(piece);
  };

  let group = blocks[0]?.group;
  for (const block of blocks) {
    if (block.group !== group) {
      group = block.group;
      if (newTokens() >= tinyTokens) flush(false);
    }
    const whole: Piece = { block, range: { start: 0, end: block.text.length }, tokens: block.tokens, whole: true };
    if (estimate(whole) <= targetTokens) {
      add(whole);
      continue;
    }
    // Full enough: end the chunk at this paragraph break rather than split the paragraph.
    if (newTokens() >= targetTokens / 2) {
      flush(true);
      if (estimate(whole) <= targetTokens) {
        add(whole);
        continue;
      }
    }
    for (const piece of sentencesOf(block)) {
      if (hasNew() && estimate(piece) > targetTokens) flush(true);
      add(piece);
    }
  }
  flush(false);
  return chunks;
}

function toBlocks(sections: readonly ParsedSection[], tokenizer: Tokenizer): Block[] {
  const depth = groupingDepth(sections);
  const blocks: Block[] = [];
  let group = -1;
  let groupKey: string | undefined;
  for (const section of sections) {
    const key = JSON.stringify(section.headingPath.slice(0, depth + 1));
    if (key !== groupKey) {
      group += 1;
      groupKey = key;
    }
    if (section.heading !== undefined) {
      blocks.push({ text: section.heading, kind: 'heading', tokens: tokenizer.countTokens(section.heading), section, group });
    }
    for (const { text, kind } of splitBlocks(section.text)) {
      blocks.push({ text, kind, tokens: tokenizer.countTokens(text), section, group });
    }
  }
  return blocks;
}

/**
 * The heading level that tells top-level sections apart: the first level at which the
 * sections' heading paths differ. A document under a single title heading is grouped by its
 * second-level headings, not lumped into one group.
 */
function groupingDepth(sections: readonly ParsedSection[]): number {
  const longest = Math.max(0, ...sections.map((section) => section.headingPath.length));
  for (let depth = 0; depth < longest; depth += 1) {
    const values = new Set(sections.filter((section) => section.headingPath.length > depth).map((section) => section.headingPath[depth]));
    if (values.size > 1) return depth;
  }
  return Math.max(0, longest - 1);
}

/** Sentences of a text block, lines of a code block, each cut to fit `limit` tokens. */
function splitIntoPieces(block: Block, limit: number, tokenizer: Tokenizer): Piece[] {
  if (block.kind === 'heading') return [{ block, range: { start: 0, end: block.text.length }, tokens: block.tokens, whole: true }];
  const ranges = block.kind === 'code' ? codeLineGroups(block.text, limit, tokenizer) : splitSentences(block.text);
  const pieces: Piece[] = [];
  for (const range of ranges) {
    const tokens = tokenizer.countTokens(block.text.slice(range.start, range.end));
    for (const fitted of splitToFit(block.text, range, limit, tokenizer, tokens)) {
      const fittedTokens = fitted === range ? tokens : tokenizer.countTokens(block.text.slice(fitted.start, fitted.end));
      pieces.push({ block, range: fitted, tokens: fittedTokens, whole: false });
    }
  }
  return pieces;
}

/** Consecutive lines of a code block grouped up to `limit` tokens, so code is cut between lines. */
function codeLineGroups(text: string, limit: number, tokenizer: Tokenizer): TextRange[] {
  const groups: TextRange[] = [];
  let start = 0;
  let tokens = 0;
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineTokens = tokenizer.countTokens(line) + 1;
    if (tokens > 0 && tokens + lineTokens > limit) {
      groups.push({ start, end: offset - 1 });
      start = offset;
      tokens = 0;
    }
    tokens += lineTokens;
    offset += line.length + 1;
  }
  groups.push({ start, end: text.length });
  return groups.filter((range) => text.slice(range.start, range.end).trim() !== '');
}

/** The last whole sentences of the chunk, at most `overlapTokens` and less than half its new text. */
function overlapTail(open: OpenChunk, overlapTokens: number, sentencesOf: (block: Block) => Piece[]): Piece[] {
  const budget = Math.min(overlapTokens, sumTokens(open.pieces.slice(open.overlapCount)) / 2);
  const tail: Piece[] = [];
  let tokens = 0;
  for (let index = open.pieces.length - 1; index >= open.overlapCount; index -= 1) {
    const piece = open.pieces[index] as Piece;
    if (piece.block.kind !== 'text') break;
    const sentences = piece.whole ? sentencesOf(piece.block) : [piece];
    for (let sentenceIndex = sentences.length - 1; sentenceIndex >= 0; sentenceIndex -= 1) {
      const sentence = sentences[sentenceIndex] as Piece;
      if (tokens + sentence.tokens > budget) return tail;
      tail.unshift(sentence);
      tokens += sentence.tokens;
    }
  }
  return tail;
}

/** Pieces of one block that follow each other are one slice of it; blocks are joined by a blank line. */
function render(pieces: readonly Piece[]): string {
  const parts: string[] = [];
  let index = 0;
  while (index < pieces.length) {
    const first = pieces[index] as Piece;
    let last = first;
    while (index + 1 < pieces.length && pieces[index + 1]?.block === first.block && (pieces[index + 1]?.range.start ?? 0) >= last.range.end) {
      index += 1;
      last = pieces[index] as Piece;
    }
    parts.push(first.block.text.slice(first.range.start, last.range.end));
    index += 1;
  }
  return parts.join('\n\n');
}

/** Token count of the rendered pieces, without rendering: one token per blank-line join. */
function estimateTokens(pieces: readonly Piece[]): number {
  let tokens = 0;
  for (let index = 0; index < pieces.length; index += 1) {
    const piece = pieces[index] as Piece;
    tokens += piece.tokens + (index > 0 && pieces[index - 1]?.block !== piece.block ? 1 : 0);
  }
  return tokens;
}

function sumTokens(pieces: readonly Piece[]): number {
  return pieces.reduce((sum, piece) => sum + piece.tokens, 0);
}

function describeChunk(position: number, text: string, tokenCount: number, open: OpenChunk): DocumentChunk {
  const fresh = open.pieces.slice(open.overlapCount);
  const first = (fresh[0] ?? open.pieces[0]) as Piece;
  const { headingPath, page } = first.block.section;
  const lastPage = Math.max(...fresh.map((piece) => piece.block.section.page ?? 0));
  return {
    position,
    text,
    tokenCount,
    headingPath,
    ...(headingPath.length > 0 ? { section: headingPath.join(' > ') } : {}),
    ...(page === undefined ? {} : { page }),
    ...(page !== undefined && lastPage > page ? { pageEnd: lastPage } : {}),
    contentHash: contentHash(text),
  };
}
