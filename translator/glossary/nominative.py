"""What to do with a name a translation shows in the glossary's own nominative (issue #25).

Such a form carries no case: the model may have copied the placeholder where the sentence needs another case, or
the sentence may need the nominative. It is rewritten only on evidence that held on the public treebanks
(benchmarks/glossary_public.py over the UD dev splits); it is kept unreported only where a rule confirms the
nominative. A rule is trusted only if its decisions were right in at least 98% of the caseless names it decided
there (A and C together, per language: BELOW_BAR, `--rules`), and a rule that rewrites on the other public
treebanks too (BELOW_BAR_ELSEWHERE); everywhere else the name is reported uncertain, and left as the model wrote
it unless it cannot be right. The history below predates that bar; BELOW_BAR has the figures now in force.

What the rules did on UD dev when each was added (A: gold sentences, C: names left in the nominative):
* the correct-form check before any rule (pin.py, in_paradigm): A right 91.4% → 94.7% (ru), 94.5% → 95.9% (uk);
* this module in place of the old choice (choose_case) for caseless forms: A flagged 28% → 10.5% (ru),
  29.5% → 3.8% (uk); quoted names, time nouns, kinds of place and a title before a person keep the nominative;
* a preposition trusted only when nothing but agreeing words stands between (после этого Лайт) and endings of
  undeclined names (Сочи, Дубно): A right +0.9 (ru); an adjective right before the name (its case, or the
  nominative when it agrees as one): C +1.4 (ru);
* a chain of genitives after an oblique name, not for people: A lines 92.1% → 94.5% (ru) against the comma-list
  version tried first, which was dropped (в Линце, Австрия);
* a first/second person or plural transitive verb → accusative; a passive participle → its subject unless the
  English says "by"; a title before a person across its country's name (президентом Азербайджана Ильхамом
  Алиевым): the issue's examples, no change on UD;
* apposition to an oblique title: C +4 names (ru 1, uk 3), A −1 (ru); a list after a name a rule put in its
  case, a quoted name after a preposition, gender agreement for a nominative adjective: C right 44.8% → 47.8%
  (ru); coordination with a nominative and a nominative-only person noun before a person (поэт Андрей
  Вознесенский): A flagged 8.4% → 5.2% (ru), 5.5% → 4.1% (uk), C silently wrong +1.2 points (ru).
* an unsure nominative left as written (only rules right in ≥ 90%, GUESSED, still write their case) and the
  splits measured apart (parentheses, a quoted label, a comma by the word before it, a person beside a person
  noun, a relation, a capitalised common noun heading a title, surname-first names): A lines 96.4% → 99.4%
  (ru), A flagged 26.0% → 17.8% (ru), 15.8% → 13.7% (uk), C right 48.1% → 55.8% (ru), 40.0% → 73.3% (uk).
* names pymorphy3 reads no nominative of declined (paradigm.unread) instead of written as they are, with the
  nominative kept after a possessive relation, a name noun, a hyphen and before a Latin word; `слово` + a
  person → dative, a person after a noun of a thing → genitive (ru, guessed), a country after a kind of place
  → genitive, an adjective with its preposition, a title in one case, an infinitive's object, the absent in
  the genitive, a sentence start with no verb after, `имени` → genitive: C right 55.8% → 69.4% (ru), 73.3% →
  85.3% (uk), C silently wrong 6.5% → 2.6% (ru), A flagged 17.8% → 18.6% (ru: names once read as undeclined
  now need evidence), 13.7% → 13.0% (uk), A lines unchanged as they were.
* this round, other public treebanks (Russian Taiga, PUD, Poetry; Ukrainian IU; --treebank) showed the dev-only
  rules changing 9% of correct lines: a rewrite rule must now hold there too (BELOW_BAR_ELSEWHERE), an unsure
  case is written only for rules right in ≥ 90% of all those names (GUESSED) or where the text is written like
  no case the context allows (Decision.allowed); a relative pronoun, `за словами`, a quoted infinitive and a
  negated verb no longer decide a case; a verb of being somewhere makes в/у/на locative (and a noun of no
  motion likely), the first part of a compound name keeps its form, a relation of the other gender or a plural
  person noun takes the genitive: A lines unchanged 99.4% → 99.7% (ru) on dev and 91.2% → 97.1% (ru), 90.9% →
  91.9% (uk) on the others, A flagged 13.0% → 4.8% (uk: the address rule kept sure, SURE_BELOW_BAR), C right
  69.4% → 42.3% (ru: left and flagged, not guessed).
* the next round, the other treebanks' failures again (IU first): a verb of motion before its subject, no
  title read in a name or a pronoun, undeclined foreign names in -і/-є, Ukrainian given names from shevchenko,
  a national team's or a school's genitive, a work's author, a quoted name after a preposition unsure, на
  кшталт, a plural verb after a singular name: IU dev A lines unchanged 91.9% → 97.5%, C silently wrong
  22.2% → 15.9% (with pin.py's changes); UD dev ru C right 42.3% → 43.5%.
* the round after, a woman's name declined as a man's (pin.py leaves a name in consonants of unknown gender as
  written, flagged), a noun naming only a woman beside a name in consonants, an adjective's gender against a
  name with no number in the dictionary, one after its own noun, more Ukrainian kinds of place: other
  treebanks' A lines unchanged 97.1% → 98.4% (ru), 97.5% → 99.0% (uk); UD dev ru C right 43.5% → 41.9%, silently
  wrong 1.9% → 1.0%.
* this round, IU dev first: a Ukrainian person after a noun of a thing → genitive (guessed, flagged) unless a
  title heads the phrase, a Ukrainian verb with no number agreeing as a singular, numbers passed over, days and
  months as time nouns, the speaker after a quote and a dash, the subject after a finite verb the table gives
  the nominative, initials never declined: IU dev A lines unchanged 99.0% → 99.5%, A flagged 11.6% → 9.3%, C right
  49.1% → 62.7%; UD dev A flagged 18.1% → 17.5% (ru), 4.1% → 3.8% (uk), C right 85.3% → 86.0% (uk).
* the round after, Russian first: a country after a noun of a person or a thing → genitive, measured apart; a
  label (под названием), a quote opening with a number, the subject after a fronted prepositional phrase, more
  kinds of place and quoted labels, verbs of settling → locative, a season as a time adverb, сам Нансен, a
  plural before one name, an -ого adjective before a thing: UD dev ru C right 41.3% → 51.6%, A flagged 17.5% →
  17.0%; the other treebanks' ru C 37.4% → 43.4%, A flagged 20.9% → 19.3%, A lines unchanged 98.5% → 98.4%.
* then how the words around a name are read: a quoted name after a verb or a subordinating conjunction is its
  nominative, a name after a closing quote is not quoted, Ukrainian determiners agree like adjectives, Ukrainian
  words read through any apostrophe, Ukrainian з + a place is "from" unless a compound or an adjective makes it
  "with", the last part of a hyphenated word read from the word's start, a coordinated name past a parenthesis, a
  subject before its verb confirmed where nothing before it could govern it: UD dev ru A flagged 17.0% → 16.0%,
  ru C right 51.6% → 52.3%, uk C right 86.0% → 88.7%; IU dev C right 62.7% → 68.6%.
Tried and dropped: any verb after the name as a sign of its subject, without agreement (C: 22 ru and 11 uk names
wrongly kept), a transitive verb → accusative in every person (A: 7 gold nominatives changed, ru); a noun +
genitive dropped from GUESSED when it fell to 13/15 (C ru −15 right for one A line); a quoted name after a
preposition the sentence only weakly reads (в ``Оболонь'') decided by the preposition (C ru +2, A ru −1 line);
a person after в/на read as a place when a noun comes before the preposition (конфликта в Абиссинии: C ru +1,
A ru −1 line, B ru −1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from translator import morphology
from translator.glossary import government as gov
from translator.glossary.context import Evidence, Name, abbreviated, governed
from translator.glossary.paradigm import is_fixed
from translator.names import given_name_gender

# Rules (Evidence.rule, up to its first variable word) whose case a nominative-looking name is rewritten to.
TRUSTED = ("preposition", "motion", "with", "from", "comparative", "verb", "recipient of",
           "coordinated with", "adjective", "place", "apposition to")
# Rules that mark the start of a clause or a label: the nominative stands.
SUBJECT = ("sentence start", "after ,", "after (", "after )", "after -", "after –", "after —", "after :", "after ;",
           "after `", "after »", "after «", "after \"", "clause", "label", "address", "subject after its verb",
           "the speaker after a quote")
# Nouns of time and of text after which a name starts a new constituent ("В 1979 году Франке стал").
TIME_NOUNS = frozenset(
    "год месяц день неделя век время раз час минута сезон эпизод период момент этап серия глава "
    "понедельник вторник среда четверг пятница суббота воскресенье январь февраль март апрель май июнь июль "
    "август сентябрь октябрь ноябрь декабрь "
    "рік місяць день тиждень століття час раз година хвилина сезон епізод період момент етап серія розділ "
    "понеділок вівторок середа четвер п'ятниця субота неділя січень лютий березень квітень травень червень "
    "липень серпень вересень жовтень листопад грудень".split()
)
# Seasons and parts of the day in the instrumental, said as adverbs of time (Летом Джордж вернулся); not their
# other cases (в то лето Грига: an object after it).
_TIME_ADVERBS = frozenset("летом зимой весной осенью утром вечером ночью влітку взимку навесні восени вранці ввечері "
                          "вночі".split())
# Kinds of place and thing a name may stand beside in the nominative or agree with: the case is not certain.
KIND_NOUNS = frozenset(
    "город городок село деревня посёлок поселок остров полуостров река речка озеро гора горы штат область район округ "
    "провинция земля станция муниципалитет монастырь санаторий улица площадь порт залив море хребет долина "
    "замок аэропорт стадион клуб команда университет институт журнал фильм альбом песня роман книга "
    "уезд губерния графство княжество королевство аббатство курорт бухта мыс пролив "
    "місто містечко селище острів півострів річка озеро гора штат область район округ провінція земля станція "
    "вулиця площа порт море замок аеропорт стадіон клуб команда університет інститут журнал фільм альбом пісня "
    "роман книга "
    "республіка королівство князівство повіт губернія графство курорт бухта мис протока буква абатство комплекс"
    .split()
)
# Adjectives standing for a noun, a national team: the country after one is its genitive (збірна України).
_TEAMS = frozenset(("сборный", "збірний", "сборная", "збірна"))  # pymorphy3 reads Russian's as a noun
# Kinds of work a person's name after is its author's, not the work's own name (книга Мирослава Дочинця).
_WORKS = frozenset("журнал фильм альбом песня роман книга фільм пісня".split())
_AFTER = re.compile(r"\s*(?:[^\W\d_][\w-]*\s+){0,1}([^\W\d_][\w-]*)")


@dataclass(frozen=True)
class Decision:
    """The case to write (nomn: leave the text as it is), whether it is sure, and the rule that decided."""

    case: str
    sure: bool
    rule: str
    below_bar: bool = False  # a rule's decision made unsure because the rule fell below the bar on UD dev
    guessed: bool = False  # an unsure case is still written (flagged); False: the text is left as the model wrote it
    # Every case the context allows (в + place: locative or accusative). Where the text's form is none of them, it
    # cannot be right, and an unsure case is written, flagged (в Москва → в Москве, but в Киев is left: it may be
    # a correct accusative). pin.py decides that against the entry's forms.
    allowed: tuple[str, ...] = ()

    @property
    def written(self) -> str:
        """The case the name is written in: the decision's, or the nominative the text shows when it is a guess
        not to be made."""
        return self.case if self.sure or self.guessed else "nomn"


def _verb_follows(text: str, end: int, lang: str) -> bool:
    """A finite verb right after the name (one word may come between): the name is its subject."""
    found = _AFTER.match(text, end)
    if not found:
        return False
    for word in re.findall(r"[^\W\d_][\w-]*", found.group(0))[:2]:
        readings = morphology.read(word, lang)
        if readings and readings[0].tag.POS == "VERB":
            return True
    return False


# A clause opening with a prepositional phrase (После увольнения, Во второй Мессенской войне, На протяжении войны).
_FRONTED = re.compile(r"(?:^|[.!?;:]\s+|,\s+)(?:(?:что|когда|но|а|и|хотя|що|коли|але|і|та)\s+)?"
                      r"([А-ЯЁІЇЄҐ]?[а-яёіїєґ]{1,6}(?:\s+[^\W\d_][\w-]*){1,3})\s+$")


def _subject_after_a_fronted_phrase(text: str, start: int, end: int, lang: str) -> bool:
    """The noun before the name ends a prepositional phrase opening the clause, and a past-tense verb of the
    name's gender follows with no nominative after it that might be its subject instead: the name is the subject
    (На протяжении войны Перл-Харбор часто использовался, на смертном одре Малерб упрекнул; not После взятия
    Париж наступил мир)."""
    fronted = _FRONTED.search(text[:start])
    if fronted is None:
        return False
    if not any(p.tag.POS == "PREP" for p in morphology.read(fronted.group(1).split()[0], lang)[:1]):
        return False  # Его отряд: a clause opening with its subject's words
    verb = _agreeing_past_verb(text, start, end, lang)
    if verb is None:
        return False
    after = re.match(r"\s+([^\W\d_][\w-]*)", text[verb:])
    rival = after is not None and any(p.tag.POS == "NOUN" and p.tag.case == "nomn"
                                      for p in morphology.read(after.group(1), lang)[:1])
    return not rival


def _plural(phrase: str, lang: str) -> bool:
    """The phrase's last word reads as a plural nominative (Клички, Карпати)."""
    return any(p.tag.number == "plur" and p.tag.case == "nomn" for p in morphology.read(phrase.split(" ")[-1], lang))


