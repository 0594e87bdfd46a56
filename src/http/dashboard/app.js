// peerlink dashboard: reads the JSON API with the token the user gives
// (kept in this tab's sessionStorage only) and draws plain SVG charts.
// No external resources; every value from the API is set as text, never HTML.
"use strict";

const T = {
  en: {
    title: "Network dashboard", language: "Language", token: "API token", load: "Load",
    open_by_state: "Open requests by state", by_region: "Requests by region",
    trends: "Median time to acknowledge and to resolve (hours, by month)",
    outcomes: "Outcomes register", category: "Category", result: "Result", search: "Search", all: "All",
    number: "#", state_col: "State", title_col: "Title", summary: "Summary", resolved_at: "Resolved",
    roster: "Roster by region", region: "Region", states: "States", members: "Members", observers: "Observers",
    delivered: "delivered", partly_delivered: "partly delivered", not_delivered: "not delivered",
    to_acknowledge: "to acknowledge", to_resolve: "to resolve",
    need_token: "Enter an API token to load the data.", loading: "Loading…",
    loaded: "Data loaded at", unauthorized: "The token was refused.", failed: "The API could not be reached:",
    no_data: "No data yet.", rows: "rows",
    submitted: "submitted", acknowledged: "acknowledged", needs_info: "waiting for information",
    accepted: "accepted", in_progress: "in progress", resolved: "resolved", declined: "declined", reopened: "reopened",
  },
  fr: {
    title: "Tableau de bord du réseau", language: "Langue", token: "Jeton d'API", load: "Charger",
    open_by_state: "Demandes ouvertes par état", by_region: "Demandes par région",
    trends: "Délai médian de prise en compte et de clôture (heures, par mois)",
    outcomes: "Registre des résultats", category: "Catégorie", result: "Résultat", search: "Recherche", all: "Toutes",
    number: "n°", state_col: "État", title_col: "Titre", summary: "Résumé", resolved_at: "Clôturée",
    roster: "Membres par région", region: "Région", states: "États", members: "Membres", observers: "Observateurs",
    delivered: "réalisé", partly_delivered: "partiellement réalisé", not_delivered: "non réalisé",
    to_acknowledge: "prise en compte", to_resolve: "clôture",
    need_token: "Saisissez un jeton d'API pour charger les données.", loading: "Chargement…",
    loaded: "Données chargées à", unauthorized: "Le jeton a été refusé.", failed: "L'API est injoignable :",
    no_data: "Pas encore de données.", rows: "lignes",
    submitted: "déposée", acknowledged: "reçue", needs_info: "en attente d'informations",
    accepted: "acceptée", in_progress: "en cours", resolved: "close", declined: "refusée", reopened: "rouverte",
  },
};

const SVG = "http://www.w3.org/2000/svg";
const state = { lang: "en", data: null };

function t(key) { return (T[state.lang] && T[state.lang][key]) || T.en[key] || key; }

