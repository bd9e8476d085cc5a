import { CHART, chartSvg, niceScale, s, xLabels, yGrid } from './svg.js';

/**
 * Vertical bars per x slot, one bar per series side by side (spend per day; fallbacks and
 * retries per day). Each bar carries a `<title>` tooltip from `describe(slot, seriesIndex)`.
 */
export function columnChart({ label, labels, series, axisFormat, labelFormat, describe }) {
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const scale = niceScale(Math.max(0, ...series.flatMap((entry) => entry.values)));
  const slotWidth = plotWidth / labels.length;
  const barWidth = Math.min(28, (slotWidth * 0.72) / series.length);
  const x = (slot) => CHART.left + slotWidth * (slot + 0.5);
  const y = (value) => CHART.top + plotHeight * (1 - value / scale.max);

  const bars = series.flatMap((entry, seriesIndex) =>
    entry.values.map((value, slot) => {
      if (!(value > 0)) return null;
      const left = x(slot) - (barWidth * series.length) / 2 + barWidth * seriesIndex;
      return s('rect', { class: `bar ${entry.className}`, x: left, y: y(value), width: Math.max(1, barWidth - 1), height: y(0) - y(value), rx: 2 },
        s('title', {}, describe(slot, seriesIndex)),
      );
    }),
  );
  return chartSvg(label, CHART.height, yGrid(scale, y, axisFormat), s('g', { class: 'bars' }, bars), xLabels(labels, x, labelFormat));
}
