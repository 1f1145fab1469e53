/**
 * The scale curve as a small SVG: one panel per figure (each has its own
 * unit), the library size on a log axis. Plain SVG written out: the chart is
 * a handful of points and needs no DOM.
 */
import type { SizeResult } from './scale';

interface Panel {
  title: string;
  unit: string;
  series: Array<{ name: string; color: string; value: (r: SizeResult) => number | undefined }>;
}

const PANELS: Panel[] = [
  {
    title: 'search (bench queries, with facets)',
    unit: 'ms',
    series: [
      { name: 'p50', color: '#1f77b4', value: (r) => r.query?.wall.p50 },
      { name: 'p95', color: '#ff7f0e', value: (r) => r.query?.wall.p95 },
      { name: 'p99', color: '#d62728', value: (r) => r.query?.wall.p99 },
      { name: 'CPU p50', color: '#2ca02c', value: (r) => r.query?.cpu.p50 },
    ],
  },
  {
    title: 'open → first answer',
    unit: 'ms',
    series: [
      { name: 'wall', color: '#1f77b4', value: (r) => r.query?.firstAnswerMs },
      { name: 'CPU', color: '#2ca02c', value: (r) => r.query?.openCpuMs },
    ],
  },
  {
    title: 'import rate',
    unit: 'articles/s',
    series: [
      {
        name: 'wall',
        color: '#1f77b4',
        value: (r) => (r.build ? r.build.total / (r.build.realSeconds + r.build.variantSeconds) : undefined),
      },
      { name: 'per CPU s', color: '#2ca02c', value: (r) => (r.build ? r.build.total / r.build.cpuSeconds : undefined) },
    ],
  },
  {
    title: 'stories: 1,000 new articles placed',
    unit: 's',
    series: [
      { name: 'wall', color: '#1f77b4', value: (r) => r.clusterIncremental?.seconds },
      { name: 'CPU', color: '#2ca02c', value: (r) => r.clusterIncremental?.cpuSeconds },
    ],
  },
  {
    title: 'peak RSS',
    unit: 'MB',
    series: [
      { name: 'import', color: '#1f77b4', value: (r) => r.build?.peakRssMb },
      { name: 'queries', color: '#ff7f0e', value: (r) => r.query?.peakRssMb },
      { name: 'clustering', color: '#2ca02c', value: (r) => r.clusterFull?.peakRssMb },
    ],
  },
  {
    title: 'library file',
    unit: 'MB',
    series: [{ name: 'file', color: '#1f77b4', value: (r) => r.build?.fileMb }],
  },
];

const W = 300;
const H = 190;
const PAD = { left: 52, right: 12, top: 28, bottom: 34 };
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const label = (n: number): string =>
  n >= 1e6
    ? `${+(n / 1e6).toFixed(1)}M`
    : n >= 1e3
      ? `${+(n / 1e3).toFixed(1)}k`
      : n >= 10
        ? n.toFixed(0)
        : n.toFixed(1);

function panel(p: Panel, results: readonly SizeResult[], x0: number, y0: number): string {
  const sizes = results.map((r) => r.size);
  const values = p.series.flatMap((s) => results.map(s.value)).filter((v): v is number => v !== undefined);
  const top = Math.max(1e-9, ...values) * 1.1;
  const lx = (n: number) => Math.log10(n);
  const [minX, maxX] = [lx(Math.min(...sizes)), lx(Math.max(...sizes))];
  const px = (n: number) =>
    x0 + PAD.left + (maxX === minX ? 0.5 : (lx(n) - minX) / (maxX - minX)) * (W - PAD.left - PAD.right);
  const py = (v: number) => y0 + H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom);
  const out: string[] = [
    `<text x="${x0 + PAD.left}" y="${y0 + 16}" font-weight="bold">${esc(p.title)} (${esc(p.unit)})</text>`,
    `<line x1="${x0 + PAD.left}" y1="${py(0)}" x2="${x0 + W - PAD.right}" y2="${py(0)}" stroke="#888"/>`,
    `<line x1="${x0 + PAD.left}" y1="${py(0)}" x2="${x0 + PAD.left}" y2="${py(top)}" stroke="#888"/>`,
  ];
  for (const f of [0, 0.5, 1]) {
    const v = (top / 1.1) * f;
    out.push(`<text x="${x0 + PAD.left - 4}" y="${py(v) + 4}" text-anchor="end">${label(v)}</text>`);
  }
  for (const n of sizes)
    out.push(`<text x="${px(n)}" y="${y0 + H - PAD.bottom + 14}" text-anchor="middle">${label(n)}</text>`);
  p.series.forEach((s, k) => {
    const points = results
      .map((r) => [r.size, s.value(r)] as const)
      .filter((pt): pt is readonly [number, number] => pt[1] !== undefined);
    if (points.length > 1)
      out.push(
        `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${points.map(([n, v]) => `${px(n).toFixed(1)},${py(v).toFixed(1)}`).join(' ')}"/>`,
      );
    for (const [n, v] of points) out.push(`<circle cx="${px(n)}" cy="${py(v)}" r="3" fill="${s.color}"/>`);
    out.push(`<text x="${x0 + PAD.left + 8 + k * 62}" y="${y0 + H - 6}" fill="${s.color}">■ ${esc(s.name)}</text>`);
  });
  return out.join('\n');
}

export function scaleChart(results: readonly SizeResult[]): string {
  const cols = 3;
  const rows = Math.ceil(PANELS.length / cols);
  const body = PANELS.map((p, i) => panel(p, results, (i % cols) * W, Math.floor(i / cols) * H)).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${cols * W}" height="${rows * H}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="white"/>
${body}
</svg>
`;
}
