// The reference client of POST /v1/quotes. Article text is only ever inserted with
// textContent / createTextNode: markup in an article stays text.
"use strict";

// Dark enough for 3px lines on white; tints are light enough for dark text (contrast > 7:1).
const PALETTE = [
  ["#0b57d0", "#dce7fb"], ["#b3261e", "#f9dedc"], ["#146c2e", "#d7efdc"], ["#7d3c98", "#efe0f5"],
  ["#9a5b00", "#fbe9cc"], ["#006a6a", "#cdeeee"], ["#a1306b", "#f7dcea"], ["#3f51b5", "#e0e4f7"],
];
const NEUTRAL = ["#5b5b66", "#ececf1"];

const $ = (id) => document.getElementById(id);
let current = null; // {text, body}
let selectedSpeaker = null;

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("data-") || k.startsWith("aria-") || k === "role" || k === "tabindex") node.setAttribute(k, v);
    else node[k] = v;
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

function colours(body) {
  const map = new Map();
  body.speakers.forEach((s, i) => map.set(s.id, PALETTE[i % PALETTE.length]));
  return map;
}

function quoteColour(q, map) {
  return (q.speaker && q.speaker.entity && map.get(q.speaker.entity)) || NEUTRAL;
}

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = false;
}

function clearError() {
  $("error").hidden = true;
  $("error").textContent = "";
}

async function submit(event) {
  event.preventDefault();
  clearError();
  const text = $("text").value;
  const modes = [...document.querySelectorAll('input[name="mode"]:checked')].map((i) => i.value);
  $("status").textContent = "Finding quotes…";
  $("submit").disabled = true;
  try {
    const response = await fetch("/v1/quotes", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      // UTF-16 offsets: what JavaScript strings index, so slicing the text is exact (emoji and all).
      body: JSON.stringify({ text, format: $("format").value, modes, provenance: true, offsets: "utf16" }),
    });
    let body;
    try {
      body = await response.json();
    } catch (_) {
      throw new Error(`The server answered ${response.status} without JSON.`);
    }
    if (!response.ok) {
      const err = body && body.error ? body.error : { code: String(response.status), message: response.statusText };
      throw new Error(`${err.message} (${err.code}, HTTP ${response.status})`);
    }
    current = { text: body.text !== undefined ? body.text : text, body };
    selectedSpeaker = null;
    render();
    const n = body.quotes.length;
    $("status").textContent = `${n} quote${n === 1 ? "" : "s"}, ${body.speakers.length} speaker${body.speakers.length === 1 ? "" : "s"} (${body.meta.elapsed_ms} ms).`;
  } catch (err) {
    $("status").textContent = "";
    showError(err.message || String(err));
  } finally {
    $("submit").disabled = false;
  }
}

function segments(text, body) {
  // Cut the text at every boundary of a quote part, speaker mention or cue.
  const cuts = new Set([0, text.length]);
  const parts = [];
  const mentions = [];
  const cues = [];
  for (const q of body.quotes) {
    q.parts.forEach((p, i) => parts.push({ start: p.start, end: p.end, q, first: i === 0 }));
    if (q.speaker) mentions.push({ start: q.speaker.start, end: q.speaker.end, q });
    if (q.cue) cues.push({ start: q.cue.start, end: q.cue.end, q });
  }
  for (const s of [...parts, ...mentions, ...cues]) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const covering = parts.filter((p) => p.start <= a && b <= p.end);
    // The innermost quote wins where quotes nest.
    covering.sort((x, y) => (x.end - x.start) - (y.end - y.start));
    out.push({
      start: a, end: b,
      part: covering[0] || null,
      mention: mentions.find((m) => m.start <= a && b <= m.end) || null,
      cue: cues.find((c) => c.start <= a && b <= c.end) || null,
    });
  }
  return out;
}

function render() {
  const { text, body } = current;
  const map = colours(body);
  const article = $("article");
  article.replaceChildren();
  const started = new Set();
  for (const seg of segments(text, body)) {
    const piece = text.slice(seg.start, seg.end);
    const owner = seg.part ? seg.part.q : (seg.mention || seg.cue || {}).q;
    if (!seg.part && !seg.mention && !seg.cue) {
      article.appendChild(document.createTextNode(piece));
      continue;
    }
    const span = el("span", {}, piece);
    const [c, tint] = owner ? quoteColour(owner, map) : NEUTRAL;
    span.style.setProperty("--c", c);
    span.style.setProperty("--tint", tint);
    const classes = [];
    if (seg.part) {
      const q = seg.part.q;
      classes.push("q", `q-${q.type}`);
      span.dataset.q = q.id;
      span.dataset.entity = (q.speaker && q.speaker.entity) || "";
      const key = `${q.id}:${seg.part.start}`;
      if (!started.has(key)) {
        started.add(key);
        span.setAttribute("tabindex", "0");
        span.setAttribute("role", "button");
        const who = q.speaker ? (q.speaker.name || q.speaker.text) : "unknown speaker";
        span.setAttribute("aria-label", `${q.type} quote by ${who}: ${text.slice(seg.part.start, seg.part.end)}`);
      }
    }
    if (seg.mention) { classes.push("mention"); span.dataset.mentionOf = seg.mention.q.id; }
    if (seg.cue) { classes.push("cue"); span.dataset.cueOf = seg.cue.q.id; }
    span.className = classes.join(" ");
    article.appendChild(span);
  }
  renderSpeakers(map);
  applyFilter();
  $("detail").replaceChildren(el("p", { class: "hint" }, "Hover over or focus a quote to see its attribution."));
  $("result").hidden = false;
}

