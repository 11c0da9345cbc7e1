// Web report: small comforts on top of a form that works fully without JavaScript.
// Shows the phone or e-mail field only when that way of contact is chosen, and moves
// focus to the error summary after a failed step so screen readers announce it.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }

  var choices = document.querySelectorAll("input[name='contact_preference']");
  if (!choices.length) {
    return;
  }
  var details = document.querySelectorAll("[data-contact-detail]");

  function update() {
    var chosen = document.querySelector("input[name='contact_preference']:checked");
    var value = chosen ? chosen.value : "anonymous";
    details.forEach(function (detail) {
      var name = detail.getAttribute("data-contact-detail");
      var invalid = detail.querySelector("[aria-invalid='true']");
      var show = name === "consent" ? value !== "anonymous" : name === value;
      detail.hidden = !show && !invalid;
    });
  }

  choices.forEach(function (choice) {
    choice.addEventListener("change", update);
  });
  update();
})();
