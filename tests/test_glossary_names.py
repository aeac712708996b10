"""Names on text nobody here wrote (issue #25): a correct form is never touched, the model's case is kept, a
nominative is changed only on evidence that held on the UD treebanks, and personal names decline through
petrovich (Russian) and shevchenko (Ukrainian).

The damage cases are the issue's own; each failed before the change. The property test feeds gold sentences of
the UD dev splits (../shared/corpus/ud, or $TRANSLATOR_CORPUS) to restore, each name made a glossary row, and
asks for them back byte for byte: a fixed sample of sentences here (the whole split is benchmarks/
glossary_public.py's kind A); it skips when the corpus is absent.
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

import pytest

from benchmarks import glossary_public as public
from translator.glossary import Glossary, GlossaryEntry, nominative, protect, restore, written
from translator.glossary.context import Name
from translator.glossary.pin import gender_unknown

PACKAGE = Path(__file__).resolve().parents[1] / "translator"
CORPUS = public.corpus_dir()


def restored(rows: list[tuple[str, str, str]], source: str, text: str, lang: str) -> tuple[str, list[str]]:
    """`text` (a model's output for the English `source`) restored with a glossary of (en, lang form, note)."""
    glossary = Glossary(tuple(GlossaryEntry({"en": (en,), lang: (form,)}, note=note) for en, form, note in rows))
    out, hits = restore(glossary, protect(glossary, source, "en", lang), text, lang)
    return out, [hit.status for hit in hits]


def decided(text: str, name: str, lang: str, person: bool = False) -> nominative.Decision:
    """The nominative rules' decision for `name` as the model left it in `text`, before the bar."""
    start = text.index(name)
    return nominative._decide(text, start, start + len(name), lang, Name(person, False), {})


@pytest.mark.parametrize(
    ("rows", "source", "text", "lang"),
    [
        ([("Rustem Umerov", "Рустем Умеров", "")], "I waited for Rustem Umerov.", "Я ждал Рустема Умерова.", "ru"),
        ([("Ursula von der Leyen", "Урсула фон дер Ляйен", "")], "During Ursula von der Leyen's visit.",
         "Во время визита Урсулы фон дер Ляйен.", "ru"),
        ([("Baerbock", "Бербок", "she")], "Baerbock's speech.", "Речь Бербок.", "ru"),
        ([("Dnipro", "Дніпро", "")], "Along the Dnipro.", "Пливли по Дніпру.", "uk"),
        ([("Arcesilaus", "Аркесилай", "")], "Together with Arcesilaus.", "Вместе с Аркесилаем.", "ru"),
        ([("Anna Orochko", "Анна Орочко", "")], "Anna Orochko has it.", "У Анны Орочко есть.", "ru"),
        ([("Klitschko", "Кличко", "")], "The Klitschko brothers.", "Брати Клички.", "uk"),
        ([("Aliyev", "Алиев", "")], "The house of Aliyev.", "Дом Алиевых.", "ru"),
        ([("Sochi", "Сочи", "")], "In Sochi.", "В Сочи.", "ru"),
        ([("Shoigu", "Шойгу", "")], "With Shoigu.", "С Шойгу.", "ru"),
        ([("Tbilisi", "Тбілісі", "")], "To Tbilisi.", "До Тбілісі.", "uk"),
        ([("NABU", "ВАКС", "")], "Only NABU.", "Виключно ВАКСом.", "uk"),  # a case ending on an abbreviation
    ],
)
def test_a_correct_form_is_never_touched_and_is_reported_kept(
    rows: list[tuple[str, str, str]], source: str, text: str, lang: str
) -> None:
    assert restored(rows, source, text, lang) == (text, ["kept"])


def test_a_nominative_a_rule_below_the_bar_leaves_is_untouched_but_flagged() -> None:
    # the subject of a passive held in 1 of 4 caseless names on UD dev (ru): the text stays, the name is flagged
    rows = [("David Cameron", "Дэвид Кэмерон", "")]
    text = "Был назначен Дэвид Кэмерон."
    assert restored(rows, "David Cameron was appointed.", text, "ru") == (text, ["uncertain"])


@pytest.mark.parametrize(
    ("rows", "source", "text", "lang"),
    [
        # UD dev (ru) sentences a rule below the guess bar used to rewrite: motion after a participle
        # (привезён в Воткинск, an accusative), a dative name before an accusative one (not a chain of
        # genitives), a kind noun before a place (острова Лусон), a word going on past the name
        ([("Votkinsk", "Воткинск", "")], "He was brought to Votkinsk.",
         "Был вместе с матерью привезён в Воткинск, где прошла большая часть его детства.", "ru"),
        ([("Bornholm", "Борнхольм", ""), ("Denmark", "Дания", "")], "Sweden had to return Bornholm to Denmark.",
         "Швеции пришлось вернуть Дании Борнхольм.", "ru"),
        ([("Luzon", "Лусон", "")], "North of the island of Luzon.", "Находится к северу от острова Лусон.", "ru"),
        ([("Voldemort", "Волан", "")], "Victory over Voldemort.", "Для победы над Волан-де-Мортом.", "ru"),
        # a relation whose possessor is named (его дочь): the name may be the relation itself, not its genitive
        ([("Arsinda", "Арсинда", "she")], "His daughter Arsinda inherited the counties.",
         "Графства унаследовала его дочь Арсинда.", "ru"),
        # "вона" is a pronoun, not a noun the name would be the genitive of
        ([("Ukraine", "Україна", "")], "She put Ukraine next to it.", "Вона чітко Україна поставила поряд.", "uk"),
    ],
)
def test_a_nominative_no_sure_rule_decides_is_left_as_written(
    rows: list[tuple[str, str, str]], source: str, text: str, lang: str
) -> None:
    out, statuses = restored(rows, source, text, lang)
    assert out == text and "pinned" not in statuses


@pytest.mark.parametrize(
    ("rows", "source", "text"),
    [
        # UD dev (ru): a place alone in parentheses, a name quoted after the kind of thing it labels
        ([("Switzerland", "Швейцария", "")], "She was sent to Clavadel (Switzerland).",
         "В 1913 году была направлена в санаторий Клавадель (Швейцария) для лечения."),
        ([("Gummet", "Гуммет", "")], "In the newspaper Gummet.", "На страницах газеты ``Гуммет'' была статья."),
        # a country after a comma and a place whose own form shows its case; a person after a profession
        ([("Linz", "Линц", ""), ("Austria", "Австрия", "")], "He founded it in Linz, Austria.",
         "В 1979 году Франке основал Ars Electronica в Линце, Австрия."),
        ([("Andrei Voznesensky", "Андрей Вознесенский", "")], "The poet Andrei Voznesensky took part.",
         "В передаче приняли участие поэт Андрей Вознесенский, художник."),
    ],
)
def test_a_nominative_a_rule_held_to_the_bar_confirms_is_kept_unflagged(
    rows: list[tuple[str, str, str]], source: str, text: str
) -> None:
    out, statuses = restored(rows, source, text, "ru")
    assert out == text and set(statuses) == {"kept"}


def test_a_hyphenated_word_found_for_a_name_without_a_hyphen_keeps_its_other_part_and_is_flagged() -> None:
    # UD dev (ru, own spelling): Рэйнланд-Пфольц was once rewritten "Рейнланд", losing -Пфольц; the name is now
    # found as the part of the word it is, respelt there, the rest left as written, and flagged
    assert restored([("Rhineland", "Рейнланд", "")], "In Rhineland-Pfalz.", "В земле Рэйнланд-Пфольц.", "ru") == (
        "В земле Рейнланд-Пфольц.", ["uncertain"])


def test_an_unknown_name_keeps_its_last_stem_vowel() -> None:
    # pymorphy3 guesses Липшень like день (Липшня); UD dev's gold is Липшеня. A Slavic -ец still drops it.
    glossary = Glossary((GlossaryEntry({"ru": ("Липшень",), "en": ("Lipshen",)}),
                         GlossaryEntry({"ru": ("Макаровец",), "en": ("Makarovets",)})))
    assert written(glossary, 0, "ru", "gent") == "Липшеня"
    assert written(glossary, 1, "ru", "gent") == "Макаровца"


def test_a_paradigm_that_drops_the_vowel_in_some_forms_only_is_left_as_it_is() -> None:
    from translator.glossary.paradigm import _keep_the_vowel

    mixed: dict[str, tuple[str, ...]] = {"nomn": ("липшень",), "gent": ("липшня",), "loct": ("липшене",)}
    assert _keep_the_vowel("Липшень", mixed) == mixed
    assert _keep_the_vowel("Липшень", {"nomn": ("липшень",), "gent": ("липшня",)}) == {
        "nomn": ("липшень",), "gent": ("липшеня",)}


@pytest.mark.parametrize(
    ("form", "lang", "gent", "ablt"),
    [
        # other treebanks (ru PUD, GSD dev): pymorphy3 guesses Поликлет as поли- + лёт and Перл-Харбор word by
        # word; the vowel rebuild made them Поликлетета and Перл-Харбора-харбора
        ("Поликлет", "ru", "Поликлета", "Поликлетом"),
        ("Перл-Харбор", "ru", "Перл-Харбора", "Перл-Харбором"),
        # a foreign compound place declines its last part only; a known one keeps the dictionary's paradigm
        ("Баден-Баден", "ru", "Баден-Бадена", "Баден-Баденом"),
        ("Усть-Каменогорск", "ru", "Усть-Каменогорска", "Усть-Каменогорском"),
        ("Орехово-Зуево", "ru", "Орехово-Зуева", "Орехово-Зуевом"),
        ("Пуэрто-Рико", "ru", "Пуэрто-Рико", "Пуэрто-Рико"),
        ("Комсомольск-на-Амуре", "ru", "Комсомольска-на-Амуре", "Комсомольском-на-Амуре"),
        ("Петропавловск-Камчатский", "ru", "Петропавловска-Камчатского", "Петропавловском-Камчатским"),
        ("Буенос-Айрес", "uk", "Буенос-Айреса", "Буенос-Айресом"),
        # each hyphenated part keeps its own capitals (not Ростовом-нА-дону)
        ("Ростов-на-Дону", "ru", "Ростова-на-Дону", "Ростовом-на-Дону"),
        # a person's double surname declines whole, the dictionary's, the entry's or one that looks so
        ("Римский-Корсаков", "ru", "Римского-Корсакова", "Римским-Корсаковым"),
        ("Петров-Водкин", "ru", "Петрова-Водкина", "Петровым-Водкиным"),
        ("Гвинея-Бисау", "ru", "Гвинеи-Бисау", "Гвинеей-Бисау"),
        ("Жан-Поль", "ru", "Жан-Поля", "Жан-Полем"),
        # a place whose last part is a name is no person (Барбара, Жермен, Пасо): only that part declines
        ("Санта-Барбара", "ru", "Санта-Барбары", "Санта-Барбарой"),
        ("Сен-Жермен", "ru", "Сен-Жермена", "Сен-Жерменом"),
        ("Эль-Пасо", "ru", "Эль-Пасо", "Эль-Пасо"),
        # before -на- the first part declines (pymorphy3 guesses these undeclined)
        ("Стратфорд-на-Эйвоне", "ru", "Стратфорда-на-Эйвоне", "Стратфордом-на-Эйвоне"),
        ("Сен-Жан-де-Люз", "ru", "Сен-Жан-де-Люза", "Сен-Жан-де-Люзом"),
    ],
)
def test_hyphenated_and_guessed_names_decline_as_written(form: str, lang: str, gent: str, ablt: str) -> None:
    glossary = Glossary((GlossaryEntry({lang: (form,), "en": ("X",)}),))
    assert (written(glossary, 0, lang, "gent"), written(glossary, 0, lang, "ablt")) == (gent, ablt)


def test_a_name_beside_a_noun_of_a_person_stands_in_apposition_in_its_case() -> None:
    # UD dev (ru): спартанец Сосил, шахтёр Зегерс were made genitives; a relation (сын) still takes one
    rows = [("Sosil", "Сосил", "")]
    text = "В частности, спартанец Сосил обучал его греческому языку."
    assert restored(rows, "The Spartan Sosil taught him Greek.", text, "ru") == (text, ["kept"])
    built = restored([("Zegers", "Зегерс", "")], "It was built by the master Zegers.",
                     "Оно было построено мастером Зегерс.", "ru")
    assert built == ("Оно было построено мастером Зегерсом.", ["pinned"])


def test_a_person_in_apposition_to_an_oblique_person_noun_is_written_in_its_case_and_flagged() -> None:
    # right in 13 of 13 on UD dev (ru) but 18 of 20 on the other public treebanks (Taiga, PUD, Poetry): below the
    # bar there, so reported uncertain; right in 31 of 33 together (GUESS_BAR), so its case is still written
    out, statuses = restored([("Zinaida Gippius", "Зинаида Гиппиус", "she")], "A cousin of the poet Zinaida Gippius.",
                             "Двоюродный брат поэтессы Зинаида Гиппиус.", "ru")
    assert (out, statuses) == ("Двоюродный брат поэтессы Зинаиды Гиппиус.", ["uncertain"])


@pytest.mark.parametrize(
    ("rows", "source", "text", "lang", "expected"),
    [
        # UD dev (uk): the salute takes the dative, a name after the vocative Пане the vocative
        ([("Ukraine", "Україна", "")], "Glory to Ukraine!", "Слава Україна!", "uk", "Слава Україні!"),
        ([("Ruslan", "Руслан", "")], "Mister Ruslan, you are against.", "Пане Руслан, ви проти американців.", "uk",
         "Пане Руслане, ви проти американців."),
        # UD dev (uk): a name after a capitalised common noun heading a title depends on it (Кодексу України);
        # a person named surname first after a title and a country, in the title's dative, -у on each word
        ([("Ukraine", "Україна", "")], "The Code of Ukraine.",
         "Зміни до Кодексу Україна про адміністративні правопорушення.", "uk",
         "Зміни до Кодексу України про адміністративні правопорушення."),
        ([("Ukraine", "Україна", ""), ("Kyrylenko", "Кириленко Іван Григорович", "")],
         "The floor is given to MP of Ukraine Kyrylenko.",
         "Слово надається народному депутату Україна Кириленко Іван Григорович, фракція.", "uk",
         "Слово надається народному депутату України Кириленку Івану Григоровичу, фракція."),
        ([("Konstankevych", "Констанкевич Ірина Мирославівна", "")], "The floor is given to Konstankevych.",
         "Слово надається народній депутатці Констанкевич Ірина Мирославівна.", "uk",
         "Слово надається народній депутатці Констанкевич Ірині Мирославівні."),
        # UD dev (ru): after a relation of the other gender, the genitive (apposition would need the same person)
        ([("Vladimir Gutsaev", "Владимир Гуцаев", "")], "She is an aunt to the wife of Vladimir Gutsaev.",
         "Она приходится тетей жене Владимир Гуцаев.", "ru", "Она приходится тетей жене Владимира Гуцаева."),
        # a genitive after a noun, carried along a chain of names, with an adjective agreeing
        ([("Verkhovna Rada", "Верховна Рада", ""), ("Ukraine", "Україна", "")],
         "The committee of the Verkhovna Rada of Ukraine.", "Комітету Верховна Рада Україна.", "uk",
         "Комітету Верховної Ради України."),
        # a full stop after an initial is not the end of a sentence
        ([("Dontsov", "Донцов", "")], "With D. Dontsov.", "Разом з Д. Донцов.", "uk", "Разом з Д. Донцовим."),
        # apposition to a title across the name of its country
        ([("Ilham Aliyev", "Ильхам Алиев", "")], "He met the President of Azerbaijan Ilham Aliyev.",
         "Он встретился с президентом Азербайджана Ильхам Алиев.", "ru",
         "Он встретился с президентом Азербайджана Ильхамом Алиевым."),
    ],
)
def test_a_nominative_the_sentence_rules_out_is_put_in_its_case(
    rows: list[tuple[str, str, str]], source: str, text: str, lang: str, expected: str
) -> None:
    out, statuses = restored(rows, source, text, lang)
    assert out == expected and set(statuses) == {"pinned"}


@pytest.mark.parametrize(
    ("rows", "source", "text", "lang"),
    [
        ([("Istanbul", "Стамбул", "")], "Istanbul cafes are open.", "Стамбульские кафе открыты.", "ru"),
        ([("Gazprom", "Газпром", "")], "A Gazprom manager came.", "Пришёл газпромовский менеджер.", "ru"),
        ([("Kyiv", "Київ", "")], "Kyiv residents voted.", "Київські мешканці проголосували.", "uk"),
    ],
)
def test_an_adjective_made_from_a_name_is_neither_changed_nor_missed(
    rows: list[tuple[str, str, str]], source: str, text: str, lang: str
) -> None:
    assert restored(rows, source, text, lang) == (text, ["kept"])


def test_a_respelt_name_gets_the_glossary_spelling_in_the_models_case() -> None:
    rows = [("Rustem Umerov", "Рустем Умеров", "")]
    assert restored(rows, "I waited for Rustem Umerov.", "Я ждал Рустэма Умэрова.", "ru") == (
        "Я ждал Рустема Умерова.", ["pinned"])


def test_where_no_rule_is_sure_the_name_is_flagged_not_guessed() -> None:
    # a Ukrainian person's name after a committee's name a title heads: apposition to the title (голова Комітету з
    # питань Регламенту Сергій Кальченко) or the genitive of the last noun; the words cannot tell. (After a noun
    # of a thing alone the genitive is written, flagged: памфлети Миколи Хвильового.)
    rows = [("Mykola Khvylovyi", "Микола Хвильовий", "")]
    text = "Слово має голова Комітету з питань культури Микола Хвильовий."
    assert restored(rows, "Mykola Khvylovyi.", text, "uk") == (text, ["uncertain"])
    assert restored(rows, "Mykola Khvylovyi.", "Я раджу прочитати памфлети Микола Хвильовий.", "uk") == (
        "Я раджу прочитати памфлети Миколи Хвильового.", ["uncertain"])


def test_personal_names_decline_through_the_name_libraries() -> None:
    glossary = Glossary((
        GlossaryEntry({"ru": ("Рустем Умеров",), "en": ("Rustem Umerov",)}),
        GlossaryEntry({"ru": ("Анналена Бербок",), "en": ("Annalena Baerbock",)}, note="she"),
        GlossaryEntry({"uk": ("Віталій Кличко",), "en": ("Vitali Klitschko",)}),
    ))
    assert written(glossary, 0, "ru", "gent") == "Рустема Умерова"  # pymorphy3 alone guessed "Умерва"
    assert written(glossary, 1, "ru", "datv") == "Анналене Бербок"  # a woman's surname in a consonant
    assert written(glossary, 2, "uk", "gent") == "Віталія Кличка"


@pytest.mark.parametrize(
    ("form", "lang", "note", "case", "expected"),
    [
        # a woman's first name before a surname the dictionary does not know makes the entry a person, hers: the
        # surname in a consonant stays as written (not Марии Шретера, a thing's declension, nor uk Шретеру)
        ("Мария Шретер", "ru", "", "gent", "Марии Шретер"),
        ("Марія Шретер", "uk", "", "gent", "Марії Шретер"),
        # a note saying he outweighs a first name pymorphy3 knows only as a woman's (Кароль, Polish Karol)
        ("Кароль Шретер", "ru", "he", "ablt", "Каролем Шретером"),
        ("Кароль Шретер", "ru", "", "ablt", "Кароль Шретер"),
        # a known first name makes a person of any surname after it, even one the dictionary knows as a thing
        # (Роза Люксембург: hers, undeclined; Эммануэль, a woman's to pymorphy3, declines when the note says he)
        ("Роза Люксембург", "ru", "", "gent", "Розы Люксембург"),
        ("Эммануэль Макрон", "ru", "he", "gent", "Эммануэля Макрона"),
        ("Эммануэль Макрон", "ru", "", "gent", "Эммануэль Макрон"),
        # a reading pymorphy3's guesser made for a word it knows as another (Кая: каять) is a guess too: its
        # impossible forms (Каяа) are not written; the note lets the name decline as a woman's
        ("Кая Каллас", "ru", "", "gent", "Кая Каллас"),
        ("Кая Каллас", "ru", "she", "gent", "Каи Каллас"),
        # a patronymic declines through the name library (not pymorphy3's Никитович lexeme: Никитовиче)
        ("Добрыня Никитич", "ru", "", "loct", "Добрыне Никитиче"),
        # a Ukrainian person's locative: -ові on the first word, -у on the rest (as the orthography has it: при
        # Петрові); a place keeps -і (у Києві), an adjectival surname its own ending
        ("Петро Порошенко", "uk", "", "loct", "Петрові Порошенку"),
        ("Руслан Олексійович Стефанчук", "uk", "", "loct", "Русланові Олексійовичу Стефанчуку"),
        ("Володимир Зеленський", "uk", "", "loct", "Володимирові Зеленському"),
        ("Київ", "uk", "", "loct", "Києві"),
        # particles inside a name stay as written and the surname after them still declines (the фона
        # дера Ляйена; Шарля де Голль had stopped at the particle)
        ("Урсула фон дер Ляйен", "ru", "", "gent", "Урсулы фон дер Ляйен"),
        ("Шарль де Голль", "ru", "", "ablt", "Шарлем де Голлем"),
        ("Людвиг ван Бетховен", "ru", "", "gent", "Людвига ван Бетховена"),
        ("Людвіг ван Бетховен", "uk", "", "datv", "Людвігу ван Бетховену"),
    ],
)
def test_full_names_decline_as_the_person_they_name(
    form: str, lang: str, note: str, case: str, expected: str
) -> None:
    glossary = Glossary((GlossaryEntry({lang: (form,), "en": ("X",)}, note=note),))
    assert written(glossary, 0, lang, case) == expected


def test_columns_whose_first_names_disagree_tell_no_gender_and_a_common_noun_surname_declines_as_a_name() -> None:
    # pymorphy3 knows Эммануэль only as a woman's name, its Ukrainian dictionary Емманюель as a man's too: neither
    # decides, and the Ukrainian dictionary's surname Макрон (a man's) does; the Russian dictionary's Макрон, a macaron,
    # declines as a surname all the same (an inanimate accusative Макрон would be a thing's)
    glossary = Glossary((GlossaryEntry({"en": ("Emmanuel Macron",), "ru": ("Эммануэль Макрон",),
                                        "uk": ("Емманюель Макрон",)}),))
    assert written(glossary, 0, "ru", "accs") == "Эммануэля Макрона"
    assert written(glossary, 0, "uk", "gent") == "Емманюеля Макрона"
    # with no surname to tell either, the gender stays unknown (Кароль: a woman's in Russian, a man's in Ukrainian)
    karol = Glossary((GlossaryEntry({"en": ("Karol Schroeter",), "ru": ("Кароль Шретер",), "uk": ("Кароль Шретер",)}),))
    assert gender_unknown(karol, 0, "ru")


def test_only_the_names_adapter_imports_the_name_libraries() -> None:
    users = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        found = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        found |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and not node.level}
        if any(module.split(".")[0] in ("petrovich", "shevchenko") for module in found):
            users.append(path.relative_to(PACKAGE.parent).as_posix())
    assert users == ["translator/names.py"]