def _plural_verb_follows(text: str, end: int, lang: str) -> bool:
    """The first finite verb in the two words after the name is a plural (Олдрин заманили, Марсель часто
    оставляли)."""
    found = _AFTER.match(text, end)
    for word in re.findall(r"[^\W\d_][\w-]*", found.group(0))[:2] if found else ():
        readings = morphology.read(word, lang)
        if readings and readings[0].tag.POS == "VERB":
            return bool(readings[0].tag.number == "plur")
    return False


_NEXT_WORDS = re.compile(r"(?:\s+[^\W\d_][\w-]*){0,3}")  # up to three words right after the name


def _agreeing_verb(text: str, start: int, end: int, lang: str) -> bool:
    """A finite verb right after the name, or after up to two particles and adverbs (Трамп не очень
    беспокоился), that agrees with it: a past tense of the name's gender, or a present or future in the third
    person singular, only right after the name ("на смертном одре Малерб упрекнул")."""
    return _verb_agreeing(text, start, end, lang) is not None


def _agreeing_past_verb(text: str, start: int, end: int, lang: str) -> int | None:
    """Where an agreeing verb of the name's own gender (a past tense or a short participle) ends, or None."""
    found = _verb_agreeing(text, start, end, lang)
    return found[0] if found is not None and found[1] != "pres" else None


def _verb_agreeing(text: str, start: int, end: int, lang: str) -> tuple[int, str] | None:
    """Where the agreeing verb after the name ends, and whether it showed the name's gender ("past") or only its
    person ("pres")."""
    next_words = _NEXT_WORDS.match(text, end)
    following = list(re.finditer(r"[^\W\d_][\w-]*", next_words.group() if next_words else ""))
    skipped = False
    while len(following) > 1 and morphology.read(following[0].group(), lang)[0].tag.POS in ("ADVB", "PRCL"):
        following, skipped = following[1:], skipped or following[0].group().lower() not in ("не", "ні")
    if not following:
        return None
    found, verb_end = following[0].group(), end + following[0].end()
    words = text[start:end].split(" ")
    # the gender of the last word, or where it shows none (Земченко, Юхан after XIV), of a first name before it
    genders = {p.tag.gender for w in words for p in morphology.read(w, lang)
               if p.tag.case == "nomn" and p.tag.number != "plur" and (w == words[-1] or "Name" in p.tag.grammemes)}
    for reading in morphology.read(found, lang)[:2]:
        tag = reading.tag
        if tag.POS == "PRTS" and tag.number == "sing" and tag.gender in genders:
            return verb_end, "past"  # Писаревка основана
        if tag.POS != "VERB" or tag.number == "plur":
            continue
        if tag.tense == "past" and tag.gender in genders:
            return verb_end, "past"
        if tag.tense in ("pres", "futr") and tag.person == "3per" and not skipped:
            return verb_end, "pres"  # (a present shows no gender: past an adverb it may be another word's)
    return None


# Rules that read a preposition (context.py): trusted only when nothing but agreeing words stands between.
_PREPOSITIONAL = ("preposition ", "with", "from", "motion ", "place ", "у + person")
# Rules after which a nominative is never grammatical: an unconfirmed case is written rather than left.
_NEVER_NOMINATIVE = ("with or from", "object of", "recipient of")
_PATRONYMIC = ("ович", "евич", "івна", "овна", "евна", "ївна", "ич")


def is_personal(phrase: str, lang: str) -> bool:
    """A person's name: a word pymorphy3 knows as a first name, surname or patronymic, or a patronymic's ending."""
    def one(word: str) -> bool:
        first = morphology.read(word, lang)[0]
        if first.tag.POS in ("ADJF", "ADJS"):  # Верховна, not a patronymic
            return False
        return word.lower().endswith(_PATRONYMIC) or given_name_gender(word, lang) is not None or bool(
            first.is_known and first.tag.grammemes & {"Name", "Surn", "Patr"}
        )

    return any(one(w) for w in phrase.split(" "))


# Verbs of opinion whose object a name may be (считает Монголию частью): the case table's nominative is their
# subject's only.
_OPINION = frozenset(("считать", "вважати"))


def _finite_verb_before(text: str, start: int, lang: str) -> bool:
    """The word right before the name is a finite verb a singular may be the subject of (був, сказал; not бути,
    an infinitive, nor сказали)."""
    before = re.search(r"([^\W\d_][\w'’-]*) $", text[:start])
    tag = morphology.read(before.group(1), lang)[0].tag if before else None
    return tag is not None and tag.POS == "VERB" and tag.number != "plur"


