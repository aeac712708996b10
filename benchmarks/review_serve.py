"""Benchmark: `translator review serve` on a film-length document (issue #28).

```bash
. .venv/bin/activate && python -m benchmarks.review_serve --cues 2000     # from the repository root; needs chromium
```

A result (S.json) of N cues, every one translated, one in ten flagged and one in five with a glossary term, is
written with a fresh memory beside it: what the server reads is exactly what a run leaves, without spending
minutes translating. The server runs on loopback in this process; Debian's chromium, driven by Playwright,
measures what a reviewer waits for:

- **first paint**: from navigation to the page's first byte, its first contentful paint, and its being ready for
  keys (its script has run over every row), and a real key (`j`) pressed then and handled (an upper bound: it
  includes Playwright's round trips), each the fastest of `--loads` loads in fresh browser contexts;
- **approve round trip**: the page's own `fetch` of an approval, from sending to the answer (checked, stored,
  committed, the row rendered back), `--saves` times one after another: the median and the 95th percentile.

Targets (issue #28): first paint under 1 s for 2,000 cues, an approval under 100 ms on loopback.
"""

from __future__ import annotations

import argparse
import statistics
from typing import Any

from playwright.sync_api import sync_playwright

from benchmarks.review_server import CHROMIUM, CHROMIUM_ARGS, running_film
from translator.document import Document, GlossaryHit, Segment, Timing, Translation

WORDS = ("the interview was recorded in Kyiv and Moscow while the war went on and Europe was watching "
         "what the friends of Ruslan Aysin said about sanctions propaganda and the talks in Washington").split()


def film(cues: int) -> Document:
    """N cues of 4–12 words, two seconds each, translated into Ukrainian."""
    segments = []
    for number in range(1, cues + 1):
        words = [WORDS[(number * 7 + k * 3) % len(WORDS)] for k in range(4 + number % 9)]
        text = " ".join(words).capitalize() + "."
        segment = Segment(number, "cue", text, lang="en", sentences=[text],
                          timing=Timing(number * 2000, number * 2000 + 1800),
                          translations={"uk": Translation(f"Переклад {number}: {text}", [text], [(0, 0)])})
        if number % 10 == 0:
            segment.flag("cps", "17 characters a second exceeded (21.4)", "uk")
        if number % 5 == 0:
            segment.glossary.append(GlossaryHit("Aysin", "Aysin", "Айсін", "uk", "pinned"))
        segments.append(segment)
    return Document("film.en.srt", "srt", segments, lang="en", targets=["uk"])


def measure(url: str, loads: int, saves: int, browser: Any = None) -> dict[str, Any]:
    """The figures, in `browser` (a Playwright chromium), else in a chromium started for them."""
    if browser is None:
        assert CHROMIUM is not None, "chromium is not installed (apt-get install -y chromium)"
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return measure(url, loads, saves, launched)
            finally:
                launched.close()
    paints, readies, firsts, keys = [], [], [], []
    for _ in range(loads):
        page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        page.goto(f"{url}/doc/film/uk")
        page.wait_for_selector("body.ready")
        page.keyboard.press("j")  # a real key, as soon as the page says it is ready: handled once row 2 is current
        page.wait_for_selector("#s2.current")
        keys.append(page.evaluate("() => performance.now()"))
        timing = page.evaluate("""() => {
            const paint = performance.getEntriesByName('first-contentful-paint')[0];
            return [paint ? paint.startTime : null, performance.now()]; }""")
        nav = page.evaluate("() => { const n = performance.getEntriesByType('navigation')[0];"
                            " return [n.responseStart, n.domContentLoadedEventEnd]; }")
        firsts.append(nav[0])
        ready = nav[1]
        paints.append(timing[0])
        readies.append(ready)
        rows = page.evaluate("() => document.querySelectorAll('#review tbody tr.row').length")
        page.context.close()
    page = browser.new_context().new_page()
    page.goto(f"{url}/doc/film/uk")
    page.wait_for_selector("body.ready")
    times = page.evaluate("""async (saves) => {
        const token = document.querySelector('meta[name="review-token"]').content;
        const out = [];
        for (let i = 0; i < saves; i++) {
            const tr = document.querySelector('#s' + (i + 1));
            const body = JSON.stringify({translation: 'Схвалено ' + i, comment: '', category: '', severity: '',
                                         revision: Number(tr.dataset.revision),
                                         base: tr.querySelector('td.tgt').textContent});
            const start = performance.now();
            const answer = await fetch(location.pathname + '/rows/' + (i + 1) + '/approve', {method: 'POST',
                headers: {'Content-Type': 'application/json', 'X-Review-Token': token}, body: body});
            const row = await answer.json();
            out.push(performance.now() - start);
            if (row.status !== 'approved') { throw new Error('not approved: ' + JSON.stringify(row)); }
        }
        return out; }""", saves)
    ordered = sorted(times)
    return {"rows": rows, "first_byte_ms": min(firsts), "first_paint_ms": min(p for p in paints if p is not None),
            "ready_ms": min(readies), "first_key_ms": min(keys),
            "approve_median_ms": statistics.median(times), "approve_p95_ms": ordered[int(0.95 * (len(ordered) - 1))]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cues", type=int, default=2000)
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--saves", type=int, default=100)
    args = parser.parse_args()
    with running_film(film(args.cues)) as url:
        result = measure(url, args.loads, args.saves)
    print(f"{result['rows']} cues: first byte {result['first_byte_ms']:.0f} ms, first contentful paint "
          f"{result['first_paint_ms']:.0f} ms, ready for keys "
          f"{result['ready_ms']:.0f} ms, first key handled by {result['first_key_ms']:.0f} ms "
          f"(fastest of {args.loads} loads; target < 1000 ms)")
    print(f"approve round trip over {args.saves} saves: median {result['approve_median_ms']:.1f} ms, "
          f"95th percentile {result['approve_p95_ms']:.1f} ms (target < 100 ms)")


if __name__ == "__main__":
    main()
