import { note, replaceChildren, slot } from './dom.js';
import { traceRow, traceTable } from './trace-table.js';

/** The report's costliest requests, in the same rows as the explorer (and opening the same panel). */
export function renderMostExpensive(traces, open) {
  if (!traces || traces.length === 0) {
    replaceChildren(slot('most-expensive'), note('No requests in this window.'));
    return;
  }
  const { table, tbody } = traceTable('most-expensive-list');
  tbody.append(...traces.map((trace) => traceRow(trace, open)));
  replaceChildren(slot('most-expensive'), table);
}

export function clearMostExpensive(message) {
  replaceChildren(slot('most-expensive'), note(message));
}
