// chiso search page: runs the Pagefind index (built after the site) for ?q=… . Diacritics are optional:
// Pagefind folds them, and province pages also index their unaccented names.
const form = document.querySelector('[data-search-page]');
const input = form.querySelector('input[name="q"]');
const section = document.querySelector('[data-search-results-section]');
const status = document.querySelector('[data-search-status]');
const list = document.querySelector('[data-search-results]');
let pagefind;

const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

async function run(query) {
  section.hidden = false;
  if (!query.trim()) {
    section.hidden = true;
    return;
  }
  pagefind ??= await import('/pagefind/pagefind.js');
  const search = await pagefind.search(query);
  // A page whose title is the name searched for comes first ("phu tho" → Phú Thọ, then Phú Thọ from 1/7/2025).
  const wanted = fold(query);
  const named = (r) => {
    const title = fold(r.meta.title || '');
    return title === wanted ? 2 : title.startsWith(wanted + ' (') ? 1 : 0;
  };
  const results = (await Promise.all(search.results.slice(0, 40).map((r) => r.data())))
    .map((r, i) => ({ r, i }))
    .sort((a, b) => named(b.r) - named(a.r) || a.i - b.i)
    .slice(0, 20)
    .map(({ r }) => r);
  if (input.value !== query) return;
  status.textContent = (results.length ? status.dataset.textCount : status.dataset.textNone)
    .replace('{q}', query)
    .replace('{n}', String(search.results.length));
  list.replaceChildren(
    ...results.map((result) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.meta.title || result.url;
      const excerpt = document.createElement('p');
      excerpt.innerHTML = result.excerpt;
      item.append(link, excerpt);
      return item;
    }),
  );
}

const initial = new URLSearchParams(location.search).get('q') ?? '';
input.value = initial;
run(initial);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  history.replaceState(null, '', `${location.pathname}?q=${encodeURIComponent(input.value)}`);
  run(input.value);
});
let timer;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => run(input.value), 200);
});
