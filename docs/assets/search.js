/*
 * Search for Vietnamese readers, on the Pagefind index the build writes to
 * /pagefind/ (macros/search_hook.py, scripts/quyche/site/search.py).
 *
 * Pagefind folds tones ("chanh" finds "Chánh") but not đ, and knows nothing of
 * abbreviations; so each query is searched in its variants, and the results
 * merged, best score first:
 *   - a word starting with d also as đ, and back ("dak" → "đak": Đắk);
 *   - an abbreviation also spelled out, and a spelled-out name also
 *     abbreviated ("BTV" ↔ "Ban Thường vụ"), from quyche.abbreviations.
 *     Typed in lower case an abbreviation counts only if it cannot be a
 *     Vietnamese syllable: "ubnd" is UBND, "tu" stays tu/từ/tự, not TU.
 * A role card is found on its text's roles page (one indexed page per text): a
 * result there is shown as the card and opens it, and a query that is a post's
 * name shows that post's card first (namedPosts).
 * Each result names its document and that document's status, and points to
 * the article or clause holding the words (the innermost element with an id
 * before them), with an excerpt of the words around them.
 *
 * The index is fetched only when the reader starts searching; the page itself
 * loads nothing of it. Opened from a folder (file://), browsers refuse to load
 * the index, so the box says how to serve the site instead.
 */
