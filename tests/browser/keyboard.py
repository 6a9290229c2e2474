"""Helpers for the keyboard tests: press Tab and look at what has focus."""

# What has focus, and whether that is visible: an outline of at least 2px on the element or
# on its ::after (cards draw their ring around the whole card), a box shadow, or for a marker
# of the map a thick stroke around its dot.
FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const thick = (s) => s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
  const style = getComputedStyle(el);
  let visible = thick(style) || thick(getComputedStyle(el, "::after"))
    || (style.boxShadow && style.boxShadow !== "none");
  const dot = el.closest(".kaart__link") && el.querySelector(".kaart__punt");
  if (dot) visible = visible || parseFloat(getComputedStyle(dot).strokeWidth) >= 4;
  const r = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    cls: typeof el.className === "string" ? el.className : "",
    text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 80),
    href: el.getAttribute("href"),
    type: el.getAttribute("type"),
    checked: el.checked === true,
    visible: Boolean(visible),
    inViewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight
      && r.right > 0 && r.left < innerWidth,
    inNav: Boolean(el.closest('nav[aria-label="Hoofdmenu"]')),
    inPagination: Boolean(el.closest("nav.pagination")),
  };
}"""


def focused(page):
    return page.evaluate(FOCUS_JS)


def assert_focus_visible(info):
    assert info is not None, "focus left the page content"
    assert info["visible"], f"focus is not visible on {info}"
    assert info["inViewport"], f"the focused element is not in view: {info}"


def tab_until(page, predicate, limit=150, key="Tab"):
    """Press Tab until ``predicate(focused info)``; every stop must show its focus."""
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        info = focused(page)
        assert_focus_visible(info)
        stops.append(info)
        if predicate(info):
            return info
    raise AssertionError(
        f"not reached after {limit} presses of {key}; last stops: "
        + "; ".join(f"{s['tag']}.{s['cls']} {s['text']!r}" for s in stops[-8:])
    )
