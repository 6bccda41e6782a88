/*
 * A copy of the site opened from a folder (file://: a USB stick, a shared drive)
 * navigates like the site on a server, but whatever needs a server cannot work
 * there. An element that needs one carries its Vietnamese explanation in
 * data-qc-needs-server; opened from a folder, that text replaces the element's.
 */
(function () {
  "use strict"
  if (location.protocol !== "file:") return
  document.documentElement.classList.add("qc-from-folder")
  document.querySelectorAll("[data-qc-needs-server]").forEach(function (el) {
    el.textContent = el.getAttribute("data-qc-needs-server")
  })
})()
