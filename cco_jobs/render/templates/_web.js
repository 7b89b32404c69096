/* The draft page: send the draft (debounced) to the server, show the fragment it renders.
   The fragment is server-rendered with every posting string escaped; this script only
   places it, and the page's Content-Security-Policy allows no other script. */
(function () {
  "use strict";
  const root = document.querySelector(".workspace");
  const analyseUrl = root.dataset.analyseUrl;
  const exampleUrl = root.dataset.exampleUrl;
  const maxBytes = Number(root.dataset.maxBytes);
  const draft = document.getElementById("draft");
  const format = document.getElementById("format");
  const upload = document.getElementById("upload");
  const exampleButton = document.getElementById("example");
  const slot = document.getElementById("report");
  const alertBox = document.getElementById("error");
  const status = document.getElementById("status");
  const size = document.getElementById("size");
  const emptyState = slot.innerHTML;
  const encoder = new TextEncoder();
  const DEBOUNCE_MS = 350;
  let timer = null;
  let inFlight = null;
  let sequence = 0;

  function kilobytes(n) {
    return (n / 1000).toFixed(1).replace(/\.0$/, "") + " kB";
  }
  function setStatus(text, state) { status.textContent = text; status.dataset.state = state; }
  function showError(message) { alertBox.textContent = message; alertBox.hidden = false; }
  function clearError() { alertBox.textContent = ""; alertBox.hidden = true; }
  function updateSize() {
    const bytes = encoder.encode(draft.value).length;
    size.textContent = kilobytes(bytes) + " of " + kilobytes(maxBytes);
    size.classList.toggle("over", bytes > maxBytes);
  }

  function schedule() {
    updateSize();
    clearTimeout(timer);
    timer = setTimeout(analyse, DEBOUNCE_MS);
  }

  async function analyse() {
    clearTimeout(timer);
    const text = draft.value;
    const mine = ++sequence;
    if (inFlight) { inFlight.abort(); }
    if (!text.trim()) {
      inFlight = null;
      clearError();
      slot.innerHTML = emptyState;
      slot.dataset.state = "empty";
      slot.classList.remove("stale");
      setStatus("Waiting for a draft", "idle");
      return;
    }
    inFlight = new AbortController();
    setStatus("Analysing…", "busy");
    let response, body;
    try {
      response = await fetch(analyseUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify({ text: text, format: format.value || null }),
        signal: inFlight.signal,
      });
      body = await response.json().catch(function () {
        return { error: "The server answered " + response.status + " without a report." };
      });
    } catch (err) {
      if (err.name === "AbortError" || mine !== sequence) { return; }
      showError("Cannot reach the cco-jobs server. Is `cco-jobs serve` still running?");
      setStatus("Server unreachable", "error");
      slot.classList.add("stale");
      return;
    }
    if (mine !== sequence) { return; }
    if (!response.ok) {
      showError(body.error || ("The server refused the draft (HTTP " + response.status + ")."));
      setStatus(response.status === 413 ? "Draft too large" : "Not analysed", "error");
      slot.classList.add("stale");
      slot.dataset.state = "error";
      return;
    }
    clearError();
    slot.innerHTML = body.html;
    slot.classList.remove("stale");
    slot.dataset.state = "ready";
    const c = body.report.commitment;
    setStatus("Updated · score " + c.score + " · " + body.report.lines.length + " lines", "ok");
  }

  async function loadFile(file) {
    if (file.size > maxBytes) {
      showError(file.name + " is " + kilobytes(file.size) + "; the draft checker accepts up to "
        + kilobytes(maxBytes) + ". Analyse it with `cco-jobs analyse` instead.");
      setStatus("Draft too large", "error");
      return;
    }
    const name = file.name.toLowerCase();
    format.value = /\.html?$/.test(name) ? "html" : /\.(md|markdown)$/.test(name) ? "markdown"
      : /\.(txt|text)$/.test(name) ? "text" : "";
    draft.value = await file.text();
    updateSize();
    analyse();
  }

  draft.addEventListener("input", schedule);
  format.addEventListener("change", function () { updateSize(); analyse(); });
  upload.addEventListener("change", function () {
    if (upload.files.length) { loadFile(upload.files[0]); }
    upload.value = "";
  });
  exampleButton.addEventListener("click", async function () {
    const response = await fetch(exampleUrl, { headers: { "Accept": "application/json" } });
    if (!response.ok) { showError("The example could not be loaded."); return; }
    const example = await response.json();
    draft.value = example.text;
    format.value = example.format || "";
    updateSize();
    analyse();
  });
  updateSize();
  if (draft.value.trim()) { analyse(); }
})();
