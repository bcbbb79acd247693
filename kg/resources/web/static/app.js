// The SPARQL page: editor, canned-query gallery with parameter forms, results as table or graph.
// Every value from the data is put into the page with textContent (never innerHTML).
(function () {
  "use strict";
  const BASE = window.KG_BASE || "";
  const QUERIES = JSON.parse(document.getElementById("queries-data").textContent);
  const byName = Object.fromEntries(QUERIES.map((q) => [q.name, q]));
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs = {}, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };

  const editor = CodeMirror.fromTextArea($("editor"), {
    mode: "application/sparql-query", lineNumbers: true, viewportMargin: Infinity,
  });
  let canned = null; // {name, text} while the editor shows an unchanged canned query
  let last = null;   // {vars, rows} or {triples}
  let cy = null;

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
    return { url: "/sparql?" + p, share: "/?" + new URLSearchParams({ query: editor.getValue() }) };
  }

  function shareCanned() {
    const p = new URLSearchParams({ canned: canned.name });
    for (const [k, v] of Object.entries(paramValues())) p.set("p." + k, v);
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

  // ---- running -----------------------------------------------------------------------------
  async function run() {
    const req = requestFor();
    history.replaceState(null, "", req.share);
    updateLinks();
    $("status").textContent = "运行中 running…";
    $("status").className = "";
    const started = performance.now();
    try {
      const r = await fetch(req.url, {
        headers: { Accept: "application/sparql-results+json, application/n-triples;q=0.9" },
      });
      const body = await r.text();
      if (!r.ok) throw new Error(r.status + ": " + body.trim());
      const type = (r.headers.get("content-type") || "").split(";")[0];
      last = type === "application/n-triples" ? { triples: parseNTriples(body) } : JSON.parse(body);
      const ms = Math.round(performance.now() - started);
      $("status").textContent = "完成 done in " + ms + " ms";
      show();
    } catch (e) {
      $("status").textContent = e.message;
      $("status").className = "error";
      $("table-view").replaceChildren(el("pre", { class: "error" }, e.message));
      $("count").textContent = "";
      last = null;
    }
  }
  $("run").addEventListener("click", run);
  editor.setOption("extraKeys", { "Ctrl-Enter": run, "Cmd-Enter": run });

  // ---- results: table ---------------------------------------------------------------------
  function href(iri) { return iri.startsWith(BASE) ? "/" + iri.slice(BASE.length) : iri; }

  function cell(term) {
    const td = el("td");
    if (!term) return td;
    if (term.type === "uri") {
      const a = el("a", { href: href(term.value), title: term.value }, shortIri(term.value));
      td.append(a);
    } else {
      td.textContent = term.value;
      const lang = term["xml:lang"];
      if (lang && lang !== "zh") td.append(el("span", { class: "lang" }, "@" + lang));
      if (term.value.length <= 12) td.className = "short";
    }
    return td;
  }

  function shortIri(iri) {
    if (iri.startsWith(BASE)) return iri.slice(BASE.length);
    return iri;
  }

  function table() {
    const view = $("table-view");
    if (last.boolean !== undefined) {
      view.replaceChildren(el("p", { class: "boolean" }, "ASK → " + last.boolean));
      $("count").textContent = "";
      return;
    }
    const t = el("table", { class: "rows" });
    const head = el("tr");
    let rows;
    if (last.triples) {
      ["subject", "predicate", "object"].forEach((v) => head.append(el("th", {}, v)));
      rows = last.triples.map((tr) => [tr.s, tr.p, tr.o]);
    } else {
      last.head.vars.forEach((v) => head.append(el("th", {}, v)));
      rows = last.results.bindings.map((b) => last.head.vars.map((v) => b[v]));
    }
    const thead = el("thead"); thead.append(head);
    const tbody = el("tbody");
    for (const row of rows) {
      const tr = el("tr");
      row.forEach((term) => tr.append(cell(term)));
      tbody.append(tr);
    }
    t.append(thead, tbody);
    view.replaceChildren(t);
    $("count").textContent = rows.length + (last.triples ? " triples" : " rows");
  }

  // ---- results: graph ---------------------------------------------------------------------
  // A SELECT row becomes a star: its first node-like value linked to every other one (edge
  // label: the column). IRIs are nodes; short literals (names, roles, places) are nodes too, so
  // that rows sharing a value meet; long literals (evidence sentences) and numbers are left out.
  function graphElements() {
    const nodes = new Map(), edges = new Map();
    const key = (t) => (t.type === "uri" ? "iri:" : "lit:") + t.value;
    const addNode = (t) => {
      const k = key(t);
      if (!nodes.has(k)) {
        nodes.set(k, { data: { id: "n" + nodes.size, key: k, iri: t.type === "uri" ? t.value : "",
                               label: t.type === "uri" ? shortIri(t.value).split("/").slice(-2).join("/") : t.value,
                               kind: t.type === "uri" ? "iri" : "literal" } });
      }
      return nodes.get(k).data.id;
    };
    const addEdge = (a, b, label) => {
      const id = a + ">" + b + ":" + label;
      if (a !== b && !edges.has(id)) edges.set(id, { data: { id: "e" + edges.size, source: a, target: b, label } });
    };
    // names, titles and places, not sentences, file names, codes or numbers
    const usable = (t) => t && (t.type === "uri" || (t.type === "literal" && !t.datatype &&
      t.value.length <= 16 && !/\.\w{2,4}$/.test(t.value) && !/^[\d\s.:-]+$/.test(t.value)));
    if (last.triples) {
      // labels (prefLabel, name, label, title) name their subject's node; types are not drawn
      const isLabel = (p) => /(prefLabel|#label|\/name|\/title)$/.test(p.value);
      const isType = (p) => p.value.endsWith("#type");
      const named = new Map();
      for (const tr of last.triples) {
        if (isLabel(tr.p) && tr.o.type === "literal" && (!named.has(tr.s.value) || tr.o["xml:lang"] === "zh")) {
          named.set(tr.s.value, tr.o.value);
        }
      }
      for (const tr of last.triples) {
        if (isLabel(tr.p) || isType(tr.p) || !usable(tr.s) || !usable(tr.o)) continue;
        addEdge(addNode(tr.s), addNode(tr.o), shortIri(tr.p.value).split(/[#/]/).pop());
      }
      for (const n of nodes.values()) {
        if (n.data.iri && named.has(n.data.iri)) n.data.label = named.get(n.data.iri);
      }
    } else if (last.results) {
      const vars = last.head.vars;
      for (const b of last.results.bindings.slice(0, 400)) {
        const cols = vars.filter((v) => usable(b[v]));
        if (cols.length < 1) continue;
        const hub = addNode(b[cols[0]]);
        for (const v of cols.slice(1)) addEdge(hub, addNode(b[v]), v);
      }
    }
    const degree = new Map();
    for (const e of edges.values()) for (const end of [e.data.source, e.data.target]) degree.set(end, (degree.get(end) || 0) + 1);
    for (const n of nodes.values()) n.data.degree = degree.get(n.data.id) || 0;
    return [...nodes.values(), ...edges.values()];
  }

  function graph() {
    const elements = graphElements();
    $("count").textContent = elements.filter((e) => !e.data.source).length + " nodes";
    if (cy) cy.destroy();
    cy = cytoscape({
      container: $("graph-view"),
      elements,
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 12, "text-valign": "bottom",
            "text-margin-y": 3, width: "mapData(degree, 1, 20, 12, 34)", height: "mapData(degree, 1, 20, 12, 34)",
            "background-color": "#b03a2e", color: "#222", "text-outline-color": "#fcfcfb", "text-outline-width": 2,
            "font-family": "Noto Sans CJK SC, Noto Sans SC, sans-serif" } },
        { selector: "node[kind = 'literal']", style: { "background-color": "#2e6eb0", shape: "round-rectangle" } },
        { selector: "edge", style: { width: 1, "line-color": "#bbb", "target-arrow-shape": "triangle",
            "target-arrow-color": "#bbb", "curve-style": "bezier", label: "data(label)", "font-size": 8,
            color: "#888", "text-rotation": "autorotate" } },
      ],
      layout: { name: elements.length > 1500 ? "grid" : "cose", animate: false, nodeRepulsion: () => 60000,
                idealEdgeLength: () => 70, gravity: 0.4, numIter: 1500, randomize: true },
      wheelSensitivity: 0.3,
    });
    cy.on("tap", "node", (evt) => {
      const d = evt.target.data();
      window.location.href = d.iri ? href(d.iri) : "/search?q=" + encodeURIComponent(d.label);
    });
  }

  let view = "table";
  function show() {
    if (!last) return;
    $("table-view").hidden = view !== "table";
    $("graph-view").hidden = view !== "graph";
    if (view === "table") table(); else graph();
  }
  for (const [id, name] of [["tab-table", "table"], ["tab-graph", "graph"]]) {
    $(id).addEventListener("click", () => {
      view = name;
      for (const t of document.querySelectorAll(".tab")) t.classList.toggle("active", t.id === id);
      $("table-view").hidden = view !== "table";
      $("graph-view").hidden = view !== "graph";
      show();
    });
  }

  // ---- N-Triples (CONSTRUCT/DESCRIBE results) -------------------------------------------------
  function parseNTriples(text) {
    const term = /<([^>]*)>|_:(\S+)|"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?/g;
    const unescape = (s) => s.replace(/\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})|\\(.)/g, (m, u, U, c) =>
      u ? String.fromCharCode(parseInt(u, 16)) : U ? String.fromCodePoint(parseInt(U, 16)) :
      ({ n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\" })[c] ?? c);
    const out = [];
    for (const line of text.split("\n")) {
      const terms = [];
      term.lastIndex = 0;
      let m;
      while (terms.length < 3 && (m = term.exec(line))) {
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