# Every 4th sentence with names: about 80 Russian and 55 Ukrainian sentences, a few seconds.
SAMPLE_STEP = 4


@pytest.mark.skipif(not (CORPUS / "ud").is_dir(), reason="../shared/corpus/ud is not beside the checkout")
@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_gold_sentences_of_the_ud_dev_splits_come_back_unchanged(lang: str) -> None:
    sentences = list(public.read_sentences(CORPUS / "ud" / public.FILES[lang]))[::SAMPLE_STEP]
    score = public.Score()
    for sentence in sentences:
        public.score_sentence(sentence, lang, "A", score)
    changed = score.lines - score.unchanged
    # The whole split (benchmarks/glossary_public.py, kind A) is at 99.7% (ru: 1 of 329 lines, Джан Галлеаццо
    # Висконти, which the treebank leaves undeclined) and 100% (uk) of lines unchanged; the sample has none.
    assert changed == 0, "\n".join(score.failures)


def test_a_name_respelt_by_one_vowel_is_found_and_written_in_the_glossary_spelling() -> None:
    # a model that heard the vowel another way (Расії for Росії) wrote the name in its case: kept, respelt
    assert restored([("Russia", "Росія", "")], "The influence of Russia.", "Вплив Расії.", "uk") == (
        "Вплив Росії.", ["pinned"])


@pytest.mark.skipif(not (CORPUS / "ud").is_dir(), reason="../shared/corpus/ud is not beside the checkout")
def test_the_rules_reported_uncertain_are_those_below_the_bar_on_ud_dev(monkeypatch: pytest.MonkeyPatch) -> None:
    # nominative.BELOW_BAR is what benchmarks/glossary_public.py --rules measures (A and C, every rule as
    # written): a rule changed without re-measuring it fails here (the whole split, about 20 seconds)
    monkeypatch.setattr(nominative, "GATED", False)
    scores = public.evaluate(CORPUS)
    for lang in ("ru", "uk"):
        tallies: dict[tuple[str, str], list[int]] = {}
        for kind in ("A", "C"):
            for key, (fired, right) in scores[(kind, lang)].rules.items():
                tally = tallies.setdefault(key, [0, 0])
                tally[0] += fired
                tally[1] += right
        below = {key for key, (fired, right) in tallies.items() if right / fired < nominative.PRECISION_BAR}
        kept = nominative.SURE_BELOW_BAR.get(lang, frozenset())
        assert below == set(nominative.BELOW_BAR[lang]) | kept, lang
        # a rule whose case is still written below the bar rewrites, and is below a bar (UD dev or the other
        # treebanks, which CI does not have: `--treebank` measures those)
        elsewhere = nominative.BELOW_BAR_ELSEWHERE.get(lang, frozenset())
        assert all(key[1] == "rewrite" and key in below | elsewhere for key in nominative.GUESSED[lang]), lang
        assert not elsewhere & below, lang


@pytest.mark.skipif(not (CORPUS / "transcripts").is_dir(), reason="../shared/corpus/transcripts is absent")
def test_parliament_transcripts_come_back_nearly_unchanged() -> None:
    # text nobody here wrote, without gold cases: only a speaker's undeclined name after a title in the dative
    # (пану Руслану Демченко) is rewritten
    spoken = public.transcripts(CORPUS)
    assert spoken.lines >= 15 and spoken.lines - spoken.unchanged <= 1, "\n".join(spoken.failures)


