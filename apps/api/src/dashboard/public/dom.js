/**
 * Builds DOM from text and attributes only. Nothing here parses HTML, so API data can never
 * become markup: strings turn into text nodes, and URLs are checked before they become links.
 */

/** Creates `<tag>` with attributes (`on*` become listeners) and children (strings become text). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  appendChildren(element, children);
  return element;
}

export function setAttributes(element, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'href') {
      const href = safeUrl(value);
      if (href !== null) element.setAttribute('href', href);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

/** Appends nodes and strings (as text); skips null, undefined and false so callers can inline conditions. */
export function appendChildren(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces everything inside `parent`. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  appendChildren(parent, children);
}

/** http(s) and same-origin paths only: a `javascript:` URL in the data must not become a clickable script. */
export function safeUrl(value) {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A link that opens in a new tab without giving that tab a handle on this one. */
export function externalLink(href, text, attributes = {}) {
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer', ...attributes }, text);
}

/** The element with `data-slot="name"` (the static skeleton in index.html names its fill-in points so). */
export function slot(name) {
  const element = document.querySelector(`[data-slot="${name}"]`);
  if (!element) throw new Error(`index.html has no data-slot="${name}"`);
  return element;
}

/** The element with `data-testid="id"`: test ids double as the page's stable structural names. */
export function byTestId(id) {
  const element = document.querySelector(`[data-testid="${id}"]`);
  if (!element) throw new Error(`index.html has no data-testid="${id}"`);
  return element;
}

/** A grey placeholder paragraph for empty or loading states. */
export function note(text, testid) {
  return h('p', { class: 'note', 'data-testid': testid }, text);
}

export function showError(element, message) {
  element.textContent = message;
  element.hidden = false;
}

export function hideError(element) {
  element.textContent = '';
  element.hidden = true;
}
