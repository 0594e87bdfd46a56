// peerlink dashboard: reads the JSON API with the token the user gives
// (kept in this tab's sessionStorage only) and draws plain SVG charts.
// No external resources; every value from the API is set as text, never HTML.
"use strict";

const T = {
  en: {
    memory: "Search the network's memory", memory_words: "Words or \"a phrase\"", search_button: "Search", tag: "SDG or theme", searching: "Searching…", no_match: "Nothing matches.", search_refused: "The search was refused:", kind_request: "Request", kind_outcome: "Outcome of request", kind_practice: "Practice", kind_guidance: "Guidance", open_source: "open the message",
    plan: "Action plan: progress by pillar", pillar: "Pillar", activities_done: "Activities done", share_done: "Share done", requests_linked: "Requests linked", outcomes_delivered: "Cooperation delivered", membership: "Membership over time (states at the end of each month)", founding: "Founding members", no_plan: "No action plan is loaded.",
    on_time: "Within the response-time targets (requests by month of filing)", month_col: "Month", ack_within: "Acknowledged within target", resolve_within: "Resolved within target",
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
    memory: "Rechercher dans la mémoire du réseau", memory_words: "Mots ou « une expression »", search_button: "Rechercher", tag: "ODD ou thème", searching: "Recherche…", no_match: "Aucun résultat.", search_refused: "La recherche a été refusée :", kind_request: "Demande", kind_outcome: "Résultat de la demande", kind_practice: "Bonne pratique", kind_guidance: "Orientation", open_source: "ouvrir le message",
    plan: "Plan d'action : avancement par pilier", pillar: "Pilier", activities_done: "Activités réalisées", share_done: "Part réalisée", requests_linked: "Demandes liées", outcomes_delivered: "Coopération réalisée", membership: "Évolution des adhésions (États à la fin de chaque mois)", founding: "Membres fondateurs", no_plan: "Aucun plan d'action n'est chargé.",
    on_time: "Dans les délais de réponse (demandes par mois de dépôt)", month_col: "Mois", ack_within: "Prises en compte dans le délai", resolve_within: "Clôturées dans le délai",
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
  es: {
    memory: "Buscar en la memoria de la red", memory_words: "Palabras o «una frase»", search_button: "Buscar", tag: "ODS o tema", searching: "Buscando…", no_match: "No hay resultados.", search_refused: "La búsqueda fue rechazada:", kind_request: "Solicitud", kind_outcome: "Resultado de la solicitud", kind_practice: "Buena práctica", kind_guidance: "Orientación", open_source: "abrir el mensaje",
    plan: "Plan de acción: avance por pilar", pillar: "Pilar", activities_done: "Actividades realizadas", share_done: "Proporción realizada", requests_linked: "Solicitudes vinculadas", outcomes_delivered: "Cooperación entregada", membership: "Evolución de la membresía (Estados al final de cada mes)", founding: "Miembros fundadores", no_plan: "No hay ningún plan de acción cargado.",
    on_time: "Dentro de los plazos de respuesta (solicitudes por mes de presentación)", month_col: "Mes", ack_within: "Acusadas dentro del plazo", resolve_within: "Resueltas dentro del plazo",
    title: "Panel de la red", language: "Idioma", token: "Token de la API", load: "Cargar",
    open_by_state: "Solicitudes abiertas por estado", by_region: "Solicitudes por región",
    trends: "Tiempo mediano hasta el acuse y hasta la resolución (horas, por mes)",
    outcomes: "Registro de resultados", category: "Categoría", result: "Resultado", search: "Buscar", all: "Todas",
    number: "n.º", state_col: "Estado", title_col: "Título", summary: "Resumen", resolved_at: "Resuelta",
    roster: "Miembros por región", region: "Región", states: "Estados", members: "Miembros", observers: "Observadores",
    delivered: "entregado", partly_delivered: "entregado en parte", not_delivered: "no entregado",
    to_acknowledge: "hasta el acuse", to_resolve: "hasta la resolución",
    need_token: "Introduzca un token de la API para cargar los datos.", loading: "Cargando…",
    loaded: "Datos cargados a las", unauthorized: "El token fue rechazado.", failed: "No se pudo contactar la API:",
    no_data: "Aún no hay datos.", rows: "filas",
    submitted: "presentada", acknowledged: "recibida", needs_info: "en espera de información",
    accepted: "aceptada", in_progress: "en curso", resolved: "resuelta", declined: "rechazada", reopened: "reabierta",
  },
  pt: {
    memory: "Pesquisar na memória da rede", memory_words: "Palavras ou «uma expressão»", search_button: "Pesquisar", tag: "ODS ou tema", searching: "A pesquisar…", no_match: "Sem resultados.", search_refused: "A pesquisa foi recusada:", kind_request: "Pedido", kind_outcome: "Resultado do pedido", kind_practice: "Boa prática", kind_guidance: "Orientação", open_source: "abrir a mensagem",
    plan: "Plano de ação: progresso por pilar", pillar: "Pilar", activities_done: "Atividades concluídas", share_done: "Proporção concluída", requests_linked: "Pedidos associados", outcomes_delivered: "Cooperação prestada", membership: "Evolução da adesão (Estados no fim de cada mês)", founding: "Membros fundadores", no_plan: "Nenhum plano de ação carregado.",
    on_time: "Dentro dos prazos de resposta (pedidos por mês de apresentação)", month_col: "Mês", ack_within: "Acolhidos dentro do prazo", resolve_within: "Resolvidos dentro do prazo",
    title: "Painel da rede", language: "Língua", token: "Token da API", load: "Carregar",
    open_by_state: "Pedidos abertos por estado", by_region: "Pedidos por região",
    trends: "Tempo mediano até ao acolhimento e até à resolução (horas, por mês)",
    outcomes: "Registo de resultados", category: "Categoria", result: "Resultado", search: "Pesquisar", all: "Todas",
    number: "n.º", state_col: "Estado", title_col: "Título", summary: "Resumo", resolved_at: "Resolvido",
    roster: "Membros por região", region: "Região", states: "Estados", members: "Membros", observers: "Observadores",
    delivered: "entregue", partly_delivered: "entregue em parte", not_delivered: "não entregue",
    to_acknowledge: "até ao acolhimento", to_resolve: "até à resolução",
    need_token: "Introduza um token da API para carregar os dados.", loading: "A carregar…",
    loaded: "Dados carregados às", unauthorized: "O token foi recusado.", failed: "Não foi possível contactar a API:",
    no_data: "Ainda sem dados.", rows: "linhas",
    submitted: "apresentado", acknowledged: "acolhido", needs_info: "à espera de informação",
    accepted: "aceite", in_progress: "em curso", resolved: "resolvido", declined: "recusado", reopened: "reaberto",
  },
  ar: {
    memory: "البحث في ذاكرة الشبكة", memory_words: "كلمات أو «عبارة»", search_button: "بحث", tag: "هدف التنمية المستدامة أو الموضوع", searching: "جارٍ البحث…", no_match: "لا توجد نتائج.", search_refused: "رُفض البحث:", kind_request: "طلب", kind_outcome: "نتيجة الطلب", kind_practice: "ممارسة جيدة", kind_guidance: "توجيه", open_source: "فتح الرسالة",
    plan: "خطة العمل: التقدّم حسب الركيزة", pillar: "الركيزة", activities_done: "الأنشطة المنجزة", share_done: "نسبة الإنجاز", requests_linked: "الطلبات المرتبطة", outcomes_delivered: "التعاون المقدَّم", membership: "تطوّر العضوية (الدول في نهاية كل شهر)", founding: "الأعضاء المؤسسون", no_plan: "لم يتم تحميل أي خطة عمل.",
    on_time: "ضمن آجال الرد (الطلبات حسب شهر التقديم)", month_col: "الشهر", ack_within: "أُقرّ باستلامها ضمن الأجل", resolve_within: "أُنجزت ضمن الأجل",
    title: "لوحة متابعة الشبكة", language: "اللغة", token: "رمز الوصول إلى الواجهة البرمجية", load: "تحميل",
    open_by_state: "الطلبات المفتوحة حسب الحالة", by_region: "الطلبات حسب المنطقة",
    trends: "الوقت الوسيط حتى الإقرار بالاستلام وحتى الإنجاز (بالساعات، حسب الشهر)",
    outcomes: "سجل النتائج", category: "الفئة", result: "النتيجة", search: "بحث", all: "الكل",
    number: "الرقم", state_col: "الدولة", title_col: "العنوان", summary: "الملخص", resolved_at: "تاريخ الإنجاز",
    roster: "السجل حسب المنطقة", region: "المنطقة", states: "الدول", members: "الأعضاء", observers: "المراقبون",
    delivered: "نُفِّذ", partly_delivered: "نُفِّذ جزئيًا", not_delivered: "لم يُنفَّذ",
    to_acknowledge: "حتى الإقرار", to_resolve: "حتى الإنجاز",
    need_token: "أدخل رمز الوصول لتحميل البيانات.", loading: "جارٍ التحميل…",
    loaded: "حُمّلت البيانات في", unauthorized: "رُفض الرمز.", failed: "تعذّر الوصول إلى الواجهة البرمجية:",
    no_data: "لا توجد بيانات بعد.", rows: "صفوف",
    submitted: "مقدَّم", acknowledged: "مُقَرّ باستلامه", needs_info: "بانتظار معلومات",
    accepted: "مقبول", in_progress: "قيد التنفيذ", resolved: "منجز", declined: "مرفوض", reopened: "أُعيد فتحه",
  },
  "zh-Hans": {
    memory: "检索网络记忆", memory_words: "词语或“短语”", search_button: "检索", tag: "可持续发展目标或主题", searching: "正在检索…", no_match: "没有结果。", search_refused: "检索被拒绝：", kind_request: "请求", kind_outcome: "请求的成果", kind_practice: "良好做法", kind_guidance: "指导", open_source: "打开消息",
    plan: "行动计划：各支柱进展", pillar: "支柱", activities_done: "已完成活动", share_done: "完成比例", requests_linked: "关联的请求", outcomes_delivered: "已提供的合作", membership: "成员变化（各月末的国家数）", founding: "创始成员", no_plan: "尚未加载行动计划。",
    on_time: "在答复时限内（按提交月份统计的请求）", month_col: "月份", ack_within: "在时限内确认", resolve_within: "在时限内完成",
    title: "网络仪表板", language: "语言", token: "API 令牌", load: "加载",
    open_by_state: "按状态统计的未结请求", by_region: "按区域统计的请求",
    trends: "确认收到和完成的中位时间（小时，按月）",
    outcomes: "成果登记册", category: "类别", result: "结果", search: "搜索", all: "全部",
    number: "编号", state_col: "国家", title_col: "标题", summary: "摘要", resolved_at: "完成日期",
    roster: "按区域统计的名册", region: "区域", states: "国家", members: "成员", observers: "观察员",
    delivered: "已交付", partly_delivered: "部分交付", not_delivered: "未交付",
    to_acknowledge: "确认收到", to_resolve: "完成",
    need_token: "请输入 API 令牌以加载数据。", loading: "正在加载…",
    loaded: "数据加载时间", unauthorized: "令牌被拒绝。", failed: "无法连接 API：",
    no_data: "暂无数据。", rows: "行",
    submitted: "已提交", acknowledged: "已确认收到", needs_info: "等待信息",
    accepted: "已接受", in_progress: "进行中", resolved: "已完成", declined: "已拒绝", reopened: "已重新开启",
  },
  ru: {
    memory: "Поиск в памяти сети", memory_words: "Слова или «фраза»", search_button: "Найти", tag: "ЦУР или тема", searching: "Поиск…", no_match: "Ничего не найдено.", search_refused: "Поиск отклонён:", kind_request: "Запрос", kind_outcome: "Результат запроса", kind_practice: "Передовая практика", kind_guidance: "Руководство", open_source: "открыть сообщение",
    plan: "План действий: ход работы по направлениям", pillar: "Направление", activities_done: "Выполнено мероприятий", share_done: "Доля выполненного", requests_linked: "Связанные запросы", outcomes_delivered: "Оказанное сотрудничество", membership: "Динамика членского состава (государства на конец месяца)", founding: "Члены-основатели", no_plan: "План действий не загружен.",
    on_time: "В пределах сроков ответа (запросы по месяцу подачи)", month_col: "Месяц", ack_within: "Подтверждены в срок", resolve_within: "Завершены в срок",
    title: "Панель сети", language: "Язык", token: "Токен API", load: "Загрузить",
    open_by_state: "Открытые запросы по состоянию", by_region: "Запросы по регионам",
    trends: "Медианное время до подтверждения и до завершения (часы, по месяцам)",
    outcomes: "Реестр результатов", category: "Категория", result: "Результат", search: "Поиск", all: "Все",
    number: "№", state_col: "Государство", title_col: "Название", summary: "Краткое содержание", resolved_at: "Завершён",
    roster: "Реестр по регионам", region: "Регион", states: "Государства", members: "Члены", observers: "Наблюдатели",
    delivered: "выполнено", partly_delivered: "выполнено частично", not_delivered: "не выполнено",
    to_acknowledge: "до подтверждения", to_resolve: "до завершения",
    need_token: "Введите токен API, чтобы загрузить данные.", loading: "Загрузка…",
    loaded: "Данные загружены в", unauthorized: "Токен отклонён.", failed: "API недоступен:",
    no_data: "Данных пока нет.", rows: "строк",
    submitted: "подан", acknowledged: "получение подтверждено", needs_info: "ожидает информации",
    accepted: "принят", in_progress: "выполняется", resolved: "завершён", declined: "отклонён", reopened: "открыт вновь",
  },
};

/** The languages offered, by code, with their names in themselves; Arabic is written right to left. */
const LANGUAGES = [["ar", "العربية"], ["zh-Hans", "中文（简体）"], ["en", "English"], ["fr", "Français"],
  ["ru", "Русский"], ["es", "Español"], ["pt", "Português"]];
const RTL = new Set(["ar"]);

/** A language tag (`zh-CN`, `fr-CA`) as one of ours, or null. */
function ours(tag) {
  if (!tag) return null;
  if (T[tag]) return tag;
  const primary = tag.toLowerCase().split(/[-_]/)[0];
  return primary === "zh" ? "zh-Hans" : (T[primary] ? primary : null);
}

const SVG = "http://www.w3.org/2000/svg";
const state = { lang: "en", data: null, search: "" };

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

/** A number, a date (UTC) or a month (`2026-11`) in the reader's language, by the browser's ICU. */
const fmt = {
  number: (n) => new Intl.NumberFormat(state.lang).format(n),
  hours: (n) => new Intl.NumberFormat(state.lang, { style: "unit", unit: "hour", unitDisplay: "short" }).format(n),
  percent: (n) => new Intl.NumberFormat(state.lang, { style: "percent", maximumFractionDigits: 0 }).format(n),
  date: (iso) => new Intl.DateTimeFormat(state.lang, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(iso)),
  month: (ym) => new Intl.DateTimeFormat(state.lang, { year: "numeric", month: "short", timeZone: "UTC" })
    .format(new Date(`${ym}-01T00:00:00Z`)),
};

/** A table cell whose text keeps its own direction (a Latin title in an Arabic page). */
function cellOf(value) {
  const td = el("td");
  td.append(el("bdi", {}, value));
  return td;
}

function status(message, error = false) {
  const node = document.getElementById("status");
  node.textContent = message;
  node.className = error ? "error" : "";
}

function translate() {
  document.documentElement.lang = state.lang;
  document.documentElement.dir = RTL.has(state.lang) ? "rtl" : "ltr";
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
    svg.append(el("text", { svg: 1, x: labelW + w + 6, y: y + 17 }, fmt.number(value)));
  });
  container.append(svg);
}

