// The markup every panel shares. Each panel module exports its tab's label (`tab`) and its content
// (`markup`), which main.js puts on the page before any controller starts.

/**
 * A panel's content: the hint, the form `${id}-form` with its fields, submit button and error line,
 * then `between` (controls outside the form) and the results area `${id}-results`.
 */
export function panel(id, { hint, fields, submit, between = '' }) {
  return `
    <p class="hint">${hint}</p>
    <form id="${id}-form" novalidate>${fields}
      <button type="submit">${submit}</button>
      <p id="${id}-error" class="form-error" role="alert"></p>
    </form>${between}
    <div id="${id}-results" class="results" aria-live="polite"></div>`;
}

/** A point's fieldset: inputs `${name}.lat` and `${name}.lon`, ids `${id}-lat` and `${id}-lon`. */
export function pointFields(id, name, legend, [lat, lon]) {
  return `
    <fieldset>
      <legend>${legend}</legend>
      <label for="${id}-lat">Latitude</label>
      <input id="${id}-lat" name="${name}.lat" type="number" step="any" value="${lat}">
      <label for="${id}-lon">Longitude</label>
      <input id="${id}-lon" name="${name}.lon" type="number" step="any" value="${lon}">
    </fieldset>`;
}

/** The day of a panel's window: a date input `window.from`, id `${id}-date`, on the default day. */
export function dateField(id, label = 'Date') {
  return `
    <label for="${id}-date">${label}</label>
    <input id="${id}-date" name="window.from" type="date" data-default-date>`;
}

/**
 * Taxi zone id inputs, one per `{ key, name, label, value }`: id `${id}-${key}`, named `name`, a
 * whole number from 1, holding `value` (blank without one).
 */
export function zoneFields(id, zones) {
  return zones
    .map(
      ({ key, name, label, value }) => `
    <label for="${id}-${key}">${label}</label>
    <input id="${id}-${key}" name="${name}" type="number" step="1" min="1"${value ? ` value="${value}"` : ''}>`,
    )
    .join('');
}
