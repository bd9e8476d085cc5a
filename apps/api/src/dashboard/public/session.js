/**
 * The API key lives in sessionStorage: it survives reloads of this tab but not closing it, and
 * other tabs never see it. It is only ever sent in the Authorization header.
 */
const KEY_NAME = 'ballast.dashboard.apiKey';

export function storedKey() {
  return sessionStorage.getItem(KEY_NAME);
}

export function storeKey(key) {
  sessionStorage.setItem(KEY_NAME, key);
}

export function forgetKey() {
  sessionStorage.removeItem(KEY_NAME);
}
