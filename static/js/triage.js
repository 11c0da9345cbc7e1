// Buttons in a triage suggestion fragment outside a case (phone intake, chat console).
// "Overnemen" ticks the matching checkbox (name="indicators", value = indicator id) in the
// form named by data-target, or in the nearest form; "Afwijzen" marks the item dismissed.
// Nothing is sent to the server from here.
(function () {
  "use strict";

  function checklistBox(button) {
    var id = button.getAttribute("data-indicator");
    var targetId = button.getAttribute("data-target");
    var scope = targetId ? document.getElementById(targetId) : button.closest("form");
    if (!scope) {
      return null;
    }
    var boxes = scope.querySelectorAll('input[type="checkbox"][name="indicators"]');
    for (var i = 0; i < boxes.length; i += 1) {
      if (boxes[i].value === id) {
        return boxes[i];
      }
    }
    return null;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".triage-accept, .triage-dismiss");
    if (!button) {
      return;
    }
    var item = button.closest(".triage-indicator");
    var accept = button.classList.contains("triage-accept");
    if (accept) {
      var box = checklistBox(button);
      if (box) {
        box.checked = true;
        box.dispatchEvent(new Event("change", { bubbles: true }));
      }
    }
    if (item) {
      item.classList.toggle("is-accepted", accept);
      item.classList.toggle("is-dismissed", !accept);
    }
    button.setAttribute("aria-pressed", "true");
  });
})();
