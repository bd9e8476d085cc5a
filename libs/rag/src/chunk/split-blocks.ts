/** A paragraph-level piece of a section's text. */
export interface TextBlock {
  readonly text: string;
  /** `code` blocks are fenced (```/~~~) and are never split into sentences. */
  readonly kind: 'text' | 'code';
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Splits text on blank lines, keeping each fenced code block whole, blank lines inside it included. */
export function splitBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let lines: string[] = [];
  let fence: string | undefined;
  const flush = (kind: TextBlock['kind']): void => {
    const blockText = lines.join('\n').replace(/^\n+|\s+$/g, '');
    if (blockText.trim() !== '') blocks.push({ text: blockText, kind });
    lines = [];
  };
  for (const line of text.split('\n')) {
    if (fence !== undefined) {
      lines.push(line);
      const trimmed = line.trim();
      if (trimmed.length >= fence.length && [...trimmed].every((character) => character === fence?.charAt(0))) {
        flush('code');
        fence = undefined;
      }
      continue;
    }
    const opening = FENCE.exec(line)?.[1];
    if (opening !== undefined) {
      flush('text');
      fence = opening;
      lines.push(line);
      continue;
    }
    if (line.trim() === '') flush('text');
    else lines.push(line);
  }
  flush(fence === undefined ? 'text' : 'code');
  return blocks;
}
