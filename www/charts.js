// Two small inline-SVG bar charts, built with DOM calls (API data is never parsed as markup).

const SVG = 'http://www.w3.org/2000/svg';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function svgRoot(width, height, label) {
  const svg = el('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': label,
    preserveAspectRatio: 'xMidYMid meet',
  });
  svg.append(el('title', {}, label));
  return svg;
}

function empty(container, text) {
  const p = document.createElement('p');
  p.className = 'chart-empty';
  p.textContent = text;
  container.replaceChildren(p);
}

/**
 * Horizontal bars, one per entry.
 * @param {HTMLElement} container
 * @param {{label: string, value: number, className?: string}[]} entries
 */
export function renderBarChart(container, entries, { title = 'Chart' } = {}) {
  const total = entries.reduce((n, e) => n + e.value, 0);
  if (total === 0) return empty(container, 'Nothing loaded yet.');
  const width = 420;
  const row = 30;
  const labelW = 130;
  const valueW = 56;
  const height = entries.length * row + 6;
  const max = Math.max(...entries.map((e) => e.value));
  const summary = `${title}: ` + entries.map((e) => `${e.label} ${e.value}`).join(', ');
  const svg = svgRoot(width, height, summary);
  entries.forEach((e, i) => {
    const y = i * row + 4;
    const barW = max ? Math.max(e.value ? 2 : 0, ((width - labelW - valueW) * e.value) / max) : 0;
    const g = el('g', { class: `bar ${e.className ?? ''}`.trim() });
    g.append(el('title', {}, `${e.label}: ${e.value}`));
    g.append(el('text', { x: labelW - 8, y: y + row / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'label' }, e.label));
    g.append(el('rect', { x: labelW, y: y + 4, width: barW.toFixed(1), height: row - 12, rx: 3 }));
    g.append(el('text', { x: labelW + barW + 6, y: y + row / 2, 'dominant-baseline': 'middle', class: 'value' }, String(e.value)));
    svg.append(g);
  });
  container.replaceChildren(svg);
}

/**
 * Vertical bars per calendar month (UTC), every month between the first and the last present.
 * @param {HTMLElement} container
 * @param {Map<string, number>} counts  'YYYY-MM' → count
 */
export function renderMonthChart(container, counts, { title = 'Port-outs by month' } = {}) {
  const keys = [...counts.keys()].filter((k) => /^\d{4}-\d{2}$/.test(k)).sort();
  if (keys.length === 0) return empty(container, 'Nothing loaded yet.');
  const months = [];
  let [y, m] = keys[0].split('-').map(Number);
  const [ly, lm] = keys[keys.length - 1].split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push({ key, y, m, value: counts.get(key) ?? 0 });
    if (++m > 12) { m = 1; y += 1; }
  }
  const width = 420;
  const height = 190;
  const top = 14;
  const bottom = 34;
  const left = 34;
  const plotH = height - top - bottom;
  const plotW = width - left - 6;
  const slot = plotW / months.length;
  const max = Math.max(...months.map((x) => x.value));
  const step = Math.ceil(months.length / 8); // at most ~8 month labels
  const summary = `${title}: ` + months.filter((x) => x.value).map((x) => `${x.key} ${x.value}`).join(', ');
  const svg = svgRoot(width, height, summary);

  // Axis: baseline and the max value.
  svg.append(el('line', { x1: left, x2: width - 4, y1: top + plotH, y2: top + plotH, class: 'axis' }));
  svg.append(el('text', { x: left - 6, y: top + 4, 'text-anchor': 'end', class: 'tick' }, String(max)));
  svg.append(el('text', { x: left - 6, y: top + plotH, 'text-anchor': 'end', class: 'tick' }, '0'));

  months.forEach((mo, i) => {
    const h = max ? (plotH * mo.value) / max : 0;
    const x = left + i * slot;
    const g = el('g', { class: 'bar month' });
    g.append(el('title', {}, `${MONTHS[mo.m - 1]} ${mo.y}: ${mo.value}`));
    const barW = Math.max(1, Math.min(slot * 0.76, 36));
    g.append(el('rect', {
      x: (x + (slot - barW) / 2).toFixed(1), y: (top + plotH - h).toFixed(1),
      width: barW.toFixed(1), height: h.toFixed(1), rx: 2,
    }));
    svg.append(g);
    if (i % step === 0) {
      const label = mo.m === 1 || i === 0 ? `${MONTHS[mo.m - 1]} ’${String(mo.y).slice(2)}` : MONTHS[mo.m - 1];
      svg.append(el('text', { x: (x + slot / 2).toFixed(1), y: top + plotH + 16, 'text-anchor': 'middle', class: 'tick' }, label));
    }
  });
  container.replaceChildren(svg);
}
