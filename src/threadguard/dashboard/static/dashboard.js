/* ThreadGuard dashboard: keyboard work of the queue. No inline script anywhere (the
   pages' CSP forbids it); htmx does the requests, this file the keys and focus.
   j/k move, a approve, r reject, b ban, u undo, x select, ? help. */
(function () {
  "use strict";
  var current = -1;

  function items() { return Array.prototype.slice.call(document.querySelectorAll("#queue .item")); }

  function focusItem(index) {
    var all = items();
    if (!all.length) { current = -1; return; }
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (el, i) { el.classList.toggle("current", i === current); });
    var el = all[current];
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest" });
  }

  function focused() { var all = items(); return current >= 0 ? all[current] : null; }

  function indexOfId(id) {
    var all = items();
    for (var i = 0; i < all.length; i++) { if (all[i].dataset.id === id) { return i; } }
    return -1;
  }

  function nextOpen(from) {
    var all = items();
    for (var i = from + 1; i < all.length; i++) { if (!all[i].classList.contains("resolved")) { return i; } }
    return Math.min(from + 1, all.length - 1);
  }

  /* A form swapped in a moment ago may not be wired to htmx yet (that happens as it
     settles): wire it first, or the click would post it as a plain form. */
  function press(button) {
    if (!button) { return; }
    if (window.htmx) { window.htmx.process(button.closest("form") || button); }
    button.click();
  }

  function click(selector) {
    var item = focused();
    press(item && item.querySelector(selector));
  }

  function openBan(button) {
    var dialog = document.getElementById("ban-dialog");
    if (!dialog || !button) { return; }
    dialog.querySelector("input[name=comment_id]").value = button.dataset.comment;
    // the text the moderator read: a ban of a comment edited since is refused
    dialog.querySelector("input[name=text_sha256]").value = button.dataset.seen || "";
    dialog.querySelector(".ban-author").textContent = button.dataset.author;
    dialog.showModal();
    var checked = dialog.querySelector("input[name=duration]:checked");
    if (checked) { checked.focus(); }
  }

  function openHelp() {
    var dialog = document.getElementById("help-dialog");
    if (dialog && !dialog.open) { dialog.showModal(); }
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    if (document.querySelector("dialog[open]")) { return; }
    var key = event.key;
    if (key === "?") { openHelp(); event.preventDefault(); return; }
    if (!items().length) { return; }
    if (key === "j") { focusItem(current + 1); }
    else if (key === "k") { focusItem(current <= 0 ? 0 : current - 1); }
    else if (key === "a") { click("button.approve"); }
    else if (key === "r") { click("button.reject"); }
    else if (key === "b") { var item = focused(); openBan(item && item.querySelector("button.ban")); }
    else if (key === "u") { press(document.getElementById("undo-button")); }
    else if (key === "x") { var box = focused() && focused().querySelector("input.select"); if (box) { box.checked = !box.checked; } }
    else { return; }
    event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    var reveal = target.closest(".reveal");
    if (reveal) {
      var comment = reveal.closest(".comment");
      if (comment) { comment.classList.remove("blurred"); }
      reveal.remove();
      return;
    }
    var unfold = target.closest(".unfold");
    if (unfold) {
      var folded = unfold.closest(".comment");
      if (folded) {
        var open = folded.classList.toggle("folded") === false;
        unfold.setAttribute("aria-expanded", open ? "true" : "false");
        unfold.textContent = open ? "Fold" : "Show all";
      }
      return;
    }
    var ban = target.closest("button.ban");
    if (ban) { var item = ban.closest(".item"); if (item) { focusItem(indexOfId(item.dataset.id)); } openBan(ban); return; }
    if (target.closest(".help-open")) { openHelp(); return; }
    var close = target.closest(".dialog-close");
    if (close) { var dialog = close.closest("dialog"); if (dialog) { dialog.close(); } return; }
    markCurrent(target.closest("#queue .item"));
  });

  /* The item the keys act on is the one the focus is in, however it got there: a click,
     j/k, or Tab (a key pressed with the focus on a third item's button used to act on the
     first, still marked current). */
  function markCurrent(item) {
    if (!item) { return; }
    var index = indexOfId(item.dataset.id);
    if (index >= 0 && index !== current) {
      current = index;
      items().forEach(function (el, i) { el.classList.toggle("current", i === current); });
    }
  }
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target instanceof Element) { markCurrent(target.closest("#queue .item")); }
  });

  /* After an action the server answers with the item swapped in out of band and a
     "tg-acted" event: keep the focus on the queue, moving on after a decision. */
  document.body.addEventListener("tg-acted", function (event) {
    var detail = event.detail || {};
    var dialog = document.getElementById("ban-dialog");
    if (dialog && dialog.open) { dialog.close(); }
    var index = indexOfId(detail.id);
    if (index < 0) { return; }
    if (detail.ok && (detail.action === "approve" || detail.action === "reject")) { focusItem(nextOpen(index)); }
    else { focusItem(index); }
  });

  document.addEventListener("DOMContentLoaded", function () {
    if (items().length) { focusItem(0); }
  });
}());
