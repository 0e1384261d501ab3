// Shared form plumbing: default times, reading typed values, and showing errors next to the form.

import { isCancelled } from './api.js';

/** Inside the loaded sample data (April 2014), used until the gateway can tell the data's range. */
export const DEFAULT_TIME = '2014-04-15T18:00';

/** Fills inputs marked data-default-time (optionally hours later) and data-default-date. */
export function applyDefaultTimes(root, time = DEFAULT_TIME) {
  for (const input of root.querySelectorAll('[data-default-time]')) {
    const hours = Number(input.dataset.defaultTime || 0);
    input.value = addHours(time, hours);
  }
  for (const input of root.querySelectorAll('[data-default-date]')) {
    input.value = time.slice(0, 10);
  }
}

/** Adds hours to a local "YYYY-MM-DDTHH:MM" wall-clock time, without time zones getting involved. */
export function addHours(localTime, hours) {
  const [date, clock] = localTime.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = clock.split(':').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d, hh + hours, mm));
  return t.toISOString().slice(0, 16);
}

/** The number typed in an input, or undefined when it is empty (so the gateway reports it). */
export function numberOf(input) {
  const text = input.value.trim();
  if (text === '') {
    return undefined;
  }
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** A datetime-local value as the API's ISO local time with seconds, or undefined when empty. */
export function timeOf(input) {
  const v = input.value;
  if (!v) {
    return undefined;
  }
  return v.length === 16 ? `${v}:00` : v;
}

/**
 * Shows an error under the form and marks the field it names. `aliases` maps a prefix of the
 * API's field path to the form's (for example pickupBox. to box.).
 */
export function showError(form, error, aliases = {}) {
  clearErrors(form);
  const box = errorBox(form);
  const input = fieldInput(form, error.field, aliases);
  const label = input ? labelOf(input) : null;
  box.textContent = messageOf(error, label);
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', box.id);
  }
}

/** Removes the error message and field marks left by {@link showError}. */
export function clearErrors(form) {
  errorBox(form).textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
}

/** Disables the submit button while a request is under way. */
export function setBusy(form, busy) {
  const submit = form.querySelector('button[type="submit"]');
  if (submit) {
    submit.disabled = busy;
  }
  form.setAttribute('aria-busy', String(busy));
}

function errorBox(form) {
  return form.querySelector('.form-error');
}

function messageOf(error, label) {
  const detail = error.message || 'The request failed';
  if (error.status === 400 || error.status === 422) {
    const where = label || error.field;
    return where ? `${where} ${detail}` : detail;
  }
  return `${error.title || 'Error'}: ${detail}`;
}

function fieldInput(form, field, aliases) {
  if (!field) {
    return null;
  }
  let name = field;
  for (const [from, to] of Object.entries(aliases)) {
    if (name.startsWith(from)) {
      name = to + name.slice(from.length);
    }
  }
  // a whole object (point) or an array element (sources[1]) falls back to its first field
  return (
    form.querySelector(`[name="${CSS.escape(name)}"]`) ||
    form.querySelector(`[name^="${CSS.escape(name.replace(/\[\d+\]$/, ''))}."]`)
  );
}

function labelOf(input) {
  const label = input.labels && input.labels[0];
  if (!label) {
    return null;
  }
  const legend = input.closest('fieldset')?.querySelector('legend');
  return legend ? `${legend.textContent} ${label.textContent.toLowerCase()}` : label.textContent;
}

const pendingQueries = new WeakMap();

/**
 * Runs one query for a form: cancels the form's query still under way, clears its errors, marks it
 * busy and hands the answer to `show`. A failure other than a cancel empties `results`, calls
 * `onFailure` and shows under the form. `send(signal)` sends the request.
 */
export async function runQuery(form, results, send, show, { aliases = {}, onFailure } = {}) {
  cancelQuery(form);
  const pending = new AbortController();
  pendingQueries.set(form, pending);
  clearErrors(form);
  setBusy(form, true);
  try {
    show(await send(pending.signal));
  } catch (error) {
    if (!isCancelled(error)) {
      results?.replaceChildren();
      onFailure?.();
      showError(form, error, aliases);
    }
  } finally {
    setBusy(form, false);
  }
}

/** Cancels the form's query under way, if any. */
export function cancelQuery(form) {
  pendingQueries.get(form)?.abort();
}
