// The review page's keyboard-first client (translator review serve). Hand-written, no dependencies, no build.
// Text from the server is only ever set as textContent, or as the server's own escaped HTML (translation_html).
(function () {
  "use strict";
  var body = document.body;
  var token = document.querySelector('meta[name="review-token"]').content;
  var base = "/doc/" + encodeURIComponent(body.dataset.key) + "/" + encodeURIComponent(body.dataset.lang);
  var rows = Array.prototype.slice.call(document.querySelectorAll("#review tbody tr.row"));
  var current = -1;
  var message = document.getElementById("message");
  var video = document.getElementById("video");
  var overlay = document.getElementById("overlay");
  var find = document.getElementById("find");
  var replace = document.getElementById("replace");
  var onlyFlagged = document.getElementById("only-flagged");
  var flagKind = document.getElementById("flag-kind");
  var flaggedFirst = document.getElementById("flagged-first");
  var reviewer = document.getElementById("reviewer");
  var NAME_KEY = "translator-review-name";
  var UNKNOWN = "machine text after the next run";
  var inOrder = rows.slice();
  var trackVersion = 0;

  function say(text) { message.textContent = text; }
  function visible(tr) { return !tr.hidden; }

  function go(index) {
    if (index < 0 || index >= rows.length) { return; }
    Array.prototype.slice.call(document.querySelectorAll("tr.row.current")).forEach(function (old) {
      old.classList.remove("current");
    });
    current = index;
    var tr = rows[index];
    tr.classList.add("current");
    tr.focus({ preventScroll: true });
    tr.scrollIntoView({ block: "nearest" });
  }
  function step(delta, test) {
    for (var i = current + delta; i >= 0 && i < rows.length; i += delta) {
      if (visible(rows[i]) && (!test || test(rows[i]))) { go(i); return true; }
    }
    return false;
  }
  // The text a save starts from: "" where the row waits for machine text not known here.
  function baseText(tr) {
    var cell = tr.querySelector("td.tgt");
    return cell.classList.contains("unknown") ? "" : cell.textContent;
  }
  function name() { return reviewer.value.trim(); }
  function flagged(tr) { return tr.classList.contains("has-flags"); }
  function currentRow() { return current >= 0 ? rows[current] : null; }

  function request(method, url, data) {
    var init = { method: method, headers: { "X-Review-Token": token }, credentials: "same-origin" };
    if (data !== undefined) {
      data.reviewer = name();
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(data);
    }
    return fetch(url, init).then(function (response) {
      var type = response.headers.get("content-type") || "";
      var read = type.indexOf("json") >= 0 ? response.json() : response.text();
      return read.then(function (payload) { return { status: response.status, payload: payload }; });
    });
  }

  function update(tr, row) {
    tr.dataset.revision = String(row.revision);
    tr.dataset.comment = row.comment;
    tr.dataset.category = row.category;
    tr.dataset.severity = row.severity;
    tr.querySelector("td.tgt").innerHTML = row.translation_html;  // escaped by the server
    tr.querySelector("td.tgt").classList.toggle("unknown", Boolean(row.unknown));
    tr.querySelector("td.status").textContent = row.status;
    var comment = tr.querySelector("td.comment");
    comment.textContent = row.comment;
    if (row.category || row.severity) {
      var kind = document.createElement("span");
      kind.className = "error-kind";
      kind.textContent = row.category + " " + row.severity;
      comment.appendChild(document.createTextNode(" "));
      comment.appendChild(kind);
    }
    ["machine", "approved", "flagged"].forEach(function (s) { tr.classList.toggle(s, s === row.status); });
    refreshTracks();
  }

  function refreshTracks() {
    if (!video) { return; }
    trackVersion += 1;
    var side = document.getElementById("track-side").value;
    Array.prototype.slice.call(video.querySelectorAll("track")).forEach(function (old) {
      var fresh = old.cloneNode(false);
      fresh.src = old.src.split("?")[0] + "?v=" + trackVersion;
      fresh.default = old.label === side;
      old.parentNode.replaceChild(fresh, old);
    });
    showTrack(side);
    setTimeout(function () { showTrack(side); }, 0);  // after the browser's own choice of tracks to show
  }
  function showTrack(side) {
    if (!video) { return; }
    Array.prototype.slice.call(video.querySelectorAll("track")).forEach(function (t) {
      t.track.mode = t.label === side ? "showing" : "disabled";
    });
  }

  function closePanels(tr) {
    Array.prototype.slice.call(tr.querySelectorAll(".panel-row")).forEach(function (p) { p.remove(); });
    var next = tr.nextElementSibling;
    while (next && next.classList.contains("panel")) { var gone = next; next = next.nextElementSibling; gone.remove(); }
  }
  function panel(tr, className) {
    closePanels(tr);
    var holder = document.createElement("tr");
    holder.className = "panel " + className;
    var cell = document.createElement("td");
    cell.colSpan = 8;
    holder.appendChild(cell);
    tr.parentNode.insertBefore(holder, tr.nextSibling);
    return cell;
  }

  function editing() { return document.querySelector("tr.panel.editing"); }

  function edit(tr, focusComment) {
    var cell = panel(tr, "editing");
    cell.appendChild(document.getElementById("editor-template").content.cloneNode(true));
    var text = cell.querySelector(".edit-text");
    text.value = baseText(tr);
    cell.querySelector(".edit-comment").value = tr.dataset.comment || "";
    cell.querySelector(".edit-category").value = tr.dataset.category || "";
    cell.querySelector(".edit-severity").value = tr.dataset.severity || "";
    cell.dataset.revision = tr.dataset.revision;
    cell.dataset.base = baseText(tr);
    (focusComment ? cell.querySelector(".edit-comment") : text).focus();
  }

  function approve(tr, values, revision, baseText) {
    var data = {
      translation: values.translation, comment: values.comment, category: values.category,
      severity: values.severity, revision: Number(revision), base: baseText
    };
    return request("POST", base + "/rows/" + tr.dataset.id + "/approve", data).then(function (answer) {
      return settle(tr, answer, values.translation);
    });
  }

  function settle(tr, answer, yours) {
    if (answer.status === 200) {
      closePanels(tr);
      update(tr, answer.payload);
      say("segment " + tr.dataset.id + ": " + answer.payload.status);
      return true;
    }
    if (answer.status === 409) {
      conflict(tr, answer.payload, yours);
      return false;
    }
    say("segment " + tr.dataset.id + ": " + (typeof answer.payload === "string" ? answer.payload : answer.status));
    return false;
  }

  function values(tr) {
    var open = tr.nextElementSibling;
    if (open && open.classList.contains("editing")) {
      return {
        translation: open.querySelector(".edit-text").value, comment: open.querySelector(".edit-comment").value,
        category: open.querySelector(".edit-category").value, severity: open.querySelector(".edit-severity").value,
        revision: open.querySelector("td").dataset.revision, base: open.querySelector("td").dataset.base
      };
    }
    return {
      translation: baseText(tr), comment: tr.dataset.comment || "", category: tr.dataset.category || "",
      severity: tr.dataset.severity || "", revision: tr.dataset.revision, base: baseText(tr)
    };
  }

  function approveRow(tr) {
    var v = values(tr);
    return approve(tr, v, v.revision, v.base).then(function (done) {
      if (done) { go(rows.indexOf(tr)); step(1); }
      return done;
    });
  }

  function conflict(tr, payload, yours) {
    var now = payload.current;
    var keepValues = values(tr);
    keepValues.translation = yours;
    var cell = panel(tr, "conflict");
    var title = document.createElement("strong");
    title.textContent = "Someone saved this row since you began. Ctrl+Enter: save yours over theirs · Esc: keep theirs";
    var theirs = document.createElement("div");
    theirs.className = "theirs";
    theirs.textContent = now.translation;
    var mine = document.createElement("div");
    mine.className = "yours";
    mine.textContent = yours;
    [title, labelled("Theirs (saved):", theirs), labelled("Yours (not saved):", mine)].forEach(function (n) {
      cell.appendChild(n);
    });
    cell.tabIndex = -1;
    cell.dataset.revision = String(now.revision);
    cell.dataset.base = now.translation;
    cell.focus();
    cell.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        event.stopPropagation();
        approve(tr, keepValues, now.revision, now.translation).then(function () { go(rows.indexOf(tr)); });
      } else if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        closePanels(tr);
        update(tr, now);
        say("segment " + tr.dataset.id + ": kept theirs; yours was: " + yours);
        go(rows.indexOf(tr));
      }
    });
    say("segment " + tr.dataset.id + ": conflict");
  }
  function labelled(text, node) {
    var wrap = document.createElement("div");
    var label = document.createElement("span");
    label.className = "label";
    label.textContent = text + " ";
    wrap.appendChild(label);
    wrap.appendChild(node);
    return wrap;
  }

  function act(tr, action) {
    var data = { revision: Number(tr.dataset.revision), base: baseText(tr) };
    return request("POST", base + "/rows/" + tr.dataset.id + "/" + action, data).then(function (answer) {
      return settle(tr, answer, data.base);
    }).then(function (done) { go(rows.indexOf(tr)); return done; });
  }

  function historyText(text) {
    var node = document.createElement("span");
    node.textContent = text === null ? UNKNOWN : text;
    if (text === null) { node.className = "unknown-text"; }
    return node;
  }
  function historyItem(change) {
    var item = document.createElement("li");
    var when = document.createElement("time");
    if (change.at) {
      when.dateTime = change.at;
      when.textContent = new Date(change.at).toLocaleString();
    } else {
      when.textContent = "time not recorded";
    }
    item.appendChild(when);
    var who = document.createElement("span");
    who.className = "who";
    who.textContent = change.reviewer ? " · " + change.reviewer : "";
    item.appendChild(who);
    item.appendChild(document.createTextNode(change.undo ? " — undone: " : " — "));
    item.appendChild(historyText(change.before));
    item.appendChild(document.createTextNode(" → "));
    item.appendChild(historyText(change.after));
    item.appendChild(document.createTextNode((change.comment ? " (" + change.comment + ")" : "") + " — "
      + change.origin));
    return item;
  }
  function showHistory(tr) {
    request("GET", base + "/rows/" + tr.dataset.id + "/history").then(function (answer) {
      var cell = panel(tr, "history");
      var list = document.createElement("ol");
      (answer.payload || []).forEach(function (change) { list.appendChild(historyItem(change)); });
      if (!list.children.length) { cell.textContent = "No change yet."; } else { cell.appendChild(list); }
    });
  }

  function selectedRows() { return rows.filter(function (tr) { return tr.classList.contains("selected"); }); }

  function approveSelected() {
    var chosen = selectedRows();
    var chain = Promise.resolve(0);
    chosen.forEach(function (tr) {
      chain = chain.then(function (count) {
        var v = values(tr);
        return approve(tr, v, v.revision, v.base).then(function (ok) {
          if (ok) { tr.classList.remove("selected"); }
          return count + (ok ? 1 : 0);
        });
      });
    });
    return chain.then(function (count) { say(count + " of " + chosen.length + " selected rows approved"); });
  }

  function replaceAll() {
    var needle = find.value;
    if (!needle) { say("type what to find first"); return; }
    var chosen = rows.filter(function (tr) { return visible(tr) && baseText(tr).indexOf(needle) >= 0; });
    var chain = Promise.resolve(0);
    chosen.forEach(function (tr) {
      chain = chain.then(function (count) {
        var v = values(tr);
        v.translation = baseText(tr).split(needle).join(replace.value);
        return approve(tr, v, v.revision, v.base).then(function (ok) { return count + (ok ? 1 : 0); });
      });
    });
    chain.then(function (count) { say("replaced in " + count + " translation(s)"); filter(); });
  }

  function filter() {
    var needle = find.value.toLowerCase();
    var kind = flagKind.value;
    var shown = 0;
    rows.forEach(function (tr) {
      var text = (tr.querySelector("td.src").textContent + "\n" + baseText(tr)).toLowerCase();
      var hide = (needle && text.indexOf(needle) < 0) || (onlyFlagged.checked && !flagged(tr))
        || (kind && (" " + (tr.dataset.flags || "")).indexOf(" " + kind + " ") < 0);
      tr.hidden = Boolean(hide);
      if (!hide) { shown += 1; }
    });
    document.getElementById("shown").textContent = shown + " of " + rows.length + " rows";
    // Flagged rows first when filtering by flags, in their order.
    if (current >= 0 && rows[current].hidden) { current = -1; step(1); }
  }

  function order() {
    // Flagged rows first (each group in document order), or back to document order.
    var keep = currentRow();
    var sorted = inOrder.slice();
    if (flaggedFirst.checked) {
      sorted = inOrder.filter(flagged).concat(inOrder.filter(function (tr) { return !flagged(tr); }));
    }
    var tbody = document.querySelector("#review tbody");
    sorted.forEach(function (tr) { closePanels(tr); tbody.appendChild(tr); });
    rows = sorted;
    current = -1;
    if (keep) { go(rows.indexOf(keep)); }
  }

  function seek(tr) {
    if (video && tr.dataset.start !== undefined) { video.currentTime = Number(tr.dataset.start) / 1000; }
  }

  function toggleOverlay(show) {
    overlay.hidden = !show;
    if (show) { overlay.focus(); } else if (currentRow()) { go(current); }
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var key = event.key;
    if (!overlay.hidden) {
      if (key === "Escape" || key === "?") { event.preventDefault(); toggleOverlay(false); }
      return;
    }
    var open = editing();
    if (open && open.contains(target)) {
      var owner = open.previousElementSibling;
      if (key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); approveRow(owner); }
      else if (key === "Escape") { event.preventDefault(); closePanels(owner); go(rows.indexOf(owner)); }
      return;
    }
    if (target === find || target === replace || target === flagKind || target === reviewer) {
      if (key === "Enter" || key === "Escape") {
        event.preventDefault();
        filter();
        if (current < 0 || rows[current].hidden) { current = -1; step(1); } else { go(current); }
      }
      return;
    }
    if (target.closest && target.closest("tr.panel")) { return; }
    if (event.altKey || (event.ctrlKey && key !== "Enter") || event.metaKey) { return; }
    var tr = currentRow();
    var handled = true;
    if (key === "j" || key === "ArrowDown") { if (!step(1) && current < 0) { step(1); } }
    else if (key === "k" || key === "ArrowUp") { step(-1); }
    else if (key === "g") { current = -1; step(1); }
    else if (key === "G") { current = rows.length; step(-1); }
    else if (key === "n") { if (!step(1, flagged)) { say("no flagged row below"); } }
    else if (key === "N") { if (!step(-1, flagged)) { say("no flagged row above"); } }
    else if (key === "?") { toggleOverlay(true); }
    else if (key === "/") { find.focus(); find.select(); }
    else if (key === "R") { replace.focus(); }
    else if (key === "f") { onlyFlagged.checked = !onlyFlagged.checked; filter(); }
    else if (key === "F") { flaggedFirst.checked = !flaggedFirst.checked; order(); }
    else if (key === "A") { approveSelected(); }
    else if (key === "d") { document.getElementById("notes").click(); }
    else if (!tr) { handled = false; }
    else if (key === "Enter" && event.ctrlKey) { approveRow(tr); }
    else if (key === "Enter" || key === "e") { edit(tr, false); }
    else if (key === "c") { edit(tr, true); }
    else if (key === "x" || key === " ") { tr.classList.toggle("selected"); }
    else if (key === "r") { act(tr, "reject"); }
    else if (key === "u") { act(tr, "undo"); }
    else if (key === "h") { showHistory(tr); }
    else if (key === "p") { seek(tr); if (video) { video.play().catch(function () { return null; }); } }
    else if (key === "Escape") { closePanels(tr); }
    else { handled = false; }
    if (handled) { event.preventDefault(); }
  });

  document.getElementById("review").addEventListener("click", function (event) {
    var tr = event.target.closest("tr.row");
    if (!tr) { return; }
    go(rows.indexOf(tr));
    seek(tr);
  });
  [find, onlyFlagged, flagKind].forEach(function (input) { input.addEventListener("input", filter); });
  onlyFlagged.addEventListener("change", filter);
  flaggedFirst.addEventListener("change", order);
  flagKind.addEventListener("change", filter);
  document.getElementById("replace-all").addEventListener("click", replaceAll);
  replace.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); event.stopPropagation(); replaceAll(); }
  });
  document.getElementById("help").addEventListener("click", function () { toggleOverlay(true); });
  try { reviewer.value = localStorage.getItem(NAME_KEY) || ""; } catch (e) { reviewer.value = ""; }
  reviewer.addEventListener("input", function () {
    try { localStorage.setItem(NAME_KEY, name()); } catch (e) { say("your name is sent but not kept: " + e); }
  });
  var sideChoice = document.getElementById("track-side");
  if (sideChoice) { sideChoice.addEventListener("change", function () { showTrack(sideChoice.value); }); }
  if (video) { showTrack("translation"); }
  if (rows.length) { go(0); }
  body.classList.add("ready");
})();
