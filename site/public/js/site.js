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

  // PNG downloads, drawn from the chart's SVG file at twice its size.
  document.querySelectorAll('.png-download[data-svg]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      fetch(button.getAttribute('data-svg'))
        .then(function (response) {
          return response.text();
        })
        .then(function (text) {
          var blob = new Blob([text], { type: 'image/svg+xml' });
          var url = URL.createObjectURL(blob);
          var image = new Image();
          image.onload = function () {
            var scale = 2;
            var canvas = document.createElement('canvas');
            canvas.width = image.naturalWidth * scale;
            canvas.height = image.naturalHeight * scale;
            var context = canvas.getContext('2d');
            context.fillStyle = '#ffffff';
            context.fillRect(0, 0, canvas.width, canvas.height);
            context.drawImage(image, 0, 0, canvas.width, canvas.height);
            URL.revokeObjectURL(url);
            canvas.toBlob(function (png) {
              var link = document.createElement('a');
              link.href = URL.createObjectURL(png);
              link.download = button.getAttribute('data-name');
              document.body.appendChild(link);
              link.click();
              link.remove();
            }, 'image/png');
          };
          image.onerror = function () {
            console.error('PNG: the chart could not be drawn from ' + button.getAttribute('data-svg'));
          };
          image.src = url;
        });
    });
  });
})();
