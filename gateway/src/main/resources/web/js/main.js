// Wires the page: the map, one controller per query tab, the live numbers and the map settings.

import { applyDefaultTimes } from './forms.js';
import { createMap, OSM_TILES, saveTileSetting, tileSetting } from './map.js';
import { setUpTabs } from './tabs.js';
import { nearbyCabs } from './nearby.js';
import { rideSearch } from './ride-search.js';
import { heatmap } from './heatmap.js';
import { fareEstimate } from './fare.js';
import { rideRequest } from './ride-request.js';
import { playback } from './playback.js';
import { startLivePanel } from './live.js';

function start() {
  applyDefaultTimes(document);
  const note = document.getElementById('map-note');
  const { map, setTiles } = createMap(document.getElementById('map'), note);
  const legend = document.getElementById('legend');
  const controllers = {
    nearby: nearbyCabs(map),
    rides: rideSearch(map),
    heatmap: heatmap(map, legend),
    fare: fareEstimate(map),
    ride: rideRequest(map),
    playback: playback(map),
  };
  let active = null;
  setUpTabs(document.querySelector('[role="tablist"]'), (id) => {
    if (active) active.deactivate();
    active = controllers[id];
    active.activate();
    document.body.dataset.mode = id;
  });
  map.on('click', (event) => active && active.onMapClick && active.onMapClick(event.latlng));
  setUpSettings(setTiles);
  startLivePanel();
  document.body.dataset.ready = 'true';
}

function setUpSettings(setTiles) {
  const form = document.getElementById('settings-form');
  const input = document.getElementById('settings-tiles');
  input.value = tileSetting();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    saveTileSetting(input.value);
    setTiles(input.value.trim());
  });
  document.getElementById('settings-reset').addEventListener('click', () => {
    input.value = OSM_TILES;
    saveTileSetting(OSM_TILES);
    setTiles(OSM_TILES);
  });
}

// Leaflet is loaded by a deferred classic script, which runs before deferred module scripts.
start();
