"""Pinning glossary terms through machine translation, which has no constrained decoding.

Before translation each occurrence is replaced by its glossary form in the target language (the placeholder):
models copy a name in a script or spelling they do not translate, and a Russian or Ukrainian decoder may
even inflect it. After translation every occurrence is looked for in the output, in any case and in any of
the entry's spellings (the model may have kept the placeholder, inflected it, transliterated it back, or
spelt it its own way), rewritten in the glossary's form in the case the sentence needs, and reported
pinned. When the model translated the name into some other word, the attention alignment (if the caller has
one) locates that word instead (see attention.py); the rewritten text is then searched again, and the
attention's spans are kept only if every pinned occurrence is found in it. An occurrence not found is
reported missed, never left silently wrong.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from translator.document import GlossaryHit, GlossaryStatus
from translator.glossary.attention import attend
from translator.glossary.context import Evidence, Name, governed
from translator.glossary.fuzzy import find_spelt
from translator.glossary.government import DIRECTIONAL
from translator.glossary.grammar import Choice, choose_case, english_hint, source_case, word_before
from translator.glossary.match import LOOSE, Match, find_renderings, find_terms
from translator.glossary.model import Glossary
from translator.glossary.morph import PhraseReading, read_phrase
from translator.glossary.nominative import Decision, decide, is_personal, undeclined_as_a_womans
from translator.glossary.paradigm import INFLECTED, any_form, is_fixed, lemmas, plural_of
from translator.glossary.profile import Profile, entry_profile
from translator.morphology import parse
from translator.spans import AlignedTranslation, Span

_POSSESSIVE = re.compile(r"['’]s(?!\w)")
# Protected texts and their translations → how each translation aligns to its protected text.
Aligner = Callable[[list[str], list[str]], list[AlignedTranslation]]


@dataclass(frozen=True)
class Occurrence:
    """One term occurrence in a source sentence and what it was replaced with."""

    entry: int
    source_text: str
    placeholder: str
    span: Span  # where the placeholder is in the protected text
    source_cases: frozenset[str]  # the case a Russian/Ukrainian source shows
    hints: tuple[str, ...]  # cases an English source suggests


@dataclass(frozen=True)
class Protected:
    """A source sentence ready for the engine into `tgt`: `text` is what to translate."""

    text: str
    tgt: str
    occurrences: tuple[Occurrence, ...]


def written(glossary: Glossary, entry: int, lang: str, case: str = "nomn", prefer: frozenset[str] = frozenset()) -> str:
    """An entry's glossary form for `lang`, inflected to `case` where the language inflects and the form is
    not a kept one; `prefer` picks among a case's variants (the words the model wrote)."""
    item = glossary.entries[entry]
    form = item.written(lang)
    if form is None:
        raise ValueError(f"glossary entry '{item.label}' has no {lang} form")
    if lang not in INFLECTED or item.keep or case == "nomn":
        return form
    return phrase_reading(glossary, entry, lang).inflect(case, prefer)


def profile(glossary: Glossary, entry: int) -> Profile:
    """Person, place or thing, gender and locative usage of an entry, from its written forms and note."""
    item = glossary.entries[entry]
    forms = [(lang, form) for lang in INFLECTED if (form := item.written(lang)) and not item.keep]
    return glossary.memo(("profile", entry), lambda: entry_profile(forms, item.note))


def phrase_reading(glossary: Glossary, entry: int, lang: str) -> PhraseReading:
    """How an entry's written `lang` form inflects, worked out once."""
    form = glossary.entries[entry].written(lang) or ""
    return glossary.memo(("reading", entry, lang), lambda: read_phrase(form, lang, profile(glossary, entry)))


def protect(glossary: Glossary, text: str, src: str, tgt: str) -> Protected:
    """Replace every occurrence of a term that has a `tgt` form by that form (in the source's case when both
    languages inflect), remembering what the source said about its case."""
    pieces: list[str] = []
    occurrences: list[Occurrence] = []
    position = 0
    for found in find_terms(glossary, text, src, tgt):
        preposition = word_before(text, found.start)
        case = source_case(src, preposition, found.cases) if src in INFLECTED else "nomn"
        if tgt == "ru" and case == "loct" and preposition in DIRECTIONAL:
            case = "loc2"  # у Криму → в Крыму: the place's own locative after в/на
        cases = frozenset({case}) if src in INFLECTED else frozenset()
        hints = english_hint(text, found.start, found.end) if src == "en" else ()
        if src == "en" and re.match(r"\s+(?!and\b|or\b)[a-z]", text[found.end:]):
            hints += ("attributive",)  # "Istanbul cafes": the translation may make an adjective of the name
        placeholder = written(glossary, found.entry, tgt, case)
        pieces.append(text[position : found.start])
        start = sum(map(len, pieces))
        pieces.append(placeholder)
        position = found.end
        span = (start, start + len(placeholder))
        occurrences.append(Occurrence(found.entry, found.text, placeholder, span, cases, hints))
    pieces.append(text[position:])
    return Protected("".join(pieces), tgt, tuple(occurrences))


