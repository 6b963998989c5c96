// chiso compare page: draws 2–5 provinces' trends in one index from /files/compare/<index>.json.
// The selection lives in the address (?index=papi&m=score&p=phu-tho&p=ha-noi) so it can be shared.
// No library: a small SVG line chart with gaps for missing years and breaks, and a table of the same numbers.
const form = document.querySelector('[data-compare]');
const output = document.querySelector('[data-compare-output]');
const errorBox = document.querySelector('[data-compare-error]');
const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00'];
const lang = form.dataset.lang;
const numberFormat = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const cache = new Map();

function el(name, attributes = {}, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (parent) parent.appendChild(node);
  return node;
}

function selectionFromForm() {
  const data = new FormData(form);
  return { index: data.get('index') || 'papi', measure: data.get('m') || 'score', units: data.getAll('p') };
}

function selectionFromUrl() {
  const params = new URLSearchParams(location.search);
  const units = params.getAll('p').flatMap((p) => p.split(',')).filter(Boolean);
  return { index: params.get('index') || 'papi', measure: params.get('m') === 'rank' ? 'rank' : 'score', units };
}

function applyToForm(selection) {
  for (const input of form.elements) {
    if (input.name === 'index') input.checked = input.value === selection.index;
    if (input.name === 'm') input.checked = input.value === selection.measure;
    if (input.name === 'p') input.checked = selection.units.includes(input.value);
  }
}

async function series(index) {
  if (!cache.has(index)) {
    const response = await fetch(form.dataset.seriesBase + encodeURIComponent(index) + '.json');
    if (!response.ok) throw new Error(response.statusText);
    cache.set(index, await response.json());
  }
  return cache.get(index);
}

function format(value, data, measure) {
  if (value === null || value === undefined) return '–';
  if (measure === 'rank') return String(value);
  return numberFormat.format(value) + (data.unit === 'percent' ? '%' : '');
}

function ticks(min, max, count) {
  const span = max - min || 1;
  const step0 = span / count;
  const power = Math.pow(10, Math.floor(Math.log10(step0)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= step0);
  const list = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) list.push(Number(v.toFixed(6)));
  return list;
}

