// Map page: country outlines from the vendored world-atlas TopoJSON, one circle per event; no tiles fetched.
(function () {
  "use strict";
  var box = document.getElementById("map");
  if (!box || !window.L) { return; }
  var count = document.getElementById("map-count");
  var map = L.map(box, {worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.5}).setView([30, 20], 2);
  map.attributionControl.setPrefix("Leaflet").addAttribution("Natural Earth");
  map.createPane("countries").style.zIndex = 350;  // under the events, whichever loads first
  var state = {map: map, markers: [], ready: false};
  window.rashomonMap = state;

  function popup(p) {
    var div = document.createElement("div");
    var link = document.createElement("a");
    link.href = "/events/" + encodeURIComponent(p.id);
    link.textContent = p.title || p.id;
    div.appendChild(link);
    var meta = document.createElement("div");
    meta.className = "popup-meta";
    meta.textContent = [p.date, p.event_type, p.place, p.articles + " report(s)"].filter(Boolean).join(" · ");
    div.appendChild(meta);
    if (p.contested) {
      var badge = document.createElement("span");
      badge.className = "badge contested";
      badge.textContent = "contested";
      div.appendChild(badge);
    }
    return div;
  }

  function getJSON(url) {
    return fetch(url, {headers: {"Accept": "application/json"}}).then(function (r) {
      if (!r.ok) { throw new Error(url + ": HTTP " + r.status); }
      return r.json();
    });
  }

  var basemap = getJSON(box.getAttribute("data-basemap")).then(function (topo) {
    var countries = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(countries, {pane: "countries", interactive: false, style: function () {
      return {color: "#8a97a8", weight: 0.6, fillColor: "#e9edf2", fillOpacity: 1};
    }}).addTo(map);
  });

  var events = getJSON(box.getAttribute("data-events")).then(function (fc) {
    var layer = L.featureGroup();
    fc.features.forEach(function (f) {
      var lon = f.geometry.coordinates[0], lat = f.geometry.coordinates[1], p = f.properties;
      var marker = L.circleMarker([lat, lon], {
        radius: 6 + Math.min(8, Math.log2(1 + (p.articles || 1)) * 2),
        className: "event-marker" + (p.contested ? " contested" : ""),
        color: p.contested ? "#a3261b" : "#1d4f91", weight: 2,
        fillColor: p.contested ? "#e0533f" : "#3d7fd6", fillOpacity: 0.75
      }).bindPopup(popup(p));
      marker.eventId = p.id;
      layer.addLayer(marker);
      state.markers.push({id: p.id, lat: lat, lon: lon, title: p.title});
    });
    layer.addTo(map);
    map.invalidateSize({animate: false});
    if (state.markers.length) {
      map.fitBounds(layer.getBounds().pad(0.5), {maxZoom: 6, animate: false});
    }
    if (count) {
      count.textContent = state.markers.length + " event" + (state.markers.length === 1 ? "" : "s") + " with a location";
    }
  });

  Promise.all([basemap, events]).then(function () {
    state.ready = true;
    box.setAttribute("data-ready", "1");
  }).catch(function (err) {
    if (count) { count.textContent = "The map could not be loaded: " + err.message; }
    box.setAttribute("data-ready", "error");
  });
})();