def _not_its_subject(text: str, start: int, lang: str) -> bool:
    """The verb right before the name is in the first or second person or the plural: the name (singular) is
    not its subject, so it is its object ("Мы поддерживаем Украина" → Украину)."""
    words = _WORD.findall(text[max(0, start - 40):start])
    if not words or not re.search(r"[^\W\d_] $", text[:start]) or words[-2:-1] in (["не"], ["ни"], ["ні"]):
        return False  # not right after the verb (фильма «Любить» Ричард), or negated (не хочу Колизея)
    if any(p.tag.POS == "INFN" or "infn" in p.tag.grammemes for p in morphology.read(words[-1], lang)[:1]):
        return True  # потрібно захищати Україну: an infinitive has no subject after it
    readings = [p for p in morphology.read(words[-1], lang)[:2] if p.tag.POS == "VERB"]
    return bool(readings) and all(p.tag.person in ("1per", "2per") or p.tag.number == "plur" for p in readings)


def _title_before_name(text: str, start: int, lang: str, name: Name, decided: dict[int, str]) -> Decision | None:
    """A person named after a title and the name of its place or body (президентом Азербайджана Ильхам Алиев):
    in apposition to the title, in its case (the one its form shows, or the one it shares with what governs
    it)."""
    found = re.search(r"([^\W\d_][\w'’-]*) [^\W\d_][\w'’-]* $", text[:start])
    if not found:
        return None
    title = found.group(1)
    readings = [p for p in morphology.read(title, lang) if p.tag.POS == "NOUN" and p.tag.number != "plur"]
    if not readings or not (readings[0].normal_form in gov.PERSON_TITLES or readings[0].tag.animacy == "anim"):
        return None
    if title[:1].isupper() and readings[0].normal_form not in gov.PERSON_TITLES:
        return None  # a name, not a title (з президентом США Дональдом Трампом Білл О'Райлі назвав; not Президент)
    cases = {str(p.tag.case) for p in readings if p.normal_form == readings[0].normal_form}
    if len(cases) > 1 and not _between(text, found.start(1) + 1, lang):  # no preposition: not a locative
        cases.discard("loct")
    if "nomn" in cases:
        return Decision("nomn", True, "apposition to a nominative title")
    if len(cases) == 1:
        return Decision(cases.pop(), True, "apposition to a title")
    outer = governed(text, found.start(1), found.end(1), lang, name, decided)
    agree = [c for c in outer.cases if c in cases]
    return Decision(agree[0], True, "apposition to a title") if agree and outer.strength == 2 else None


def _title_case(text: str, start: int, lang: str) -> str | None:
    """The one oblique case the title right before a person's name shows (депутатами: ablt), the genitive where
    it shows an animate genitive or accusative, written alike (короля, пана: Фридриха, Руслана Стефанчука)."""
    found = re.search(r"([^\W\d_][\w'’-]*) $", text[:start])
    readings = [p for p in morphology.read(found.group(1), lang) if p.tag.POS == "NOUN"] if found else []
    titles = [p for p in readings if p.normal_form in gov.PERSON_TITLES]
    if not titles or titles[0].normal_form != readings[0].normal_form:
        return None
    cases = {str(p.tag.case) for p in titles}
    if cases == {"gent", "accs"}:
        return "gent"
    return cases.pop() if len(cases) == 1 and cases != {"nomn"} else None


def _nominative_title(text: str, start: int, lang: str) -> bool:
    """The word right before the name names a person and can only be a nominative (поэт, депутат, not
    депутата): the name stands beside it in apposition. On UD dev (ru) this kept 14 correct names unflagged
    and left 3 copied nominatives unflagged where a genitive was due (сын Путин)."""
    found = re.search(r"([^\W\d_][\w'’-]*) $", text[:start])
    if not found:
        return False
    readings = [p for p in morphology.read(found.group(1), lang) if p.tag.POS == "NOUN"]
    return bool(readings) and readings[0].tag.animacy == "anim" and {
        p.tag.case for p in readings if p.normal_form == readings[0].normal_form} <= {"nomn", "voct"}


def _vocative_title(text: str, start: int, lang: str) -> bool:
    """The word right before the name is a title that can only be a vocative (Пане, Пані): the name is
    addressed with it, in the vocative."""
    found = re.search(r"([^\W\d_][\w'’-]*) $", text[:start])
    readings = [p for p in morphology.read(found.group(1), lang) if p.tag.POS == "NOUN"] if found else []
    if not any(p.tag.animacy == "anim" for p in readings):
        return False  # його (a pronoun, and the vocative of йога, a thing): no title
    return lang == "uk" and all(p.tag.case == "voct" for p in readings)


# Sovereign states (Russian and Ukrainian nominatives): after a kind of place or thing that is no state
# (области, районе, университет, землю) a country's name is its genitive (области Украины, университет
# Австралии), never the place itself in apposition (штат Миннесота, земле Бранденбург are no countries).
COUNTRIES = frozenset(
    "австралия австрия азербайджан албания алжир ангола аргентина армения афганистан бангладеш беларусь белоруссия "
    "бельгия болгария боливия босния бразилия великобритания венгрия венесуэла вьетнам германия греция грузия "
    "дания египет израиль индия индонезия иордания ирак иран ирландия исландия испания италия казахстан камбоджа "
    "канада катар кения кипр киргизия китай колумбия корея куба кувейт латвия ливан ливия литва люксембург мексика "
    "молдавия молдова монголия нигерия нидерланды норвегия пакистан парагвай перу польша португалия россия румыния "
    "сербия сирия словакия словения судан таджикистан таиланд тунис туркмения туркменистан турция уганда узбекистан "
    "украина уругвай финляндия франция хорватия черногория чехия чили швейцария швеция эстония эфиопия япония "
    "австралія австрія азербайджан албанія алжир ангола аргентина вірменія афганістан бангладеш білорусь бельгія "
    "болгарія болівія боснія бразилія британія угорщина венесуела в'єтнам німеччина греція грузія данія єгипет "
    "ізраїль індія індонезія йорданія ірак іран ірландія ісландія іспанія італія казахстан камбоджа канада катар "
    "кенія кіпр киргизстан китай колумбія корея куба кувейт латвія ліван лівія литва люксембург мексика молдова "
    "монголія нігерія нідерланди норвегія пакистан парагвай перу польща португалія росія румунія сербія сирія "
    "словаччина словенія судан таджикистан таїланд туніс туркменістан туреччина уганда узбекистан україна уругвай "
    "фінляндія франція хорватія чорногорія чехія чилі швейцарія швеція естонія ефіопія японія "
    # and the countries of the United Kingdom and the continents (Соединённые Штаты Америки, площади Европы)
    "англия шотландия уэльс америка европа азия африка антарктида "
    "англія шотландія уельс америка європа азія африка антарктида".split()
)
# Kinds of place that are states: a country after one is the place itself (страна Украина, державу Україна).
_SOVEREIGN = frozenset("страна государство республика королевство держава країна республіка королівство".split())
# Kinds of place a country is not: a country's name after one is its genitive (области Украина → Украины).
_SMALL_PLACES = frozenset("город село деревня посёлок поселок река речка озеро гора станция улица площадь порт "
                          "місто селище річка озеро гора станція вулиця площа порт".split())


# Schools named after their place: a place's name after one is its genitive (университет Эдинбурга).
_SCHOOLS = frozenset("университет институт академия університет інститут академія".split())


def _geographic(text: str, start: int, lang: str) -> bool:
    """The name's first word is a place pymorphy3 knows (Geox: Эдинбург, Оксфорд)."""
    word = _WORD.match(text, start)
    return word is not None and any("Geox" in p.tag.grammemes for p in morphology.read(word.group(0), lang)[:1])


def _same_kind(text: str, start: int, noun: str, lang: str) -> bool:
    """The kind noun names a small place (город, река, улица) and the name is not a country or a region
    pymorphy3 knows as such (Geox): the name is the place itself, in apposition (города Иидзука)."""
    if noun not in _SMALL_PLACES:
        return False
    return not _geographic(text, start, lang)


# Possessives before a relation noun: its possessor is named, the name after it is the relation itself
# (его дочь Арсинда, not дочь Арсинды).
_POSSESSIVES = "|".join("его её ее их свой своя своего своей своему своим мой моя наш наша ваш ваша твой твоя "
                        "його її їх свій своя свого своєї своєму моя мій наш наша ваш ваша твій твоя".split())


def _first_name_gender(name: str, lang: str) -> str | None:
    """The gender of the name's first word read as a known first name (Владимир: masc), or None."""
    genders = {p.tag.gender for p in morphology.read(name.split(" ")[0], lang)
               if p.is_known and "Name" in p.tag.grammemes and p.tag.case == "nomn"}
    return genders.pop() if len(genders) == 1 else None


# Feminine nouns that name a man as well as a woman.
_EITHER_GENDER = frozenset("жертва персона звезда особа личность знаменитость фигура зірка знаменитість постать"
                           .split())


def undeclined_as_a_womans(name: str) -> bool:
    """Every word of the name ends in a consonant, as a woman's name that stays as written does (Элейн, Маргарет
    Дуглас; not Адель, whose -ь declines, nor Зинаида Гиппиус)."""
    return all(re.search(r"[бвгджзйклмнпрстфхцчшщґ]$", word.lower()) for word in name.split(" "))


def _a_womans_name(readings: list[Any], name: str, lang: str) -> bool:
    """A name beside a noun that names a woman only (жена, дочь, актриса: not коллега, of common gender, nor жертва)
    that a woman's form leaves as written (undeclined_as_a_womans), its first word no man's first name."""
    woman = bool(readings) and all(p.tag.gender == "femn" and p.normal_form not in _EITHER_GENDER for p in readings)
    return woman and undeclined_as_a_womans(name) and _first_name_gender(name, lang) != "masc"


