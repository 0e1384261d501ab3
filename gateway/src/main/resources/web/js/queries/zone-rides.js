// Ride search by zone: a pickup and/or drop-off zone and a window in; the total and the first page
// of trips out, with a link to the next page.

import { query } from '../api.js';
import { numberOf, runQuery, timeOf } from '../forms.js';
import { dollars, el, fill, localTime, notices, number } from '../format.js';
import { panel, zoneFields } from '../markup.js';

export const tab = 'Zone rides';

export const markup = panel('zone-rides', {
  hint: 'Trips from and/or to a taxi zone in a time window.',
  fields: `${zoneFields('zone-rides', [
    { key: 'pickup', name: 'pickupZone', label: 'Pickup zone', value: 161 },
    { key: 'dropoff', name: 'dropoffZone', label: 'Drop-off zone' },
  ])}
    <label for="zone-rides-from">From</label>
    <input id="zone-rides-from" name="window.from" type="datetime-local" step="60" data-default-time>
    <label for="zone-rides-to">To</label>
    <input id="zone-rides-to" name="window.to" type="datetime-local" step="60" data-default-time="1">`,
  submit: 'Search',
});

export default function zoneRides() {
  const form = document.getElementById('zone-rides-form');
  const results = document.getElementById('zone-rides-results');
  const search = (cursor) =>
    runQuery(form, results, (signal) => query('zone-rides', requestOf(form, cursor), { signal }), (result) =>
      show(result, results, search),
    );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search(undefined);
  });
  return { activate() {}, deactivate() {} };
}

function requestOf(form, cursor) {
  const f = form.elements;
  return {
    pickupZone: numberOf(f.pickupZone),
    dropoffZone: numberOf(f.dropoffZone),
    window: { from: timeOf(f['window.from']), to: timeOf(f['window.to']) },
    pageSize: 50,
    cursor,
  };
}

function show(result, results, search) {
  const next = result.nextCursor
    ? el('button', { type: 'button', id: 'zone-rides-next', text: 'Next page' })
    : null;
  next?.addEventListener('click', () => search(result.nextCursor));
  fill(
    results,
    el('p', { class: 'summary', id: 'zone-rides-total', text: `${number(result.total)}${result.totalExact ? '' : '+'} trips` }),
    el(
      'table',
      { id: 'zone-rides-table' },
      el('thead', {}, el('tr', {}, ['Pickup', 'Drop-off', 'Source', 'Fare'].map((h) => el('th', { scope: 'col', text: h })))),
      el(
        'tbody',
        {},
        result.rides.map((r) =>
          el('tr', {}, [localTime(r.pickupAt), r.dropoffAt ? localTime(r.dropoffAt) : '', r.source, r.fare == null ? '' : dollars(r.fare)].map((v) => el('td', { text: v }))),
        ),
      ),
    ),
    next,
    ...notices(result),
  );
}