function draw(data, selection) {
  const chosen = selection.units.map((id) => data.units.find((u) => u.id === id)).filter(Boolean);
  const key = selection.measure;
  const width = 680, height = 320, left = 52, right = 120, top = 28, bottom = 32;
  const years = data.years;
  const values = chosen.flatMap((u) => u[key]).filter((v) => v !== null);
  let lo = Math.min(...values), hi = Math.max(...values);
  if (key === 'rank') { lo = 1; hi = Math.max(...chosen.flatMap((u) => u.of).filter((v) => v !== null)); }
  else { const pad = (hi - lo) * 0.1 || 1; lo -= pad; hi += pad; }
  const x = (year) => left + (years.length === 1 ? 0.5 : (year - years[0]) / (years[years.length - 1] - years[0])) * (width - left - right);
  const y = key === 'rank'
    ? (v) => top + ((v - lo) / (hi - lo || 1)) * (height - top - bottom)
    : (v) => height - bottom - ((v - lo) / (hi - lo)) * (height - top - bottom);
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': 'compare-title', 'aria-describedby': 'compare-desc', 'font-size': 11, 'font-family': 'system-ui, sans-serif' });
  for (const t of key === 'rank' ? [1, 10, 20, 30, 40, 50, 60].filter((v) => v <= hi) : ticks(lo, hi, 5)) {
    el('line', { x1: left, x2: width - right, y1: y(t), y2: y(t), stroke: '#e4e7eb' }, svg);
    el('text', { x: left - 6, y: y(t) + 4, 'text-anchor': 'end', fill: '#52606d' }, svg).textContent = key === 'rank' ? t : numberFormat.format(t).replace(/[.,]00$/, '');
  }
  const step = years.length > 12 ? 2 : 1;
  years.forEach((year, i) => {
    if (i % step) return;
    el('text', { x: x(year), y: height - bottom + 18, 'text-anchor': 'middle', fill: '#52606d' }, svg).textContent = year;
  });
  const axisLabel = el('text', { x: left - 40, y: top - 12, fill: '#52606d' }, svg);
  axisLabel.textContent = key === 'rank' ? `↑ ${form.dataset.textRank} (1)` : `↑ ${form.dataset.textScore}`;
  for (const b of data.breaks) {
    const bx = (x(b.year - 1) + x(b.year)) / 2;
    el('line', { x1: bx, x2: bx, y1: top, y2: height - bottom, stroke: '#8a949e', 'stroke-dasharray': '4,3' }, svg);
    el('text', { x: bx, y: top - 4, 'text-anchor': 'middle', fill: '#52606d', 'font-size': 10 }, svg).textContent = form.dataset.textBreak;
  }
  const suppressing = data.breaks.filter((b) => b.suppress).map((b) => b.year);
  // End labels, nudged apart so they never overlap.
  const labels = chosen.map((u, i) => {
    const last = years.map((year, j) => [year, u[key][j]]).filter(([, v]) => v !== null).pop();
    return last ? { u, i, x: x(last[0]) + 8, y: y(last[1]) + 4 } : null;
  }).filter(Boolean).sort((a, b) => a.y - b.y);
  labels.forEach((label, k) => { if (k > 0) label.y = Math.max(label.y, labels[k - 1].y + 13); });
  chosen.forEach((u, i) => {
    const colour = COLOURS[i];
    let d = '';
    let pen = false;
    years.forEach((year, j) => {
      const v = u[key][j];
      if (v === null || suppressing.includes(year)) pen = false;
      if (v === null) return;
      d += `${pen ? 'L' : 'M'}${x(year).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    el('path', { d, fill: 'none', stroke: colour, 'stroke-width': 2 }, svg);
    years.forEach((year, j) => {
      const v = u[key][j];
      if (v === null) return;
      const cx = x(year), cy = y(v);
      const mark = i % 2 === 0 ? el('circle', { cx, cy, r: 4, fill: colour }, svg) : el('rect', { x: cx - 3.5, y: cy - 3.5, width: 7, height: 7, fill: colour }, svg);
      el('title', {}, mark).textContent = `${u[lang]}, ${year}: ${format(v, data, key)}`;
    });
  });
  for (const label of labels) el('text', { x: label.x, y: label.y, fill: COLOURS[label.i], 'font-weight': 600 }, svg).textContent = label.u[lang];
  const names = chosen.map((u) => u[lang]).join(', ');
  const measureLabel = key === 'rank' ? form.dataset.textRank : form.dataset.textScore;
  document.getElementById('compare-title').textContent = form.dataset.textTitle.replace('{index}', data.name[lang]).replace('{measure}', measureLabel).replace('{names}', names);
  document.getElementById('compare-desc').textContent = form.dataset.textDesc;
  output.querySelector('[data-compare-chart]').replaceChildren(svg);
  const legend = output.querySelector('[data-compare-legend]');
  legend.replaceChildren(...chosen.map((u, i) => {
    const li = document.createElement('li');
    const swatch = el('svg', { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': 'true', class: 'swatch' });
    if (i % 2 === 0) el('circle', { cx: 7, cy: 7, r: 5, fill: COLOURS[i] }, swatch); else el('rect', { x: 2, y: 2, width: 10, height: 10, fill: COLOURS[i] }, swatch);
    const link = document.createElement('a');
    link.href = (lang === 'vi' ? '/tinh/' : '/en/provinces/') + u.id + '/';
    link.textContent = u[lang];
    li.append(swatch, link);
    return li;
  }));
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const label of [form.dataset.textYear, ...chosen.map((u) => u[lang])]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    head.appendChild(th);
  }
  const body = table.createTBody();
  years.forEach((year, j) => {
    if (chosen.every((u) => u[key][j] === null)) return;
    const row = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = year;
    row.appendChild(th);
    for (const u of chosen) {
      const cell = row.insertCell();
      cell.className = 'num';
      cell.textContent = format(u[key][j], data, key);
    }
  });
  output.querySelector('[data-compare-table]').replaceChildren(table);
  output.hidden = false;
}

async function show(selection, updateUrl) {
  errorBox.textContent = '';
  if (selection.units.length < 2 || selection.units.length > 5) {
    output.hidden = true;
    if (updateUrl || selection.units.length) errorBox.textContent = form.dataset.textNeedTwo;
    return;
  }
  if (updateUrl) {
    const params = new URLSearchParams({ index: selection.index, m: selection.measure });
    for (const id of selection.units) params.append('p', id);
    history.pushState(null, '', `${location.pathname}?${params}`);
  }
  try {
    draw(await series(selection.index), selection);
  } catch (error) {
    errorBox.textContent = String(error.message || error);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  show(selectionFromForm(), true);
});
window.addEventListener('popstate', () => {
  const selection = selectionFromUrl();
  applyToForm(selection);
  show(selection, false);
});
const initial = selectionFromUrl();
applyToForm(initial);
show(initial, false);
