// The review queue: accept, correct or reject each candidate stance, mention and actor
// through the API (POST /v1/{stances|mentions|actors}/{id}/accept|reject with If-Match).
// A decision that carries others along (accepting a stance accepts the actors it names,
// rejecting an actor its mentions and stances) shows them on their cards. The key is kept
// in sessionStorage, which this tab forgets when it closes.
"use strict";
(function () {
  const STORE = "claimsdb.key";
  const keyInput = document.getElementById("key");
  const keyState = document.getElementById("key-state");
  const cards = [...document.querySelectorAll(".candidate")];
  let current = -1;

  function showKeyState() {
    keyState.textContent = sessionStorage.getItem(STORE)
      ? "a key is set for this browser session"
      : "no key yet: accept and reject need one";
  }

  document.getElementById("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const key = keyInput.value.trim();
    if (key) sessionStorage.setItem(STORE, key);
    else sessionStorage.removeItem(STORE);
    keyInput.value = "";
    showKeyState();
  });

  function select(index) {
    if (!cards.length) return;
    current = Math.max(0, Math.min(cards.length - 1, index));
    cards.forEach((card, at) => card.classList.toggle("current", at === current));
    cards[current].focus();
    cards[current].scrollIntoView({ block: "nearest" });
  }

  // the next card not decided yet (a decision may have decided the ones after it too)
  function nextOpen(from) {
    for (let at = from + 1; at < cards.length; at++) {
      if (!cards[at].classList.contains("accepted") && !cards[at].classList.contains("rejected")) return at;
    }
    return from + 1;
  }

  function recordPath(card) {
    return "/v1/" + card.dataset.kind + "s/" + encodeURIComponent(card.dataset.id);
  }

  function named(card) {
    return card.dataset.named ? card.dataset.named.split(" ") : [];
  }

  // the cards a decision on this one may have decided too: an actor's mentions and
  // stances; the actors an accepted stance or mention names
  function carried(card, action) {
    if (card.dataset.kind === "actor") {
      return cards.filter((other) => named(other).includes(card.dataset.id));
    }
    if (action !== "accept") return [];
    const ids = named(card);
    return cards.filter((other) => other.dataset.kind === "actor" && ids.includes(other.dataset.id));
  }

  // read each such card's record again: its new version, and its decision if it has one
  async function followUp(card, action) {
    const what = card.dataset.kind + " " + (action === "accept" ? "accepted" : "rejected");
    for (const other of carried(card, action)) {
      if (other.classList.contains("accepted") || other.classList.contains("rejected")) continue;
      const seen = await fetch(recordPath(other));
      if (!seen.ok) continue;
      const now = await seen.json();
      other.dataset.version = String(now.version);
      if (now.review_status !== "candidate") {
        other.classList.add(now.review_status);
        other.querySelector(".result").textContent = now.review_status + " with the " + what;
      }
    }
  }

  // an actor's name and kind as every card shows them, after a correction
  function showActor(actor) {
    const id = CSS.escape(actor.id);
    document.querySelectorAll('[data-actor-name="' + id + '"]').forEach((shown) => { shown.textContent = actor.name; });
    document.querySelectorAll('[data-actor-kind="' + id + '"]').forEach((shown) => { shown.textContent = actor.kind; });
  }

  function problemText(problem, status) {
    if (!problem) return "failed: " + status;
    const fields = (problem.errors || []).map((e) => e.field + ": " + e.message);
    return problem.title + ": " + problem.detail + (fields.length ? " (" + fields.join("; ") + ")" : "");
  }

  async function act(card, action, patch) {
    const result = card.querySelector(".result");
    const key = sessionStorage.getItem(STORE);
    if (!key) {
      result.textContent = "Type an API key above first.";
      keyInput.focus();
      return;
    }
    if (card.dataset.busy) return; // a decision on it is on its way
    card.dataset.busy = "yes";
    const path = recordPath(card);
    result.textContent = "…";
    try {
      // If-Match carries the version this page showed: a change since then is a 412
      const seen = await fetch(path);
      if (!seen.ok) throw problemText(await seen.json().catch(() => null), seen.status);
      const now = await seen.json();
      if (String(now.version) !== card.dataset.version) {
        result.textContent = "Changed since this page was loaded: reload it before you decide.";
        return;
      }
      const response = await fetch(path + "/" + action, {
        method: "POST",
        headers: {
          Authorization: "Bearer " + key,
          "If-Match": seen.headers.get("ETag"),
          "Content-Type": "application/json",
        },
        body: patch ? JSON.stringify(patch) : undefined,
      });
      const answer = await response.json().catch(() => null);
      if (!response.ok) {
        result.textContent = problemText(answer, response.status);
        return;
      }
      const done = action === "accept" ? "accepted" : "rejected";
      card.dataset.version = String(answer.version);
      if (card.dataset.kind === "actor") showActor(answer);
      // the cards it carried along first, then this one shown decided and the next open
      // one current, in one step: a key pressed meanwhile never lands on a stale card
      await followUp(card, action);
      card.classList.remove("accepted", "rejected");
      card.classList.add(done);
      result.textContent = done + (patch ? " with corrections" : "");
      select(nextOpen(cards.indexOf(card)));
    } catch (error) {
      result.textContent = String(error);
    } finally {
      delete card.dataset.busy;
    }
  }

  function correction(form, kind) {
    const data = new FormData(form);
    if (kind === "actor") return { name: data.get("name").trim(), kind: data.get("kind") };
    if (kind === "mention") return { actor: data.get("actor").trim() };
    const holder = data.get("holder").trim();
    return {
      label: data.get("label"),
      holder: holder || null,
      certainty: data.get("certainty"),
      claim: data.get("claim").trim(),
    };
  }

  document.getElementById("queue").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const card = button.closest(".candidate");
    select(cards.indexOf(card));
    act(card, button.dataset.action, null);
  });
  document.getElementById("queue").addEventListener("submit", (event) => {
    event.preventDefault();
    const card = event.target.closest(".candidate");
    act(card, "accept", correction(event.target, card.dataset.kind));
  });

  document.addEventListener("keydown", (event) => {
    if (event.target.closest("input, select, textarea, summary") || event.ctrlKey || event.metaKey || event.altKey) return;
    const card = cards[current];
    switch (event.key) {
      case "j": case "n": select(current + 1); break;
      case "k": select(current - 1); break;
      case "a": if (card) act(card, "accept", null); break;
      case "r": if (card) act(card, "reject", null); break;
      case "c":
        if (card) {
          const details = card.querySelector("details");
          details.open = true;
          details.querySelector("form select, form input").focus();
          event.preventDefault();
        }
        break;
      default: return;
    }
  });

  showKeyState();
  if (cards.length) select(0);
})();
