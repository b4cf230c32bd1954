// The review queue: accept, correct or reject each candidate through the API
// (POST /v1/stances/{id}/accept|reject with If-Match). The key is kept in sessionStorage,
// which this tab forgets when it closes.
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
    const path = "/v1/stances/" + encodeURIComponent(card.dataset.stanceId);
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
      card.classList.remove("accepted", "rejected");
      card.classList.add(done);
      card.dataset.version = String(answer.version);
      result.textContent = done + (patch ? " with corrections" : "");
      select(cards.indexOf(card) + 1);
    } catch (error) {
      result.textContent = String(error);
    }
  }

  function correction(form) {
    const data = new FormData(form);
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
    act(card, "accept", correction(event.target));
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
          details.querySelector("select").focus();
          event.preventDefault();
        }
        break;
      default: return;
    }
  });

  showKeyState();
  if (cards.length) select(0);
})();