@pytest.mark.parametrize(
    ("form", "case", "expected"),
    [
        # petrovich 2.0.1 leaves a man's first name in -а undeclined; the treebank declines it (UD dev, ru)
        ("Саша Иваненко", "gent", "Саши Иваненко"),
        ("Бахаулла", "gent", "Бахауллы"),
        ("Фома", "ablt", "Фомой"),
        ("Лука", "gent", "Луки"),  # и, not ы, after к
    ],
)
def test_a_mans_first_name_in_a_declines(form: str, case: str, expected: str) -> None:
    glossary = Glossary((GlossaryEntry({"en": ("X",), "ru": (form,)}, note="he"),))
    assert written(glossary, 0, "ru", case) == expected


def test_a_womans_first_name_pymorphy3_reads_only_as_another_word_declines_by_analogy() -> None:
    # Серена is a past participle to pymorphy3 (серить): with "she" in the note it declines as Елена does, and
    # her surname in a consonant stays as it is (`glossary check --forms` had called the name uninflectable)
    glossary = Glossary((GlossaryEntry({"en": ("Serena Williams",), "ru": ("Серена Уильямс",)}, note="she"),))
    assert [written(glossary, 0, "ru", case) for case in ("gent", "datv", "ablt")] == [
        "Серены Уильямс", "Серене Уильямс", "Сереной Уильямс"]


@pytest.mark.parametrize(
    ("form", "case", "expected"),
    [
        # pymorphy3 reads no nominative of these (Олиба as a genitive of "Олиб", Олаф of "Олафа"; Гималаи and
        # Святки are plurals only): they were written as they are in every case, which UD dev declines
        ("Олиба", "gent", "Олибы"),
        ("Эгесихора", "gent", "Эгесихоры"),
        ("Гималаи", "gent", "Гималаев"),
        ("Святки", "gent", "Святок"),
        ("Северус Снегг", "gent", "Северуса Снегга"),  # pymorphy3's only guess of Северус is undeclined
        ("Афины", "datv", "Афинам"),  # a plural the dictionary knows, not a guessed singular (Афиныом)
        ("Усам Бакаев", "gent", "Усама Бакаева"),  # known only as a plural of "Усама": a man's name, declined
        ("Снегг", "ablt", "Снеггом"),
    ],
)
def test_a_name_pymorphy3_reads_no_nominative_of_still_declines(form: str, case: str, expected: str) -> None:
    glossary = Glossary((GlossaryEntry({"en": ("X",), "ru": (form,)}),))
    assert written(glossary, 0, "ru", case) == expected


@pytest.mark.parametrize(
    ("en", "form", "text"),
    [
        ("Ivana", "Ивана", "Его бывшая жена Ивана была родом из Чехии."),  # a possessive: the relation itself
        ("Cairell", "Кайрелл", "Преемником короля стал его брат Кайрелл."),
        ("Merenre", "Меренра", "Он употребил его со своим именем Меренра только в пирамиде."),  # a label
        ("Kostritz", "Кёстриц", "Пиво производилось в городке Бад-Кёстриц."),  # the word began before the name
    ],
)
def test_a_correct_nominative_is_not_put_in_the_genitive(en: str, form: str, text: str) -> None:
    out, _ = restored([(en, form, "")], en + ".", text, "ru")
    assert out == text


def test_a_longer_name_takes_the_spelling_a_shorter_entry_has_to_spare() -> None:
    # UD dev (ru): Сырбу, found three times, took the surname of Евгэния Георгиевна Сырбу, which was then missed
    rows = [("Syrbu", "Сырбу", ""), ("Yevgeniya Georgiyevna Syrbu", "Евгения Георгиевна Сырбу", "she")]
    text = "Семья Сырбу (мама, Евгэния Георгиевна Сырбу) переехала."
    out, statuses = restored(rows, "Syrbu, Yevgeniya Georgiyevna Syrbu.", text, "ru")
    assert out == "Семья Сырбу (мама, Евгения Георгиевна Сырбу) переехала." and "missed" not in statuses


def test_the_floor_is_given_to_a_person_in_the_dative() -> None:
    # UD dev (uk): "Прошу передати слово Микола Сольський" left in the nominative 9 times, all datives
    rows = [("Mykola Solskyi", "Микола Сольський", "")]
    assert restored(rows, "Mykola Solskyi, please.", "Прошу передати слово Микола Сольський.", "uk") == (
        "Прошу передати слово Миколі Сольському.", ["pinned"])
    assert restored([("Putin", "Путин", "")], "I gave the floor to Putin.", "Я передал слово Путин.", "ru") == (
        "Я передал слово Путину.", ["pinned"])  # never met on UD dev (ru): the rule as written


def test_a_person_after_an_inanimate_noun_is_flagged_and_left_as_written() -> None:
    # right in 22 of 23 caseless names on UD dev (ru) but 38 of 55 on the other public treebanks (В результате
    # Трамп, Летом Джордж): below both bars, so the name is left as the model wrote it and reported uncertain
    out, statuses = restored([("Mozart", "Моцарт", "")], "A piece by Mozart.", "Даже музыкальной пьесой Моцарт.", "ru")
    assert (out, statuses) == ("Даже музыкальной пьесой Моцарт.", ["uncertain"])


def test_a_nominative_no_case_the_context_allows_is_written_like_is_put_in_the_likelier_one() -> None:
    # в + a place: locative or accusative. Москва is neither, so it cannot be right: the locative is written and
    # flagged. Киев may be a correct accusative (переехал в Киев), so it is left and flagged.
    assert restored([("Moscow", "Москва", "")], "In Moscow today.", "Сегодня в Москва.", "ru") == (
        "Сегодня в Москве.", ["uncertain"])
    assert restored([("Kyiv", "Киев", "")], "In Kyiv today.", "Сегодня в Киев.", "ru") == (
        "Сегодня в Киев.", ["uncertain"])
    # after a noun of no motion, with no verb or noun of motion before it, the locative: right in 51 of 54 on
    # UD dev and the other treebanks together, so written, and flagged
    assert restored([("Kyiv", "Киев", "")], "Talks in Kyiv.", "Переговоры в Киев.", "ru") == (
        "Переговоры в Киеве.", ["uncertain"])
    # after a verb of being somewhere, the locative is sure
    assert restored([("Kyiv", "Киев", "")], "He lives in Kyiv.", "Он живёт в Киев.", "ru") == (
        "Он живёт в Киеве.", ["pinned"])


@pytest.mark.parametrize(
    ("en", "form", "text"),
    [
        ("Kurt Wires", "Курт Вирес", "Непобедимой была пара Курт Вирес и другие."),  # a group: apposition
        ("Midge Ure", "Миджа Юра", "Он был записан на студии Миджа Юра Musicfest Studio."),  # a foreign title
    ],
)
def test_a_person_beside_a_group_or_in_a_foreign_title_is_left(en: str, form: str, text: str) -> None:
    out, _ = restored([(en, form, "")], en + ".", text, "ru")
    assert out == text


def test_tex_quotes_do_not_hide_the_preposition_before_a_name() -> None:
    # UD's Russian GSD quotes ``so'': над ``Саутгемптон'' was read as a name after a quote, left nominative
    rows = [("Southampton", "Саутгемптон", "")]
    out, _ = restored(rows, "A win over Southampton.", "Одержал победу над ``Саутгемптон''.", "ru")
    assert out == "Одержал победу над ``Саутгемптоном''."


@pytest.mark.parametrize(
    ("en", "form", "text", "expected"),
    [
        ("Ukraine", "Украина", "Село в Сокальском районе Львовской области Украина.",
         "Село в Сокальском районе Львовской области Украины."),
        ("Australia", "Австралия", "Государственный университет Австралия.", "Государственный университет Австралии."),
        ("Minnesota", "Миннесота", "Родился в Сент-Поле, штат Миннесота.", "Родился в Сент-Поле, штат Миннесота."),
    ],
)
def test_a_country_after_a_kind_of_place_is_its_genitive(en: str, form: str, text: str, expected: str) -> None:
    out, _ = restored([(en, form, "")], en + ".", text, "ru")
    assert out == expected


@pytest.mark.parametrize(
    ("en", "form", "text", "expected"),
    [
        # надаватися governs the dative (the floor is given to someone)
        ("Roman Kostenko", "Костенко Роман Васильович", "Слово надається Костенко Роман Васильович.",
         "Слово надається Костенку Роману Васильовичу."),
        # впливу is the noun's genitive, not a first person of вплисти: a noun + genitive
        ("Russia", "Росія", "Послаблення впливу Росія на українців.", "Послаблення впливу Росії на українців."),
    ],
)
def test_ukrainian_government_read_from_the_word_before(en: str, form: str, text: str, expected: str) -> None:
    out, _ = restored([(en, form, "")], en + ".", text, "uk")
    assert out == expected


def test_an_adjective_and_a_preposition_that_allow_one_case_together_decide_it() -> None:
    # UD dev (ru): в Западной Африка was put in the genitive (Западной can be four cases; в two), flagged
    rows = [("Africa", "Африка", "")]
    assert restored(rows, "In West Africa.", "Зимуют в Западной Африка.", "ru") == (
        "Зимуют в Западной Африке.", ["pinned"])


def test_an_adjectival_surname_has_only_its_own_genders_forms() -> None:
    # Зеленській is Зеленська's dative: not a correct form of Зеленський to keep (UD dev uk, own spelling)
    from translator.glossary.paradigm import any_form

    assert "зеленській" not in any_form("Зеленський", "uk") and "зеленського" in any_form("Зеленський", "uk")
    assert "вознесенской" not in any_form("Вознесенский", "ru") and "вознесенские" in any_form("Вознесенский", "ru")
    assert "орочко" in any_form("Орочко", "ru")  # other names keep both genders' forms


@pytest.mark.parametrize(
    ("form", "shown", "expected"),
    [
        ("Умайяд", "Умойядах", "Умайядах"),  # the model's plural (a dynasty) in the glossary's spelling
        ("Телакуров", "Тэлакуровых", "Телакуровых"),  # a family
        ("Харьков", "Харьков", None),  # a surface of the paradigm itself
        ("Трамп", "Трумпу", None),  # a singular ending
        ("Балканы", "Болканах", None),  # a plural already
    ],
)
def test_a_respelt_plural_keeps_its_number(form: str, shown: str, expected: str | None) -> None:
    from translator.glossary.paradigm import plural_of

    assert plural_of(form, shown, "ru") == expected


def test_a_respelt_plural_is_written_in_the_glossary_spelling() -> None:
    rows = [("Umayyad", "Умайяд", "")]
    assert restored(rows, "Under the Umayyad rule.", "При Умойядах язык стал литературным.", "ru") == (
        "При Умайядах язык стал литературным.", ["pinned"])


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        ("Ломоносов совместно с другими профессорами исследовал образцы.", ["kept"]),  # no verb right after
        ("Ломоносов иногда называют отцом химии.", ["uncertain"]),  # a verb that does not agree: an object
    ],
)
def test_a_sentence_start_with_no_verb_right_after_keeps_the_nominative(text: str, statuses: list[str]) -> None:
    assert restored([("Lomonosov", "Ломоносов", "")], "Lomonosov.", text, "ru") == (text, statuses)


def test_named_after_someone_is_the_genitive() -> None:
    # театр имени Кирова: a fixed genitive; выбор данного имени (the name chosen) is not that
    rows = [("Kirov", "Киров", "")]
    assert restored(rows, "Kirov.", "Солист театра имени Киров.", "ru") == ("Солист театра имени Кирова.", ["pinned"])
    out, _ = restored([("Donald", "Дональд", "")], "Donald.", "Выбор данного имени Дональд не случаен.", "ru")
    assert out == "Выбор данного имени Дональд не случаен."


@pytest.mark.parametrize(
    ("en", "form", "text", "expected", "lang"),
    [
        # a person after a title in one case takes it
        ("Pavlo Bakunets", "Павло Бакунець", "Поправка за авторством народного депутата Павло Бакунець.",
         "Поправка за авторством народного депутата Павла Бакунця.", "uk"),  # депутата: genitive or accusative alike
        ("Frederick", "Фридрих", "Он последовал приглашению прусского короля Фридрих II.",
         "Он последовал приглашению прусского короля Фридриха II.", "ru"),
        # an infinitive has no subject after it: its object (потрібно захищати Україну)
        ("Ukraine", "Україна", "Нам потрібно захищати Україна не лише зброєю.",
         "Нам потрібно захищати Україну не лише зброєю.", "uk"),
        ("Ukraine", "Україна", "Книжки роблять нас єдиними і здатними протистояти тим, хто загрожує Україна.",
         "Книжки роблять нас єдиними і здатними протистояти тим, хто загрожує Україні.", "uk"),  # загрожувати + dat
        ("Mykhailo Vitaliyovych", "Михайло Віталійович", "Михайло Віталійович немає, да?",
         "Михайла Віталійовича немає, да?", "uk"),  # the absent in the genitive
        ("Viktor Pozdnov", "Виктор Позднов", "Виктор Позднов не стало в 2010 году.",
         "Виктора Позднова не стало в 2010 году.", "ru"),
    ],
)
def test_a_title_in_one_case_an_object_and_the_absent_decide_the_case(
    en: str, form: str, text: str, expected: str, lang: str
) -> None:
    out, _ = restored([(en, form, "")], en + ".", text, lang)
    assert out == expected


