// Zone heatmap: the taxi zones coloured by a day's pickups (the choropleth); a click on a zone shows
// its figures per hour, or picks it as the zone fare's start or end.

import { query } from '../api.js';
import { runQuery } from '../forms.js';
import { dollars, el, fill, notices, number } from '../format.js';
import { dateField, panel } from '../markup.js';

const L = window.L;
const RAMP = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#e6550d', '#a63603'];

export const tab = 'Zones';

export const markup = panel('zone-heatmap', {
  hint: 'Taxi zones coloured by their pickups over the day; click a zone for its figures, or to pick it for a zone fare.',
  fields: `${dateField('zone-heatmap')}
    <label for="zone-heatmap-borough">Borough</label>
    <select id="zone-heatmap-borough" name="borough">
      <option value="">all</option>
      <option>Manhattan</option>
      <option>Brooklyn</option>
      <option>Queens</option>
      <option>Bronx</option>
      <option>Staten Island</option>
      <option>EWR</option>
    </select>
    <label for="zone-heatmap-metric">Color by</label>
    <select id="zone-heatmap-metric" name="metric">
      <option value="trips">trips</option>
      <option value="avgFare">average fare</option>
      <option value="avgDurationMinutes">average duration</option>
      <option value="avgSpeedKmh">average speed</option>
    </select>
    <label for="zone-heatmap-pick">A zone click sets</label>
    <select id="zone-heatmap-pick">
      <option value="show">its figures</option>
      <option value="fromZone">zone fare: from</option>
      <option value="toZone">zone fare: to</option>
    </select>`,
  submit: 'Show zones',
});

export default function zoneHeatmap(map) {
  const form = document.getElementById('zone-heatmap-form');
  const results = document.getElementById('zone-heatmap-results');
  const pick = document.getElementById('zone-heatmap-pick');
  let outlines = null;
  let figures = null;
  let layer = null;

  const draw = () => {
    if (layer) layer.remove();
    if (!outlines || !figures) return;
    const metric = form.elements.metric.value;
    const byZone = new Map(figures.zones.map((z) => [z.zone, z]));
    const values = figures.zones.map((z) => z[metric]).filter((v) => v != null);
    const max = Math.max(1, ...values);
    layer = L.geoJSON(outlines, {
      filter: (f) => f.properties.kind === 'zone' && byZone.has(f.properties.id),
      style: (f) => ({
        color: '#555',
        weight: 0.6,
        fillOpacity: 0.75,
        fillColor: RAMP[Math.min(RAMP.length - 1, Math.floor(((byZone.get(f.properties.id)[metric] ?? 0) / max) * RAMP.length))],
      }),
      onEachFeature: (f, shape) => {
        shape.on('click', () => clicked(f.properties, byZone.get(f.properties.id)));
        shape.bindTooltip(`${f.properties.id} ${f.properties.name}`, { sticky: true });
      },
    }).addTo(map);
  };

  const clicked = (zone, total) => {
    if (pick.value !== 'show') {
      const input = document.getElementById(pick.value === 'fromZone' ? 'zone-fare-from' : 'zone-fare-to');
      input.value = zone.id;
    }
    const hours = figures.hours.filter((h) => h.zone === zone.id);
    fill(
      results,
      el('h3', { id: 'zone-heatmap-zone', text: `${zone.id} ${zone.name} (${zone.borough})` }),
      el('p', { class: 'summary', text: summary(total) }),
      el(
        'table',
        { id: 'zone-heatmap-hours' },
        el('thead', {}, el('tr', {}, ['Hour', 'Trips', 'Avg fare', 'Avg min', 'km/h'].map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, hours.map((h) => el('tr', {}, [h.hour, number(h.trips), money(h.avgFare), h.avgDurationMinutes ?? '', h.avgSpeedKmh ?? ''].map((v) => el('td', { text: String(v) }))))),
      ),
    );
  };

  const run = () =>
    runQuery(
      form,
      results,
      async (signal) => {
        if (!outlines) outlines = await (await fetch('/api/v1/zones', { signal })).json();
        return query('zone-heatmap', requestOf(form), { signal });
      },
      (result) => {
        figures = result;
        draw();
        fill(results, el('p', { class: 'summary', id: 'zone-heatmap-summary', text: `${result.zones.length} zones with pickups` }), ...notices(result));
      },
    );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  form.elements.metric.addEventListener('change', draw);

  return {
    activate() {
      if (layer) layer.addTo(map);
    },
    deactivate() {
      if (layer) layer.remove();
    },
  };
}

function requestOf(form) {
  const date = form.elements['window.from'].value;
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const borough = form.elements.borough.value;
  return {
    window: { from: `${date}T00:00:00`, to: `${next.toISOString().slice(0, 10)}T00:00:00` },
    borough: borough || undefined,
  };
}

function summary(total) {
  if (!total) return 'no pickups';
  return `${number(total.trips)} trips, average fare ${money(total.avgFare)}, ${total.avgDurationMinutes ?? '?'} min, ${total.avgSpeedKmh ?? '?'} km/h`;
}

function money(value) {
  return value == null ? '' : dollars(value);
}
