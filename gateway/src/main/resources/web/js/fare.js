// Fare estimate: points A and B and a time in; median and 10th-90th percentile of fare and duration out.

import { isCancelled, query } from './api.js';
import { clearErrors, numberOf, setBusy, showError, timeOf } from './forms.js';
import { dollars, el, fill, meters, notices, number } from './format.js';
import { pointPin, round } from './map.js';

const L = window.L;

export function fareEstimate(map) {
  const form = document.getElementById('fare-form');
  const results = document.getElementById('fare-results');
  const next = document.getElementById('fare-next');
  const f = form.elements;
  const layer = L.layerGroup();
  const areas = L.layerGroup().addTo(layer);
  let pending = null;

  const drawPoints = () => {
    layer.clearLayers();
    areas.clearLayers().addTo(layer);
    const a = [numberOf(f['from.lat']), numberOf(f['from.lon'])];
    const b = [numberOf(f['to.lat']), numberOf(f['to.lon'])];
    const hasA = a.every(Number.isFinite);
    const hasB = b.every(Number.isFinite);
    if (hasA) pointPin(a[0], a[1], 'A').addTo(layer);
    if (hasB) pointPin(b[0], b[1], 'B').addTo(layer);
    if (hasA && hasB)
      L.polyline([a, b], { color: '#14213d', weight: 2, dashArray: '6 6', interactive: false }).addTo(layer);
  };

  const showSearchAreas = (radius) => {
    areas.clearLayers();
    for (const p of ['from', 'to']) {
      const center = [numberOf(f[`${p}.lat`]), numberOf(f[`${p}.lon`])];
      L.circle(center, { radius, weight: 1, color: '#1f5fbf', fillOpacity: 0.08, interactive: false }).addTo(
        areas,
      );
    }
  };

  const run = async () => {
    pending?.abort();
    pending = new AbortController();
    clearErrors(form);
    setBusy(form, true);
    drawPoints();
    try {
      const result = await query('fare', requestOf(form), { signal: pending.signal });
      showSearchAreas(result.radiusMeters);
      show(result, results);
    } catch (error) {
      if (!isCancelled(error)) {
        results.replaceChildren();
        showError(form, error);
      }
    } finally {
      setBusy(form, false);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  for (const name of ['from.lat', 'from.lon', 'to.lat', 'to.lon'])
    f[name].addEventListener('change', drawPoints);

  return {
    activate() {
      layer.addTo(map);
      drawPoints();
    },
    deactivate() {
      layer.remove();
    },
    onMapClick(latlng) {
      const which = next.value;
      f[`${which}.lat`].value = round(latlng.lat);
      f[`${which}.lon`].value = round(latlng.lng);
      next.value = which === 'from' ? 'to' : 'from';
      drawPoints();
      if (which === 'to') run();
    },
  };
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
  const sample = `${number(result.sampleSize)} trips within ${meters(result.radiusMeters)} of A and B`;
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
