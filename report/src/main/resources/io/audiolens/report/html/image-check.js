// Marks every image as loaded or failed once the page has loaded, and says so when a figure is missing.
window.addEventListener('load', function () {
  var images = Array.prototype.slice.call(document.images);
  var failed = 0;
  images.forEach(function (img) {
    var loaded = img.complete && img.naturalWidth > 0;
    img.setAttribute('data-load', loaded ? 'loaded' : 'failed');
    if (!loaded) { failed++; }
  });
  var check = document.getElementById('image-check');
  check.setAttribute('data-images', String(images.length));
  check.setAttribute('data-loaded', String(images.length - failed));
  check.setAttribute('data-failed', String(failed));
  if (failed > 0) {
    check.hidden = false;
    check.textContent = failed + ' of ' + images.length + ' figures did not load: keep the figures/ folder next to index.html.';
  }
});
