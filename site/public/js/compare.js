// chiso compare page: draws 2–5 provinces' trends in one index from /files/compare/<index>.json.
// The selection lives in the address (?index=papi&m=score&p=phu-tho&p=ha-noi) so it can be shared, embedded
// (/so-sanh/nhung/?…) and carried to the other language. No library: a small SVG line chart drawn for the width it
// gets, with each province's fixed colour and marker (from the series file), breaks by kind, a table of every year,
// downloads of what is shown, a permalink and an embed snippet.
const root = document.querySelector('[data-compare]');
const form = document.querySelector('[data-compare-form]');
const output = root.querySelector('[data-compare-output]');
const errorBox = root.querySelector('[data-compare-error]');
const select = form?.querySelector('[data-province-select]');
const SVG = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
const BAND = '#d5dae0';
const MUTED = '#8a949e';
const lang = root.dataset.lang;
const numberFormat = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const tickFormat = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
const cache = new Map();
let shown = null; // { data, selection, chosen } of the chart on screen

const text = (key, values = {}) =>
  (root.dataset['text' + key[0].toUpperCase() + key.slice(1)] || '').replace(/\{(\w+)\}/g, (_, k) => values[k] ?? '');

function el(name, attributes = {}, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (parent) parent.appendChild(node);
  return node;
}

const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();

// ---- The province picker: the multiple select stays the source of truth (FormData reads it); the script shows a
// typeahead (a datalist) and one chip per chosen province instead of the long list.
function chosenIds() {
  return select ? [...select.selectedOptions].map((o) => o.value) : [];
}

function renderChips() {
  const chips = form.querySelector('[data-chips]');
  chips.replaceChildren(
    ...[...select.selectedOptions].map((option) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'chip';
      button.setAttribute('aria-label', text('remove', { name: option.textContent }));
      button.append(
        option.textContent,
        Object.assign(document.createElement('span'), { textContent: ' ×', ariaHidden: 'true' }),
      );
      button.addEventListener('click', () => {
        option.selected = false;
        renderChips();
        form.querySelector('[data-typeahead]').focus();
      });
      li.appendChild(button);
      return li;
    }),
  );
}

function enhancePicker() {
  if (!select) return;
  const picker = form.querySelector('[data-picker]');
  const input = Object.assign(document.createElement('input'), {
    type: 'text',
    id: 'compare-typeahead',
    autocomplete: 'off',
  });
  input.setAttribute('list', 'compare-names');
  input.setAttribute('data-typeahead', '');
  const label = Object.assign(document.createElement('label'), {
    htmlFor: 'compare-typeahead',
    className: 'visually-hidden',
    textContent: form.querySelector('[data-picker]').closest('fieldset').querySelector('legend').textContent,
  });
  const list = Object.assign(document.createElement('datalist'), { id: 'compare-names' });
  for (const option of select.options)
    list.appendChild(Object.assign(document.createElement('option'), { value: option.textContent }));
  const chips = Object.assign(document.createElement('ul'), { className: 'chips' });
  chips.setAttribute('data-chips', '');
  chips.setAttribute('aria-live', 'polite');
  const hint = Object.assign(document.createElement('p'), { className: 'error picker-error' });
  hint.setAttribute('role', 'alert');
  const pick = () => {
    const wanted = fold(input.value);
    if (!wanted) return false;
    const option = [...select.options].find(
      (o) => fold(o.textContent) === wanted || fold(o.dataset.ascii || '') === wanted,
    );
    if (!option) return false;
    hint.textContent = '';
    if (!option.selected && chosenIds().length >= 5) {
      hint.textContent = text('tooMany');
      return true;
    }
    option.selected = true;
    input.value = '';
    renderChips();
    return true;
  };
  input.addEventListener('input', () => {
    if ([...list.options].some((o) => o.value === input.value)) pick();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !input.value.trim()) return;
    event.preventDefault();
    if (!pick()) hint.textContent = text('unknown', { name: input.value.trim() });
  });
  select.hidden = true;
  picker.append(chips, label, input, list, hint);
  renderChips();
}

