// Wires the page: the map, one controller per query tab, the live numbers and the map settings.
// Each tab panel names its controller module (data-controller), whose default export takes the
// map and the legend: a new panel is its section in index.html plus its module, nothing here.

import { applyDefaultTimes } from './forms.js';
import { createMap, OSM_TILES, saveTileSetting, tileSetting } from './map.js';
import { setUpTabs } from './tabs.js';
import { startLivePanel } from './live.js';

async function start() {
  applyDefaultTimes(document);
  const note = document.getElementById('map-note');
  const { map, setTiles } = createMap(document.getElementById('map'), note);
  const legend = document.getElementById('legend');
  const controllers = await panelControllers(map, legend);
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

// Tab id (the panel id without "panel-") to its controller, in page order.
async function panelControllers(map, legend) {
  const controllers = {};
  for (const panel of document.querySelectorAll('[role="tabpanel"][data-controller]')) {
    const module = await import(`./${panel.dataset.controller}`);
    controllers[panel.id.replace(/^panel-/, '')] = module.default(map, legend);
  }
  return controllers;
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
