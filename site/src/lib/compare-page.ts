/**
 * The compare page in the browser: draws 2–5 provinces' trends in one index from /files/compare/<index>.json. The
 * selection lives in the address (?index=papi&m=score&p=phu-tho&p=ha-noi) so it can be shared, embedded
 * (/so-sanh/nhung/?…) and carried to the other language. A small SVG line chart drawn for the width it gets, with
 * each province's fixed colour and marker (from the series file), breaks by kind, a table of every year, downloads
 * of what is shown, a permalink and an embed snippet. Bundled at build time from the modules the build itself uses:
 * the CSV writer (numbers and the spreadsheet-safety rule), the export frame and fonts, the chart colours, the routes.
 */
import { foldText } from '../../../pipeline/read/text';
import { toCsv, type CsvType } from '../../../pipeline/write/csv';
import { frameChart, type FrameSize } from './charts/export-frame';
import { swatchMarkup } from './charts/legend-swatch';
import { BAND, MUTED } from './charts/palette';
import { saveFile, svgToPng } from './charts/png-export';
import type { LegendItem } from './charts/spec';
import type { CompareSeries } from './compare';
import type { Lang } from './data';
import { locales } from './format';
import { files, pathFor } from './routes';

type Unit = CompareSeries['units'][number];
type Measure = 'score' | 'rank';
interface Selection {
  index: string;
  measure: Measure;
  units: string[];
}
interface Shown {
  data: CompareSeries;
  selection: Selection;
  chosen: Unit[];
}

const SVG = 'http://www.w3.org/2000/svg';

