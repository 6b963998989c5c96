// chiso province list: a filter box over the A–Z list (diacritics optional). Without this file the whole list shows.
const box = document.querySelector('[data-unit-filter]');
const items = [...document.querySelectorAll('[data-unit-list] li')];
const count = box.querySelector('[data-filter-count]');
const input = box.querySelector('input');
const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
box.hidden = false;
function apply() {
  const wanted = fold(input.value);
  let shown = 0;
  for (const item of items) {
    item.hidden = wanted !== '' && !item.dataset.search.includes(wanted);
    if (!item.hidden) shown++;
  }
  count.textContent = count.dataset.template.replace('{n}', shown);
}
input.addEventListener('input', apply);
apply();
