// Times `GET <url>` one request after another (a short pause between) for a while, then prints
// {"latencies": [ms...], "statuses": {code: count}} as one JSON line. It runs as its own process so that
// the flood's clients in the test process do not skew its clock.
const [url, durationMs, pauseMs = '10'] = process.argv.slice(2);
const latencies: number[] = [];
const statuses: Record<string, number> = {};
const end = Date.now() + Number(durationMs);
while (Date.now() < end) {
  const started = performance.now();
  let status = 'error';
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    await response.arrayBuffer();
    status = String(response.status);
  } catch {
    // counted as 'error'
  }
  latencies.push(performance.now() - started);
  statuses[status] = (statuses[status] ?? 0) + 1;
  await new Promise((resolve) => setTimeout(resolve, Number(pauseMs)));
}
console.log(JSON.stringify({ latencies, statuses }));
