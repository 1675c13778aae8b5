/**
 * The report's two charts, drawn as SVG at the width they are shown (so text stays readable on a
 * phone), each with a text alternative: a short summary in `<title>`/`<desc>` and the same figures
 * as a table. Colours are never the only cue: signs on the axis, stripes, dots and labels say it too.
 */
import { html, nothing, svg } from 'lit';
import type { ServiceReport } from '../../../report/types.js';
import { people, signed, weekLabel } from '../../report-format.js';

type Distribution = ServiceReport['change']['distribution'];
type Weeks = ServiceReport['weeks'];

/** Colours: all at least 4.5:1 on white, so bars and their labels read as well as text does. */
const ACCENT = '#0f5e6e';
const WORSE = '#8a4b00';
const NEUTRAL = '#4a5560';
const GRID = '#c3ccd2';
const TEXT = '#1d2329';

/** Ticks at 1, 2, 5, 10… apart, at most five of them, reaching at least `max`. */
function ticks(max: number): number[] {
  const top = Math.max(1, max);
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].find((s) => top / s <= 4) ?? Math.ceil(top / 4);
  const out: number[] = [];
  for (let t = 0; t < top + step; t += step) out.push(t);
  return out;
}

/** Label every n-th slot so labels about `labelWidth` wide do not overlap. */
const labelEvery = (slot: number, labelWidth: number) => [1, 2, 5, 10].find((n) => n * slot >= labelWidth) ?? 20;

function yAxis(values: number[], y: (v: number) => number, left: number, right: number) {
  return values.map(
    (t) => svg`<line x1=${left} x2=${right} y1=${y(t)} y2=${y(t)} stroke=${GRID} stroke-width="1" />
      <text x=${left - 6} y=${y(t) + 4} text-anchor="end" font-size="12" fill=${TEXT}>${t}</text>`,
  );
}

export function distributionSummary(distribution: Distribution): string {
  const total = distribution.reduce((sum, d) => sum + d.count, 0);
  if (total === 0) return 'No one gave both ratings in this range.';
  const count = (test: (change: number) => boolean) => distribution.filter((d) => test(d.change)).reduce((s, d) => s + d.count, 0);
  const top = distribution.reduce((a, b) => (b.count > a.count ? b : a));
  return `${people(total)} gave both ratings: ${count((c) => c > 0)} felt better, ${count((c) => c === 0)} the same, ${count((c) => c < 0)} worse. The most common change was ${signed(top.change, 0)} (${people(top.count)}).`;
}

