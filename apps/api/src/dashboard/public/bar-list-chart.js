import { CHART, chartSvg, s } from './svg.js';

const ROW_HEIGHT = 28;
const LABEL_WIDTH = 200;
const VALUE_WIDTH = 96;
const LABEL_CHARS = 28;

/**
 * Horizontal bars, largest first (spend by model or user, errors by type). Long names are
 * shortened on the chart; the full name is in the row's tooltip.
 */
export function barListChart({ label, items, format, className = 'series-a' }) {
  const maxValue = Math.max(0, ...items.map((item) => item.value));
  const barStart = LABEL_WIDTH + 8;
  const barSpace = CHART.width - barStart - VALUE_WIDTH;
  const rows = items.map((item, index) => {
    const top = index * ROW_HEIGHT;
    const middle = top + ROW_HEIGHT / 2;
    const width = maxValue > 0 ? Math.max(2, (item.value / maxValue) * barSpace) : 2;
    return s('g', { class: 'bar-row' },
      s('title', {}, item.title ?? `${item.label}: ${format(item.value)}`),
      s('text', { class: 'bar-label', x: LABEL_WIDTH, y: middle, 'text-anchor': 'end', 'dominant-baseline': 'middle' }, shorten(item.label)),
      s('rect', { class: `bar ${className}`, x: barStart, y: top + 6, width, height: ROW_HEIGHT - 12, rx: 2 }),
      s('text', { class: 'bar-value', x: barStart + width + 6, y: middle, 'dominant-baseline': 'middle' }, format(item.value)),
    );
  });
  return chartSvg(label, Math.max(ROW_HEIGHT, items.length * ROW_HEIGHT), rows);
}

function shorten(text) {
  const value = String(text);
  return value.length > LABEL_CHARS ? `${value.slice(0, LABEL_CHARS - 1)}…` : value;
}