def pin_name(glossary: Glossary, name: str, src: str, tgt: str) -> str | None:
    """A speaker name that is wholly one term, in its `tgt` glossary form ("Aysin" → "Айсін"); else None."""
    name = name.strip()
    found = find_terms(glossary, name, src, tgt)
    if len(found) == 1 and (found[0].start, found[0].end) == (0, len(name)):
        return written(glossary, found[0].entry, tgt)
    return None


def _known_lemmas(glossary: Glossary, entry: int, lang: str) -> frozenset[str]:
    def build() -> frozenset[str]:
        words = {w for _, form in glossary.entries[entry].all_forms() for w in form.split(" ")}
        known = {w.lower() for w in words}
        if lang in INFLECTED:
            known |= {lemma for w in words for lemma in lemmas(w, lang)}
        return frozenset(known)

    return glossary.memo(("lemmas", entry, lang), build)


def _locate(glossary: Glossary, occurrences: tuple[Occurrence, ...], text: str, tgt: str) -> list[Match | None]:
    """A span of the translation for each occurrence, in order: exact renderings first, then the spellings most
    like one of the entry's forms; occurrences of one entry take its spans in text order."""
    wanted = Counter(o.entry for o in occurrences)
    renderings = find_renderings(glossary, text, set(wanted))
    # the original spelling in brackets after the name (Барри Гордон (Barry Gordon)) is left as it is, and is
    # the name's span only where the translation shows it nowhere else
    originals = [m for m in renderings if _bracketed_original(text, m)]
    taken = [m for m in renderings if m not in originals]
    for entry in sorted(wanted):
        need = wanted[entry] - sum(m.entry == entry for m in taken)
        if need <= 0:
            continue
        forms = [f for _, f in glossary.entries[entry].all_forms()]
        spelt = find_spelt(text, entry, forms, _known_lemmas(glossary, entry, tgt), tgt)
        spelt = [m for m in spelt if not _bracketed_original(text, m)] + [
            m for m in originals if m.entry == entry]
        for m in sorted(spelt, key=lambda m: (m in originals, -m.score, m.start)):
            blocking = [t for t in taken if not (m.end <= t.start or m.start >= t.end)]
            if need and not blocking:
                taken.append(m)
                need -= 1
            elif need and _spare(blocking, m, taken, wanted):
                # the spelling covers exact renderings another entry has to spare (Сырбу in Евгэния Георгиевна
                # Сырбу, where the surname alone occurs once): it is the longer name's
                for t in blocking:
                    taken.remove(t)
                taken.append(m)
                need -= 1
        need = wanted[entry] - sum(m.entry == entry for m in taken)
        attributive = any("attributive" in o.hints for o in occurrences if o.entry == entry)
        for found in re.finditer(r"[^\W\d_][\w'’-]*", text) if need > 0 and attributive and tgt in INFLECTED else ():
            initial = not text[: found.start()].strip() or text[: found.start()].rstrip()[-1] in ".!?…"
            if need and derived(glossary, entry, tgt, found.group(), initial) and all(
                found.end() <= t.start or found.start() >= t.end for t in taken
            ):
                taken.append(Match(entry, found.start(), found.end(), found.group()))
                need -= 1
    queues = {e: sorted((m for m in taken if m.entry == e), key=lambda m: m.start) for e in wanted}
    return [queues[o.entry].pop(0) if queues[o.entry] else None for o in occurrences]


def _bracketed_original(text: str, span: Match) -> bool:
    """A span of Latin words in brackets of Latin words: the original spelling a writer adds after the name
    (Корло Пеллион ди Пэрсано (Carlo Pellion di Persano))."""
    latin = re.fullmatch(r"[A-Za-z][A-Za-z\s.'’-]*", span.text) is not None
    return latin and re.search(r"\([A-Za-z\s.'’-]*$", text[:span.start]) is not None


