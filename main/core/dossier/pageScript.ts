/**
 * The search box of the offline HTML dossier, as page JavaScript (it runs in
 * whatever browser opens the file, so it is plain ES2017 in a string rather
 * than compiled TypeScript). It loads the serialized Lunr index through the
 * bundled analyzer (`mizanRequire`, see pageBundle.ts) and shows ranked
 * items with a snippet around the first matching word. Text reaches the DOM only as
 * text nodes.
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  "use strict";
  var page = JSON.parse(document.getElementById("mizan-page").textContent);
  var lunr = mizanRequire(page.lunrId);
  mizanRequire(page.pipelineId); // registers the analyzer's pipeline functions with lunr
  var analyze = mizanRequire(page.analyzeId);
  var tokenize = mizanRequire(page.tokenizeId);
  var index = lunr.Index.load(JSON.parse(document.getElementById("mizan-index").textContent));
  var input = document.getElementById("mizan-q");
  var list = document.getElementById("mizan-results");
  var status = document.getElementById("mizan-status");
  var plural = new Intl.PluralRules(document.documentElement.lang || "en");

  // The indexed text of an item, rebuilt from the page exactly as it was indexed.
  function fieldText(ref, field) {
    var article = document.getElementById(ref);
    if (!article) return "";
    var nodes = article.querySelectorAll("[data-field='" + field + "']");
    var parts = [];
    for (var i = 0; i < nodes.length; i++) parts.push(nodes[i].textContent);
    return parts.join("\n");
  }

  // The first word of the item whose key is one the query matched: the index
  // keeps no positions, the analyzer finds them again.
  function firstMatch(result) {
    var keys = Object.keys(result.matchData.metadata);
    var fields = ["body", "title"];
    for (var f = 0; f < fields.length; f++) {
      var text = fieldText(result.ref, fields[f]);
      var found = null;
      tokenize.scanTokens(text, function (start, end) {
        if (found) return;
        var token = analyze.analyzeWord(text.slice(start, end));
        if (token && !token.stop && keys.indexOf(token.stem) >= 0) found = { field: fields[f], start: start, length: end - start };
      });
      if (found) return found;
    }
    return null;
  }

  function snippet(ref, match) {
    var el = document.createElement("div");
    el.className = "snippet";
    el.dir = "auto";
    if (!match) return el;
    var text = fieldText(ref, match.field);
    var from = Math.max(0, match.start - 70);
    var to = Math.min(text.length, match.start + match.length + 70);
    el.appendChild(document.createTextNode((from > 0 ? "… " : "") + text.slice(from, match.start)));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(match.start, match.start + match.length);
    el.appendChild(mark);
    el.appendChild(document.createTextNode(text.slice(match.start + match.length, to) + (to < text.length ? " …" : "")));
    return el;
  }

  function search(query) {
    try {
      return index.search(query);
    } catch (error) {
      // Not valid Lunr query syntax: search the words themselves.
      try { return index.search(query.replace(/[:~^*+\-]/g, " ")); } catch (again) { return []; }
    }
  }

  function show(query) {
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!query.trim()) { status.textContent = ""; return; }
    var results = search(query);
    var words = page.labels.results[plural.select(results.length)] || page.labels.results.other;
    status.textContent = results.length ? words.replace("{n}", String(results.length)) : page.labels.noResults;
    results.slice(0, 50).forEach(function (result) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "#" + result.ref;
      a.setAttribute("data-ref", result.ref);
      var title = document.createElement("strong");
      title.dir = "auto";
      title.textContent = fieldText(result.ref, "title");
      a.appendChild(title);
      a.appendChild(snippet(result.ref, firstMatch(result)));
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); }, 120);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { clearTimeout(timer); show(input.value); }
  });
  document.documentElement.setAttribute("data-search-ready", "true");
})();
`;
