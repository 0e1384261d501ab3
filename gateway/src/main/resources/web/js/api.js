// Talks to the gateway's JSON API; every failure becomes an ApiError carrying a problem body.

const API = '/api/v1';
const REQUEST_TIMEOUT_MS = 30000;

/** A query the gateway did not answer with a result: its RFC 9457 problem fields. */
export class ApiError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || 'The request failed');
    this.name = 'ApiError';
    this.status = problem.status || 0;
    this.title = problem.title || 'Request failed';
    this.field = problem.field || null;
  }
}

/** POSTs one query of `type` (one of {@link queryTypes}) and resolves to its result. */
export async function query(type, body, { signal } = {}) {
  return postJson(`${API}/${type}`, body, signal);
}

/** The query types the gateway answers, in its order: the `type` values its OpenAPI document allows. */
export async function queryTypes() {
  const openApi = await getJson(`${API}/openapi.json`);
  return openApi.components.requestBodies.Query.content['application/json'].schema.properties.type.enum;
}

async function postJson(path, body, signal) {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const combined = signal ? anyOf(signal, timeout) : timeout;
  let response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      signal: combined,
    });
  } catch (e) {
    throw transportError(e, signal);
  }
  const payload = await readBody(response);
  if (!response.ok) {
    throw new ApiError(problemOf(response, payload));
  }
  return payload;
}

/** GETs a JSON document; resolves to null when the gateway has nothing at `path`. */
export async function getJson(path, { signal } = {}) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  if (response.status === 404) {
    return null;
  }
  const payload = await readBody(response);
  if (!response.ok) {
    throw new ApiError(problemOf(response, payload));
  }
  return payload;
}

/** GETs plain text, such as the Prometheus metrics; null when absent. */
export async function getText(path, { signal } = {}) {
  const response = await fetch(path, { signal });
  return response.ok ? response.text() : null;
}

async function readBody(response) {
  const text = await response.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 300) };
  }
}

function problemOf(response, payload) {
  const problem = payload && typeof payload === 'object' ? payload : {};
  return {
    status: problem.status || response.status,
    title: problem.title || titleFor(response.status),
    detail: problem.detail || `The gateway answered ${response.status} ${response.statusText}`,
    field: problem.field,
  };
}

function titleFor(status) {
  if (status === 503) return 'Service unavailable';
  if (status === 504) return 'No reply in time';
  if (status >= 500) return 'Server error';
  return 'Invalid request';
}

function transportError(error, callerSignal) {
  if (callerSignal && callerSignal.aborted) {
    return error; // the caller cancelled on purpose; it ignores AbortError
  }
  if (error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new ApiError({
      status: 0,
      title: 'No reply in time',
      detail: `The gateway did not answer within ${REQUEST_TIMEOUT_MS / 1000} s`,
    });
  }
  return new ApiError({ status: 0, title: 'Gateway not reachable', detail: String(error.message || error) });
}

function anyOf(...signals) {
  if (AbortSignal.any) {
    return AbortSignal.any(signals);
  }
  const controller = new AbortController();
  for (const s of signals) {
    s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
}

/** True for the error a deliberate cancellation raises. */
export function isCancelled(error) {
  return error && error.name === 'AbortError' && !(error instanceof ApiError);
}
