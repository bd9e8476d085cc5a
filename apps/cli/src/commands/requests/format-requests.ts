import type { ListedRequest } from '#libs/contracts';

/** A fixed-width table of requests, one per line, with a note when more pages exist. */
export function formatRequestList(items: readonly ListedRequest[], nextCursor: string | null): string {
  if (items.length === 0) return 'No requests match.\n';
  const rows = items.map((item) => [
    item.id,
    item.status,
    item.started_at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
    item.route ?? '-',
    item.model ?? '-',
    item.user ?? '-',
    item.replay_of ? `replay of ${item.replay_of}` : '',
  ]);
  const header = ['REQUEST', 'STATUS', 'STARTED', 'ROUTE', 'MODEL', 'USER', ''];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const more = nextCursor ? `\nMore: add --cursor ${nextCursor}\n` : '';
  return `${[line(header), ...rows.map(line)].join('\n')}\n${more}`;
}