def _spare(blocking: list[Match], span: Match, taken: list[Match], wanted: Counter[int]) -> bool:
    """Whether every match in `blocking` lies inside `span`, is another entry's, and that entry has more matches
    than occurrences even without all of them."""
    inside = all(span.start <= t.start and t.end <= span.end and t.entry != span.entry for t in blocking)
    lost = Counter(t.entry for t in blocking)
    return inside and all(sum(t.entry == e for t in taken) - n >= wanted[e] for e, n in lost.items())


_DEMONYM = ("ці", "цы", "ець", "ец", "яне", "яни", "янин", "янка", "чани", "чане", "чанин", "чанка")


def derived(glossary: Glossary, entry: int, lang: str, word: str, initial: bool = True) -> bool:
    """Whether `word` is an adjective or a demonym made from the entry's name (стамбульские, газпромовский,
    київські, українці): the translation's own word for "Istanbul cafes", never rewritten into the name.
    Written with a capital, it counts only where a sentence may start (`initial`): elsewhere it is a name."""
    form = (glossary.entries[entry].written(lang) or "").split(" ")[-1].lower()
    low = word.lower()
    if word[:1].isupper() and not initial:
        return False
    if " " in word or len(form) < 4 or not low.startswith(form[: max(3, len(form) - 2)]):
        return False
    if low in any_form(form, lang):
        return False
    first = parse(word, lang)[0]
    return first.tag.POS in ("ADJF", "ADJS") or low.endswith(_DEMONYM)


def restore(
    glossary: Glossary, protected: Protected, translated: str, tgt: str, alignment: AlignedTranslation | None = None
) -> tuple[str, list[GlossaryHit]]:
    """The translation with every occurrence in its glossary form, in the case the sentence needs, and one
    GlossaryHit per occurrence: pinned, or missed when the translation shows no trace of the term. With the
    `alignment` of `translated` to the protected text, a missed occurrence is looked for through the attention."""
    if tgt != protected.tgt:
        raise ValueError(f"sentence protected for {protected.tgt}, restored as {tgt}")
    located = _locate(glossary, protected.occurrences, translated, tgt)
    text, hits = _rewrite(glossary, protected, translated, tgt, located)
    if alignment is None or all(hit.status != "missed" for hit in hits):
        return text, hits
    if alignment.text != translated:
        raise ValueError("the alignment is of another translation")
    placeholders = [(o.entry, o.span) for o in protected.occurrences]
    attended = attend(protected.text, placeholders, located, alignment, tgt)
    if attended == located:
        return text, hits
    checked = _rewrite(glossary, protected, translated, tgt, attended)
    return checked if _verified(glossary, protected, *checked) else (text, hits)


def restore_all(
    glossary: Glossary, protected: list[Protected], translated: list[str], tgt: str, align: Aligner
) -> list[tuple[str, list[GlossaryHit]]]:
    """`restore` for many sentences; those with a missed occurrence are aligned in one call of `align`
    (protected texts, translations → alignments: the engine's second pass) and restored again with it."""
    restored = [restore(glossary, p, t, tgt) for p, t in zip(protected, translated)]
    missed = [i for i, (_, hits) in enumerate(restored) if any(hit.status == "missed" for hit in hits)]
    if missed:
        alignments = align([protected[i].text for i in missed], [translated[i] for i in missed])
        for i, alignment in zip(missed, alignments):
            restored[i] = restore(glossary, protected[i], translated[i], tgt, alignment)
    return restored


def _verified(glossary: Glossary, protected: Protected, text: str, hits: list[GlossaryHit]) -> bool:
    """Whether the rewritten text shows every occurrence reported pinned, when searched afresh."""
    found = Counter(m.entry for m in _locate(glossary, protected.occurrences, text, protected.tgt) if m)
    pinned = Counter(o.entry for o, hit in zip(protected.occurrences, hits) if hit.status != "missed")
    return not pinned - found


