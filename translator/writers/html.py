"""`S.SRC-L.html`: one self-contained review page, source and translation side by side, sentence by sentence.

No network and no external asset: CSS and the filter script are inline, and a Content-Security-Policy forbids
every fetch, so the page looks the same offline, in a mail attachment or years later. Every text from the input
goes through `html.escape`, so a transcript line holding `<script>` is shown as text. Glossary terms are marked
on both sides (`<mark>`, a missed term in red); each row lists its flags; the "only flagged rows" box hides the
rest, and a `#flagged` fragment in the address ticks it on load.
"""

from __future__ import annotations

import re
from html import escape

from translator.document import GENERATOR, LANGUAGES, Document, GlossaryHit, Segment, document_key
from translator.review_model import STATUSES, ReviewRow
from translator.timecode import format_timestamp
from translator.writers.language import source_language
from translator.writers.review_rows import sentence_pairs
from translator.writers.views import Views

_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#1d1d1f}
h1{font-size:1.3em;margin:0 0 .3em}
.bar{position:sticky;top:0;background:#fff;padding:.4em 0;border-bottom:1px solid #ccc;z-index:2}
.bar label{margin-right:1.5em}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left;overflow-wrap:anywhere}
thead th{background:#f2f2f2}
col.id{width:5em}col.speaker{width:9em}col.notes{width:16em}
tbody.seg{border-top:2px solid #999}
tbody.flagged .notes{background:#fff4d6}
tbody.approved .notes{background:#e4f6e4}
td.flag-here{box-shadow:inset 3px 0 #e0a800}
th small{display:block;font-weight:normal;color:#666;white-space:nowrap}
mark{background:#d8ecff;border-radius:2px}
mark.missed{background:#ffd0d0}
ul.flags{margin:0;padding-left:1.1em}
.status{font-weight:bold;text-transform:uppercase;font-size:.75em;color:#555}
.text{white-space:pre-wrap}
""".strip()

_SCRIPT = """
(function () {
  var box = document.getElementById("only-flagged");
  var rows = document.querySelectorAll("tbody.seg");
  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      row.hidden = box.checked && !row.classList.contains("flagged");
      if (!row.hidden) { shown += 1; }
    });
    document.getElementById("shown").textContent = shown + " of " + rows.length + " segments shown";
  }
  box.checked = box.checked || location.hash === "#flagged";
  box.addEventListener("change", apply);
  apply();
})();
""".strip()

# Control characters (C0 but tab and line ends, DEL, C1 such as U+0080/U+0094 from mis-decoded text) are not
# allowed in HTML text; each becomes U+FFFD, so a reviewer still sees that something was there.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


def marked(text: str, terms: dict[str, GlossaryHit], side: str) -> str:
    """Escaped text with every glossary term in `terms` (keyed by its lower-cased form) wrapped in <mark>.

    Matching ignores case and needs a word start, not a word end, so inflected forms (`Айсіна`) are found.
    """
    if not terms:
        return escape(text)
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)) + ")",
        re.IGNORECASE,
    )
    out, position = [], 0
    for match in pattern.finditer(text):
        hit = terms.get(match.group().lower())
        if hit is None:  # a case-folding oddity (ß, İ): the term matched but its lower form differs
            continue
        doubt = f" ({hit.status})" if hit.status != "pinned" else ""
        title = f"glossary: {hit.source_text} → {hit.target_text}{doubt}"
        out.append(escape(text[position:match.start()]))
        css = "missed" if hit.status == "missed" and side == "source" else "term"
        out.append(f'<mark class="{css}" title="{escape(title)}">{escape(match.group())}</mark>')
        position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)


def glossary_terms(segment: Segment, lang: str) -> tuple[dict[str, GlossaryHit], dict[str, GlossaryHit]]:
    """Glossary hits for this language by their source form and, when pinned, by their target form."""
    hits = [hit for hit in segment.glossary if hit.lang == lang]
    source = {hit.source_text.lower(): hit for hit in hits if hit.source_text.strip()}
    target = {hit.target_text.lower(): hit for hit in hits if hit.status == "pinned" and hit.target_text.strip()}
    return source, target


def _notes(segment: Segment, lang: str, status: str) -> str:
    flags = segment.flags_for(lang)
    items = "".join(
        f'<li data-code="{escape(flag.code)}" title="{escape(flag.code)}">{escape(flag.message)}</li>' for flag in flags
    )
    translation = segment.translations.get(lang)
    comment = translation.comment if translation is not None else ""
    return (f'<span class="status">{status}</span>'
            + (f'<p class="comment">{escape(comment)}</p>' if comment else "")
            + (f'<ul class="flags">{items}</ul>' if items else ""))


def _segment_rows(segment: Segment, row: ReviewRow, src: str, lang: str) -> str:
    flagged = bool(segment.flags_for(lang))
    classes = " ".join(["seg", row.status] + (["flagged"] if flagged and row.status != "flagged" else []))
    source_terms, target_terms = glossary_terms(segment, lang)
    source_mark = " flag-here" if any(f.lang is None for f in segment.flags) else ""
    target_mark = " flag-here" if any(f.lang == lang for f in segment.flags) else ""
    pieces = sentence_pairs(segment, lang)
    span = f' rowspan="{len(pieces)}"' if len(pieces) > 1 else ""
    clock, timing = "", segment.timing
    if timing and not timing.estimated:  # a transcript's estimated times would only distract
        clock = "".join(f"<small>{format_timestamp(ms, '.')}</small>" for ms in (timing.start_ms, timing.end_ms))
    lines = []
    for number, (source, target) in enumerate(pieces):
        cells = (
            f'<td class="text src{source_mark}" lang="{src}">{marked(source, source_terms, "source")}</td>'
            f'<td class="text tgt{target_mark}" lang="{lang}">{marked(target, target_terms, "target")}</td>'
        )
        if number == 0:
            cells = (f'<th scope="row"{span}>{row.id}{clock}</th><td class="speaker"{span}>{escape(row.speaker)}</td>'
                     + cells + f'<td class="notes"{span}>{_notes(segment, lang, row.status)}</td>')
        lines.append(f"<tr>{cells}</tr>")
    return f'<tbody id="s{row.id}" class="{classes}">\n' + "\n".join(lines) + "\n</tbody>"


def render(doc: Document, lang: str, views: Views) -> bytes:
    src = source_language(doc)
    src_name, lang_name = LANGUAGES.get(src, src), LANGUAGES.get(lang, lang)
    title = escape(f"{document_key(doc)}: {src_name} → {lang_name}")
    rows = views.rows
    statuses = [row.status for row in rows]
    summary = ", ".join(f"{statuses.count(status)} {status}" for status in STATUSES)
    body = "\n".join(_segment_rows(segment, row, src, lang) for segment, row in zip(doc.segments, rows))
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="{GENERATOR}">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
{_STYLE}
</style>
</head>
<body>
<h1>{title}</h1>
<div class="bar">
<label><input type="checkbox" id="only-flagged"> only flagged rows</label>
<output id="shown">{len(doc.segments)} segments</output> · {summary}
</div>
<table id="review">
<colgroup><col class="id"><col class="speaker"><col><col><col class="notes"></colgroup>
<thead><tr><th>#</th><th>Speaker</th><th>{escape(src_name)}</th><th>{escape(lang_name)}</th><th>Flags</th></tr></thead>
{body}
</table>
<script>
{_SCRIPT}
</script>
</body>
</html>
"""
    return _CONTROL.sub("\ufffd", page).encode("utf-8")
