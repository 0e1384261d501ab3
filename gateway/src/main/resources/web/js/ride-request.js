// Ride request: pickup, optional destination and time in; cabs, fare and demand out in one reply,
// each part shown on its own, a failed part with its problem next to the parts that succeeded.

import { query } from './api.js';
import { numberOf, runQuery, timeOf } from './forms.js';
import { dollars, el, fill, meters, minutes, number } from './format.js';
import { sourceMarker } from './map.js';
import { twoPointPanel, twoPoints } from './two-points.js';
import { panel, pointFields } from './markup.js';

const L = window.L;

export const tab = 'Ride request';

export const markup = panel('ride', {
  hint: 'Click the map for the pickup, then for the destination: cabs, fare and demand in one request.',
  fields: `${pointFields('ride-pickup', 'pickup', 'Pickup', [40.7506, -73.9935])}
    ${pointFields('ride-destination', 'destination', 'Destination (optional)', [40.7527, -73.9772])}
    <label for="ride-next">A map click sets the</label>
    <select id="ride-next">
      <option value="pickup">pickup</option>
      <option value="destination">destination</option>
    </select>
    <label for="ride-time">Time</label>
    <input id="ride-time" name="time" type="datetime-local" step="60" data-default-time>`,
  submit: 'Request ride',
});

export default function rideRequest(map) {
  const form = document.getElementById('ride-form');
  const results = document.getElementById('ride-results');
  const layer = L.layerGroup();
  const pins = L.layerGroup().addTo(layer);
  const answers = L.layerGroup().addTo(layer);

  const run = () => {
    points.draw();
    return runQuery(
      form,
      results,
      (signal) => query('ride-request', requestOf(form), { signal }),
      (reply) => show(reply, answers, results),
    );
  };

  const points = twoPoints(form, document.getElementById('ride-next'), pins, {
    names: ['pickup', 'destination'],
    labels: ['P', 'D'],
    onDraw: () => answers.clearLayers(),
    onBoth: run,
  });

  return twoPointPanel(map, form, layer, points, run);
}

function requestOf(form) {
  const f = form.elements;
  const request = {
    pickup: { lon: numberOf(f['pickup.lon']), lat: numberOf(f['pickup.lat']) },
    time: timeOf(f.time),
  };
  const destination = { lon: numberOf(f['destination.lon']), lat: numberOf(f['destination.lat']) };
  if (destination.lon !== undefined || destination.lat !== undefined) request.destination = destination;
  return request;
}

function show(reply, layer, results) {
  const problems = reply.problems || {};
  fill(
    results,
    part('cabs', 'Cabs', reply.nearby, problems.nearby, (r) => cabsText(r, layer)),
    part('fare', 'Fare', reply.fare, problems.fare, fareText),
    part('demand', 'Demand', reply.demand, problems.demand, demandText),
  );
}

/** One part's heading and line: its result, its problem, or nothing when it was not asked. */
function part(id, title, result, problem, describe) {
  if (!result && !problem) return null;
  const line = problem
    ? el('p', { class: 'form-error', id: `ride-${id}`, text: `${problem.title}: ${problem.detail}` })
    : el('p', { class: 'summary', id: `ride-${id}`, text: describe(result) });
  return el('section', {}, el('h3', { text: title }), line);
}

function cabsText(result, layer) {
  for (const cab of result.cabs) sourceMarker(cab.lat, cab.lon, cab.source, { className: 'cab-marker' }).addTo(layer);
  if (result.cabs.length === 0) return 'No cabs freed nearby in the last 15 minutes';
  const nearest = result.cabs[0];
  return `${result.cabs.length} cabs nearby, the nearest ${meters(nearest.distanceMeters)} away, free ${minutes(
    nearest.minutesSinceDropoff,
  )} ago`;
}

/** The fare line says which radius answered and from how many trips, as the estimate widens it. */
function fareText(result) {
  const sample = `${number(result.sampleSize)} trips within ${meters(result.radiusMeters)} of both ends`;
  if (!result.enough) return `Not enough trips for an estimate: ${sample}, ${number(result.minSample)} needed`;
  return `Median fare ${dollars(result.fare.median)} (${dollars(result.fare.p10)}–${dollars(
    result.fare.p90,
  )}), about ${number(result.durationMinutes.median, 0)} min, from ${sample}`;
}

function demandText(result) {
  const trips = result.cells.reduce((sum, cell) => sum + cell.trips, 0);
  return `${number(trips)} pickups around here in the last hour`;
}
