// The live panel: requests per second and p50/p99 latency over the last 10 s, derived every 2 s
// from the gateway's Prometheus histogram at /metrics, and the workers' consumer group from
// /workers; in direct mode queries run in the gateway's process and there is no lag.

import { getJson, getText } from './api.js';
import { number } from './format.js';

const POLL_MS = 2000;
const WINDOW_MS = 10_000;
const WAIT_METRIC = 'taxiscale_gateway_wait_seconds';

export function startLivePanel() {
  const view = {
    rate: document.getElementById('live-rate'),
    p50: document.getElementById('live-p50'),
    p99: document.getElementById('live-p99'),
    workers: document.getElementById('live-workers'),
    lag: document.getElementById('live-lag'),
    status: document.getElementById('live-status'),
  };
  const history = [];

  const poll = async () => {
    if (document.hidden) return;
    try {
      const [metrics, group] = await Promise.all([getText('/metrics'), getJson('/workers')]);
      show(view, { ...fromMetrics(metrics, history), ...fromWorkerGroup(group) });
      view.status.textContent = '';
    } catch {
      view.status.textContent = 'Live numbers unavailable';
    }
  };
  poll();
  setInterval(poll, POLL_MS);
}

function show(view, stats) {
  view.rate.textContent = stats.requestsPerSecond === undefined ? '–' : number(stats.requestsPerSecond, 1);
  view.p50.textContent = latency(stats.latencyMs?.p50);
  view.p99.textContent = latency(stats.latencyMs?.p99);
  view.workers.textContent = stats.workers ?? '–';
  view.lag.textContent =
    typeof stats.consumerLag === 'number' ? number(stats.consumerLag) : (stats.consumerLag ?? '–');
  const note = stats.note ?? '';
  view.workers.title = stats.workers === undefined ? 'not reported by the gateway' : note;
  view.lag.title = stats.consumerLag === undefined ? 'not reported by the gateway' : note;
}

/** Workers and lag from the gateway's /workers answer; see WorkerGroupStatus. */
function fromWorkerGroup(group) {
  switch (group?.status) {
    case 'in-process':
      return { workers: 'in-process', consumerLag: 'none' };
    case 'live':
      return {
        workers: group.workers,
        consumerLag: group.consumerLag,
        note: group.members.map((m) => `${m.clientId}: ${m.partitions} partitions`).join('\n'),
      };
    case 'stale':
      return { workers: 'stale', consumerLag: 'stale', note: `Kafka last read at ${group.readAt}` };
    case 'unknown':
      return { workers: 'unknown', consumerLag: 'unknown', note: 'Kafka has not answered yet' };
    default:
      return {};
  }
}

function latency(ms) {
  if (ms === undefined || ms === null) return '–';
  return ms < 10 ? `${number(ms, 1)} ms` : `${number(ms)} ms`;
}

/** Rate and percentiles over the last 10 s from the gateway's Prometheus histogram. */
function fromMetrics(text, history) {
  const now = Date.now();
  history.push({ at: now, ...histogramOf(text || '') });
  while (history.length > 2 && now - history[1].at >= WINDOW_MS) history.shift();
  if (history.length < 2) return {};
  const first = history[0];
  const last = history[history.length - 1];
  const count = last.count - first.count;
  const seconds = (last.at - first.at) / 1000;
  const buckets = [...last.buckets.entries()].map(([le, n]) => [le, n - (first.buckets.get(le) || 0)]);
  buckets.sort((a, b) => a[0] - b[0]);
  return {
    requestsPerSecond: count / seconds,
    latencyMs:
      count > 0
        ? { p50: 1000 * quantile(buckets, count, 0.5), p99: 1000 * quantile(buckets, count, 0.99) }
        : {},
  };
}

/** The wait histogram summed over all queries and statuses: total count and cumulative buckets. */
export function histogramOf(text) {
  const buckets = new Map();
  let count = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(WAIT_METRIC)) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (line.startsWith(`${WAIT_METRIC}_count`)) {
      count += value;
    } else if (line.startsWith(`${WAIT_METRIC}_bucket`)) {
      const le = /le="([^"]+)"/.exec(line)?.[1];
      const bound = le === '+Inf' ? Infinity : Number(le);
      buckets.set(bound, (buckets.get(bound) || 0) + value);
    }
  }
  return { count, buckets };
}

/** Linear interpolation within the cumulative bucket that holds the q-quantile. */
function quantile(buckets, count, q) {
  const rank = q * count;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const [le, cumulative] of buckets) {
    if (cumulative >= rank) {
      if (le === Infinity) return lowerBound;
      const inBucket = cumulative - lowerCount;
      return inBucket > 0 ? lowerBound + ((le - lowerBound) * (rank - lowerCount)) / inBucket : le;
    }
    lowerBound = le;
    lowerCount = cumulative;
  }
  return lowerBound;
}
