/* tqcheck report: filters, finding navigation, tooltips. No network, no eval, DOM nodes only (never innerHTML). */
(function () {
  "use strict";
  var doc = document;
  var $ = function (sel, root) { return (root || doc).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(sel)); };
  doc.documentElement.classList.add("js");

  var items = $$(".fi");
  var meta = {};
  items.forEach(function (li) { meta[li.dataset.f] = { sev: li.dataset.sev, fam: li.dataset.fam, li: li }; });
  var order = items.map(function (li) { return li.dataset.f; });
  var shown = {};
  var current = -1;
  var pos = $("#pos");
  var tip = $("#tip");
  var tipAnchor = null;

  function ids(el) { return (el.getAttribute("data-f") || "").split(" ").filter(Boolean); }
  function isShown(id) { return !meta[id] || shown[id]; }

  function applyFilters() {
    var sev = {}, fam = {};
    $$('input[data-filter="sev"]').forEach(function (b) { sev[b.value] = b.checked; });
    $$('input[data-filter="fam"]').forEach(function (b) { fam[b.value] = b.checked; });
    var n = 0;
    order.forEach(function (id) {
      var m = meta[id];
      shown[id] = sev[m.sev] !== false && fam[m.fam] !== false;
      m.li.hidden = !shown[id];
      if (shown[id]) n += 1;
    });
    $$("mark.hl, .note, .fdi, .bd, .mini").forEach(function (el) {
      el.classList.toggle("off", !ids(el).some(isShown));
    });
    var only = $("#flagged-only");
    $$(".row").forEach(function (row) {
      var visible = ids(row).some(isShown);
      row.hidden = !!(only && only.checked && !visible);
      var cell = $('.strip a[data-goto="' + row.id + '"]');
      if (cell) cell.classList.toggle("dim", row.hidden);
    });
    var empty = $("#fempty");
    if (empty) empty.hidden = n > 0;
    if (pos) pos.textContent = n === order.length ? n + " shown" : n + " of " + order.length + " shown";
    var count = $("#fcount");
    if (count) count.textContent = String(n);
  }

  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }

  function targetOf(id) {
    return $('[data-first~="' + id + '"]') || $("#fd-" + id);
  }

  function goTo(id) {
    var target = targetOf(id);
    if (!target) return;
    var row = target.closest(".row");
    if (row && row.hidden) row.hidden = false;
    var details = target.closest("details");
    if (details) details.open = true;
    $$("mark.cur").forEach(function (m) { m.classList.remove("cur"); });
    $$('mark.hl[data-f~="' + id + '"]').forEach(function (m) { m.classList.add("cur"); });
    target.scrollIntoView({ block: "center", behavior: "auto" });
    target.focus({ preventScroll: true });
    if (row) { flash(row); markCell(row.id); history.replaceState(null, "", "#" + row.id); }
    items.forEach(function (li) { li.removeAttribute("aria-current"); });
    current = order.indexOf(id);
    if (meta[id]) {
      meta[id].li.setAttribute("aria-current", "true");
      scrollList(meta[id].li);
    }
    var visible = order.filter(isShown);
    if (pos) pos.textContent = "Finding " + (visible.indexOf(id) + 1) + " of " + visible.length;
  }

  function scrollList(li) {
    /* scroll only the findings list's own box, never the page (on phones the list sits above the rows) */
    var boxes = [li.closest(".flist"), li.closest(".side-in")];
    for (var i = 0; i < boxes.length; i++) {
      var c = boxes[i];
      if (!c || c.scrollHeight <= c.clientHeight + 1 || getComputedStyle(c).overflowY === "visible") continue;
      var r = li.getBoundingClientRect(), cr = c.getBoundingClientRect();
      if (r.top < cr.top) c.scrollTop -= cr.top - r.top + 8;
      else if (r.bottom > cr.bottom) c.scrollTop += r.bottom - cr.bottom + 8;
      return;
    }
  }

  function step(dir) {
    var n = order.length;
    for (var k = 1; k <= n; k++) {
      var i = ((current < 0 ? (dir > 0 ? -1 : 0) : current) + dir * k + n) % n;
      if (isShown(order[i])) { goTo(order[i]); return; }
    }
  }

  function markCell(rowId) {
    $$(".strip a.cur").forEach(function (a) { a.classList.remove("cur"); });
    var cell = $('.strip a[data-goto="' + rowId + '"]');
    if (cell) cell.classList.add("cur");
  }

  function goRow(rowId) {
    var row = doc.getElementById(rowId);
    if (!row) return;
    row.hidden = false;
    row.scrollIntoView({ block: "center", behavior: "auto" });
    row.focus({ preventScroll: true });
    flash(row);
    markCell(rowId);
    history.replaceState(null, "", "#" + rowId);
  }

  function showTip(el) {
    var list = ids(el).filter(isShown);
    if (!list.length || !tip) return;
    var ol = doc.createElement("ol");
    ol.className = "fdl";
    list.forEach(function (id) {
      var src = doc.getElementById("fd-" + id);
      if (!src) return;
      var copy = src.cloneNode(true);
      copy.removeAttribute("id");
      copy.removeAttribute("tabindex");
      copy.classList.remove("off", "flash");
      ol.appendChild(copy);
    });
    tip.replaceChildren(ol);
    tip.hidden = false;
    tipAnchor = el;
    placeTip();
  }
  function placeTip() {
    var el = tipAnchor;
    if (!el || tip.hidden) return;
    var r = el.getBoundingClientRect();
    if (r.bottom < 0 || r.top > window.innerHeight) { hideTip(); return; }
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
    var top = r.bottom + 8;
    if (top + h > window.innerHeight - 8 && r.top - h - 8 > 8) top = r.top - h - 8;
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }
  function hideTip() { if (tip) tip.hidden = true; tipAnchor = null; }

  doc.addEventListener("change", function (e) {
    if (e.target.matches("input[data-filter], #flagged-only")) applyFilters();
  });
  doc.addEventListener("click", function (e) {
    var link = e.target.closest("a.fl");
    if (link) { e.preventDefault(); goTo(link.dataset.f); return; }
    var cell = e.target.closest("a[data-goto]");
    if (cell) { e.preventDefault(); goRow(cell.dataset.goto); return; }
    var mark = e.target.closest("mark.hl, .note");
    if (mark) {
      var row = mark.closest(".row");
      var det = row && $("details.fd", row);
      if (det) {
        det.open = true;
        ids(mark).filter(isShown).forEach(function (id) { var d = doc.getElementById("fd-" + id); if (d) flash(d); });
      }
    }
  });
  $$("#prev, .js-prev").forEach(function (b) { b.addEventListener("click", function () { step(-1); }); });
  $$("#next, .js-next").forEach(function (b) { b.addEventListener("click", function () { step(1); }); });
  doc.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (e.key === "j" || e.key === "n") { e.preventDefault(); step(1); }
    else if (e.key === "k" || e.key === "p") { e.preventDefault(); step(-1); }
    else if (e.key === "Escape") { hideTip(); }
  });
  doc.addEventListener("mouseover", function (e) {
    var el = e.target.closest && e.target.closest("mark.hl, .note");
    if (el) showTip(el);
  });
  doc.addEventListener("mouseout", function (e) {
    var el = e.target.closest && e.target.closest("mark.hl, .note");
    if (el && !(e.relatedTarget && el.contains(e.relatedTarget))) hideTip();
  });
  doc.addEventListener("focusin", function (e) {
    if (e.target.matches("mark.hl, .note")) showTip(e.target); else hideTip();
  });
  window.addEventListener("scroll", placeTip, { passive: true });
  window.addEventListener("resize", placeTip);

  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = $$("details:not([open])");
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  applyFilters();
  if (location.hash.length > 1) {
    var start = doc.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (start && start.classList.contains("row")) { start.focus({ preventScroll: true }); markCell(start.id); }
  }
})();
