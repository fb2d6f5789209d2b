// Dossier page: clicking a discrepancy, a casualty row or a claim highlights its sentences in the reports.
(function () {
  "use strict";
  var active = null;

  function clear() {
    document.querySelectorAll(".hl").forEach(function (el) { el.classList.remove("hl"); });
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
  }

  function highlight(trigger) {
    var tags = (trigger.getAttribute("data-target") || "").split(/\s+/).filter(Boolean);
    clear();
    if (active === trigger) { active = null; return; }
    active = trigger;
    trigger.classList.add("active");
    var firstPerReport = new Map();
    tags.forEach(function (tag) {
      document.querySelectorAll('.report [data-m~="' + CSS.escape(tag) + '"]').forEach(function (el) {
        el.classList.add("hl");
        var report = el.closest(".report");
        if (report && !firstPerReport.has(report)) { firstPerReport.set(report, el); }
      });
      var row = document.getElementById("row-" + tag);
      if (row) { row.classList.add("active"); }
    });
    firstPerReport.forEach(function (el, report) {
      var box = report.querySelector(".report-text");
      if (box) { box.scrollTop = Math.max(0, el.offsetTop - box.offsetTop - box.clientHeight / 3); }
    });
    var reports = document.querySelector(".reports");
    if (reports && firstPerReport.size && trigger.closest(".reports") === null) {
      var top = reports.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight * 0.6) { reports.scrollIntoView({block: "start"}); }
    }
  }

  document.addEventListener("click", function (event) {
    var trigger = event.target.closest("[data-target]");
    if (trigger) {
      if (trigger.tagName === "A") { event.preventDefault(); }
      highlight(trigger);
      return;
    }
    var claim = event.target.closest(".report .claim");
    if (claim) {
      var id = (claim.getAttribute("data-m") || "").split(/\s+/).filter(function (t) { return /^c\d+$/.test(t); })[0];
      var row = id && document.getElementById("row-" + id);
      if (row) { highlight(row); }
    }
  });

  document.addEventListener("keydown", function (event) {
    if ((event.key === "Enter" || event.key === " ") && event.target.matches("tr[data-target]")) {
      event.preventDefault();
      highlight(event.target);
    }
  });
})();
