// Heatmap: hexagons for the visible area and one hour, colored by a chosen measure, with a legend.

import { query } from '../api.js';
import { cancelQuery, DEFAULT_TIME, runQuery, showError } from '../forms.js';
import { dollars, el, fill, notices, number } from '../format.js';
import { cellOutlines } from '../hexagons.js';
import { isUsable, visibleBox } from '../map.js';
import { dateField, panel } from '../markup.js';

const L = window.L;
const MAX_BOX_SIDE_METERS = 30_000;
const RELOAD_DELAY_MS = 350;
/** ColorBrewer YlOrRd, light to dark. */
const COLORS = ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'];
const MEASURES = {
  trips: { label: 'Trips', format: (v) => number(v) },
  avgFare: { label: 'Average fare', format: (v) => dollars(v) },
  avgDurationMinutes: { label: 'Average duration (min)', format: (v) => number(v, 1) },
};

export const tab = 'Heatmap';

export const markup = panel('heatmap', {
  hint: 'Shows the visible part of the map; move the map to load more.',
  fields: `${dateField('heatmap')}
    <label for="heatmap-hour">Hour</label>
    <select id="heatmap-hour" name="hour"></select>
    <label for="heatmap-metric">Color by</label>
    <select id="heatmap-metric" name="metric">
      <option value="trips">trips</option>
      <option value="avgFare">average fare</option>
      <option value="avgDurationMinutes">average duration</option>
    </select>
    <label for="heatmap-resolution">Cell size</label>
    <select id="heatmap-resolution" name="resolution">
      <option value="auto">automatic</option>
      <option value="7">large (about 5 km²)</option>
      <option value="8">medium (about 0.7 km²)</option>
      <option value="9">small (about 0.1 km²)</option>
      <option value="10">tiny (about 0.015 km²)</option>
    </select>
    <div class="check">
      <input id="heatmap-follow" type="checkbox" checked>
      <label for="heatmap-follow">Reload when the map moves</label>
    </div>`,
  submit: 'Show heatmap',
});

export default function heatmap(map, legend) {
  const form = document.getElementById('heatmap-form');
  const results = document.getElementById('heatmap-results');
  const follow = document.getElementById('heatmap-follow');
  const f = form.elements;
  const layer = L.layerGroup();
  // thousands of cells draw faster on one canvas than as SVG elements
  const renderer = L.canvas({ padding: 0.3 });
  fillHours(f.hour, Number(DEFAULT_TIME.slice(11, 13)));
  let active = false;
  let timer = null;
  let last = null; // the latest answer, redrawn when only the measure changes

  const run = () => {
    const { box, clipped } = visibleBox(map, MAX_BOX_SIDE_METERS);
    if (!isUsable(box)) {
      cancelQuery(form);
      showError(form, { status: 400, message: 'The map shows no part of New York City: move it back.' });
      return undefined;
    }
    const when = `${f['window.from'].value} ${f.hour.selectedOptions[0].text}`;
    // the last map stays on a failure, so there are no results to empty
    return runQuery(
      form,
      null,
      (signal) => query('heatmap', requestOf(form, box, map.getZoom()), { signal }),
      (result) => {
        last = { result, clipped, when };
        draw(last);
      },
    );
  };

  const draw = ({ result, clipped, when }) => {
    layer.clearLayers();
    const measure = f.metric.value;
    const values = result.cells.map((c) => c[measure]).filter((v) => v !== undefined && v !== null);
    const breaks = classBreaks(values);
    const outlines = cellOutlines(result);
    result.cells.forEach((cell, i) => {
      const value = cell[measure];
      L.polygon(outlines[i], {
        renderer,
        weight: 0.5,
        color: '#6b4a2b',
        fillColor: value === undefined ? '#cccccc' : COLORS[classOf(value, breaks)],
        fillOpacity: 0.7,
      })
        .bindTooltip(tooltipOf(cell))
        .addTo(layer);
    });
    const trips = result.cells.reduce((sum, c) => sum + c.trips, 0);
    fill(
      results,
      el('h3', {
        id: 'heatmap-summary',
        text: `${number(result.cells.length)} cells, ${number(trips)} trips in view`,
      }),
      clipped
        ? el('p', {
            class: 'notice',
            text: 'Only the central 30 km of the view is shown: zoom in to see its edges.',
          })
        : null,
      result.cellSystem === 'grid'
        ? el('p', {
            class: 'notice',
            text: `Square cells of ${number(result.gridCellMeters)} m (H3 unavailable on the server).`,
          })
        : null,
      ...notices(result),
    );
    showLegend(legend, MEASURES[measure], breaks, when);
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, RELOAD_DELAY_MS);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  f.metric.addEventListener('change', () => last && draw(last));
  map.on('moveend', () => active && follow.checked && schedule());

  return {
    activate() {
      active = true;
      layer.addTo(map);
      if (last) legend.hidden = false;
      else run();
    },
    deactivate() {
      active = false;
      cancelQuery(form);
      clearTimeout(timer);
      layer.remove();
      legend.hidden = true;
    },
  };
}

