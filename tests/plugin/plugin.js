// What a CMS plugin does: call the API from its own origin with its key, ask for UTF-16
// offsets, and slice the article (a JavaScript string) where the quotes are.
"use strict";

async function findQuotes(api, key, text) {
  const headers = { "Content-Type": "application/json" };
  if (key) headers.Authorization = "Bearer " + key;
  const response = await fetch(api + "/v1/quotes", {
    method: "POST", headers, body: JSON.stringify({ text, offsets: "utf16" }),
  });
  const body = await response.json();
  const quotes = (body.quotes || []).map((q) => ({
    text: text.slice(q.start, q.end),
    speaker: q.speaker ? text.slice(q.speaker.start, q.speaker.end) : null,
    cue: q.cue ? text.slice(q.cue.start, q.cue.end) : null,
  }));
  document.getElementById("out").textContent = quotes.map((q) => q.text).join(" | ");
  return { status: response.status, requestId: response.headers.get("X-Request-Id"), quotes, error: body.error || null };
}
window.findQuotes = findQuotes;
