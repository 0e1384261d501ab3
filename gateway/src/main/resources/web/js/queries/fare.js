// Fare estimate: points A and B and a time in; median and 10th-90th percentile of fare and duration out.

import { query } from '../api.js';
import { numberOf, runQuery, timeOf } from '../forms.js';
import { dollars, el, fill, meters, notices, number } from '../format.js';
import { twoPointPanel, twoPoints } from '../two-points.js';
import { panel, pointFields } from '../markup.js';

const L = window.L;

export const tab = 'Fare estimate';

export const markup = panel('fare', {
  hint: 'Click the map for A, then for B, or type the coordinates.',
  fields: `${pointFields('fare-from', 'from', 'From (A)', [40.7506, -73.9935])}
    ${pointFields('fare-to', 'to', 'To (B)', [40.6413, -73.7781])}
    <label for="fare-next">A map click sets</label>
    <select id="fare-next">
      <option value="from">A</option>
      <option value="to">B</option>
    </select>
    <label for="fare-time">Time</label>
    <input id="fare-time" name="time" type="datetime-local" step="60" data-default-time>
    <label for="fare-radius">Radius around A and B (meters; empty widens from 300 to 2000 until enough trips match)</label>
    <input id="fare-radius" name="radiusMeters" type="number" step="1" min="50" max="2000" placeholder="auto">
    <label for="fare-tolerance">Time of day within (minutes)</label>
    <input id="fare-tolerance" name="toleranceMinutes" type="number" step="1" value="60">`,
  submit: 'Estimate fare',
});

export default function fareEstimate(map) {
  const form = document.getElementById('fare-form');
  const results = document.getElementById('fare-results');
  const layer = L.layerGroup();
  const pins = L.layerGroup().addTo(layer);
  const areas = L.layerGroup().addTo(layer);

  const showSearchAreas = (radius) => {
    areas.clearLayers();
    for (const p of ['from', 'to']) {
      const center = [numberOf(form.elements[`${p}.lat`]), numberOf(form.elements[`${p}.lon`])];
      L.circle(center, { radius, weight: 1, color: '#1f5fbf', fillOpacity: 0.08, interactive: false }).addTo(
        areas,
      );
    }
  };

  const run = () => {
    points.draw();
    return runQuery(
      form,
      results,
      (signal) => query('fare', requestOf(form), { signal }),
      (result) => {
        showSearchAreas(result.radiusMeters);
        show(result, results);
      },
    );
  };

  const points = twoPoints(form, document.getElementById('fare-next'), pins, {
    names: ['from', 'to'],
    labels: ['A', 'B'],
    joined: true,
    onDraw: () => areas.clearLayers(),
    onBoth: run,
  });

  return twoPointPanel(map, form, layer, points, run);
}

function requestOf(form) {
  const f = form.elements;
  return {
    from: { lon: numberOf(f['from.lon']), lat: numberOf(f['from.lat']) },
    to: { lon: numberOf(f['to.lon']), lat: numberOf(f['to.lat']) },
    time: timeOf(f.time),
    radiusMeters: numberOf(f.radiusMeters),
    toleranceMinutes: numberOf(f.toleranceMinutes),
  };
}

function show(result, results) {
  const sample = result.zones
    ? `${number(result.zones.trips)} trips from zone ${result.zones.from.zone} (${result.zones.from.name}) to zone ${result.zones.to.zone} (${result.zones.to.name}): too few within ${meters(result.radiusMeters)} of A and B`
    : `${number(result.sampleSize)} trips within ${meters(result.radiusMeters)} of A and B`;
  const body = result.enough
    ? el(
        'table',
        { class: 'estimate', id: 'fare-table' },
        el('caption', { class: 'visually-hidden', text: 'Fare and duration estimate' }),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col', text: '' }),
            ['10th pct', 'Median', '90th pct'].map((h) => el('th', { scope: 'col', text: h })),
          ),
        ),
        el(
          'tbody',
          {},
          spreadRow('Fare', result.fare, dollars),
          spreadRow('Duration (min)', result.durationMinutes, (v) => number(v, 1)),
        ),
      )
    : null;
  fill(
    results,
    el('h3', {
      id: 'fare-summary',
      text: result.enough ? `Median fare ${dollars(result.fare.median)}` : 'Not enough trips for an estimate',
    }),
    el('p', { class: 'summary', id: 'fare-sample', text: sample }),
    body,
    result.message ? el('p', { text: result.message }) : null,
    ...notices(result),
  );
}

function spreadRow(label, spread, format) {
  return el(
    'tr',
    {},
    el('th', { scope: 'row', text: label }),
    el('td', { text: format(spread.p10) }),
    el('td', { text: format(spread.median) }),
    el('td', { text: format(spread.p90) }),
  );
}
