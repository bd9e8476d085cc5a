import type { ParsedSection } from './parsed-document.js';

interface OpenSection {
  readonly heading: string | undefined;
  readonly headingPath: readonly string[];
  readonly blocks: string[];
}

/**
 * Collects blocks of text under a stack of headings. A heading closes the section before it
 * and pops every heading of the same or a deeper level, so `headingPath` always runs from the
 * outermost heading down to the current one, whatever levels the author skipped.
 */
export class SectionBuilder {
  private readonly headingStack: Array<{ readonly level: number; readonly text: string }> = [];
  private readonly sections: ParsedSection[] = [];
  private current: OpenSection = { heading: undefined, headingPath: [], blocks: [] };

  /** Starts a section under a heading of `level` (1 = outermost). */
  openHeading(level: number, text: string): void {
    this.closeSection();
    while ((this.headingStack.at(-1)?.level ?? 0) >= level) this.headingStack.pop();
    this.headingStack.push({ level, text });
    this.current = { heading: text, headingPath: this.headingStack.map((heading) => heading.text), blocks: [] };
  }

  /** Adds a paragraph, list or code block to the current section; blank blocks are ignored. */
  appendBlock(text: string): void {
    const trimmed = text.replace(/^\n+|\s+$/g, '');
    if (trimmed.trim() !== '') this.current.blocks.push(trimmed);
  }

  /** Every section that has text, in order. */
  finish(): ParsedSection[] {
    this.closeSection();
    return this.sections;
  }

  private closeSection(): void {
    if (this.current.blocks.length === 0) return;
    this.sections.push({
      ...(this.current.heading === undefined ? {} : { heading: this.current.heading }),
      headingPath: this.current.headingPath,
      text: this.current.blocks.join('\n\n'),
    });
    this.current = { ...this.current, blocks: [] };
  }
}

/** A title from a file name: the base name without its extension. */
export function titleFromFileName(fileName: string | undefined): string | undefined {
  if (fileName === undefined) return undefined;
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const title = (dot > 0 ? base.slice(0, dot) : base).trim();
  return title === '' ? undefined : title;
}

/** A title from the first line of text, shortened to a readable length. */
export function titleFromText(text: string): string | undefined {
  const firstLine = text.split('\n').find((line) => line.trim() !== '')?.trim();
  if (firstLine === undefined) return undefined;
  return firstLine.length <= 80 ? firstLine : `${firstLine.slice(0, 77).trimEnd()}…`;
}
