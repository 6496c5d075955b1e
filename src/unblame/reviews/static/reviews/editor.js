// The review editor and the debrief: select a finding's words in the textarea
// from the findings list or the marked text, and warn before leaving unsaved
// changes. The analysis itself comes from the server through htmx.
(function () {
  "use strict";

  // The server counts code points; a textarea counts UTF-16 units.
  function utf16Offset(text, codePoints) {
    var units = 0, seen = 0;
    for (var ch of text) {
      if (seen === codePoints) break;
      units += ch.length;
      seen += 1;
    }
    return units;
  }

  function textareaFor(element) {
    var id = element.closest("[data-textarea]");
    return document.getElementById(id ? id.dataset.textarea : "id_body");
  }

  function select(button) {
    var area = textareaFor(button);
    if (!area) return;
    var start = utf16Offset(area.value, Number(button.dataset.start));
    var end = utf16Offset(area.value, Number(button.dataset.end));
    area.focus();
    area.setSelectionRange(start, end);
    // Scroll the selection into view: browsers do this on a blur and refocus.
    area.blur();
    area.focus();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-start]");
    if (button) {
      select(button);
      return;
    }
    var mark = event.target.closest("mark[id^='mark-']");
    if (mark) {
      var item = document.getElementById("finding-" + mark.id.slice(5));
      var quote = item && item.querySelector("button[data-start]");
      if (quote) quote.focus();
    }
  });

  // Text typed before htmx was listening (a fast typist, a browser restoring
  // the form on back) has not been analysed: ask once htmx is ready. This
  // listener is added after htmx's own, so it runs after htmx set up.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea[hx-post]").forEach(function (area) {
      if (area.value !== area.defaultValue) {
        area.dispatchEvent(new Event("input", { bubbles: true }));
      }
    });
  });

  var form = document.getElementById("section-form") || document.getElementById("debrief-form");
  if (!form) return;
  var dirty = false;
  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) event.preventDefault();
  });
})();