def _rewrite(
    glossary: Glossary, protected: Protected, translated: str, tgt: str, spans: list[Match | None]
) -> tuple[str, list[GlossaryHit]]:
    """Each found span replaced by its occurrence's glossary form in the case the sentence needs; names are
    decided left to right, so that a coordinated name can take its first conjunct's case."""
    edits: list[tuple[int, int, str, int]] = []
    hits: dict[int, GlossaryHit] = {}
    decided: dict[int, str] = {}
    for k in sorted(range(len(spans)), key=lambda k: (spans[k] or Match(-1, -1, -1, "")).start):
        occurrence, span = protected.occurrences[k], spans[k]
        label = glossary.entries[occurrence.entry].label
        if span is None:
            hits[k] = GlossaryHit(label, occurrence.source_text, "", tgt, "missed")
            continue
        form, sure, end = _inflected(glossary, occurrence, span, translated, tgt, decided)
        form = _capitals_as_shown(translated[span.start:end], form)
        edits.append((span.start, end, form, k))
        status: GlossaryStatus = ("kept" if translated[span.start:end] == form else "pinned") if sure else "uncertain"
        hits[k] = GlossaryHit(label, occurrence.source_text, form, tgt, status)
    text, shift = translated, 0
    for start, end, form, k in sorted(edits):
        hits[k].span = (start + shift, start + shift + len(form))  # where the form is in the rewritten text
        shift += len(form) - (end - start)
    for start, end, form, _ in sorted(edits, reverse=True):
        text = text[:start] + form + text[end:]
    return text, [hits[k] for k in range(len(spans))]


def _capitals_as_shown(shown: str, form: str) -> str:
    """The form in capitals where the text writes the name in capitals (a heading: СОН НА ВОЛГЕ), not an
    abbreviation the glossary writes so."""
    return form.upper() if shown.isupper() else form


def _fold(text: str) -> str:
    """A word as spelt for comparing: lower case, е for ё, one apostrophe (О'Райлі and О’Райлі are one name)."""
    return text.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")


def _animacy_unknown(glossary: Glossary, entry: int, lang: str, who: Profile, person: bool) -> bool:
    """Whether the entry's accusative hangs on an animacy nothing tells: no person, no place, a last word the
    dictionary does not know as a thing (Газпром, Эрмитаж are), and an accusative written as its nominative, a
    thing's (Дамблдор, a masculine in a consonant: a being's would be Дамблдора)."""
    nominative = written(glossary, entry, lang)
    if person or who.kind != "thing" or _a_known_thing(nominative.split(" ")[-1], lang):
        return False
    return written(glossary, entry, lang, "accs") == nominative


def _a_known_thing(word: str, lang: str) -> bool:
    """The dictionary knows the word, first of all, as an inanimate noun (Газпром, дім)."""
    return any(p.is_known and p.tag.animacy == "inan" for p in parse(word, lang)[:1])


_RELATIVE = re.compile(r"\s*,\s*(?:(котор(?:ая|ой|ую|ою)|котр(?:а|ої|ій|у|ою)|як(?:а|ої|ій|у|ою))|"
                       r"(котор(?:ый|ого|ому)|котр(?:ий|ого|ому)|як(?:ий|ого|ому)))(?![\w-])")


def _relative_gender(text: str, end: int) -> str | None:
    """The gender a relative pronoun right after the name gives it (Флоренс Гаррард, которая: femn), or None
    (none there, or a plural or a form two genders share: которым)."""
    found = _RELATIVE.match(text, end)
    return None if not found else "femn" if found.group(1) else "masc"


# Titles that say a man or a woman (not president, депутат: a man's word for anyone).
_TITLES_OF = {
    "masc": frozenset("господин г-н мистер сэр пан містер".split()),
    "femn": frozenset("госпожа г-жа миссис мисс пани леди пані місіс міс леді".split()),
}


def _title_gender(text: str, start: int, lang: str) -> str | None:
    """The gender a title right before the name gives it (господином Гаррард: masc, пані Гаррард: femn)."""
    before = re.search(r"([^\W\d_][\w'’-]*) $", text[:start])
    lemmas = {p.normal_form for p in parse(before.group(1), lang)[:2]} if before else set()  # пане: пан, паня
    return next((gender for gender, titles in _TITLES_OF.items() if lemmas & titles), None)


def gender_unknown(glossary: Glossary, entry: int, lang: str) -> bool:
    """Whether the entry's oblique cases hang on a gender nothing tells: a person's name in a consonant, which
    declines as a man's and is written as it is as a woman's, with no note (he, she), first name of one gender,
    gendered surname (Зеленський) or surname the dictionary knows (Меркель, Трамп) saying which."""
    who = profile(glossary, entry)
    nominative = written(glossary, entry, lang)
    last = nominative.split(" ")[-1]
    person = who.person or (who.kind == "thing" and not _a_known_thing(last, lang) and is_personal(nominative, lang))
    return person and not who.gender_known and bool(re.search(r"[бвгджзйклмнпрстфхцчшщьґ]$", last.lower()))


