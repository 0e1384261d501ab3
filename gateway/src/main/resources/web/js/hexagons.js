// Outlines for heatmap cells. The API gives each cell's center only; H3 cells within a city are
// near-regular hexagons of one size and orientation, so both are measured from the centers of
// neighboring cells and every cell is drawn as that hexagon around its center.

import { metersPerDegreeLon } from './map.js';

const METERS_PER_DEGREE_LAT = 110_574;
/** Average H3 hexagon edge length per resolution, used when no two cells are neighbors. */
const H3_EDGE_METERS = { 7: 1406.5, 8: 531.4, 9: 200.8, 10: 75.9 };
const SAMPLE = 400;

/** The outline of each cell as [[lat, lon], ...], in the order of `cells`. */
export function cellOutlines(result) {
  const cells = result.cells;
  if (result.cellSystem === 'grid') {
    return cells.map((c) => square(c, result.gridCellMeters));
  }
  const nominal = Math.sqrt(3) * (H3_EDGE_METERS[result.resolution] || H3_EDGE_METERS[8]);
  const { spacing, angle } = measureLattice(cells, nominal);
  const radius = spacing / Math.sqrt(3);
  return cells.map((c) => hexagon(c, radius, angle + Math.PI / 6));
}

function square(cell, side) {
  const dLat = side / 2 / METERS_PER_DEGREE_LAT;
  const dLon = side / 2 / metersPerDegreeLon(cell.lat);
  return [
    [cell.lat - dLat, cell.lon - dLon],
    [cell.lat - dLat, cell.lon + dLon],
    [cell.lat + dLat, cell.lon + dLon],
    [cell.lat + dLat, cell.lon - dLon],
  ];
}

function hexagon(cell, radius, firstVertex) {
  const perLon = metersPerDegreeLon(cell.lat);
  const outline = [];
  for (let k = 0; k < 6; k++) {
    const a = firstVertex + (k * Math.PI) / 3;
    outline.push([
      cell.lat + (radius * Math.sin(a)) / METERS_PER_DEGREE_LAT,
      cell.lon + (radius * Math.cos(a)) / perLon,
    ]);
  }
  return outline;
}

/**
 * The distance between neighboring centers and the direction to a neighbor (modulo 60 degrees),
 * as medians over a sample of cells; the nominal spacing and 0 when no neighbors are found.
 */
export function measureLattice(cells, nominalSpacing) {
  const unique = dedupe(cells);
  if (unique.length < 2) {
    return { spacing: nominalSpacing, angle: 0 };
  }
  const lat0 = unique[0].lat;
  const perLon = metersPerDegreeLon(lat0);
  const points = unique.map((c) => ({
    x: (c.lon - unique[0].lon) * perLon,
    y: (c.lat - lat0) * METERS_PER_DEGREE_LAT,
  }));
  const reach = 1.3 * nominalSpacing;
  const buckets = bucketize(points, reach);
  const distances = [];
  let sumCos = 0;
  let sumSin = 0;
  const step = Math.max(1, Math.floor(points.length / SAMPLE));
  for (let i = 0; i < points.length; i += step) {
    const near = nearest(points[i], buckets, reach);
    if (!near || near.distance < 0.7 * nominalSpacing || near.distance > reach) continue;
    distances.push(near.distance);
    const sixfold = 6 * Math.atan2(near.dy, near.dx);
    sumCos += Math.cos(sixfold);
    sumSin += Math.sin(sixfold);
  }
  if (distances.length === 0) {
    return { spacing: nominalSpacing, angle: 0 };
  }
  distances.sort((a, b) => a - b);
  return { spacing: distances[Math.floor(distances.length / 2)], angle: Math.atan2(sumSin, sumCos) / 6 };
}

function dedupe(cells) {
  const seen = new Map();
  for (const c of cells) seen.set(c.cell, c);
  return [...seen.values()];
}

function bucketize(points, size) {
  const buckets = new Map();
  for (const p of points) {
    const key = `${Math.floor(p.x / size)}:${Math.floor(p.y / size)}`;
    if (!buckets.has(key)) buckets.set(key, []);
    buckets.get(key).push(p);
  }
  return buckets;
}

function nearest(p, buckets, size) {
  const bx = Math.floor(p.x / size);
  const by = Math.floor(p.y / size);
  let best = null;
  for (let i = bx - 1; i <= bx + 1; i++) {
    for (let j = by - 1; j <= by + 1; j++) {
      for (const q of buckets.get(`${i}:${j}`) || []) {
        if (q === p) continue;
        const dx = q.x - p.x;
        const dy = q.y - p.y;
        const distance = Math.hypot(dx, dy);
        if (!best || distance < best.distance) best = { distance, dx, dy };
      }
    }
  }
  return best;
}
