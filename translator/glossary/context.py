"""Reading a Russian or Ukrainian translation for the case a name in it needs.

From the name, look back past adjectives, participles, adverbs, numerals and particles to the word that governs
it: a preposition (with its preferences: с/з + person → instrumental, в/на/у + motion → accusative), a verb (its
government: помогать → dative, руководить → instrumental, a transitive verb → accusative, unless the name is
the verb's subject), a title or kind of place it stands in apposition to (its case), a noun it depends on
(genitive), a coordinating conjunction (its first conjunct's case), or the start of a clause (nominative; in
Ukrainian address, the vocative). The answer says how sure the rule is: a default or a guess is not proof.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from translator import morphology
from translator.glossary import government as gov

TOKEN = re.compile(r"\w(?:[\w-]|['’ʼ](?=\w))*|[^\w\s]")  # an apostrophe inside a word, a quote after it apart
_QUOTES = frozenset("«»\"„“”'‘’")
_TEX_QUOTES = frozenset("`'")  # ``Оболонь'' (the quotes of UD's Russian GSD)
_SENTENCE_END = frozenset(".!?…")
_SKIPPED = frozenset({"ADJF", "PRTF", "NUMR", "ADVB", "PRCL", "ADJS"})
_VERBAL = frozenset({"VERB", "INFN", "GRND"})
_STEPS = 8  # how far back to look for the governing word
_ARTICLES = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class Evidence:
    """The cases the sentence allows for a name, most likely first (empty: no evidence), how strong the rule
    is (2: fixed by grammar; 1: a nominative is impossible but the case is a guess among `cases`; 0: a weak
    default), and which rule spoke."""

    cases: tuple[str, ...] = ()
    strength: int = 0
    rule: str = "none"


@dataclass(frozen=True)
class Name:
    """What the context needs to know of the name: whether it is a person, and the English source's hints."""

    person: bool
    place: bool
    hints: tuple[str, ...] = ()


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def _parse(word: str, lang: str) -> Any:
    """The likeliest reading; in Ukrainian, whose dictionary has no frequencies, a verb reading wins (it reads
    "прибула" first as the noun "прибулий")."""
    readings = morphology.read(word, lang)
    if lang == "uk":
        # not a first or second person beside a noun reading: впливу is the noun's genitive, not "I'll swim in"
        noun = any(p.tag.POS == "NOUN" for p in readings)
        return next((p for p in readings if p.tag.POS in _VERBAL
                     and not (noun and p.tag.person in ("1per", "2per"))), readings[0])
    return readings[0]


def _is_word(token: str) -> bool:
    return token[:1].isalnum() or token[:1] == "_"


def governed(text: str, start: int, end: int, lang: str, name: Name, decided: dict[int, str]) -> Evidence:
    """The evidence for the case of the name at [start, end) of a `lang` translation. `decided` maps the end
    offset of each name already given a case in this sentence to that case (for coordination)."""
    tokens = _tokens(text)
    before = [t for t in tokens if t[2] <= start]
    after = [t for t in tokens if t[1] >= end]
    return _look_back(text, before, after, lang, name, decided, 0)


# Personal pronouns in the nominative, which a dictionary may also read as a rare noun (uk "вона" → вон).
_SUBJECT_PRONOUNS = frozenset("я ты он она оно мы вы они это ти він вона воно ми ви вони це".split())


def _common_noun(parse: Any) -> bool:
    """A capitalised word the dictionary knows as a common noun, the head of a title (Закону, Кодексу, Ради,
    Збройних Сил): a name after it depends on it as after any noun."""
    return bool(parse.is_known and parse.tag.POS == "NOUN" and not parse.tag.grammemes & _NAMES)


_NAMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})


