/*
 * Kennisbank: progressive enhancement of the search and facet form
 * (templates/components/kennisbank_filters.html). The form works fully without this file.
 *
 * 1. The "Filters en sorteren" disclosure is open on wide screens (the stylesheet already
 *    shows its contents there; this keeps the open state right for assistive technology).
 * 2. Ticking or unticking a facet applies it at once (the form says so above the facets).
 *    After the new page has loaded, focus returns to the same checkbox and the new number
 *    of products is announced, so keyboard and screen reader users keep their place.
 *    The sort order is not applied on change: arrow keys on a closed <select> would submit
 *    at every step. Text and sort order are applied with the "Toon producten" button.
 */
(function () {
  "use strict";

  var form = document.querySelector("[data-filters]");
  if (!form) {
    return;
  }

  // 1. Open on wide screens.
  var paneel = form.querySelector("[data-filters-paneel]");
  var breed = window.matchMedia ? window.matchMedia("(min-width: 60rem)") : null;
  function volgBreedte() {
    if (paneel && breed && breed.matches) {
      paneel.open = true;
    }
  }
  volgBreedte();
  if (breed && breed.addEventListener) {
    breed.addEventListener("change", volgBreedte);
  }

  // 2. Apply a facet at once.
  var SLEUTEL = "wsd-kennisbank-focus";
  var uitleg = form.querySelector("[data-filters-uitleg]");
  if (uitleg) {
    uitleg.hidden = false;
  }

  form.addEventListener("change", function (event) {
    var veld = event.target;
    if (!veld || veld.type !== "checkbox" || !veld.id) {
      return;
    }
    try {
      window.sessionStorage.setItem(SLEUTEL, veld.id);
    } catch (e) {
      // No storage (private mode): the choice is still applied, focus starts at the top.
    }
    if (form.requestSubmit) {
      form.requestSubmit();
    } else {
      form.submit();
    }
  });

  var id = null;
  try {
    id = window.sessionStorage.getItem(SLEUTEL);
    window.sessionStorage.removeItem(SLEUTEL);
  } catch (e) {
    id = null;
  }
  var veld = id ? document.getElementById(id) : null;
  if (!veld || !form.contains(veld)) {
    return;
  }
  for (var el = veld.parentElement; el && el !== form; el = el.parentElement) {
    if (el.tagName === "DETAILS") {
      el.open = true;
    }
  }
  veld.focus();

  var aantal = document.querySelector("[data-resultaten-aantal]");
  if (aantal) {
    var melding = document.createElement("p");
    melding.className = "visually-hidden";
    melding.setAttribute("role", "status");
    form.appendChild(melding);
    window.setTimeout(function () {
      melding.textContent = aantal.textContent;
    }, 600);
  }
})();