// ---- The selection
function selectionFromForm() {
  const data = new FormData(form);
  return { index: data.get('index') || 'papi', measure: data.get('m') || 'score', units: data.getAll('p') };
}

function selectionFromUrl() {
  const params = new URLSearchParams(location.search);
  const units = params
    .getAll('p')
    .flatMap((p) => p.split(','))
    .filter(Boolean);
  return { index: params.get('index') || 'papi', measure: params.get('m') === 'rank' ? 'rank' : 'score', units };
}

function query(selection) {
  const params = new URLSearchParams({ index: selection.index, m: selection.measure });
  for (const id of selection.units) params.append('p', id);
  return params.toString();
}

function applyToForm(selection) {
  if (!form) return;
  for (const input of form.elements) {
    if (input.name === 'index') input.checked = input.value === selection.index;
    if (input.name === 'm') input.checked = input.value === selection.measure;
  }
  if (select) for (const option of select.options) option.selected = selection.units.includes(option.value);
  if (form.querySelector('[data-chips]')) renderChips();
}

async function series(index) {
  if (!cache.has(index)) {
    const response = await fetch(root.dataset.seriesBase + encodeURIComponent(index) + '.json');
    if (!response.ok) throw new Error(response.statusText);
    cache.set(index, await response.json());
  }
  return cache.get(index);
}

