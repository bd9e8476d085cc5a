/** A citation marker of an answer: `[2]`, `[1, 3]`, `[2-4]`, `[Source 1]`. */
export interface CitationMarker {
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  /** The source numbers it names, 1-based, ranges spelled out. */
  readonly numbers: readonly number[];
}

const MARKER = /\[(?:(?:source|src|ref|doc)\s*)?(\d{1,3}(?:\s*(?:,|;|-|–|and)\s*(?:(?:source|src|ref|doc)\s*)?\d{1,3})*)\]/gi;
// A range longer than this is a typo, not a citation of 50 sources.
const MAX_RANGE = 20;

/** The citation markers of an answer, in order; `[2][3]` is two markers. */
export function citationMarkersOf(answer: string): CitationMarker[] {
  const markers: CitationMarker[] = [];
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(answer); match !== null; match = MARKER.exec(answer)) {
    markers.push({ raw: match[0], start: match.index, end: match.index + match[0].length, numbers: numbersOf(match[1] ?? '') });
  }
  return markers;
}

/** The answer with every marker overwritten by spaces: offsets stay, sentence ends after "…days.[1]" are seen. */
export function maskMarkers(answer: string, markers: readonly CitationMarker[]): string {
  let masked = '';
  let from = 0;
  for (const marker of markers) {
    masked += answer.slice(from, marker.start) + ' '.repeat(marker.end - marker.start);
    from = marker.end;
  }
  return masked + answer.slice(from);
}

function numbersOf(list: string): number[] {
  const numbers: number[] = [];
  for (const part of list.split(/\s*(?:,|;|and)\s*/i)) {
    const range = /^(?:\D*)(\d+)\s*[-–]\s*(?:\D*)(\d+)$/.exec(part);
    if (range !== null && Number(range[2]) >= Number(range[1]) && Number(range[2]) - Number(range[1]) < MAX_RANGE) {
      for (let number = Number(range[1]); number <= Number(range[2]); number += 1) numbers.push(number);
    } else {
      const single = /(\d+)/.exec(part);
      if (single !== null) numbers.push(Number(single[1]));
    }
  }
  return numbers;
}