function trendChart(container, months) {
  container.replaceChildren();
  if (!months.length) { container.append(el("p", { class: "empty" }, t("no_data"))); return; }
  const width = 900, height = 260, pad = 60;
  const values = months.flatMap((m) => [m.median_hours_to_acknowledge, m.median_hours_to_resolve]).filter((v) => v != null);
  const max = Math.max(...values, 1);
  const x = (i) => pad + (months.length === 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (months.length - 1));
  const y = (v) => height - pad - ((height - 2 * pad) * v) / max;
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img" });
  svg.append(el("line", { svg: 1, x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, stroke: "#d8dee4" }));
  svg.append(el("line", { svg: 1, x1: pad, y1: pad, x2: pad, y2: height - pad, stroke: "#d8dee4" }));
  svg.append(el("text", { svg: 1, x: 2, y: pad + 4 }, fmt.hours(Math.round(max))));
  svg.append(el("text", { svg: 1, x: 2, y: height - pad + 4 }, "0"));
  for (const [key, cls] of [["median_hours_to_acknowledge", "line-ack"], ["median_hours_to_resolve", "line-resolve"]]) {
    const points = months.map((m, i) => (m[key] == null ? null : `${x(i)},${y(m[key])}`)).filter(Boolean);
    if (points.length) svg.append(el("polyline", { svg: 1, class: cls, points: points.join(" ") }));
    months.forEach((m, i) => {
      if (m[key] == null) return;
      const dot = el("circle", { svg: 1, cx: x(i), cy: y(m[key]), r: 4, class: cls.replace("line", "legend") });
      dot.append(el("title", { svg: 1 }, `${fmt.month(m.month)}: ${fmt.hours(m[key])}`));
      svg.append(dot);
    });
  }
  months.forEach((m, i) => svg.append(el("text", { svg: 1, x: x(i), y: height - pad + 18, "text-anchor": "middle", "data-month": m.month }, fmt.month(m.month))));
  svg.append(el("rect", { svg: 1, x: width - 260, y: 6, width: 12, height: 12, class: "legend-ack" }));
  svg.append(el("text", { svg: 1, x: width - 242, y: 17 }, t("to_acknowledge")));
  svg.append(el("rect", { svg: 1, x: width - 130, y: 6, width: 12, height: 12, class: "legend-resolve" }));
  svg.append(el("text", { svg: 1, x: width - 112, y: 17 }, t("to_resolve")));
  container.append(svg);
}

