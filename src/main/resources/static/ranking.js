// The most-read ranking: count this page view, and keep the sidebar lists fresh.
// No cookie and no nonce, so it works on pages served from a page cache or CDN.
(function () {
  const article = document.querySelector("article[data-article-id]");
  const count = () => {
    const body = JSON.stringify({ articleId: Number(article.dataset.articleId) });
    // a plain-text Blob keeps the beacon a "simple" request; the server reads the JSON either way
    const sent = navigator.sendBeacon && navigator.sendBeacon("/api/views", new Blob([body], { type: "text/plain" }));
    if (!sent) fetch("/api/views", { method: "POST", body, keepalive: true }).catch(() => {});
  };
  // a prerendered page is not read until it is shown
  if (article && document.prerendering) document.addEventListener("prerenderingchange", count, { once: true });
  else if (article) count();

  // Refresh every 15 s from the cacheable API (max-age 5 s): a cached page shows views within 30 s.
  const REFRESH_MS = 15000;
  const widgets = document.querySelectorAll("[data-ranking]");
  if (widgets.length === 0 || !window.fetch) return;
  const render = (panel, items) => {
    if (items.length === 0) return;
    const list = document.createElement("ol");
    list.className = "ranking-list";
    for (const item of items) {
      const li = document.createElement("li");
      const rank = document.createElement("span");
      rank.className = "rank";
      rank.setAttribute("aria-hidden", "true");
      rank.textContent = String(item.rank);
      const link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.title;
      li.append(rank, link);
      list.append(li);
    }
    const heading = panel.querySelector("h3");
    panel.replaceChildren(...(heading ? [heading, list] : [list]));
  };
  const refresh = () => {
    if (document.hidden) return;
    for (const widget of widgets) {
      for (const panel of widget.querySelectorAll('[role="tabpanel"][data-window]')) {
        fetch("/api/ranking?window=" + encodeURIComponent(panel.dataset.window) + "&limit=10")
          .then((r) => (r.ok ? r.json() : null))
          .then((data) => { if (data) render(panel, data.items); })
          .catch(() => {});
      }
    }
  };
  setInterval(refresh, REFRESH_MS);
  document.addEventListener("visibilitychange", refresh);
})();