@pytest.mark.parametrize(
    ("rows", "source", "text", "lang", "expected"),
    [
        # other public treebanks (UD Ukrainian IU, Russian PUD), issue #25's held-out kind: each was changed before
        # a respelling one letter from a paradigm form keeps that form's case, not the dictionary's feminine reading
        ([("Zelensky", "Зеленський", "")], "President Zelensky said.", "Тут Президент Зеленській сказав.", "uk",
         ("Тут Президент Зеленський сказав.", ["pinned"])),
        # one letter from two forms: the one ending like the token (Донбассе, not Донбасс)
        ([("Donbas", "Донбасс", "")], "The war in Donbas continues.", "Война на Донбасе продолжается.", "ru",
         ("Война на Донбассе продолжается.", ["pinned"])),
        # a patronymic takes the vocative with the first name
        ([("Oleksandr Heorhiiovych", "Олександр Георгійович", "")], "Please, Oleksandr Heorhiiovych.",
         "Будь ласка, Олєксандре Георгійовичу.", "uk", ("Будь ласка, Олександре Георгійовичу.", ["pinned"])),
        # a known man's first name (Август is a month too) before an unknown surname: a person, declined as a man
        ([("August Bebel", "Август Бебель", "")], "He criticised August Bebel.", "Он нападал на Авгюста Бебеля.",
         "ru", ("Он нападал на Августа Бебеля.", ["pinned"])),
        # the first part of a compound name keeps its form; the last part declines
        ([("Bad", "Бад", "")], "In Bad Kostritz.", "В городке Бад-Кёстриц в Тюрингии.", "ru",
         ("В городке Бад-Кёстриц в Тюрингии.", ["kept"])),
        # a relative pronoun in an oblique case is no adjective agreeing with the name: the name is its clause's
        # subject (not Фатимой Баньес)
        ([("Fatima Banez", "Фатима Баньес", "she")], "Provisions Fatima Banez was proud of.",
         "Положения, которыми Фатима Баньес гордилась.", "ru", ("Положения, которыми Фатима Баньес гордилась.",
                                                               ["kept"])),
        # a lower-case particle stays as it is, the name after it declines (not алем-джадааном)
        ([("Mohammed al-Jadaan", "Мохаммед аль-Джадаан", "")], "He met Mohammed al-Jadaan.",
         "Он встретился с Мохаммед аль-Джадаан.", "ru", ("Он встретился с Мохаммедом аль-Джадааном.", ["pinned"])),
        ([("Mohammed al-Jadaan", "Мохаммед аль-Джадаан", "")], "He met Mohammed al-Jadaan.",
         "Он встретился с Мохаммедом аль-Джадааном.", "ru", ("Он встретился с Мохаммедом аль-Джадааном.", ["kept"])),
        # "за словами" (according to) is no floor given to a person: no dative
        ([("Aydin", "Айдін", "")], "According to Aydin.", "За словами Айдін, це так.", "uk",
         ("За словами Айдін, це так.", ["uncertain"])),
        ([("Mykola Solskyi", "Микола Сольський", "")], "The floor to Mykola Solskyi.",
         "Передати слово Микола Сольський.", "uk", ("Передати слово Миколі Сольському.", ["pinned"])),
        # the text's apostrophe is the glossary's name too (О'Райлі for О’Райлі): kept as written, in any case
        ([("Bill O'Reilly", "Білл О’Райлі", "")], "Journalist Bill O'Reilly said.",
         "Журналіст Білл О'Райлі заявив.", "uk", ("Журналіст Білл О'Райлі заявив.", ["kept"])),
        ([("Khudobiak", "Худоб’як", "")], "We saw Khudobiak.", "Ми бачили Худоб'яка.", "uk",
         ("Ми бачили Худоб'яка.", ["kept"])),
        # a name before the name is no title it stands in apposition to (not Біллом О'Райлі)
        ([("Donald Trump", "Дональд Трамп", ""), ("Bill O'Reilly", "Білл О'Райлі", "")],
         "In an interview with President Donald Trump, Bill O'Reilly called.",
         "В інтерв'ю з президентом США Дональдом Трампом Білл О'Райлі назвав.", "uk",
         ("В інтерв'ю з президентом США Дональдом Трампом Білл О'Райлі назвав.", ["kept", "uncertain"])),
        # a title capitalised inside the sentence is still one (Президент України Віктор Янукович: apposition)
        ([("Ukraine", "Україна", ""), ("Viktor Yanukovych", "Віктор Янукович", "")],
         "As President of Ukraine Viktor Yanukovych stressed.",
         "Як наголосив Президент України Віктор Янукович з трибуни.", "uk",
         ("Як наголосив Президент України Віктор Янукович з трибуни.", ["kept", "kept"])),
        # його is a pronoun, not the vocative of йога: no title in the vocative (not Андрію)
        ([("Andriy", "Андрій", "")], "Whom Andriy shaved.", "Що його Андрій так добре поголив.", "uk",
         ("Що його Андрій так добре поголив.", ["uncertain"])),
        # a foreign name in -і pymorphy3 reads only as an adjective's plural (сірий) is undeclined, like Тбілісі
        ([("Siri", "Сірі", "")], "A house with Siri.", "Будинок із Сірі.", "uk", ("Будинок із Сірі.", ["kept"])),
        # a verb of motion before its subject still governs в (виїжджала делегація в Ростов: not Ростові)
        ([("Rostov", "Ростов", "")], "A delegation left for Rostov.", "Зранку виїжджала делегація в Ростов.", "uk",
         ("Зранку виїжджала делегація в Ростов.", ["kept"])),
        # a Ukrainian given name (shevchenko's list; pymorphy3 marks none) beside a person noun is no genitive
        ([("Bohdan", "Богдан", "")], "Grandpa Bohdan was a prisoner.", "Дідо Богдан був тоді в полоні.", "uk",
         ("Дідо Богдан був тоді в полоні.", ["uncertain"])),
        # a foreign name in -є is undeclined (not Едієа)
        ([("Ediye", "Едіє", "")], "Grandma Ediye.", "Прабабуся Назіле, бабуся Едіє.", "uk",
         ("Прабабуся Назіле, бабуся Едіє.", ["kept"])),
        # a person after a kind of work is its author, never confirmed in the nominative (книга Мирослава): the
        # genitive is written, flagged, unless the English says "of"
        ([("Myroslav Dochynets", "Мирослав Дочинець", "")], "A book. Myroslav Dochynets.",
         "Книга Мирослав Дочинець учительна.", "uk", ("Книга Мирослава Дочинця учительна.", ["uncertain"])),
        ([("Myroslav Dochynets", "Мирослав Дочинець", "")], "The book of Myroslav Dochynets is instructive.",
         "Книга Мирослав Дочинець учительна.", "uk", ("Книга Мирослава Дочинця учительна.", ["pinned"])),
        # a country after a national team is its genitive (an adjective in Ukrainian, a noun to pymorphy3 in Russian)
        ([("Ukraine", "Україна", "")], "The team of Ukraine will play.", "Збірна Україна зіграє.", "uk",
         ("Збірна України зіграє.", ["pinned"])),
        ([("Ukraine", "Україна", "")], "Ahead of the team of Ukraine.", "Лідерство за збірною Україна.", "uk",
         ("Лідерство за збірною України.", ["pinned"])),
        ([("Russia", "Россия", "")], "He played for Russia.", "Он играл за сборную Россия.", "ru",
         ("Он играл за сборную России.", ["pinned"])),
        ([("Russia", "Россия", "")], "The Russia match is over.", "Матч сборной Россия прошёл.", "ru",
         ("Матч сборной России прошёл.", ["pinned"])),
        # a capitalised word in the title list is still a title (a capitalised word outside it is a name)
        ([("Ilham Aliyev", "Ильхам Алиев", "")], "Ilham Aliyev was awarded.",
         "Президенту Азербайджана Ильхам Алиев вручили орден.", "ru",
         ("Президенту Азербайджана Ильхаму Алиеву вручили орден.", ["pinned"])),
        # a man's name after a woman's relation: her husband's, the genitive
        ([("Bohdan Petrenko", "Богдан Петренко", "")], "He wrote to Bohdan Petrenko's wife.",
         "Він написав дружині Богдан Петренко.", "uk", ("Він написав дружині Богдана Петренка.", ["pinned"])),
        # the original spelling in brackets after the name is left as written; the Cyrillic name is the one
        ([("Barry Gordon", "Барри Гордон", "")], "Barry Gordon is an American actor.",
         "Борри Гордон (Barry Gordon) -- американский актёр.", "ru",
         ("Барри Гордон (Barry Gordon) -- американский актёр.", ["pinned"])),
        ([("Carlo di Persano", "Карло ди Персано", "")], "Admiral Carlo di Persano.",
         "Адмирал Корло ди Пэрсано (Carlo di Persano).", "ru",
         ("Адмирал Карло ди Персано (Carlo di Persano).", ["pinned"])),
        ([("Barry Gordon", "Барри Гордон", "")], "Barry Gordon is an American actor.",
         "Борри Гордон (Barri Gordon) -- американский актёр.", "ru",
         ("Барри Гордон (Barri Gordon) -- американский актёр.", ["pinned"])),
        ([("Persano", "Персано", "")], "Admiral Carlo di Persano.", "Адмирал Карло ди Пэрсано (Carlo di Persano).",
         "ru", ("Адмирал Карло ди Персано (Carlo di Persano).", ["pinned"])),
        # a Cyrillic name in brackets is the name itself (два дурачка (Незнайка и Петрушка))
        ([("Dunno", "Незнайка", "")], "Two fools (Dunno and Petrushka).", "Два дурачка (Нэзнайка и Петрушка).",
         "ru", ("Два дурачка (Незнайка и Петрушка).", ["uncertain"])),
        # where the translation shows the name nowhere else, the bracketed spelling is the name's
        ([("Barry Gordon", "Барри Гордон", "")], "The actor Barry Gordon.", "Актёр (Barry Gordon).", "ru",
         ("Актёр (Барри Гордон).", ["pinned"])),
        # an accusative that hangs on animacy nothing tells (Дамблдор a thing, Дамблдора a being) is not confirmed
        ([("Dumbledore", "Дамблдор", "")], "Many readers accuse Dumbledore.", "Многие читатели обвиняют Дамблдор.",
         "ru", ("Многие читатели обвиняют Дамблдор.", ["uncertain"])),
        # a thing's accusative is sure where the glossary's note or the dictionary tells what it is, or the
        # preposition (в Зорбаг: a place), or a being's would be written alike (Зорбагу)
        ([("Zorbag", "Зорбаг", "")], "She went to Zorbag.", "Вона поїхала в Зорбаг.",
         "uk", ("Вона поїхала в Зорбаг.", ["kept"])),
        ([("Zorbag", "Зорбаг", "city")], "They love Zorbag.", "Они любят Зорбаг.",
         "ru", ("Они любят Зорбаг.", ["kept"])),
        ([("Zorbag", "Зорбаг", "")], "They love Zorbag.", "Они любят Зорбаг.",
         "ru", ("Они любят Зорбаг.", ["uncertain"])),
        ([("Zorbaga", "Зорбага", "")], "Many readers accuse Zorbaga.", "Многие читатели обвиняют Зорбага.",
         "ru", ("Многие читатели обвиняют Зорбагу.", ["pinned"])),
        ([("Gazprom", "Газпром", "")], "The authorities back Gazprom.", "Власти поддерживают Газпром.",
         "ru", ("Власти поддерживают Газпром.", ["kept"])),  # a thing the dictionary knows
        ([("Dumbledore", "Дамблдор", "he")], "Many readers accuse Dumbledore.", "Многие читатели обвиняют Дамблдор.",
         "ru", ("Многие читатели обвиняют Дамблдора.", ["pinned"])),
        # a quoted name right after a preposition is not confirmed in the nominative; left as written, flagged
        ([("Vichnyk", "Вічник", "")], "Vichnyk: no colouring.", "Але у «Вічник» не забарвлення.", "uk",
         ("Але у «Вічник» не забарвлення.", ["uncertain"])),
        ([("Manchester United", "Манчестер Юнайтед", "")], "A contract: Manchester United.",
         "Он подписал контракт с «Манчестер Юнайтед».", "ru",
         ("Он подписал контракт с «Манчестер Юнайтед».", ["uncertain"])),
        # на кшталт is a preposition of the genitive
        ([("Titanic", "Титанік", "")], "Films like Titanic.", "Фільми на кшталт «Титанік».",
         "uk", ("Фільми на кшталт «Титаніка».", ["pinned"])),
        # a word nothing knows, read as a surname, of no known gender: left and flagged (the treebank's is a film's,
        # Інтерстеллару)
        ([("Interstellar", "Інтерстеллар", "")], "Films like Interstellar.", "Фільми на кшталт «Інтерстеллар».",
         "uk", ("Фільми на кшталт «Інтерстеллар».", ["uncertain"])),
        # a place pymorphy3 knows after a school, a continent or a country of the United Kingdom after a kind of
        # place or thing: the genitive (Университет Эдинбурга, команду Англии)
        ([("Edinburgh", "Эдинбург", "")], "Barry entered Edinburgh University.",
         "Барри поступил в Университет Эдинбург.", "ru", ("Барри поступил в Университет Эдинбурга.", ["pinned"])),
        ([("Zorbag", "Зорбаг", "")], "He entered Zorbag University.", "Он поступил в университет Зорбаг.", "ru",
         ("Он поступил в университет Зорбаг.", ["uncertain"])),  # no known place: the school's own name, perhaps
        ([("England", "Англия", "")], "To beat the England team.", "Нужно обыграть команду Англия.", "ru",
         ("Нужно обыграть команду Англии.", ["pinned"])),
        # a name nothing could inflect (pymorphy3 reads Капуя as a gerund) is written as it is: not confirmed where
        # a sure rule wants another case, kept where the nominative stands
        ([("Capua", "Капуя", "")], "He came back from Capua.", "Он вернулся из Капуя.", "ru",
         ("Он вернулся из Капуя.", ["uncertain"])),
        ([("Capua", "Капуя", "")], "He came back from Capua.", "Он вернулся из Капуа.", "ru",
         ("Он вернулся из Капуя.", ["uncertain"])),  # respelt: the glossary's spelling, still unconfirmed
        ([("Capua", "Капуя", "")], "Legions at Capua.", "Он принял командование легионами в Капуя.", "ru",
         ("Он принял командование легионами в Капуя.", ["kept"])),  # no sure rule wants another case
        ([("Capua", "Капуя", "")], "Capua is a city in Italy.", "Капуя -- город в Италии.", "ru",
         ("Капуя -- город в Италии.", ["kept"])),
        # after a time noun a name is the subject, unless the verb after it is a plural the name cannot take
        ([("Marcel", "Марсель", "")], "At that time Marcel was often left alone.",
         "В это время Марсель часто оставляли одного.", "ru", ("В это время Марсель часто оставляли одного.",
                                                            ["uncertain"])),
        ([("Petrov", "Петров", "")], "At that time Petrov was often left alone.",
         "В это время Петров часто оставляли одного.", "ru", ("В это время Петров часто оставляли одного.",
                                                           ["uncertain"])),  # Петров: no plural nominative
        # so after a clause's start: the Mellops (a family) sail, not one Mellop
        ([("Mellops", "Меллоп", "")], "And the Mellops are sailing.", "І ось Меллоп вже пливуть на кораблі.", "uk",
         ("І ось Меллоп вже пливуть на кораблі.", ["uncertain"])),
        ([("Mellop", "Меллоп", "")], "And Mellop is sailing.", "І ось Меллоп вже пливе на кораблі.", "uk",
         ("І ось Меллоп вже пливе на кораблі.", ["kept"])),
        ([("Klitschkos", "Клички", "")], "That day the Klitschkos left the ring.", "В тот день Клички оставили ринг.",
         "ru", ("В тот день Клички оставили ринг.", ["kept"])),
        ([("Franke", "Франк", "")], "In 1979 Franke became a minister.", "В 1979 году Франк стал министром.", "ru",
         ("В 1979 году Франк стал министром.", ["kept"])),
        # a name after another name in the genitive is no chain of genitives for sure (із Кельна Джахіт Базар)
        ([("Cologne", "Кельн", ""), ("Cahit Bazar", "Джахіт Базар", "")], "An activist from Cologne Cahit Bazar.",
         "Каже активіст із Кельна Джахіт Базар.", "uk", ("Каже активіст із Кельна Джахіт Базар.",
                                                       ["kept", "uncertain"])),
        # a name after a title and before another person's name is the title's owner, not the title's name (IU)
        ([("Putin", "Путін", ""), ("Dmitry Peskov", "Дмитро Пєсков", "")],
         "Putin's press secretary Dmitry Peskov said.",
         "Раніше прес-секретар Путін Дмитро Пєсков заявив про це.", "uk",
         ("Раніше прес-секретар Путін Дмитро Пєсков заявив про це.", ["uncertain", "kept"])),
        ([("Peskov", "Пєсков", "")], "Press secretary Peskov said.", "Раніше прес-секретар Пєсков заявив про це.", "uk",
         ("Раніше прес-секретар Пєсков заявив про це.", ["kept"])),
        ([("Peskov", "Пєсков", "")], "Spokesman Peskov told TASS.", "Про це повідомив речник Пєсков ТАСС.", "uk",
         ("Про це повідомив речник Пєсков ТАСС.", ["kept"])),  # a capitalised word that names no one
        # a name beside more kinds of place (UD Ukrainian IU): its own nominative, not a genitive
        ([("Crimea", "Крим", "")], "To the minister of the Autonomous Republic of Crimea.",
         "Міністру охорони здоров'я Автономної Республіки Крим доручено.", "uk",
         ("Міністру охорони здоров'я Автономної Республіки Крим доручено.", ["kept"])),
        ([("Orlivka", "Орлівка", "")], "The director of the Orlivka ferry complex.",
         "Директором ТОВ «Поромний комплекс Орлівка» був Юрій.", "uk",
         ("Директором ТОВ «Поромний комплекс Орлівка» був Юрій.", ["kept"])),
        # a heading in capitals (UD Russian Poetry): its form kept, or written in capitals too
        ([("Volga", "Волга", "")], "A dream on the Volga", "СОН НА ВОЛГЕ", "ru", ("СОН НА ВОЛГЕ", ["kept"])),
        ([("Volga", "Волга", "")], "A dream on the Volga", "СОН НА ВОЛГА", "ru", ("СОН НА ВОЛГЕ", ["pinned"])),
        ([("NATO", "НАТО", "")], "NATO troops", "Войска НАТО", "ru", ("Войска НАТО", ["kept"])),
        ([("Volga", "Волга", "")], "He lived on the Volga.", "Он жил на Волга.", "ru",
         ("Он жил на Волге.", ["pinned"])),
        # a person's name in a consonant whose gender nothing tells: a woman's is written as it is, a man's
        # declines, so it is left and flagged (UD Russian PUD: с Флоренс Гаррард, для Кербер were made masculine)
        ([("Florence Garrard", "Флоренс Гаррард", "")], "Kipling met Florence Garrard there.",
         "Киплинг познакомился с Флоренс Гаррард там.", "ru",
         ("Киплинг познакомился с Флоренс Гаррард там.", ["uncertain"])),
        ([("Kerber", "Кербер", "")], "For Kerber the final ends the season.", "Для Кербер финал завершает сезон.",
         "ru", ("Для Кербер финал завершает сезон.", ["uncertain"])),
        ([("Bakunets", "Бакунець", "")], "An amendment by MP Bakunets.",
         "Поправка за авторством народного депутата Бакунець.", "uk",
         ("Поправка за авторством народного депутата Бакунець.", ["uncertain"])),  # Бакунця if a man's
        ([("Kerber", "Кербер", "she")], "For Kerber the final ends the season.", "Для Кербер финал завершает сезон.",
         "ru", ("Для Кербер финал завершает сезон.", ["kept"])),
        ([("Kerber", "Кербер", "he")], "For Kerber the final ends the season.", "Для Кербер финал завершает сезон.",
         "ru", ("Для Кербера финал завершает сезон.", ["pinned"])),
        # ... told by a noun naming a woman beside it (UD Russian PUD): her name in consonants is written as it is
        ([("Angel", "Энджел", "")], "The same with her daughter Angel.", "То же самое с ее дочерью Энджел.", "ru",
         ("То же самое с ее дочерью Энджел.", ["kept"])),
        ([("Elaine", "Элейн", "")], "He met his wife Elaine.", "Он познакомился со своей женой Элейн.", "ru",
         ("Он познакомился со своей женой Элейн.", ["kept"])),
        ([("Clinton", "Клинтон", "")], "Mrs Clinton's relations.", "Отношения г-жи Клинтон сложные.", "ru",
         ("Отношения г-жи Клинтон сложные.", ["kept"])),
        # (a first name that declines still does: Зинаиды; a relation with no possessive may be someone's: дочь
        # Энджела)
        ([("Zinaida Gippius", "Зинаида Гиппиус", "")], "A cousin of the poet Zinaida Gippius.",
         "Двоюродный брат поэтессы Зинаида Гиппиус.", "ru", ("Двоюродный брат поэтессы Зинаиды Гиппиус.",
                                                             ["uncertain"])),
        ([("Angel", "Энджел", "")], "He came with daughter Angel.", "Он приехал с дочерью Энджел.", "ru",
         ("Он приехал с дочерью Энджел.", ["uncertain"])),
        ([("Clinton", "Клинтон", "")], "He came with Clinton's daughter.", "Он приехал с дочерью Клинтон.", "ru",
         ("Он приехал с дочерью Клинтон.", ["uncertain"])),
        # (коллега, жертва name a man or a woman)
        ([("Kerber", "Кербер", "")], "He came with colleague Kerber.", "Он приехал с коллегой Кербер.", "ru",
         ("Он приехал с коллегой Кербер.", ["uncertain"])),
        ([("Kerber", "Кербер", "")], "Like his victim Kerber.", "Как и с его жертвой Кербер.", "ru",
         ("Как и с его жертвой Кербер.", ["uncertain"])),  # not guessed a man's either: left, flagged
        # ... told by a relative pronoun right after the name (яка: hers, written as it is; який: his); a plural
        # one, or a first name the dictionary only guesses (Гаррард), tells nothing
        ([("Garrard", "Гаррард", "")], "I spoke with Garrard, who won.", "Я говорив з Гаррард, яка виграла.", "uk",
         ("Я говорив з Гаррард, яка виграла.", ["kept"])),
        ([("Garrard", "Гаррард", "")], "I spoke with Garrard, who won.", "Я говорив з Гаррард, який виграв.", "uk",
         ("Я говорив з Гаррардом, який виграв.", ["pinned"])),
        ([("Garrard", "Гаррард", "")], "I spoke with Garrard yesterday.", "Я говорив з Гаррард учора.", "uk",
         ("Я говорив з Гаррард учора.", ["uncertain"])),
        ([("Garrard", "Гаррард", "")], "He spoke with Garrard, who worked there.",
         "Он говорил с Гаррард, которые работали там.", "ru", ("Он говорил с Гаррард, которые работали там.",
                                                              ["uncertain"])),
        ([("Florence Garrard", "Флоренс Гаррард", "")], "Kipling met Florence Garrard, who studied there.",
         "Киплинг познакомился с Флоренс Гаррард, которая училась там.", "ru",
         ("Киплинг познакомился с Флоренс Гаррард, которая училась там.", ["kept"])),
        # ... or a title right before it (господин, пан: his; госпожа: hers; not президент, said of anyone)
        ([("Garrard", "Гаррард", "")], "I spoke with Mr Garrard.", "Я говорил с господином Гаррард.", "ru",
         ("Я говорил с господином Гаррардом.", ["pinned"])),
        ([("Garrard", "Гаррард", "")], "I spoke with Mrs Garrard.", "Я говорил с госпожой Гаррард.", "ru",
         ("Я говорил с госпожой Гаррард.", ["kept"])),
        ([("Garrard", "Гаррард", "")], "Mr Garrard, please.", "Пане Гаррард, прошу.", "uk",
         ("Пане Гаррарде, прошу.", ["pinned"])),
        ([("Garrard", "Гаррард", "")], "I spoke with President Garrard.", "Я говорил с президентом Гаррард.", "ru",
         ("Я говорил с президентом Гаррард.", ["uncertain"])),
        # (her first name in -а still declines, Сашей Гаррард, and the paradigm, a man's by default, would write
        # Сашей Гаррардом: left and flagged)
        ([("Sasha Garrard", "Саша Гаррард", "")], "He spoke with Sasha Garrard, who worked there.",
         "Он говорил с Саша Гаррард, которая работала там.", "ru",
         ("Он говорил с Саша Гаррард, которая работала там.", ["uncertain"])),
        # ... and where the sentence wants the nominative, nothing hangs on it
        ([("Kerber", "Кербер", "")], "Kerber won the final.", "Кербер выиграла финал.", "ru",
         ("Кербер выиграла финал.", ["kept"])),
        # ... told by a man's first name (pymorphy3's, or shevchenko's list: Богдан) or the dictionary's surnames
        ([("Bohdan", "Богдан", "")], "I spoke with Bohdan.", "Я говорив з Богдан.", "uk",
         ("Я говорив з Богданом.", ["pinned"])),
        ([("Bohdan Bakunets", "Богдан Бакунець", "")], "An amendment by MP Bohdan Bakunets.",
         "Поправка за авторством народного депутата Богдан Бакунець.", "uk",
         ("Поправка за авторством народного депутата Богдана Бакунця.", ["pinned"])),
        ([("Rustem Garrard", "Рустем Гаррард", "")], "Kipling met Rustem Garrard.",
         "Киплинг познакомился с Рустем Гаррард.", "ru", ("Киплинг познакомился с Рустемом Гаррардом.", ["pinned"])),
        ([("Merkel", "Меркель", "")], "He met Merkel.", "Он встретился с Меркель.", "ru",
         ("Он встретился с Меркель.", ["kept"])),
        ([("Trump", "Трамп", "")], "He met Trump.", "Он встретился с Трамп.", "ru",
         ("Он встретился с Трампом.", ["pinned"])),
        # an adjective of another gender than the name is no nominative (в сусідній Польща), and one after the noun
        # it agrees with is not the name's (частини третьої КУпАП)
        ([("Poland", "Польща", "")], "Less than in neighbouring Poland.", "Менше ніж в сусідній Польща.", "uk",
         ("Менше ніж в сусідній Польщі.", ["uncertain"])),
        ([("Code", "КУпАП", "")], "Part three of the Code.", "Зміни в частини третьої КУпАП.", "uk",
         ("Зміни в частини третьої КУпАП.", ["uncertain"])),
        # (a feminine adjective before a name of another gender, after no noun it agrees with: the name's, undeclined)
        ([("Bangladesh", "Бангладеш", "")], "The feast of neighbouring Bangladesh.",
         "Праздник соседней Бангладеш известен.", "ru", ("Праздник соседней Бангладеш известен.", ["kept"])),
        # (о, с read as nouns too, feminine abbreviations: still prepositions)
        ([("Bangladesh", "Бангладеш", "")], "About neighbouring Bangladesh.", "Он говорил о соседней Бангладеш.",
         "ru", ("Он говорил о соседней Бангладеш.", ["kept"])),
        ([("Bangladesh", "Бангладеш", "")], "A treaty with neighbouring Bangladesh.",
         "Договор с соседней Бангладеш подписан.", "ru", ("Договор с соседней Бангладеш подписан.", ["kept"])),
        # an adjective agreeing with any of the name's readings (Іванович: a man's patronymic, a woman's surname)
        ([("Nimchenko Vasyl Ivanovych", "Німченко Василь Іванович", "")], "Next, Nimchenko Vasyl Ivanovych.",
         "Ми зараз в обговоренні цього питання, наступний Німченко Василь Іванович.", "uk",
         ("Ми зараз в обговоренні цього питання, наступний Німченко Василь Іванович.", ["kept"])),
        # a person after a noun of a thing: the genitive, written and flagged (right in 23 of 24 on UD); not where a
        # title heads the words before (the chair's name, not the committee's), nor after a number (1905-му)
        ([("Bosch", "Босх", "")], "Bosch.", "Який сенс мають картини Босх?", "uk",
         ("Який сенс мають картини Босха?", ["uncertain"])),
        ([("Serhiy Kalchenko", "Сергій Кальченко", "")], "The committee chair Serhiy Kalchenko is invited.",
         "Запрошується голова Комітету з питань Регламенту Сергій Кальченко.", "uk",
         ("Запрошується голова Комітету з питань Регламенту Сергій Кальченко.", ["uncertain"])),
        ([("Mykola Khvylovyi", "Микола Хвильовий", "")], "I invite the committee chair Mykola Khvylovyi.",
         "Запрошую голову Комітету з питань культури Микола Хвильовий.", "uk",
         ("Запрошую голову Комітету з питань культури Микола Хвильовий.", ["uncertain"])),
        ([("Mozart", "Моцарт", "")], "Mozart.", "Художник написав портрет Моцарт.", "uk",
         ("Художник написав портрет Моцарта.", ["uncertain"])),  # (a verb between: the title is the subject)
        ([("Kurt Vires", "Курт Вірес", "")], "The pair Kurt Vires performed.", "Виступала пара Курт Вірес.", "uk",
         ("Виступала пара Курт Вірес.", ["uncertain"])),  # (a group's members beside it)
        ([("Albert Einstein", "Альберт Айнштайн", "")], "Albert Einstein.",
         "Статтю написав у 1905-му Альберт Айнштайн.", "uk",
         ("Статтю написав у 1905-му Альберт Айнштайн.", ["uncertain"])),
        ([("Albert Einstein", "Альберт Айнштайн", "")], "In 1905 Albert Einstein used quanta.",
         "У 1905-му Альберт Айнштайн використав кванти.", "uk",
         ("У 1905-му Альберт Айнштайн використав кванти.", ["uncertain"])),
        # a Ukrainian verb the dictionary gives no number agrees with a name before it as a singular (тета Міра
        # знайшла); a thing's name after a noun of a thing is still its genitive (ринку України спостерігалася)
        ([("Mira", "Міра", "")], "Aunt Mira found the cat.", "Кицю тета Міра знайшла на цвинтарі.", "uk",
         ("Кицю тета Міра знайшла на цвинтарі.", ["uncertain"])),
        ([("Ukraine", "Україна", "")], "Ukraine.", "На книжковому ринку Україна спостерігалася стагнація.", "uk",
         ("На книжковому ринку України спостерігалася стагнація.", ["uncertain"])),
        # a name in consonants whose gender nothing tells is not declined as a man's by a guess either; the note
        # says whose it is
        ([("Aydin", "Айдін", "")], "According to Aydin, it helps.", "За словами Айдін, це допомагає.", "uk",
         ("За словами Айдін, це допомагає.", ["uncertain"])),
        ([("Aydin", "Айдін", "he")], "According to Aydin, it helps.", "За словами Айдін, це допомагає.", "uk",
         ("За словами Айдіна, це допомагає.", ["uncertain"])),
        # a day of the week is a time noun: the name after it starts the clause (В среду Майкрософт анонсировал)
        ([("Microsoft", "Майкрософт", "")], "On Wednesday Microsoft announced a tool.",
         "В среду Майкрософт анонсировал новый инструмент.", "ru",
         ("В среду Майкрософт анонсировал новый инструмент.", ["kept"])),
        # ... and so is a month, past the year's number (12 сентября 1789 Генри Нокс был назначен)
        ([("Henry Knox", "Генри Нокс", "")], "On 12 September 1789 Henry Knox was appointed minister.",
         "12 сентября 1789 Генри Нокс был назначен министром.", "ru",
         ("12 сентября 1789 Генри Нокс был назначен министром.", ["kept"])),
        # the verb of saying after a quote and a dash names the speaker, in the nominative
        ([("Olha Kosharna", "Ольга Кошарна", "")], "Olha Kosharna says so.",
         "«Ціна зросте», — каже Ольга Кошарна.", "uk", ("«Ціна зросте», — каже Ольга Кошарна.", ["kept"])),
        ([("Jamala", "Джамала", "")], "Jamala wrote so.", "\"Вони виховали дітей\", - написала Джамала.", "uk",
         ("\"Вони виховали дітей\", - написала Джамала.", ["kept"])),
        ([("Alexei Popov", "Алексей Попов", "")], "Alexei Popov said so.",
         "Мы не успеваем, — сказал Алексей Попов.", "ru", ("Мы не успеваем, — сказал Алексей Попов.", ["kept"])),
        # (not a verb after a dash that follows no quote or comma: its object, flagged; nor a plural verb, whose
        # subject a singular name is not)
        ([("Maria", "Мария", "")], "He came home and hugged Maria.", "Он пришёл домой — обнял Мария.", "ru",
         ("Он пришёл домой — обнял Мария.", ["uncertain"])),
        ([("Alexei Popov", "Алексей Попов", "")], "They said it to Alexei Popov.",
         "Мы не успеваем, — сказали Алексей Попов.", "ru", ("Мы не успеваем, — сказали Алексей Попов.", ["uncertain"])),
        # the subject after a finite verb the case table gives a nominative (був, сказал), kept unflagged; not an
        # infinitive's predicate (може бути Робертом Прахазкою) nor an opinion's object (считает Монголию частью)
        ([("Yuriy Dymchohlo", "Юрій Димчогло", "")], "Yuriy Dymchohlo was the director.",
         "Свого часу генеральним директором ТОВ був Юрій Димчогло.", "uk",
         ("Свого часу генеральним директором ТОВ був Юрій Димчогло.", ["kept"])),
        ([("Robert Prakhazka", "Роберт Прахазка", "")], "Robert may be Robert Prakhazka.",
         "Хтось подумав, що Роберт може бути Роберт Прахазка.", "uk",
         ("Хтось подумав, що Роберт може бути Роберт Прахазка.", ["uncertain"])),
        ([("Mongolia", "Монголия", "")], "The Republic considers Mongolia its part.",
         "Китайская Республика считает Монголия частью своей территории.", "ru",
         ("Китайская Республика считает Монголия частью своей территории.", ["uncertain"])),
        # a respelt Ukrainian locative keeps the model's own ending among the case's variants (Вічнику, not
        # Вічникові); a copied nominative gets the -і form
        ([("Vichnyk", "Вічник", "")], "Vichnyk.", "Але у «Вічніку» не забарвлення.", "uk",
         ("Але у «Вічнику» не забарвлення.", ["pinned"])),
        ([("Vichnyk", "Вічник", "")], "Vichnyk.", "Але у Вічник не забарвлення.", "uk",
         ("Але у Вічникові не забарвлення.", ["pinned"])),
        # an initial never declines (книгу Р. Семона)
        ([("R", "Р", ""), ("Semon", "Семон", "")], "When R. Semon's book was translated.",
         "Коли книгу Р. Семона було перекладено.", "uk", ("Коли книгу Р. Семона було перекладено.", ["kept", "kept"])),
        # a word no paradigm reads, respelt with another ending than its nominative (Жючку for Жучка): its case is
        # not the nominative written over it, so it is flagged
        ([("Zhuchka", "Жучка", "")], "Dad picked up Zhuchka.", "Тато підібрав Жючку.", "uk",
         ("Тато підібрав Жучка.", ["uncertain"])),
    ],
)
def test_forms_other_public_treebanks_showed_wrong(
    rows: list[tuple[str, str, str]], source: str, text: str, lang: str, expected: tuple[str, list[str]]
) -> None:
    assert restored(rows, source, text, lang) == expected


