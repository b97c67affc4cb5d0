// @ts-check
/** Talks to the Moderato API with the session cookie and the CSRF token it hands out. */

let csrfToken = '';

/** @param {Response} response */
async function readJson(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body?.error?.message ?? `HTTP ${response.status}`);
    Object.assign(error, { status: response.status, code: body?.error?.code, field: body?.error?.field });
    throw error;
  }
  return body;
}

/** @param {string} path */
export async function get(path) {
  return readJson(await fetch(path, { credentials: 'same-origin' }));
}

/**
 * @param {string} path @param {unknown} body
 * @param {{ method?: string, keepalive?: boolean }} [options] keepalive: the request outlives the page (sent while leaving it; body at most 64 KB)
 */
export async function post(path, body, { method = 'POST', keepalive = false } = {}) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
    keepalive,
  });
  return readJson(response);
}

/** @param {string} path @param {unknown} body */
export const put = (path, body) => post(path, body, { method: 'PUT' });

/** @param {string} path */
export const del = (path) => post(path, undefined, { method: 'DELETE' });

/** The signed-in user, or null. */
export async function currentSession() {
  try {
    const session = await get('/api/v1/auth/session');
    csrfToken = session.csrfToken ?? '';
    return session.user;
  } catch {
    return null;
  }
}

/** @param {string} email @param {string} password */
export async function signIn(email, password) {
  const session = await post('/api/v1/auth/login', { email, password });
  csrfToken = session.csrfToken;
  return session.user;
}

export const signOut = () => post('/api/v1/auth/logout', {});
