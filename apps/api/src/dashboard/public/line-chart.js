import { CHART, chartSvg, niceScale, s, xLabels, yGrid } from './svg.js';

/**
 * Lines over x slots (latency percentiles, rates). A null value is a gap, not a zero: a day
 * without answers has no latency. Every point is also a dot with a tooltip, so a lone day
 * between gaps stays visible. `maxValue` fixes the axis (1 for rates); otherwise it fits the data.
 */
export function lineChart({ label, labels, series, axisFormat, labelFormat, describe, maxValue, area = false }) {
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const observed = series.flatMap((entry) => entry.values).filter((value) => typeof value === 'number');
  const scale = niceScale(maxValue ?? Math.max(0, ...observed));
  const slotWidth = plotWidth / labels.length;
  const x = (slot) => CHART.left + slotWidth * (slot + 0.5);
  const y = (value) => CHART.top + plotHeight * (1 - value / scale.max);

  const layers = series.map((entry, seriesIndex) => {
    const runs = contiguousRuns(entry.values);
    const paths = runs.map((run) => {
      const points = run.map((slot) => `${x(slot).toFixed(1)},${y(entry.values[slot]).toFixed(1)}`);
      const line = s('path', { class: `line ${entry.className}`, d: `M${points.join('L')}` });
      if (!area) return line;
      const first = x(run[0]).toFixed(1);
      const last = x(run[run.length - 1]).toFixed(1);
      const fill = s('path', { class: `area ${entry.className}`, d: `M${first},${y(0)}L${points.join('L')}L${last},${y(0)}Z` });
      return [fill, line];
    });
    const dots = entry.values.map((value, slot) =>
      typeof value === 'number'
        ? s('circle', { class: `dot ${entry.className}`, cx: x(slot), cy: y(value), r: 3 }, s('title', {}, describe(slot, seriesIndex)))
        : null,
    );
    return s('g', { class: 'series' }, paths, dots);
  });
  return chartSvg(label, CHART.height, yGrid(scale, y, axisFormat), layers, xLabels(labels, x, labelFormat));
}

/** Slots with values, split where a null interrupts them. */
function contiguousRuns(values) {
  const runs = [];
  let current = [];
  values.forEach((value, slot) => {
    if (typeof value === 'number') {
      current.push(slot);
    } else if (current.length > 0) {
      runs.push(current);
      current = [];
    }
  });
  if (current.length > 0) runs.push(current);
  return runs;
}