def _plain(text: str) -> str:
    return " ".join(re.split(LOOSE, _fold(text.strip())))


def in_paradigm(glossary: Glossary, entry: int, lang: str, text: str) -> bool:
    """Whether `text` is the entry's `lang` form in a case other than the written nominative: each word one of
    the surfaces its word takes in any case and number (paradigm.any_form), particles and fixed words as
    written. The written form itself carries no case (a model may have copied the placeholder) and is not."""
    form = glossary.entries[entry].written(lang) or ""
    words, shown = form.split(" "), [w for w in re.split(r"[\s.,;:!?…—–]+", text.strip()) if w]
    if len(words) != len(shown) or _plain(text) == _plain(form):
        return False
    return all(_fold(s) in {_fold(f) for f in any_form(w, lang)} or _abbreviation_ending(w, s)
               for w, s in zip(words, shown))


def _undeclinable(form: str) -> bool:
    """An abbreviation ending in a capital vowel letter (США, ЗСУ, СПбГУ): no case ending can follow it, so it is
    right in every case (not ВАКС or МИД, which take one: ВАКСом, МИДа)."""
    return form[-1:] in tuple("АЕЁИІЇЄОУЫЭЮЯ")


def _abbreviation_ending(word: str, shown: str) -> bool:
    """An abbreviation with a case ending written on (ВАКСом, КУпАПу, НАТО's own stays as it is)."""
    return is_fixed(word) and shown.startswith(word) and bool(re.fullmatch(r"[а-яіїєґ]{1,3}", shown[len(word):]))


