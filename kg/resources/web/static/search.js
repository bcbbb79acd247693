// Search box hints: labels from /api/search as the user types (the form itself works without JS).
(function () {
  const box = document.getElementById("search-box");
  const list = document.getElementById("search-hints");
  if (!box || !list) return;
  let timer = null;
  box.addEventListener("input", () => {
    clearTimeout(timer);
    const q = box.value.trim();
    if (!q) return;
    timer = setTimeout(async () => {
      try {
        const r = await fetch("/api/search?limit=10&q=" + encodeURIComponent(q));
        if (!r.ok) return;
        const hits = await r.json();
        list.replaceChildren(...hits.map((h) => {
          const o = document.createElement("option");
          o.value = h.label;
          o.label = h.type;
          return o;
        }));
      } catch (e) { /* hints are optional */ }
    }, 200);
  });
})();
