// Quick exit: leave the site at once and keep it out of Back.
// Without JavaScript the button is an ordinary link to the same neutral site.
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) {
    return;
  }
  var target = link.getAttribute("href");
  var shiftPresses = [];

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.dispatchEvent(new CustomEvent("meldpunt:quick-exit"));
    document.body.hidden = true;
    document.title = "";
    window.location.replace(target);
  }

  link.addEventListener("click", leave);
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
})();
