// vanban: small progressive enhancements. Every page works without this
// file; it adds search-as-you-type suggestions, the print button, and opens
// the contents list on wide screens.
(function () {
  'use strict';

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments, self = this;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(self, args); }, ms);
    };
  }

  function setupSuggest(form) {
    var input = form.querySelector('input[name="q"]');
    var list = form.querySelector('.suggest');
    if (!input || !list || !window.fetch) return;
    var last = '';
    var controller = null;

    function hide() {
      list.hidden = true;
      list.textContent = '';
      input.setAttribute('aria-expanded', 'false');
    }

    function show(results) {
      list.textContent = '';
      results.forEach(function (hit) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = '/van-ban/' + encodeURIComponent(hit.id);
        var num = document.createElement('span');
        num.className = 's-num';
        num.textContent = [hit.type, hit.number].filter(Boolean).join(' ');
        a.appendChild(num);
        a.appendChild(document.createTextNode(hit.title || hit.id));
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = results.length === 0;
      input.setAttribute('aria-expanded', list.hidden ? 'false' : 'true');
    }

    var query = debounce(function () {
      var q = input.value.trim();
      if (q === last) return;
      last = q;
      if (q.length < 2) { hide(); return; }
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch('/api/search?limit=6&q=' + encodeURIComponent(q),
            controller ? { signal: controller.signal } : {})
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { if (input.value.trim() === q) show(data.results || []); })
        .catch(function () { /* aborted or offline: keep the plain form */ });
    }, 200);

    input.addEventListener('input', query);
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') hide();
      if (e.key === 'ArrowDown' && !list.hidden) {
        var first = list.querySelector('a');
        if (first) { e.preventDefault(); first.focus(); }
      }
    });
    list.addEventListener('keydown', function (e) {
      var links = Array.prototype.slice.call(list.querySelectorAll('a'));
      var i = links.indexOf(document.activeElement);
      if (e.key === 'ArrowDown' && i < links.length - 1) { e.preventDefault(); links[i + 1].focus(); }
      if (e.key === 'ArrowUp') { e.preventDefault(); (i > 0 ? links[i - 1] : input).focus(); }
      if (e.key === 'Escape') { hide(); input.focus(); }
    });
    document.addEventListener('click', function (e) {
      if (!form.contains(e.target)) hide();
    });
  }

  // The document's contents list is closed in the HTML, so that on a phone
  // the text comes first; where there is room beside the text (the
  // two-column layout of style.css) it opens. Without this file it stays
  // closed and opens with a click.
  function openWhenWide() {
    if (!window.matchMedia || !window.matchMedia('(min-width: 801px)').matches) return;
    Array.prototype.forEach.call(document.querySelectorAll('details[data-open-wide]'), function (d) {
      d.open = true;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    openWhenWide();
    Array.prototype.forEach.call(document.querySelectorAll('form[data-suggest]'), setupSuggest);
    Array.prototype.forEach.call(document.querySelectorAll('[data-print]'), function (b) {
      b.addEventListener('click', function () { window.print(); });
    });
  });
})();
