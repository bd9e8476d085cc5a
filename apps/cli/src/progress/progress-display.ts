import { fitToWidth, formatDuration, progressBar } from './format.js';

/** Where the CLI writes: process.stdout, or a test's collector. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
  /** Terminal width, when it is a terminal. */
  readonly columns?: number | undefined;
}

/** Where a run stands, as the progress line shows it. */
export interface ProgressSnapshot {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly chunksEmbedded: number;
  readonly chunksTotal: number;
  /** False with --no-wait: there is no embedding phase to show. */
  readonly showChunks: boolean;
  readonly elapsedMs: number;
}

/**
 * Progress of a run. On a terminal: one line redrawn in place with `\r`, with lines that must
 * stay (notes, failures, skipped files) printed above it. Elsewhere (CI logs, pipes): no
 * redrawing, one line per file as it finishes.
 */
export interface ProgressDisplay {
  /** A line that always stays (e.g. "Created collection docs"). */
  note(text: string): void;
  /** A file reached its final state; `notable` lines (failed, skipped) also stay on a terminal. */
  fileDone(text: string, notable: boolean): void;
  update(snapshot: ProgressSnapshot): void;
  /** Draws the last state and ends the progress line. */
  finish(snapshot: ProgressSnapshot): void;
}

export function createProgressDisplay(output: OutputStream): ProgressDisplay {
  return output.isTTY ? new TerminalProgress(output) : new LineProgress(output);
}

/** The progress line for a terminal `width` characters wide. */
export function progressLine(snapshot: ProgressSnapshot, width: number): string {
  const elapsed = formatDuration(snapshot.elapsedMs);
  const parts = [{ label: `files ${snapshot.filesDone}/${snapshot.filesTotal}`, fraction: ratio(snapshot.filesDone, snapshot.filesTotal) }];
  if (snapshot.showChunks) parts.push({ label: `chunks ${snapshot.chunksEmbedded}/${snapshot.chunksTotal}`, fraction: ratio(snapshot.chunksEmbedded, snapshot.chunksTotal) });
  // Text without bars: "label  label  elapsed" plus one space before each bar.
  const textLength = parts.reduce((sum, part) => sum + part.label.length + 3, 0) + elapsed.length;
  const barWidth = Math.min(30, Math.floor((width - textLength) / parts.length));
  const line = parts.map((part) => (barWidth >= 6 ? `${part.label} ${progressBar(part.fraction, barWidth)}` : part.label)).join('  ');
  return fitToWidth(`${line}  ${elapsed}`, width);
}

function ratio(done: number, total: number): number {
  return total > 0 ? done / total : 0;
}

class TerminalProgress implements ProgressDisplay {
  private drawn = 0;
  private last: ProgressSnapshot | undefined;

  constructor(private readonly output: OutputStream) {}

  note(text: string): void {
    this.clear();
    this.output.write(`${text}\n`);
    if (this.last) this.draw(this.last);
  }

  fileDone(text: string, notable: boolean): void {
    if (notable) this.note(text);
  }

  update(snapshot: ProgressSnapshot): void {
    this.draw(snapshot);
  }

  finish(snapshot: ProgressSnapshot): void {
    this.draw(snapshot);
    this.output.write('\n');
    this.drawn = 0;
    this.last = undefined;
  }

  private draw(snapshot: ProgressSnapshot): void {
    this.last = snapshot;
    // One column short of the width: writing the last column makes some terminals wrap.
    const line = progressLine(snapshot, Math.max(20, (this.output.columns ?? 80) - 1));
    // Spaces over what is left of a longer previous line, so no escape codes are needed.
    this.output.write(`\r${line}${' '.repeat(Math.max(0, this.drawn - line.length))}`);
    this.drawn = line.length;
  }

  private clear(): void {
    if (this.drawn > 0) this.output.write(`\r${' '.repeat(this.drawn)}\r`);
    this.drawn = 0;
  }
}

class LineProgress implements ProgressDisplay {
  constructor(private readonly output: OutputStream) {}

  note(text: string): void {
    this.output.write(`${text}\n`);
  }

  fileDone(text: string): void {
    this.output.write(`${text}\n`);
  }

  update(): void {}

  finish(): void {}
}
