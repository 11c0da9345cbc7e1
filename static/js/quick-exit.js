// Quick exit: leave the site at once, end the visit on the server and keep it out of Back.
// Without JavaScript the button is a link through /snel-weg/, which ends the session and
// sends the browser on to the same neutral site.
// It runs in the page's head, before the body is read, so the keys and the history work
// from the first moment a page shows: on a slow line a script at the end came after the
// visitor had already followed a link, and that page stayed in Back.
(function () {
  "use strict";
  var shiftPresses = [];

  function exitLink() {
    return document.querySelector("[data-quick-exit]");
  }

  // The server ends the reporter's session (chat, unfinished report, mailbox) and removes
  // its cookies; the browser does not wait for the answer.
  function endSession(endUrl) {
    if (navigator.sendBeacon && navigator.sendBeacon(endUrl)) {
      return;
    }
    fetch(endUrl, {method: "POST", credentials: "same-origin", keepalive: true});
  }

  // Until the page has its quick exit link (the first moments of a slow page) there is
  // nowhere to go, and the keys do what they always do.
  function leave(event) {
    var link = exitLink();
    if (!link) {
      return;
    }
    event.preventDefault();
    document.dispatchEvent(new CustomEvent("meldpunt:quick-exit"));
    endSession(link.getAttribute("href"));
    if (document.body) {
      document.body.hidden = true;
    }
    document.title = "";
    window.location.replace(link.getAttribute("data-exit-url"));
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      leave(event);
      return;
    }
    // Three presses of Shift in a row within a second, as on GOV.UK. Any other key in
    // between starts the count again, so typing capital letters never leaves the site.
    if (event.key !== "Shift") {
      shiftPresses = [];
      return;
    }
    if (!event.repeat) {
      var now = Date.now();
      shiftPresses = shiftPresses.filter(function (t) { return now - t < 1000; });
      shiftPresses.push(now);
      if (shiftPresses.length >= 3) {
        leave(event);
      }
    }
  });

  // Links to our own pages take the place of the page in the history instead of adding
  // one, so that after a quick exit Back leads to where the visitor was before this site.
  document.addEventListener("click", function (event) {
    var own = event.target.closest ? event.target.closest("a[href]") : null;
    if (own && own.hasAttribute("data-quick-exit")) {
      leave(event);
      return;
    }
    if (event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    if (!own || own.hasAttribute("download") || (own.target && own.target !== "_self")) {
      return;
    }
    var url = new URL(own.href, window.location.href);
    if (url.origin !== window.location.origin) {
      return;
    }
    var samePage = url.pathname === window.location.pathname &&
      url.search === window.location.search;
    if (samePage && url.hash) {
      return;
    }
    event.preventDefault();
    window.location.replace(url.href);
  });
})();
