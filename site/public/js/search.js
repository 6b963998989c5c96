// chiso search page: runs the Pagefind index (built after the site) for ?q=… . Diacritics are optional:
// Pagefind folds them, and province pages also index their unaccented names.
const form = document.querySelector('[data-search-page]');
const input = form.querySelector('input[name="q"]');
const section = document.querySelector('[data-search-results-section]');
const status = document.querySelector('[data-search-status]');
const list = document.querySelector('[data-search-results]');
let pagefind;

async function run(query) {
  section.hidden = false;
  if (!query.trim()) { section.hidden = true; return; }
  pagefind ??= await import('/pagefind/pagefind.js');
  const search = await pagefind.search(query);
  const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  if (input.value !== query) return;
  status.textContent = (results.length ? status.dataset.textCount : status.dataset.textNone).replace('{q}', query).replace('{n}', String(search.results.length));
  list.replaceChildren(...results.map((result) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta.title || result.url;
    const excerpt = document.createElement('p');
    excerpt.innerHTML = result.excerpt;
    item.append(link, excerpt);
    return item;
  }));
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
