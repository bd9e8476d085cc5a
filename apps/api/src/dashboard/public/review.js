import { h, note, replaceChildren, slot } from './dom.js';
import { formatDay, formatTime } from './format.js';
import { renderMarkdown } from './markdown.js';

/** The latest weekly review, rendered from its Markdown (escaped by construction, see markdown.js). */
export function renderReview(review) {
  if (!review) {
    slot('review-period').textContent = '';
    replaceChildren(slot('review'), note('No weekly review yet. The first one is written after a full week of traffic.', 'review-empty'));
    return;
  }
  slot('review-period').textContent = `${formatDay(review.period_start.slice(0, 10))} – ${formatDay(review.period_end.slice(0, 10))}`;
  replaceChildren(slot('review'),
    h('div', { class: 'markdown', 'data-testid': 'review-body' }, renderMarkdown(review.markdown)),
    h('p', { class: 'muted small' }, `Written ${formatTime(review.created_at)} · ${review.id}`),
  );
}

export function clearReview(message) {
  slot('review-period').textContent = '';
  replaceChildren(slot('review'), note(message));
}
