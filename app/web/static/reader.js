// The reader's panel: focus or click a highlighted span to see its stance, and the other
// sources' stances on the same claim (fetched from this server's /v1). No offsets are
// computed here: the server split the text (app/web/spans.py).
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("stances-data").textContent);
  const panel = document.getElementById("panel");
  const body = document.getElementById("panel-body");
  const others = document.getElementById("panel-others");
  const text = document.getElementById("text");
  let shown = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  function label(name) {
    return el("span", { class: "label " + name, "data-sign": SIGNS[name] || "" }, name);
  }
  const SIGNS = { supports: "+", opposes: "\u2212", questions: "?", neutral: "○" };

  function holder(stance) {
    return stance.holder
      ? el("a", { href: "/actors/" + encodeURIComponent(stance.holder.id) }, stance.holder.name)
      : "the author";
  }

  function mark(id, on) {
    for (const piece of text.querySelectorAll('[data-stance-id="' + CSS.escape(id) + '"]')) {
      piece.classList.toggle("selected", on);
    }
  }

  function enclosing(node) {
    // every stance whose pieces contain this point, innermost first
    const found = [];
    for (let at = node; at && at !== text; at = at.parentElement) {
      if (at.dataset && at.dataset.stanceId) found.push(at.dataset.stanceId);
    }
    return found;
  }

  async function loadOthers(stance) {
    others.replaceChildren(el("p", { class: "meta" }, "Loading the other sources' stances…"));
    try {
      const response = await fetch("/v1/claims/" + encodeURIComponent(stance.claim.id));
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      const claim = await response.json();
      if (shown !== stance.id) return;
      const elsewhere = claim.stances.filter((s) => s.provenance.source_id !== data.source_id);
      const list = el("ul", { class: "positions" });
      for (const s of elsewhere) {
        const where = "/sources/" + encodeURIComponent(s.provenance.source_id) + "#s-" + encodeURIComponent(s.id);
        list.append(el("li", {}, label(s.label), " ", holder(s), " in ",
          el("a", { href: where }, s.provenance.source_id), ": ",
          el("q", {}, s.provenance.quote)));
      }
      others.replaceChildren(el("h3", {}, "In other sources (" + elsewhere.length + ")"),
        elsewhere.length ? list : el("p", { class: "meta" }, "No other source takes a stance on this claim."));
    } catch (error) {
      others.replaceChildren(el("p", { class: "warning" }, "Could not load the other sources: " + error.message));
    }
  }

  function show(id, around) {
    const stance = data.stances[id];
    if (!stance) return;
    if (shown) mark(shown, false);
    shown = id;
    mark(id, true);
    const also = (around || []).filter((other) => other !== id);
    const parts = [
      el("p", { class: "stance-head" }, label(stance.label), " ", holder(stance),
        el("span", { class: "meta" }, " · " + stance.attribution + " · " + stance.certainty)),
      el("p", { class: "claim" }, "Claim: ",
        el("a", { href: "/claims/" + encodeURIComponent(stance.claim.id) }, stance.claim.text)),
      el("blockquote", { class: "quote" }, stance.quote),
      el("p", { class: "meta" }, "Characters " + stance.start + "–" + stance.end + " · ",
        el("a", { href: "#s-" + id }, "link to this span")),
      also.length ? el("p", { class: "meta" }, "Also here: ",
        ...also.map((other) => el("button", { type: "button", "data-show": other },
          data.stances[other].label + ": " + data.stances[other].claim.text.slice(0, 60)))) : null,
    ];
    body.replaceChildren(...parts.filter((part) => part !== null));
    panel.hidden = false;
    loadOthers(stance);
  }

  text.addEventListener("click", (event) => {
    const around = enclosing(event.target);
    if (around.length) show(around[0], around);
  });
  text.addEventListener("focusin", (event) => {
    const around = enclosing(event.target);
    if (around.length) show(around[0], around);
  });
  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.dataset.stanceId) panel.focus();
  });
  body.addEventListener("click", (event) => {
    const other = event.target.closest("[data-show]");
    if (other) show(other.dataset.show, enclosing(text.querySelector("#s-" + CSS.escape(other.dataset.show))));
  });

  function fromHash() {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id.startsWith("s-") && data.stances[id.slice(2)]) {
      const first = document.getElementById(id);
      first.scrollIntoView({ block: "center" });
      show(id.slice(2), enclosing(first));
    }
  }
  window.addEventListener("hashchange", fromHash);
  // after the browser's own jump to the anchor, which would put the span at the very top
  window.addEventListener("load", fromHash);
})();
