/**
 * The provinces page in the browser: a filter box over the A–Z list, diacritics optional (each item's data-search
 * is its names folded at build time by the same function). Without this script the whole list shows.
 */
import { foldText } from '../../../pipeline/read/text';

export function startProvinceFilter(): void {
  const box = document.querySelector<HTMLElement>('[data-unit-filter]')!;
  const items = [...document.querySelectorAll<HTMLElement>('[data-unit-list] li')];
  const count = box.querySelector<HTMLElement>('[data-filter-count]')!;
  const input = box.querySelector('input')!;
  box.hidden = false;
  function apply() {
    const wanted = foldText(input.value);
    let shown = 0;
    for (const item of items) {
      item.hidden = wanted !== '' && !item.dataset.search!.includes(wanted);
      if (!item.hidden) shown++;
    }
    count.textContent = count.dataset.template!.replace('{n}', String(shown));
  }
  input.addEventListener('input', apply);
  apply();
}
