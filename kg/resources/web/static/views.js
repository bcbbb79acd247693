// The result views of the SPARQL page: a sortable, filterable table; a graph (Cytoscape, fcose
// layout) where an office is an edge person —主席→ committee; a map of the divisions a result names.
// Every value from the data reaches the page through textContent or an attribute (never innerHTML),
// and only http(s) IRIs become links.
(function () {
  "use strict";
  const BASE = document.body.dataset.base || "";
  const SVG = "http://www.w3.org/2000/svg";
  const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
  const ORG = "http://www.w3.org/ns/org#";
  const KG = "https://w3id.org/kg-cppcc/ontology#";
  const LABELS = ["http://www.w3.org/2004/02/skos/core#prefLabel", "http://xmlns.com/foaf/0.1/name",
                  "http://purl.org/dc/terms/title", "http://www.w3.org/2000/01/rdf-schema#label"];
  const MAX_TABLE_ROWS = 2000;

  const el = (tag, attrs = {}, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const svg = (tag, attrs = {}, text) => {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };

  // ---- IRIs and links -------------------------------------------------------------------------
  /** Only http(s) IRIs may be links (never javascript:, data:, …). */
  function isWebIri(iri) { return typeof iri === "string" && /^https?:\/\/[^\s]+$/i.test(iri); }
  /** The page of an IRI: a path on this server for the store's own IRIs, else the IRI itself. */
  function href(iri) {
    if (iri.startsWith(KG)) return "/ontology#" + iri.slice(KG.length);
    return iri.startsWith(BASE) ? "/" + iri.slice(BASE.length) : iri;
  }
  function shortIri(iri, prefixes) {
    for (const [p, ns] of Object.entries(prefixes || {})) {
      if (iri.startsWith(ns) && iri.length > ns.length) return p + ":" + iri.slice(ns.length);
    }
    return iri.startsWith(BASE) ? iri.slice(BASE.length) : iri;
  }
  function tail(iri) { return iri.replace(/[/#]$/, "").split(/[/#]/).pop(); }

  // ---- a result, normalised ---------------------------------------------------------------------
  // {kind: "select"|"triples"|"boolean", vars, rows: [[term]]}; a term is SPARQL JSON's
  // {type: "uri"|"literal"|"bnode", value, "xml:lang", datatype}.
  function fromJson(json) {
    if (json.boolean !== undefined) return { kind: "boolean", value: json.boolean, vars: [], rows: [] };
    const vars = json.head.vars;
    return { kind: "select", vars, rows: json.results.bindings.map((b) => vars.map((v) => b[v])) };
  }
  function fromTriples(triples) {
    return { kind: "triples", vars: ["subject", "predicate", "object"], triples,
             rows: triples.map((t) => [t.s, t.p, t.o]) };
  }

  const PLAIN = /^(http:\/\/www\.w3\.org\/2001\/XMLSchema#string|http:\/\/www\.w3\.org\/1999\/02\/22-rdf-syntax-ns#langString)?$/;
  /** Literals worth looking up as names: short text, not numbers, dates or sentences. */
  function nameLike(term) {
    return term && term.type === "literal" && PLAIN.test(term.datatype || "") && term.value.length <= 40 &&
      !/^[\d\s.:+-]+$/.test(term.value);
  }
  /** What to ask /api/lookup about a result. */
  function lookupRequest(result) {
    const iris = new Set(), names = new Set();
    for (const row of result.rows) {
      for (const t of row) {
        if (!t) continue;
        if (t.type === "uri" && iris.size < 5000) iris.add(t.value);
        else if (nameLike(t) && names.size < 5000) names.add(t.value);
      }
    }
    return { iris: [...iris], names: [...names] };
  }

  /** How a term shows: {text, link, title, category}; ``info`` is /api/lookup's answer. */
  function display(term, info, prefixes) {
    if (!term) return { text: "" };
    if (term.type === "uri") {
      const known = info.iris[term.value] || {};
      return { text: known.label || shortIri(term.value, prefixes), title: term.value,
               link: isWebIri(term.value) ? href(term.value) : null, category: known.category };
    }
    if (term.type === "bnode") return { text: "_:" + term.value };
    const named = nameLike(term) ? info.names[term.value] : null;
    if (named && isWebIri(named.iri)) {
      if (named.count > 1) {
        return { text: term.value, link: "/search?q=" + encodeURIComponent(term.value),
                 title: named.count + " 个同名 — " + named.count + " entities have this name", category: named.category };
      }
      return { text: term.value, link: href(named.iri), title: named.iri, category: named.category };
    }
    return { text: term.value, lang: term["xml:lang"], datatype: term.datatype };
  }

  // ---- table ------------------------------------------------------------------------------------
  function sortKey(d) { return d.text; }
  const collator = new Intl.Collator("zh", { numeric: true, sensitivity: "base" });

  function compare(a, b) {
    const x = sortKey(a), y = sortKey(b);
    if (x === y) return 0;
    if (x === "") return 1;  // empty cells last, either way
    if (y === "") return -1;
    const nx = Number(x), ny = Number(y);
    if (x.trim() !== "" && y.trim() !== "" && !Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return collator.compare(x, y);
  }

  /** Draws ``result`` into ``container``; ``state`` = {sort: {col, dir}, filter}. Returns counts. */
  function table(container, result, info, state, prefixes) {
    if (result.kind === "boolean") {
      container.replaceChildren(el("p", { class: "boolean" }, "ASK → " + result.value));
      return { shown: 0, total: 0, text: "" };
    }
    const cells = result.rows.map((row) => row.map((t) => display(t, info, prefixes)));
    let order = cells.map((_, i) => i);
    const needle = (state.filter || "").trim().toLowerCase();
    if (needle) {
      order = order.filter((i) => cells[i].some((d) => d.text.toLowerCase().includes(needle) ||
                                                     (d.title || "").toLowerCase().includes(needle)));
    }
    if (state.sort && state.sort.col !== null && state.sort.col < result.vars.length) {
      const c = state.sort.col, dir = state.sort.dir;
      order.sort((i, j) => {
        const r = compare(cells[i][c], cells[j][c]);
        return r === 0 ? i - j : (cells[i][c].text === "" || cells[j][c].text === "" ? r : r * dir);
      });
    }
    const t = el("table", { class: "rows" });
    const head = el("tr");
    result.vars.forEach((v, i) => {
      const sorted = state.sort && state.sort.col === i;
      const th = el("th", { "aria-sort": sorted ? (state.sort.dir > 0 ? "ascending" : "descending") : "none" });
      const b = el("button", { type: "button", class: "sort", "data-col": String(i), title: "排序 sort" }, v);
      b.append(el("span", { class: "arrow" }, sorted ? (state.sort.dir > 0 ? " ▲" : " ▼") : ""));
      th.append(b);
      head.append(th);
    });
    const thead = el("thead");
    thead.append(head);
    const tbody = el("tbody");
    for (const i of order.slice(0, MAX_TABLE_ROWS)) {
      const tr = el("tr");
      for (const d of cells[i]) {
        const td = el("td");
        if (d.link) {
          const a = el("a", { href: d.link, title: d.title }, d.text);
          if (d.category) a.className = "cat cat-" + d.category;
          td.append(a);
        } else if (d.text.length > 40) {  // a sentence: three lines, the rest on click
          const div = el("div", { class: "clamp", title: "click to show all" }, d.text);
          div.addEventListener("click", () => div.classList.toggle("open"));
          td.append(div);
          td.classList.add("long");
        } else {
          td.textContent = d.text;
          if (d.title) td.title = d.title;
          if (d.lang && d.lang !== "zh") td.append(el("span", { class: "lang" }, "@" + d.lang));
        }
        if (d.text.length <= 12) td.classList.add("short");
        tr.append(td);
      }
      tbody.append(tr);
    }
    t.append(thead, tbody);
    const parts = [t];
    if (order.length > MAX_TABLE_ROWS) {
      parts.push(el("p", { class: "hint" }, `showing the first ${MAX_TABLE_ROWS} of ${order.length} rows; filter or add LIMIT`));
    }
    if (!order.length && needle) parts.push(el("p", { class: "hint" }, "No row contains “" + state.filter + "”."));
    container.replaceChildren(...parts);
    const unit = result.kind === "triples" ? " triples" : " rows";
    return { shown: order.length, total: cells.length,
             text: needle ? `${order.length} of ${cells.length}${unit}` : cells.length + unit };
  }

  // ---- graph ------------------------------------------------------------------------------------
  /** Cytoscape elements for a result: offices as labelled edges, nodes coloured by category. */
  function graphElements(result, info, ctx) {
    const nodes = new Map(), edges = new Map();
    const propLabel = (iri) => ctx.termLabels[iri] || tail(iri);
    const addNode = (key, data) => {
      if (!nodes.has(key)) nodes.set(key, { data: { id: "n" + nodes.size, key, ...data } });
      return nodes.get(key).data.id;
    };
    const iriNode = (iri, label, category) => {
      const known = info.iris[iri] || {};
      return addNode("iri:" + iri, { iri, label: label || known.label || tail(iri),
                                     category: known.category || category || "other" });
    };
    const addEdge = (a, b, label, iri) => {
      const id = a + ">" + b + ":" + label;
      if (a !== b && !edges.has(id)) {
        edges.set(id, { data: { id: "e" + edges.size, source: a, target: b, label, iri: iri || "",
                                office: iri ? "yes" : "no" } });
      }
    };
    if (result.kind === "triples") {
      const bySubject = new Map();
      for (const t of result.triples) {
        if (!bySubject.has(t.s.value)) bySubject.set(t.s.value, []);
        bySubject.get(t.s.value).push(t);
      }
      const named = new Map();
      for (const t of result.triples) {
        if (LABELS.includes(t.p.value) && t.o.type === "literal" &&
            (!named.has(t.s.value) || t.o["xml:lang"] === "zh")) named.set(t.s.value, t.o.value);
      }
      // an office: person —role→ organisation, the office's own node one click away (the edge)
      const offices = new Map();
      for (const [s, ts] of bySubject) {
        const get = (p) => ts.find((t) => t.p.value === p);
        const member = get(ORG + "member"), org = get(ORG + "organization");
        const isOffice = ts.some((t) => t.p.value === RDF_TYPE && t.o.value === ORG + "Membership");
        if (member && org && (isOffice || get(KG + "roleName"))) {
          const role = get(KG + "roleName");
          offices.set(s, { member: member.o, org: org.o, role: role ? role.o.value : (info.iris[s] || {}).label || "职务" });
        }
      }
      for (const [s, o] of offices) {
        if (o.member.type !== "uri" || o.org.type !== "uri") continue;
        addEdge(iriNode(o.member.value, named.get(o.member.value)), iriNode(o.org.value, named.get(o.org.value)), o.role, s);
      }
      for (const t of result.triples) {
        if (offices.has(t.s.value) || t.s.type !== "uri" || t.o.type !== "uri" || t.p.value === RDF_TYPE) continue;
        if (offices.has(t.o.value)) continue;
        addEdge(iriNode(t.s.value, named.get(t.s.value)), iriNode(t.o.value, named.get(t.o.value)), propLabel(t.p.value));
      }
      for (const [s] of bySubject) if (!offices.has(s) && named.has(s) && s.includes(":")) iriNode(s, named.get(s));
    } else if (result.kind === "select") {
      // a row is a star: its first node-like value linked to the others (edge label: the column);
      // a literal that names one entity is that entity's node, so that rows meet
      const usable = (t) => t && (t.type === "uri" || (nameLike(t) && t.value.length <= 16));
      for (const row of result.rows.slice(0, 500)) {
        const ends = [];
        row.forEach((t, i) => {
          if (!usable(t)) return;
          let id;
          if (t.type === "uri") id = iriNode(t.value);
          else {
            const named = info.names[t.value];
            id = named && named.count === 1 ? iriNode(named.iri, t.value, named.category)
              : addNode("lit:" + t.value, { iri: "", label: t.value, category: "literal" });
          }
          ends.push([id, result.vars[i]]);
        });
        for (const [id, v] of ends.slice(1)) addEdge(ends[0][0], id, v);
      }
    }
    const degree = new Map();
    for (const e of edges.values()) for (const end of [e.data.source, e.data.target]) degree.set(end, (degree.get(end) || 0) + 1);
    for (const n of nodes.values()) n.data.degree = degree.get(n.data.id) || 0;
    return [...nodes.values(), ...edges.values()];
  }

  function graph(container, result, info, ctx) {
    const elements = graphElements(result, info, ctx);
    const nodeCount = elements.filter((e) => !e.data.source).length;
    const canvas = container.querySelector("#graph-canvas");
    if (ctx.cy) ctx.cy.destroy();
    const colours = Object.fromEntries(ctx.categories.map((c) => [c.key, c.color]));
    colours.literal = "#9aa4b2";
    const style = [
      { selector: "node", style: {
          label: "data(label)", "font-size": 13, "text-valign": "bottom", "text-margin-y": 4,
          width: "mapData(degree, 1, 12, 16, 40)", height: "mapData(degree, 1, 12, 16, 40)",
          "background-color": colours.other, color: "#1f2328", "text-outline-color": "#fff", "text-outline-width": 2.5,
          "font-family": "Noto Sans CJK SC, Noto Sans SC, sans-serif", "min-zoomed-font-size": 6,
          "border-width": 1.5, "border-color": "#fff" } },
      { selector: "node[category = 'literal']", style: { shape: "round-rectangle", "background-color": colours.literal,
          width: 12, height: 12 } },
      { selector: "node[category = 'person']", style: { shape: "ellipse" } },
      { selector: "node[category = 'committee'], node[category = 'body']", style: { shape: "round-rectangle" } },
      { selector: "node[category = 'division']", style: { shape: "diamond" } },
      { selector: "edge", style: {
          width: 1.2, "line-color": "#c3c8d0", "target-arrow-shape": "triangle", "target-arrow-color": "#c3c8d0",
          "arrow-scale": 0.8, "curve-style": "bezier", label: "data(label)", "font-size": 11, color: "#667085",
          "text-rotation": "autorotate", "text-background-color": "#fcfcfb", "text-background-opacity": 0.85,
          "text-background-padding": 1, "min-zoomed-font-size": 6,
          "font-family": "Noto Sans CJK SC, Noto Sans SC, sans-serif" } },
      { selector: "edge[office = 'yes']", style: { width: 2.2, "line-color": "#d98b82", "target-arrow-color": "#d98b82",
          color: "#b03a2e", "font-size": 12, "font-weight": 600 } },
      { selector: ":selected", style: { "border-color": "#1f2328", "border-width": 3 } },
    ];
    for (const [key, colour] of Object.entries(colours)) {
      if (key !== "literal") style.push({ selector: `node[category = '${key}']`, style: { "background-color": colour } });
    }
    const big = elements.length > 2500;
    const layout = big ? { name: "grid" } : (window.cytoscapeFcose ? {
      name: "fcose", quality: "default", randomize: true, animate: false, nodeRepulsion: () => 9000,
      idealEdgeLength: (e) => (e.data("office") === "yes" ? 90 : 70), edgeElasticity: () => 0.35, gravity: 0.25,
      gravityRange: 3.0, numIter: 2500, nodeSeparation: 90, packComponents: true, tile: true,
      tilingPaddingVertical: 30, tilingPaddingHorizontal: 30, padding: 40 } : {
      name: "cose", animate: false, nodeRepulsion: () => 60000, idealEdgeLength: () => 80, gravity: 0.3, numIter: 1500 });
    ctx.cy = cytoscape({ container: canvas, elements, style, layout: { name: "preset" }, minZoom: 0.05, maxZoom: 4 });
    ctx.cy.layout(layout).run();
    // labels keep a readable size on screen (about 12 px) however far the picture is zoomed out
    const cy = ctx.cy;
    const fontSizes = () => {
      const z = cy.zoom(), grow = z < 1 ? 1 / z : 1;
      // other edges' labels (所属行政区 …) only once the picture is zoomed in enough to read them
      cy.style().selector("node").style("font-size", 12.5 * Math.min(grow, 3))
        .selector("edge").style({ "font-size": 11 * Math.min(grow, 3), "text-opacity": z >= 1.2 || small ? 1 : 0 })
        .selector("edge[office = 'yes']").style({ "font-size": 12 * Math.min(grow, 3), "text-opacity": 1 })
        .selector("edge:selected, edge.hover").style("text-opacity", 1).update();
    };
    const small = nodeCount <= 25;
    cy.on("mouseover", "edge", (e) => e.target.addClass("hover"));
    cy.on("mouseout", "edge", (e) => e.target.removeClass("hover"));
    let zoomTimer = null;
    cy.on("zoom", () => { clearTimeout(zoomTimer); zoomTimer = setTimeout(fontSizes, 60); });
    fontSizes();
    ctx.cy.on("tap", "node", (evt) => {
      const d = evt.target.data();
      window.location.href = d.iri && isWebIri(d.iri) ? href(d.iri) : "/search?q=" + encodeURIComponent(d.label);
    });
    ctx.cy.on("tap", "edge", (evt) => {
      const d = evt.target.data();
      if (d.iri && isWebIri(d.iri)) window.location.href = href(d.iri);
    });
    // the legend: the categories drawn, with counts
    const counts = new Map();
    for (const e of elements) if (!e.data.source) counts.set(e.data.category, (counts.get(e.data.category) || 0) + 1);
    const legend = container.querySelector("#graph-legend");
    legend.replaceChildren();
    for (const c of [...ctx.categories, { key: "literal", name: "文本 text", color: colours.literal }]) {
      if (!counts.has(c.key)) continue;
      const item = el("span", { class: "item", "data-category": c.key });
      item.append(el("i", { style: "background:" + c.color }), document.createTextNode(c.name + " " + counts.get(c.key)));
      legend.append(item);
    }
    const offices = elements.filter((e) => e.data.office === "yes").length;
    if (offices) {
      const item = el("span", { class: "item office" });
      item.append(el("b", {}, "—主席→"), document.createTextNode(" 职务 office (click the edge) " + offices));
      legend.append(item);
    }
    container.querySelector("#graph-note").textContent = nodeCount ? "click a node to open its page · scroll to zoom" : "nothing to draw: the result has no IRIs or names";
    return { text: nodeCount + " nodes, " + (elements.length - nodeCount) + " edges" };
  }

  // ---- map --------------------------------------------------------------------------------------
  const LEVEL_NAMES = ["省级 province", "地级 prefecture", "县级 county"];

  /** The division a row is about: {code, column}; the finest one a row names wins. */
  function rowPlace(row, vars, info, places) {
    let best = null;
    row.forEach((t, i) => {
      if (!t) return;
      let code = null;
      if (t.type === "uri") code = (info.iris[t.value] || {}).code;
      else if (/^\d{6}$/.test(t.value)) code = t.value;
      else if (nameLike(t) && info.names[t.value] && info.names[t.value].count === 1) code = info.names[t.value].code;
      if (!code || !places[code]) return;
      const level = places[code][3];
      const score = level * 2 + (/code/i.test(vars[i]) ? 1 : 0);
      if (!best || score > best.score) best = { code, column: i, score };
    });
    return best;
  }

  function map(container, result, info, ctx) {
    const base = ctx.baseMap;
    if (!base) {
      container.replaceChildren(el("p", { class: "hint" }, "loading the map…"));
      return { text: "" };
    }
    const groups = new Map();
    let without = 0;
    for (const row of result.rows) {
      const place = rowPlace(row, result.vars, info, base.places);
      if (!place) { without += 1; continue; }
      if (!groups.has(place.code)) groups.set(place.code, []);
      groups.get(place.code).push(row);
    }
    const W = base.width, H = base.height;
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "map", role: "img",
                              "aria-label": "map of the result's divisions" });
    const world = svg("g", { class: "world" });
    const provinces = new Set([...groups.keys()].map((c) => c.slice(0, 2) + "0000"));
    for (const o of base.outlines) {
      const p = svg("path", { d: o.d, class: "province" + (provinces.has(o.code) ? " has-points" : ""),
                              "data-code": o.code });
      const name = base.places[o.code];
      if (name) p.append(svg("title", {}, name[2]));
      world.append(p);
    }
    const dots = svg("g", { class: "points" });
    const labels = svg("g", { class: "labels" });
    const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    const max = sorted.length ? sorted[0][1].length : 1;
    const radius = (n) => 3 + 5 * Math.sqrt(n / max);  // screen pixels; the area grows with the rows
    const marks = [];
    for (const [code, rows] of sorted.slice().reverse()) {
      const [x, y, name] = base.places[code];
      const c = svg("circle", { cx: x, cy: y, r: radius(rows.length), class: "point", "data-code": code,
                                "data-rows": rows.length, tabindex: "0" });
      c.append(svg("title", {}, `${name} ${code} · ${rows.length} ${rows.length === 1 ? "row" : "rows"}`));
      c.addEventListener("click", () => detail(code, rows));
      c.addEventListener("keydown", (e) => { if (e.key === "Enter") detail(code, rows); });
      dots.append(c);
    }
    for (const [code, rows] of sorted.slice(0, 150)) {  // most rows first: they get their names drawn first
      const [x, y, name] = base.places[code];
      const t = svg("text", { x, y, class: "place" }, name);
      labels.append(t);
      marks.push({ t, x, y, r: radius(rows.length), name });
    }
    world.append(dots, labels);
    root.append(world);
    const panel = el("div", { class: "map-detail" });
    const frame = el("div", { class: "map-frame" });
    frame.append(root);
    const legend = el("div", { class: "legend map-legend" });
    legend.append(el("span", { class: "item" }, `${groups.size} 地点 places · ${result.rows.length - without} rows` +
                                                (without ? ` · ${without} name no division` : "")),
                  el("span", { class: "item source" }, "Natural Earth · cpca"));
    const reset = el("button", { type: "button", class: "map-reset", title: "show all of China" }, "全国 whole map");
    frame.append(legend, reset);
    container.replaceChildren(frame, panel);
    const view = zoomable(root, world, W, H, marks);
    reset.addEventListener("click", () => view.fit(null));
    view.fit(sorted.map(([code]) => base.places[code]));
    overview();

    function overview() {
      if (!groups.size) {
        panel.replaceChildren(el("p", { class: "hint" }, "No row names a division: a map needs a division code " +
          "(620724), a division IRI (/id/division/…) or a division's name."));
        return;
      }
      const list = el("ol", { class: "places" });
      for (const [code, rows] of sorted.slice(0, 200)) {
        const [, , name, level] = base.places[code];
        const b = el("button", { type: "button", "data-code": code });
        b.append(el("span", {}, name), el("small", {}, ` ${LEVEL_NAMES[level].split(" ")[0]} · ${rows.length}`));
        b.addEventListener("click", () => detail(code, rows));
        const li = el("li");
        li.append(b);
        list.append(li);
      }
      panel.replaceChildren(el("h3", {}, "地点 Places"), el("p", { class: "hint" },
        "Click a place or a point for its rows · scroll to zoom, drag to pan."), list);
    }

    function detail(code, rows) {
      const [, , name, level] = base.places[code];
      const head = el("h3");
      const a = el("a", { href: "/id/division/" + code + ".html" }, name);
      head.append(a, el("small", {}, ` ${code} · ${LEVEL_NAMES[level]} · ${rows.length} ${rows.length === 1 ? "row" : "rows"}`));
      const back = el("button", { type: "button", class: "link-button" }, "← 全部地点 all places");
      back.addEventListener("click", () => { overview(); for (const c of root.querySelectorAll("circle.selected")) c.classList.remove("selected"); });
      // each row as a short list of its values (a table would not fit beside the map)
      const box = el("div", { class: "detail-rows" });
      for (const row of rows.slice(0, 100)) {
        const dl = el("dl");
        row.forEach((t, i) => {
          const d = display(t, info, ctx.prefixes);
          if (!d.text) return;
          const dd = el("dd");
          if (d.link) {
            const link = el("a", { href: d.link, title: d.title }, d.text);
            if (d.category) link.className = "cat cat-" + d.category;
            dd.append(link);
          } else {
            dd.textContent = d.text;
          }
          dl.append(el("dt", {}, result.vars[i]), dd);
        });
        box.append(dl);
      }
      if (rows.length > 100) box.append(el("p", { class: "hint" }, `and ${rows.length - 100} more rows`));
      panel.replaceChildren(back, head, box);
      for (const c of root.querySelectorAll("circle.selected")) c.classList.remove("selected");
      const dot = root.querySelector(`circle[data-code="${code}"]`);
      if (dot) dot.classList.add("selected");
    }
    return { text: `${groups.size} places` };
  }

  /** Wheel to zoom about the cursor, drag to pan; points and names keep their size on screen, and
   *  names are placed again at each zoom (right, left, above or below; none that would overlap). */
  function zoomable(root, world, W, H, marks) {
    let k = 1, tx = 0, ty = 0, drag = null;
    const apply = () => {
      world.setAttribute("transform", `translate(${tx},${ty}) scale(${k})`);
      const px = W / (root.getBoundingClientRect().width || W);  // viewBox units per screen pixel
      for (const c of world.querySelectorAll("circle.point")) {
        if (!c.dataset.r) c.dataset.r = c.getAttribute("r");
        c.setAttribute("r", c.dataset.r * px / k);
      }
      const size = 12.5 * px / k, boxes = [];
      for (const m of marks) {
        const r = m.r * px / k, w = size * m.name.length + px / k, h = size * 1.1, gap = 3 * px / k;
        const spots = [[m.x + r + gap, m.y + size * 0.36, "start", m.x + r, m.y - h / 2],
                       [m.x - r - gap, m.y + size * 0.36, "end", m.x - r - w - gap, m.y - h / 2],
                       [m.x, m.y - r - gap, "middle", m.x - w / 2, m.y - r - gap - h],
                       [m.x, m.y + r + gap + size * 0.9, "middle", m.x - w / 2, m.y + r + gap]];
        const spot = spots.find(([, , , bx, by]) => boxes.every((b) => bx + w <= b[0] || bx >= b[2] || by + h <= b[1] || by >= b[3]));
        m.t.style.display = spot ? "" : "none";
        if (!spot) continue;
        const [x, y, anchor, bx, by] = spot;
        boxes.push([bx, by, bx + w, by + h]);
        m.t.setAttribute("x", x); m.t.setAttribute("y", y); m.t.setAttribute("text-anchor", anchor);
        m.t.setAttribute("font-size", size);
      }
    };
    const point = (e) => {
      const r = root.getBoundingClientRect();
      return [(e.clientX - r.left) * W / r.width, (e.clientY - r.top) * H / r.height];
    };
    root.addEventListener("wheel", (e) => {
      e.preventDefault();
      const [x, y] = point(e);
      const f = Math.exp(-e.deltaY * 0.0015), nk = Math.min(60, Math.max(1, k * f));
      tx = x - (x - tx) * nk / k; ty = y - (y - ty) * nk / k; k = nk;
      if (k === 1) { tx = 0; ty = 0; }
      apply();
    }, { passive: false });
    root.addEventListener("pointerdown", (e) => { drag = [e.clientX, e.clientY, tx, ty]; });
    window.addEventListener("pointerup", () => { drag = null; });
    root.addEventListener("pointermove", (e) => {
      if (!drag) return;
      const r = root.getBoundingClientRect();
      tx = drag[2] + (e.clientX - drag[0]) * W / r.width; ty = drag[3] + (e.clientY - drag[1]) * H / r.height;
      apply();
    });
    window.addEventListener("resize", apply);
    /** Show these places (the whole map for none): their box with a margin, at most 8× closer. */
    const fit = (places) => {
      k = 1; tx = 0; ty = 0;
      if (places && places.length) {
        const xs = places.map((p) => p[0]), ys = places.map((p) => p[1]);
        const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
        const pad = 60, nk = Math.max(1, Math.min(8, W / (x1 - x0 + 2 * pad), H / (y1 - y0 + 2 * pad)));
        if (nk > 1.15) {
          k = nk; tx = W / 2 - k * (x0 + x1) / 2; ty = H / 2 - k * (y0 + y1) / 2;
          tx = Math.min(0, Math.max(W - k * W, tx)); ty = Math.min(0, Math.max(H - k * H, ty));
        }
      }
      apply();
    };
    return { fit };
  }

  window.KGViews = { table, graph, map, fromJson, fromTriples, lookupRequest, isWebIri, href, display, nameLike };
})();
