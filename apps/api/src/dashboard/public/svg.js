const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element; strings among the children become text (titles and labels carry data). */
export function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) element.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Chart canvas in viewBox units: the SVG scales to its card's width, text scales with it. */
export const CHART = { width: 640, height: 220, left: 56, right: 14, top: 14, bottom: 30 };

/** A round axis maximum and its ticks (0, step, …, max) for values up to `max`. */
export function niceScale(max, tickCount = 4) {
  if (!(max > 0)) return { max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] };
  const rough = max / tickCount;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough);
  const top = Math.ceil(max / step) * step;
  const ticks = [];
  for (let tick = 0; tick <= top + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return { max: top, ticks };
}

/** The root `<svg>`: role img with a label so screen readers announce the chart, not its shapes. */
export function chartSvg(label, height, ...children) {
  return s('svg', { viewBox: `0 0 ${CHART.width} ${height}`, role: 'img', 'aria-label': label, class: 'chart-svg' }, ...children);
}

/** Horizontal grid lines with y-axis labels. */
export function yGrid(scale, y, format) {
  return scale.ticks.map((tick) =>
    s('g', { class: 'grid' },
      s('line', { x1: CHART.left, x2: CHART.width - CHART.right, y1: y(tick), y2: y(tick) }),
      s('text', { x: CHART.left - 8, y: y(tick), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, format(tick)),
    ),
  );
}

/** X-axis labels under each slot, thinned so at most ~10 show (30 days would otherwise overlap). */
export function xLabels(labels, x, format) {
  const every = Math.max(1, Math.ceil(labels.length / 10));
  return labels.map((label, index) =>
    index % every === 0
      ? s('text', { class: 'axis-label', x: x(index), y: CHART.height - CHART.bottom + 18, 'text-anchor': 'middle' }, format(label))
      : null,
  );
}
