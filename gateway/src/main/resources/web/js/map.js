// The Leaflet map: tiles when reachable; when they are not, the taxi zones and boroughs from the
// gateway over a coordinate grid, so New York stays recognizable offline.

const L = window.L;

/** The area the API accepts positions in (docs/queries.md). */
export const SERVICE_AREA = { west: -74.3, south: 40.48, east: -73.65, north: 40.93 };

export const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
const TILE_SETTING = 'taxiscale.tiles';
const MIDTOWN = [40.7506, -73.9935];
const METERS_PER_DEGREE_LAT = 110_574;

/**
 * The tile URL template: the page's ?tiles= parameter, else the saved setting, else OpenStreetMap.
 * An empty value or "none" means no tiles.
 */
export function tileSetting() {
  const fromPage = new URLSearchParams(window.location.search).get('tiles');
  const chosen = fromPage ?? window.localStorage.getItem(TILE_SETTING) ?? OSM_TILES;
  return chosen === 'none' ? '' : chosen.trim();
}

export function saveTileSetting(url) {
  window.localStorage.setItem(TILE_SETTING, url.trim() === '' ? 'none' : url.trim());
}

/** Creates the map in `element`, centered on Midtown, with the grid and optional tiles. */
export function createMap(element, note) {
  const area = L.latLngBounds(
    [SERVICE_AREA.south, SERVICE_AREA.west],
    [SERVICE_AREA.north, SERVICE_AREA.east],
  );
  const map = L.map(element, {
    center: MIDTOWN,
    zoom: 13,
    minZoom: 10,
    maxZoom: 18,
    maxBounds: area.pad(0.3),
  });
  new CoordinateGrid({ zIndex: 0 }).addTo(map);
  L.rectangle(area, { color: '#5b6472', weight: 1, dashArray: '4 4', fill: false, interactive: false }).addTo(
    map,
  );
  const basemap = zoneBasemap(map, note);
  let tiles = null;
  const setTiles = (url) => {
    if (tiles) {
      map.removeLayer(tiles);
      tiles = null;
    }
    note.textContent = '';
    if (url) {
      basemap.hide();
      tiles = tileLayer(url, note, basemap).addTo(map);
    } else {
      note.textContent = 'No map tiles: drawing the taxi zones over a coordinate grid.';
      basemap.show();
    }
  };
  setTiles(tileSetting());
  return { map, setTiles };
}

function tileLayer(url, note, basemap) {
  const layer = L.tileLayer(url, {
    maxZoom: 19,
    zIndex: 1,
    attribution: url === OSM_TILES ? OSM_ATTRIBUTION : '',
  });
  layer.on('tileerror', () => {
    note.textContent = 'Map tiles could not be loaded: drawing the taxi zones over a coordinate grid.';
    basemap.show();
  });
  layer.on('tileload', () => {
    if (note.textContent.startsWith('Map tiles could not')) note.textContent = '';
    basemap.hide();
  });
  return layer;
}

/**
 * The taxi zones (thin outlines, id and name on hover) and the boroughs dissolved from them (thick
 * outlines) from GET /api/v1/zones, in a pane above the grid and below the query layers. Fetched
 * once, on first need; without loaded zones the grid alone remains.
 */
