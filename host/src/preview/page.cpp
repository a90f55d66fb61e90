// The preview page: the book as spreads at a chosen zoom, the diagnostics beside it. It asks
// /api/status a few times a second and redraws when a build finished; a failed build shows its
// error above the last good pages. Turkish, like the books; no external asset.
#include "preview/server.hpp"

namespace dizgi::preview {

const std::string& page_html() {
  static const std::string html = R"HTML(<!DOCTYPE html>
<html lang="tr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dizgi önizleme</title>
<style>
body{margin:0;font-family:"Linux Biolinum O","DejaVu Sans",sans-serif;background:#5a5f66;color:#1a1a1a;
 display:grid;grid-template-columns:1fr 24rem;height:100vh}
#book{overflow:auto;padding:1rem}
#side{background:#f4f4f4;overflow:auto;padding:.75rem 1rem;border-left:1px solid #333}
header{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;margin-bottom:.5rem}
h1{font-size:1.1rem;margin:.25rem 0}
h2{font-size:1rem;margin:.75rem 0 .25rem}
#state{font-size:.85rem;color:#444}
#error{display:none;background:#fde8e8;border:2px solid #b00020;padding:.5rem;margin:.5rem 0;
 white-space:pre-wrap;font-family:monospace;font-size:.8rem}
body.failed #error{display:block}
.spread{display:flex;justify-content:center;gap:2px;margin:0 auto 1rem}
.page{position:relative;margin:0;background:#fff;box-shadow:0 2px 6px rgba(0,0,0,.45)}
.page img{display:block;width:calc(var(--w) * var(--zoom));height:auto}
.page figcaption{position:absolute;bottom:-1.3rem;width:100%;text-align:center;color:#eee;font-size:.75rem}
.spacer{visibility:hidden}
.mark{position:absolute;outline:3px solid #f2a900;outline-offset:2px;pointer-events:none}
#diagnostics{list-style:none;padding:0;margin:0;font-size:.8rem}
#diagnostics li{padding:.35rem .4rem;border-left:4px solid #999;margin-bottom:.3rem;background:#fff;cursor:pointer;
 word-break:break-word}
#diagnostics li.error{border-color:#b00020}#diagnostics li.warning{border-color:#d98200}
#diagnostics li.info{border-color:#2b6cb0}
#diagnostics li:focus{outline:2px solid #00467f}
</style>
</head>
<body style="--zoom:0.6">
<main id="book" aria-label="Sayfalar"></main>
<aside id="side">
<header>
<h1 id="title">dizgi önizleme</h1>
<label>Yakınlık <input id="zoom" type="range" min="20" max="150" value="60"> <span id="zoomv">%60</span></label>
</header>
<p id="state" role="status">Dizgi bekleniyor…</p>
<div id="error" role="alert"></div>
<h2>Uyarılar ve hatalar</h2>
<ul id="diagnostics"></ul>
</aside>
<script>
"use strict";
let shown = -1, status = null;
const book = document.getElementById("book");
const zoom = document.getElementById("zoom");
zoom.addEventListener("input", () => {
  document.body.style.setProperty("--zoom", zoom.value / 100);
  document.getElementById("zoomv").textContent = "%" + zoom.value;
});
function pageFigure(p, i) {
  const f = document.createElement("figure");
  f.className = "page";
  f.id = "sayfa-" + i;
  f.style.setProperty("--w", p.width + "px");
  const img = document.createElement("img");
  img.src = "/page/" + i + ".png?v=" + p.signature;
  img.alt = "Sayfa " + p.label;
  img.width = p.width; img.height = p.height;
  const c = document.createElement("figcaption");
  c.textContent = p.label;
  f.append(img, c);
  return f;
}
function spacer(p) {
  const s = document.createElement("div");
  s.className = "page spacer";
  s.style.setProperty("--w", p.width + "px");
  s.innerHTML = "<img alt='' width='" + p.width + "' height='" + p.height + "'>";
  return s;
}
function drawPages(s) {
  const old = new Map([...book.querySelectorAll("figure.page")].map((f) => [f.id, f]));
  book.replaceChildren();
  let row = null;
  s.pages.forEach((p, i) => {
    // Facing pages: a verso starts a spread, its recto joins it; page 1 stands alone on the right.
    if (!s.facing || !p.recto || !row || row.children.length === 2) {
      row = document.createElement("div");
      row.className = "spread";
      book.append(row);
      if (s.facing && p.recto) row.append(spacer(p));
    }
    const previous = old.get("sayfa-" + i);
    const keep = previous && previous.querySelector("img").src.endsWith("v=" + p.signature);
    row.append(keep ? previous : pageFigure(p, i));
  });
}
function drawDiagnostics(s) {
  const list = document.getElementById("diagnostics");
  list.replaceChildren();
  for (const d of s.diagnostics) {
    const li = document.createElement("li");
    li.className = d.severity;
    li.tabIndex = 0;
    li.textContent = d.text;
    li.dataset.page = d.page;
    const go = () => showMark(d);
    li.addEventListener("click", go);
    li.addEventListener("keydown", (e) => { if (e.key === "Enter") go(); });
    list.append(li);
  }
  if (!s.diagnostics.length) list.innerHTML = "<li class='info'>Uyarı yok.</li>";
}
function showMark(d) {
  book.querySelectorAll(".mark").forEach((m) => m.remove());
  if (d.page < 0) return;
  const f = document.getElementById("sayfa-" + d.page);
  if (!f) return;
  const m = document.createElement("div");
  m.className = "mark";
  const [x, y, w, h] = d.box;
  Object.assign(m.style, { left: x * 100 + "%", top: y * 100 + "%", width: w * 100 + "%", height: h * 100 + "%" });
  f.append(m);
  f.scrollIntoView({ block: "center" });
}
async function poll() {
  try {
    const r = await fetch("/api/status", { cache: "no-store" });
    const s = await r.json();
    if (s.generation !== shown && s.generation > 0) {
      shown = s.generation;
      status = s;
      document.body.classList.toggle("failed", !s.ok);
      document.getElementById("error").textContent = s.ok ? "" : s.error;
      if (s.title) document.getElementById("title").textContent = s.title;
      if (s.pages.length) drawPages(s);
      drawDiagnostics(s);
      document.getElementById("state").textContent =
        (s.ok ? "Dizildi" : "Dizilemedi; son iyi sayfalar gösteriliyor") + " (#" + s.generation + "): " +
        s.pages.length + " sayfa, dizgi " + Math.round(s.layout_ms) + " ms, " + s.pages_drawn + " sayfa yeniden çizildi.";
      document.body.dataset.generation = s.generation;
    }
  } catch (e) {
    document.getElementById("state").textContent = "Sunucuya ulaşılamıyor.";
  }
  setTimeout(poll, 300);
}
poll();
</script>
</body>
</html>
)HTML";
  return html;
}

}  // namespace dizgi::preview
