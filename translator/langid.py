"""Language of every segment, among the languages we translate (en, uk, ru), right on short turns too.

langdetect alone mislabels many short Cyrillic texts, so the decision combines, in order of strength:
the script (Latin means English here), letters only one language has (і ї є ґ ʼ → uk; ы э ъ ё → ru),
langdetect restricted to en/uk/ru profiles and seeded so runs are reproducible, and — for short or
uncertain segments — the neighbouring segments and the document's main language.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

from translator.document import LANGUAGES, Document

SUPPORTED = tuple(LANGUAGES)
_UK_ONLY = set("іїєґІЇЄҐʼ")
_RU_ONLY = set("ыэъёЫЭЪЁ")
_SEED = 0
# Below this many letters, or this confidence, a segment leans on its context.
SHORT_LETTERS = 40
CONFIDENT = 0.9
# Common short words that settle uk/ru for texts too short for character statistics.
_UK_WORDS = {"і", "й", "та", "що", "це", "як", "але", "дякую", "так", "ні", "він", "вона", "ми", "ви", "від", "які",
             "який", "щоб", "чи", "вже", "тут", "добрий", "привіт", "будь", "ласка", "мені", "мене", "тебе",
             "себе", "треба", "сьогодні", "зараз", "дуже", "якщо", "коли", "де", "хто", "ще", "теж", "тільки",
             "лише", "із", "зі", "цей", "ця", "його", "її", "їх", "бути", "був", "була", "можна", "потрібно"}
_RU_WORDS = {"и", "что", "это", "как", "спасибо", "да", "нет", "он", "она", "мы", "вы", "какие", "какой", "чтобы",
             "ли", "уже", "здесь", "добрый", "привет", "пожалуйста", "хорошо", "мне", "меня", "тебя", "себя",
             "надо", "сегодня", "сейчас", "очень", "если", "когда", "где", "кто", "ещё", "еще", "тоже", "только",
             "этот", "эта", "её", "их", "быть", "был", "была", "можно", "нужно", "должен", "хотел", "могу"}

Distribution = dict[str, float]


@lru_cache(maxsize=1)
def _factory():  # type: ignore[no-untyped-def]
    """A langdetect factory holding only the en, uk and ru profiles (loaded once)."""
    from langdetect import detector_factory

    factory = detector_factory.DetectorFactory()
    profiles = Path(detector_factory.PROFILES_DIRECTORY)
    factory.load_json_profile([(profiles / code).read_text("utf-8") for code in SUPPORTED])
    factory.set_seed(_SEED)
    return factory


def _letters(text: str) -> list[str]:
    return [ch for ch in text if ch.isalpha()]


def _one_hot(lang: str, confidence: float) -> Distribution:
    rest = (1.0 - confidence) / (len(SUPPORTED) - 1)
    return {code: confidence if code == lang else rest for code in SUPPORTED}


def _langdetect(text: str) -> Distribution:
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(text)
    try:
        found = {item.lang: item.prob for item in detector.get_probabilities()}
    except LangDetectException:
        return {code: 1 / len(SUPPORTED) for code in SUPPORTED}
    return {code: found.get(code, 0.0) for code in SUPPORTED}


def text_distribution(text: str) -> Distribution:
    """How likely each supported language is for this text on its own."""
    letters = _letters(text)
    if not letters:
        return {code: 1 / len(SUPPORTED) for code in SUPPORTED}
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    if cyrillic < len(letters) / 2:
        return _one_hot("en", 0.99)
    uk_marks = sum(1 for ch in text if ch in _UK_ONLY)
    ru_marks = sum(1 for ch in text if ch in _RU_ONLY)
    if uk_marks != ru_marks:
        return _one_hot("uk" if uk_marks > ru_marks else "ru", 0.99)
    words = Counter(word.strip(".,!?;:«»\"'()…—-").lower() for word in text.split())
    uk_words = sum(n for word, n in words.items() if word in _UK_WORDS)
    ru_words = sum(n for word, n in words.items() if word in _RU_WORDS)
    statistical = _langdetect(text.lower())  # upper-case labels (ГОЛОВУЮЧИЙ.) mislead the n-gram profiles
    statistical["en"] = 0.0
    cyrillic_letters = sum(statistical.values()) and len(letters)
    if cyrillic_letters < SHORT_LETTERS:  # n-grams of a word or two say little: lean towards "don't know"
        doubt = 0.5 * (1 - cyrillic_letters / SHORT_LETTERS)
        statistical = {code: p * (1 - doubt) + (doubt / 2 if code != "en" else 0.0) for code, p in statistical.items()}
    if uk_words != ru_words:
        leaning = "uk" if uk_words > ru_words else "ru"
        statistical[leaning] += 3.0
    total = sum(statistical.values()) or 1.0
    return {code: p / total for code, p in statistical.items()}


def _blend(own: Distribution, context: Distribution, weight: float) -> Distribution:
    mixed = {code: own[code] * (1 - weight) + context[code] * weight for code in SUPPORTED}
    total = sum(mixed.values()) or 1.0
    return {code: p / total for code, p in mixed.items()}


def _best(dist: Distribution) -> tuple[str, float]:
    lang = max(SUPPORTED, key=lambda code: (dist[code], -SUPPORTED.index(code)))
    return lang, dist[lang]


def detect_text(text: str) -> tuple[str, float]:
    """Language and confidence of one text without context."""
    return _best(text_distribution(text))


def detect_document(doc: Document, forced: str | None = None) -> None:
    """Set lang and lang_confidence on every segment, and the document's main language.

    Short or uncertain segments are pulled towards their neighbours and the document's main language;
    segments with a clear signal of their own keep it, so a mixed-language transcript stays mixed.
    """
    segments = doc.segments
    if forced:
        for segment in segments:
            segment.lang, segment.lang_confidence = forced, 1.0
        doc.lang = forced
        return
    own = [text_distribution(segment.text) for segment in segments]
    weights = [len(_letters(segment.text)) for segment in segments]
    document_prior = {code: sum(d[code] * w for d, w in zip(own, weights)) for code in SUPPORTED}
    total = sum(document_prior.values()) or 1.0
    document_prior = {code: p / total for code, p in document_prior.items()}
    for index, segment in enumerate(segments):
        dist = own[index]
        lang, confidence = _best(dist)
        if weights[index] < SHORT_LETTERS or confidence < CONFIDENT:
            neighbours = [own[i] for i in (index - 1, index + 1) if 0 <= i < len(segments) and weights[i]]
            context = {
                code: (sum(n[code] for n in neighbours) + document_prior[code]) / (len(neighbours) + 1)
                for code in SUPPORTED
            }
            shortness = max(0.0, 1.0 - weights[index] / SHORT_LETTERS)
            # Without a decisive letter or word of its own, a short segment mostly takes its context's language.
            reliance = 0.75 if confidence < 0.85 else 0.35
            dist = _blend(dist, context, 0.15 + reliance * shortness if confidence < 0.99 else 0.05)
            lang, confidence = _best(dist)
        segment.lang, segment.lang_confidence = lang, confidence
    doc.lang = _best(document_prior)[0]