function zoneBasemap(map, note) {
  const pane = map.createPane('basemap');
  pane.style.zIndex = 250;
  let layer = null;
  let loading = null;
  let wanted = false;
  const load = () =>
    fetch('/api/v1/zones', { headers: { Accept: 'application/geo+json' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((collection) => {
        if (!collection) return;
        layer = L.geoJSON(collection, {
          pane: 'basemap',
          style: (feature) =>
            feature.properties.kind === 'borough'
              ? { color: '#3f4a5a', weight: 2.5, fill: false, interactive: false }
              : { color: '#8d98a6', weight: 0.8, fillColor: '#f7f3e6', fillOpacity: 1 },
          onEachFeature: (feature, zone) => {
            if (feature.properties.kind === 'zone') {
              const p = feature.properties;
              zone.bindTooltip(`${p.id} ${p.name} (${p.borough}, ${p.areaKm2} km²)`, { sticky: true });
            }
          },
        });
        if (wanted) layer.addTo(map);
      })
      .catch(() => {
        note.textContent += ' (taxi zones unavailable)';
      });
  return {
    show() {
      wanted = true;
      if (layer) {
        if (!map.hasLayer(layer)) layer.addTo(map);
      } else if (!loading) {
        loading = load();
      }
    },
    hide() {
      wanted = false;
      if (layer && map.hasLayer(layer)) map.removeLayer(layer);
    },
  };
}

/** Lines of longitude and latitude drawn on canvas tiles, labelled in degrees. */
const CoordinateGrid = L.GridLayer.extend({
  createTile(coords) {
    const size = this.getTileSize();
    const tile = document.createElement('canvas');
    tile.width = size.x;
    tile.height = size.y;
    const ctx = tile.getContext('2d');
    ctx.fillStyle = '#eef1f4';
    ctx.fillRect(0, 0, size.x, size.y);
    const map = this._map;
    const origin = coords.scaleBy(size);
    const nw = map.unproject(origin, coords.z);
    const se = map.unproject(origin.add(size), coords.z);
    const step = gridStep(360 / 2 ** coords.z);
    const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    ctx.strokeStyle = '#c3cad3';
    ctx.fillStyle = '#7a8491';
    ctx.font = '10px system-ui, sans-serif';
    for (let lon = Math.ceil(nw.lng / step) * step; lon <= se.lng; lon += step) {
      const x = map.project([nw.lat, lon], coords.z).x - origin.x;
      line(ctx, x, 0, x, size.y);
      if (x < size.x - 48) ctx.fillText(`${lon.toFixed(decimals)}°`, x + 2, 10);
    }
    for (let lat = Math.ceil(se.lat / step) * step; lat <= nw.lat; lat += step) {
      const y = map.project([lat, nw.lng], coords.z).y - origin.y;
      line(ctx, 0, y, size.x, y);
      if (y > 24) ctx.fillText(`${lat.toFixed(decimals)}°`, 2, y - 2);
    }
    return tile;
  },
});

function line(ctx, x1, y1, x2, y2) {
  ctx.beginPath();
  ctx.moveTo(Math.round(x1) + 0.5, Math.round(y1) + 0.5);
  ctx.lineTo(Math.round(x2) + 0.5, Math.round(y2) + 0.5);
  ctx.stroke();
}

/** About two or three lines per tile: the smallest 1-2-5 step at least a third of its width. */
function gridStep(tileDegrees) {
  const steps = [1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005, 0.0002, 0.0001];
  let chosen = steps[0];
  for (const s of steps) {
    if (s >= tileDegrees / 3) chosen = s;
  }
  return chosen;
}

/** Meters per degree of longitude at a latitude. */
export function metersPerDegreeLon(lat) {
  return METERS_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180);
}

/**
 * The visible area as an API box, cut to the service area and to `maxSideMeters` around the view's
 * center; `clipped` says whether it had to be cut.
 */
export function visibleBox(map, maxSideMeters) {
  const b = map.getBounds();
  const c = map.getCenter();
  const halfLat = maxSideMeters / 2 / METERS_PER_DEGREE_LAT;
  const halfLon = maxSideMeters / 2 / metersPerDegreeLon(c.lat);
  const cut = {
    west: Math.max(b.getWest(), c.lng - halfLon, SERVICE_AREA.west),
    south: Math.max(b.getSouth(), c.lat - halfLat, SERVICE_AREA.south),
    east: Math.min(b.getEast(), c.lng + halfLon, SERVICE_AREA.east),
    north: Math.min(b.getNorth(), c.lat + halfLat, SERVICE_AREA.north),
  };
  const clipped =
    cut.west > b.getWest() || cut.east < b.getEast() || cut.south > b.getSouth() || cut.north < b.getNorth();
  // rounded inwards, so the box never crosses the service area's edge or the size limit
  const box = {
    west: ceil6(cut.west),
    south: ceil6(cut.south),
    east: floor6(cut.east),
    north: floor6(cut.north),
  };
  return { box, clipped };
}

/** Whether a box has room inside it (false when the view lies outside the service area). */
export function isUsable(box) {
  return box.west < box.east && box.south < box.north;
}

export function boxBounds(box) {
  return L.latLngBounds([box.south, box.west], [box.north, box.east]);
}

function ceil6(value) {
  return Math.ceil(value * 1e6) / 1e6;
}

function floor6(value) {
  return Math.floor(value * 1e6) / 1e6;
}

/** Rounds a coordinate to six decimals (about 0.1 m), enough for any query. */
export function round(value) {
  return Math.round(value * 1e6) / 1e6;
}

/** A circle marker colored by trip source. */
export function sourceMarker(lat, lon, source, options = {}) {
  return L.circleMarker([lat, lon], {
    radius: 6,
    weight: 1,
    color: '#1d2430',
    fillColor: SOURCE_COLORS[source] || '#888',
    fillOpacity: 0.9,
    ...options,
  });
}

export const SOURCE_COLORS = { yellow: '#d4a300', green: '#2e8b57', fhv: '#6a3fa0' };

/** A labelled pin (A, B, or a dot) for a chosen point. */
export function pointPin(lat, lon, label) {
  return L.marker([lat, lon], {
    keyboard: false,
    icon: L.divIcon({ className: 'point-label', html: label, iconSize: [26, 26] }),
    title: label ? `Point ${label}` : 'Chosen point',
  });
}
