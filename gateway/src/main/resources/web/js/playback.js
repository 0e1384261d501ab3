// Playback: a day's pickups in the visible area, animated along a time-of-day slider.

import { query } from './api.js';
import { DEFAULT_TIME, numberOf, runQuery } from './forms.js';
import { el, fill, number } from './format.js';
import { SOURCE_COLORS, visibleBox } from './map.js';
import { dateField, panel } from './markup.js';

const L = window.L;
const MAX_BOX_SIDE_METERS = 20_000;
const SLOT_MINUTES = 10;
const SLOTS = (24 * 60) / SLOT_MINUTES;
const PARALLEL_REQUESTS = 4;
const TICK_MS = 200;
/** How long a pickup stays on the map, fading, after its time. */
const TRAIL_MINUTES = 10;

export const tab = 'Playback';

export const markup = panel('playback', {
  hint: "Loads the day's pickups in the visible area, a sample of each 10 minutes.",
  fields: `${dateField('playback', 'Day')}
    <label for="playback-per-slot">Pickups per 10 minutes</label>
    <input id="playback-per-slot" name="pageSize" type="number" step="1" value="40">`,
  submit: 'Load day',
  between: `
    <div class="player">
      <label for="playback-slider">Time of day</label>
      <input id="playback-slider" type="range" min="0" max="1439" step="1" value="0" disabled>
      <output id="playback-clock" for="playback-slider">00:00</output>
      <p id="playback-now" class="summary"></p>
      <div class="buttons">
        <button type="button" id="playback-play" disabled>Play</button>
        <label for="playback-speed">Speed</label>
        <select id="playback-speed">
          <option value="1">1 min per tick</option>
          <option value="5" selected>5 min per tick</option>
          <option value="15">15 min per tick</option>
        </select>
      </div>
    </div>`,
});

export default function playback(map) {
  const form = document.getElementById('playback-form');
  const results = document.getElementById('playback-results');
  const slider = document.getElementById('playback-slider');
  const clock = document.getElementById('playback-clock');
  const play = document.getElementById('playback-play');
  const onMap = document.getElementById('playback-now');
  const speed = document.getElementById('playback-speed');
  const layer = L.layerGroup();
  const renderer = L.canvas({ padding: 0.3 });
  let day = null; // { pickups: [{minute, lat, lon, source}] sorted by minute, totals: [per slot] }
  let timer = null;

  const render = () => {
    const now = Number(slider.value);
    clock.value = clockText(now);
    layer.clearLayers();
    if (!day) return;
    const recent = pickupsBetween(day.pickups, now - TRAIL_MINUTES, now);
    onMap.textContent = `${number(recent.length)} sampled pickups in the ${TRAIL_MINUTES} minutes before ${clockText(now)}`;
    for (const p of recent) {
      const age = (now - p.minute) / TRAIL_MINUTES;
      L.circleMarker([p.lat, p.lon], {
        renderer,
        radius: 4,
        stroke: false,
        fillColor: SOURCE_COLORS[p.source] || '#888',
        fillOpacity: 0.9 - 0.5 * age,
        interactive: false,
      }).addTo(layer);
    }
    const slot = Math.min(SLOTS - 1, Math.floor(now / SLOT_MINUTES));
    for (const [i, bar] of [...results.querySelectorAll('.hours span')].entries())
      bar.classList.toggle('now', i === slot);
  };

  const stop = () => {
    clearInterval(timer);
    timer = null;
    play.textContent = 'Play';
  };
  const start = () => {
    if (Number(slider.value) >= 1439) slider.value = 0;
    play.textContent = 'Pause';
    timer = setInterval(() => {
      const next = Number(slider.value) + Number(speed.value);
      slider.value = Math.min(1439, next);
      render();
      if (next >= 1439) stop();
    }, TICK_MS);
  };

  const load = () => {
    stop();
    const date = form.elements['window.from'].value;
    const box = visibleBox(map, MAX_BOX_SIDE_METERS).box;
    const pageSize = numberOf(form.elements.pageSize);
    const progress = (done) => fill(results, el('p', { text: `Loading ${done} of ${SLOTS} slots…` }));
    return runQuery(
      form,
      results,
      (signal) => loadDay(date, box, pageSize, signal, progress),
      (loaded) => {
        day = loaded;
        showDay(results, day, date);
        slider.disabled = false;
        play.disabled = false;
        slider.value = minuteOf(DEFAULT_TIME);
        render();
      },
    );
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  slider.addEventListener('input', render);
  play.addEventListener('click', () => (timer ? stop() : start()));

  return {
    activate() {
      layer.addTo(map);
      render();
    },
    deactivate() {
      stop();
      layer.remove();
    },
  };
}

/** Asks for each 10-minute slot of the day in turn, a few at a time. */
async function loadDay(date, box, pageSize, signal, progress) {
  const totals = new Array(SLOTS).fill(0);
  const pickups = [];
  let nextSlot = 0;
  let done = 0;
  const worker = async () => {
    while (nextSlot < SLOTS) {
      const slot = nextSlot++;
      const request = { pickupBox: box, window: slotWindow(date, slot), pageSize };
      const result = await query('rides', request, { signal });
      totals[slot] = result.total;
      for (const r of result.rides) {
        pickups.push({ minute: minuteOf(r.pickupAt), lat: r.pickupLat, lon: r.pickupLon, source: r.source });
      }
      progress(++done);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_REQUESTS }, worker));
  pickups.sort((a, b) => a.minute - b.minute);
  return { pickups, totals };
}

function slotWindow(date, slot) {
  if (!date) return { from: undefined, to: undefined };
  const from = new Date(`${date}T00:00:00Z`);
  from.setUTCMinutes(slot * SLOT_MINUTES);
  const to = new Date(from.getTime() + SLOT_MINUTES * 60_000);
  return { from: from.toISOString().slice(0, 19), to: to.toISOString().slice(0, 19) };
}

function minuteOf(iso) {
  const [h, m, s] = iso.split('T')[1].split(':').map(Number);
  return h * 60 + m + (s || 0) / 60;
}

function pickupsBetween(sorted, from, to) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].minute < from) lo = mid + 1;
    else hi = mid;
  }
  const out = [];
  for (let i = lo; i < sorted.length && sorted[i].minute <= to; i++) out.push(sorted[i]);
  return out;
}

function showDay(results, day, date) {
  const total = day.totals.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...day.totals);
  const bars = day.totals.map((t, i) =>
    el('span', {
      style: `height:${(100 * t) / max}%`,
      title: `${clockText(i * SLOT_MINUTES)}: ${number(t)} pickups`,
    }),
  );
  fill(
    results,
    el('h3', {
      id: 'playback-summary',
      text: `${number(total)} pickups on ${date}, ${number(day.pickups.length)} loaded`,
    }),
    el('div', { class: 'hours', role: 'img', 'aria-label': 'Pickups per 10 minutes over the day' }, bars),
  );
}

function clockText(minute) {
  const m = Math.floor(minute);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
