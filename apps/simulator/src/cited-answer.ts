/** One numbered source of a grounded prompt (`[n] Title — section` followed by its text). */
export interface NumberedSource {
  readonly index: number;
  readonly text: string;
}

const SOURCES_HEADER = /(?:^|\n)Sources:\n/;
const SOURCE_START = /^\[(\d+)\] .*$/gm;

/**
 * The numbered sources of a grounded prompt, as Ballast's grounding message lists them
 * (`Sources:` then `[1] Title — section` and the chunk's text, blank line between sources);
 * undefined when the text lists none.
 */
export function parseNumberedSources(text: string): NumberedSource[] | undefined {
  const header = SOURCES_HEADER.exec(text);
  if (!header) return undefined;
  const listing = text.slice(header.index + header[0].length);
  const starts = [...listing.matchAll(SOURCE_START)];
  if (starts.length === 0) return undefined;
  return starts.map((start, position) => {
    const bodyStart = (start.index ?? 0) + start[0].length;
    const bodyEnd = starts[position + 1]?.index ?? listing.length;
    return { index: Number(start[1]), text: listing.slice(bodyStart, bodyEnd).trim() };
  });
}

/** A statement of a source worth quoting: not a heading, rule or table border; list markers and table pipes removed. */
export function quotableStatements(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !/^\|?[\s:|-]+\|?$/.test(line))
    .map((line) => line.replace(/^([-*+]|\d+\.)\s+/, '').replace(/^\|\s*|\s*\|$/g, '').replace(/\s*\|\s*/g, ', '))
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.split(/\s+/).length >= 3);
}

/** A candidate sentence of a cited answer. */
export interface CitedSentence {
  readonly sentence: string;
  readonly source: number;
  readonly order: number;
  readonly score: number;
}

/**
 * Picks up to `max` statements sharing the most content words with the question, each cited
 * with its source's number, in source order. Sentences with figures win ties (questions over
 * documents mostly ask for them). Empty when nothing matches.
 */
export function pickCitedSentences(sources: readonly NumberedSource[], questionWords: ReadonlySet<string>, wordsOf: (text: string) => Set<string>, max: number): CitedSentence[] {
  let order = 0;
  const candidates: CitedSentence[] = [];
  for (const source of sources) {
    for (const sentence of quotableStatements(source.text)) {
      let score = 0;
      for (const word of wordsOf(sentence)) if (questionWords.has(word)) score += 1;
      if (score > 0) candidates.push({ sentence, source: source.index, order, score: score + (/\d/.test(sentence) ? 0.5 : 0) });
      order += 1;
    }
  }
  const best = [...candidates].sort((left, right) => right.score - left.score || left.order - right.order).slice(0, max);
  return best.sort((left, right) => left.order - right.order);
}

/** Joins picked sentences into an answer citing each one, `sentence [n]`. */
export function renderCitedAnswer(picked: readonly CitedSentence[]): string {
  return picked.map(({ sentence, source }) => `${sentence.replace(/[.!?]$/, '')} [${source}].`).join(' ');
}