def test_the_benchmark_takes_other_treebanks_by_their_language_prefix(tmp_path: Path) -> None:
    gold = tmp_path / "ru_other-ud-dev.conllu"
    gold.write_text("# text = В Москве.\n1\tВ\tв\tADP\t_\t_\t2\tcase\t_\t_\n"
                    "2\tМоскве\tМосква\tPROPN\t_\tCase=Loc|Number=Sing\t0\troot\t_\tSpaceAfter=No\n"
                    "3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n", encoding="utf-8")
    assert public.treebank(str(gold)) == (gold, "ru")
    scores = public.evaluate_files([public.treebank(str(gold))])
    assert (scores[("A", "ru")].names, scores[("C", "ru")].names) == (1, 1)
    with pytest.raises(argparse.ArgumentTypeError, match="no such file"):
        public.treebank(str(tmp_path / "en_ewt-ud-dev.conllu"))
    english = tmp_path / "en_ewt-ud-dev.conllu"
    english.write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(argparse.ArgumentTypeError, match="must start with ru_ or uk_"):
        public.treebank(str(english))


@pytest.mark.parametrize(
    ("form", "vocative"),
    [
        ("Олександр Георгійович", "Олександре Георгійовичу"),
        ("Нестор Іванович Шуфрич", "Несторе Івановичу Шуфрич"),  # the surname in -ич is no patronymic
        ("Железняк Ярослав Іванович", "Железняк Ярославе Івановичу"),  # surname first
        ("Констанкевич Ірина Мирославівна", "Констанкевич Ірино Мирославівно"),
        ("Павло Шуфрич", "Павле Шуфрич"),
    ],
)
def test_the_vocative_changes_the_first_name_and_the_patronymic(form: str, vocative: str) -> None:
    glossary = Glossary((GlossaryEntry({"en": ("X",), "uk": (form,)}),))
    assert written(glossary, 0, "uk", "voct") == vocative


