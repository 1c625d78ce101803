// The site's own search (tandem, [search] in site.toml): searches the index `tandem build` wrote
// beside the search page, loading only the index files the query's words need (see
// generator/lib/publish/search.hpp for the files). Words are folded as the build folds them:
// NFKD, marks removed, lowercase, so that "ecole" finds "École".
(function () {
  'use strict';
  var form = document.querySelector('form.tandem-search');
  if (!form || !window.fetch || !window.TextEncoder) return;
  var base = form.getAttribute('data-index');
  var input = form.querySelector('input[type=search]');
  var status = document.querySelector('.tandem-search-status');
  var list = document.querySelector('.tandem-search-results');
  var lang = document.documentElement.lang;
  var kShown = 20, kPrefixShards = 8;
  var manifest = null, files = {};
  form.hidden = false;

  function fold(word) { return word.normalize('NFKD').replace(/\p{Mn}/gu, '').toLowerCase(); }
  function words(text) {
    var seen = {};
    return (text.match(/[\p{L}\p{Nd}\p{Mn}]+/gu) || []).map(fold).filter(function (w) {
      if (w.length > 40 || seen[w]) return false;
      return (seen[w] = true);
    });
  }
  function hex(text) {
    return Array.from(new TextEncoder().encode(text), function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }
  function load(name) {
    if (!files[name]) {
      files[name] = fetch(base + name).then(function (r) {
        if (!r.ok) throw new Error(name + ': ' + r.status);
        return r.json();
      });
    }
    return files[name];
  }
  // The shards holding `term` (the longest prefix of it), and for the word being typed, those
  // of longer terms starting with it.
  function shardsFor(term, prefix) {
    var own = null, names = [];
    manifest.shards.forEach(function (p) {
      if (term.indexOf(p) === 0 && (own === null || p.length > own.length)) own = p;
      else if (prefix && p.length > term.length && p.indexOf(term) === 0 && names.length < kPrefixShards) names.push(p);
    });
    if (own !== null) names.unshift(own);
    return names;
  }
  // document -> weight, for one word of the query.
  function postings(term, prefix) {
    return Promise.all(shardsFor(term, prefix).map(function (p) { return load('t-' + hex(p) + '.json'); }))
      .then(function (shards) {
        var weights = new Map();
        shards.forEach(function (shard) {
          Object.keys(shard).forEach(function (t) {
            if (t !== term && !(prefix && t.indexOf(term) === 0)) return;
            var list = shard[t], doc = 0;
            for (var i = 0; i < list.length; i += 2) {
              doc += list[i];
              var w = list[i + 1] * (t === term ? 2 : 1);
              weights.set(doc, Math.max(weights.get(doc) || 0, w));
            }
          });
        });
        return weights;
      });
  }
  // Documents with every word, best first.
  function rank(perWord) {
    var scores = perWord[0];
    perWord.slice(1).forEach(function (weights) {
      var next = new Map();
      scores.forEach(function (s, doc) { if (weights.has(doc)) next.set(doc, s + weights.get(doc)); });
      scores = next;
    });
    return Array.from(scores).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; }).map(function (e) { return e[0]; });
  }
  function say(template, query, count) {
    status.textContent = template.replace('{query}', query).replace('{count}', new Intl.NumberFormat(lang).format(count));
  }
  function show(docs, found) {
    list.textContent = '';
    docs.forEach(function (d) {
      var item = document.createElement('li'), link = document.createElement('a');
      link.href = d[0];
      link.textContent = d[1];
      item.appendChild(link);
      if (d[2]) {
        var summary = document.createElement('p');
        summary.textContent = d[2];
        item.appendChild(summary);
      }
      list.appendChild(item);
    });
    return found;
  }
  function search(query) {
    var terms = words(query);
    list.textContent = '';
    if (!terms.length) { status.textContent = ''; return Promise.resolve(); }
    status.textContent = form.getAttribute('data-loading');
    return load('manifest.json').then(function (m) {
      manifest = m;
      return Promise.all(terms.map(function (t, i) { return postings(t, i === terms.length - 1); }));
    }).then(function (perWord) {
      var found = rank(perWord), shown = found.slice(0, kShown), per = manifest.per_file;
      var chunks = Array.from(new Set(shown.map(function (d) { return Math.floor(d / per); })));
      return Promise.all(chunks.map(function (c) { return load('d-' + c + '.json'); })).then(function () {
        return Promise.all(shown.map(function (d) {
          return load('d-' + Math.floor(d / per) + '.json').then(function (docs) { return docs[d % per]; });
        }));
      }).then(function (docs) {
        show(docs);
        say(form.getAttribute(found.length ? 'data-results' : 'data-none'), query, found.length);
      });
    }).catch(function () { status.textContent = form.getAttribute('data-failed'); });
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set('q', input.value);
    window.history.replaceState(null, '', url);
    search(input.value);
  });
  var initial = new URL(window.location.href).searchParams.get('q');
  if (initial) {
    input.value = initial;
    search(initial);
  }
}());