def _title_heads_the_phrase(text: str, start: int, lang: str) -> bool:
    """A noun naming a person heads the words before the name, no verb or punctuation between (голова Комітету з
    питань правоохоронної діяльності Сергій Іонушас, запрошую голову Комітету ... Миколу): the name may be its
    apposition, in its case, rather than the last noun's genitive."""
    phrase = re.search(r"(?:^|[^\w\s'’-])([\w\s'’-]*)$", text[:start])
    for word in reversed(_WORD.findall(phrase.group(1) if phrase else "")[-8:]):
        first = morphology.read(word, lang)[0].tag
        if first.POS in ("VERB", "INFN", "GRND", "PRTS"):
            return False
        if first.POS == "NOUN" and first.animacy == "anim":
            return True
    return False


def _title_then_name(text: str, end: int, lang: str) -> Decision:
    """A name after a title in the nominative: its apposition, unless a person's name follows it, which is then
    the title's and this one its genitive (прес-секретар Путіна Дмитро Пєсков): flagged."""
    after = re.match(r" ([A-ZА-ЯЁІЇЄҐ][\w'’-]*)", text[end:])
    if after and is_personal(after.group(1), lang):
        return Decision("nomn", False, "a title, then two names")
    return Decision("nomn", True, "apposition to a title in the nominative")


def _person_beside_a_person_noun(text: str, start: int, end: int, noun: str, lang: str) -> Decision:
    """A person's name after an oblique noun naming a person: the genitive after a relation or a plural
    (жене Владимира Гуцаева, учеников Ветрова), else apposition in the noun's case (поэтессы Зинаиды Гиппиус,
    одноклубнику Кевину Филлипсу); unsure where the noun's form shows no one case."""
    word = re.search(r"([^\W\d_][\w'’-]*) $", text[:start])
    readings = [p for p in morphology.read(word.group(1), lang) if p.normal_form == noun] if word else []
    # a possessive right before the noun or before an adjective of it (его бывшая жена Ивана)
    owned = word is not None and re.search(r"(?:^|\s)(?:" + _POSSESSIVES + r")(?: [^\W\d_][\w-]*)? $",
                                           text[:word.start(1)].lower())
    relation = noun in gov.RELATIONS or noun == "семья"
    every = morphology.read(word.group(1), lang) if word else []
    plural = bool(readings) and all(p.tag.number == "plur" for p in every)
    if (owned or not relation) and _a_womans_name(readings, text[start:end], lang):
        return Decision("nomn", True, "a woman's name in a consonant beside a woman's noun")  # её дочерью Энджел
    gender = _first_name_gender(text[start:end], lang)
    genders = {p.tag.gender for p in readings}
    if not owned and relation and gender and genders and None not in genders and gender not in genders:
        return Decision("gent", True, "a person after a relation of the other gender")  # жене Владимира Гуцаева
    if not owned and plural and not _agreeing_verb(text, start, end, lang):
        return Decision("gent", True, "a person after a plural person noun")  # учеников Ветрова
    if not owned and relation:  # not політики (a singular's genitive too); брат Оскар is apposition
        return Decision("gent", True, "a person after a relation")
    cases = {str(p.tag.case) for p in readings if p.tag.number != "plur" and p.tag.case}  # not дідо, undeclined
    if any(p.tag.case == "nomn" and p.tag.number != "plur" for p in every):
        cases.add("nomn")  # Бабця Зоня: бабця is a nominative too, whatever the dictionary reads first (бабець)
    if len(cases) > 1 and not _between(text, start, lang):
        cases.discard("loct")
    if cases == {"gent", "accs"}:
        cases = {"gent"}  # an animate noun's accusative is its genitive
    if len(cases) == 1 and cases != {"nomn"}:
        return Decision(cases.pop(), True, "a person in apposition to an oblique person noun")
    return Decision("nomn", False, "beside a person noun")


def _after_a_person_noun(text: str, start: int, end: int, noun: str, lang: str, name: Name) -> Decision:
    """A name that is no known person after a noun naming one: the genitive after a relation (сын, учень) or
    before a word pymorphy3 knows (президент Франции, депутату України), a country measured apart (маршал
    Франции); else apposition in the noun's own case (шахтёр Зегерс, мастером Каландаром Качимом, венгра
    Липшеня)."""
    word = re.search(r"([^\W\d_][\w'’-]*) $", text[:start])
    readings = [p for p in morphology.read(word.group(1), lang) if p.normal_form == noun] if word else []
    named = _WORD.match(text, start)
    known = named is not None and any(  # a word the dictionary knows, not as a person's name (Україна, Франция)
        p.is_known and not p.tag.grammemes & {"Name", "Surn", "Patr"} for p in morphology.read(named.group(0), lang))
    owned = word is not None and re.search(r"(?:^|\s)(?:" + _POSSESSIVES + r")(?: [^\W\d_][\w-]*)? $",
                                           text[:word.start(1)].lower())
    if name.place and text[start:end].lower() in COUNTRIES and noun not in gov.RELATIONS:
        return Decision("gent", True, "a country after a person noun")  # маршал Франции, чемпиона Европы
    if (noun in gov.RELATIONS and not owned) or name.place or known or not readings:
        return Decision("gent", True, "noun + genitive")
    if _a_womans_name(readings, text[start:end], lang):
        return Decision("nomn", True, "a woman's name in a consonant beside a woman's noun")
    cases = {str(p.tag.case) for p in readings if p.tag.number != "plur"}
    if cases == {"gent", "accs"}:
        cases = {"gent"}  # an animate noun's accusative is its genitive
    if len(cases) == 1:
        return Decision(cases.pop(), True, "apposition to a person noun")
    return Decision("nomn", False, "apposition to a person noun")


def _after_a_listed_word(text: str, start: int, decided: dict[int, str]) -> str:
    """The rule for a name after a comma and a capitalised word, by what that word is: a name whose own form
    shows an oblique case (в Линце, Австрия), one a rule decided (a list the model left in the nominative), a
    nominative name, or another word (a Roman numeral: Олиба II, Акфред)."""
    before = re.search(r"([^\W\d_][\w'’-]*), $", text[:start])
    end = before.end(1) if before else -1
    if -end in decided:
        return "after , after a name a rule decided"
    if end in decided:
        return "after , after a nominative name" if decided[end] == "nomn" else "after , after an oblique name"
    return "after , after a capitalised word"


def _in_parentheses(text: str, start: int, decided: dict[int, str]) -> Decision:
    """A name alone in parentheses: the nominative of a label (папский двор (Авиньон), санаторий Клавадель
    (Швейцария)); after an oblique name it may gloss it in its case or not, and is flagged."""
    before = re.search(r"([^\W\d_][\w'’-]*)\s*\(\s*$", text[:start])
    prior = decided.get(before.end(1), "nomn") if before else "nomn"
    if before and decided.get(-before.end(1), "").endswith("?"):  # иеромонаха Сергий (Титов): as unsure
        return Decision("nomn", False, "in parentheses after a name no rule was sure of")
    if prior != "nomn":  # в Берлине (Потсдаме), but в Санкт-Петербурге (Россия): flagged, left as written
        return Decision("nomn", False, "in parentheses after an oblique name")
    return Decision("nomn", True, "in parentheses")


# Nouns before a quoted name that it labels in the nominative (газеты ``Гуммет'', группы ``Чайф'').
_LABELLED = frozenset(
    "газета журнал группа рок-группа альбом песня фильм книга опера роман клуб команда компания проект фирма "
    "журнал корабль судно крейсер фабрика завод объединение программа передача телеканал радиостанция "
    "газета група рок-гурт гурт альбом пісня фільм книга опера роман клуб команда компанія проєкт проект фірма "
    "корабель судно завод програма передача телеканал радіостанція "
    # names of works, brands, venues, events and words in quotes (модели «Рамблер», премию «Оскар», название «Апулия»)
    "модель марка премия приз номер апартаменты гонка экспедиция пьеса спектакль сериал мультфильм шоу термин "
    "название слово лозунг конкурс фестиваль турнир отель гостиница ресторан кафе магазин театр кинотеатр музей "
    "модель марка премія приз номер апартаменти гонка експедиція п'єса вистава серіал мультфільм шоу термін "
    "назва слово гасло конкурс фестиваль турнір готель ресторан кафе магазин театр кінотеатр музей".split()
)


def _label_before_quote(text: str, start: int, lang: str) -> bool:
    """The word before the opening quote names a kind of thing the quoted name labels, or is an abbreviation
    (РУП ``Белсоюзпечать'')."""
    before = re.search(r"([^\W\d_][\w'’-]*)\s*[«\"„“'`]+\s*$", text[:start])
    if before is None:
        return False
    word = before.group(1)
    if len(word) > 1 and word.isupper():
        return True
    return any(p.normal_form in _LABELLED or p.normal_form in gov.LABEL_NOUNS
               for p in morphology.read(word, lang) if p.tag.POS == "NOUN")


# Conjunctions that join like to like: the name after one takes its first conjunct's case (акции «Газпрома» и
# «Лукойла»), so they say nothing of it; а, но, да, ни as well as the coordination's own.
_COORDINATING = gov.COORDINATING | frozenset("а но да ни ні".split())


def _closing(before: str) -> bool:
    """The quote mark ending `before` (one that can open a quotation too) closes one: TeX's '', “ after „, or a
    straight quote whose pair opened earlier (an even count of it)."""
    mark = before[-1:]
    if before.endswith("''") or (mark == "“" and "„" in before):
        return True
    return mark in "\"'" and before.count(mark) % 2 == 0


