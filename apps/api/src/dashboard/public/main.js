import { onUnauthorized } from './api.js';
import { byTestId, hideError, showError } from './dom.js';
import { createOverview } from './overview.js';
import { forgetKey, storedKey, storeKey } from './session.js';
import { createTraceDetail } from './trace-detail.js';
import { createTraceExplorer } from './trace-explorer.js';

const DAY_CHOICES = [1, 7, 14, 30];
const DEFAULT_DAYS = 14;

const detail = createTraceDetail();
const explorer = createTraceExplorer({ open: detail.open });
const overview = createOverview({ open: detail.open, onReport: (report) => explorer.suggest(report) });
let days = daysFromHash();

/** The window is in the URL (`#days=7`) so a link shows a colleague the same view. */
function daysFromHash() {
  const match = /days=(\d+)/.exec(location.hash);
  const value = match ? Number(match[1]) : DEFAULT_DAYS;
  return DAY_CHOICES.includes(value) ? value : DEFAULT_DAYS;
}

function markSelectedDays() {
  for (const button of byTestId('days-selector').querySelectorAll('button')) {
    button.setAttribute('aria-pressed', String(Number(button.dataset.days) === days));
  }
}

function showSignIn(message) {
  detail.close();
  explorer.reset();
  overview.reset();
  document.body.dataset.view = 'signin';
  byTestId('app').hidden = true;
  byTestId('signin').hidden = false;
  const errorBox = byTestId('signin-error');
  if (message) showError(errorBox, message);
  else hideError(errorBox);
  byTestId('signin-key').focus();
}

function revealDashboard() {
  document.body.dataset.view = 'dashboard';
  byTestId('signin').hidden = true;
  byTestId('app').hidden = false;
}

function loadEverything() {
  markSelectedDays();
  void explorer.setDays(days);
  return overview.load(days);
}

byTestId('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = byTestId('signin-key');
  const submit = byTestId('signin-submit');
  const key = input.value.trim();
  if (key === '') return;
  storeKey(key);
  submit.disabled = true;
  submit.textContent = 'Signing in…';
  // Stay on the form until the first answer: a wrong key should not flash the dashboard.
  await loadEverything();
  submit.disabled = false;
  submit.textContent = 'Sign in';
  if (storedKey() === key) {
    input.value = '';
    revealDashboard();
  }
});

byTestId('signout').addEventListener('click', () => {
  forgetKey();
  showSignIn();
});

byTestId('refresh').addEventListener('click', () => {
  void overview.load(days);
  void explorer.reload();
});

byTestId('days-selector').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-days]');
  if (!button) return;
  days = Number(button.dataset.days);
  history.replaceState(null, '', `#days=${days}`);
  markSelectedDays();
  void overview.load(days);
  void explorer.setDays(days);
});

// A 401 from any call means the key is no good (wrong, revoked, rotated): back to the form, with the server's reason.
onUnauthorized((detailText) => {
  forgetKey();
  showSignIn(detailText);
});

if (storedKey()) {
  revealDashboard();
  void loadEverything();
} else {
  showSignIn();
}
