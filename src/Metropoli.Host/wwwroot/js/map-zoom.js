// Zoom and pan for the server-drawn maps (ADR 0037): no tile server, only the SVG's viewBox changes.
// The controls are buttons (keyboard and screen reader operable), added only when JavaScript runs; their
// labels come from the figure's data attributes, in the page's language. Without JavaScript the map is whole.
(function () {
  "use strict";
  function setup(figure) {
    var svg = figure.querySelector("svg.territory-map");
    if (!svg || figure.querySelector(".map-zoom-controls")) return;
    var full = (svg.getAttribute("data-viewbox") || svg.getAttribute("viewBox")).split(/\s+/).map(Number);
    var view = full.slice();
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    function apply() {
      svg.setAttribute("viewBox", view.map(function (n) { return Math.round(n * 10) / 10; }).join(" "));
      var zoom = Math.round(full[2] / view[2] * 10) / 10;
      status.textContent = (figure.getAttribute("data-zoom-level") || "Zoom") + " " + zoom + "×";
    }
    function clamp() {
      view[2] = Math.min(full[2], Math.max(full[2] / 8, view[2]));
      view[3] = view[2] * full[3] / full[2];
      view[0] = Math.min(full[0] + full[2] - view[2], Math.max(full[0], view[0]));
      view[1] = Math.min(full[1] + full[3] - view[3], Math.max(full[1], view[1]));
    }
    function zoom(factor) {
      var cx = view[0] + view[2] / 2, cy = view[1] + view[3] / 2;
      view[2] = view[2] / factor;
      view[3] = view[3] / factor;
      view[0] = cx - view[2] / 2;
      view[1] = cy - view[3] / 2;
      clamp(); apply();
    }
    function pan(dx, dy) {
      view[0] += dx * view[2] / 4;
      view[1] += dy * view[3] / 4;
      clamp(); apply();
    }
    var bar = document.createElement("div");
    bar.className = "map-zoom-controls";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", figure.getAttribute("data-zoom-label") || "Zoom");
    [
      ["zoom-in", "+", function () { zoom(1.5); }],
      ["zoom-out", "−", function () { zoom(1 / 1.5); }],
      ["left", "←", function () { pan(-1, 0); }],
      ["up", "↑", function () { pan(0, -1); }],
      ["down", "↓", function () { pan(0, 1); }],
      ["right", "→", function () { pan(1, 0); }],
      ["reset", "⟲", function () { view = full.slice(); apply(); }]
    ].forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-outline-primary btn-sm";
      button.setAttribute("data-map", b[0]);
      var text = figure.getAttribute("data-" + b[0]) || b[0];
      button.innerHTML = '<span aria-hidden="true"></span> <span></span>';
      button.firstChild.textContent = b[1];
      button.lastChild.textContent = text;
      if (b[0] !== "zoom-in" && b[0] !== "zoom-out") {
        // Arrows and reset show their symbol; their name stays for screen readers and as a tooltip.
        button.lastChild.className = "visually-hidden";
        button.title = text;
      }
      button.addEventListener("click", b[2]);
      bar.appendChild(button);
    });
    figure.insertBefore(bar, figure.firstChild);
    figure.appendChild(status);
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("figure[data-zoom-in]"), setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
