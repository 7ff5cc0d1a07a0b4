// An SVG line chart of p95 latency against dataset size (messages, log scale), one line per endpoint, with
// the issue's goals as dashed lines. No dependencies: the file is a few hundred bytes of markup per series.
import type { ScaleMeasurement } from './list-at-scale.ts';

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2'];
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function latencyChart(runs: ScaleMeasurement[], title: string): string {
  const width = 760;
  const height = 420;
  const left = 60;
  const right = 250;
  const top = 40;
  const bottom = 50;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const sizes = runs.map((r) => r.messages);
  const minX = Math.log10(Math.min(...sizes));
  const maxX = Math.log10(Math.max(...sizes));
  const goals = [
    ...new Set(runs.flatMap((r) => r.figures.map((f) => f.goalMs).filter((g): g is number => g !== undefined))),
  ];
  const highest = Math.max(...runs.flatMap((r) => r.figures.map((f) => f.latency.p95)), ...goals) * 1.05;
  const magnitude = 10 ** Math.floor(Math.log10(highest / 5));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s * 5 >= highest)!;
  const maxY = step * 5;
  const x = (messages: number) =>
    left + (maxX === minX ? plotW / 2 : ((Math.log10(messages) - minX) / (maxX - minX)) * plotW);
  const y = (ms: number) => top + plotH - (ms / maxY) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${left}" y="22" font-size="15">${escapeXml(title)}</text>`,
    `<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="#333"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" stroke="#333"/>`,
    `<text x="${left + plotW / 2}" y="${height - 12}" text-anchor="middle">messages in the dataset (log scale)</text>`,
    `<text x="16" y="${top + plotH / 2}" transform="rotate(-90 16 ${top + plotH / 2})" text-anchor="middle">p95 latency (ms)</text>`,
  ];
  for (let i = 0; i <= 5; i++) {
    const ms = (maxY / 5) * i;
    parts.push(`<line x1="${left}" y1="${y(ms)}" x2="${left + plotW}" y2="${y(ms)}" stroke="#eee"/>`);
    parts.push(`<text x="${left - 6}" y="${y(ms) + 4}" text-anchor="end">${Number(ms.toPrecision(3))}</text>`);
  }
  for (const size of sizes) {
    parts.push(
      `<text x="${x(size)}" y="${top + plotH + 18}" text-anchor="middle">${size.toLocaleString('en-US')}</text>`,
    );
  }
  for (const goal of goals) {
    parts.push(
      `<line x1="${left}" y1="${y(goal)}" x2="${left + plotW}" y2="${y(goal)}" stroke="#999" stroke-dasharray="6 4"/>`,
    );
    parts.push(`<text x="${left + plotW - 4}" y="${y(goal) - 4}" text-anchor="end" fill="#666">goal ${goal} ms</text>`);
  }
  const names = runs[0]?.figures.map((f) => f.name) ?? [];
  names.forEach((name, i) => {
    const color = COLORS[i % COLORS.length];
    const points = runs.map((r) => [x(r.messages), y(r.figures[i].latency.p95)] as const);
    parts.push(
      `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}"/>`,
    );
    for (const [px, py] of points)
      parts.push(`<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="3" fill="${color}"/>`);
    const ly = top + 10 + i * 20;
    parts.push(
      `<line x1="${left + plotW + 16}" y1="${ly}" x2="${left + plotW + 36}" y2="${ly}" stroke="${color}" stroke-width="2"/>`,
    );
    parts.push(`<text x="${left + plotW + 42}" y="${ly + 4}">${escapeXml(name.replace(/^(\w+), /, '$1: '))}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
