// Ride search: a box and a time window in; pickup points, the total and a paged table out.

import { query } from '../api.js';
import { boxTool } from '../boxtool.js';
import { numberOf, runQuery, timeOf } from '../forms.js';
import { clockOf, dollars, el, fill, localTime, notices, number } from '../format.js';
import { sourceMarker, visibleBox } from '../map.js';
import { panel } from '../markup.js';

const L = window.L;
const MAX_BOX_SIDE_METERS = 20_000;

export const tab = 'Ride search';

export const markup = panel('rides', {
  hint: 'Draw a box on the map, drag its corners, or type its edges.',
  fields: `
    <div class="buttons">
      <button type="button" id="rides-draw" aria-pressed="false">Draw box on map</button>
      <button type="button" id="rides-view">Use visible area</button>
    </div>
    <label for="rides-box-kind">Box holds the</label>
    <select id="rides-box-kind" name="boxKind">
      <option value="pickupBox">pickup</option>
      <option value="dropoffBox">drop-off</option>
    </select>
    <fieldset class="box-fields">
      <legend>Box</legend>
      <label for="rides-west">West</label>
      <input id="rides-west" name="box.west" type="number" step="any" value="-74.00">
      <label for="rides-east">East</label>
      <input id="rides-east" name="box.east" type="number" step="any" value="-73.97">
      <label for="rides-south">South</label>
      <input id="rides-south" name="box.south" type="number" step="any" value="40.74">
      <label for="rides-north">North</label>
      <input id="rides-north" name="box.north" type="number" step="any" value="40.76">
    </fieldset>
    <label for="rides-from">Picked up from</label>
    <input id="rides-from" name="window.from" type="datetime-local" step="60" data-default-time>
    <label for="rides-to">until</label>
    <input id="rides-to" name="window.to" type="datetime-local" step="60" data-default-time="1">
    <label for="rides-page-size">Rows per page</label>
    <input id="rides-page-size" name="pageSize" type="number" step="1" value="50">`,
  submit: 'Search rides',
});

export default function rideSearch(map) {
  const form = document.getElementById('rides-form');
  const results = document.getElementById('rides-results');
  const layer = L.layerGroup();
  const points = L.layerGroup().addTo(layer);
  const f = form.elements;
  const inputs = { west: f['box.west'], south: f['box.south'], east: f['box.east'], north: f['box.north'] };
  const box = boxTool(map, layer, inputs, document.getElementById('rides-draw'));
  // the cursors of the pages seen so far; index 0 is the first page (no cursor)
  let search = null;

  const load = (page) =>
    runQuery(
      form,
      results,
      (signal) => query('rides', { ...search.request, cursor: search.cursors[page] }, { signal }),
      (result) => {
        search.page = page;
        search.cursors[page + 1] = result.nextCursor;
        show(result);
      },
      { aliases: { pickupBox: 'box', dropoffBox: 'box' }, onFailure: () => points.clearLayers() },
    );

  const show = (result) => {
    points.clearLayers();
    const markers = result.rides.map((ride) =>
      sourceMarker(ride.pickupLat, ride.pickupLon, ride.source, { radius: 4, className: 'pickup-marker' })
        .bindTooltip(`${ride.source} pickup ${localTime(ride.pickupAt)}, ${dollars(ride.fare)}`)
        .addTo(points),
    );
    const first = search.page * (search.request.pageSize || 100) + 1;
    const last = first + result.rides.length - 1;
    fill(
      results,
      el('h3', {
        id: 'rides-total',
        text: `${number(result.total)} rides${result.totalExact ? '' : ' (estimated)'}`,
      }),
      ...notices(result),
      result.rides.length === 0
        ? el('p', { text: 'No rides in this box and window.' })
        : table(result.rides, markers, map, oneDay(search.request.window)),
      pager(first, last, result),
    );
  };

  const pager = (first, last, result) => {
    const previous = el('button', { type: 'button', disabled: search.page === 0 }, 'Previous page');
    const next = el('button', { type: 'button', disabled: !result.nextCursor }, 'Next page');
    previous.addEventListener('click', () => load(search.page - 1));
    next.addEventListener('click', () => load(search.page + 1));
    const shown = result.rides.length ? `Rows ${number(first)}–${number(last)}` : '';
    return el('div', { class: 'pager' }, previous, el('span', { id: 'rides-rows', text: shown }), next);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    box.stopDrawing();
    box.redraw();
    search = { request: requestOf(form, box.read()), cursors: [undefined], page: 0 };
    load(0);
  });
  document.getElementById('rides-view').addEventListener('click', () => {
    box.write(visibleBox(map, MAX_BOX_SIDE_METERS).box);
  });

  return {
    activate() {
      layer.addTo(map);
      box.redraw();
    },
    deactivate() {
      box.stopDrawing();
      layer.remove();
    },
  };
}

function requestOf(form, box) {
  const f = form.elements;
  const side = f.boxKind.value;
  return {
    [side]: {
      west: numberOf(f['box.west']),
      south: numberOf(f['box.south']),
      east: numberOf(f['box.east']),
      north: numberOf(f['box.north']),
    },
    window: { from: timeOf(f['window.from']), to: timeOf(f['window.to']) },
    pageSize: numberOf(f.pageSize),
  };
}

function minutesBetween(from, to) {
  return (Date.parse(`${to}Z`) - Date.parse(`${from}Z`)) / 60_000;
}

/** Whether a window lies within one date, so the table can leave the date out. */
function oneDay(window) {
  return window.from && window.to && window.from.slice(0, 10) === lastSecondBefore(window.to).slice(0, 10);
}

/** The last second inside a half-open window's end, so a window ending at midnight is one day. */
function lastSecondBefore(to) {
  return new Date(Date.parse(`${to}Z`) - 1000).toISOString();
}

function table(rides, markers, map, withinOneDay) {
  const head = el(
    'tr',
    {},
    ['Pickup', 'Minutes', 'Riders', 'Miles', 'Fare', 'Total'].map((h) => el('th', { scope: 'col', text: h })),
  );
  const rows = rides.map((ride, i) => {
    const row = el(
      'tr',
      { tabindex: '0', title: 'Show on the map' },
      el(
        'td',
        { class: 'nowrap' },
        el('span', { class: `source source-${ride.source}`, title: ride.source }),
        ` ${withinOneDay ? clockOf(ride.pickupAt, true) : localTime(ride.pickupAt)}`,
      ),
      el('td', { text: ride.dropoffAt ? number(minutesBetween(ride.pickupAt, ride.dropoffAt), 0) : '–' }),
      el('td', { text: ride.passengers ?? '–' }),
      el('td', { text: number(ride.distanceMiles, 1) }),
      el('td', { text: dollars(ride.fare) }),
      el('td', { text: dollars(ride.total) }),
    );
    const focus = () => {
      map.panTo(markers[i].getLatLng());
      markers[i].openTooltip();
    };
    row.addEventListener('click', focus);
    row.addEventListener('keydown', (e) => e.key === 'Enter' && focus());
    return row;
  });
  return el(
    'div',
    { class: 'table-scroll' },
    el(
      'table',
      { id: 'rides-table' },
      el('caption', { class: 'visually-hidden', text: 'Rides, in pickup order' }),
      el('thead', {}, head),
      el('tbody', {}, rows),
    ),
  );
}
