/*
 * Search ranking for Vietnamese (the accent-free matching itself is in the
 * index, see scripts/quyche/site/search.py).
 *
 * Material turns every word of a query into a prefix ("bi thu" -> "bi* thu*").
 * Vietnamese words are short syllables, so "bi*" also matches "biên", "biểu",
 * "bình"… and pages full of those outrank "Bí thư". Here every short word but
 * the last must match a whole word (the last stays a prefix, for typing), and
 * the query is put in NFC so text typed with combining accents matches too.
 *
 * The query reaches Material's search worker as {type: 2, data: "<query>"};
 * anything else passes untouched, and if Material ever changes that message
 * this does nothing and search still works, only ranked as before.
 */
(function () {
  "use strict"
  var QUERY = 2
  var post = Worker.prototype.postMessage

  // Only short words: they are the syllables that prefix many others. A word
  // without "*" goes through lunr's search pipeline, whose English stemmer
  // leaves every Vietnamese syllable of the index as it is, but would turn a
  // longer English word ("meeting") into one the index does not hold.
  var SHORT = 4

  function wholeWords(query) {
    var terms = query.normalize("NFC").trim().split(/\s+/)
    return terms.map(function (term, i) {
      var plain = /^[^\s+\-~^*:"]+$/.test(term) && term.length <= SHORT
      return plain && i < terms.length - 1 ? term + "^1" : term
    }).join(" ")
  }

  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      var args = Array.prototype.slice.call(arguments)
      args[0] = Object.assign({}, message, { data: wholeWords(message.data) })
      return post.apply(this, args)
    }
    return post.apply(this, arguments)
  }
})()
