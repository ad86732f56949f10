// claimcheck search page. Plain JavaScript, no build step. Everything from the API is put into the page as text
// (text nodes only; no HTML from the API is ever parsed); highlights arrive as plain-text fragments with a "mark" flag.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);

  /** Creates an element with attributes and children (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  /** Only PubMed pages are linked; anything else the API might carry is shown as text. */
  function safeUrl(url) {
    return typeof url === 'string' && url.startsWith('https://pubmed.ncbi.nlm.nih.gov/') ? url : null;
  }

  function fragments(parts) {
    const out = [];
    for (const f of parts || []) {
      out.push(f.mark ? el('mark', null, f.text) : document.createTextNode(f.text));
    }
    return out;
  }

  function splitList(s) {
    return s.split(';').map((x) => x.trim()).filter((x) => x.length > 0);
  }

  async function getJson(path, params) {
    const url = path + '?' + params.toString();
    let response;
    try {
      response = await fetch(url, { headers: { Accept: 'application/json' } });
    } catch (e) {
      throw { error: 'the server cannot be reached', hint: 'Is claimcheck serve still running?' };
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      throw body && body.error ? body : { error: 'HTTP ' + response.status };
    }
    return body;
  }

  function showError(target, e) {
    target.className = 'status error';
    target.replaceChildren(
      el('strong', null, e.error || 'error'),
      e.detail ? ' (' + e.detail + ')' : '',
      e.hint ? el('span', { class: 'hint' }, e.hint) : '');
  }

  // ----- search -------------------------------------------------------------------------------------------------

  const form = $('search-form');
  const fields = ['q', 'year_from', 'year_to', 'size'];

  /** The search parameters as the form shows them. */
  function formParams(page) {
    const p = new URLSearchParams();
    p.set('q', $('q').value.trim());
    if ($('plain').checked) p.set('syntax', 'text');
    for (const name of ['year_from', 'year_to']) {
      const v = $(name).value.trim();
      if (v) p.set(name, v);
    }
    for (const t of splitList($('pubtype').value)) p.append('pubtype', t);
    for (const m of splitList($('mesh').value)) p.append('mesh', m);
    if ($('humans').checked) p.set('humans', 'true');
    if ($('exclude_retracted').checked) p.set('exclude_retracted', 'true');
    if ($('size').value !== '10') p.set('size', $('size').value);
    if (page > 1) p.set('page', String(page));
    return p;
  }

  /** Whether a parameter is true as the API reads it: true, 1, on or yes, in any case, white space around. */
  function isTrue(v) {
    return v !== null && ['true', '1', 'on', 'yes'].includes(v.trim().toLowerCase());
  }

  /**
   * Selects the page size, adding it to the list when the list does not offer it (the API takes any size from 1 to
   * 50, and a link may carry one): the next page then has the size this one had.
   */
  function selectSize(value) {
    const select = $('size');
    const v = /^\s*\d+\s*$/.test(value || '') ? String(Number(value)) : (value || '').trim() || '10';
    if (![...select.options].some((o) => o.value === v)) {
      // In numeric order among the others; a value the API will refuse goes last, and the API says what is wrong.
      const after = [...select.options].find((o) => Number(o.value) > Number(v));
      select.insertBefore(el('option', { value: v }, v), after || null);
    }
    select.value = v;
  }

  /**
   * Fills the form from the address bar (a shared link, the back button), reading every value as the API does, so
   * that the pager's next request keeps the query and filters of this one.
   */
  function fillForm(p) {
    for (const name of fields) {
      if (name === 'size') selectSize(p.get('size'));
      else $(name).value = (p.get(name) || '').trim();
    }
    $('plain').checked = (p.get('syntax') || '').trim().toLowerCase() === 'text';
    $('pubtype').value = p.getAll('pubtype').join('; ');
    $('mesh').value = p.getAll('mesh').join('; ');
    $('humans').checked = isTrue(p.get('humans'));
    $('exclude_retracted').checked = isTrue(p.get('exclude_retracted'));
  }

  let current = 0; // guards against out-of-order answers

  async function search(params) {
    const ticket = ++current;
    const status = $('status');
    status.className = 'status';
    status.textContent = 'Searching…';
    $('search-button').disabled = true;
    try {
      const body = await getJson('/api/search', params);
      if (ticket !== current) return;
      renderResults(body);
    } catch (e) {
      if (ticket !== current) return;
      $('results').replaceChildren();
      $('pager').hidden = true;
      showError(status, e);
    } finally {
      if (ticket === current) $('search-button').disabled = false;
    }
  }

  function renderResults(body) {
    const status = $('status');
    const list = $('results');
    const first = (body.page - 1) * body.size + 1;
    list.setAttribute('start', String(first));
    if (body.hits.length === 0) {
      status.textContent = body.page > 1 ? 'No more results.'
        : 'No abstracts match.' + (body.note ? ' Note: ' + body.note + '.' : '');
    } else {
      const last = first + body.hits.length - 1;
      const end = body.depthLimit ? ' (pages stop at result ' + body.depthLimit + ': narrow the query to see others)'
        : body.hasMore ? '' : ' (all)';
      status.textContent = 'Results ' + first + '–' + last + end + ' · ' + body.tookMs + ' ms';
    }
    list.replaceChildren(...body.hits.map(renderHit));
    const pager = $('pager');
    pager.hidden = body.page === 1 && !body.hasMore;
    $('prev').disabled = body.page <= 1;
    $('next').disabled = !body.hasMore;
    $('page-label').textContent = 'Page ' + body.page;
    pager.dataset.page = String(body.page);
  }

  function renderHit(h) {
    const url = safeUrl(h.url);
    const title = h.title || '(untitled)';
    const meta = [];
    const add = (x) => {
      if (meta.length) meta.push(el('span', { class: 'sep', 'aria-hidden': 'true' }, '·'));
      meta.push(x);
    };
    if (h.year) add(String(h.year));
    if (h.journal) add(h.journal);
    if (h.publicationTypes && h.publicationTypes.length) add(h.publicationTypes.join(', '));
    add('score ' + h.score.toFixed(2));
    add('id ' + h.id);
    if (h.retracted) add(el('span', { class: 'retracted-flag' }, 'retracted'));

    const best = (h.sentences && h.sentences[0]) || { fragments: [] };
    const item = el('li', { class: 'hit', 'data-id': h.id },
      el('h3', null, url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, title) : title),
      el('p', { class: 'meta' }, ...meta),
      el('p', { class: 'snippet' }, ...fragments(best.fragments)));
    const more = el('button', { type: 'button', class: 'quiet', 'aria-expanded': 'false' }, 'Show abstract');
    more.addEventListener('click', () => toggleAbstract(item, h.id, best.index, more));
    item.append(el('div', { class: 'actions' }, more));
    return item;
  }

  /**
   * The API address of a record. Any id goes in the path, encoded ("/" included); only "." and "..", which the browser
   * resolves away as path segments (even written %2E), go in the query.
   */
  function abstractUrl(id) {
    return id === '.' || id === '..' ? '/api/abstract?id=' + encodeURIComponent(id)
      : '/api/abstract/' + encodeURIComponent(id);
  }

  async function toggleAbstract(item, id, bestIndex, button) {
    const open = item.querySelector('.abstract');
    if (open) {
      open.remove();
      button.textContent = 'Show abstract';
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    button.disabled = true;
    try {
      const r = await fetch(abstractUrl(id));
      const body = await r.json();
      if (!r.ok) throw body;
      const box = el('div', { class: 'abstract' });
      if (body.sentences && body.sentences.length) {
        // Each section's label (BACKGROUND, RESULTS...) before its first sentence, where the sentences are the
        // sections' pieces; the best sentence marked.
        const sections = body.sentenceSections || [];
        body.sentences.forEach((s, i) => {
          const section = sections[i];
          const label = section != null && section !== sections[i - 1] && body.sections[section]
            ? body.sections[section].label : null;
          if (label) box.append(el('p', { class: 'section-label' }, label));
          box.append(el('p', { class: i === bestIndex ? 'best' : null }, s));
        });
      } else {
        body.sections.forEach((s) => {
          if (s.label) box.append(el('p', { class: 'section-label' }, s.label));
          box.append(el('p', {}, s.text));
        });
      }
      if (body.mesh && body.mesh.length) {
        box.append(el('p', { class: 'meta' }, 'MeSH: ' + body.mesh.map((m) => m.descriptor).join('; ')));
      }
      item.insertBefore(box, item.querySelector('.actions'));
      button.textContent = 'Hide abstract';
      button.setAttribute('aria-expanded', 'true');
    } catch (e) {
      // One error line per hit: a second failed click replaces the first.
      const error = el('p', { class: 'status error' }, (e && e.error) || 'cannot load the abstract');
      const before = item.querySelector(':scope > .status.error');
      if (before) before.replaceWith(error);
      else item.append(error);
    } finally {
      button.disabled = false;
    }
  }

  function go(page) {
    if (!$('q').value.trim()) {
      $('q').focus();
      return;
    }
    const p = formParams(page);
    history.pushState(null, '', '/?' + p.toString());
    search(p);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(1);
  });
  $('prev').addEventListener('click', () => go(Math.max(1, Number($('pager').dataset.page || '1') - 1)));
  $('next').addEventListener('click', () => go(Number($('pager').dataset.page || '1') + 1));
  window.addEventListener('popstate', () => fromAddress());

  function fromAddress() {
    const p = new URLSearchParams(location.search);
    fillForm(p);
    if (p.get('q')) search(p);
  }

  // ----- verify -------------------------------------------------------------------------------------------------

  const VERDICTS = {
    SUPPORTED: 'Supported',
    CONTRADICTED: 'Contradicted',
    MIXED: 'Mixed evidence',
    INSUFFICIENT_EVIDENCE: 'Insufficient evidence',
  };

  $('verify-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const claim = $('claim').value.trim();
    if (!claim) return;
    const status = $('verify-status');
    status.className = 'status';
    status.textContent = 'Checking…';
    $('verify-button').disabled = true;
    $('verdict').replaceChildren();
    try {
      const v = await getJson('/api/verify', new URLSearchParams({ claim }));
      status.textContent = '';
      renderVerdict(v);
    } catch (err) {
      showError(status, err);
    } finally {
      $('verify-button').disabled = false;
    }
  });

  function renderVerdict(v) {
    const head = el('div', { class: 'verdict-head' },
      el('span', { class: 'badge ' + v.verdict, id: 'verdict-label' }, VERDICTS[v.verdict] || v.verdict),
      el('span', { class: 'numbers' },
        'confidence ' + v.confidence.toFixed(2) + ' · ' + v.supporting + ' for, ' + v.contradicting + ' against'));
    const stanced = v.abstracts.filter((a) => a.stance !== 'NEUTRAL');
    const neutral = v.abstracts.filter((a) => a.stance === 'NEUTRAL');
    const parts = [head];
    if (stanced.length) {
      parts.push(el('ol', { class: 'evidence' }, ...stanced.map(renderEvidence)));
    } else {
      parts.push(el('p', { class: 'meta' }, v.abstracts.length
        ? 'None of the abstracts found takes a stance on the claim.' : 'No abstracts found.'));
    }
    if (neutral.length) {
      parts.push(el('details', { class: 'neutral' },
        el('summary', null, neutral.length + (neutral.length === 1 ? ' abstract' : ' abstracts') +
          ' retrieved without a stance'),
        el('ol', { class: 'evidence' }, ...neutral.map(renderEvidence))));
    }
    $('verdict').replaceChildren(...parts);
  }

  function renderEvidence(a) {
    const url = safeUrl(a.url);
    const title = a.title || a.id;
    const li = el('li', null,
      el('div', null,
        el('span', { class: 'stance ' + a.stance }, a.stance.toLowerCase()),
        el('span', { class: 'title' },
          url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, title) : title)),
      el('div', { class: 'meta' }, [a.year, a.design, a.retracted ? 'retracted: not counted' : null]
        .filter((x) => x).join(' · ')));
    for (const s of a.sentences) li.append(el('blockquote', null, s.text));
    return li;
  }

  // ----- start --------------------------------------------------------------------------------------------------

  fetch('/health').then((r) => r.json()).then((h) => {
    $('index-info').textContent = h.documents.toLocaleString('en') + ' abstracts';
  }).catch(() => {});
  fromAddress();
})();
