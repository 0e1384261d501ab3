// Two points picked on the map in turn, pinned and joined; the fare and the ride request use it.

import { numberOf } from './forms.js';
import { pointPin, round } from './map.js';

const L = window.L;

/**
 * The fields `${first}.lat`, `${first}.lon`, `${second}.lat` and `${second}.lon` of `form`, pinned
 * on `layer` with `labels` (and `joined` by a dashed line). A map click fills the pair `next` (a
 * select) names and moves it on; `onDraw` runs on each redraw, `onBoth` after a click has set the
 * second point.
 */
export function twoPoints(form, next, layer, { names: [first, second], labels, joined = false, onDraw, onBoth }) {
  const f = form.elements;
  const pointOf = (name) => [numberOf(f[`${name}.lat`]), numberOf(f[`${name}.lon`])];

  const draw = () => {
    layer.clearLayers();
    onDraw?.();
    const a = pointOf(first);
    const b = pointOf(second);
    const hasA = a.every(Number.isFinite);
    const hasB = b.every(Number.isFinite);
    if (hasA) pointPin(a[0], a[1], labels[0]).addTo(layer);
    if (hasB) pointPin(b[0], b[1], labels[1]).addTo(layer);
    if (joined && hasA && hasB)
      L.polyline([a, b], { color: '#14213d', weight: 2, dashArray: '6 6', interactive: false }).addTo(layer);
  };

  for (const name of [first, second]) {
    f[`${name}.lat`].addEventListener('change', draw);
    f[`${name}.lon`].addEventListener('change', draw);
  }

  return {
    draw,
    /** Where a rider clicked: fills the point next names, then the other one. */
    onMapClick(latlng) {
      const which = next.value;
      f[`${which}.lat`].value = round(latlng.lat);
      f[`${which}.lon`].value = round(latlng.lng);
      next.value = which === first ? second : first;
      draw();
      if (which === second) onBoth();
    },
  };
}

/**
 * The controller of a panel around two points: shows `layer` (holding the points' pins) while the
 * panel is active, hands map clicks to `points`, and sends the query with `run` on submit.
 */
export function twoPointPanel(map, form, layer, points, run) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  return {
    activate() {
      layer.addTo(map);
      points.draw();
    },
    deactivate() {
      layer.remove();
    },
    onMapClick: points.onMapClick,
  };
}