def _look_back(
    text: str, before: list[tuple[str, int, int]], after: list[tuple[str, int, int]], lang: str, name: Name,
    decided: dict[int, str], depth: int,
) -> Evidence:
    i = len(before) - 1
    steps = 0
    while i >= 0 and steps < _STEPS:
        token = before[i][0]
        low = token.lower()
        if token in _QUOTES or set(token) <= _TEX_QUOTES or low in _ARTICLES:  # a word-by-word model leaves articles
            i -= 1
            continue
        if token == "." and i > 0 and abbreviated(before[i - 1][0]):  # з Д. Донцовим, у м. Києві
            i -= 2
            steps += 1
            continue
        if not _is_word(token):
            return _boundary(token, before[:i], after, lang, name)
        if low in gov.PREPOSITIONS[lang]:
            return _preposition(low, before[:i], lang, name)
        if low in gov.COORDINATING:
            return _coordination(text, before[:i], lang, name, decided, depth)
        if low in gov.CLAUSE_OPENERS:
            return Evidence(("nomn",), 2 if low in ("что", "що") else 0, "clause")
        if token[:1].isdigit():  # В сезоне 2007/08 Алекс Фергюсон, у 1905-му: a number, no noun "1905-м"; past it
            i -= 1
            steps += 1
            continue
        if low in _SUBJECT_PRONOUNS:  # вона чітко Україна поставила: "вона" is no noun "вон"
            return Evidence(("nomn",), 0, "after a pronoun")
        parse = _parse(token, lang)
        pos = parse.tag.POS
        common = low in gov.PERSON_TITLES or low in gov.PLACE_NOUNS
        mid_sentence = i > 0 and before[i - 1][0] not in _SENTENCE_END
        named = not _common_noun(parse) or before[i][2] in decided  # Україна before a person is a name
        if token[:1].isupper() and mid_sentence and pos not in _VERBAL and not common and named:
            return Evidence(rule="proper noun")  # another name: no government to read
        if pos == "PRTS":
            return Evidence(("ablt",), 2, "passive agent")
        if pos == "COMP":
            return Evidence(("gent",), 2, "comparative")
        if pos in ("ADJF", "ADJS") and parse.normal_form in gov.VERBS:
            return Evidence(gov.VERBS[parse.normal_form], 2, "adjective " + parse.normal_form)
        if pos in _VERBAL:
            return _verb(parse, before[:i], lang, name)
        if pos == "NOUN":
            return _noun(text, token, before, i, after, lang, name, decided, depth)
        if pos in _SKIPPED or (pos == "NPRO" and low not in gov.OBJECT_PRONOUNS and parse.tag.case != "nomn"):
            i -= 1
            steps += 1
            continue
        return Evidence(("nomn",), 0, "after " + str(pos))
    return _boundary("", [], after, lang, name) if i < 0 else Evidence()


# Abbreviations a full stop follows inside a sentence: м. (місто), г. (город), ім. (імені), вул., ул., с. (село).
ABBREVIATIONS = frozenset({"м", "г", "ім", "им", "вул", "ул", "с", "смт", "пос", "р", "св", "проф", "акад", "ген"})


def abbreviated(token: str) -> bool:
    """An initial (Д) or an abbreviation: the full stop after it does not end the sentence."""
    return (len(token) == 1 and token.isupper()) or token.lower() in ABBREVIATIONS


def _boundary(mark: str, before: list[tuple[str, int, int]], after: list[tuple[str, int, int]], lang: str,
              name: Name) -> Evidence:
    """At the start of a sentence or clause: the subject (nominative), or in Ukrainian, a person addressed."""
    next_mark = after[0][0] if after else ""
    set_off = mark in ("", ",", "!", "?", ".", ":", "—", "–", "-") and next_mark in ("", ",", "!", "?", ".", "…")
    if set_off and name.person and ("voct" in name.hints or _address_cue(before)):
        return Evidence(("voct",) if lang == "uk" else ("nomn",), 2, "address")
    if "passive" in name.hints:  # "Alaska was sold" may start its translation as an object: Аляску продала
        return Evidence(("nomn", "accs"), 0, "subject of an English passive")
    if mark in _SENTENCE_END or mark == "":
        return Evidence(("nomn",), 2, "sentence start")
    return Evidence(("nomn",), 0, "after " + mark)


def _address_cue(before: list[tuple[str, int, int]]) -> bool:
    return any(t[0].lower() in gov.ADDRESS_CUES for t in before[-3:])


def _with_before(before: list[tuple[str, int, int]], lang: str) -> bool:
    """The word before з makes it "with": the first word of a compound preposition (поряд з, разом з, порівняно
    з), or an adjective or participle that governs it (співставній з, пов'язаний з)."""
    if not before:
        return False
    word = before[-1][0].lower()
    return word in gov.WITH_COMPOUNDS or morphology.read(word, lang)[0].tag.POS in ("ADJF", "ADJS", "PRTF", "PRTS")