@pytest.mark.parametrize(
    ("form", "text", "statuses"),
    [
        # a named thing's label is its nominative (the other treebanks: под названием Сандерленд, a quoted
        # factory whose name opens with a number)
        ("Сандерленд", "Коттон родилась в деревне под названием Сандерленд.", ["kept"]),
        ("Октобар", "Авиаудары на металлообрабатывающий завод ``14 Октобар'' и городскую ТЭЦ.", ["kept"]),
        # the subject of a clause opening with a prepositional phrase, its verb of the name's gender after it
        ("Малерб", "Говорят, что на смертном одре Малерб упрекнул ухаживавшего за ним человека.", ["kept"]),
        ("Перл-Харбор", "На протяжении войны Перл-Харбор часто использовался в пропаганде.", ["kept"]),
        # ... not where a nominative after the verb may be its subject, nor after a phrase that opens with a noun:
        # a genitive there, below the bar in Russian, so left and flagged
        ("Париж", "После взятия Париж наступил мир.", ["uncertain"]),
        ("Смоленск", "Его отряд разведки Смоленск покинул ночью.", ["uncertain"]),
        ("Лондон", "Во время войны Лондон остаётся столицей.", ["uncertain"]),  # a present shows no gender
        ("Барбаросса", "Операция под кодовым названием Барбаросса началась.", ["kept"]),
    ],
)
def test_a_nominative_label_or_fronted_subject_is_kept_unflagged(form: str, text: str, statuses: list[str]) -> None:
    assert restored([("X", form, "")], "X.", text, "ru") == (text, statuses)


@pytest.mark.parametrize(
    ("form", "text", "rule"),
    [
        ("Айбинген", "Монахини переселились в аббатство Айбинген.", "beside a kind of place or thing"),
        ("Тулча", "Она находится в Румынии (уезд Тулча).", "beside a kind of place or thing"),
        ("Франция", "Завоевание всего Королевства Франция.", "beside a kind of place or thing"),
        ("Спарта", "Во второй Мессенской войне Спарта показала себя силой.", "subject after a fronted phrase"),
        ("Сахель", "Климат Сахель похож на климат пустыни.", "inanimate noun + genitive"),
    ],
)
def test_kinds_of_place_and_fronted_subjects_are_read_before_the_genitive(form: str, text: str, rule: str) -> None:
    # the rule each name is decided by, before the bar (the genitive rule was 83% right on the other treebanks
    # with these read as genitives, 87% without)
    assert decided(text, form, "ru").rule == rule