function renderOnTime(months) {
  const body = document.querySelector("#on-time tbody");
  body.replaceChildren();
  const judged = months.filter((m) => m.share_acknowledged_within_target != null || m.share_resolved_within_target != null);
  for (const m of judged) {
    const tr = el("tr", { "data-month": m.month });
    const share = (v) => (v == null ? "—" : fmt.percent(v));
    for (const cell of [fmt.month(m.month), share(m.share_acknowledged_within_target), share(m.share_resolved_within_target)]) {
      tr.append(cellOf(cell));
    }
    body.append(tr);
  }
  document.getElementById("on-time").dataset.rows = String(judged.length);
}

function renderOutcomes() {
  const { outcomes } = state.data;
  const category = document.getElementById("f-category").value;
  const result = document.getElementById("f-result").value;
  const tag = document.getElementById("f-tag").value;
  const q = document.getElementById("f-q").value.trim().toLowerCase();
  setHash([["lang", state.lang], ["category", category], ["result", result], ["tag", tag], ["q", q], ["s", state.search || ""]]);
  const body = document.querySelector("#outcomes tbody");
  body.replaceChildren();
  const rows = outcomes.filter((o) =>
    (!category || o.category === category) && (!result || o.result === result) &&
    (!tag || tagsOf(o).includes(tag)) &&
    (!q || `${o.title} ${o.summary} ${o.requesting_state}`.toLowerCase().includes(q)));
  for (const o of rows) {
    const tr = el("tr", { "data-number": o.number });
    for (const cell of [o.number, o.requesting_state, o.category, o.title, t(o.result), o.summary, fmt.date(o.resolved_at)]) {
      tr.append(cellOf(cell));
    }
    body.append(tr);
  }
  document.getElementById("outcomes").dataset.rows = String(rows.length);
}

