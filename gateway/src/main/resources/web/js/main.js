// Wires the page: the map, the tabs with one panel each, the live numbers and the map settings.
// A query type's panel is its module js/queries/<type>.js, found by the type's name in the API:
// a new query type's panel is that one file. The panels other than queries are listed here.

import { queryTypes } from './api.js';
import { applyDefaultTimes } from './forms.js';
import { el } from './format.js';
import { createMap, OSM_TILES, saveTileSetting, tileSetting } from './map.js';
import { setUpTabs } from './tabs.js';
import { startLivePanel } from './live.js';

/** The panels after the query types': tab id and module. */
const OTHER_PANELS = [
  ['ride', './ride-request.js'],
  ['playback', './playback.js'],
];

async function start() {
  const panels = await panelModules();
  addPanels(panels);
  applyDefaultTimes(document);
  const note = document.getElementById('map-note');
  const { map, setTiles } = createMap(document.getElementById('map'), note);
  const legend = document.getElementById('legend');
  // every panel's markup is on the page before any controller looks for another's fields
  const controllers = Object.fromEntries(panels.map(([id, module]) => [id, module.default(map, legend)]));
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

// Tab id and module of every panel, in tab order: the query types in the API's order, then the rest.
async function panelModules() {
  const ids = [...(await queryTypes()).map((type) => [type, `./queries/${type}.js`]), ...OTHER_PANELS];
  return Promise.all(ids.map(async ([id, path]) => [id, await import(path)]));
}

// A tab (labelled by the module's `tab`) and a panel (holding its `markup`) for each; the first shows.
function addPanels(panels) {
  const tablist = document.querySelector('[role="tablist"]');
  const after = tablist.parentElement.querySelector('.settings');
  panels.forEach(([id, module], i) => {
    const tab = el('button', {
      role: 'tab',
      id: `tab-${id}`,
      'aria-controls': `panel-${id}`,
      'aria-selected': String(i === 0),
      tabindex: i === 0 ? undefined : '-1',
      text: module.tab,
    });
    const section = el('section', {
      id: `panel-${id}`,
      role: 'tabpanel',
      'aria-labelledby': `tab-${id}`,
      tabindex: '0',
      hidden: i > 0,
    });
    section.innerHTML = module.markup;
    tablist.append(tab);
    after.before(section);
  });
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