function fillHours(select, selected) {
  for (let h = 0; h < 24; h++) {
    const text = `${String(h).padStart(2, '0')}:00–${String((h + 1) % 24).padStart(2, '0')}:00`;
    select.append(el('option', { value: String(h), selected: h === selected, text }));
  }
}

function requestOf(form, box, zoom) {
  const f = form.elements;
  const date = f['window.from'].value;
  const hour = Number(f.hour.value);
  const from = `${date}T${String(hour).padStart(2, '0')}:00:00`;
  const request = {
    box,
    window: { from: date ? from : undefined, to: date ? nextHour(date, hour) : undefined },
  };
  request.resolution = f.resolution.value === 'auto' ? resolutionFor(zoom) : Number(f.resolution.value);
  return request;
}

function nextHour(date, hour) {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCHours(hour + 1);
  return t.toISOString().slice(0, 19);
}

/** Cells a few pixels to a few dozen across at any zoom. */
function resolutionFor(zoom) {
  if (zoom <= 11) return 7;
  if (zoom <= 13) return 8;
  if (zoom <= 15) return 9;
  return 10;
}

/** Upper bounds of up to six classes holding about equal numbers of cells. */
export function classBreaks(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const breaks = [];
  for (let i = 1; i <= COLORS.length; i++) {
    const v = sorted[Math.min(sorted.length - 1, Math.ceil((i * sorted.length) / COLORS.length) - 1)];
    if (v !== undefined && (breaks.length === 0 || v > breaks[breaks.length - 1])) breaks.push(v);
  }
  return breaks;
}

function classOf(value, breaks) {
  const i = breaks.findIndex((b) => value <= b);
  const index = i < 0 ? breaks.length - 1 : i;
  // spread few classes over the whole ramp, so two classes are light and dark rather than two lights
  return breaks.length <= 1
    ? COLORS.length - 1
    : Math.round((index * (COLORS.length - 1)) / (breaks.length - 1));
}

function tooltipOf(cell) {
  const parts = [`${number(cell.trips)} trips`];
  if (cell.avgFare !== undefined) parts.push(`avg fare ${dollars(cell.avgFare)}`);
  if (cell.avgDurationMinutes !== undefined) parts.push(`avg ${number(cell.avgDurationMinutes, 1)} min`);
  return parts.join(', ');
}

function showLegend(legend, measure, breaks, when) {
  const items = breaks.map((upper, i) => {
    const lower = i === 0 ? null : breaks[i - 1];
    const text =
      lower === null
        ? `up to ${measure.format(upper)}`
        : `${measure.format(lower)} – ${measure.format(upper)}`;
    return el(
      'li',
      {},
      el('span', { class: 'swatch', style: `background:${COLORS[classOf(upper, breaks)]}` }),
      text,
    );
  });
  legend.replaceChildren(
    el('h3', { text: `${measure.label}, ${when}` }),
    breaks.length ? el('ul', {}, items) : el('p', { text: 'No trips in view' }),
  );
  legend.hidden = false;
}