def _verb_or_conjunction_before_quote(text: str, start: int, lang: str) -> bool:
    """The word before the opening quote reads first as a verb or a subordinating conjunction (not a noun, an
    adjective or a pronoun the quoted name could depend on, nor и inside a sentence, whose name is as its first
    conjunct)."""
    before = re.search(r"([^\W\d_][\w'’-]*)\s*[«\"„“'`]+\s*$", text[:start])
    if before is None or before.group(1) in _COORDINATING:  # not one opening a sentence: А «Лукойл» вырос
        return False
    return morphology.read(before.group(1), lang)[0].tag.POS in ("VERB", "CONJ")


# Nouns of a group a person's name stands beside in apposition, not in the genitive (пара Курт Вирес и ...).
_GROUPS = frozenset("пара дуэт трио группа команда экипаж".split())


def _every_word_known(phrase: str, lang: str) -> bool:
    """Every word of the phrase is in the dictionary (Україна, Верховна Рада), none a guess (Джахіт)."""
    return all(morphology.read(w, lang)[0].is_known for w in phrase.split(" ") if w)


def _animate(lemma: str, lang: str) -> bool:
    return any(p.tag.POS == "NOUN" and p.tag.animacy == "anim" for p in morphology.read(lemma, lang)[:2])


# Endings of names a Russian or Ukrainian text often leaves undeclined (Сочи, Баку, Дубно, Тбілісі, Шойгу, Фур’є):
# written so, the nominative is as good as any case.
UNDECLINED = {"ru": ("о", "е", "и", "у", "ю", "э"), "uk": ("і", "и", "у", "ю", "е", "є")}
_DECLINED = ("ье", "ие", "ьё", "ья")


def _undeclined(phrase: str, lang: str) -> bool:
    """Every word ends as an undeclined name does (Сочи, Дубно, Тбілісі), and none is a plural (Афины, Святки)
    or a neuter in -ье/-ие (Полесье)."""
    words = phrase.lower().split(" ")
    if not all(w.endswith(UNDECLINED.get(lang, ())) and not w.endswith(_DECLINED) for w in words):
        return False
    return not any("Pltm" in p.tag.grammemes or (p.tag.number == "plur" and p.tag.case == "nomn"
                                                  and not p.normal_form.endswith(_ADJECTIVAL))
                   for w in words for p in morphology.read(w, lang)[:2])


# Nominatives of adjectives (and adjectival surnames): a name read only as one's plural (Сірі: сірий) is no
# plural name like Карпати, but a foreign name in -і (Siri), undeclined.
_ADJECTIVAL = ("ий", "ій", "ый", "ой")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _between(text: str, start: int, lang: str) -> list[str] | None:
    """The words between the nearest preposition before the name and the name, or None when none is near."""
    words = _WORD.findall(text[max(0, start - 80):start])
    for k in range(len(words) - 1, max(-1, len(words) - 6), -1):
        if words[k].lower() in gov.PREPOSITIONS[lang]:
            return [w for w in words[k + 1:] if not abbreviated(w)]  # з Д. Донцовим, у м. Києві
    return None


# Ukrainian determiners, which its dictionary reads as pronouns: before a name they agree with it as an
# adjective does (по всій Україні, нашої держави, у цій Раді). Russian's reads them as adjectives already.
_DETERMINERS = frozenset("цей той весь ввесь увесь свій мій твій наш ваш їхній кожен кожний інший сам самий жоден "
                         "жодний".split())


def _adjectival(word: str, lang: str, genders: set[str] | None = None) -> list[Any]:
    """The readings of `word` as an adjective or participle, a Ukrainian determiner's among them in one of
    `genders` when the name's gender is known (not після цього Україна, a pronoun of its own)."""
    return [p for p in morphology.read(word, lang) if p.tag.POS in ("ADJF", "PRTF") or (
        p.normal_form in _DETERMINERS and (not genders or p.tag.gender in genders))]


def _agreeing(words: list[str], cases: tuple[str, ...], lang: str) -> bool:
    """Whether every word between a preposition and the name is an adjective, participle or numeral that can
    stand in one of `cases` (not a pronoun or noun of its own: "после этого Лайт")."""
    for word in words:
        readings = [p for p in morphology.read(word, lang) if p.tag.POS in ("ADJF", "PRTF", "NUMR")]
        if not readings or not any(p.tag.case in cases or (p.tag.case == "loct" and "loc2" in cases)
                                   for p in readings):
            return False
        if any(p.tag.POS == "NPRO" for p in morphology.read(word, lang)[:1]):
            return False
    return True


def _adjective(text: str, start: int, lang: str, genders: set[str] | None = None) -> tuple[int, list[Any]] | None:
    """Where an adjective right before the name starts and its readings (Верховної, Западной), a determiner's
    only in one of the name's `genders`."""
    before = re.search(r"([^\W\d_][\w'’-]*) $", text[:start])
    if not before:
        return None
    readings = _adjectival(before.group(1), lang, genders)
    if not readings or morphology.read(before.group(1), lang)[0] not in readings:
        return None
    if any(p.normal_form in gov.VERBS for p in readings):  # вдячний Руслану: it governs the name
        return None
    return before.start(1), readings


_RELATIVES = frozenset({"который", "котрий", "каковой"})


def _after_an_oblique_relative(text: str, start: int, lang: str) -> bool:
    """The word before the name is a relative pronoun that cannot be a nominative (которых, котрому)."""
    before = re.search(r"(?:^|[^\w-])([^\W\d_]+) $", text[:start])
    if not before:
        return False
    readings = [p for p in morphology.read(before.group(1), lang) if p.normal_form in _RELATIVES]
    return bool(readings) and all(p.tag.case != "nomn" for p in readings)


def _postposed(text: str, at: int, readings: list[Any], lang: str) -> bool:
    """The adjective at `at` follows a noun it agrees with (частини третьої КУпАП): it is that noun's, not the
    name's."""
    before = re.search(r"([^\W\d_][\w'’-]*) $", text[:at])
    if not before:
        return False
    agreeing = {(p.tag.gender, p.tag.case) for p in readings}
    nouns = morphology.read(before.group(1), lang)
    return bool(nouns) and nouns[0].tag.POS == "NOUN" and any(  # not в соседней Бангладеш: в reads as a noun too
        p.tag.POS == "NOUN" and (p.tag.gender, p.tag.case) in agreeing for p in nouns)


def _agreement(
    text: str, start: int, end: int, lang: str, name: Name, decided: dict[int, str]
) -> Decision | None:
    """The case an adjective before the name shows: the nominative when it can be one (Карпатская Украина), else
    the one it shares with what governs it (в Западной Африка → Африке, Верховної Рада → Ради)."""
    last = text[start:end].split(" ")[-1]
    own = {p.tag.gender for p in morphology.read(last, lang) if p.tag.POS == "NOUN" and p.tag.number != "plur"}
    found = _adjective(text, start, lang, own)
    if found is None:
        return None
    at, readings = found
    cases = {str(p.tag.case) for p in readings}
    if any(p.normal_form in _TEAMS for p in readings) and not (name.person or is_personal(text[start:end], lang)):
        return Decision("gent", True, "a country after a national team")  # збірна України, сборной России
    genders = {p.tag.gender for p in readings}
    if own and all(p.tag.number == "plur" for p in readings) and not re.match(
            r"\s*(?:,|и|і|й|та)\s+[A-ZА-ЯЁІЇЄҐ]", text[end:]):
        # a plural agrees with no one name (but дерущиеся Твик и Крэйг); a passive one names its agent, whose
        # case is not sure (ведомые Джозефом Брантом)
        passive = any(p.tag.POS == "PRTF" and "pssv" in p.tag.grammemes for p in readings)
        return Decision("ablt", False, "after a passive participle") if passive else None
    nominative = [p for p in readings if p.tag.case == "nomn"]
    if any(not own or p.tag.gender in own or p.tag.gender is None for p in nominative):
        if any(p.tag.case == "accs" for p in readings):  # ирландский Шон Бин: an accusative too
            if name.person and not any(
                    p.tag.case == "accs" and "inan" not in p.tag.grammemes for p in readings):
                # сам Нансен, урождённый Эрнст Бриммер: a person's accusative would be самого, урождённого
                return Decision("nomn", True, "agreement with a nominative adjective, a person")
            return Decision("nomn", True, "agreement with a nominative or accusative adjective")
        return Decision("nomn", True, "agreement with a nominative adjective")  # not Святой Анна
    cases.discard("nomn")
    animate_accusative = all("anim" in p.tag.grammemes for p in readings if p.tag.case == "accs")
    declined = not all(is_fixed(w) for w in text[start:end].split(" "))  # (an abbreviation's ending is unsure)
    if animate_accusative and declined and not (name.person or is_personal(text[start:end], lang)):
        # нынешнего Харькова: a thing's accusative would be нынешний Харьков (not a person's: герцога Миланского
        # Джан Галлеаццо Висконти, which the treebank leaves undeclined, is not put in the genitive surely)
        cases.discard("accs")
    if not cases:
        return None
    if own and None not in genders and not own & genders and "femn" in genders and not _postposed(text, at, readings,
                                                                                                 lang):
        return Decision("nomn", True, "a feminine adjective before an undeclined name")  # соседней Бангладеш
    outer = governed(text, at, start - 1, lang, name, decided)
    agree = [c for c in outer.cases if c in cases or (c == "loc2" and "loct" in cases)]
    if agree and outer.strength == 2:
        return Decision(agree[0], True, "agreement with an adjective")
    if len(cases) == 1:
        return Decision(cases.pop(), True, "agreement with an adjective")
    if len(agree) == 1 and outer.strength == 1:  # в Западной Африке: one case both the adjective and в allow
        return Decision(agree[0], True, "agreement with an adjective and what governs it")
    ordered = [c for c in ("gent", "loct", "datv", "ablt", "accs") if c in cases]
    return Decision(ordered[0], False, "agreement with an adjective", allowed=tuple(ordered)) if ordered else None


