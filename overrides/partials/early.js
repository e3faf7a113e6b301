{#- What this does and why: see the comment at its include in overrides/main.html. -#}
(function () {
  "use strict";
  var EMPTY_SITEMAP = "data:application/xml,%3Curlset%2F%3E";
  var wanted = false, waiting = [];

  function whenWanted(start) {
    if (wanted) start(); else waiting.push(start);
  }
  document.addEventListener("focusin", function (event) {
    if (wanted || !event.target.matches || !event.target.matches(".md-search__input")) return;
    wanted = true;
    waiting.splice(0).forEach(function (start) { start(); });
  });

  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (/\/sitemap\.xml$/.test(String(url))) args[1] = EMPTY_SITEMAP;
    this.searchIndex = /\/search\/search_index\.json$/.test(String(url));
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (!xhr.searchIndex) return send.apply(xhr, args);
    whenWanted(function () { send.apply(xhr, args); });
  };

  var STOP = new Set(("a able about across after all almost also am among an and any are as at be " +
    "because been but by can cannot could dear did do does either else ever every for from get got " +
    "had has have he her hers him his how however i if in into is it its just least let like likely " +
    "may me might most must my neither no nor not of off often on only or other our own rather said " +
    "say says she should since so some than that the their them then there these they this tis to " +
    "too twas us vs wants was we were what when where which while who whom why will with would yet " +
    "you your").split(" "));
  var QUESTION_WORDS = /什么是|是什么|为什么|怎么样|怎么|如何|哪些|是否|吗|呢|[?？]/g;
  function cleanQuery(query) {
    var words = query.replace(QUESTION_WORDS, " ").split(/[\s-]+/).filter(function (word) {
      return word && !STOP.has(word.toLowerCase()) && !/^[a-z]$/i.test(word);
    });
    return (words.length ? words.join(" ") : query).replace(/[\u3400-\u9fff]+/g, "$&\u3007");
  }

  var RealWorker = window.Worker;
  function LazyWorker(url, options) {  // starts the real worker on its first message
    var real = null, listeners = [], queue = [];
    function start() {
      real = new RealWorker(url, options);
      listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
      queue.splice(0).forEach(function (m) { real.postMessage.apply(real, m); });
    }
    this.addEventListener = function (type, listener, opts) {
      listeners.push([type, listener, opts]);
      if (real) real.addEventListener(type, listener, opts);
    };
    this.removeEventListener = function (type, listener, opts) {
      listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== listener; });
      if (real) real.removeEventListener(type, listener, opts);
    };
    this.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (message && message.type === 2 && typeof message.data === "string") {  // a query
        args[0] = { type: 2, data: cleanQuery(message.data) };
      }
      if (real) return real.postMessage.apply(real, args);
      queue.push(args);
      whenWanted(function () { if (!real) start(); });
    };
    this.terminate = function () { if (real) real.terminate(); };
  }
  if (RealWorker) window.Worker = LazyWorker;
})();