(function () {
  "use strict"
  var box = document.querySelector(".qc-search")
  if (!box) return
  var input = box.querySelector(".md-search__input")
  var toggle = document.getElementById("__search")
  var meta = box.querySelector(".md-search-result__meta")
  var list = box.querySelector(".md-search-result__list")
  var more = box.querySelector(".qc-search-more")
  var filterBox = box.querySelector(".qc-search-filters")
  var selects = Array.prototype.slice.call(box.querySelectorAll("select[data-filter]"))
  var root = new URL((box.getAttribute("data-base") || ".").replace(/\/?$/, "/"), location.href)
  // Pagefind's ranking, two settings changed. pageLength 0.1 (default 0.75): a
  // regulation's full text is long, and its articles should not lose to every short
  // card. termSimilarity 4 (default 1): every word is also a prefix, and a short
  // syllable prefixes many ("bi" → biên, biểu), so whole words must count for more.
  var RANKING = { pageLength: 0.1, termSimilarity: 4 }
  // Pagefind searches on the page's own thread, not in its worker: the worker script is
  // 41 KB more of the same code on every first query (a sixth of it at 400 regulations).
  // A search there blocks the page for tenths of a second, so none may run while the
  // reader is still typing: the box waits for a pause longer than the reader's own gaps
  // between keys (PACE of them, TYPING at least, PAUSE_MAX at most). At 400 regulations,
  // a search after every key of "chanh van phong" typed at 250 ms a key blocked the page
  // for 7 s in all, up to 1.4 s at a time.
  var NO_WORKER = true
  var TYPING = 200, PACE = 1.6, PAUSE_MAX = 700   // ms, ms per ms, ms
  var MIN_LETTERS = 2   // one letter prefixes nearly every word: nothing to search yet
  // Results shown first, then PAGE more per click: each result fetches its page's
  // fragment (a text's is ~10 KB), so ten before the first were twice the wait on a phone.
  var PAGE = 5
  var PLACES = 3         // places shown in a result
  var MAX_VARIANTS = 16  // searches run for one query

  // Pages found at an anchor of another page, not indexed themselves: a role card is
  // found on its text's roles page, at "the:" + the post's id. [anchor prefix, link from
  // that page, {} standing for the rest of the anchor] (quyche.site.pages.search_links).
  var LINKS = []
  try { LINKS = JSON.parse(box.getAttribute("data-links") || "[]") } catch (e) { LINKS = [] }

  /** The page an anchor stands for, if it stands for one (a role card), else null. */
  function pageAt(url, id) {
    for (var i = 0; i < LINKS.length; i++) {
      if (id.indexOf(LINKS[i][0]) === 0)
        return new URL(LINKS[i][1].replace("{}", id.slice(LINKS[i][0].length)), new URL(url, location.href)).href
    }
    return null
  }

  var FROM_FOLDER = "Tìm kiếm cần trang được phục vụ qua một máy chủ web; trình duyệt không cho tải chỉ mục tìm kiếm " +
    "khi mở tệp trực tiếp từ thư mục (file://). Cách làm: trong thư mục chứa trang, chạy " +
    "«python3 -m http.server 8000» (hoặc «mkdocs serve» trong thư mục mã nguồn), rồi mở http://127.0.0.1:8000/. " +
    "Các phần khác của trang vẫn dùng được khi mở từ thư mục."

  // -- folding: quyche.normalize.fold, the same steps ------------------------------
  var MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g
  function fold(text) {
    return text.normalize("NFC").toLowerCase().normalize("NFD").replace(/đ/g, "d").replace(MARKS, "")
  }
  window.quycheFold = fold   // the tests compare it with the Python fold

  // A folded Vietnamese syllable: initial consonant(s), vowels, a final consonant.
  var SYLLABLE = /^(ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(ng|nh|ch|[cmnpt])?$/
  var SEPARATORS = /[\s\-–—,;:!?()\[\]"“”‘’«»\/…]+/
  var SEPARATORS_ALL = new RegExp(SEPARATORS.source, "g")

  function letters(text) { return text.replace(SEPARATORS_ALL, "").length }

  function splitWords(text) { return text.normalize("NFC").split(SEPARATORS).filter(Boolean) }

  var TERMS = []
  try {
    TERMS = JSON.parse(box.getAttribute("data-terms") || "[]").map(function (pair) {
      return { abbr: pair[0], abbrFold: fold(pair[0]), expansion: pair[1], expWords: splitWords(pair[1]).map(fold) }
    }).sort(function (a, b) { return b.expWords.length - a.expWords.length })
  } catch (e) { TERMS = [] }

  function abbreviationOf(word) {
    var folded = fold(word)
    for (var i = 0; i < TERMS.length; i++) {
      var t = TERMS[i]
      if (word === t.abbr || (folded === t.abbrFold && word !== word.toUpperCase() && !SYLLABLE.test(folded)) ||
          (folded === t.abbrFold && word === word.toUpperCase() && word.length > 1)) return t
    }
    return null
  }

  // The words starting with d or đ that the texts use, tones folded, đ kept
  // (assets/tim-kiem-d.json, read with the index): a word is searched in the other
  // spelling only if the texts may use it, so "dak lak" is one search ("đak lak").
  var DWORDS = null
  function foldKeepD(text) { return text.normalize("NFC").toLowerCase().normalize("NFD").replace(MARKS, "").normalize("NFC") }
  function indexHolds(word) {
    var w = foldKeepD(word)
    for (var i = 0; i < DWORDS.length; i++) if (DWORDS[i].indexOf(w) === 0) return true   // as a prefix: the reader may not have finished the word
    return false
  }
  function dSpellings(word) {
    var other = swapD(word)
    if (!DWORDS) return [word, other]
    var mine = indexHolds(word), theirs = indexHolds(other)
    if (mine && !theirs) return [word]
    if (theirs && !mine) return [other]
    return [word, other]
  }

  function swapD(word) {
    var first = word.charAt(0)
    var other = { d: "đ", D: "Đ", "đ": "d", "Đ": "D" }[first]
    return other ? other + word.slice(1) : null
  }

  /** The alternatives of each part of the query: [[original, other…], …]. */
  function parts(words) {
    var out = []
    for (var i = 0; i < words.length; ) {
      var folded = words.slice(i).map(fold), matched = null
      for (var k = 0; k < TERMS.length && !matched; k++) {
        var w = TERMS[k].expWords
        if (w.length > 1 && w.every(function (x, j) { return folded[j] === x })) matched = TERMS[k]
      }
      if (matched) {
        out.push([words.slice(i, i + matched.expWords.length).join(" "), matched.abbr])
        i += matched.expWords.length
        continue
      }
      var term = abbreviationOf(words[i])
      if (term) out.push([words[i], term.expansion])
      else out.push(swapD(words[i]) ? dSpellings(words[i]) : [words[i]])
      i += 1
    }
    return out
  }

  /** Every combination of the alternatives, the query as typed first, at most MAX_VARIANTS. */
  function variants(query) {
    var out = [""]
    parts(splitWords(query)).forEach(function (alternatives) {
      var next = []
      alternatives.forEach(function (alt) {
        out.forEach(function (v) { if (next.length < MAX_VARIANTS) next.push(v ? v + " " + alt : alt) })
      })
      out = next
    })
    return out.filter(Boolean)
  }
  window.quycheSearchVariants = variants

  // -- the index ---------------------------------------------------------------------
  var pagefind = null
  function load() {
    if (!pagefind) {
      var words = fetch(new URL("assets/tim-kiem-d.json", root).href)
        .then(function (r) { return r.ok ? r.json() : null }).catch(function () { return null })
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return Promise.resolve(pf.options({ baseUrl: root.pathname, ranking: RANKING, noWorker: NO_WORKER }))
          .then(function () { return pf.init() })
          .then(function () { return words }).then(function (list) { if (Array.isArray(list)) DWORDS = list; return pf })
      })
    }
    return pagefind
  }

  function fillFilters(pf) {
    return pf.filters().then(function (available) {
      selects.forEach(function (select) {
        var values = available[select.getAttribute("data-filter")] || {}
        Object.keys(values).sort(function (a, b) { return a.localeCompare(b, "vi") }).forEach(function (value) {
          var option = document.createElement("option")
          option.value = value
          option.textContent = value + " (" + values[value] + ")"
          select.appendChild(option)
        })
      })
      filterBox.hidden = false
    })
  }

  function chosenFilters() {
    var filters = {}
    selects.forEach(function (s) { if (s.value) filters[s.getAttribute("data-filter")] = s.value })
    return filters
  }

  // -- searching ---------------------------------------------------------------------
  var current = { seq: 0, merged: [], shown: 0, query: "" }
  var filtersAsked = false   // the filter lists are read once, after the first results

  /** One entry per page, best score first, from the answers of the query's variants. */
  function merge(answers) {
    var byId = {}
    answers.forEach(function (answer) {
      (answer && answer.results || []).forEach(function (r) {
        var entry = byId[r.id] || (byId[r.id] = { id: r.id, score: 0, hits: [] })
        entry.score = Math.max(entry.score, r.score)
        entry.hits.push(r)
      })
    })
    return Object.keys(byId).map(function (id) { return byId[id] }).sort(function (a, b) { return b.score - a.score })
  }

  function datasOf(entry) {
    return entry.datas || (entry.datas = Promise.all(entry.hits.map(function (r) { return r.data() })))
  }

  function nameKey(text) { return fold(text).replace(/[^a-z0-9]+/g, " ").trim() }

  /** A query that is a post's name ("chanh van phong", "bi thu tinh uy") shows that post's
   *  card first: Pagefind ranks a whole text, where the words recur, above the short list
   *  of posts on a roles page. The roles pages are searched on their own (their kind as
   *  a filter), the first NAMED looked into, and those holding a post of that very name
   *  come first, in Pagefind's order (a text in force first). */
  var NAMED = 3
  function namedPosts(pf, words, filters) {
    var kind = LINKS.length && LINKS[0][2]
    if (!kind || filters.loai_trang) return Promise.resolve([])
    var wanted = {}
    words.forEach(function (v) { wanted[nameKey(v)] = true })
    var only = Object.assign({}, filters, { loai_trang: kind })
    return Promise.all(words.map(function (v) { return pf.search(v, { filters: only }) })).then(function (answers) {
      return Promise.all(merge(answers).slice(0, NAMED).map(function (entry) {
        return datasOf(entry).then(function (datas) {
          var post = (datas[0].anchors || []).filter(function (a) {
            return a.id && pageAt(datas[0].url, a.id) && wanted[nameKey(a.text || "")]
          })[0]
          if (post) entry.named = post.id
          return entry
        })
      }))
    }).then(function (entries) { return entries.filter(function (e) { return e.named }) })
  }

  function search(query) {
    var seq = ++current.seq
    query = query.trim()
    if (letters(query) < MIN_LETTERS) { clear(); return Promise.resolve() }
    if (location.protocol === "file:") { say(FROM_FOLDER); return Promise.resolve() }
    say("Đang tìm…")
    list.setAttribute("aria-busy", "true")   // until the first results are all shown
    return load().then(function (pf) {
      var filters = chosenFilters(), words = variants(query)
      // the roles pages first: a search among them is short, and the pages it looks into
      // are fetched while the whole index is searched
      var named = namedPosts(pf, words, filters)
      return Promise.all([Promise.all(words.map(function (v) { return pf.search(v, { filters: filters }) })), named])
    }).then(function (both) {
      if (seq !== current.seq) return
      var named = both[1], first = {}
      named.forEach(function (e) { first[e.id] = true })
      current.merged = named.concat(merge(both[0]).filter(function (e) { return !first[e.id] }))
      current.shown = 0
      current.query = query
      list.textContent = ""
      return showMore(seq)
    }, function () {
      if (seq !== current.seq) return
      list.removeAttribute("aria-busy")
      say("Không tải được chỉ mục tìm kiếm (thư mục pagefind/ của trang). Hãy tải lại trang.")
    })
  }

  function showMore(seq) {
    var batch = current.merged.slice(current.shown, current.shown + PAGE)
    current.shown += batch.length
    list.setAttribute("aria-busy", "true")
    // Each result is shown as soon as its page's fragment and those before it are in.
    var n = current.merged.length, done = Promise.resolve()
    var told = function () {
      say(n ? n + " kết quả cho «" + current.query + "»" : "Không tìm thấy kết quả cho «" + current.query + "».")
    }
    if (!batch.length) told()
    batch.map(datasOf).forEach(function (data, i) {
      done = done.then(function () { return data }).then(function (d) {
        if (seq !== current.seq) return
        list.appendChild(render(d, batch[i].named))
        if (i === 0) told()
      })
    })
    return done.then(function () {
      if (seq !== current.seq) return
      list.removeAttribute("aria-busy")
      if (!filtersAsked) { filtersAsked = true; load().then(fillFilters).catch(function () {}) }
      more.hidden = current.shown >= n
    })
  }

  // -- one result ----------------------------------------------------------------------
  var DECODE = document.createElement("textarea")
  function decode(text) { DECODE.innerHTML = text; return DECODE.value }

  function element(tag, className, text) {
    var e = document.createElement(tag)
    if (className) e.className = className
    if (text != null) e.textContent = text
    return e
  }

  /** Words of the content from..to (exclusive), matched ones marked. */
  function excerpt(words, from, to, marked) {
    var p = element("p", "qc-search-excerpt")
    if (from > 0) p.appendChild(document.createTextNode("… "))
    for (var i = Math.max(0, from); i < Math.min(words.length, to); i++) {
      var w = decode(words[i])
      if (marked[i]) p.appendChild(element("mark", null, w))
      else p.appendChild(document.createTextNode(w))
      p.appendChild(document.createTextNode(" "))
    }
    if (to < words.length) p.appendChild(document.createTextNode("…"))
    return p
  }

  function heading(words, at, count) {
    return words.slice(at, at + count).map(decode).join(" ").replace(/\s*¶\s*$/, "")
  }

  /** The places in the page holding matched words: the innermost anchor before each.
   *  Linear in the page's words: a page gathering many texts has thousands of both. */
  function places(data, locations, named) {
    var anchors = (data.anchors || []).filter(function (a) { return a.id && a.id.slice(0, 2) !== "__" })
      .sort(function (a, b) { return a.location - b.location })
    var groups = {}, order = [], at = -1
    locations.forEach(function (loc) {   // locations are sorted, so the anchor only moves forward
      while (at + 1 < anchors.length && anchors[at + 1].location <= loc) at++
      var anchor = at >= 0 ? anchors[at] : null
      var key = anchor ? anchor.id : ""
      if (!groups[key]) { groups[key] = { anchor: anchor, locations: [] }; order.push(key) }
      groups[key].locations.push(loc)
    })
    var words = data.words
    return order.map(function (k) {
      var g = groups[k], distinct = {}, run = {}, runWeight = 0, best = 1, bestWeight = 0
      g.locations.forEach(function (l, i) {
        var word = fold(decode(words[l] || "")).replace(/[^\w]+$/, "")
        distinct[word] = true
        var w = data.weights[l] || 1
        if (i > 0 && l === g.locations[i - 1] + 1) { run[word] = true; runWeight += w } else { run = {}; run[word] = true; runWeight = w }
        var size = Object.keys(run).length   // distinct words: "Ban Thường vụ, Thường trực" is 3, not 4
        if (size > best || (size === best && runWeight > bestWeight)) { best = size; bestWeight = runWeight }
      })
      g.distinct = Object.keys(distinct).length
      g.run = best             // the query's words side by side, as a phrase: the place that says it
      g.weight = bestWeight    // … in a heading (an article's title) weighs more than in its text
      return g
    }).sort(function (a, b) {
      var isNamed = function (g) { return named && g.anchor && g.anchor.id === named ? 1 : 0 }   // the post the query names
      return isNamed(b) - isNamed(a) ||
        b.run - a.run || b.weight - a.weight || b.distinct - a.distinct || b.locations.length - a.locations.length
    }).slice(0, PLACES).map(function (g) {
      // the section holding the anchor (an article around its clause), for the place's title
      g.section = g.anchor && anchors.filter(function (a) {
        return a.location <= g.anchor.location && (g.anchor.id === a.id || g.anchor.id.indexOf(a.id + "-") === 0) && a.element === "section"
      }).sort(function (a, b) { return b.location - a.location })[0]
      // a heading, or a link with an id: a post on its roles page, named by its link
      g.title = g.anchor && /^(h[1-6]|a)$/.test(g.anchor.element) ? g.anchor.text : null
      return g
    })
  }

  function render(datas, named) {
    var data = datas[0], marked = {}, locations = []
    datas.forEach(function (d) {
      d.locations.forEach(function (l) { if (!marked[l]) { marked[l] = true; locations.push(l) } })
    })
    locations.sort(function (a, b) { return a - b })
    data.weights = {}
    datas.forEach(function (d) {
      (d.weighted_locations || []).forEach(function (w) { data.weights[w.location] = Math.max(data.weights[w.location] || 0, w.weight) })
    })
    data.words = data.content.split(/\s+/)
    var m = data.meta || {}, filters = data.filters || {}
    // from the page's filters, not metadata, which Pagefind would search too (quyche.site.search)
    var doc = (filters.van_ban || [])[0], status = (filters.hieu_luc || [])[0], kind = (filters.loai_trang || [])[0]
    var statusCode = (filters.ma_hieu_luc || [])[0] || ""
    var found = places(data, locations, named)
    // A roles page whose best place is a post is that post's card: the result is the card
    // (its name, its link), the other posts it holds follow as places.
    var card = found.length && found[0].anchor ? pageAt(data.url, found[0].anchor.id) : null
    var item = element("li", "md-search-result__item")
    var link = element("a", "md-search-result__link")
    link.href = card || data.url
    var article = element("article", "md-search-result__article md-typeset")
    var own = card ? found.shift() : null
    article.appendChild(element("h2", "qc-search-title", own ? own.title : (m.title || data.url).replace(/\s*¶\s*$/, "")))
    var about = element("p", "qc-search-about")
    if (doc) about.appendChild(element("span", "qc-search-doc", doc))
    if (status) about.appendChild(element("span", "qc-search-status qc-search-status--" + statusCode, status))
    if (kind) about.appendChild(element("span", "qc-search-kind", kind))
    article.appendChild(about)
    if (own) article.appendChild(excerpt(data.words, own.locations[0] - 2, own.locations[0] + 20, marked))
    link.appendChild(article)
    item.appendChild(link)
    var page = data.url.split("#")[0]
    found.forEach(function (g) {
      var first = g.locations[0]
      var sub = element("a", "md-search-result__link qc-search-place")
      sub.href = g.anchor ? pageAt(page, g.anchor.id) || page + "#" + g.anchor.id : data.url
      var subArticle = element("article", "md-search-result__article md-typeset")
      if (g.anchor) {
        var title = g.title ? g.title : g.section && g.section !== g.anchor
          ? heading(data.words, g.section.location, 10) + " › " + heading(data.words, g.anchor.location, 6)
          : heading(data.words, g.anchor.location, 10)
        subArticle.appendChild(element("h3", "qc-search-place-title", title))
      }
      subArticle.appendChild(excerpt(data.words, first - 8, first + 24, marked))
      sub.appendChild(subArticle)
      item.appendChild(sub)
    })
    return item
  }

  function say(text) { meta.textContent = text }
  function clear() {
    current.merged = []; current.shown = 0; list.textContent = ""; more.hidden = true
    list.removeAttribute("aria-busy")
    say("Gõ từ cần tìm, có dấu hay không dấu đều được. Phím tắt: /")
  }

  // -- the box: typing, filters, keyboard --------------------------------------------
  var timer = null
  var lastKey = 0
  input.addEventListener("input", function () {
    var now = Date.now(), gap = now - lastKey
    lastKey = now
    // the reader's pace; after a first key, or a pause, nothing to wait for but this one
    var pause = gap < PAUSE_MAX ? Math.min(PAUSE_MAX, Math.max(TYPING, PACE * gap)) : TYPING
    clearTimeout(timer)
    timer = setTimeout(function () { search(input.value) }, pause)
    // While the reader types, the index chunks of the words so far are fetched and read
    // (Pagefind's preload): the wait for the last key is spent loading, not idle.
    var query = input.value.trim()
    if (letters(query) >= MIN_LETTERS && location.protocol !== "file:") load().then(function (pf) {
      variants(query).forEach(function (v) { pf.preload(v, { filters: chosenFilters() }) })
    }).catch(function () {})
  })
  input.addEventListener("focus", function () {
    if (toggle && !toggle.checked) toggle.checked = true
    if (location.protocol === "file:") say(FROM_FOLDER)
    else load().catch(function () {})
  })
  if (toggle) toggle.addEventListener("change", function () {
    if (toggle.checked) setTimeout(function () { input.focus() }, 50)
  })
  selects.forEach(function (s) { s.addEventListener("change", function () { search(input.value) }) })
  more.addEventListener("click", function () { showMore(current.seq) })
  box.querySelector("form").addEventListener("submit", function (e) { e.preventDefault() })
  box.querySelector("form").addEventListener("reset", function () { setTimeout(function () { clear(); input.focus() }, 0) })
  list.addEventListener("click", function (e) {
    if (e.target.closest && e.target.closest("a") && toggle) toggle.checked = false
  })

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a.md-search-result__link")) }
  function close() { if (toggle) toggle.checked = false; input.blur() }

  document.addEventListener("keydown", function (e) {
    var inBox = box.contains(document.activeElement)
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName) ||
      (document.activeElement && document.activeElement.isContentEditable)
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault()
      if (toggle) toggle.checked = true
      input.focus()
      return
    }
    if (!inBox) return
    var all = links(), at = all.indexOf(document.activeElement)
    if (e.key === "Escape") { e.preventDefault(); close() }
    else if (e.key === "ArrowDown" && (document.activeElement === input || at >= 0) && all.length) {
      e.preventDefault(); all[Math.min(at + 1, all.length - 1)].focus()
    } else if (e.key === "ArrowUp" && at >= 0) {
      e.preventDefault(); if (at === 0) input.focus(); else all[at - 1].focus()
    } else if (e.key === "Enter" && document.activeElement === input && all.length) {
      e.preventDefault(); clearTimeout(timer)
      search(input.value).then(function () { var first = links()[0]; if (first) { close(); location.href = first.href } })
    }
  })
})()