export function distributionChart(distribution: Distribution, width: number) {
  const height = 250;
  const m = { left: 40, right: 10, top: 30, bottom: 58 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const slot = plotW / Math.max(1, distribution.length);
  const yTicks = ticks(Math.max(0, ...distribution.map((d) => d.count)));
  const yMax = yTicks.at(-1)!;
  const y = (v: number) => m.top + plotH - (v / yMax) * plotH;
  const every = labelEvery(slot, 30);
  const base = height - m.bottom;
  return html`<svg class="chart" role="img" aria-labelledby="dist-title" aria-describedby="dist-desc" width=${width} height=${height} viewBox="0 0 ${width} ${height}">
    <title id="dist-title">Change from before to after, in points on the 0 to 10 scale</title>
    <desc id="dist-desc">${distributionSummary(distribution)}</desc>
    <text x="4" y="14" font-size="12" font-weight="600" fill=${TEXT}>People</text>
    ${yAxis(yTicks, y, m.left, width - m.right)}
    ${distribution.map((d, i) => {
      const x = m.left + i * slot;
      const colour = d.change > 0 ? ACCENT : d.change < 0 ? WORSE : NEUTRAL;
      const barH = base - y(d.count);
      return svg`${d.count > 0 ? svg`<rect x=${x + slot * 0.15} y=${y(d.count)} width=${slot * 0.7} height=${barH} fill=${colour} />` : nothing}
        ${d.count > 0 && slot >= 18 ? svg`<text x=${x + slot / 2} y=${y(d.count) - 4} text-anchor="middle" font-size="11" fill=${TEXT}>${d.count}</text>` : nothing}
        ${(d.change + 10) % every === 0 || d.change === 0
          ? svg`<text x=${x + slot / 2} y=${base + 16} text-anchor="middle" font-size="12" fill=${TEXT} font-weight=${d.change === 0 ? 700 : 400}>${signed(d.change, 0)}</text>`
          : nothing}`;
    })}
    <line x1=${m.left} x2=${width - m.right} y1=${base} y2=${base} stroke=${TEXT} stroke-width="1.5" />
    <text x=${m.left} y=${height - 14} font-size="12" fill=${WORSE} font-weight="600">← felt worse</text>
    <text x=${width - m.right} y=${height - 14} font-size="12" fill=${ACCENT} font-weight="600" text-anchor="end">felt better →</text>
  </svg>`;
}

export function distributionTable(distribution: Distribution) {
  return html`<table>
    <caption>Change from before to after: how many people</caption>
    <thead><tr><th scope="col">Change (points)</th><th scope="col">People</th></tr></thead>
    <tbody>
      ${distribution.map((d) => html`<tr><th scope="row">${signed(d.change, 0)}</th><td>${d.count}</td></tr>`)}
    </tbody>
  </table>`;
}

export function weeksSummary(weeks: Weeks): string {
  if (weeks.length === 0) return 'No weeks in this range.';
  const started = weeks.map((w) => w.started);
  const completed = weeks.map((w) => w.completed);
  const means = weeks.map((w) => w.meanChange).filter((v): v is number => v !== null);
  const span = `${weeks.length} ${weeks.length === 1 ? 'week' : 'weeks'} from the week of ${weekLabel(weeks[0]!.weekStart)}`;
  const range = (xs: number[]) => (Math.min(...xs) === Math.max(...xs) ? `${xs[0]}` : `${Math.min(...xs)} to ${Math.max(...xs)}`);
  const change = means.length ? `Mean change ranged from ${signed(Math.min(...means))} to ${signed(Math.max(...means))}.` : 'No mean change to show.';
  return `${span}. Sessions started per week: ${range(started)}; completed: ${range(completed)}. ${change}`;
}

export function weeksChart(weeks: Weeks, width: number) {
  const m = { left: 40, right: 10, top: 30 };
  const barsH = 160;
  const changeH = 80;
  const base = m.top + barsH;
  // Week labels sit under the bars; the mean-change strip below shares their columns.
  const changeTop = base + 66;
  const height = changeTop + changeH + 6;
  const changeMid = changeTop + changeH / 2;
  const plotW = width - m.left - m.right;
  const slot = plotW / Math.max(1, weeks.length);
  const yTicks = ticks(Math.max(0, ...weeks.map((w) => w.started), ...weeks.map((w) => w.completed)));
  const y = (v: number) => base - (v / yTicks.at(-1)!) * barsH;
  const scale = Math.max(1, Math.ceil(Math.max(0, ...weeks.map((w) => Math.abs(w.meanChange ?? 0)))));
  // Inset a little, so the value labels above the top dots stay inside the strip.
  const cy = (v: number) => changeMid - (v / scale) * (changeH / 2 - 10);
  const bar = Math.min(28, slot * 0.32);
  const every = labelEvery(slot, 48);
  const cx = (i: number) => m.left + i * slot + slot / 2;
  const points = weeks.map((w, i) => (w.meanChange === null ? null : { x: cx(i), y: cy(w.meanChange), v: w.meanChange }));
  const segments = points.slice(1).map((p, i) => (p && points[i] ? svg`<line x1=${points[i]!.x} y1=${points[i]!.y} x2=${p.x} y2=${p.y} stroke=${TEXT} stroke-width="1.5" />` : nothing));
  return html`<svg class="chart" role="img" aria-labelledby="weeks-title" aria-describedby="weeks-desc" width=${width} height=${height} viewBox="0 0 ${width} ${height}">
    <title id="weeks-title">Sessions started and completed, and mean change, by week</title>
    <desc id="weeks-desc">${weeksSummary(weeks)}</desc>
    <defs>
      <pattern id="stripes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#fff" /><line x1="1.5" y1="0" x2="1.5" y2="6" stroke=${ACCENT} stroke-width="3" />
      </pattern>
    </defs>
    <text x="4" y="14" font-size="12" font-weight="600" fill=${TEXT}>Sessions</text>
    ${yAxis(yTicks, y, m.left, width - m.right)}
    ${weeks.map((w, i) => {
      const mid = cx(i);
      return svg`<rect x=${mid - bar - 1} y=${y(w.started)} width=${bar} height=${base - y(w.started)} fill=${ACCENT} />
        <rect x=${mid + 1} y=${y(w.completed)} width=${bar} height=${base - y(w.completed)} fill="url(#stripes)" stroke=${ACCENT} stroke-width=${w.completed ? 1.5 : 0} />
        ${i % every === 0 ? svg`<text x=${mid} y=${base + 16} text-anchor="middle" font-size="12" fill=${TEXT}>${weekLabel(w.weekStart)}</text>` : nothing}`;
    })}
    <line x1=${m.left} x2=${width - m.right} y1=${base} y2=${base} stroke=${TEXT} stroke-width="1.5" />
    <text x="4" y=${changeTop - 16} font-size="12" font-weight="600" fill=${TEXT}>Mean change</text>
    <line x1=${m.left} x2=${width - m.right} y1=${changeMid} y2=${changeMid} stroke=${GRID} stroke-width="1" stroke-dasharray="4 3" />
    <text x=${m.left - 6} y=${changeMid + 4} text-anchor="end" font-size="12" fill=${TEXT}>0</text>
    <text x=${m.left - 6} y=${cy(scale) + 4} text-anchor="end" font-size="12" fill=${TEXT}>+${scale}</text>
    <text x=${m.left - 6} y=${cy(-scale) + 4} text-anchor="end" font-size="12" fill=${TEXT}>−${scale}</text>
    ${segments}
    ${points.map((p) =>
      p
        ? svg`<circle cx=${p.x} cy=${p.y} r="4.5" fill=${TEXT} />
          ${slot >= 40 ? svg`<text x=${p.x} y=${p.y - 9} text-anchor="middle" font-size="11" fill=${TEXT} stroke="#fff" stroke-width="4" paint-order="stroke">${signed(p.v)}</text>` : nothing}`
        : nothing,
    )}
  </svg>`;
}

export function weeksTable(weeks: Weeks) {
  return html`<table>
    <caption>Sessions and mean change by week (weeks start on Monday)</caption>
    <thead>
      <tr><th scope="col">Week of</th><th scope="col">Started</th><th scope="col">Completed</th><th scope="col">Mean change</th><th scope="col">Live chats</th></tr>
    </thead>
    <tbody>
      ${weeks.map(
        (w) => html`<tr>
          <th scope="row">${weekLabel(w.weekStart)}</th><td>${w.started}</td><td>${w.completed}</td>
          <td>${w.meanChange === null ? '—' : signed(w.meanChange)}</td><td>${w.handoffs}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