function renderSpeakers(map) {
  const { body } = current;
  const list = $("speakers");
  list.replaceChildren();
  const most = Math.max(1, ...body.speakers.map((s) => s.quotes.length));
  for (const s of body.speakers) {
    const [c] = map.get(s.id);
    const button = el("button", { type: "button", "aria-pressed": "false", "data-entity": s.id });
    button.style.setProperty("--c", c);
    button.append(
      el("span", { class: "swatch", "aria-hidden": "true" }),
      el("span", { class: "speaker-name" }, s.name),
      el("span", { class: "count", "aria-label": `${s.quotes.length} quotes` }, String(s.quotes.length)),
    );
    const title = [s.title, s.affiliation].filter(Boolean).join(", ");
    if (title) button.append(el("span", { class: "speaker-title" }, title));
    const bar = el("span", { class: "bar", "aria-hidden": "true" });
    bar.style.width = `${Math.round((100 * s.quotes.length) / most)}%`;
    button.append(bar);
    button.addEventListener("click", () => {
      selectedSpeaker = selectedSpeaker === s.id ? null : s.id;
      applyFilter();
    });
    list.appendChild(el("li")).appendChild(button);
  }
  const unattributed = body.quotes.filter((q) => !q.speaker || !q.speaker.entity).length;
  if (unattributed) list.appendChild(el("li", { class: "hint" }, `${unattributed} quote${unattributed === 1 ? "" : "s"} without a named speaker`));
}

function applyFilter() {
  for (const span of document.querySelectorAll("#article .q")) {
    span.classList.toggle("dim", selectedSpeaker !== null && span.dataset.entity !== selectedSpeaker);
  }
  for (const b of document.querySelectorAll("#speakers button")) {
    b.setAttribute("aria-pressed", String(b.dataset.entity === selectedSpeaker));
  }
  $("show-all").hidden = selectedSpeaker === null;
}

function showDetail(qid) {
  const q = current.body.quotes.find((x) => x.id === qid);
  if (!q) return;
  for (const s of document.querySelectorAll("#article .q.active")) s.classList.remove("active");
  for (const s of document.querySelectorAll(`#article .q[data-q="${q.id}"]`)) s.classList.add("active");
  const rows = [
    ["Speaker", q.speaker ? (q.speaker.name || "unresolved") : "not given"],
    ["Mention", q.speaker ? q.speaker.text : "—"],
    ["Title", (q.speaker && q.speaker.title) || "—"],
    ["Affiliation", (q.speaker && q.speaker.affiliation) || "—"],
    ["Cue", q.cue ? q.cue.text : "—"],
    ["Outlet", q.outlet ? q.outlet.name : "—"],
    ["Type", q.type],
    ["Mode", q.mode],
    ["Confidence", q.confidence.toFixed(2)],
  ];
  if (q.rule) rows.push(["Rule", q.rule + (q.speaker_from ? ` (speaker: ${q.speaker_from})` : "")]);
  const dl = el("dl", { "data-q": q.id });
  for (const [k, v] of rows) dl.append(el("dt", {}, k), el("dd", { "data-field": k.toLowerCase() }, v));
  $("detail").replaceChildren(el("blockquote", {}, q.text), dl);
}

function onPointer(event) {
  const span = event.target.closest("#article .q");
  if (span) showDetail(span.dataset.q);
}

async function loadSample() {
  clearError();
  try {
    const response = await fetch("/samples/niger-junta-diplomacy.txt");
    if (!response.ok) throw new Error(`The sample could not be loaded (HTTP ${response.status}).`);
    $("text").value = await response.text();
    $("format").value = "text";
  } catch (err) {
    showError(err.message || String(err));
  }
}

$("form").addEventListener("submit", submit);
$("load-sample").addEventListener("click", loadSample);
$("show-all").addEventListener("click", () => { selectedSpeaker = null; applyFilter(); });
$("article").addEventListener("mouseover", onPointer);
$("article").addEventListener("focusin", onPointer);
$("article").addEventListener("keydown", (event) => {
  if (event.key === "Enter" || event.key === " ") {
    const span = event.target.closest("#article .q");
    if (span) { event.preventDefault(); showDetail(span.dataset.q); }
  }
});
