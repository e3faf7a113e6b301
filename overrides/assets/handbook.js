/* The handbook's own behaviour, on top of material's (what must run before material's bundle is
 * in overrides/partials/early.js):
 * 1. the language switcher keeps the #anchor (material navigates without it);
 * 2. a link to a question that has moved to another page goes to its short link /q/N/;
 * 3. study mode folds every answer under its question, remembered between visits;
 * 4. the short link under each question heading copies its full URL;
 * 5. after a jump to an anchor, what is above it is laid out, so scrolling back up is steady.
 */
(function () {
  "use strict";
  // The words come with the page, in its language (hooks/questions.py, hooks/site_source.py).
  var toggle = document.querySelector("button.study-toggle");
  var config = JSON.parse((document.getElementById("__config") || {}).textContent || "{}");
  var root = new URL((config.base || ".").replace(/\/?$/, "/"), location.href); // language root

  /* 1. Language switcher: same page, same anchor. */
  function switcherLinks() {
    return document.querySelectorAll("a.md-select__link[hreflang]");
  }
  function updateSwitcher() {
    switcherLinks().forEach(function (a) {
      a.href = a.href.split("#")[0] + location.hash;
    });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    event.stopImmediatePropagation(); // before material's handler, which drops the hash
    location.href = link.href.split("#")[0] + location.hash;
  }, true);
  window.addEventListener("hashchange", updateSwitcher);
  updateSwitcher();

  /* 2. A question that is not on this page (it moved): follow its short link, once. */
  var wanted = /^#q([1-9][0-9]*)$/.exec(location.hash);
  if (wanted && !document.getElementById(wanted[0].slice(1))) {
    var key = "handbook.moved." + wanted[1];
    if (!sessionStorage.getItem(key)) {
      sessionStorage.setItem(key, "1");
      location.replace(new URL("q/" + wanted[1] + "/", root).href);
    }
  }

  /* 3. Study mode: each answer and its button are in the page (hooks/questions.py). */
  var reveals = document.querySelectorAll("button.q-reveal[aria-controls]");
  if (reveals.length && toggle) {
    var show = toggle.getAttribute("data-show"), hide = toggle.getAttribute("data-hide");
    reveals.forEach(function (reveal) {
      var answer = document.getElementById(reveal.getAttribute("aria-controls"));
      reveal.addEventListener("click", function () {
        var open = answer.classList.toggle("q-answer--open");
        reveal.setAttribute("aria-expanded", String(open));
        reveal.textContent = open ? hide : show;
      });
    });

    var setStudy = function (on) {
      document.body.classList.toggle("study-mode", on);
      toggle.setAttribute("aria-pressed", String(on));
      try { localStorage.setItem("handbook.study", on ? "1" : "0"); } catch (e) { /* private mode */ }
    };
    toggle.addEventListener("click", function () {
      setStudy(!document.body.classList.contains("study-mode"));
    });
    var stored = null;
    try { stored = localStorage.getItem("handbook.study"); } catch (e) { /* private mode */ }
    setStudy(stored === "1");
  }

  /* 4. Copy a question's short link. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.q-short");
    if (!link || !navigator.clipboard || event.button !== 0 || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    navigator.clipboard.writeText(link.href).then(function () {
      var label = link.textContent;
      link.textContent = link.getAttribute("data-copied");
      setTimeout(function () { link.textContent = label; }, 1500);
    });
  });

  /* 5. Answers far from the screen are not laid out and take a placeholder height meanwhile
   * (handbook.css). A reader who jumps over them to an anchor (a short link, the table of contents,
   * search) would see the page jump by thousands of pixels as each one above turned real on the way
   * back up. So, while the page is idle, the answers above the anchor are laid out one by one, the
   * nearest first, and the anchor is put back where it was each time (Chromium's scroll anchoring
   * may already have done so; Safari has none). */
  var idle = window.requestIdleCallback || setTimeout, jumps = 0;
  function layOutAbove() {
    var jump = ++jumps;  // a newer jump takes over
    var id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) { /* a malformed %-escape: the id as it is */ }
    var target = id && document.getElementById(id);
    if (!target) return;
    var parts = document.querySelectorAll(".q-answer:not(.hb-laid-out), .g-letter:not(.hb-laid-out)");
    var above = Array.prototype.filter.call(parts, function (el) {
      return el.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    idle(function next() {
      var part = above.pop();
      if (!part || jump !== jumps) return;
      var top = target.getBoundingClientRect().top;
      part.classList.add("hb-laid-out");  // and its parts (handbook.css)
      window.scrollBy(0, target.getBoundingClientRect().top - top);
      idle(next);
    });
  }
  if (document.readyState === "complete") layOutAbove(); else window.addEventListener("load", layOutAbove);
  window.addEventListener("hashchange", layOutAbove);
})();
