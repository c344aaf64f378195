/* The audit site's only script: client-side search over the prebuilt index (assets/search-index.js,
   loaded before this file as a script, since pages opened from file:// may not fetch JSON).
   Keyboard: '/' focuses the box, the arrows choose a result, Enter opens it, Escape closes the list.
   Results are built with DOM methods and textContent only: text from the index is never parsed as HTML. */
(function () {
  'use strict';

  var data = window.COMPLIANCE_SEARCH;
  var box = document.querySelector('.search');
  var input = document.getElementById('search-input');
  var list = document.getElementById('search-results');
  if (!data || !data.items || !box || !input || !list) {
    return;
  }

  var status = box.querySelector('.search-status');
  var root = document.documentElement.getAttribute('data-root') || '';
  var order = { Requirement: 0, Control: 1, Policy: 2, Vendor: 3, Service: 4, Incident: 5, Endpoint: 6, Framework: 7, Person: 8, Rule: 9, Page: 10 };
  var items = data.items.map(function (entry) {
    return {
      type: data.types[entry[0]] || '',
      id: entry[1],
      title: entry[2],
      path: entry[3],
      lid: entry[1].toLowerCase(),
      ltitle: entry[2].toLowerCase(),
      lkeys: ' ' + entry[4].toLowerCase() + ' '
    };
  });
  var results = [];
  var active = -1;
  var limit = 12;

  box.hidden = false;

  function score(item, query, words) {
    if (item.lid === query) { return 100; }
    if (item.lkeys.indexOf(' ' + query + ' ') >= 0) { return 70; }
    if (item.lid.indexOf(query) === 0) { return 60; }
    if (item.lid.indexOf(query) >= 0) { return 50; }
    var all = item.lid + ' ' + item.ltitle + item.lkeys;
    for (var i = 0; i < words.length; i++) {
      if (all.indexOf(words[i]) < 0) { return 0; }
    }
    return item.ltitle.indexOf(query) >= 0 ? 40 : item.ltitle.indexOf(words[0]) >= 0 ? 30 : 20;
  }

  function search(text) {
    var query = text.trim().toLowerCase();
    if (!query) { return []; }
    var words = query.split(/\s+/);
    var found = [];
    for (var i = 0; i < items.length; i++) {
      var s = score(items[i], query, words);
      if (s > 0) { found.push({ item: items[i], score: s }); }
    }
    found.sort(function (a, b) {
      return b.score - a.score ||
        (order[a.item.type] - order[b.item.type]) ||
        (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0);
    });
    return found.slice(0, limit).map(function (f) { return f.item; });
  }

  function span(className, text) {
    var element = document.createElement('span');
    element.className = className;
    element.textContent = text;
    return element;
  }

  function render() {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var query = input.value.trim();
    results.forEach(function (item, index) {
      var option = document.createElement('li');
      option.id = 'search-option-' + index;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', index === active ? 'true' : 'false');
      var link = document.createElement('a');
      link.href = root + item.path;
      link.tabIndex = -1;
      link.appendChild(span('sr-type', item.type));
      link.appendChild(span('sr-id', item.id));
      link.appendChild(span('sr-title', item.title === item.id ? '' : item.title));
      option.appendChild(link);
      list.appendChild(option);
    });
    if (query && results.length === 0) {
      var none = document.createElement('li');
      none.setAttribute('role', 'option');
      none.setAttribute('aria-disabled', 'true');
      none.className = 'sr-empty';
      none.textContent = 'No match for \u201c' + query + '\u201d';
      list.appendChild(none);
    }
    var open = query.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', 'search-option-' + active);
      var current = document.getElementById('search-option-' + active);
      if (current && current.scrollIntoView) { current.scrollIntoView({ block: 'nearest' }); }
    } else {
      input.removeAttribute('aria-activedescendant');
    }
    if (status) {
      status.textContent = open ? (results.length === 1 ? '1 result' : results.length + ' results') : '';
    }
  }

  function update() {
    results = search(input.value);
    active = -1;
    render();
  }

  function open(index) {
    var item = results[index];
    if (item) { window.location.href = root + item.path; }
  }

  function close() {
    active = -1;
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  input.addEventListener('input', update);
  input.addEventListener('focus', function () { if (input.value.trim()) { update(); } });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (results.length) { active = (active + 1) % results.length; render(); }
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (results.length) { active = active <= 0 ? results.length - 1 : active - 1; render(); }
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(active >= 0 ? active : 0);
    } else if (event.key === 'Escape') {
      if (!list.hidden) { close(); } else { input.value = ''; }
    }
  });
  list.addEventListener('mousedown', function (event) { event.preventDefault(); });
  document.addEventListener('click', function (event) {
    if (!box.contains(event.target)) { close(); }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    var tag = target && target.tagName ? target.tagName.toLowerCase() : '';
    if (tag === 'input' || tag === 'textarea' || tag === 'select' || (target && target.isContentEditable)) { return; }
    event.preventDefault();
    input.focus();
    input.select();
  });
}());