@pytest.mark.parametrize(
    ("rows", "text", "expected"),
    [
        # an adjective in the nominative or the inanimate accusative before a place: its nominative
        ([("Irgiz", "Иргиз", "")], "Участок реки -- Большой Иргиз от истока.",
         ("Участок реки -- Большой Иргиз от истока.", ["kept"])),
        # a plural before one singular name agrees with no name; a passive participle names its agent, unsure
        ([("Joseph Brant", "Джозеф Брант", "")], "Индейцы прибыли из Канады, ведомые Джозеф Брант; они шли.",
         ("Индейцы прибыли из Канады, ведомые Джозеф Брант; они шли.", ["uncertain"])),
        ([("Entente", "Антанта", "")], "Войска, ведомые Антанта, наступали.",
         ("Войска, ведомые Антанта, наступали.", ["uncertain"])),
        # ... but a plural before a pair agrees with both
        ([("Latvia", "Латвия", "")], "Переговоры вели соседние Латвия и Литва.",
         ("Переговоры вели соседние Латвия и Литва.", ["kept"])),
        # the subject after a fronted phrase opening with a longer preposition, a thing's or a person's
        ([("Kremlin", "Кремль", "")], "После реставрации Кремль стал музеем.", ("После реставрации Кремль стал музеем.",
                                                                              ["kept"])),
        ([("Ivan Petrov", "Иван Петров", "")], "После увольнения Иван Петров играл в театре.",
         ("После увольнения Иван Петров играл в театре.", ["kept"])),
        # the model's locative of a hyphenated name, its stem respelt: read as one word, written in that case
        ([("Saint Paul", "Сент-Поль", "")], "Он родился в Сэнт-Поле, штат Миннесота.",
         ("Он родился в Сент-Поле, штат Миннесота.", ["pinned"])),
    ],
)
def test_agreement_fronted_subjects_and_hyphenated_renderings(
    rows: list[tuple[str, str, str]], text: str, expected: tuple[str, list[str]]
) -> None:
    assert restored(rows, rows[0][0] + ".", text, "ru") == expected


def test_an_adjective_of_the_nominative_only_for_a_person_decides_its_case() -> None:
    # сам Нансен: a man's accusative would be самого, so сам is a nominative; kept out of the inanimate-accusative
    # rule it once shared (below the bar on UD dev: 5/6, ирландский [акцент] Шона Бина), and measured apart
    text = "Инициатором был профессор Брёггер, сам Нансен был назначен членом правления."
    decision = decided(text, "Нансен", "ru", person=True)
    assert (decision.case, decision.rule) == ("nomn", "agreement with a nominative adjective, a person")
    place = decided(text, "Нансен", "ru")
    assert place.rule == "agreement with a nominative or accusative adjective"


@pytest.mark.parametrize(
    ("form", "kind"),
    [("Санта-Барбара", "thing"), ("Сен-Жермен", "thing"), ("Жан-Поль", "person"), ("Петров-Водкин", "person"),
     ("Римский-Корсаков", "person"), ("Белосельский-Белозерский", "person"), ("Бонч-Бруевич", "person")],
)
def test_a_hyphenated_word_is_a_person_when_its_first_part_or_the_whole_is_a_name(form: str, kind: str) -> None:
    from translator.glossary.profile import entry_profile

    assert entry_profile([("ru", form)], "").kind == kind


@pytest.mark.parametrize(
    ("form", "text"),
    [
        ("Оскар", "«Дисней» выиграл еще одну почетную премию «Оскар» за выдающиеся заслуги."),
        ("Рамблер", "Успех компактной модели «Рамблер» побудил компанию к переменам."),
        ("Апулия", "В течение XIII века название «Апулия» использовалось некоторыми авторами."),
    ],
)
def test_a_quoted_name_after_a_noun_of_works_brands_and_words_is_kept_unflagged(form: str, text: str) -> None:
    # PUD test: each was flagged (a quoted name after another noun is a genitive often enough: стоимость
    # «Фольксвагена»); after these nouns the quoted name labels them, 15/15 on the other treebanks
    assert restored([("X", form, "")], "X.", text, "ru") == (text, ["kept"])


@pytest.mark.parametrize(
    ("form", "text", "expected"),
    [
        # verbs of settling, growing up, landing: в + a place after them is where, the locative (UD dev ru)
        ("Берлин", "Он поселился в Берлин (Потсдам), но вскоре уехал.",
         "Он поселился в Берлине (Потсдам), но вскоре уехал."),
        ("Сиэтл", "Крэйг Бартлетт, выросший в Сиэтл, брал реальные места.",
         "Крэйг Бартлетт, выросший в Сиэтле, брал реальные места."),
        ("Чернобыль", "Горбачёв не приземлился в Чернобыль.", "Горбачёв не приземлился в Чернобыле."),
    ],
)
def test_a_place_after_a_verb_of_settling_is_in_the_locative(form: str, text: str, expected: str) -> None:
    assert restored([("X", form, "")], "X.", text, "ru") == (expected, ["pinned"])


def test_a_season_said_as_an_adverb_of_time_starts_a_new_constituent() -> None:
    # PUD: Летом Джордж was read as a genitive after the noun лето; в то лето Грига (an object) is not a time adverb
    text = "Летом Джордж и его жена вернулись в Швейцарию."
    assert restored([("George", "Джордж", "")], "George.", text, "ru") == (text, ["kept"])
    _, statuses = restored([("Grieg", "Григ", "")], "Grieg.", "Вы разучивали в то лето Григ.", "ru")
    assert statuses == ["uncertain"]


@pytest.mark.parametrize(
    ("form", "text", "expected"),
    [
        # a country after a noun of a person or a thing is its genitive in Russian (7/7 and 16/16 on UD dev, 5/5 and
        # 26/27 on the other treebanks), where the genitive after a thing as a whole stays below the bar
        ("Франция", "Он был маршал Франция и алхимик.", "Он был маршал Франции и алхимик."),
        ("Европа", "Он четыре раза защитил титул чемпиона Европа.", "Он четыре раза защитил титул чемпиона Европы."),
        ("Россия", "По данным водного реестра Россия относится к бассейну.",
         "По данным водного реестра России относится к бассейну."),
    ],
)
def test_a_country_after_a_noun_is_its_genitive_in_russian(form: str, text: str, expected: str) -> None:
    assert restored([("X", form, "")], "X.", text, "ru") == (expected, ["pinned"])


def test_a_name_after_this_is_no_genitive_of_the_noun_before() -> None:
    # Taiga: почему это не Азия? was read as the genitive of the noun before это
    text = "Под жестом топора почему это не Азия?"
    assert restored([("Asia", "Азия", "")], "Asia.", text, "ru")[0] == text


def test_a_place_that_is_no_country_after_a_title_stays_unsure() -> None:
    # PUD: Лорд Галифакс is a man named after a place; only a country after a person noun is surely its genitive
    text = "Лорд Галифакс, председатель совета, посетил Германию."
    assert restored([("Halifax", "Галифакс", "")], "Halifax.", text, "ru") == (text, ["uncertain"])


@pytest.mark.parametrize(
    ("form", "text", "expected", "statuses"),
    [
        # an adjective in -ого before a thing: its accusative would be -ый, so the genitive (UD dev ru)
        ("Харьков", "Первой освобождённой частью нынешнего Харьков стала Даниловка.",
         "Первой освобождённой частью нынешнего Харькова стала Даниловка.", ["pinned"]),
        ("Букрин", "Войска форсировали реку в районе Великого Букрин, откуда шли.",
         "Войска форсировали реку в районе Великого Букрина, откуда шли.", ["pinned"]),
        # a person's accusative is written as the genitive is: the adjective says nothing sure of its case
        ("Джан Галлеаццо Висконти", "Он служил при дворе герцога Миланского Джан Галлеаццо Висконти.",
         "Он служил при дворе герцога Миланского Джана Галлеаццо Висконти.", ["uncertain"]),
        # an abbreviation may take an ending or not (ВАКСом, в США): left as it was
        ("РИИЦ", "С 2006 года -- генеральный директор АНО Кировского РИИЦ (Регионального центра).",
         "С 2006 года -- генеральный директор АНО Кировского РИИЦ (Регионального центра).", ["kept"]),
    ],
)
def test_an_adjective_whose_accusative_is_only_animate_makes_a_things_name_genitive(
    form: str, text: str, expected: str, statuses: list[str]
) -> None:
    assert restored([("X", form, "")], "X.", text, "ru") == (expected, statuses)


@pytest.mark.parametrize(
    ("form", "text"),
    [
        # UD dev (ru): each was flagged under the rule for every quoted name (18/20 there)
        ("МТС", "Услуги мобильной связи предоставляют «МТС» и «Билайн»."),
        ("Президент", "Он успел сказать, что «Президент» оторвался от души."),
        ("Франкен", "Первой командой для Штульфаута явилась «Франкен», где он играл."),
    ],
)
def test_a_quoted_name_after_a_verb_or_a_conjunction_is_kept_unflagged(form: str, text: str) -> None:
    # nothing before the quote for the name to depend on or agree with: its nominative (11/11 on the public
    # treebanks, dev and the others)
    assert restored([("X", form, "")], "X.", text, "ru") == (text, ["kept"])


@pytest.mark.parametrize(
    ("form", "text"),
    [
        ("Фольксваген", "Скандал понизил стоимость «Фольксваген» на десятки миллиардов евро."),  # Фольксвагена
        ("Лучина", "Снова я слышу родную «Лучина»."),  # Лучину
        ("Андерлехт", "Он лучший бомбардир «Андерлехт» в Лиге Европы."),  # Андерлехта
    ],
)
def test_a_quoted_name_after_a_noun_or_an_adjective_stays_flagged(form: str, text: str) -> None:
    # the other treebanks and UD dev: after a noun or an adjective the quoted name is oblique often enough
    assert restored([("X", form, "")], "X.", text, "ru") == (text, ["uncertain"])


@pytest.mark.parametrize("conjunction", ["и", "или"])
def test_a_quoted_name_after_a_coordinating_conjunction_takes_its_first_conjuncts_case(conjunction: str) -> None:
    # и reads as a conjunction, but the name after it is as its first conjunct, quoted or not
    rows = [("G", "Газпром", ""), ("L", "Лукойл", "")]
    text = f"Он купил акции «Газпрома» {conjunction} «Лукойл»."
    assert restored(rows, "G L.", text, "ru") == (text.replace("«Лукойл»", "«Лукойла»"), ["kept", "pinned"])
    tex = f"Он купил акции ``Газпрома'' {conjunction} ``Лукойл''."
    assert restored(rows, "G L.", tex, "ru") == (tex.replace("``Лукойл''", "``Лукойла''"), ["kept", "pinned"])
    unsure = f"Акции «Газпром» {conjunction} «Лукойл» упали."  # the first below the bar: the second as unsure
    assert restored(rows, "G L.", unsure, "ru") == (unsure, ["uncertain", "uncertain"])
    listed = f"Связь предоставляют «Газпром» {conjunction} «Лукойл»."
    assert restored(rows, "G L.", listed, "ru") == (listed, ["kept", "kept"])


def test_a_quoted_name_after_a_but_is_not_confirmed() -> None:
    # а joins like to like too, but here nothing before it is a name: the quoted name after it is flagged
    text = "Он купил акции, а «Лукойл» нет."
    assert restored([("L", "Лукойл", "")], "L.", text, "ru") == (text, ["uncertain"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # UD dev (ru GSD, its ''quotes''): the respelt name took its closing quotes with it
        ("в ``Диатрибе доктора Акокия'') был", "в ``Диатрибе доктора Акакия'') был"),
        ("в 'Диатрибе доктора Акокия' был", "в 'Диатрибе доктора Акакия' был"),
        ("в «Диатрибе доктора Акокия» был", "в «Диатрибе доктора Акакия» был"),
    ],
)
def test_a_quote_after_a_respelt_name_is_left_where_it_is(text: str, expected: str) -> None:
    assert restored([("Akaky", "Акакий", "")], "Akaky.", text, "ru") == (expected, ["pinned"])
    # a hyphenated name is looked for in whole words, with the same apostrophes
    hyphenated = text.replace("Акокия", "Рейнлянд-Пфальца")
    assert restored([("Rhineland-Palatinate", "Рейнланд-Пфальц", "")], "Rhineland-Palatinate.", hyphenated,
                    "ru")[0] == hyphenated.replace("Рейнлянд", "Рейнланд")


def test_an_apostrophe_inside_a_respelt_name_is_part_of_it() -> None:
    # О'Рейлі for the glossary's О'Райлі: the apostrophe between letters belongs to the word
    text = "Журналіст Білл О'Рейлі заявив."
    assert restored([("Bill O'Reilly", "Білл О'Райлі", "")], "Bill O'Reilly said.", text, "uk") == (
        "Журналіст Білл О'Райлі заявив.", ["pinned"])
    ivory = ("Cote d'Ivoire", "Кот-д'Івуар", "")  # a hyphenated name, looked for in whole words
    assert restored([ivory], "Cote d'Ivoire.", "Посол у Кот-д'Ивуарі заявив.", "uk") == (
        "Посол у Кот-д'Івуарі заявив.", ["pinned"])