# Decision rules whose tail names a word (preposition в, verb дать, after the noun сын): measured as one rule.
_VARIABLE = ("preposition ", "motion ", "place ", "transitive verb ", "verb ", "recipient of ", "object of ",
             "adjective ", "apposition to an uninflected ", "label ", "after the noun ", "у + person")
_FIXED = frozenset(("apposition to a title", "apposition to a nominative title", "apposition to a person noun",
                    "apposition to a title in one case",
                    "apposition to a title in the vocative",
                    "coordinated with a name put in its case", "coordinated with a name a rule guessed",
                    "apposition to a title in the nominative", "coordinated with a name"))


def family(rule: str) -> str:
    """The rule a decision is measured under: its text up to its first variable word."""
    if rule in _FIXED:
        return rule
    if rule.startswith(("place ", "preposition ", "motion ")):
        return rule  # each preposition measured on its own (в, на, из; в after a verb of being somewhere)
    for prefix in _VARIABLE:
        if rule.startswith(prefix):
            return prefix.strip() + " …"
    if rule.startswith(("apposition to ", "coordinated with ")):
        return rule.split(" ")[0] + " " + rule.split(" ")[1] + " …"
    return rule


def outcome(decision: Decision) -> str:
    """What a sure decision does to the text: leaves the nominative or writes an oblique case."""
    return "keep nomn" if decision.case == "nomn" else "rewrite"


# Rules (family, outcome) below the bar on UD dev (benchmarks/glossary_public.py --rules; right/fired on A and C
# together, a rule right when its case is the gold one or the name came out right): right in under PRECISION_BAR
# of the names they decided. Their decisions are reported uncertain. A rule that held on one or two names is kept
# (weak evidence, listed so by --rules); one that never fired there (the issue's own examples: an object of a
# first-person verb, a passive's agent in English) stays as it is.
BELOW_BAR: dict[str, frozenset[tuple[str, str]]] = {
    "ru": frozenset((
        ("inanimate noun + genitive", "rewrite"),  # 35/36 (a country after a noun measured apart: 16/16)
        ("place в", "rewrite"),  # 13/14
        ("quoted", "keep nomn"),  # 15/17 (after a verb or a conjunction measured apart: 3/3)
        ("beside a kind of place or thing", "keep nomn"),  # 18/21
        ("noun + genitive", "rewrite"),  # 9/10 (a country after a person noun measured apart: 7/7)
        ("subject before its verb", "keep nomn"),  # 4/5 (with nothing before it to depend on measured apart: 2/2)
        ("after , after a capitalised word", "keep nomn"),  # 6/11
        ("agreement with a nominative adjective, a person", "keep nomn"),  # 5/6 (ирландский [акцент] Шона Бина)
        ("motion в", "rewrite"),  # 5/7
        ("beside a kind of place", "keep nomn"),  # 5/7
        ("after -", "keep nomn"),  # 6/7
        ("clause", "keep nomn"),  # 5/6
        ("sentence start, a comma after", "keep nomn"),  # 5/6
        ("label …", "keep nomn"),  # 4/6
        ("subject of a passive", "keep nomn"),  # 1/5
        ("clause after a conjunction", "keep nomn"),  # 1/5
        ("after :", "keep nomn"),  # 2/3
        ("sentence start", "keep nomn"),  # 1/2
        ("after an oblique name", "rewrite"),  # 0/1
    )),
    "uk": frozenset((
        ("clause, agreeing verb after", "keep nomn"),  # 1/2
        ("subject before its verb", "keep nomn"),  # 1/2
        ("after , after a capitalised word", "keep nomn"),  # 0/1
        ("after –", "keep nomn"),  # 0/1
        ("place на after a noun", "rewrite"),  # 0/1
        # 1/2 (Натхненні Пінзелем: натхненні read as a noun), 21/21 on IU dev: guessed (GUESSED)
        ("a person after an inanimate noun", "rewrite"),
    )),
}
# Below the bar on UD dev, kept sure on purpose: the one name it got "wrong" is a vocative in an address where the
# treebank itself writes the nominative 24 times (Будь ласка, Павло Андрійович), so a flag there is noise.
SURE_BELOW_BAR: dict[str, frozenset[tuple[str, str]]] = {
    "uk": frozenset((("after , a person ending the sentence", "keep nomn"),)),  # 24/25
}
# Rewrite rules that held on UD dev but not on other public treebanks nobody tuned on (Russian Taiga, PUD and
# Poetry, Ukrainian IU; benchmarks/glossary_public.py --treebank, docs/glossary.md names the files): right in under
# PRECISION_BAR there, with two wrong names or more. A rule that rewrites text is trusted only where it held on all
# of them; these are reported uncertain too.
BELOW_BAR_ELSEWHERE: dict[str, frozenset[tuple[str, str]]] = {
    "ru": frozenset((
        # 13/13 on UD dev, 18/20 on the others when listed; 17/17 now that other rules read its two misses (ведомые
        # Джозеф Брант): kept unsure until a treebank nobody tuned on confirms it
        ("a person in apposition to an oblique person noun", "rewrite"),
        ("place на", "rewrite"),  # 1/1 on UD dev, 7/12 on the others
        ("a person after a relation", "rewrite"),  # 3/3 on UD dev, 2/5 on the others (брат Оскар)
        ("place во", "rewrite"),  # 3/3 on UD dev, 2/4 on the others
        ("place в after a noun", "rewrite"),  # 22/22 on UD dev, 33/36 on the others
        ("motion на", "rewrite"),  # 4/4 on UD dev (3/4 before a woman's name was left as written), 4/6 on the others
        # 21/21 on UD dev (a title heading the phrase left), 41/52 on the others
        ("a person after an inanimate noun", "rewrite"),
    )),
    "uk": frozenset((
        ("inanimate noun + genitive", "rewrite"),  # 56/57 on UD dev, 25/27 on the others
        # 20/20 on UD dev, 10/13 when listed, 10/11 now: kept unsure, its one miss (тета Мира знайшла) silent if sure
        ("noun + genitive", "rewrite"),
        ("a person in apposition to an oblique person noun", "rewrite"),  # 0/0 on UD dev, 9/12 on the others
    )),
}
PRECISION_BAR = 0.98
# Rewrite rules below the bar whose case is still written, flagged uncertain: right in at least GUESS_BAR of the
# names they decided on UD dev and the other treebanks together. Every other rule below the bar leaves the name as
# the model wrote it, unless no case the context allows is written like it (Decision.allowed): a correct
# nominative or accusative is never touched by a weaker guess (в Воткинск, острова Лусон, Дании Борнхольм). The
# rules UD dev alone once let guess (place в, inanimate noun + genitive, noun + genitive, a person after an
# inanimate noun: 90-98% there) were right in 69-88% of the names on the other treebanks, and changed 7% of their
# correct lines.
GUESS_BAR = 0.90
GUESSED: dict[str, frozenset[tuple[str, str]]] = {
    "ru": frozenset((
        ("a person in apposition to an oblique person noun", "rewrite"),  # 30/30
        ("place в after a noun", "rewrite"),  # 55/58
    )),
    "uk": frozenset((
        ("inanimate noun + genitive", "rewrite"),  # 81/84
        ("noun + genitive", "rewrite"),  # 30/31
        ("a person after an inanimate noun", "rewrite"),  # 22/23 (картини Босха, рівнянню Шредінґера)
    )),
}
# Set by the benchmark's --rules option to measure every rule as written, before the bar.
GATED = True


def decide(text: str, start: int, end: int, lang: str, name: Name, decided: dict[int, str]) -> Decision:
    """The case for a name the translation shows in its nominative at [start, end): a rule's decision is sure
    only where that rule held on UD dev in at least PRECISION_BAR of the names it decided, and a rewrite rule
    also on the other public treebanks (BELOW_BAR_ELSEWHERE)."""
    decision = _decide(text, start, end, lang, name, decided)
    key = (family(decision.rule), outcome(decision))
    below = BELOW_BAR.get(lang, frozenset()) | BELOW_BAR_ELSEWHERE.get(lang, frozenset())
    if decision.sure and key in below:  # marked so even ungated, for what follows it
        return Decision(decision.case, not GATED, decision.rule, True, key in GUESSED.get(lang, frozenset()),
                        decision.allowed)
    return decision


# Words before a name that it cannot depend on: an adverb, a conjunction (not one joining it to what came before),
# a particle, an interjection, a word the dictionary does not read (2007/08, XIV), or a pronoun (колись, потім,
# после этого; a subject pronoun is a rival, below).
_UNGOVERNING = frozenset({"ADVB", "CONJ", "PRCL", "INTJ", "PRED", "NPRO", None})
# A subject pronoun earlier in the clause: the name after it is no subject (вона чітко Україну поставила).
_RIVAL = re.compile(r"(?:^|[^\w'’-])(?:я|ты|он|она|оно|мы|вы|они|ти|він|вона|воно|ми|ви|вони)\s[^.!?;:,—–()«»\"]*$",
                    re.IGNORECASE)