function hashParams() { return new URLSearchParams(location.hash.replace(/^#/, "")); }

function setHash(params) {
  const clean = new URLSearchParams();
  for (const [k, v] of params) if (v && k !== "token") clean.set(k, v);
  history.replaceState(null, "", "#" + clean.toString());
}

function el(tag, attrs = {}, text) {
  const node = document.createElementNS(tag === "svg" || attrs.svg ? SVG : "http://www.w3.org/1999/xhtml", tag);
  for (const [k, v] of Object.entries(attrs)) if (k !== "svg") node.setAttribute(k, v);
  if (text !== undefined) node.textContent = String(text);
  return node;
}

function status(message, error = false) {
  const node = document.getElementById("status");
  node.textContent = message;
  node.className = error ? "error" : "";
}

function translate() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  document.title = "peerlink — " + t("title");
}

async function api(path) {
  const token = sessionStorage.getItem("peerlink-token") || "";
  const response = await fetch(path, { headers: { Authorization: "Bearer " + token } });
  if (response.status === 401 || response.status === 403) throw new Error("unauthorized");
  if (!response.ok) throw new Error(response.status + " " + (await response.text()));
  return response.json();
}

function barChart(container, entries) {
  container.replaceChildren();
  if (!entries.length) { container.append(el("p", { class: "empty" }, t("no_data"))); return; }
  const max = Math.max(...entries.map(([, v]) => v), 1);
  const longest = Math.max(...entries.map(([label]) => String(label).length));
  const rowH = 28, labelW = Math.min(300, 20 + longest * 7), width = 700;
  const svg = el("svg", { viewBox: `0 0 ${width} ${entries.length * rowH + 8}`, role: "img" });
  entries.forEach(([label, value], i) => {
    const y = i * rowH + 4;
    const w = Math.max(2, ((width - labelW - 50) * value) / max);
    svg.append(el("text", { svg: 1, x: 0, y: y + 17 }, label));
    const bar = el("rect", { svg: 1, class: "bar", x: labelW, y, width: w, height: rowH - 8, "data-value": value });
    bar.append(el("title", { svg: 1 }, `${label}: ${value}`));
    svg.append(bar);
    svg.append(el("text", { svg: 1, x: labelW + w + 6, y: y + 17 }, value));
  });
  container.append(svg);
}

function trendChart(container, months) {
  container.replaceChildren();
  if (!months.length) { container.append(el("p", { class: "empty" }, t("no_data"))); return; }
  const width = 900, height = 260, pad = 40;
  const values = months.flatMap((m) => [m.median_hours_to_acknowledge, m.median_hours_to_resolve]).filter((v) => v != null);
  const max = Math.max(...values, 1);
  const x = (i) => pad + (months.length === 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (months.length - 1));
  const y = (v) => height - pad - ((height - 2 * pad) * v) / max;
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img" });
  svg.append(el("line", { svg: 1, x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, stroke: "#d8dee4" }));
  svg.append(el("line", { svg: 1, x1: pad, y1: pad, x2: pad, y2: height - pad, stroke: "#d8dee4" }));
  svg.append(el("text", { svg: 1, x: 2, y: pad + 4 }, `${Math.round(max)} h`));
  svg.append(el("text", { svg: 1, x: 2, y: height - pad + 4 }, "0"));
  for (const [key, cls] of [["median_hours_to_acknowledge", "line-ack"], ["median_hours_to_resolve", "line-resolve"]]) {
    const points = months.map((m, i) => (m[key] == null ? null : `${x(i)},${y(m[key])}`)).filter(Boolean);
    if (points.length) svg.append(el("polyline", { svg: 1, class: cls, points: points.join(" ") }));
    months.forEach((m, i) => {
      if (m[key] == null) return;
      const dot = el("circle", { svg: 1, cx: x(i), cy: y(m[key]), r: 4, class: cls.replace("line", "legend") });
      dot.append(el("title", { svg: 1 }, `${m.month}: ${m[key]} h`));
      svg.append(dot);
    });
  }
  months.forEach((m, i) => svg.append(el("text", { svg: 1, x: x(i) - 22, y: height - pad + 18 }, m.month)));
  svg.append(el("rect", { svg: 1, x: width - 260, y: 6, width: 12, height: 12, class: "legend-ack" }));
  svg.append(el("text", { svg: 1, x: width - 242, y: 17 }, t("to_acknowledge")));
  svg.append(el("rect", { svg: 1, x: width - 130, y: 6, width: 12, height: 12, class: "legend-resolve" }));
  svg.append(el("text", { svg: 1, x: width - 112, y: 17 }, t("to_resolve")));
  container.append(svg);
}

function renderOutcomes() {
  const { outcomes } = state.data;
  const category = document.getElementById("f-category").value;
  const result = document.getElementById("f-result").value;
  const q = document.getElementById("f-q").value.trim().toLowerCase();
  setHash([["lang", state.lang], ["category", category], ["result", result], ["q", q]]);
  const body = document.querySelector("#outcomes tbody");
  body.replaceChildren();
  const rows = outcomes.filter((o) =>
    (!category || o.category === category) && (!result || o.result === result) &&
    (!q || `${o.title} ${o.summary} ${o.requesting_state}`.toLowerCase().includes(q)));
  for (const o of rows) {
    const tr = el("tr", { "data-number": o.number });
    for (const cell of [o.number, o.requesting_state, o.category, o.title, t(o.result), o.summary, o.resolved_at.slice(0, 10)]) {
      tr.append(el("td", {}, cell));
    }
    body.append(tr);
  }
  document.getElementById("outcomes").dataset.rows = String(rows.length);
}

function renderRoster() {
  const { roster } = state.data;
  const body = document.querySelector("#roster tbody");
  body.replaceChildren();
  for (const region of roster.regions) {
    const states = roster.states.filter((s) => s.region === region.id);
    const name = region.name[state.lang] || region.name.en;
    const tr = el("tr", { "data-region": region.id });
    for (const cell of [name, states.length, states.filter((s) => s.status !== "observer").length, states.filter((s) => s.status === "observer").length]) {
      tr.append(el("td", {}, cell));
    }
    body.append(tr);
  }
}

function render() {
  translate();
  if (!state.data) return;
  const { stats, roster } = state.data;
  const open = Object.entries(stats.by_state).filter(([s]) => s !== "resolved" && s !== "declined");
  barChart(document.getElementById("chart-state"), open.map(([s, n]) => [t(s), n]));
  const regionName = (id) => {
    const region = roster.regions.find((r) => r.id === id);
    return region ? region.name[state.lang] || region.name.en : id;
  };
  barChart(document.getElementById("chart-region"), Object.entries(stats.by_region).map(([r, n]) => [regionName(r), n]));
  trendChart(document.getElementById("chart-trend"), stats.per_month);
  const select = document.getElementById("f-category");
  const chosen = select.value || hashParams().get("category") || "";
  select.replaceChildren(el("option", { value: "" }, t("all")));
  for (const c of Object.keys(stats.by_category)) select.append(el("option", { value: c }, c));
  select.value = chosen;
  renderOutcomes();
  renderRoster();
}

async function load() {
  if (!sessionStorage.getItem("peerlink-token")) { status(t("need_token")); return; }
  status(t("loading"));
  try {
    const [stats, roster, outcomes] = await Promise.all([api("/api/v1/stats"), api("/api/v1/roster"), api("/api/v1/outcomes")]);
    state.data = { stats, roster, outcomes };
    render();
    status(`${t("loaded")} ${new Date().toLocaleTimeString(state.lang)}`);
    document.body.dataset.loaded = "true";
  } catch (e) {
    status(e.message === "unauthorized" ? t("unauthorized") : `${t("failed")} ${e.message}`, true);
  }
}

function init() {
  const params = hashParams();
  // A token in the address (for scripted checks) is moved to this tab's storage at once.
  if (params.get("token")) sessionStorage.setItem("peerlink-token", params.get("token"));
  state.lang = params.get("lang") || (navigator.language || "en").slice(0, 2);
  if (!T[state.lang]) state.lang = "en";
  document.getElementById("lang").value = state.lang;
  document.getElementById("f-result").value = params.get("result") || "";
  document.getElementById("f-q").value = params.get("q") || "";
  setHash(params);
  document.getElementById("lang").addEventListener("change", (e) => { state.lang = e.target.value; render(); renderOutcomes(); });
  document.getElementById("token-form").addEventListener("submit", (e) => {
    e.preventDefault();
    sessionStorage.setItem("peerlink-token", document.getElementById("token").value.trim());
    document.getElementById("token").value = "";
    load();
  });
  for (const id of ["f-category", "f-result", "f-q"]) {
    document.getElementById(id).addEventListener("input", () => state.data && renderOutcomes());
  }
  translate();
  load();
}

init();
