// Django's two-box selector (groups, permissions) labels its search icon with aria-label on
// a plain span, which ARIA does not allow; as an image the label is read out. The widget is
// built when the page has loaded, so this runs just after it.
window.addEventListener("load", () => {
  window.setTimeout(() => {
    for (const icon of document.querySelectorAll("span.help-tooltip[aria-label]")) {
      icon.setAttribute("role", "img");
    }
  }, 0);
});
