/*
 * "Sắp tới" on the home page: the dates of the next days (data-days), picked in
 * the reader's browser from the dates the build wrote (window.quycheUpcoming, set
 * by xuat/sap-toi.js, which the page loads with <script src> so that it works from
 * a folder too: the page is built once; today is not). Without script the page
 * keeps its links to the calendars; if the data did not load, it says so. Text
 * goes in with textContent, never as HTML.
 */
(function () {
  "use strict"
  var WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"]

  function iso(d) {
    var m = d.getMonth() + 1, day = d.getDate()
    return d.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (day < 10 ? "0" : "") + day
  }
  function parse(isoDate) {
    var p = isoDate.split("-")
    return new Date(+p[0], +p[1] - 1, +p[2])
  }
  function shown(isoDate) {
    var p = isoDate.split("-")
    return WEEKDAYS[parse(isoDate).getDay()] + ", " + p[2] + "/" + p[1] + "/" + p[0]
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

  function render(box, data) {
    var today = new Date(), days = +box.getAttribute("data-days") || 14
    var from = iso(today), until = iso(new Date(today.getFullYear(), today.getMonth(), today.getDate() + days))
    box.textContent = ""
    if (from > data.last || until < data.first) {
      box.appendChild(el("p", null, "Trang này có lịch từ " + shown(data.first) + " đến " + shown(data.last) +
        "; hôm nay nằm ngoài khoảng đó, nên cần dựng lại trang để có lịch mới."))
      return
    }
    var next = []
    data.facts.forEach(function (f) {
      f.dates.forEach(function (d) { if (d >= from && d <= until) next.push({date: d, fact: f}) })
    })
    next.sort(function (a, b) {
      return a.date < b.date ? -1 : a.date > b.date ? 1 : a.fact.text - b.fact.text || (a.fact.name < b.fact.name ? -1 : 1)
    })
    box.appendChild(el("p", "qc-upcoming-range", "Từ hôm nay (" + shown(from) + ") đến " + shown(until) + ": " +
      (next.length ? next.length + " mốc." : "không có mốc nào trong các văn bản đang có hiệu lực.")))
    var list = el("ul"), last = null, inner = null
    next.forEach(function (item) {
      var f = item.fact
      if (item.date !== last) {
        var li = el("li")
        li.appendChild(el("strong", null, shown(item.date)))
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

  document.querySelectorAll(".qc-upcoming-list").forEach(function (box) {
    var data = window.quycheUpcoming
    if (data) { render(box, data); return }
    // Script is on (this runs), so the text for readers without it would be wrong.
    var off = box.querySelector(".qc-noscript")
    if (off) off.textContent = "Không tải được danh sách các mốc sắp tới; xem trang Lịch và thời hạn."
  })
})()
