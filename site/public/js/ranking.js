// chiso: filter the ranking table by region and sort it by any column. Without this file the full table shows.
for (const block of document.querySelectorAll('[data-ranking]')) {
  const table = block.querySelector('table');
  const body = table.tBodies[0];
  const tools = block.querySelector('[data-ranking-tools]');
  const select = block.querySelector('[data-region-filter]');
  const count = block.querySelector('.ranking-count');
  const rows = Array.from(body.rows);
  const lang = document.documentElement.lang;

  function showCount() {
    if (!count) return;
    const shown = rows.filter((row) => !row.hidden).length;
    count.textContent = count.dataset.countTemplate.replace(
      '{n}',
      shown.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'),
    );
  }

  if (tools && select) {
    tools.hidden = false;
    select.addEventListener('change', () => {
      for (const row of rows) row.hidden = select.value !== '' && row.dataset.region !== select.value;
      showCount();
    });
    showCount();
  }

  const headers = Array.from(table.tHead.rows[0].cells);
  headers.forEach((th, column) => {
    const type = th.dataset.sort;
    if (!type) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.append(...th.childNodes);
    th.appendChild(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      headers.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const key = (row) => row.cells[column].dataset.value ?? '';
      const sorted = rows.slice().sort((a, b) => {
        const x = key(a);
        const y = key(b);
        if (x === '' && y === '') return 0;
        if (x === '') return 1;
        if (y === '') return -1;
        const order = type === 'number' ? Number(x) - Number(y) : x.localeCompare(y, lang);
        return ascending ? order : -order;
      });
      for (const row of sorted) body.appendChild(row);
    });
  });
}
