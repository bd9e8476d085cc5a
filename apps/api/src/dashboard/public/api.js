import { storedKey } from './session.js';

/** A failed API call, carrying the problem+json `detail` the page shows. */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
  }
}

let unauthorizedHandler = () => {};

/** Called with the problem detail whenever the API answers 401: the key is wrong, revoked or gone. */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

/**
 * The API root, resolved against the page: the dashboard is served at `<root>/dashboard/`, so a
 * gateway mounted under a path prefix behind a proxy still reaches its own API.
 */
function apiUrl(path, query) {
  const url = new URL(`../${path}`, document.baseURI);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
  }
  return url;
}

/** GET a JSON endpoint with the signed-in key. Throws ApiError; aborts propagate as AbortError. */
export async function getJson(path, { query, signal } = {}) {
  let response;
  try {
    response = await fetch(apiUrl(path, query), {
      headers: { authorization: `Bearer ${storedKey() ?? ''}`, accept: 'application/json' },
      signal,
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Network error', `Could not reach the Ballast API (${error.message}).`);
  }
  if (response.ok) return response.json();
  const problem = await readProblem(response);
  // A call cancelled meanwhile (say by the sign-out that another call's 401 caused) reports nothing.
  signal?.throwIfAborted();
  if (response.status === 401) unauthorizedHandler(problem.detail);
  throw new ApiError(response.status, problem.title, problem.detail);
}

/** The problem+json body's title and detail; a proxy's HTML error page still yields a readable sentence. */
async function readProblem(response) {
  const fallback = `The API answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  try {
    const body = await response.json();
    const detail = typeof body?.detail === 'string' && body.detail !== '' ? body.detail : typeof body?.title === 'string' ? body.title : fallback;
    return { title: typeof body?.title === 'string' ? body.title : 'Error', detail };
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    return { title: 'Error', detail: fallback };
  }
}