/** An outcome's SDG and theme tags (`sdg:16.3`, `theme:justice`), from the register's `; `-joined columns. */
function tagsOf(o) {
  const split = (v) => (v ? String(v).split(";").map((x) => x.trim()).filter(Boolean) : []);
  return [...split(o.sdgs).map((c) => `sdg:${c}`), ...split(o.themes).map((c) => `theme:${c}`)];
}

function renderTagFilter() {
  const select = document.getElementById("f-tag");
  const chosen = select.value || hashParams().get("tag") || "";
  const tags = [...new Set(state.data.outcomes.flatMap(tagsOf))].sort();
  select.replaceChildren(el("option", { value: "" }, t("all")));
  for (const tag of tags) {
    const [kind, value] = tag.split(/:(.*)/);
    select.append(el("option", { value: tag }, kind === "sdg" ? `SDG ${value}` : value));
  }
  select.value = tags.includes(chosen) ? chosen : "";
}

/** `/api/v1/search`: the best ten, each with its kind, title, seat, excerpt and a link to its source message. */
async function runSearch() {
  const q = document.getElementById("s-q").value.trim();
  state.search = q;
  const list = document.getElementById("search-results");
  const note = document.getElementById("search-note");
  list.replaceChildren();
  list.dataset.rows = "0";
  renderOutcomes();
  if (!q) { note.textContent = ""; return; }
  note.textContent = t("searching");
  note.className = "";
  const token = sessionStorage.getItem("peerlink-token") || "";
  try {
    const response = await fetch("/api/v1/search?" + new URLSearchParams({ q, limit: "10" }), { headers: { Authorization: "Bearer " + token } });
    const body = await response.json().catch(() => ({}));
    if (response.status === 401 || response.status === 403) throw new Error(t("unauthorized"));
    if (!response.ok) throw new Error(`${t("search_refused")} ${body.error || response.status}`);
    for (const hit of body.items) {
      const kind = t("kind_" + hit.kind);
      const label = hit.kind === "guidance" ? kind : `${kind} #${hit.source}`;
      const li = el("li", { "data-kind": hit.kind, "data-source": hit.source });
      li.append(el("strong", {}, label), " · ", el("bdi", {}, hit.title));
      if (hit.seat) li.append(` (${hit.seat})`);
      li.append(el("br"), el("bdi", { class: "excerpt" }, hit.excerpt));
      if (hit.link && hit.link.startsWith("https://matrix.to/")) {
        li.append(" ", el("a", { href: hit.link, rel: "noopener noreferrer", target: "_blank" }, t("open_source")));
      }
      list.append(li);
    }
    list.dataset.rows = String(body.items.length);
    note.textContent = body.items.length ? "" : t("no_match");
  } catch (e) {
    note.textContent = e.message;
    note.className = "error";
  }
}