def _rival_after_the_verb(text: str, end: int, lang: str) -> bool:
    """The word right after the first verb in the three words after the name reads first as a nominative
    (not a preposition, which Ukrainian's dictionary reads про as): it may be the verb's subject and the name its
    object (Аляску когда-то продала Россия)."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text[end:])[:4]
    for k, word in enumerate(words[:3]):
        if morphology.read(word, lang)[0].tag.POS == "VERB":
            if k + 1 == len(words) or words[k + 1].lower() in gov.PREPOSITIONS[lang]:
                return False
            following = morphology.read(words[k + 1], lang)[0].tag
            return bool(following.case == "nomn")
    return False


def _subject_before_its_verb(text: str, start: int, end: int, lang: str) -> Decision:
    """A name with a verb agreeing with it after: its subject, sure where nothing before it is a word it could
    depend on (Утім Майя повторює це, В сезоне 2007/08 Алекс Фергюсон использовал) and no nominative after the
    verb may be its subject instead, below the bar otherwise (Победа Дональда Трампа сделала, у Себастьяна
    Феттеля закінчується, вона чітко Україну поставила, Аляску продала Россия)."""
    before = re.search(r"([^\W\d_][\w'’-]*)\s+$", text[:start])
    first = morphology.read(before.group(1), lang)[0].tag if before else None
    free = first is None or first.POS in _UNGOVERNING
    coordinated = before is not None and before.group(1).lower() in _COORDINATING  # брака Ирода и Иродиады
    if free and not coordinated and not _RIVAL.search(text[:start]) and not _rival_after_the_verb(text, end, lang):
        return Decision("nomn", True, "subject before its verb, nothing before it to depend on")
    return Decision("nomn", True, "subject before its verb")


def _decide(text: str, start: int, end: int, lang: str, name: Name, decided: dict[int, str]) -> Decision:
    """The case for a name the translation shows in its nominative at [start, end), and the rule that says so."""
    compound = re.match(r"-(?:(?!на-)[^\W\d_A-ZА-ЯЁІЇЄҐ]{1,3}-)?([A-ZА-ЯЁІЇЄҐ][\w'’]*)", text[end:])
    if compound and not re.search(r"(?:ий|ый|ой|ій|ая|яя|ое|ее)$", compound.group(1)):
        # Бад-Кёстриц, Волан-де-Морт, Алтын-Хан: the first part of a compound name; the last part declines (not
        # Ростов-на-Дону, Петропавловск-Камчатский: their first part declines too)
        return Decision("nomn", True, "first part of a hyphenated name")
    compound = re.search(r"(?:[^\W\d_][\w'’]*-)+$", text[:start])
    own_preposition = compound is not None and re.search(r"-(?:на|де|ла)-$", compound.group())
    if compound and not own_preposition and not compound.group().split("-")[0].isupper():
        # Рейнланд-Пфальц, Анри-Жорж Клузо, в Монт-Табор: the last part declines for the whole word, read as one
        # (not Ростов-на-Дону, whose last part has its own preposition, nor РБК-Україна, a name that stays)
        return _decide(text, compound.start(), end, lang, name, decided)
    if re.match(r"-[^\W\d_]", text[end:]) or re.search(r"[^\W\d_]-$", text[:start]):
        # Волан-де-Мортом, Бад-Кёстриц: the word goes on past the name, or began before it
        return Decision("nomn", False, "part of a hyphenated word")
    if re.match(r" [A-Z][a-z]", text[end:]):  # студии Миджа Юра Musicfest Studio: part of a foreign title
        return Decision("nomn", False, "before a Latin word")
    if re.match(r"\s+(?:немає|нема|нет|не стало|не было|не було)(?![\w-])", text[end:]):
        return Decision("gent", True, "the absent in the genitive")  # Михайла Віталійовича немає, Позднова не стало
    if all(len(word) == 1 for word in text[start:end].split(" ")):  # книгу Р. Семона: an initial never declines
        return Decision("nomn", True, "an initial")
    if _undeclined(text[start:end], lang):
        return Decision("nomn", True, "undeclined ending")
    if _after_an_oblique_relative(text, start, lang) and _agreeing_verb(text, start, end, lang):
        # в котором Лабаф появляется, которыми Фатима Баньес гордилась: the name is the relative clause's subject
        # (not в результате которого Швеции пришлось)
        return Decision("nomn", True, "subject of a relative clause")
    agreed = _agreement(text, start, end, lang, name, decided)
    if agreed is not None:
        return agreed
    previous = re.search(r"([^\W\d_][\w'’-]*) $", text[:start])
    name_text = text[start:end]
    personal = name.person or is_personal(name_text, lang)
    # A name right after another name in an oblique case: a chain of genitives (Ради України).
    if previous and not personal and decided.get(previous.end(1)) == "gent" and _every_word_known(name_text, lang):
        # (not a name of words the dictionary does not know: активіст із Кельна Джахіт Базар, a person)
        return Decision("gent", True, "after an oblique name")
    listed = re.search(r"([^\W\d_][\w'’-]*), $", text[:start])
    if listed and decided.get(-listed.end(1), "nomn").rstrip("?") != "nomn":
        # A list whose previous name the model also left in the nominative and a rule put in its case
        # (в Германия, Франция → в Германии, Франции); a correct oblique form before a comma says nothing
        # (в Линце, Австрия).
        # As sure as the decision for the name before (a "?" marks one a rule below the bar made), and written only
        # where that one was ("??": left as the model wrote it).
        previous_case = decided[-listed.end(1)]
        sure, written = not previous_case.endswith("?"), not previous_case.endswith("??")
        return Decision(previous_case.rstrip("?"), sure, "a list after a name put in its case", guessed=written)
    evidence: Evidence = governed(text, start, end, lang, name, decided)
    rule = evidence.rule
    if re.search(r"(?:^|[^\w-])(?:под|с|під|з)(?: \w+)? (?:названием|именем|псевдонимом|назвою|ім[’']ям|псевдонімом) $",
                 text[:start].lower()):
        return Decision("nomn", True, "under the name")  # в деревне под названием Сандерленд, під назвою Київ
    named_after = re.search(r"(?:^|[^\w-])(?:имени|імені) $", text[:start])
    if named_after and _adjective(text, named_after.end() - 6, lang) is None:
        # театр имени Кирова, університет імені Шевченка; not a modifier's name (выбор данного имени Дональдом)
        return Decision("gent", True, "имени + genitive")
    if rule == "passive agent":
        # The agent when the English says so ("appointed by Zelensky"); else the subject (был назначен Кэмерон).
        agent = "agent" in name.hints
        return Decision("ablt" if agent else "nomn", True, "agent of" if agent else "subject of a passive")
    if rule.startswith(_PREPOSITIONAL) and evidence.cases:
        between = _between(text, start, lang)
        if between is None or not _agreeing(between, evidence.cases, lang):
            return Decision("nomn", False, "preposition before another word")
    # a number opening the quote is part of the quoted name (завод ``14 Октобар'')
    quote_at = len(re.sub(r"(?<=[«\"„“'`])\d[\d.,]*\s+$", "", text[:start]))
    opening = text[:quote_at].rstrip()[-1:]
    if _closing(text[:quote_at].rstrip()):
        opening = ""  # опера ``Дон Жуан'' Моцарта: the name follows a quoted title, it is not quoted itself
    if opening == "(" and re.match(r"\s*\)", text[end:]):
        return _in_parentheses(text, start, decided)
    quoted_after_preposition = rule.startswith(_PREPOSITIONAL) and evidence.strength == 2 and opening != "("
    if opening and opening in "«\"„“'`(" and not quoted_after_preposition:
        if re.search(r"(?:^|[.!?:;,—–-])\s*[«\"„“'`(]+$", text[:quote_at].rstrip()):
            return Decision("nomn", True, "quoted after punctuation")  # ``Челси'' и ..., (Гмелин: measured apart
        if _label_before_quote(text, quote_at, lang):
            return Decision("nomn", True, "quoted after a kind noun")  # газеты ``Гуммет'', группы ``Чайф''
        if re.search(r"(?:^|[^\w-])на (?:кшталт|зразок)\s*[«\"„“'`]+$", text[:start].lower()):
            return Decision("gent", True, "на кшталт + genitive")  # фільми на кшталт «Інтерстеллара»
        if rule.startswith(_PREPOSITIONAL) and evidence.cases:
            # у «Вічнику», В «Диснее»: a quoted name right after a preposition takes its case (on the public
            # treebanks 3 of the 4 such names), or is left as a title (с «Манчестер Юнайтед»): flagged, left
            return Decision(evidence.cases[0], False, "quoted after a preposition")
        if rule.startswith("coordinated with a name") and evidence.strength == 2:
            return Decision(evidence.cases[0], True, rule)  # «Челси» и «Брентфорд», акций «Газпрома» и «Лукойла»
        if _verb_or_conjunction_before_quote(text, quote_at, lang):
            # предоставляют «МТС», что «Президент», явилась «Франкен»: no noun or adjective for the name to
            # depend on or agree with (стоимость «Фольксвагена», родную «Лучину» stay below the bar)
            return Decision("nomn", True, "quoted after a verb or conjunction")
        return Decision("nomn", True, "quoted")
    if rule.startswith("after the noun "):
        noun = rule.removeprefix("after the noun ")
        if noun == "слава" and re.search(r"(?:^|[.!?:,«\"„“]\s*)[Сс]лава $", text[:start]):
            return Decision("datv", True, "слава + dative")  # Слава Україні!
        if noun in TIME_NOUNS and re.search(r"(?:^|[^\w-])(?:[Вв]о время|[Пп]ід час) $", text[:start]):
            return Decision("gent", True, "во время + genitive")  # a compound preposition: во время Святок
        if noun in TIME_NOUNS or (previous is not None and previous.group(1).lower() in _TIME_ADVERBS):
            if _plural_verb_follows(text, end, lang) and not _plural(text[start:end], lang):
                # В это время Марсель часто оставляли: a plural verb is not the name's, which is its object
                return Decision("accs", False, "after a time noun, a plural verb after")
            return Decision("nomn", True, "after a time noun")
        if noun in _TEAMS and not personal:
            return Decision("gent", True, "a country after a national team")  # сборной России
        if noun in KIND_NOUNS and not (personal and noun in _WORKS):  # книга Мирослава Дочинця: its author's
            if not personal and noun not in _SOVEREIGN and text[start:end].lower() in COUNTRIES:
                return Decision("gent", True, "a country after a kind of place")  # области Украины
            if not personal and noun in _SCHOOLS and _geographic(text, start, lang):
                return Decision("gent", True, "a place after a school")  # Университет Эдинбурга
            if not personal and _same_kind(text, start, noun, lang):  # not улица Есенин: Есенина
                return Decision("nomn", True, "beside a kind noun, a name of the same kind")
            return Decision("nomn", True, "beside a kind of place or thing")  # реки Абин, города Иидзука
        if _animate(noun, lang) and (name.person or is_personal(text[start:end], lang)):
            if _vocative_title(text, start, lang):
                return Decision("voct", True, "apposition to a title in the vocative")  # Пане Руслане
            if _nominative_title(text, start, lang) and noun not in gov.RELATIONS and noun != "семья":
                return _title_then_name(text, end, lang)  # депутат Фролов
            return _person_beside_a_person_noun(text, start, end, noun, lang)  # поэтессы Зинаиды Гиппиус
        if "gent" in name.hints[:1]:  # "the umbrella of France"
            return Decision("gent", True, "noun + genitive, as the English says")
        if _agreeing_verb(text, start, end, lang) and (personal or _animate(noun, lang)):
            if _subject_after_a_fronted_phrase(text, start, end, lang):
                return Decision("nomn", True, "subject after a fronted phrase")  # После увольнения Иван Петров играл
            return _subject_before_its_verb(text, start, end, lang)
        if name.person or is_personal(text[start:end], lang):
            if noun == "слово" and re.search(r"(?:^|[^\w-])[Сс]лово $", text[:start]):
                # передати слово Миколі Сольському, предоставить слово Фролову: the floor to (not за словами Айдін)
                return Decision("datv", True, "слово + a person")
            if noun in _GROUPS:
                return Decision("nomn", False, "a person's name after a noun")  # пара Курт Вирес и Юрьё Хиетанен
            if _title_heads_the_phrase(text, start, lang):
                # голова Комітету з питань Регламенту Сергій Кальченко: the chair's name, not the committee's
                return Decision("nomn", False, "a person after a title and its body")
            return Decision("gent", True, "a person after an inanimate noun")  # алгоритм Евклида, картини Босха
        if _animate(noun, lang):  # шахтёр Зегерс, мастером Каландар Качим: apposition, in the noun's case
            return _after_a_person_noun(text, start, end, noun, lang, name)
        if _subject_after_a_fronted_phrase(text, start, end, lang):
            return Decision("nomn", True, "subject after a fronted phrase")  # Во второй Мессенской войне Спарта
        if lang == "ru" and text[start:end].lower() in COUNTRIES:
            # правительства Франции, границы Украины: measured apart in Russian only (in Ukrainian the rule as a
            # whole is written, flagged; its part without countries is 14/16 on the public treebanks)
            return Decision("gent", True, "a country after a noun")
        return Decision("gent", True, "inanimate noun + genitive")
    if rule == "proper noun" and personal:
        titled = _title_before_name(text, start, lang, name, decided)
        if titled is not None:
            return titled
    cases = evidence.cases
    if rule.startswith("apposition to ") and rule.split(" ")[-1] in KIND_NOUNS and not personal:
        return Decision("nomn", True, "beside a kind of place")  # острова Лусон, not Лусна
    if rule.startswith("place ") and cases:
        return Decision(cases[0], True, rule, allowed=cases)
    if evidence.strength == 2 and cases and "nomn" not in cases and rule.startswith(TRUSTED):
        return Decision(cases[0], True, rule)
    if rule.startswith("verb ") and rule.removeprefix("verb ") not in _OPINION and _finite_verb_before(text, start,
                                                                                                       lang):
        # a verb the case table gives the nominative (others were trusted above): генеральним директором був Юрій
        # Димчогло, the subject after its verb (not може бути Робертом, an infinitive's predicate; nor считает
        # Монголию частью, an object)
        return Decision("nomn", True, "subject after its verb")
    if rule == "coordinated with a name a rule guessed" and cases != ("nomn",):
        return Decision(cases[0], False, rule, allowed=cases)  # Гёйгёля и Аджикенда: as its first conjunct
    if rule.startswith("coordinated with") and evidence.strength == 2 and cases == ("nomn",):
        return Decision("nomn", True, rule)  # Каламария, Пенталофос и Флорина
    if rule.startswith("apposition to") and not personal:
        return Decision("nomn", True, "beside a kind of place")  # острова Лусон, not Лусна
    if rule.startswith("apposition to") and cases[:1] == ("nomn",):
        return _title_then_name(text, end, lang)  # народний депутат Фролов
    if rule.startswith("apposition to ") and not rule.startswith("apposition to an uninflected"):
        shown = _title_case(text, start, lang)
        if shown is not None:  # короля Фридриха, народного депутата Бакунця, народними депутатами Стефанчуком
            return Decision(shown, True, "apposition to a title in one case")
    if "voct" in cases and lang == "uk":
        # The vocative where the English source addresses the person; the nominative, also heard in address
        # ("Дякую, Тарас Іванович"), is kept otherwise.
        return Decision("voct" if "voct" in name.hints else "nomn", True, "address")
    if rule.startswith("transitive verb ") and _not_its_subject(text, start, lang):
        return Decision("accs", True, "the object of a verb whose subject is another")
    if rule.startswith(("preposition ", "with or from")) and cases and "nomn" not in cases:
        return Decision(cases[0], False, rule, allowed=cases)  # never a nominative after it; which case is a guess
    if (not cases or "nomn" in cases) and rule.startswith(SUBJECT):
        if _agreeing_verb(text, start, end, lang):  # Франке стал, not Барыкин иногда называют
            return Decision("nomn", True, rule + ", agreeing verb after")
        if _plural_verb_follows(text, end, lang) and not _plural(text[start:end], lang):
            return Decision("accs", False, rule + ", a plural verb after")  # Барыкина иногда называют
        if rule == "sentence start" and re.match(r"\s*(?:\(|--|—|–)", text[end:]):
            return Decision("nomn", True, "sentence start, a definition after")  # Лопская (...) -- река
        if rule == "sentence start" and re.match(r":", text[end:]):
            return Decision("nomn", True, "sentence start, a colon after")  # Досым Сатпаев: В последние годы
        if rule == "sentence start" and re.match(r",", text[end:]):
            return Decision("nomn", True, "sentence start, a comma after")  # Кассандра, как и сестра,
        if rule == "sentence start" and re.match(r"\s+[^\W\d_]", text[end:]) and not _verb_follows(text, end, lang):
            # Ломоносов совместно с..., Миллер среди описаний: no verb that might not agree with it right after
            # (Барыкин иногда называют, Костомаров появилась)
            return Decision("nomn", True, "sentence start, no verb after")
        if rule == "after ," and re.search(r"[A-ZА-ЯЁІЇЄҐ][\w'’-]*, $", text[:start]):
            return Decision("nomn", True, _after_a_listed_word(text, start, decided))  # Керколди, Шотландия
        if rule == "after ," and personal and re.match(r"\s*[.!?]", text[end:]):
            return Decision("nomn", True, "after , a person ending the sentence")  # Будь ласка, Олександре
        return Decision("nomn", True, rule)
    if _agreeing_verb(text, start, end, lang):
        return _subject_before_its_verb(text, start, end, lang)
    # Unconfirmed: a case the rule allows where it rules the nominative out (written, and flagged), else the
    # model's nominative, flagged.
    guess = cases and "nomn" not in cases and evidence.strength >= 1 and rule.startswith(_NEVER_NOMINATIVE)
    if guess:
        return Decision(cases[0], False, rule, allowed=cases)
    # The English source's word before the name ("of Putin", "with Zelensky") as the last, unconfirmed, guess.
    unread = not cases or rule.startswith("after ")  # the sentence's grammar said nothing of its own
    hinted = [h for h in name.hints[:1] if unread and h in ("gent", "datv", "accs", "ablt", "loct")]
    return Decision(hinted[0] if hinted else "nomn", False, rule, allowed=tuple(hinted))
