// Filters, sorting and opening a matrix cell in place: without this script the page shows everything
// (a small matrix's cells link to their explanations below it), and reads the same.
(function () {
  "use strict";
  var filters = document.querySelector(".filters");
  if (!filters) { return; }
  filters.hidden = false;
  var shown = filters.querySelector(".shown");
  var matrix = document.querySelector("table.matrix");  // the first of the tables the rows are written in
  var tables = Array.prototype.slice.call(document.querySelectorAll("table.matrix"));
  var wrap = document.querySelector(".matrix-wrap");
  var WIDTH = matrix ? Number(matrix.parentNode.style.width.replace("rem", "")) : 0;
  var SHORT = {gap: "g", not_assessable: "n", met: "m"};
  var TITLE = {g: "Gap", n: "Not assessable", m: "Met"};
  var SYMBOL = {g: "\u2717", n: "?", m: "\u2713"};
  var RULE_WIDTH = 7.5;  // rem, as render/html.py writes the tables' widths
  var columnStyle = document.createElement("style");
  document.head.appendChild(columnStyle);
  function chosen(name) {
    var group = filters.querySelector('[data-filter="' + name + '"]');
    var values = {};
    if (!group) { return null; }
    group.querySelectorAll("input").forEach(function (box) { values[box.value] = box.checked; });
    return values;
  }
  function apply() {
    var status = chosen("status"), severity = chosen("severity"), area = chosen("area");
    if (!matrix) {
      var findings = document.querySelectorAll("article.finding");
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
    // A column is hidden by one style rule (nth-child), not cell by cell: a thousand rows filter at once.
    var columns = 0, hidden = [], perArea = {};
    matrix.querySelectorAll("thead th.rule-h").forEach(function (th, index) {
      var keep = area[th.dataset.area] !== false && severity[th.dataset.severity] !== false;
      if (keep) {
        columns += 1;
        perArea[th.dataset.area] = (perArea[th.dataset.area] || 0) + 1;
      } else {
        hidden.push(".matrix thead tr:nth-child(2) > :nth-child(" + (index + 1) + "), .matrix tbody tr > :nth-child(" +
                    (index + 2) + "), .matrix tfoot tr > :nth-child(" + (index + 2) + ")");
      }
    });
    columnStyle.textContent = hidden.length ? hidden.join(",\n") + " { display: none; }" : "";
    var width = WIDTH - RULE_WIDTH * hidden.length;
    tables.forEach(function (table) {
      table.parentNode.style.width = width + "rem";
      table.querySelectorAll("thead th.area-h").forEach(function (th) {
        var n = perArea[th.dataset.area] || 0;
        th.classList.toggle("is-hidden", n === 0);
        if (n) { th.colSpan = n; }
      });
      Object.keys(SHORT).forEach(function (s) { table.classList.toggle("hide-" + SHORT[s], status[s] === false); });
    });
    shown.textContent = columns + " rules shown";
  }
  filters.addEventListener("change", function (event) {
    if (event.target.id === "sort") { sortRows(event.target.value); } else { apply(); }
  });
  var bodies = tables.map(function (table) { return [table.tBodies[0], table.tBodies[0].rows.length]; });
  function sortRows(by) {
    var rows = Array.prototype.slice.call(document.querySelectorAll(".matrix tbody tr"));
    rows.sort(function (a, b) {
      if (by === "name") { return a.dataset.name.localeCompare(b.dataset.name); }
      if (by === "input") { return a.dataset.order - b.dataset.order; }
      return (b.dataset[by] - a.dataset[by]) || (a.dataset.order - b.dataset.order);
    });
    var at = 0;
    bodies.forEach(function (body) {  // each table keeps its number of rows
      var fragment = document.createDocumentFragment();
      rows.slice(at, at + body[1]).forEach(function (row) { fragment.appendChild(row); });
      at += body[1];
      body[0].appendChild(fragment);
    });
  }
  apply();
  if (!matrix) { return; }

  // Opening a cell: its explanation in a box beside it (from the page below, or from the data of a large report).
  var dataElement = document.getElementById("cells");
  var data = null;
  if (dataElement) {  // read once the page has opened, rather than on the first cell opened
    window.addEventListener("load", function () {
      setTimeout(function () { if (data === null) { data = JSON.parse(dataElement.textContent); } }, 0);
    });
  }
  var box = document.createElement("div");
  box.className = "explain";
  box.id = "explain";
  box.setAttribute("role", "dialog");
  box.setAttribute("aria-labelledby", "explain-h");
  box.tabIndex = -1;
  box.hidden = true;
  var close = document.createElement("button");
  close.type = "button";
  close.className = "close";
  close.textContent = "Close";
  var heading = document.createElement("h2");
  heading.id = "explain-h";
  var body = document.createElement("div");
  body.className = "explain-body";
  box.appendChild(close);
  box.appendChild(heading);
  box.appendChild(body);
  document.body.appendChild(box);
  var opener = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i += 1) {
      var part = arguments[i];
      parent.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
    }
    return parent;
  }
  function link(url, text) {
    if (typeof url !== "string" || !/^https?:\/\//.test(url)) { return ""; }
    var a = el("a", "", text);
    a.href = url;
    a.rel = "noreferrer";
    return a;
  }
  function badge(s) {
    var symbol = el("span", "sym", SYMBOL[SHORT[s]]);
    symbol.setAttribute("aria-hidden", "true");
    return add(el("span", "badge s-" + s), symbol, " " + TITLE[SHORT[s]]);
  }
  function codes(parent, ids) {
    ids.forEach(function (id, i) { add(parent, i ? ", " : "", el("code", "", id)); });
    return parent;
  }
  function fromData(row, column, status, ruleId, subjectId, follows) {
    if (data === null) { data = JSON.parse(dataElement.textContent); }
    var t = data.t, cell = data.c[row][column];
    var text = function (i) { return i < 0 ? null : t[i]; };
    var out = document.createDocumentFragment();
    var count = cell[0], decisive = cell[1], basis = cell[2], full = cell[3], named = cell[4].map(text);
    add(out, add(el("p", "eh"), badge(status), " ", el("code", "", ruleId), " \u00b7 " + decisive + " of " + count +
        " finding" + (count === 1 ? "" : "s")));
    [[cell[5], "New gaps"], [cell[6], "Gaps closed"]].forEach(function (change) {
      if (change[0].length) {
        add(out, codes(add(el("p", "chl"), el("strong", "", change[1]), " against ", el("code", "", follows), ": "),
                       change[0].map(text)));
      }
    });
    if (status === "met") {
      add(out, add(codes(add(el("p"), "Met at: "), named), decisive > named.length ?
        " and " + (decisive - named.length) + " more." : "."));
    } else {
      full.forEach(function (f) {
        var div = el("div", "cf");
        if (f[3]) { add(div, add(el("p"), el("strong", "chg", "new"))); }
        f[0].forEach(function (p) {
          var url = link(text(p[4]), "provision text");
          add(div, add(el("div", "provision"), add(el("p"), el("strong", "", t[p[1]]), " ", el("code", "", t[p[0]]),
              " (" + t[p[2]] + "; " + t[p[3]] + ") ", url)));
        });
        add(div, add(el("p", "reason"), el("span", "lead", "Why:"), " " + f[1].map(text).join(". ")));
        if (f[2].length) {
          add(div, add(el("p", "missing"), el("span", "lead", "Not known:"), " " + f[2].map(text).join(", ")));
        }
        out.appendChild(div);
      });
      if (named.length) {
        add(out, add(codes(add(el("p", "more"), "And " + named.length + " more: "), named), ". ",
                     el("code", "", "lexgap report " + subjectId), " shows each in full."));
      }
    }
    if (basis >= 0) {
      var list = el("ul");
      data.b[basis].forEach(function (b) {
        add(list, add(el("li"), el("strong", "", t[b[0]]), " ", el("span", "v v-" + t[b[1]], t[b[1]]), " ",
                      link(text(b[2]), "text")));
      });
      add(out, add(el("div", "basis"), el("p", "lead", "Basis"), list));
    }
    return out;
  }
  function open(a) {
    var td = a.parentNode, tr = td.parentNode;
    var column = td.cellIndex - 1, row = Number(tr.dataset.order);
    var th = matrix.querySelectorAll("thead th.rule-h")[column];  // the same columns in every table
    var subjectId = tr.querySelector("code.sid").textContent;
    var status = {g: "gap", n: "not_assessable", m: "met"}[td.className.charAt(0)];
    heading.textContent = "";
    add(heading, th.querySelector(".rl").textContent + " on ", el("code", "", subjectId));
    body.textContent = "";
    if (dataElement) {
      var follows = tr.querySelector(".follows code");
      body.appendChild(fromData(row, column, status, th.dataset.rule, subjectId, follows ? follows.textContent : ""));
    } else {
      var section = document.getElementById(a.getAttribute("href").slice(1));
      body.appendChild(section.querySelector(".exb").cloneNode(true));
    }
    box.hidden = false;
    var cellBox = td.getBoundingClientRect(), width = box.offsetWidth;
    var left = Math.max(8, Math.min(cellBox.left + window.scrollX,
                                    document.documentElement.clientWidth + window.scrollX - width - 8));
    box.style.left = left + "px";
    box.style.top = (cellBox.bottom + window.scrollY + 2) + "px";
    opener = a;
    box.focus();
  }
  function shut() {
    if (box.hidden) { return; }
    box.hidden = true;
    if (opener) { opener.focus(); }
    opener = null;
  }
  wrap.addEventListener("click", function (event) {
    var a = event.target.closest("td > a");
    if (!a) { return; }
    event.preventDefault();
    if (opener === a) { shut(); } else { open(a); }
  });
  // Arrow keys move between cells (Tab goes through every one, as without the script).
  var STEP = {ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0]};
  wrap.addEventListener("keydown", function (event) {
    var step = STEP[event.key], a = event.target.closest("tbody td > a");
    if (!step || !a || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var td = a.parentNode, tr = td.parentNode, column = td.cellIndex, rows = null, at = 0;
    if (step[0]) {  // the rows as shown, across the tables
      rows = document.querySelectorAll(".matrix tbody tr");
      at = Array.prototype.indexOf.call(rows, tr);
    }
    for (;;) {
      if (step[0]) { at += step[0]; tr = rows[at]; } else { column += step[1]; }
      var next = tr && tr.cells[column];
      if (!next) { return; }
      var link = next.querySelector("a");
      if (link && link.offsetParent !== null) {
        event.preventDefault();
        link.focus();
        return;
      }
    }
  });
  close.addEventListener("click", shut);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { shut(); }
  });
  document.addEventListener("click", function (event) {
    if (!box.hidden && !box.contains(event.target) && !event.target.closest(".matrix td > a")) { shut(); }
  });
}());