export function startComparePage(): void {
  const root = document.querySelector<HTMLElement>('[data-compare]')!;
  const form = document.querySelector<HTMLFormElement>('[data-compare-form]');
  const output = root.querySelector<HTMLElement>('[data-compare-output]')!;
  const errorBox = root.querySelector<HTMLElement>('[data-compare-error]')!;
  const select = form?.querySelector<HTMLSelectElement>('[data-province-select]') ?? null;
  const lang = root.dataset.lang as Lang;
  const locale = locales[lang];
  const numberFormat = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const tickFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const cache = new Map<string, CompareSeries>();
  let shown: Shown | null = null;

  const text = (key: string, values: Record<string, string> = {}) =>
    (root.dataset['text' + key[0].toUpperCase() + key.slice(1)] || '').replace(/\{(\w+)\}/g, (_, k) => values[k] ?? '');

  function el(name: string, attributes: Record<string, string | number> = {}, parent?: Element): SVGElement {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    if (parent) parent.appendChild(node);
    return node;
  }

  // ---- The province picker: the multiple select stays the source of truth (FormData reads it); the script shows a
  // typeahead (a datalist) and one chip per chosen province instead of the long list.
  const chosenIds = () => (select ? [...select.selectedOptions].map((o) => o.value) : []);

  function renderChips() {
    const chips = form!.querySelector('[data-chips]')!;
    chips.replaceChildren(
      ...[...select!.selectedOptions].map((option) => {
        const li = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'chip';
        button.setAttribute('aria-label', text('remove', { name: option.textContent ?? '' }));
        const cross = Object.assign(document.createElement('span'), { textContent: ' ×' });
        cross.setAttribute('aria-hidden', 'true');
        button.append(option.textContent ?? '', cross);
        button.addEventListener('click', () => {
          option.selected = false;
          renderChips();
          form!.querySelector<HTMLInputElement>('[data-typeahead]')!.focus();
        });
        li.appendChild(button);
        return li;
      }),
    );
  }

  function enhancePicker() {
    if (!select || !form) return;
    const picker = form.querySelector('[data-picker]')!;
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
      textContent: picker.closest('fieldset')!.querySelector('legend')!.textContent,
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
      const wanted = foldText(input.value);
      if (!wanted) return false;
      const option = [...select.options].find(
        (o) => foldText(o.textContent ?? '') === wanted || foldText(o.dataset.ascii || '') === wanted,
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
  function selectionFromForm(): Selection {
    const data = new FormData(form!);
    return {
      index: String(data.get('index') || 'papi'),
      measure: data.get('m') === 'rank' ? 'rank' : 'score',
      units: data.getAll('p').map(String),
    };
  }

  function selectionFromUrl(): Selection {
    const params = new URLSearchParams(location.search);
    const units = params
      .getAll('p')
      .flatMap((p) => p.split(','))
      .filter(Boolean);
    return { index: params.get('index') || 'papi', measure: params.get('m') === 'rank' ? 'rank' : 'score', units };
  }

  function query(selection: Selection) {
    const params = new URLSearchParams({ index: selection.index, m: selection.measure });
    for (const id of selection.units) params.append('p', id);
    return params.toString();
  }

  function applyToForm(selection: Selection) {
    if (!form) return;
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
      if (input.name === 'index') input.checked = input.value === selection.index;
      if (input.name === 'm') input.checked = input.value === selection.measure;
    }
    if (select) for (const option of select.options) option.selected = selection.units.includes(option.value);
    if (form.querySelector('[data-chips]')) renderChips();
  }

  async function series(index: string): Promise<CompareSeries> {
    if (!cache.has(index)) {
      const response = await fetch(files.compareSeries(encodeURIComponent(index)));
      if (!response.ok) throw new Error(response.statusText);
      cache.set(index, await response.json());
    }
    return cache.get(index)!;
  }

  function format(value: number | null, data: CompareSeries, measure: Measure) {
    if (value === null || value === undefined) return text('missing');
    if (measure === 'rank') return String(value);
    return numberFormat.format(value) + (data.unit === 'percent' ? '%' : '');
  }

  function ticks(min: number, max: number, count: number) {
    const step0 = (max - min || 1) / count;
    const power = Math.pow(10, Math.floor(Math.log10(step0)));
    const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= step0)!;
    const list: number[] = [];
    for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) list.push(Number(v.toFixed(6)));
    return list;
  }

  const marker = (u: Unit, cx: number, cy: number, parent: Element) =>
    el('path', { d: u.symbol, transform: `translate(${cx.toFixed(1)},${cy.toFixed(1)})`, fill: u.colour }, parent);

  /** The chart as an SVG drawn for `width` pixels: on a phone fewer ticks and no end labels (the legend names the lines). */
  function chartSvg(data: CompareSeries, selection: Selection, chosen: Unit[], width: number): SVGElement {
    const key = selection.measure;
    const narrow = width < 520;
    const height = narrow ? 260 : 320;
    const [left, right, top, bottom] = [48, narrow ? 14 : 120, 30, 32];
    const years = data.years;
    const values = chosen.flatMap((u) => u[key]).filter((v): v is number => v !== null);
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    if (key === 'rank') {
      lo = 1;
      hi = Math.max(...chosen.flatMap((u) => u.of).filter((v): v is number => v !== null));
    } else {
      const pad = (hi - lo) * 0.1 || 1;
      lo -= pad;
      hi += pad;
    }
    const x = (year: number) =>
      left +
      (years.length === 1 ? 0.5 : (year - years[0]) / (years[years.length - 1] - years[0])) * (width - left - right);
    const y =
      key === 'rank'
        ? (v: number) => top + ((v - lo) / (hi - lo || 1)) * (height - top - bottom)
        : (v: number) => height - bottom - ((v - lo) / (hi - lo)) * (height - top - bottom);
    const svg = el('svg', {
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-labelledby': 'compare-title',
      'aria-describedby': 'compare-desc',
      'font-size': 12,
    });
    for (const b of data.breaks.filter((b) => b.suppress)) {
      const band = { x: x(b.year - 1), width: x(b.year) - x(b.year - 1), y: top, height: height - top - bottom };
      el('rect', { ...band, fill: BAND, 'fill-opacity': 0.6 }, svg);
    }
    for (const b of data.breaks.filter((b) => !b.suppress)) {
      const bx = (x(b.year - 1) + x(b.year)) / 2;
      const rule = { x1: bx, x2: bx, y1: top, y2: height - bottom };
      el('line', { ...rule, stroke: MUTED, 'stroke-width': 1, 'stroke-opacity': 0.45 }, svg);
    }
    const rankTicks = (narrow ? [1, 20, 40, 60] : [1, 10, 20, 30, 40, 50, 60]).filter((v) => v <= hi);
    for (const t of key === 'rank' ? rankTicks : ticks(lo, hi, narrow ? 4 : 5)) {
      el('line', { x1: left, x2: width - right, y1: y(t), y2: y(t), stroke: '#e4e7eb' }, svg);
      el('text', { x: left - 6, y: y(t) + 4, 'text-anchor': 'end', fill: '#52606d' }, svg).textContent =
        key === 'rank' ? String(t) : tickFormat.format(t);
    }
    const step = narrow ? (years.length > 10 ? 4 : years.length > 5 ? 2 : 1) : years.length > 12 ? 2 : 1;
    years.forEach((year, i) => {
      if (i % step) return;
      el('text', { x: x(year), y: height - bottom + 18, 'text-anchor': 'middle', fill: '#52606d' }, svg).textContent =
        String(year);
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
        .flatMap((u) => {
          const last = years
            .map((year, j) => [year, u[key][j]] as const)
            .filter(([, v]) => v !== null)
            .pop();
          return last ? [{ u, x: x(last[0]) + 9, y: y(last[1]!) + 4 }] : [];
        })
        .sort((a, b) => a.y - b.y);
      labels.forEach((label, k) => {
        if (k > 0) label.y = Math.max(label.y, labels[k - 1].y + 14);
      });
      for (const label of labels)
        el('text', { x: label.x, y: label.y, fill: label.u.colour, 'font-weight': 600 }, svg).textContent =
          label.u[lang];
    }
    return svg;
  }

  /** The legend on the page (each province linked to its page) and in the exported image. */
  function legendItems(data: CompareSeries, chosen: Unit[]): (LegendItem & { href?: string })[] {
    return [
      ...chosen.map((u) => ({
        label: u[lang],
        fill: u.colour,
        symbol: u.symbol,
        href: pathFor({ page: 'province', unit: u.id }, lang),
      })),
      ...(data.breaks.some((b) => b.suppress)
        ? [
            {
              label: text('notComparable'),
              fill: BAND,
              shape: 'band' as const,
            },
          ]
        : []),
      ...(data.breaks.some((b) => !b.suppress)
        ? [
            {
              label: text('caution'),
              fill: MUTED,
              shape: 'thin' as const,
            },
          ]
        : []),
    ];
  }

  function titleOf({ data, selection, chosen }: Shown) {
    const measureLabel = selection.measure === 'rank' ? text('rank') : text('score');
    return text('title', {
      index: data.name[lang],
      measure: measureLabel,
      names: chosen.map((u) => u[lang]).join(', '),
    });
  }

  const sourceOf = (data: CompareSeries) => text('source', { publisher: data.publisher[lang] });
  const permalink = (selection: Selection) => `${root.dataset.pageBase}?${query(selection)}`;

  function draw(data: CompareSeries, selection: Selection) {
    const known = new Map(data.units.map((u) => [u.id, u]));
    const key = selection.measure;
    const chosen = selection.units
      .map((id) => known.get(id))
      .filter((u): u is Unit => !!u && u[key].some((v) => v !== null));
    const missing = selection.units.filter((id) => !chosen.some((u) => u.id === id));
    const missingBox = root.querySelector<HTMLElement>('[data-compare-missing]')!;
    const nameOf = (id: string) =>
      known.get(id)?.[lang] ?? [...(select?.options ?? [])].find((o) => o.value === id)?.textContent ?? id;
    missingBox.hidden = missing.length === 0;
    missingBox.textContent = missing.length
      ? text('cannotPlot', { names: missing.map(nameOf).join(', '), index: data.name[lang] })
      : '';
    const box = output.querySelector<HTMLElement>('[data-compare-chart]')!;
    output.hidden = false;
    if (!chosen.length) {
      box.replaceChildren();
      shown = null;
      return;
    }
    const width = Math.max(300, Math.min(900, Math.floor(box.clientWidth || root.clientWidth || 680)));
    box.replaceChildren(chartSvg(data, selection, chosen, width));
    shown = { data, selection, chosen };
    document.getElementById('compare-title')!.textContent = titleOf(shown);
    document.getElementById('compare-desc')!.textContent = text('desc');
    output.querySelector('[data-compare-legend]')!.replaceChildren(
      ...legendItems(data, chosen).map((item) => {
        const li = document.createElement('li');
        const swatch = el('svg', {
          width: 14,
          height: 14,
          viewBox: '0 0 14 14',
          'aria-hidden': 'true',
          class: 'swatch',
        });
        swatch.innerHTML = swatchMarkup(item, item.fill);
        const label = item.href
          ? Object.assign(document.createElement('a'), { href: item.href, textContent: item.label })
          : document.createTextNode(item.label);
        if (root.dataset.embed !== undefined && label instanceof HTMLAnchorElement) label.target = '_top';
        li.append(swatch, label);
        return li;
      }),
    );
    const sourceLine = root.querySelector('[data-compare-source]');
    if (sourceLine) sourceLine.textContent = sourceOf(data);
    const open = root.querySelector<HTMLAnchorElement>('[data-compare-open]');
    if (open) open.href = permalink(selection);
    const tableBox = output.querySelector('[data-compare-table]');
    if (tableBox) tableBox.replaceChildren(dataTable(shown));
    const permalinkField = root.querySelector<HTMLInputElement>('[data-compare-permalink]');
    if (permalinkField) {
      permalinkField.value = permalink(selection);
      const title = titleOf(shown).replace(/"/g, '&quot;');
      root.querySelector<HTMLInputElement>('[data-compare-embed]')!.value =
        `<iframe src="${root.dataset.embedBase}?${query(selection)}" title="${title}" width="100%" height="520" loading="lazy" style="border:0"></iframe>`;
    }
  }

  /** Every year of the range, one column per province; a year without a figure is empty. */
  function peopleRows({ data, selection, chosen }: Shown): (number | string | null)[][] {
    const key = selection.measure;
    return data.years.map((year, j) => [
      year,
      ...chosen.map((u) => (u[key][j] === null ? null : key === 'rank' ? `${u.rank[j]}/${u.of[j]}` : u[key][j])),
    ]);
  }

  function dataTable(s: Shown) {
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    for (const label of [text('year'), ...s.chosen.map((u) => u[lang])])
      head.appendChild(Object.assign(document.createElement('th'), { scope: 'col', textContent: label }));
    const body = table.createTBody();
    for (const [year, ...cells] of peopleRows(s)) {
      const row = body.insertRow();
      row.appendChild(Object.assign(document.createElement('th'), { scope: 'row', textContent: String(year) }));
      for (const value of cells) {
        const cell = row.insertCell();
        cell.className = value === null ? 'mark' : 'num';
        cell.textContent =
          value === null ? text('missing') : typeof value === 'number' ? format(value, s.data, 'score') : value;
      }
    }
    return table;
  }

  // ---- Downloads of what is shown: CSV through the project's one writer, images in the export frame of every chart.
  const fileBase = ({ data, selection, chosen }: Shown) =>
    `chiso-${data.index}-${selection.measure}-${chosen.map((u) => u.id).join('-')}`;

  function framedSvg(s: Shown, size: FrameSize) {
    const chart = chartSvg(s.data, s.selection, s.chosen, 728);
    const source = s.data.source[lang];
    const serializer = new XMLSerializer();
    const content = [...chart.childNodes].map((n) => serializer.serializeToString(n)).join('');
    return frameChart(
      { attributes: 'font-size="12"', width: 728, height: Number(chart.getAttribute('height')), content },
      {
        title: titleOf(s),
        subtitle: text('desc'),
        legend: legendItems(s.data, s.chosen),
        source,
        footer: text('frameFooter', { source, pageUrl: permalink(s.selection) }),
      },
      size,
    );
  }

  const csvBlob = (text: string) => new Blob([text], { type: 'text/csv;charset=utf-8' });
  const svgBlob = (text: string) => new Blob([text], { type: 'image/svg+xml' });
  const downloads: Record<string, (s: Shown) => Promise<void> | void> = {
    people: (s) => {
      const type: CsvType = s.selection.measure === 'rank' ? 'text' : 'double';
      const columns = [{ name: 'year', type: 'integer' as CsvType }, ...s.chosen.map((u) => ({ name: u.id, type }))];
      const headers = [text('year'), ...s.chosen.map((u) => u[lang])];
      saveFile(`${fileBase(s)}.csv`, csvBlob(toCsv(columns, peopleRows(s), { bom: true, headers })));
    },
    tidy: (s) => {
      const columns = (
        [
          ['index', 'text'],
          ['unit_id', 'text'],
          ['unit_name_vi', 'text'],
          ['unit_name_en', 'text'],
          ['year', 'integer'],
          ['value', 'double'],
          ['rank', 'integer'],
          ['rank_of', 'integer'],
        ] as [string, CsvType][]
      ).map(([name, type]) => ({ name, type }));
      const rows = s.chosen.flatMap((u) =>
        s.data.years.map((year, j) => [s.data.index, u.id, u.vi, u.en, year, u.score[j], u.rank[j], u.of[j]]),
      );
      saveFile(`${fileBase(s)}-tidy.csv`, csvBlob(toCsv(columns, rows)));
    },
    svg: (s) => saveFile(`${fileBase(s)}.svg`, svgBlob(framedSvg(s, 'natural'))),
    svg169: (s) => saveFile(`${fileBase(s)}.16x9.svg`, svgBlob(framedSvg(s, '16:9'))),
    png: async (s) => saveFile(`${fileBase(s)}.png`, await svgToPng(framedSvg(s, 'natural'))),
    png169: async (s) => saveFile(`${fileBase(s)}.16x9.png`, await svgToPng(framedSvg(s, '16:9'))),
  };

  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-compare-download]')) {
    button.addEventListener('click', () => {
      if (shown) downloads[button.dataset.compareDownload!](shown);
    });
  }
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-copy-field]')) {
    if (!navigator.clipboard) {
      button.hidden = true;
      continue;
    }
    const label = button.textContent;
    button.addEventListener('click', () => {
      const field = document.getElementById(button.dataset.copyField!) as HTMLInputElement;
      navigator.clipboard.writeText(field.value).then(() => {
        button.textContent = text('copied');
        setTimeout(() => {
          button.textContent = label;
        }, 2000);
      });
    });
  }

  async function show(selection: Selection, updateUrl: boolean) {
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
      errorBox.textContent = String((error as Error).message || error);
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
  let resizeTimer: ReturnType<typeof setTimeout>;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (shown) draw(shown.data, shown.selection);
    }, 200);
  });
  const initial = selectionFromUrl();
  applyToForm(initial);
  show(initial, false);
}
