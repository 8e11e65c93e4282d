// The HTTP API, signed in by the HttpOnly cookie the sign-in endpoints set.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// While storage is down the server answers 503 with Retry-After, and the request changed nothing: it is sent
// again, with a notice on the page, for about a minute before the error is shown.
const outageRetries = 12;
let retrying = 0;

function showTrouble() {
  let notice = document.getElementById('trouble');
  if (retrying === 0) {
    notice?.remove();
    return;
  }
  if (notice) return;
  notice = document.createElement('p');
  notice.id = 'trouble';
  notice.className = 'trouble';
  notice.setAttribute('role', 'status');
  notice.textContent = 'PeerLink is having trouble right now. Retrying…';
  (document.querySelector('main') ?? document.body).prepend(notice);
}

function retryDelay(response) {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 30) * 1000 : 5000;
}

async function send(method, path, body) {
  let waited = false;
  try {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.status !== 503 || attempt === outageRetries) return response;
      if (!waited) {
        waited = true;
        retrying++;
        showTrouble();
      }
      await new Promise((resolve) => setTimeout(resolve, retryDelay(response)));
    }
  } finally {
    if (waited) {
      retrying--;
      showTrouble();
    }
  }
}

export async function api(method, path, body) {
  const response = await send(method, path, body);
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const data = isJson ? await response.json() : null;
  if (!response.ok) {
    const message = response.status === 429
      ? 'Too many tries. Please wait a minute, then try again.'
      : data?.detail ?? data?.title ?? `Something went wrong (${response.status}). Please try again.`;
    throw new ApiError(response.status, data?.code, message);
  }
  return data;
}

/** A page that signs someone in fires this on `document`, so the header can show who it is. */
export const signedInEvent = 'peerlink:signed-in';

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body ?? {});

/** The signed-in person's profile, or null when nobody is signed in. */
export async function currentPerson() {
  try {
    return await get('/api/me');
  } catch (error) {
    if (error.status === 401) return null;
    throw error;
  }
}

/** GET that answers null when the endpoint is not there (yet) on this server. */
export async function getOptional(path) {
  try {
    return await get(path);
  } catch (error) {
    if (error.status === 404 || error.status === 405) return null;
    throw error;
  }
}

/** Reads every page of a messages endpoint after a sequence number; none where the server keeps no history. */
export async function messagesAfter(path, after) {
  const all = [];
  let from = after;
  for (;;) {
    const page = await getOptional(`${path}?after=${from}&limit=100`);
    if (page === null) return all;
    all.push(...page.messages);
    if (!page.hasMore || page.messages.length === 0) return all;
    from = page.messages[page.messages.length - 1].seq;
  }
}

/** The readable part of a hub error: the server ends it with "<code>: <message>". */
export function hubErrorMessage(error) {
  const match = /HubException: (?:[\w-]+: )?(.*)$/s.exec(error?.message ?? '');
  return match ? match[1] : 'Something went wrong. Please try again.';
}