function renderRoster() {
  const { roster } = state.data;
  const body = document.querySelector("#roster tbody");
  body.replaceChildren();
  for (const region of roster.regions) {
    const states = roster.states.filter((s) => s.region === region.id);
    const name = region.name[state.lang] || region.name.en;
    const tr = el("tr", { "data-region": region.id });
    const counts = [states.length, states.filter((s) => s.status !== "observer").length, states.filter((s) => s.status === "observer").length];
    for (const cell of [name, ...counts.map(fmt.number)]) {
      tr.append(cellOf(cell));
    }
    body.append(tr);
  }
}

function renderPlan() {
  const { plan } = state.data;
  const body = document.querySelector("#plan tbody");
  body.replaceChildren();
  const name = (names) => names[state.lang] || names.en || Object.values(names)[0] || "";
  document.getElementById("plan-title").textContent = plan.plan ? name(plan.plan.title) : t("no_plan");
  for (const p of plan.plan ? plan.plan.pillars : []) {
    const tr = el("tr", { "data-pillar": p.id });
    const share = p.share_done == null ? "—" : fmt.percent(p.share_done);
    for (const cell of [name(p.name), `${fmt.number(p.done)} / ${fmt.number(p.activities)}`, share, fmt.number(p.requests_linked), fmt.number(p.outcomes_delivered)]) {
      tr.append(cellOf(cell));
    }
    body.append(tr);
  }
  const months = document.querySelector("#membership tbody");
  months.replaceChildren();
  for (const m of plan.membership) {
    const tr = el("tr", { "data-month": m.month });
    for (const cell of [fmt.month(m.month), fmt.number(m.founding_member), fmt.number(m.member), fmt.number(m.observer)]) {
      tr.append(cellOf(cell));
    }
    months.append(tr);
  }
  document.getElementById("membership").dataset.rows = String(plan.membership.length);
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
  renderOnTime(stats.per_month);
  const select = document.getElementById("f-category");
  const chosen = select.value || hashParams().get("category") || "";
  select.replaceChildren(el("option", { value: "" }, t("all")));
  for (const c of Object.keys(stats.by_category)) select.append(el("option", { value: c }, c));
  select.value = chosen;
  renderTagFilter();
  renderOutcomes();
  renderRoster();
  renderPlan();
}

