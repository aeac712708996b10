"""The examples of issue #10, one by one: what the restore step makes of a model's output, and what it reports.
The "model" is the translation given as text (logic above the engine: no engine is needed to read a sentence)."""

from __future__ import annotations

import pytest

from tests.test_glossary_apply import GLOSSARY_FILE
from translator.glossary import load_glossaries, parse_glossary, protect, restore, written
from translator.glossary.model import Glossary

GLOSSARY = load_glossaries([GLOSSARY_FILE])


def pinned(source: str, translation: str, tgt: str) -> tuple[str, list[tuple[str, str]]]:
    text, hits = restore(GLOSSARY, protect(GLOSSARY, source, "en", tgt), translation, tgt)
    return text, [(h.target_text, h.status) for h in hits]


@pytest.mark.parametrize(
    ("source", "tgt", "model", "expected"),
    [
        # correct output is never made worse: "in" does not override the accusative after a verb of motion
        ("She arrived in Kyiv.", "ru", "Она прибыла в Киев.", "Она прибыла в Киев."),
        # "of" does not force the genitive on an apposition to a kind of place
        ("The city of Odesa is beautiful.", "ru", "Город Одесса прекрасен.", "Город Одесса прекрасен."),
        # "by" does not force the instrumental on the subject of an active verb
        ("He was appointed by Zelensky.", "ru", "Его назначил Зеленский.", "Его назначил Зеленский."),
        # ... but does after a passive participle
        ("He was appointed by Zelensky.", "ru", "Он был назначен Зеленский.", "Он был назначен Зеленским."),
        # a coordinated name takes its first conjunct's case
        ("Trump spoke with Putin and Trump.", "ru", "Трамп говорил с Путиным и Трамп.",
         "Трамп говорил с Путиным и Трампом."),
        # verb government
        ("We support Ukraine.", "ru", "Мы поддерживаем Украина.", "Мы поддерживаем Украину."),
        ("People trust Trump.", "ru", "Люди верят Трамп.", "Люди верят Трампу."),
        ("He governs the Odesa region.", "ru", "Он руководит Одесская область.", "Он руководит Одесской областью."),
        ("Thank you, Trump.", "uk", "Дякуємо Трамп.", "Дякуємо Трампові."),
        ("We thank Trump.", "ru", "Мы благодарим Трамп.", "Мы благодарим Трампа."),
        # Ukrainian locatives, and the vocative in address
        ("I live in Kyiv, Lviv and Kharkiv.", "uk", "Я жив у Київ, у Львів і у Харків.",
         "Я жив у Києві, у Львові і у Харкові."),
        ("Thank you, Ruslan.", "uk", "Дякую, Руслан.", "Дякую, Руслане."),
        ("Ruslan, welcome.", "uk", "Руслан, ласкаво просимо.", "Руслане, ласкаво просимо."),
        # a woman's name declines as feminine
        ("We met Kaja Kallas.", "ru", "Мы встретились с Кая Каллас.", "Мы встретились с Каей Каллас."),
        # "есть" is the copula a word-by-word model writes for "is", not "eat" with an object
        ("Where is Europe?", "ru", "Где есть Европа?", "Где есть Европа?"),
        # a recipient is a person; с + a place is "with" unless the English says "from"
        ("Putin offered Trump a deal.", "ru", "Путин предложил Трамп сделку.", "Путин предложил Трампу сделку."),
        ("It is comparable to Munich.", "ru", "Это сравнимо с Мюнхен.", "Это сравнимо с Мюнхеном."),
        ("Russia cannot forgive Azerbaijan.", "ru", "Россия не может простить Азербайджан.",
         "Россия не может простить Азербайджану."),
        # the model's own spelling keeps its case, respelt
        ("We trust Trump.", "ru", "Мы доверяем Трумпу.", "Мы доверяем Трампу."),
    ],
)
def test_the_issues_examples(source: str, tgt: str, model: str, expected: str) -> None:
    assert pinned(source, model, tgt)[0] == expected


def test_a_case_the_sentence_does_not_confirm_is_reported_uncertain() -> None:
    # after a comma after a capitalised word the nominative was right in 20 of 25 caseless names on UD dev (ru),
    # below the 98% bar: the name is left as it is and flagged, never guessed (issue #25)
    assert pinned("Well, Putin.", "Ну, Путин.", "ru") == ("Ну, Путин.", [("Путин", "uncertain")])
    # a person after a relation (сына) is its genitive or in apposition (брат Оскар): right in 7 of 7 on UD dev
    # (ru) but 4 of 9 on the other public treebanks, so the name is left and flagged
    assert pinned("I saw the son of Putin.", "Я видел сына Путин.", "ru") == (
        "Я видел сына Путин.", [("Путин", "uncertain")])
    # a thing or a recipient after "продать": the accusative is likelier, but the sentence cannot tell
    assert pinned("Russia sold Alaska.", "Россия продала Аляска.", "ru") == (
        "Россия продала Аляску.", [("Россия", "kept"), ("Аляску", "uncertain")])
    # an indeclinable name is written alike in every case: nothing to doubt
    assert pinned("We went to Baku.", "Мы поехали в Баку.", "ru")[1] == [("Баку", "kept")]


def test_gender_and_locative_come_from_both_columns_and_the_note() -> None:
    text = ("en\tuk\tru\tnote\nMaria Ivanchuk\tМарія Іванчук\tМария Иванчук\tjournalist; she\n"
            "Taras Ivanchuk\tТарас Іванчук\tТарас Иванчук\t\nCrimea\tКрим\tКрым\tу Криму, в Крыму\n")
    glossary = Glossary(tuple(parse_glossary(text, "g.tsv")[0]))
    assert written(glossary, 0, "uk", "ablt") == "Марією Іванчук"  # a woman's surname in -ук does not decline
    assert written(glossary, 1, "uk", "ablt") == "Тарасом Іванчуком"  # a man's does
    assert written(glossary, 2, "uk", "loct") == "Криму"
    assert written(glossary, 2, "ru", "loc2") == "Крыму" and written(glossary, 2, "ru", "loct") == "Крыме"


def test_english_forms_match_only_where_written_as_names() -> None:
    for source in ("We ate turkey.", "He played his trump card.", "They live in a white house."):
        assert protect(GLOSSARY, source, "en", "ru").occurrences == ()
    assert len(protect(GLOSSARY, "Turkey and Trump met in the White House.", "en", "ru").occurrences) == 3
