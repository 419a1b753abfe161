// The fixed-page editor's live preview. The server renders the body as the public page will
// (POST /newsroom/pages/preview: Markdown, or HTML through the same sanitizer; CSRF token in
// X-CSRF-Token); this file only asks and shows. The title is shown as text, never as HTML.
(function () {
  const form = document.getElementById("page-form");
  if (!form) return;
  const body = form.querySelector("#body");
  const title = form.querySelector("#title");
  const format = form.querySelector("#format");
  const token = form.querySelector('input[name="_csrf"]').value;
  const out = document.getElementById("preview-body");
  let timer = null;
  let sequence = 0;

  async function refresh() {
    document.getElementById("preview-title").textContent = title.value;
    const mine = ++sequence;
    try {
      const response = await fetch("/newsroom/pages/preview", {
        method: "POST",
        headers: { "X-CSRF-Token": token, "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8" },
        body: new URLSearchParams({ body: body.value, format: format.value }),
        credentials: "same-origin",
      });
      if (mine !== sequence) return; // a newer request is on its way
      if (!response.ok) {
        out.textContent = "プレビューを表示できませんでした（" + response.status + "）。";
        return;
      }
      out.innerHTML = await response.text(); // sanitized server-side, same as the public page
      out.dataset.rendered = String(mine);
    } catch (e) {
      out.textContent = "プレビューを表示できませんでした。";
    }
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  }

  for (const field of [body, title]) field.addEventListener("input", later);
  format.addEventListener("change", refresh);
  document.getElementById("preview-button").addEventListener("click", refresh);
  refresh();
})();
