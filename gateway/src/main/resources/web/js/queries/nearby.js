// Nearby cabs: a point and a time in, markers and a list of the nearest free cabs out.

import { query } from '../api.js';
import { numberOf, runQuery, timeOf } from '../forms.js';
import { el, fill, localTime, meters, minutes, notices } from '../format.js';
import { pointPin, round, sourceMarker } from '../map.js';
import { panel, pointFields } from '../markup.js';

const L = window.L;

export const tab = 'Nearby cabs';

export const markup = panel('nearby', {
  hint: 'Click the map to choose a point, or type its coordinates.',
  fields: `${pointFields('nearby', 'point', 'Point', [40.7506, -73.9935])}
    <label for="nearby-time">Time</label>
    <input id="nearby-time" name="time" type="datetime-local" step="60" data-default-time>
    <label for="nearby-k">Number of cabs</label>
    <input id="nearby-k" name="k" type="number" step="1" value="10">
    <label for="nearby-window">Dropped off within (minutes)</label>
    <input id="nearby-window" name="windowMinutes" type="number" step="1" value="15">`,
  submit: 'Find cabs',
});

export default function nearbyCabs(map) {
  const form = document.getElementById('nearby-form');
  const results = document.getElementById('nearby-results');
  const lat = document.getElementById('nearby-lat');
  const lon = document.getElementById('nearby-lon');
  const layer = L.layerGroup();

  const drawPoint = () => {
    layer.clearLayers();
    const point = [numberOf(lat), numberOf(lon)];
    if (point.every(Number.isFinite)) pointPin(point[0], point[1], '•').addTo(layer);
  };

  const run = () => {
    drawPoint();
    return runQuery(
      form,
      results,
      (signal) => query('nearby', requestOf(form), { signal }),
      (result) => show(result, layer, results),
    );
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  lat.addEventListener('change', drawPoint);
  lon.addEventListener('change', drawPoint);

  return {
    activate() {
      layer.addTo(map);
      drawPoint();
    },
    deactivate() {
      layer.remove();
    },
    onMapClick(latlng) {
      lat.value = round(latlng.lat);
      lon.value = round(latlng.lng);
      run();
    },
  };
}

function requestOf(form) {
  const f = form.elements;
  return {
    point: { lon: numberOf(f['point.lon']), lat: numberOf(f['point.lat']) },
    time: timeOf(f.time),
    k: numberOf(f.k),
    windowMinutes: numberOf(f.windowMinutes),
  };
}

function show(result, layer, results) {
  const items = result.cabs.map((cab, i) => {
    const marker = sourceMarker(cab.lat, cab.lon, cab.source, { className: 'cab-marker' }).bindTooltip(
      `#${i + 1} ${cab.source}: ${meters(cab.distanceMeters)}, ${minutes(cab.minutesSinceDropoff)} since drop-off`,
    );
    marker.addTo(layer);
    return el(
      'li',
      { class: 'cab' },
      el('span', { class: 'rank', text: `${i + 1}.` }),
      el('span', { class: `source source-${cab.source}`, title: cab.source, 'aria-hidden': 'true' }),
      el('span', { text: `${cab.source} cab, ${meters(cab.distanceMeters)} away` }),
      el('span', { text: `free ${minutes(cab.minutesSinceDropoff)} ago (${localTime(cab.dropoffAt)})` }),
    );
  });
  const title = el('h3', { text: result.cabs.length === 0 ? 'No cabs found' : `${result.cabs.length} cabs` });
  fill(
    results,
    title,
    ...notices(result),
    result.cabs.length === 0
      ? el('p', { text: 'No drop-offs near this point in the window: try a longer window or another time.' })
      : el('ol', { class: 'cab-list', id: 'nearby-list' }, items),
  );
}