def _preposition(word: str, before: list[tuple[str, int, int]], lang: str, name: Name) -> Evidence:
    allowed = gov.PREPOSITIONS[lang][word]
    if len(allowed) == 1:
        return Evidence(allowed, 2, "preposition " + word)
    hinted = [c for c in name.hints if c in allowed or (c == "loct" and "loc2" in allowed)]
    if word in gov.DIRECTIONAL:
        if _motion(before, lang) or (name.person and word != "у"):
            return Evidence(("accs",), 2, "motion " + word)
        if lang == "uk" and word in ("у", "в") and name.person:
            return Evidence(("gent",), 1, "у + person")  # "у Путіна є план"
        first = allowed[0]
        if "accs" in name.hints[:1]:
            return Evidence(("accs", first), 1, word + " + to")
        if _stative(before, lang):
            return Evidence((first,), 2, "place " + word + " after a verb of being somewhere")  # живу в Киеве
        if _after_a_noun_of_no_motion(before, lang):
            return Evidence((first,), 2, "place " + word + " after a noun")  # переговоры в Вашингтоне
        return Evidence((first, "accs"), 2 if name.hints[:1] in (("loct",), ("loc2",)) else 1, "place " + word)
    if word in gov.WITH:
        # с/з + a person: "with"; a place: "with" or "from" (с Украины), which only the English can tell
        if name.person or "ablt" in name.hints[:1]:
            return Evidence(("ablt",), 2, "with")
        if "gent" in name.hints[:1]:
            return Evidence(("gent",), 2, "from")
        # which to write when the English does not say: Russian has из for "from", so its с is mostly "with" (13 of
        # 15 places on the public treebanks); Ukrainian's з is both, "from" after a verb or a noun (завозити з
        # Туреччини, полька з Делятина), "with" in a compound preposition or after an adjective (поряд з,
        # співставній з Україною)
        with_ = lang == "ru" or _with_before(before, lang)
        return Evidence(("ablt", "gent") if with_ else ("gent", "ablt"), 1, "with or from")
    if word in ("под", "під"):
        return Evidence(("accs",) if _motion(before, lang) else ("ablt",), 2, "preposition " + word)
    ordered = tuple(dict.fromkeys([*(("loct" if c == "loct" and lang == "uk" else c) for c in hinted), *allowed]))
    return Evidence(ordered, 2 if hinted else 1, "preposition " + word)


def _stative(before: list[tuple[str, int, int]], lang: str) -> bool:
    """Whether the verb the preposition follows, within its clause (up to six words back), is a verb of being
    somewhere: живу в, працює у, жил в Крым и в (a second place after the same verb)."""
    for token, _, _ in reversed(before[-6:]):
        if not _is_word(token):
            return False
        readings = morphology.read(token, lang)
        if any(p.normal_form in gov.STATIVE for p in readings):
            return True
        if readings and readings[0].tag.POS in _VERBAL | {"PRTF", "PRTS"}:
            return False
    return False


def _after_a_noun_of_no_motion(before: list[tuple[str, int, int]], lang: str) -> bool:
    """The preposition follows a noun that is no noun of motion, and no verb or noun of motion comes before it in
    its clause (переговоры в Вашингтоне; not визит в, not переехал к подруге в)."""
    if not before or not _is_word(before[-1][0]) or _parse(before[-1][0], lang).tag.POS != "NOUN":
        return False
    for token, _, _ in reversed(before[-8:]):
        if not _is_word(token):
            break
        if any(p.normal_form in gov.MOTION for p in morphology.read(token, lang)):
            return False
    return True


def _motion(before: list[tuple[str, int, int]], lang: str) -> bool:
    """Whether a verb or noun of motion governs the preposition: "прибыла в", "вторгнення в", also past its
    subject ("виїжджала делегація в")."""
    for token, _, _ in reversed(before[-4:]):
        if not _is_word(token):
            return False
        parse = _parse(token, lang)
        readings = morphology.read(token, lang)
        if any(p.normal_form in gov.MOTION for p in readings):
            return True
        if parse.tag.POS == "NOUN" and any(p.tag.case == "nomn" for p in readings):
            continue  # a subject after its verb: the verb may still be one of motion
        if parse.tag.POS in _VERBAL or parse.tag.POS == "NOUN":
            return False
    return False


def _attributes_a_quote(before: list[tuple[str, int, int]]) -> bool:
    """The words before a verb end in a dash after a closing quote or the quote's own punctuation (`», —`, `", -`,
    `?» —`): the verb says who spoke, and the name after it is the speaker."""
    tokens = [t[0] for t in before[-3:]]
    return len(tokens) >= 2 and tokens[-1] in ("—", "–", "-", "--") and (
        tokens[-2] in ("»", "\"", "”", "''", ",", "!", "?", "…") or set(tokens[-2]) <= _TEX_QUOTES)


def _verb(parse: Any, before: list[tuple[str, int, int]], lang: str, name: Name) -> Evidence:
    lemma = parse.normal_form
    cases = gov.VERBS.get(lemma)
    if "agent" in name.hints:  # "sold by Russia" written actively: "продала Россия"
        return Evidence(("nomn",), 2, "subject after its verb")
    if _attributes_a_quote(before) and parse.tag.number != "plur":
        return Evidence(("nomn",), 2, "the speaker after a quote")  # «...», — каже Ольга Кошарна
    if lemma in gov.DITRANSITIVE:
        if name.person:
            return Evidence(("datv",), 2, "recipient of " + lemma)
        return Evidence(("accs", "datv"), 1, "object of " + lemma)
    if cases is None and lemma.endswith(("ся", "сь")):
        return Evidence(("nomn",), 0, "reflexive verb")
    if cases is None and lang == "ru" and "intr" in parse.tag.grammemes:
        return Evidence(("nomn",), 0, "intransitive verb")
    if cases is not None and cases != ("accs",):
        return Evidence(cases, 2, "verb " + lemma)
    object_first = any(t[0].lower() in gov.OBJECT_PRONOUNS for t in before[-3:])
    if object_first:
        return Evidence(("nomn",), 2, "subject after its verb")
    return Evidence(("accs",), 2 if cases or lang == "ru" else 1, "transitive verb " + lemma)


