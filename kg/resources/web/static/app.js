// The SPARQL page: editor (completion, error marks), canned-query gallery with parameter forms,
// history, and the result as a table, a graph or a map (static/views.js draws those).
// Data reaches the page through textContent and attributes only; no inline script (CSP).
(function () {
  "use strict";
  const V = window.KGViews;
  const $ = (id) => document.getElementById(id);
  const json = (id) => JSON.parse($(id).textContent);
  const QUERIES = json("queries-data");
  const COMPLETIONS = json("completions-data");
  const byName = Object.fromEntries(QUERIES.map((q) => [q.name, q]));
  const el = (tag, attrs = {}, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };

  const ctx = {            // what the views share
    categories: json("categories-data"),
    prefixes: COMPLETIONS.prefixes,
    termLabels: Object.fromEntries(COMPLETIONS.terms.filter((t) => t.label).map((t) => {
      const [p, local] = t.curie.split(":");
      return [COMPLETIONS.prefixes[p] + local, t.label];
    })),
    cy: null,
    baseMap: null,
  };

  const editor = CodeMirror.fromTextArea($("editor"), {
    mode: "application/sparql-query", lineNumbers: true, viewportMargin: Infinity,
    gutters: ["CodeMirror-linenumbers", "error-gutter"],
  });
  let canned = null;  // {name, text} while the editor shows an unchanged canned query
  let result = null;  // a normalised result (views.js fromJson / fromTriples)
  let info = { iris: {}, names: {} };  // /api/lookup's answer for it
  let view = "table";
  const tableState = { sort: { col: null, dir: 1 }, filter: "" };

  // ---- what to run -------------------------------------------------------------------------
  function paramValues() {
    const out = {};
    for (const input of $("params").querySelectorAll("input")) {
      if (input.value.trim() !== "") out[input.name] = input.value.trim();
    }
    return out;
  }

  function requestFor(format) {
    if (canned && editor.getValue() === canned.text) {
      const p = new URLSearchParams(paramValues());
      if (format) p.set("format", format);
      return { url: "/api/queries/" + encodeURIComponent(canned.name) + "?" + p, share: shareCanned() };
    }
    const p = new URLSearchParams({ query: editor.getValue() });
    if (format) p.set("format", format);
    const share = new URLSearchParams({ query: editor.getValue() });
    if (view !== "table") share.set("view", view);
    return { url: "/sparql?" + p, share: "/?" + share };
  }

  function shareCanned() {
    const p = new URLSearchParams({ canned: canned.name });
    for (const [k, v] of Object.entries(paramValues())) p.set("p." + k, v);
    if (view !== "table") p.set("view", view);
    return "/?" + p;
  }

  // ---- the gallery and its forms ---------------------------------------------------------
  function selectCanned(name, values = {}) {
    const q = byName[name];
    if (!q) return;
    canned = { name, text: q.query };
    editor.setValue(q.query);
    for (const b of document.querySelectorAll(".canned")) b.classList.toggle("active", b.dataset.name === name);
    $("canned-form").hidden = false;
    $("canned-title").textContent = q.title;
    $("canned-description").textContent = q.description;
    const form = $("params");
    form.replaceChildren();
    for (const p of q.params) {
      const label = el("label", {});
      label.append(el("span", { class: "pname" }, p.name), el("span", { class: "pdesc" }, p.description));
      const input = el("input", { name: p.name, type: p.type === "integer" ? "number" : "text",
                                  placeholder: p.default || (p.required ? "required" : "any") });
      if (values[p.name] !== undefined) input.value = values[p.name];
      label.append(input);
      form.append(label);
    }
    if (!q.params.length) form.append(el("p", { class: "hint" }, "No parameters."));
    updateLinks();
  }

  $("params").addEventListener("submit", (e) => { e.preventDefault(); run(); });
  $("params").addEventListener("input", updateLinks);
  editor.on("change", () => {
    clearError();
    if (canned && editor.getValue() !== canned.text) {
      canned = null;
      $("canned-form").hidden = true;
      for (const b of document.querySelectorAll(".canned")) b.classList.remove("active");
    }
    updateLinks();
  });
  for (const b of document.querySelectorAll(".canned")) {
    b.addEventListener("click", () => { selectCanned(b.dataset.name); run(); });
  }

  function updateLinks() {
    $("dl-csv").href = requestFor("csv").url;
    $("dl-json").href = requestFor("json").url;
    $("share").href = requestFor().share;
  }

  // ---- errors: a short line, the expected tokens once, a mark in the editor ------------------
  let errorMarks = [];
  function clearError() {
    for (const m of errorMarks) m.clear();
    errorMarks = [];
    editor.clearGutter("error-gutter");
    for (let i = 0; i < editor.lineCount(); i++) editor.removeLineClass(i, "background", "cm-error-line");
    $("error").hidden = true;
  }

  // the parser's tokens in a reader's words; RDF-star and annotation syntax left out
  const FRIENDLY = { "?": "a variable", "$": "a variable", '"': "a string", "'": "a string",
    '"""': "a string", "'''": "a string", "<": "an IRI", ":": "a prefixed name", "_:": "a blank node",
    "[": "a blank node", "+": "a number", "-": "a number", "<<": null, "<<(": null, "~": null, "{|": null,
    "\\": null, "\\u": null, "\\U": null };
  /** The parser's "expected one of" list, each token once, character classes in words. */
  function expectedTokens(message) {
    const at = message.indexOf("expected ");
    if (at < 0) return [];
    const out = [];
    const tokens = message.slice(at + 9).match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\[(?:[^\]\\]|\\.)*\]|[A-Za-z_][\w-]*/g) || [];
    for (const t of tokens) {
      let word = t;
      if (t.startsWith('"') || t.startsWith("'")) {
        try { word = JSON.parse(t.startsWith('"') ? t : '"' + t.slice(1, -1).replace(/"/g, '\\"') + '"'); } catch (e) { word = t.slice(1, -1); }
      } else if (t.startsWith("[")) {
        word = /'0'/.test(t) ? "a digit" : /'A'|'a'/.test(t) ? "a name" : null;  // [_] is "any character"
      } else if (t === "one" || t === "of") {
        word = null;
      }
      if (word && FRIENDLY[word] !== undefined) word = FRIENDLY[word];
      if (word && !out.includes(word)) out.push(word);
    }
    return out;
  }

  /** Line and column (0-based, UTF-16 as CodeMirror counts) of "error at L:C" (1-based code points). */
  function errorPosition(message) {
    const m = /error at (\d+):(\d+)/.exec(message);
    if (!m) return null;
    const line = Math.min(Number(m[1]) - 1, editor.lineCount() - 1);
    const chars = Array.from(editor.getLine(line) || "");
    const col = chars.slice(0, Math.max(0, Number(m[2]) - 1)).join("").length;
    return { line, ch: col, text: `line ${m[1]}, column ${m[2]}` };
  }

  function showError(status, message) {
    clearError();
    const box = $("error");
    const pos = status === 400 ? errorPosition(message) : null;
    const expected = expectedTokens(message);
    const head = box.querySelector(".error-head");
    if (pos) {
      head.textContent = "语法错误 Syntax error at " + pos.text;
      const line = editor.getLine(pos.line) || "";
      const end = { line: pos.line, ch: Math.min(line.length, pos.ch + Math.max(1, (/^\S+/.exec(line.slice(pos.ch)) || [""])[0].length)) };
      const start = { line: pos.line, ch: Math.min(pos.ch, Math.max(0, line.length - 1)) };
      errorMarks.push(editor.markText(start, end.ch > start.ch ? end : { line: pos.line, ch: start.ch + 1 },
                                      { className: "cm-syntax-error", title: message }));
      editor.addLineClass(pos.line, "background", "cm-error-line");
      const marker = el("span", { class: "error-marker", title: message }, "●");
      editor.setGutterMarker(pos.line, "error-gutter", marker);
      editor.scrollIntoView({ line: pos.line, ch: pos.ch }, 60);
    } else {
      head.textContent = (status ? status + ": " : "") + message.split(": expected")[0];
    }
    const exp = box.querySelector(".error-expected");
    exp.replaceChildren();
    if (pos && expected.length) {
      exp.append(document.createTextNode("expected "));
      expected.slice(0, 14).forEach((t, i) => {
        if (i) exp.append(document.createTextNode(" "));
        exp.append(el("code", {}, t));
      });
      if (expected.length > 14) exp.append(document.createTextNode(` … (${expected.length - 14} more)`));
    }
    exp.hidden = !(pos && expected.length);
    box.querySelector(".error-raw").textContent = message;
    box.querySelector("details").hidden = !pos;
    box.hidden = false;
    $("status").textContent = pos ? "语法错误 syntax error" : "出错 failed";
    $("status").className = "error";
  }

  // ---- running -----------------------------------------------------------------------------
  async function run() {
    const req = requestFor();
    history.replaceState(null, "", req.share);
    updateLinks();
    clearError();
    $("status").textContent = "运行中 running…";
    $("status").className = "";
    const started = performance.now();
    let r, body;
    try {
      r = await fetch(req.url, { headers: { Accept: "application/sparql-results+json, application/n-triples;q=0.9" } });
      body = await r.text();
    } catch (e) {
      showError(0, "the server did not answer: " + e.message);
      return;
    }
    if (!r.ok) {
      showError(r.status, body.trim());
      result = null;
      $("count").textContent = "";
      $("filter").hidden = true;
      for (const id of ["graph-view", "map-view"]) $(id).hidden = true;
      $("table-view").hidden = false;
      $("table-view").replaceChildren(el("p", { class: "hint" }, "The query failed: see the message above."));
      return;
    }
    const type = (r.headers.get("content-type") || "").split(";")[0];
    result = type === "application/n-triples" ? V.fromTriples(parseNTriples(body)) : V.fromJson(JSON.parse(body));
    const ms = Math.round(performance.now() - started);
    $("status").textContent = "完成 done in " + ms + " ms";
    tableState.sort = { col: null, dir: 1 };
    remember(result);
    info = { iris: {}, names: {} };
    show();
    info = await lookup(result);
    show();
  }
  $("run").addEventListener("click", run);
  editor.setOption("extraKeys", { "Ctrl-Enter": run, "Cmd-Enter": run, "Ctrl-Space": complete });

  /** Labels, categories and links for the result's IRIs and names: one POST /api/lookup. */
  async function lookup(res) {
    const ask = V.lookupRequest(res);
    if (!ask.iris.length && !ask.names.length) return { iris: {}, names: {} };
    try {
      const r = await fetch("/api/lookup", { method: "POST", headers: { "Content-Type": "application/json" },
                                             body: JSON.stringify(ask) });
      if (r.ok) return await r.json();
    } catch (e) { /* labels are an addition: the raw values still show */ }
    return { iris: {}, names: {} };
  }

  // ---- views -------------------------------------------------------------------------------
  async function show() {
    for (const t of document.querySelectorAll(".tab")) t.classList.toggle("active", t.dataset.view === view);
    $("table-view").hidden = view !== "table";
    $("graph-view").hidden = view !== "graph";
    $("map-view").hidden = view !== "map";
    $("filter").hidden = view !== "table" || !result || result.kind === "boolean";
    if (!result) return;
    let counts;
    if (view === "table") counts = V.table($("table-view"), result, info, tableState, ctx.prefixes);
    else if (view === "graph") counts = V.graph($("graph-view"), result, info, ctx);
    else {
      if (!ctx.baseMap) {
        V.map($("map-view"), result, info, ctx);
        try { ctx.baseMap = await (await fetch("/api/map")).json(); } catch (e) { return; }
        if (view !== "map") return;
      }
      counts = V.map($("map-view"), result, info, ctx);
    }
    $("count").textContent = counts ? counts.text : "";
  }
  for (const t of document.querySelectorAll(".tab")) {
    t.addEventListener("click", () => {
      view = t.dataset.view;
      updateLinks();
      if (result) history.replaceState(null, "", requestFor().share);  // the address keeps the view
      show();
    });
  }
  $("table-view").addEventListener("click", (e) => {
    const b = e.target.closest("button.sort");
    if (!b) return;
    const col = Number(b.dataset.col);
    tableState.sort = tableState.sort.col === col ? { col, dir: -tableState.sort.dir } : { col, dir: 1 };
    show();
  });
  let filterTimer = null;
  $("filter").addEventListener("input", () => {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(() => { tableState.filter = $("filter").value; show(); }, 120);
  });

  // ---- history (this browser's localStorage) ---------------------------------------------------
  const HISTORY_KEY = "kg.history.v1";
  const HISTORY_MAX = 30;
  function loadHistory() {
    try { return JSON.parse(localStorage.getItem(HISTORY_KEY) || "[]").filter((h) => h && typeof h.query === "string"); }
    catch (e) { return []; }
  }
  function remember(res) {
    const entry = { query: editor.getValue(), canned: canned ? canned.name : null,
                    params: canned ? paramValues() : {}, rows: res.rows.length, kind: res.kind, when: new Date().toISOString() };
    const same = (h) => h.query === entry.query && h.canned === entry.canned && JSON.stringify(h.params) === JSON.stringify(entry.params);
    const list = [entry, ...loadHistory().filter((h) => !same(h))].slice(0, HISTORY_MAX);
    try { localStorage.setItem(HISTORY_KEY, JSON.stringify(list)); } catch (e) { /* storage full or off */ }
    drawHistory();
  }
  function summary(h) {
    if (h.canned && byName[h.canned]) {
      const p = Object.entries(h.params || {}).map(([k, v]) => k + "=" + v).join(" ");
      return byName[h.canned].title + (p ? " · " + p : "");
    }
    const lines = h.query.split("\n").map((l) => l.trim()).filter((l) => l && !/^(PREFIX|BASE|#)/i.test(l));
    return (lines[0] || h.query).slice(0, 80);
  }
  function drawHistory() {
    const list = loadHistory();
    const ol = $("history");
    ol.replaceChildren();
    for (const h of list) {
      const b = el("button", { type: "button", class: "past", title: h.query });
      const when = new Date(h.when);
      b.append(el("span", { class: "what" }, summary(h)),
               el("span", { class: "meta" }, `${when.toLocaleString("zh-CN", { hour12: false })} · ${h.rows} ${h.kind === "triples" ? "triples" : "rows"}`));
      b.addEventListener("click", () => {
        if (h.canned && byName[h.canned]) selectCanned(h.canned, h.params || {});
        else { editor.setValue(h.query); }
        run();
      });
      const li = el("li");
      li.append(b);
      ol.append(li);
    }
    $("history-empty").hidden = list.length > 0;
    $("history-clear").hidden = list.length === 0;
  }
  $("history-clear").addEventListener("click", () => { localStorage.removeItem(HISTORY_KEY); drawHistory(); });
  drawHistory();

  // ---- completion: prefixes, the ontology's classes and properties, keywords ---------------------
  const KEYWORDS = ["SELECT", "DISTINCT", "WHERE", "OPTIONAL", "FILTER", "CONSTRUCT", "DESCRIBE", "ASK", "GRAPH",
    "UNION", "MINUS", "VALUES", "BIND", "GROUP BY", "ORDER BY", "HAVING", "LIMIT", "OFFSET", "PREFIX", "COUNT",
    "SAMPLE", "GROUP_CONCAT", "LANGMATCHES", "CONTAINS", "STRSTARTS", "REGEX", "EXISTS", "NOT EXISTS", "DESC", "ASC"];
  function hints(cm) {
    const cur = cm.getCursor();
    const line = cm.getLine(cur.line).slice(0, cur.ch);
    const word = (/[\w:-]*$/.exec(line) || [""])[0];
    const from = { line: cur.line, ch: cur.ch - word.length };
    let list = [];
    if (/^\s*PREFIX\s+[\w-]*$/i.test(line)) {
      list = Object.entries(COMPLETIONS.prefixes).filter(([p]) => p.startsWith(word))
        .map(([p, ns]) => ({ text: `${p}: <${ns}>`, displayText: `${p}: <${ns}>` }));
    } else if (word.includes(":")) {
      const [p, local] = word.split(":");
      const lower = local.toLowerCase();
      list = COMPLETIONS.terms.filter((t) => t.curie.startsWith(p + ":") && t.curie.slice(p.length + 1).toLowerCase().startsWith(lower))
        .map(term);
    } else if (word.length) {
      const lower = word.toLowerCase();
      list = [
        ...Object.keys(COMPLETIONS.prefixes).filter((p) => p.startsWith(lower)).map((p) => ({ text: p + ":", displayText: p + ":  prefix" })),
        ...KEYWORDS.filter((k) => k.toLowerCase().startsWith(lower)).map((k) => ({ text: k, displayText: k, className: "hint-keyword" })),
        ...COMPLETIONS.terms.filter((t) => t.curie.split(":")[1].toLowerCase().startsWith(lower)).map(term),
      ];
    }
    return { list: list.slice(0, 60), from, to: cur };
  }
  function term(t) {
    return { text: t.curie, displayText: t.curie + (t.label ? "  " + t.label : "") + "  · " + (t.kind === "class" ? "class" : "property"),
             className: "hint-" + t.kind };
  }
  function complete(cm) { cm.showHint({ hint: hints, completeSingle: false }); }
  editor.on("inputRead", (cm, change) => {
    if (change.origin !== "+input" || cm.state.completionActive) return;
    const typed = change.text.join("");
    const cur = cm.getCursor();
    const word = (/[\w:-]*$/.exec(cm.getLine(cur.line).slice(0, cur.ch)) || [""])[0];
    if (/[\w:]/.test(typed) && (word.includes(":") || word.length >= 2) && !/^\d/.test(word)) complete(cm);
  });

  // ---- N-Triples (CONSTRUCT/DESCRIBE results) -------------------------------------------------
  function parseNTriples(text) {
    const termRe = /<([^>]*)>|_:(\S+)|"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?/g;
    const unescape = (s) => s.replace(/\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})|\\(.)/g, (m, u, U, c) =>
      u ? String.fromCharCode(parseInt(u, 16)) : U ? String.fromCodePoint(parseInt(U, 16)) :
      ({ n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\" })[c] ?? c);
    const out = [];
    for (const line of text.split("\n")) {
      const terms = [];
      termRe.lastIndex = 0;
      let m;
      while (terms.length < 3 && (m = termRe.exec(line))) {
        if (m[1] !== undefined) terms.push({ type: "uri", value: m[1] });
        else if (m[2] !== undefined) terms.push({ type: "bnode", value: m[2] });
        else terms.push({ type: "literal", value: unescape(m[3]), "xml:lang": m[4], datatype: m[5] });
      }
      if (terms.length === 3) out.push({ s: terms[0], p: terms[1], o: terms[2] });
    }
    return out;
  }

  // ---- start: a shared URL -------------------------------------------------------------------
  const params = new URLSearchParams(location.search);
  if (params.get("view") && ["table", "graph", "map"].includes(params.get("view"))) view = params.get("view");
  if (params.get("canned") && byName[params.get("canned")]) {
    const values = {};
    for (const [k, v] of params) if (k.startsWith("p.")) values[k.slice(2)] = v;
    selectCanned(params.get("canned"), values);
    run();
  } else if (params.get("query")) {
    editor.setValue(params.get("query"));
    run();
  } else {
    updateLinks();
  }
})();
