// The editor's live preview. The server renders the body with the public page's own Markdown
// code and sanitizer (POST /newsroom/preview, CSRF token in X-CSRF-Token); this file only asks
// and shows. Title and lead are shown as text, never as HTML.
(function () {
  const form = document.getElementById("editor-form");
  if (!form) return;
  const body = form.querySelector("#body");
  const title = form.querySelector("#title");
  const lead = form.querySelector("#lead");
  const token = form.querySelector('input[name="_csrf"]').value;
  const out = document.getElementById("preview-body");
  let timer = null;
  let sequence = 0;

  async function refresh() {
    document.getElementById("preview-title").textContent = title.value;
    document.getElementById("preview-lead").textContent = lead.value;
    const mine = ++sequence;
    try {
      const response = await fetch("/newsroom/preview", {
        method: "POST",
        headers: { "X-CSRF-Token": token, "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8" },
        body: new URLSearchParams({ body: body.value }),
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

  for (const field of [body, title, lead]) field.addEventListener("input", later);
  document.getElementById("preview-button").addEventListener("click", refresh);
  refresh();
})();
