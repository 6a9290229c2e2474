// Filter field for the gemeenten checkboxes of a Werkplaats (werkplaatsen/models.py,
// GemeentenWidget). Without JavaScript the provinces are plain collapsible groups.
(function () {
  function normaal(tekst) {
    return tekst.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/['’`]/g, "")
      .toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }

  function koppel(kiezer) {
    if (kiezer.dataset.gemeentenGekoppeld) return;
    kiezer.dataset.gemeentenGekoppeld = "1";
    var veld = kiezer.querySelector("[data-gemeenten-filterveld]");
    var invoer = kiezer.querySelector("[data-gemeenten-filter]");
    if (!veld || !invoer) return;
    veld.hidden = false;
    var groepen = Array.prototype.slice.call(kiezer.querySelectorAll("[data-gemeenten-groep]"));
    var beginOpen = groepen.map(function (groep) { return groep.open; });
    invoer.addEventListener("input", function () {
      var zoek = normaal(invoer.value);
      groepen.forEach(function (groep, i) {
        var zichtbaar = 0;
        groep.querySelectorAll("[data-gemeente]").forEach(function (item) {
          var past = !zoek || normaal(item.dataset.gemeente).indexOf(zoek) !== -1;
          item.hidden = !past;
          if (past) zichtbaar += 1;
        });
        groep.hidden = zoek && zichtbaar === 0;
        groep.open = zoek ? zichtbaar > 0 : beginOpen[i];
      });
    });
  }

  function alles() {
    document.querySelectorAll("[data-gemeenten-kiezer]").forEach(koppel);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", alles);
  } else {
    alles();
  }
})();