async function load() {
  if (!sessionStorage.getItem("peerlink-token")) { status(t("need_token")); return; }
  status(t("loading"));
  try {
    const [stats, roster, outcomes, plan] = await Promise.all([api("/api/v1/stats"), api("/api/v1/roster"), api("/api/v1/outcomes"), api("/api/v1/plan")]);
    state.data = { stats, roster, outcomes, plan };
    render();
    status(`${t("loaded")} ${new Date().toLocaleTimeString(state.lang)}`);
    if (document.getElementById("s-q").value.trim()) await runSearch();
    document.body.dataset.loaded = "true";
  } catch (e) {
    status(e.message === "unauthorized" ? t("unauthorized") : `${t("failed")} ${e.message}`, true);
  }
}

function init() {
  const params = hashParams();
  // A token in the address (for scripted checks) is moved to this tab's storage at once.
  if (params.get("token")) sessionStorage.setItem("peerlink-token", params.get("token"));
  state.lang = ours(params.get("lang")) || ours(navigator.language) || "en";
  const select = document.getElementById("lang");
  select.replaceChildren(...LANGUAGES.map(([code, name]) => el("option", { value: code, lang: code }, name)));
  select.value = state.lang;
  document.getElementById("f-result").value = params.get("result") || "";
  document.getElementById("f-q").value = params.get("q") || "";
  document.getElementById("s-q").value = params.get("s") || "";
  document.getElementById("search-form").addEventListener("submit", (e) => { e.preventDefault(); runSearch(); });
  setHash(params);
  document.getElementById("lang").addEventListener("change", (e) => { state.lang = e.target.value; render(); renderOutcomes(); });
  document.getElementById("token-form").addEventListener("submit", (e) => {
    e.preventDefault();
    sessionStorage.setItem("peerlink-token", document.getElementById("token").value.trim());
    document.getElementById("token").value = "";
    load();
  });
  for (const id of ["f-category", "f-result", "f-tag", "f-q"]) {
    document.getElementById(id).addEventListener("input", () => state.data && renderOutcomes());
  }
  translate();
  load();
}

init();
