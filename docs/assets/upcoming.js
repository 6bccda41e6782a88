/*
 * "Sắp tới" on the home page: the dates of the next days (data-days), picked in the
 * reader's browser from the dates the build wrote into the page (the page is
 * built once; today is not). Without script the page keeps its links to the
 * calendars. Text goes in with textContent, never as HTML.
 */
(function () {
  "use strict"
  var WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"]

  function iso(d) {
    var m = d.getMonth() + 1, day = d.getDate()
    return d.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (day < 10 ? "0" : "") + day
  }
  function shown(isoDate) {
    var p = isoDate.split("-"), d = new Date(+p[0], +p[1] - 1, +p[2])
    return WEEKDAYS[d.getDay()] + ", " + p[2] + "/" + p[1] + "/" + p[0]
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
    var next = data.dates.filter(function (d) { return d.date >= from && d.date <= until })
    box.appendChild(el("p", "qc-upcoming-range", "Từ hôm nay (" + shown(from) + ") đến " + shown(until) + ": " +
      (next.length ? next.length + " mốc." : "không có mốc nào trong các văn bản đang có hiệu lực.")))
    var list = el("ul"), last = null, item = null, inner = null
    next.forEach(function (d) {
      if (d.date !== last) {
        item = el("li")
        item.appendChild(el("strong", null, shown(d.date)))
        inner = el("ul")
        item.appendChild(inner)
        list.appendChild(item)
        last = d.date
      }
      var li = el("li"), link = el("a", null, d.cite)
      link.href = d.href   // relative to the home page, where this runs
      li.appendChild(document.createTextNode(d.name))
      if (d.due) li.appendChild(el("strong", null, " (" + d.due + ")"))
      li.appendChild(document.createTextNode((d.who ? " — " + d.who : "") + " (" + d.text + ", "))
      li.appendChild(link)
      li.appendChild(document.createTextNode(")"))
      if (d.off) {
        li.appendChild(el("span", "qc-flag", " Rơi vào ngày nghỉ: " + d.off + "."))
        if (d.rule) li.appendChild(document.createTextNode(" Văn bản quy định: «" + d.rule + "»."))
      }
      inner.appendChild(li)
    })
    if (next.length) box.appendChild(list)
  }

  document.querySelectorAll(".qc-upcoming").forEach(function (section) {
    var box = section.querySelector(".qc-upcoming-list"), raw = section.querySelector(".qc-upcoming-data")
    if (box && raw) render(box, JSON.parse(raw.textContent))
  })
})()
