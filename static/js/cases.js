/* Case page: after htmx has swapped in the answer to a form, put keyboard focus where the
   person needs to look next (the first field with an error, otherwise the message), since
   the button they pressed is gone. Without JavaScript the page reloads as a normal form post. */
(function () {
  "use strict";

  function focusTarget(root) {
    var invalid = root.querySelector(".utrecht-form-field--invalid select, .utrecht-form-field--invalid input, .utrecht-form-field--invalid textarea");
    if (invalid) {
      return invalid;
    }
    var message = root.querySelector(".staff-messages");
    if (message) {
      message.setAttribute("tabindex", "-1");
      return message;
    }
    return null;
  }

  document.addEventListener("htmx:afterSettle", function (event) {
    var main = document.getElementById("main");
    if (!main || !main.contains(event.target)) {
      return;
    }
    var target = focusTarget(main);
    if (target) {
      target.focus();
    }
  });
})();
