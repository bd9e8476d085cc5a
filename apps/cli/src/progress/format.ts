/** `[#######-------]` for a fraction in 0..1, `width` characters including the brackets. */
export function progressBar(fraction: number, width: number): string {
  const inner = Math.max(1, width - 2);
  const clamped = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const filled = Math.round(clamped * inner);
  return `[${'#'.repeat(filled)}${'-'.repeat(inner - filled)}]`;
}

/** `0.4s`, `12.3s`, `2m 05s`, `1h 02m`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const whole = Math.floor(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(whole / 3600)}h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`;
}

/** Cuts a line to `width` characters, marking the cut with `…`. */
export function fitToWidth(line: string, width: number): string {
  if (width <= 0) return '';
  return line.length <= width ? line : `${line.slice(0, Math.max(0, width - 1))}…`;
}

export type Align = 'left' | 'right';

/** A plain-text table: a header row, columns padded to their widest cell, two spaces apart. */
export function formatTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, align: readonly Align[] = []): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        // The last column is not padded, so lines carry no trailing spaces.
        if (column === cells.length - 1 && align[column] !== 'right') return cell;
        return align[column] === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}
