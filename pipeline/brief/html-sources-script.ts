// The report page's script for the list of every contribution: decompresses blocks on demand, pages, searches, jumps to a source.
import { decodeSevenBit } from './seven-bit-text.js';

/**
 * The script of the list `citedSourcesHtml` writes, run right after its first block, so the
 * first page shows while the rest of a large page is still read. It decompresses a block only when
 * a page or a search needs it (the browser's `DecompressionStream`, keeping the last few),
 * shows a page of rows, searches every row block by block (the latest query wins, with its
 * progress shown), and opens the page and row of a numbered source when the address ends in
 * `#all-sources-N` (the citation popover links there). It sets `data-state="ready"` on the
 * list once a page is shown, and marks the first time (`performance.mark`): the browser test
 * and the bench wait for them.
 */
export function sourcesListScript(): string {
  return `
(function () {
  var root = document.getElementById('all-sources');
  if (!root) return;
  if (!window.DecompressionStream) {
    root.querySelector('.list-summary').textContent += ' This browser cannot open the list (it lacks DecompressionStream); the sources file beside the brief has every row.';
    return;
  }
  var decodeSevenBit = ${decodeSevenBit.toString()};
  var meta = JSON.parse(root.getAttribute('data-list'));
  // The first block follows the list, the others the page's end: they are there once it is parsed.
  var parsed = new Promise(function (resolve) {
    if (document.readyState !== 'loading') resolve();
    else document.addEventListener('DOMContentLoaded', function () { resolve(); });
  });
  function blockText(i) {
    return (i === 0 ? Promise.resolve() : parsed).then(function () {
      return document.querySelectorAll('script[type="text/x-compressed-rows"]')[i].textContent;
    });
  }
  var body = root.querySelector('tbody');
  var search = root.querySelector('.list-search');
  var status = root.querySelector('.list-status');
  var pager = root.querySelector('.pager');
  var pageInput = root.querySelector('.page-number');
  var cache = new Map();
  var state = { page: 0, matches: null, query: '', hit: -1, run: 0 };

  // A block as its JSON text, parsed into columns only when a row of it is needed.
  function blockJson(i) {
    var entry = cache.get(i);
    if (entry) { cache.delete(i); cache.set(i, entry); return entry; }
    entry = blockText(i).then(function (text) {
      var bytes = decodeSevenBit(text, meta.blocks[i]);
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
      return new Response(stream).text();
    }).then(function (json) { return { json: json, cols: null }; });
    cache.set(i, entry);
    if (cache.size > 12) cache.delete(cache.keys().next().value);
    return entry;
  }
  function columns(entry) { return entry.cols || (entry.cols = JSON.parse(entry.json)); }
  function block(i) { return blockJson(i).then(columns); }
  function row(cols, k, index) {
    return { index: index, number: cols[0][k], id: cols[1][k], status: cols[2][k], credit: cols[3][k],
      date: cols[4][k], themes: cols[5][k], places: cols[6][k], text: cols[7][k] };
  }
  function names(indexes) { return indexes.map(function (i) { return meta.labels[i]; }).join('; '); }
  function rowsAt(indexes) {
    return Promise.all(indexes.map(function (index) {
      var b = Math.floor(index / meta.blockRows);
      return block(b).then(function (cols) { return row(cols, index - b * meta.blockRows, index); });
    }));
  }
  function total() { return state.matches ? state.matches.length : meta.rows; }
  function pages() { return Math.max(1, Math.ceil(total() / meta.pageRows)); }
  function cell(tr, text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    tr.appendChild(td);
    return td;
  }
  function line(td, text) {
    var span = document.createElement('span');
    span.className = 'muted';
    span.textContent = text;
    td.appendChild(document.createElement('br'));
    td.appendChild(span);
  }
  function tableRow(r) {
    var tr = document.createElement('tr');
    if (r.number) tr.id = 'all-sources-' + r.number;
    if (r.index === state.hit) tr.className = 'hit';
    cell(tr, r.number ? String(r.number) : '', 'num');
    var who = cell(tr, r.id, 'who');
    if (r.credit) line(who, r.credit);
    if (r.date) line(who, r.date);
    if (r.status === 2) cell(tr, 'Not cited; in ' + (names(r.themes) || 'no theme'), 'where muted');
    else cell(tr, names(r.places), 'where');
    cell(tr, r.text);
    return tr;
  }
  function render() {
    var run = state.run;
    state.page = Math.min(Math.max(0, state.page), pages() - 1);
    var indexes = [];
    var from = state.page * meta.pageRows;
    for (var k = from; k < Math.min(total(), from + meta.pageRows); k++)
      indexes.push(state.matches ? state.matches[k] : k);
    return rowsAt(indexes).then(function (rows) {
      if (run !== state.run) return;
      var fragment = document.createDocumentFragment();
      rows.forEach(function (r) { fragment.appendChild(tableRow(r)); });
      body.textContent = '';
      body.appendChild(fragment);
      pageInput.value = String(state.page + 1);
      pageInput.max = String(pages());
      root.querySelector('.page-count').textContent = pages().toLocaleString('en');
      pager.hidden = pages() === 1;
      if (!root.hasAttribute('data-state')) performance.mark('all-sources-ready');
      root.setAttribute('data-state', 'ready');
    });
  }
  function go(page) { state.page = page; render(); }
  function find(query) {
    var run = ++state.run;
    var q = query.trim().toLowerCase();
    state.query = q;
    state.hit = -1;
    if (!q) { state.matches = null; status.textContent = ''; state.page = 0; return render(); }
    var found = [];
    // A name of a theme or section matches once; a row then only looks its indexes up.
    var named = meta.labels.map(function (label) { return label.toLowerCase().indexOf(q) >= 0; });
    var has = function (text) { return text.toLowerCase().indexOf(q) >= 0; };
    // Without a matching name, and with nothing JSON escapes, a block's text shows whether it can match.
    var quick = named.indexOf(true) < 0 && !/["\\\\]/.test(q);
    var anyNamed = function (indexes) {
      for (var j = 0; j < indexes.length; j++) if (named[indexes[j]]) return true;
      return false;
    };
    var next = function (b) {
      if (run !== state.run) return;
      if (b === meta.blocks.length) {
        state.matches = found;
        state.page = 0;
        status.textContent = found.length.toLocaleString('en') + ' of ' + meta.rows.toLocaleString('en') + ' contributions match';
        return render();
      }
      status.textContent = 'Searching… ' + Math.floor((100 * b) / meta.blocks.length) + '%, ' + found.length.toLocaleString('en') + ' found';
      // One block at a time: decompressing several at once was slower in Chromium (10 s to 16 s).
      return blockJson(b).then(function (entry) {
        // Most blocks hold no match: their text tells so without parsing them.
        if (quick && entry.json.toLowerCase().indexOf(q) < 0) return next(b + 1);
        var cols = columns(entry);
        for (var k = 0; k < cols[1].length; k++) {
          if (has(cols[7][k]) || has(cols[1][k]) || has(cols[3][k]) || has(cols[4][k]) ||
              anyNamed(cols[5][k]) || anyNamed(cols[6][k]))
            found.push(b * meta.blockRows + k);
        }
        return next(b + 1);
      });
    };
    return next(0);
  }
  function showSource(number) {
    var index = meta.numbered[number];
    if (index === undefined) return;
    state.run++;
    search.value = '';
    status.textContent = '';
    state.matches = null;
    state.hit = index;
    state.page = Math.floor(index / meta.pageRows);
    render().then(function () {
      var tr = document.getElementById('all-sources-' + number);
      if (tr) tr.scrollIntoView({ block: 'center' });
    });
  }
  function route() {
    var m = /^#all-sources-(\\d+)$/.exec(location.hash);
    if (m) showSource(m[1]);
  }
  var timer = 0;
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { find(search.value); }, 250);
  });
  search.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { clearTimeout(timer); find(search.value); }
  });
  pager.addEventListener('click', function (e) {
    var to = e.target.closest && e.target.closest('[data-go]');
    if (!to) return;
    var where = to.getAttribute('data-go');
    go(where === 'first' ? 0 : where === 'last' ? pages() - 1 : state.page + (where === 'next' ? 1 : -1));
  });
  pageInput.addEventListener('change', function () { go(Number(pageInput.value) - 1); });
  window.addEventListener('hashchange', route);
  root.querySelector('.list-tools').hidden = meta.rows === 0;
  if (/^#all-sources-\\d+$/.test(location.hash)) route(); else render();
})();
`;
}
