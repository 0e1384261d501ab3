// A box on the map bound to four inputs: draw it with the mouse, drag its corners, or type it.

import { boxBounds, round } from './map.js';

const L = window.L;

export function boxTool(map, layer, inputs, drawButton) {
  const rectangle = L.rectangle(
    [
      [0, 0],
      [0, 0],
    ],
    { color: '#1f5fbf', weight: 2, fillOpacity: 0.05 },
  );
  const handle = () =>
    L.marker([0, 0], {
      draggable: true,
      keyboard: false,
      icon: L.divIcon({ className: 'corner-handle', iconSize: [12, 12] }),
    });
  const southWest = handle();
  const northEast = handle();

  const read = () => ({
    west: Number(inputs.west.value),
    south: Number(inputs.south.value),
    east: Number(inputs.east.value),
    north: Number(inputs.north.value),
  });
  const write = (box) => {
    for (const side of ['west', 'south', 'east', 'north']) inputs[side].value = round(box[side]);
    redraw();
  };
  const redraw = () => {
    const box = read();
    if (![box.west, box.south, box.east, box.north].every(Number.isFinite)) return;
    rectangle.setBounds(boxBounds(box));
    southWest.setLatLng([box.south, box.west]);
    northEast.setLatLng([box.north, box.east]);
    for (const l of [rectangle, southWest, northEast]) if (!layer.hasLayer(l)) l.addTo(layer);
  };
  const fromCorners = () => {
    const a = southWest.getLatLng();
    const b = northEast.getLatLng();
    write(ordered(a, b));
  };
  southWest.on('drag', fromCorners);
  northEast.on('drag', fromCorners);
  for (const input of Object.values(inputs)) input.addEventListener('change', redraw);

  let drawing = false;
  let start = null;
  const setDrawing = (on) => {
    drawing = on;
    drawButton.setAttribute('aria-pressed', String(on));
    map.getContainer().style.cursor = on ? 'crosshair' : '';
    if (on) map.dragging.disable();
    else map.dragging.enable();
  };
  drawButton.addEventListener('click', () => setDrawing(!drawing));
  map.on('mousedown', (e) => {
    if (drawing) start = e.latlng;
  });
  map.on('mousemove', (e) => {
    if (drawing && start) write(ordered(start, e.latlng));
  });
  map.on('mouseup', (e) => {
    if (drawing && start) {
      write(ordered(start, e.latlng));
      start = null;
      setDrawing(false);
    }
  });

  return { read, write, redraw, stopDrawing: () => drawing && setDrawing(false) };
}

function ordered(a, b) {
  return {
    west: Math.min(a.lng, b.lng),
    east: Math.max(a.lng, b.lng),
    south: Math.min(a.lat, b.lat),
    north: Math.max(a.lat, b.lat),
  };
}
