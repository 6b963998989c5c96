/**
 * The search page in the browser: runs the Pagefind index (built after the site) for ?q=… . Diacritics are
 * optional: Pagefind folds them, and province pages also index their unaccented names.
 */
import { foldText } from '../../../pipeline/read/text';

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

/** Written by the build after the pages, so it is loaded at run time, never bundled. */
const PAGEFIND = '/pagefind/pagefind.js';

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-page]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const section = document.querySelector<HTMLElement>('[data-search-results-section]')!;
  const status = document.querySelector<HTMLElement>('[data-search-status]')!;
  const list = document.querySelector<HTMLElement>('[data-search-results]')!;
  let pagefind: Pagefind | undefined;

  async function run(query: string) {
    section.hidden = false;
    if (!query.trim()) {
      section.hidden = true;
      return;
    }
    pagefind ??= (await import(/* @vite-ignore */ PAGEFIND)) as Pagefind;
    const search = await pagefind.search(query);
    // A page whose title is the name searched for comes first ("phu tho" → Phú Thọ, then Phú Thọ from 1/7/2025).
    const wanted = foldText(query);
    const named = (r: PagefindResult) => {
      const title = foldText(r.meta.title || '');
      return title === wanted ? 2 : title.startsWith(wanted + ' (') ? 1 : 0;
    };
    const results = (await Promise.all(search.results.slice(0, 40).map((r) => r.data())))
      .map((r, i) => ({ r, i }))
      .sort((a, b) => named(b.r) - named(a.r) || a.i - b.i)
      .slice(0, 20)
      .map(({ r }) => r);
    if (input.value !== query) return;
    status.textContent = (results.length ? status.dataset.textCount! : status.dataset.textNone!)
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
  void run(initial);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    history.replaceState(null, '', `${location.pathname}?q=${encodeURIComponent(input.value)}`);
    void run(input.value);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), 200);
  });
}
