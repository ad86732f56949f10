
(function () {
  'use strict';
  var list = document.getElementById('claims');
  var controls = document.getElementById('controls');
  if (!list || !controls) {
    return;
  }
  var cards = Array.prototype.slice.call(list.querySelectorAll('li.claim'));
  var texts = cards.map(function (c) { return c.textContent.toLowerCase(); });
  var q = document.getElementById('q');
  var sort = document.getElementById('sort');
  var changed = document.getElementById('changed');
  var status = document.getElementById('status');
  var none = document.getElementById('none');
  var boxes = Array.prototype.slice.call(controls.querySelectorAll('input[name="verdict"]'));
  var urgency = ['CONTRADICTED', 'MIXED', 'SUPPORTED', 'INSUFFICIENT_EVIDENCE', 'NOT_VERIFIED'];

  function num(card, key) {
    var v = parseFloat(card.getAttribute('data-' + key));
    return isNaN(v) ? -1 : v;
  }
  function rank(card) {
    return urgency.indexOf(card.getAttribute('data-v'));
  }
  function order(card) {
    return num(card, 'order');
  }
  // The confidence the card shows: none for claims without a verdict (no evidence, not verified), which go last.
  function shownConfidence(card) {
    var v = card.getAttribute('data-v');
    return v === 'INSUFFICIENT_EVIDENCE' || v === 'NOT_VERIFIED' ? -1 : num(card, 'confidence');
  }
  var comparators = {
    urgency: function (a, b) {
      return rank(a) - rank(b) || num(b, 'confidence') - num(a, 'confidence')
          || num(b, 'worthiness') - num(a, 'worthiness') || order(a) - order(b);
    },
    confidence: function (a, b) {
      return shownConfidence(b) - shownConfidence(a) || rank(a) - rank(b) || order(a) - order(b);
    },
    worthiness: function (a, b) {
      return num(b, 'worthiness') - num(a, 'worthiness') || rank(a) - rank(b) || order(a) - order(b);
    },
    article: function (a, b) {
      var x = a.getAttribute('data-article');
      var y = b.getAttribute('data-article');
      return (x < y ? -1 : x > y ? 1 : 0) || order(a) - order(b);
    }
  };

  function readFragment() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    if (params.has('verdict')) {
      var wanted = params.get('verdict').split(',');
      boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) >= 0; });
    }
    if (params.has('q')) {
      q.value = params.get('q');
    }
    changed.checked = params.get('changed') === '1';
    if (params.has('sort') && comparators[params.get('sort')]) {
      sort.value = params.get('sort');
    }
  }

  function writeFragment() {
    var params = new URLSearchParams();
    var on = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    if (on.length !== boxes.length) {
      params.set('verdict', on.join(','));
    }
    if (q.value.trim()) {
      params.set('q', q.value.trim());
    }
    if (changed.checked) {
      params.set('changed', '1');
    }
    if (sort.value !== 'urgency') {
      params.set('sort', sort.value);
    }
    var hash = params.toString();
    try {
      history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
    } catch (e) {
      // some viewers forbid it: the view still works
    }
  }

  function apply() {
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    var shown = 0;
    cards.forEach(function (card, i) {
      var ok = on[card.getAttribute('data-v')] === true
          && (!changed.checked || card.getAttribute('data-change') !== '')
          && words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      card.hidden = !ok;
      if (ok) {
        shown++;
      }
    });
    cards.slice().sort(comparators[sort.value] || comparators.urgency).forEach(function (card) {
      list.appendChild(card);
    });
    status.textContent = 'Showing ' + shown + ' of ' + cards.length + (cards.length === 1 ? ' claim' : ' claims');
    none.hidden = shown > 0 || cards.length === 0;
  }

  function changedByUser() {
    apply();
    writeFragment();
  }

  readFragment();
  apply();
  controls.hidden = false;
  q.addEventListener('input', changedByUser);
  sort.addEventListener('change', changedByUser);
  changed.addEventListener('change', changedByUser);
  boxes.forEach(function (b) { b.addEventListener('change', changedByUser); });
  window.addEventListener('hashchange', function () {
    readFragment();
    apply();
  });
}());
