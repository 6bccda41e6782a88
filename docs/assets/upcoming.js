/*
 * What is next, from the reader's today (the pages are built once; today is not):
 *  - "Sắp tới" on the home page: the next ten dates of the texts in force, picked
 *    from the dates the build wrote (window.quycheUpcoming, set by xuat/sap-toi/<today>.js,
 *    which the page loads with <script src> so that it works from a folder too;
 *    if the data did not load, it says so);
 *  - month calendars (.qc-rolling, deadline pages and role cards): opened at the
 *    current month, today marked, twelve months shown; the other months one click away;
 *  - filters of the combined deadline table (.qc-filter): document, post, month.
 * Without script every page keeps all its months, rows and links. Text goes in with
 * textContent, never as HTML.
 */
(function () {
  "use strict"
  var WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"]
  var DAY = 86400000

  function pad(n) { return (n < 10 ? "0" : "") + n }
  function iso(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) }
  function parse(isoDate) {
    var p = isoDate.split("-")
    return new Date(+p[0], +p[1] - 1, +p[2])
  }
  function shown(isoDate) {
    var p = isoDate.split("-")
    return WEEKDAYS[parse(isoDate).getDay()] + ", " + p[2] + "/" + p[1] + "/" + p[0]
  }
  function monthKey(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) }
  function monthName(key) { var p = key.split("-"); return "tháng " + (+p[1]) + "/" + p[0] }
  function ahead(isoDate, today) {
    var n = Math.round((parse(isoDate) - parse(today)) / DAY)
    return n === 0 ? "hôm nay" : n === 1 ? "ngày mai" : "còn " + n + " ngày"
  }
  function dayOff(isoDate, holidays) {
    if (holidays[isoDate]) return holidays[isoDate]
    var day = parse(isoDate).getDay()
    return day === 0 || day === 6 ? WEEKDAYS[day] : ""
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag)
    if (cls) e.className = cls
    if (text) e.textContent = text
    return e
  }
  function today() { var d = new Date(); return new Date(d.getFullYear(), d.getMonth(), d.getDate()) }

  /* --- "Sắp tới": the next ten ------------------------------------------------ */
  function renderUpcoming(box, data) {
    var from = iso(today()), count = +box.getAttribute("data-count") || 10
    box.textContent = ""
    if (from > data.last || from < data.first) {
      box.appendChild(el("p", null, "Trang này có lịch từ " + shown(data.first) + " đến " + shown(data.last) +
        "; hôm nay nằm ngoài khoảng đó, nên cần dựng lại trang để có lịch mới."))
      return
    }
    var next = []
    data.facts.forEach(function (f) {
      f.dates.forEach(function (d) { if (d >= from) next.push({date: d, fact: f}) })
    })
    next.sort(function (a, b) {
      return a.date < b.date ? -1 : a.date > b.date ? 1 : a.fact.text - b.fact.text || (a.fact.name < b.fact.name ? -1 : 1)
    })
    next = next.slice(0, count)
    box.appendChild(el("p", "qc-upcoming-range", next.length
      ? next.length + " mốc tiếp theo của các văn bản đang có hiệu lực, từ hôm nay (" + shown(from) + "):"
      : "Từ hôm nay (" + shown(from) + ") đến " + shown(data.last) + " không có mốc nào trong các văn bản đang có hiệu lực."))
    var list = el("ul"), last = null, inner = null
    next.forEach(function (item) {
      var f = item.fact
      if (item.date !== last) {
        var li = el("li")
        li.appendChild(el("strong", null, shown(item.date)))
        li.appendChild(el("span", "qc-ahead", " — " + ahead(item.date, from)))
        inner = el("ul")
        li.appendChild(inner)
        list.appendChild(li)
        last = item.date
      }
      var row = el("li"), link = el("a", null, f.cite), off = dayOff(item.date, data.holidays)
      link.href = f.href   // relative to the home page, where this runs
      row.appendChild(document.createTextNode(f.name))
      if (f.due) row.appendChild(el("strong", null, " (" + f.due + ")"))
      row.appendChild(document.createTextNode((f.who ? " — " + f.who : "") + " (" + data.texts[f.text] + ", "))
      row.appendChild(link)
      row.appendChild(document.createTextNode(")"))
      if (off) {
        row.appendChild(el("span", "qc-flag", " Rơi vào ngày nghỉ: " + off + "."))
        if (f.rule) row.appendChild(document.createTextNode(" Văn bản quy định: «" + f.rule + "»."))
      }
      inner.appendChild(row)
    })
    if (next.length) box.appendChild(list)
  }

  // Each day has its own file of the next dates (xuat/sap-toi/<day>.js): today's is loaded
  // as a script, which a page opened from a folder may do, where it may not fetch.
  document.querySelectorAll(".qc-upcoming-list").forEach(function (box) {
    var day = iso(today()), first = box.getAttribute("data-first"), last = box.getAttribute("data-last")
    function failed() {
      // Script is on (this runs), so the text for readers without it would be wrong.
      var off = box.querySelector(".qc-noscript")
      if (off) off.textContent = "Không tải được danh sách các mốc sắp tới; xem trang Lịch và thời hạn."
    }
    if (day < first || day > last) { renderUpcoming(box, {first: first, last: last, facts: [], texts: [], holidays: {}}); return }
    var script = document.createElement("script")
    script.src = box.getAttribute("data-src").replace(box.getAttribute("data-day"), day)
    script.onload = function () { if (window.quycheUpcoming) renderUpcoming(box, window.quycheUpcoming); else failed() }
    script.onerror = failed
    document.head.appendChild(script)
  })

  /* --- Month calendars: open at this month, twelve months, today marked ------- */
  function rolling(box) {
    var now = today(), t = iso(now), first = monthKey(now)
    var until = monthKey(new Date(now.getFullYear(), now.getMonth() + 11, 1))
    var note = box.querySelector(".qc-rolling-span")
    if (t < box.getAttribute("data-first") || t > box.getAttribute("data-last")) {
      if (note) note.textContent += " Hôm nay (" + shown(t) + ") nằm ngoài khoảng đó: cần dựng lại trang để có lịch mới."
      return
    }
    var months = box.querySelectorAll(".qc-month[data-month]"), hidden = [], marked = false
    months.forEach(function (m) {
      var key = m.getAttribute("data-month")
      if (key < first || key > until) { m.hidden = true; hidden.push(m) }
    })
    box.querySelectorAll("li[data-date]").forEach(function (li) {
      var d = li.getAttribute("data-date")
      if (d < t) li.classList.add("qc-past")
      if (d === t) { li.classList.add("qc-today"); li.insertBefore(el("strong", "qc-today-tag", "Hôm nay · "), li.firstChild); marked = true }
    })
    if (!marked) {   // a line "today" where today falls among the dates
      var after = null
      box.querySelectorAll("li[data-date]").forEach(function (li) {
        if (!after && li.getAttribute("data-date") > t) after = li
      })
      var mark = el("p", "qc-today-line", "Hôm nay: " + shown(t))
      if (after && after.closest(".qc-month").getAttribute("data-month") === first) after.parentNode.insertBefore(el("li", "qc-today-line", "Hôm nay: " + shown(t)), after)
      else {
        var firstShown = [].filter.call(months, function (m) { return !m.hidden })[0]
        if (firstShown) box.insertBefore(mark, firstShown)
        else box.appendChild(mark)
      }
    }
    var visible = months.length - hidden.length
    if (note) {
      note.textContent = "Đang hiện 12 tháng, từ " + monthName(first) + " đến " + monthName(until) +
        (visible ? " (" + visible + " tháng có mốc)." : ": không có mốc nào.") +
        " Ngày rơi vào Thứ Bảy, Chủ nhật hoặc ngày nghỉ lễ được đánh dấu, kèm điều văn bản quy định cho trường hợp đó. "
      if (hidden.length) {
        var button = el("button", "md-button qc-more", "Hiện cả " + hidden.length + " tháng khác")
        button.type = "button"
        button.addEventListener("click", function () {
          var show = hidden[0].hidden
          hidden.forEach(function (m) { m.hidden = !show })
          button.textContent = show ? "Chỉ hiện 12 tháng tới" : "Hiện cả " + hidden.length + " tháng khác"
        })
        note.appendChild(button)
      }
    }
  }
  document.querySelectorAll(".qc-rolling").forEach(rolling)

  /* --- Print: a button, the print date on every page, every expander open ---------- */
  var buttons = document.querySelectorAll(".qc-print")
  if (buttons.length) {
    var t = iso(today()).split("-"), style = document.createElement("style")
    style.textContent = '@page { @bottom-right { content: "In ngày ' + t[2] + "/" + t[1] + "/" + t[0] +
      ' · Trang " counter(page) "/" counter(pages); } }'
    document.body.appendChild(style)   // after the page's own @page rules, so it wins
    buttons.forEach(function (b) {
      b.hidden = false
      b.addEventListener("click", function () { window.print() })
    })
    var closed = []
    window.addEventListener("beforeprint", function () {
      closed = [].filter.call(document.querySelectorAll(".md-content details:not([open])"), function (d) { return true })
      closed.forEach(function (d) { d.open = true })
    })
    window.addEventListener("afterprint", function () { closed.forEach(function (d) { d.open = false }) })
  }

  /* --- Filters of the combined deadline table ------------------------------------ */
  document.querySelectorAll(".qc-filter").forEach(function (form) {
    var table = document.getElementById(form.getAttribute("data-table"))
    if (!table) return
    var rows = table.querySelectorAll("tbody tr"), count = form.querySelector(".qc-filter-count")
    function apply() {
      var doc = form.elements.doc.value, post = form.elements.post.value, month = form.elements.month.value, n = 0
      rows.forEach(function (tr) {
        var ok = (!doc || tr.getAttribute("data-doc") === doc) &&
          (!post || tr.getAttribute("data-posts").split("|").indexOf(post) >= 0) &&
          (!month || tr.getAttribute("data-months").split(" ").indexOf(month) >= 0)
        tr.hidden = !ok
        if (ok) n++
      })
      count.textContent = "Đang hiện " + n + " trên " + rows.length + " dòng."
    }
    form.addEventListener("change", apply)
    form.addEventListener("submit", function (e) { e.preventDefault() })
    form.hidden = false
    apply()
  })
})()
