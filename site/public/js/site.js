// chiso: small conveniences on every page. The pages are complete without this file.
(function () {
  'use strict';

  // On pages whose state is in the address (compare, SQL), the other language opens with the same selection.
  document.querySelectorAll('.lang-switch[data-keep-query]').forEach(function (link) {
    var base = link.getAttribute('href');
    link.addEventListener('click', function () {
      link.setAttribute('href', base + location.search);
    });
  });

  // Copy buttons beside the ready-to-quote sentences.
  document.querySelectorAll('.copy-button[data-copy]').forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener('click', function () {
      var source = document.getElementById(button.getAttribute('data-copy'));
      if (!source) return;
      var copy = source.cloneNode(true);
      copy.querySelectorAll('sup').forEach(function (s) {
        s.remove();
      });
      navigator.clipboard.writeText(copy.textContent.replace(/\s+/g, ' ').trim()).then(function () {
        button.textContent = button.getAttribute('data-copied');
        setTimeout(function () {
          button.textContent = label;
        }, 2000);
      });
    });
  });
})();
