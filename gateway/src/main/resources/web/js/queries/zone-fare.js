// Zone-to-zone fare: two zone ids (typed, or picked on the Zones tab) and an optional time in; the
// count, mean and percentiles of fare and duration between the zones out.

import { query } from '../api.js';
import { numberOf, runQuery, timeOf } from '../forms.js';
import { dollars, el, fill, notices, number } from '../format.js';
import { panel, zoneFields } from '../markup.js';

export const tab = 'Zone fare';

export const markup = panel('zone-fare', {
  hint: 'Fare and duration from one taxi zone to another (pick zones on the Zones tab, or type their ids).',
  fields: `${zoneFields('zone-fare', [
    { key: 'from', name: 'fromZone', label: 'From zone', value: 161 },
    { key: 'to', name: 'toZone', label: 'To zone', value: 132 },
  ])}
    <label for="zone-fare-time">Time (empty: any time of day)</label>
    <input id="zone-fare-time" name="time" type="datetime-local" step="60">`,
  submit: 'Estimate fare',
});

export default function zoneFare() {
  const form = document.getElementById('zone-fare-form');
  const results = document.getElementById('zone-fare-results');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    runQuery(form, results, (signal) => query('zone-fare', requestOf(form), { signal }), (result) => show(result, results));
  });
  return { activate() {}, deactivate() {} };
}

function requestOf(form) {
  const f = form.elements;
  return {
    fromZone: numberOf(f.fromZone),
    toZone: numberOf(f.toZone),
    time: f.time.value ? timeOf(f.time) : undefined,
  };
}

function show(result, results) {
  const between = `${result.from.name} (${result.from.zone}) to ${result.to.name} (${result.to.zone})`;
  fill(
    results,
    el('h3', {
      id: 'zone-fare-summary',
      text: result.enough ? `Median fare ${dollars(result.fare.median)}` : 'Not enough trips for an estimate',
    }),
    el('p', { class: 'summary', id: 'zone-fare-sample', text: `${number(result.sampleSize)} trips from ${between}` }),
    result.enough
      ? el(
          'p',
          {},
          `Fare: mean ${dollars(result.meanFare)}, 10th-90th percentile ${dollars(result.fare.p10)}-${dollars(result.fare.p90)}. ` +
            `Duration: mean ${number(result.meanDurationMinutes, 1)} min, median ${number(result.durationMinutes.median, 1)} min.`,
        )
      : null,
    el('p', { text: result.message }),
    ...notices(result),
  );
}
