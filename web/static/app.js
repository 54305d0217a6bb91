// vanban: small progressive enhancements. Every page works without this
// file; it adds search-as-you-type suggestions, the study pack's print
// button, and opens the contents list on wide screens.
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

  // Search-as-you-type as an ARIA 1.2 combobox (W10, session 14): the
  // input is the combobox and keeps the focus; ArrowDown and ArrowUp move
  // a highlighted option (aria-activedescendant), ArrowUp from the first
  // goes back to the typed text, Enter opens the highlighted document,
  // Escape closes the list. A polite status line says how many suggestions
  // there are and how to reach them. The roles are set here, not in the
  // HTML: without this file there is no list, only a search box.
  function setupSuggest(form) {
    var input = form.querySelector('input[name="q"]');
    var list = form.querySelector('.suggest');
    if (!input || !list || !list.id || !window.fetch) return;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');
    list.setAttribute('role', 'listbox');
    var status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    form.appendChild(status);
    var last = '';
    var controller = null;
    var active = -1;

    function options() { return list.querySelectorAll('[role="option"]'); }

    function setActive(i) {
      var opts = options();
      active = i;
      Array.prototype.forEach.call(opts, function (o, j) {
        o.setAttribute('aria-selected', j === i ? 'true' : 'false');
      });
      if (i >= 0 && opts[i]) {
        input.setAttribute('aria-activedescendant', opts[i].id);
        if (opts[i].scrollIntoView) opts[i].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function hide() {
      last = '';  // the same words typed again show the list again
      if (controller) controller.abort();  // an answer on its way stays out
      list.hidden = true;
      list.textContent = '';
      active = -1;
      input.removeAttribute('aria-activedescendant');
      input.setAttribute('aria-expanded', 'false');
      status.textContent = '';
    }

    function show(results) {
      var wasOpen = !list.hidden;
      list.textContent = '';
      active = -1;
      input.removeAttribute('aria-activedescendant');
      results.forEach(function (hit, i) {
        var li = document.createElement('li');
        li.id = list.id + '-' + (i + 1);
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        var a = document.createElement('a');
        a.href = '/van-ban/' + encodeURIComponent(hit.id);
        a.tabIndex = -1;  // reached by the arrows, not by Tab
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
      if (results.length) {
        status.textContent = results.length + ' gợi ý, dùng mũi tên xuống để chọn.';
      } else {
        status.textContent = wasOpen ? 'Không có gợi ý.' : '';
      }
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
      var open = !list.hidden;
      var count = options().length;
      if (e.key === 'Escape' && open) { e.preventDefault(); hide(); }
      if (e.key === 'ArrowDown' && open && count) {
        e.preventDefault();
        setActive(Math.min(active + 1, count - 1));
      }
      if (e.key === 'ArrowUp' && open && active >= 0) { e.preventDefault(); setActive(active - 1); }
      if (e.key === 'Enter' && open && active >= 0) {
        var link = options()[active].querySelector('a');
        if (link) { e.preventDefault(); window.location.href = link.href; }
      }
      if (e.key === 'Tab') hide();
    });
    document.addEventListener('click', function (e) {
      if (!form.contains(e.target)) hide();
    });
  }

  // The study pack's print button (W15, session 14): only this script can
  // print, so only this script adds the button; without it there is no
  // control that does nothing.
  function addPrintButtons() {
    if (!window.print) return;
    Array.prototype.forEach.call(document.querySelectorAll('[data-print-tools]'), function (tools) {
      var button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('data-print', '');
      button.textContent = 'In trang này';
      button.addEventListener('click', function () { window.print(); });
      tools.appendChild(button);
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
    addPrintButtons();
  });
})();
