// Filters and sorting only: without this script the page shows everything, and reads the same.
(function () {
  "use strict";
  var filters = document.querySelector(".filters");
  if (!filters) { return; }
  filters.hidden = false;
  var shown = filters.querySelector(".shown");
  function chosen(name) {
    var group = filters.querySelector('[data-filter="' + name + '"]');
    var values = {};
    if (!group) { return null; }
    group.querySelectorAll("input").forEach(function (box) { values[box.value] = box.checked; });
    return values;
  }
  function apply() {
    var status = chosen("status"), severity = chosen("severity"), area = chosen("area");
    var findings = document.querySelectorAll("article.finding");
    if (findings.length) {
      var visible = 0;
      findings.forEach(function (el) {
        var keep = status[el.dataset.status] !== false && severity[el.dataset.severity] !== false &&
          area[el.dataset.area] !== false;
        el.classList.toggle("is-hidden", !keep);
        if (keep) { visible += 1; }
      });
      document.querySelectorAll("section.group").forEach(function (g) {
        g.classList.toggle("is-hidden", !g.querySelector("article.finding:not(.is-hidden)"));
      });
      shown.textContent = visible + " of " + findings.length + " findings shown";
      return;
    }
    var columns = 0;
    document.querySelectorAll(".matrix [data-area]").forEach(function (el) {
      var keep = area[el.dataset.area] !== false && (!el.dataset.severity || severity[el.dataset.severity] !== false);
      el.classList.toggle("is-hidden", !keep);
      if (keep && el.classList.contains("rule-h")) { columns += 1; }
    });
    document.querySelectorAll(".matrix th.area-h").forEach(function (th) {
      var n = document.querySelectorAll('.matrix .rule-h[data-area="' + th.dataset.area + '"]:not(.is-hidden)').length;
      th.classList.toggle("is-hidden", n === 0);
      if (n) { th.colSpan = n; }
    });
    document.querySelectorAll(".matrix td.cell").forEach(function (td) {
      td.classList.toggle("is-dimmed", status[td.dataset.status] === false);
    });
    shown.textContent = columns + " rules shown";
  }
  filters.addEventListener("change", function (event) {
    if (event.target.id === "sort") { sortRows(event.target.value); } else { apply(); }
  });
  function sortRows(by) {
    var body = document.querySelector(".matrix tbody");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      if (by === "name") { return a.dataset.name.localeCompare(b.dataset.name); }
      if (by === "input") { return a.dataset.order - b.dataset.order; }
      return (b.dataset[by] - a.dataset[by]) || (a.dataset.order - b.dataset.order);
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      document.querySelectorAll(".cell details[open]").forEach(function (d) {
        d.open = false; d.querySelector("summary").focus();
      });
    }
  });
  apply();
}());
