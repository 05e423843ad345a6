/* goodloop: drag and drop as a progressive enhancement (the up/down buttons and "move to"
   selects work without it). Two uses:
   - a sortable list: <ol data-sortable data-reorder-url=… data-target=…> of <li data-id>;
     dropping posts order=<id>&order=<id>… and swaps the target with the answer;
   - a board: [data-board] with columns [data-drop-stage] holding cards [data-move-url];
     dropping a card on a column posts stage=<stage> to the card's move URL.
   Requests go through htmx so the answer is swapped like any other htmx response. */
(function () {
  "use strict";
  var dragged = null;

  function csrf() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function post(url, values, target) {
    if (!window.htmx) return;
    window.htmx.ajax("POST", url, { values: values, target: target, swap: "innerHTML",
                                    headers: { "X-CSRFToken": csrf() } });
  }

  document.addEventListener("dragstart", function (event) {
    var item = event.target.closest && event.target.closest("[data-sortable] > li[data-id], [data-board] [data-move-url]");
    if (!item) return;
    dragged = item;
    item.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", item.getAttribute("data-id"));
    if (item !== event.target && event.dataTransfer.setDragImage) event.dataTransfer.setDragImage(item, 24, 24);
  });

  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("dragging");
    document.querySelectorAll(".drop-over").forEach(function (el) { el.classList.remove("drop-over"); });
    dragged = null;
  });

  document.addEventListener("dragover", function (event) {
    if (!dragged) return;
    var list = dragged.parentElement && dragged.parentElement.closest("[data-sortable]");
    if (list && list.contains(event.target)) {
      event.preventDefault();
      var over = event.target.closest("[data-sortable] > li[data-id]");
      if (over && over !== dragged) {
        var box = over.getBoundingClientRect();
        var after = event.clientY > box.top + box.height / 2;
        list.insertBefore(dragged, after ? over.nextSibling : over);
      }
      return;
    }
    var column = event.target.closest && event.target.closest("[data-board] [data-drop-stage]");
    if (column) {
      event.preventDefault();
      document.querySelectorAll(".drop-over").forEach(function (el) { if (el !== column) el.classList.remove("drop-over"); });
      column.classList.add("drop-over");
    }
  });

  document.addEventListener("drop", function (event) {
    if (!dragged) return;
    var list = event.target.closest("[data-sortable]");
    if (list && list.contains(dragged)) {
      event.preventDefault();
      var order = Array.prototype.map.call(list.querySelectorAll(":scope > li[data-id]"),
                                           function (li) { return li.getAttribute("data-id"); });
      post(list.getAttribute("data-reorder-url"), { order: order }, list.getAttribute("data-target"));
      return;
    }
    var column = event.target.closest("[data-board] [data-drop-stage]");
    if (column && dragged.hasAttribute("data-move-url")) {
      event.preventDefault();
      column.classList.remove("drop-over");
      if (column.contains(dragged)) return;
      post(dragged.getAttribute("data-move-url"), { stage: column.getAttribute("data-drop-stage") }, "#board-wrap");
    }
  });
})();