function format(value, data, measure) {
  if (value === null || value === undefined) return text('missing');
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

const marker = (u, cx, cy, parent, scale = 1) =>
  el(
    'path',
    { d: u.symbol, transform: `translate(${cx.toFixed(1)},${cy.toFixed(1)}) scale(${scale})`, fill: u.colour },
    parent,
  );

/** The chart as an SVG drawn for `width` pixels: on a phone fewer ticks and no end labels (the legend names the lines). */
function chartSvg(data, selection, chosen, width) {
  const key = selection.measure;
  const narrow = width < 520;
  const height = narrow ? 260 : 320;
  const left = 48,
    right = narrow ? 14 : 120,
    top = 30,
    bottom = 32;
  const years = data.years;
  const values = chosen.flatMap((u) => u[key]).filter((v) => v !== null);
  let lo = Math.min(...values),
    hi = Math.max(...values);
  if (key === 'rank') {
    lo = 1;
    hi = Math.max(...chosen.flatMap((u) => u.of).filter((v) => v !== null));
  } else {
    const pad = (hi - lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const x = (year) =>
    left +
    (years.length === 1 ? 0.5 : (year - years[0]) / (years[years.length - 1] - years[0])) * (width - left - right);
  const y =
    key === 'rank'
      ? (v) => top + ((v - lo) / (hi - lo || 1)) * (height - top - bottom)
      : (v) => height - bottom - ((v - lo) / (hi - lo)) * (height - top - bottom);
  const svg = el('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-labelledby': 'compare-title',
    'aria-describedby': 'compare-desc',
    'font-size': 12,
    'font-family': FONT,
  });
  for (const b of data.breaks.filter((b) => b.suppress)) {
    el(
      'rect',
      {
        x: x(b.year - 1),
        width: x(b.year) - x(b.year - 1),
        y: top,
        height: height - top - bottom,
        fill: BAND,
        'fill-opacity': 0.6,
      },
      svg,
    );
  }
  for (const b of data.breaks.filter((b) => !b.suppress)) {
    const bx = (x(b.year - 1) + x(b.year)) / 2;
    el(
      'line',
      { x1: bx, x2: bx, y1: top, y2: height - bottom, stroke: MUTED, 'stroke-width': 1, 'stroke-opacity': 0.45 },
      svg,
    );
  }
  const rankTicks = (narrow ? [1, 20, 40, 60] : [1, 10, 20, 30, 40, 50, 60]).filter((v) => v <= hi);
  for (const t of key === 'rank' ? rankTicks : ticks(lo, hi, narrow ? 4 : 5)) {
    el('line', { x1: left, x2: width - right, y1: y(t), y2: y(t), stroke: '#e4e7eb' }, svg);
    el('text', { x: left - 6, y: y(t) + 4, 'text-anchor': 'end', fill: '#52606d' }, svg).textContent =
      key === 'rank' ? t : tickFormat.format(t);
  }
  const step = narrow ? (years.length > 10 ? 4 : years.length > 5 ? 2 : 1) : years.length > 12 ? 2 : 1;
  years.forEach((year, i) => {
    if (i % step) return;
    el('text', { x: x(year), y: height - bottom + 18, 'text-anchor': 'middle', fill: '#52606d' }, svg).textContent =
      year;
  });
  el('text', { x: 4, y: top - 14, fill: '#52606d' }, svg).textContent =
    key === 'rank' ? `↑ ${text('rank')} (1)` : `↑ ${data.unit === 'percent' ? '%' : text('score')}`;
  const suppressing = data.breaks.filter((b) => b.suppress).map((b) => b.year);
  for (const u of chosen) {
    let d = '';
    let pen = false;
    years.forEach((year, j) => {
      const v = u[key][j];
      if (v === null || suppressing.includes(year)) pen = false;
      if (v === null) return;
      d += `${pen ? 'L' : 'M'}${x(year).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    el('path', { d, fill: 'none', stroke: u.colour, 'stroke-width': 2 }, svg);
    years.forEach((year, j) => {
      const v = u[key][j];
      if (v === null) return;
      el('title', {}, marker(u, x(year), y(v), svg)).textContent = `${u[lang]}, ${year}: ${format(v, data, key)}`;
    });
  }
  if (!narrow) {
    // End labels, nudged apart so they never overlap.
    const labels = chosen
      .map((u) => {
        const last = years
          .map((year, j) => [year, u[key][j]])
          .filter(([, v]) => v !== null)
          .pop();
        return last ? { u, x: x(last[0]) + 9, y: y(last[1]) + 4 } : null;
      })
      .filter(Boolean)
      .sort((a, b) => a.y - b.y);
    labels.forEach((label, k) => {
      if (k > 0) label.y = Math.max(label.y, labels[k - 1].y + 14);
    });
    for (const label of labels)
      el('text', { x: label.x, y: label.y, fill: label.u.colour, 'font-weight': 600 }, svg).textContent = label.u[lang];
  }
  return svg;
}

function legendItems(data, chosen) {
  return [
    ...chosen.map((u) => ({
      label: u[lang],
      draw: (s) => marker(u, 7, 7, s, 1.2),
      href: (lang === 'vi' ? '/tinh/' : '/en/provinces/') + u.id + '/',
    })),
    ...(data.breaks.some((b) => b.suppress)
      ? [{ label: text('notComparable'), draw: (s) => el('rect', { x: 3, y: 0, width: 8, height: 14, fill: BAND }, s) }]
      : []),
    ...(data.breaks.some((b) => !b.suppress)
      ? [
          {
            label: text('caution'),
            draw: (s) => el('line', { x1: 7, x2: 7, y1: 0, y2: 14, stroke: MUTED, 'stroke-width': 1 }, s),
          },
        ]
      : []),
  ];
}

function titleOf(data, selection, chosen) {
  const measureLabel = selection.measure === 'rank' ? text('rank') : text('score');
  return text('title', { index: data.name[lang], measure: measureLabel, names: chosen.map((u) => u[lang]).join(', ') });
}

const sourceOf = (data) => text('source', { publisher: data.publisher[lang] });

function draw(data, selection) {
  const known = new Map(data.units.map((u) => [u.id, u]));
  const key = selection.measure;
  const chosen = selection.units.map((id) => known.get(id)).filter((u) => u && u[key].some((v) => v !== null));
  const missing = selection.units.filter((id) => !chosen.some((u) => u.id === id));
  const missingBox = root.querySelector('[data-compare-missing]');
  const nameOf = (id) =>
    known.get(id)?.[lang] ?? [...(select?.options ?? [])].find((o) => o.value === id)?.textContent ?? id;
  missingBox.hidden = missing.length === 0;
  missingBox.textContent = missing.length
    ? text('cannotPlot', { names: missing.map(nameOf).join(', '), index: data.name[lang] })
    : '';
  if (!chosen.length) {
    output.querySelector('[data-compare-chart]').replaceChildren();
    output.hidden = false;
    shown = null;
    return;
  }
  const box = output.querySelector('[data-compare-chart]');
  output.hidden = false;
  const width = Math.max(300, Math.min(900, Math.floor(box.clientWidth || root.clientWidth || 680)));
  box.replaceChildren(chartSvg(data, selection, chosen, width));
  document.getElementById('compare-title').textContent = titleOf(data, selection, chosen);
  document.getElementById('compare-desc').textContent = text('desc');
  const legend = output.querySelector('[data-compare-legend]');
  legend.replaceChildren(
    ...legendItems(data, chosen).map((item) => {
      const li = document.createElement('li');
      const swatch = el('svg', { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': 'true', class: 'swatch' });
      item.draw(swatch);
      const label = item.href
        ? Object.assign(document.createElement('a'), { href: item.href, textContent: item.label })
        : document.createTextNode(item.label);
      if (root.dataset.embed !== undefined && item.href) label.target = '_top';
      li.append(swatch, label);
      return li;
    }),
  );
  const sourceLine = root.querySelector('[data-compare-source]');
  if (sourceLine) sourceLine.textContent = sourceOf(data);
  const open = root.querySelector('[data-compare-open]');
  if (open) open.href = `${root.dataset.pageBase}?${query(selection)}`;
  const tableBox = output.querySelector('[data-compare-table]');
  if (tableBox) tableBox.replaceChildren(dataTable(data, selection, chosen));
  shown = { data, selection, chosen };
  const permalink = root.querySelector('[data-compare-permalink]');
  if (permalink) {
    permalink.value = `${root.dataset.pageBase}?${query(selection)}`;
    const title = titleOf(data, selection, chosen).replace(/"/g, '&quot;');
    root.querySelector('[data-compare-embed]').value =
      `<iframe src="${root.dataset.embedBase}?${query(selection)}" title="${title}" width="100%" height="520" loading="lazy" style="border:0"></iframe>`;
  }
}

/** Every year of the range, one column per province; a year without a figure says so. */
function peopleRows(data, selection, chosen) {
  const key = selection.measure;
  return data.years.map((year, j) => [
    year,
    ...chosen.map((u) => (u[key][j] === null ? null : key === 'rank' ? `${u.rank[j]}/${u.of[j]}` : u[key][j])),
  ]);
}

function dataTable(data, selection, chosen) {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const label of [text('year'), ...chosen.map((u) => u[lang])]) {
    head.appendChild(Object.assign(document.createElement('th'), { scope: 'col', textContent: label }));
  }
  const body = table.createTBody();
  for (const [year, ...cells] of peopleRows(data, selection, chosen)) {
    const row = body.insertRow();
    row.appendChild(Object.assign(document.createElement('th'), { scope: 'row', textContent: year }));
    for (const value of cells) {
      const cell = row.insertCell();
      cell.className = value === null ? 'mark' : 'num';
      cell.textContent =
        value === null ? text('missing') : typeof value === 'number' ? format(value, data, 'score') : value;
    }
  }
  return table;
}

// ---- Downloads of what is shown
const csvField = (value) => {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (rows) => rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';

function save(name, blob) {
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

const fileBase = ({ data, selection, chosen }) =>
  `chiso-${data.index}-${selection.measure}-${chosen.map((u) => u.id).join('-')}`;

/** The chart with its title above and the legend, source and credit below, so the file stands on its own. */
function framedSvg({ data, selection, chosen }) {
  const width = 760;
  const chart = chartSvg(data, selection, chosen, width - 32);
  const chartHeight = Number(chart.getAttribute('height'));
  const items = legendItems(data, chosen);
  const svg = el('svg', { xmlns: SVG, width, height: 0, viewBox: '', 'font-family': FONT, 'font-size': 12 });
  el('rect', { width: '100%', height: '100%', fill: '#ffffff' }, svg);
  el('text', { x: 16, y: 30, 'font-size': 18, 'font-weight': 700, fill: '#1f2933' }, svg).textContent = titleOf(
    data,
    selection,
    chosen,
  );
  el('text', { x: 16, y: 50, fill: '#52606d' }, svg).textContent = text('desc');
  chart.setAttribute('x', 16);
  chart.setAttribute('y', 60);
  chart.removeAttribute('role');
  svg.appendChild(chart);
  let lx = 16,
    ly = 60 + chartHeight + 20;
  for (const item of items) {
    const w = 26 + item.label.length * 7;
    if (lx + w > width - 16) {
      lx = 16;
      ly += 20;
    }
    const g = el('g', { transform: `translate(${lx},${ly - 11})` }, svg);
    item.draw(g);
    el('text', { x: lx + 20, y: ly, fill: '#1f2933' }, svg).textContent = item.label;
    lx += w;
  }
  const footer = ly + 28;
  el('text', { x: 16, y: footer, fill: '#52606d' }, svg).textContent = sourceOf(data);
  el('text', { x: 16, y: footer + 18, fill: '#52606d' }, svg).textContent =
    `${root.dataset.pageBase}?${query(selection)}`;
  const height = footer + 32;
  svg.setAttribute('height', height);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
}

const downloads = {
  people: (s) =>
    save(
      `${fileBase(s)}.csv`,
      new Blob(
        [
          '\ufeff' +
            csv([[text('year'), ...s.chosen.map((u) => u[lang])], ...peopleRows(s.data, s.selection, s.chosen)]),
        ],
        { type: 'text/csv;charset=utf-8' },
      ),
    ),
  tidy: (s) =>
    save(
      `${fileBase(s)}-tidy.csv`,
      new Blob(
        [
          csv([
            ['index', 'unit_id', 'unit_name_vi', 'unit_name_en', 'year', 'value', 'rank', 'rank_of'],
            ...s.chosen.flatMap((u) =>
              s.data.years.map((year, j) => [s.data.index, u.id, u.vi, u.en, year, u.score[j], u.rank[j], u.of[j]]),
            ),
          ]),
        ],
        { type: 'text/csv;charset=utf-8' },
      ),
    ),
  svg: (s) => save(`${fileBase(s)}.svg`, new Blob([framedSvg(s)], { type: 'image/svg+xml' })),
  png: (s) => {
    const url = URL.createObjectURL(new Blob([framedSvg(s)], { type: 'image/svg+xml' }));
    const image = new Image();
    image.onload = () => {
      const canvas = Object.assign(document.createElement('canvas'), {
        width: image.naturalWidth * 2,
        height: image.naturalHeight * 2,
      });
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((png) => save(`${fileBase(s)}.png`, png), 'image/png');
    };
    image.src = url;
  },
};

for (const button of root.querySelectorAll('[data-compare-download]')) {
  button.addEventListener('click', () => {
    if (shown) downloads[button.dataset.compareDownload](shown);
  });
}
for (const button of root.querySelectorAll('[data-copy-field]')) {
  if (!navigator.clipboard) {
    button.hidden = true;
    continue;
  }
  const label = button.textContent;
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(document.getElementById(button.dataset.copyField).value).then(() => {
      button.textContent = text('copied');
      setTimeout(() => {
        button.textContent = label;
      }, 2000);
    });
  });
}

async function show(selection, updateUrl) {
  errorBox.textContent = '';
  if (selection.units.length < 2 || selection.units.length > 5) {
    output.hidden = true;
    if (updateUrl || selection.units.length) errorBox.textContent = text('needTwo');
    return;
  }
  if (updateUrl) history.pushState(null, '', `${location.pathname}?${query(selection)}`);
  try {
    draw(await series(selection.index), selection);
  } catch (error) {
    errorBox.textContent = String(error.message || error);
  }
}

enhancePicker();
form?.addEventListener('submit', (event) => {
  event.preventDefault();
  show(selectionFromForm(), true);
});
window.addEventListener('popstate', () => {
  const selection = selectionFromUrl();
  applyToForm(selection);
  show(selection, false);
});
let resizeTimer;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (shown) draw(shown.data, shown.selection);
  }, 200);
});
const initial = selectionFromUrl();
applyToForm(initial);
show(initial, false);