def _noun(
    text: str, token: str, before: list[tuple[str, int, int]], i: int, after: list[tuple[str, int, int]],
    lang: str, name: Name, decided: dict[int, str], depth: int,
) -> Evidence:
    low = token.lower()
    lemma = _parse(token, lang).normal_form
    if lemma in gov.LABEL_NOUNS or low in gov.LABEL_NOUNS:
        return Evidence(("nomn",), 2, "label " + lemma)
    titled = (name.person and (lemma in gov.PERSON_TITLES or low in gov.PERSON_TITLES)) or (
        name.place and (lemma in gov.PLACE_NOUNS or low in gov.PLACE_NOUNS)
    )
    if titled:
        own = _word_cases(token, lang)
        if len(own) > 1 and not any(t[0].lower() in gov.PREPOSITIONS[lang] for t in before[max(0, i - 3):i]):
            own = own - {"loct"}  # народному депутату: a locative needs a preposition
        outer = _look_back(text, before[:i], after, lang, name, decided, depth + 1) if depth < 2 else Evidence()
        agree = [c for c in outer.cases if c in own or (c == "loc2" and "loct" in own)]
        if agree:
            return Evidence((agree[0],), outer.strength, "apposition to " + lemma)
        if outer.strength and "nomn" not in outer.cases:  # the title itself was left uninflected
            return Evidence(outer.cases[:1], 1, "apposition to an uninflected " + lemma)
        ordered = tuple(c for c in ("nomn", "gent", "datv", "accs", "ablt", "loct") if c in own)
        strength = 2 if len(ordered) == 1 else 0 if "nomn" in ordered else 1
        return Evidence(ordered, strength, "apposition to " + lemma)
    return Evidence(("gent",), 2 if "gent" in name.hints[:1] else 0, "after the noun " + lemma)


def _word_cases(token: str, lang: str) -> frozenset[str]:
    """The singular cases a common word can be in."""
    return frozenset(p.tag.case for p in morphology.read(token, lang) if p.tag.case and p.tag.number != "plur")


def _past_a_parenthesis(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The tokens before a parenthesis that closes them, or all of them when none does (or it never opened)."""
    if not tokens or tokens[-1][0] != ")":
        return tokens
    depth = 0
    for k in range(len(tokens) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(tokens[k][0], 0)
        if depth == 0:
            return tokens[:k]
    return tokens


def _coordination(
    text: str, before: list[tuple[str, int, int]], lang: str, name: Name, decided: dict[int, str], depth: int
) -> Evidence:
    """A name after и/і/та takes its first conjunct's case: the name or noun right before the conjunction, inside
    its quotes or not («Газпрома» и «Лукойла»), past a parenthesis after it (Україною (Львів, Київ) та
    Німеччиною)."""
    before = _past_a_parenthesis(before)
    while before and before[-1][0] in _QUOTES:
        before = before[:-1]
    if not before or not _is_word(before[-1][0]):
        return Evidence(("nomn",), 0, "clause after a conjunction")
    token, _, end = before[-1]
    if decided.get(-end, "").endswith("?"):  # a name a rule below the bar put in its case: as unsure
        return Evidence((decided[end],), 1, "coordinated with a name a rule guessed")
    if -end in decided:  # a name the model left in the nominative and a rule put in its case
        return Evidence((decided[end],), 2, "coordinated with a name put in its case")
    if end in decided:  # a name whose own form shows its case (с Путиным и Трамп)
        return Evidence((decided[end],), 2, "coordinated with a name")
    parse = _parse(token, lang)
    if parse.tag.POS != "NOUN" or depth >= 2:
        return Evidence(("nomn",), 0, "clause after a conjunction")
    own = _word_cases(token, lang)
    outer = _look_back(text, before[:-1], [], lang, name, decided, depth + 1)
    agree = [c for c in outer.cases if c in own or (c == "loc2" and "loct" in own)]
    if agree:
        return Evidence((agree[0],), outer.strength, "coordinated with " + token)
    return Evidence(tuple(sorted(own)), 0, "coordinated with " + token)
