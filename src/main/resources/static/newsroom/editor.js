// The editors' live preview, for articles and fixed pages. The server renders the body as the
// public page will (the form's data-preview URL: POST /newsroom/preview or
// /newsroom/pages/preview; the same Markdown code and sanitizer; CSRF token in X-CSRF-Token);
// this file only asks and shows. Title and lead are shown as text, never as HTML.
(function () {
  const form = document.querySelector("form[data-preview]");
  if (!form) return;
  const body = form.querySelector("#body");
  const title = form.querySelector("#title");
  const lead = form.querySelector("#lead"); // articles only
  const format = form.querySelector("#format"); // fixed pages only: markdown or html
  const token = form.querySelector('input[name="_csrf"]').value;
  const out = document.getElementById("preview-body");
  let timer = null;
  let sequence = 0;

  async function refresh() {
    document.getElementById("preview-title").textContent = title.value;
    if (lead) document.getElementById("preview-lead").textContent = lead.value;
    const fields = { body: body.value };
    if (format) fields.format = format.value;
    const mine = ++sequence;
    try {
      const response = await fetch(form.dataset.preview, {
        method: "POST",
        headers: { "X-CSRF-Token": token, "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8" },
        body: new URLSearchParams(fields),
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

  for (const field of [body, title, lead]) if (field) field.addEventListener("input", later);
  if (format) format.addEventListener("change", refresh);
  document.getElementById("preview-button").addEventListener("click", refresh);
  refresh();
})();
