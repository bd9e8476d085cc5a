import { ApiError, getJson } from './api.js';
import { byTestId, note, replaceChildren, slot } from './dom.js';
import { renderTraceDetail } from './trace-detail-view.js';

/**
 * The side panel for one trace, fetched from `/v1/traces/:id` when a row is opened. Escape,
 * the close button or a click beside the panel closes it and gives focus back to the row.
 */
export function createTraceDetail() {
  const drawer = byTestId('trace-detail');
  const backdrop = byTestId('trace-detail-backdrop');
  const closeButton = byTestId('trace-detail-close');
  let controller = null;
  let returnFocus = null;

  function close() {
    controller?.abort();
    drawer.hidden = true;
    backdrop.hidden = true;
    returnFocus?.focus?.();
    returnFocus = null;
  }

  async function open(id) {
    controller?.abort();
    controller = new AbortController();
    returnFocus = document.activeElement;
    slot('detail-title').textContent = id;
    drawer.dataset.state = 'loading';
    drawer.dataset.traceId = id;
    replaceChildren(slot('detail-body'), note('Loading trace…'));
    drawer.hidden = false;
    backdrop.hidden = false;
    closeButton.focus();
    try {
      const trace = await getJson(`v1/traces/${encodeURIComponent(id)}`, { signal: controller.signal });
      replaceChildren(slot('detail-body'), renderTraceDetail(trace));
      drawer.dataset.state = 'ready';
    } catch (error) {
      if (error.name === 'AbortError') return;
      drawer.dataset.state = 'error';
      if (!(error instanceof ApiError && error.status === 401)) replaceChildren(slot('detail-body'), note(error.message, 'trace-detail-error'));
    }
  }

  closeButton.addEventListener('click', close);
  backdrop.addEventListener('click', close);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !drawer.hidden) close();
  });
  return { open, close };
}