@pytest.mark.parametrize(
    ("rows", "text", "lang"),
    [
        ([("S", "Шевченко", "")], 'Він читав роман "Кобзар" Шевченко.', "uk"),  # Шевченка
        ([("S", "Шевченко", "")], "Він читав роман «Кобзар» Шевченко.", "uk"),
        ([("M", "Моцарт", "")], "Она пела в опере ``Дон Жуан'' Моцарт.", "ru"),  # UD dev: Моцарта
        # Ukrainian confirms a quoted name's nominative (every quoted name right on the public treebanks), so
        # these are read as not quoted
        ([("M", "Моцарт", "")], "Роль д'Анни в опері ``Дон Жуан'' Моцарт.", "uk"),  # an apostrophe before
        ([("S", "Шевченко", "")], "Він читав роман 'Кобзар' Шевченко.", "uk"),
        ([("S", "Шевченко", "")], "Він читав роман „Кобзар“ Шевченко.", "uk"),
    ],
)
def test_a_name_after_a_closing_quote_is_not_a_quoted_name(rows: list[tuple[str, str, str]], text: str,
                                                           lang: str) -> None:
    # the quote before the name closes a title, often its author's: not confirmed in the nominative
    assert restored(rows, rows[0][0] + ".", text, lang) == (text, ["uncertain"])


@pytest.mark.parametrize(
    "text", ['Депутати фракції "Батьківщина" проголосували.', "Депутати фракції “Батьківщина” проголосували."])
def test_a_name_in_straight_or_english_quotes_is_still_quoted(text: str) -> None:
    # the first of a pair of straight quotes opens the quotation (an odd count before the name); “ opens one
    # unless „ did
    assert restored([("B", "Батьківщина", "")], "B.", text, "uk") == (text, ["kept"])


def test_a_quoted_name_after_a_sentence_opening_conjunction_is_confirmed() -> None:
    text = "Акции упали. А «Лукойл» вырос."
    assert restored([("L", "Лукойл", "")], "L.", text, "ru") == (text, ["kept"])


def test_a_word_read_as_a_verb_only_in_a_rare_reading_does_not_confirm_a_quoted_name() -> None:
    # Poetry dev: стекла «Квисисаны» (стекла a noun first, a verb in a rare reading)
    text = "Смотрите, стекла «Квисисана»!"
    assert restored([("Q", "Квисисана", "")], "Q.", text, "ru") == (text, ["uncertain"])


@pytest.mark.parametrize("apostrophe", ["'", "’", "ʼ"])
def test_an_apostrophe_inside_the_word_before_a_name_is_part_of_that_word(apostrophe: str) -> None:
    # інтерв'ю is one noun (not ю), whichever apostrophe the text writes (the dictionary has only '; UD IU
    # writes ’): a person after it is its genitive
    decision = decided(f"Ми читали інтерв{apostrophe}ю Залужний.", "Залужний", "uk", person=True)
    assert (decision.case, decision.rule) == ("gent", "a person after an inanimate noun")


def test_the_benchmark_reads_the_treebanks_html_escaped_quotes_as_quotes(tmp_path: Path) -> None:
    # Russian GSD writes its closing TeX quotes &#39;&#39;: read raw, their ; looked like a clause boundary
    rows = [("1", "газеты", "газета", "NOUN", "Case=Gen", "_"),
            ("2", "``", "``", "PUNCT", "_", "SpaceAfter=No"),
            ("3", "Гуммет", "Гуммет", "PROPN", "Case=Gen|Number=Sing", "SpaceAfter=No"),
            ("4", "&#39;&#39;", "&#39;&#39;", "PUNCT", "_", "_")]
    lines = ["\t".join((i, form, lemma, upos, "_", feats, "0", "dep", "_", misc))
             for i, form, lemma, upos, feats, misc in rows]
    (tmp_path / "ru.conllu").write_text("# text = x\n" + "\n".join(lines) + "\n\n", encoding="utf-8")
    [sentence] = public.read_sentences(tmp_path / "ru.conllu")
    assert sentence.text == "газеты ``Гуммет''"
    assert [(n.form, n.case) for n in sentence.names] == [("Гуммет", "gent")]


@pytest.mark.parametrize(
    ("form", "text", "expected", "status"),
    [
        # Ukrainian's dictionary reads its determiners as pronouns; before a name they agree with it
        ("Верховна Рада", "Це рішення нашої Верховна Рада.", "Це рішення нашої Верховної Ради.", "pinned"),
        ("Україна", "Ми говорили про цю Україна.", "Ми говорили про цю Україну.", "pinned"),
        ("Карпати", "Ми говорили про наші Карпати.", "Ми говорили про наші Карпати.", "kept"),  # a plural name
        ("Україна", "По всій Україна переважатиме купівля книг.",  # UD dev (uk): по takes three cases
         "По всій Україні переважатиме купівля книг.", "uncertain"),
        # a pronoun of its own, not the name's: left as written, flagged
        ("Україна", "Після цього Україна отримала кредит.", "Після цього Україна отримала кредит.", "uncertain"),
        ("Європа", "Попри все Європа виграла.", "Попри все Європа виграла.", "uncertain"),  # все a particle first
        ("Київ", "Після всього Київ відновився.", "Після всього Київ відновився.", "uncertain"),  # an adverb first
        ("Європа", "Попри свого Європа виграла.", "Попри свого Європа виграла.", "uncertain"),  # not her gender
    ],
)
def test_a_ukrainian_determiner_before_a_name_agrees_with_it(form: str, text: str, expected: str,
                                                              status: str) -> None:
    assert restored([("X", form, "")], "X.", text, "uk") == (expected, [status])


@pytest.mark.parametrize(
    ("form", "text", "expected", "lang"),
    [
        # Ukrainian з + a place the English does not explain: "from" after a verb or a noun (UD dev and IU dev:
        # 9 of 12), "with" in a compound preposition or after an adjective; written, flagged
        ("Туреччина", "Ми почали завозити муку з Туреччина.", "Ми почали завозити муку з Туреччини.", "uk"),
        ("Ужгород", "Переможцем стало видавництво з Ужгород.", "Переможцем стало видавництво з Ужгорода.", "uk"),
        ("Ефіопія", "Вона поставила нас поряд з Ефіопія.", "Вона поставила нас поряд з Ефіопією.", "uk"),
        ("Ефіопія", "Разом з Ефіопія ми голосували.", "Разом з Ефіопією ми голосували.", "uk"),
        ("Україна", "У співставній з Україна Франції.", "У співставній з Україною Франції.", "uk"),
        # Russian has из for "from": its с is "with" (13 of 15 places on the public treebanks)
        ("Россия", "После войны с Россия он уехал.", "После войны с Россией он уехал.", "ru"),
    ],
)
def test_with_or_from_writes_the_likelier_case_and_flags_it(form: str, text: str, expected: str, lang: str) -> None:
    assert restored([("X", form, "")], "X.", text, lang) == (expected, ["uncertain"])


@pytest.mark.parametrize(
    ("text", "name", "lang", "case", "rule"),
    [
        # the last part of a hyphenated word declines for the whole word: read from where the word begins
        ("Кинофильм режиссёра Анри-Жорж Клузо вышел в 1955 году.", "Жорж Клузо", "ru", "gent",
         "a person in apposition to an oblique person noun"),
        ("Советы Кадоши и Командорство в Монт-Табор.", "Табор", "ru", "loc2", "place в after a noun"),
        ("Он остался последним мастодонтом в Орехово-Борисово.", "Борисово", "ru", "nomn", "undeclined ending"),
        ("Пиво варили в городке Бад-Кёстриц.", "Кёстриц", "ru", "nomn", "beside a kind of place or thing"),
        # but not a last part with its own preposition, nor a name after an abbreviation, which stays
        ("В боях за Ростов-на-Дон он отличился.", "Дон", "ru", "nomn", "part of a hyphenated word"),
        ("Про це повідомляє РБК-Україна у середу.", "Україна", "uk", "nomn", "part of a hyphenated word"),
    ],
)
def test_the_last_part_of_a_hyphenated_word_is_read_as_the_whole_word(text: str, name: str, lang: str, case: str,
                                                                      rule: str) -> None:
    decision = decided(text, name, lang, person=name == "Жорж Клузо")
    assert (decision.case, decision.rule) == (case, rule)


@pytest.mark.parametrize(
    "text",
    [
        # IU dev: the first conjunct had a parenthesis after it, and the name after та was read as a new clause
        "Оркестр поїде на гастролі Україною (Львів, Київ) та Німеччина (Бонн, Берлін).",
        "Оркестр поїде на гастролі Україною (Львів (центр), Київ) та Німеччина.",
        "Оркестр поїде на гастролі Україною та Німеччина.",
    ],
)
def test_a_coordinated_name_takes_its_first_conjuncts_case_past_a_parenthesis(text: str) -> None:
    rows = [("U", "Україна", ""), ("G", "Німеччина", "")]
    assert restored(rows, "U G.", text, "uk") == (text.replace("Німеччина", "Німеччиною"), ["kept", "pinned"])


@pytest.mark.parametrize(
    ("rows", "text", "lang", "statuses"),
    [
        # nothing before the name it could depend on, a verb agreeing with it after: its subject, confirmed
        ([("F", "Алекс Фергюсон", "")], "В сезоне 2007/08 Алекс Фергюсон активно использовал ротацию.", "ru",
         ["kept"]),
        ([("M", "Майя", "")], "Утім Майя повторює це вчительці.", "uk", ["kept"]),
        ([("F", "Алекс Фергюсон", "")], "Игрой долго Алекс Фергюсон руководил.", "ru", ["kept"]),  # an adverb
        ([("J", "Юхан", "")], "Король Карл XIV Юхан умер 8 марта 1844 года.", "ru", ["kept"]),  # a Latin numeral
        ([("F", "Алекс Фергюсон", "")], "Работу их Алекс Фергюсон оценил.", "ru", ["kept"]),  # a pronoun
        ([("L", "Микола Лукаш", "")], "Колись Микола Лукаш розповідав про селянку.", "uk", ["kept"]),
        # a noun before it (Победа Дональда Трампа), a subject pronoun in the clause, a conjunction joining it
        # to a name before (брака Ирода Антипы и Иродиады): below the bar, flagged
        ([("T", "Дональд Трамп", "")], "Победа Дональд Трамп сделала бы мир тревожнее.", "ru", ["uncertain"]),
        ([("U", "Україна", "")], "Вона чітко Україна поставила поряд з іншими.", "uk", ["uncertain"]),
        ([("M", "Майя", "")], "Утім Майя повторює пояснення вчительки.", "uk", ["uncertain"]),
        ([("H", "Ирод Антипа", ""), ("I", "Иродиада", "")],
         "Точный год брака Ирод Антипа и Иродиада является предметом споров.", "ru", ["uncertain", "uncertain"]),
    ],
)
def test_a_subject_before_its_verb_is_confirmed_only_with_nothing_before_it_to_depend_on(
        rows: list[tuple[str, str, str]], text: str, lang: str, statuses: list[str]) -> None:
    source = " ".join(en for en, _, _ in rows) + "."
    assert restored(rows, source, text, lang) == (text, statuses)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Бабця Зоня пережила дзядзя Михася.", "Зоня"),  # IU dev: бабця read first as бабець's genitive
        ("Дідо Богдан був тоді в полоні.", "Богдан"),  # IU dev: дідо, a noun with no case the dictionary gives
    ],
)
def test_a_person_noun_that_may_be_a_nominative_puts_no_name_after_it_in_another_case(text: str, name: str) -> None:
    decision = decided(text, name, "uk", person=True)
    assert (decision.case, decision.sure, decision.rule) == ("nomn", False, "beside a person noun")


@pytest.mark.parametrize(
    ("form", "text", "lang", "status"),
    [
        # an abbreviation ending in a vowel letter takes no case ending: right in every case, confirmed (IU dev)
        ("УГА", "Він служив в УГА і помер від тифу.", "uk", "kept"),
        ("США", "Він жив у США і там помер.", "uk", "kept"),
        ("ЗСУ", "Він служив у ЗСУ два роки.", "uk", "kept"),
        ("СПбГУ", "Он учился в СПбГУ два года.", "ru", "kept"),
        # one in a consonant may take one (ВАКСом, МИДа): a sure oblique case leaves it flagged
        ("ВАКС", "Він працював у ВАКС два роки.", "uk", "uncertain"),
        ("ООН", "Он работал в ООН два года.", "ru", "uncertain"),
        # nor is a word nothing could inflect that is no abbreviation (Капуя: в Капуе)
        ("Капуя", "Он жил в Капуя два года.", "ru", "uncertain"),
    ],
)
def test_an_abbreviation_in_a_vowel_is_right_in_every_case(form: str, text: str, lang: str, status: str) -> None:
    assert restored([("X", form, "")], "X.", text, lang) == (text, [status])


def test_a_subject_before_its_verb_is_not_confirmed_with_a_nominative_noun_after_the_verb() -> None:
    # the set written here: Аляску когда-то продала Россия (Россия the verb's subject, Аляску its object)
    rows = [("Alaska", "Аляска", ""), ("Russia", "Россия", "")]
    text = "Аляска когда-то продала Россия."
    assert restored(rows, "Alaska was once sold by Russia.", text, "ru") == (text, ["uncertain", "kept"])