def _inflected(
    glossary: Glossary, occurrence: Occurrence, span: Match, translated: str, tgt: str, decided: dict[int, str]
) -> tuple[str, bool, int]:
    """The form to write over `span`, whether its case is confirmed, and where the replaced text ends (past an
    English possessive the model left: "Трамп’s" → "Трампа")."""
    entry = occurrence.entry
    initial = not translated[: span.start].strip() or translated[: span.start].rstrip()[-1] in ".!?…"
    attributive = "attributive" in occurrence.hints
    if attributive and tgt in INFLECTED and not glossary.entries[entry].keep and derived(
        glossary, entry, tgt, span.text, initial
    ):
        return span.text, True, span.end  # an adjective or demonym made from the name: the model's own word
    if tgt in INFLECTED and not glossary.entries[entry].keep and in_paradigm(glossary, entry, tgt, span.text):
        shown = [c for c in ("gent", "datv", "ablt", "loct", "accs", "nomn")
                 if c in (phrase_reading(glossary, entry, tgt).cases_of(span.text) or span.cases)]
        if shown:  # the case the kept form shows, for a name coordinated with it or depending on it
            decided[span.end] = "nomn" if "nomn" in shown else shown[0]
        return span.text, True, span.end  # a correct form of the name, in whatever case the model chose
    if "-" in span.text and "-" not in written(glossary, entry, tgt):
        return span.text, False, span.end  # Рэйнланд-Пфольц found for Рейнланд: a word of its own, left, flagged
    nominative = _plain(written(glossary, entry, tgt))
    if tgt not in INFLECTED or glossary.entries[entry].keep or phrase_reading(glossary, entry, tgt).fixed:
        unread = tgt in INFLECTED and not glossary.entries[entry].keep and (
            None in phrase_reading(glossary, entry, tgt).paradigms)
        if unread:  # a word nothing could inflect (Капуя, Лаций): written as it is, flagged where a sure rule
            # wants another case
            who = profile(glossary, entry)
            person = who.person or is_personal(written(glossary, entry, tgt), tgt)
            decision = decide(translated, span.start, span.end, tgt, Name(person, who.kind == "place",
                                                                           occurrence.hints), decided)
            # a respelling ending otherwise than the nominative (Жючку for Жучка) shows a case it cannot be put in
            same_ending = _plain(span.text)[-1:].lower() == nominative[-1:].lower()
            confirmed = decision.case == "nomn" or not decision.sure or _undeclinable(written(glossary, entry, tgt))
            return written(glossary, entry, tgt), same_ending and confirmed, span.end
        return written(glossary, entry, tgt), True, span.end
    reading = phrase_reading(glossary, entry, tgt)
    plural = plural_of(written(glossary, entry, tgt), span.text, tgt)
    if plural is not None:  # Умойядах, Тэлакуровых: the model's plural and case, in the glossary's spelling
        return plural, True, span.end
    possessive = _POSSESSIVE.match(translated, span.end)
    rendered = reading.cases_of(span.text) or span.cases  # or the case of the word attention found
    # A form that carries no case: the glossary's nominative as the model copied it, or a respelling of it.
    caseless = _plain(span.text) == nominative or (rendered and "nomn" in rendered)
    if caseless and not possessive:
        who = profile(glossary, entry)
        person = who.person or is_personal(written(glossary, entry, tgt), tgt)  # read from the glossary's spelling
        decision = decide(translated, span.start, span.end, tgt, Name(person, who.kind == "place", occurrence.hints),
                          decided)
        source = [c for c in ("gent", "datv", "accs", "ablt", "nomn") if c in occurrence.source_cases]
        if not decision.sure and source:  # a Russian or Ukrainian source's own case settles it
            decision = Decision(source[0], True, "the source's case")
        hyphenated = translated[span.start - 1:span.start] == "-" or translated[span.end:span.end + 1] == "-"
        if decision.sure and hyphenated and _plain(span.text) != nominative:
            # a respelt part of a compound (Рэйнланд-Пфольц): the rest of the word stays as the model spelt it
            decision = replace(decision, sure=False, rule="a respelt part of a hyphenated word")
        if decision.written == "nomn" != decision.case and decision.allowed and all(
                _plain(written(glossary, entry, tgt, case)) != _plain(span.text) for case in decision.allowed):
            # no case the context allows is written like the text (в Москва): it cannot be right, the likelier is
            decision = replace(decision, guessed=True)
        directional = decision.rule.startswith(("motion ", "place "))  # в Ростов: a place, never a being
        if decision.sure and decision.written == "accs" and not directional and _animacy_unknown(
                glossary, entry, tgt, who, person):
            # обвиняют Дамблдор: Дамблдора if a person, as written if a thing; the glossary says neither
            decision = replace(decision, sure=False, rule=decision.rule + ", animacy unknown")
        told = _relative_gender(translated, span.end) or _title_gender(translated, span.start, tgt)
        if decision.written != "nomn" and told != "masc" and gender_unknown(glossary, entry, tgt):
            # с Флоренс Гаррард: a woman's, as written; с Андерсоном: a man's; the glossary says neither, unless a
            # relative pronoun after the name does (с Флоренс Гаррард, которая училась: hers, written as it is)
            decision = Decision("nomn", True, "a woman's name, as a relative pronoun after it says") if (
                told == "femn" and undeclined_as_a_womans(span.text)) else replace(
                decision, sure=False, guessed=False, rule=decision.rule + ", gender unknown")
        decided[span.end] = decision.written  # the case the name is written in: a guess not made leaves it nomn
        # a caseless form a rule decided, for a list after it: its case, "?" when unsure (its rule below the bar
        # or unsure), "??" when that case was not written either
        unsure = decision.below_bar or not decision.sure
        left = decision.written != decision.case
        decided[-span.end] = decision.case + ("?" if unsure else "") + ("?" if left else "")
        form = written(glossary, entry, tgt, decision.written, frozenset({span.text.lower()}))
        return (span.text if _plain(form) == _plain(span.text) else form), decision.sure, span.end
    if possessive:
        choice, evidence = Choice("gent", True), Evidence(("gent",), 2, "possessive")
    else:
        who = profile(glossary, entry)
        name = Name(who.person, who.kind == "place", occurrence.hints)
        evidence = governed(translated, span.start, span.end, tgt, name, decided)
        rendered = reading.cases_of(span.text) or span.cases  # or the case of the word attention found
        choice = choose_case(tgt, evidence, rendered, occurrence.source_cases, occurrence.hints)
    decided[span.end] = choice.case
    prefer = frozenset(re.split(LOOSE, span.text.lower()))
    form = written(glossary, entry, tgt, choice.case, prefer)
    # Unconfirmed between cases that are all written alike (Путина: genitive or accusative) is confirmed.
    alternatives = {written(glossary, entry, tgt, c, prefer) for c in evidence.cases}
    alike = evidence.strength >= 1 and len(evidence.cases) > 1 and alternatives == {form}
    return form, choice.sure or alike, possessive.end() if possessive else span.end
