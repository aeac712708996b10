"""A package's own tokenizer, encoding and decoding exactly as argostranslate does.

Reproduced here (a few lines) so that translating needs only CTranslate2 and SentencePiece: installing
argostranslate pulls stanza and torch (gigabytes) that a translation never uses.
"""

from __future__ import annotations

from pathlib import Path

from translator.errors import PackageError


class SentencePieceTokenizer:
    """argostranslate.tokenizer.SentencePieceTokenizer's behaviour, `_` → space quirk included."""

    def __init__(self, model_file: Path) -> None:
        import sentencepiece

        self.processor = sentencepiece.SentencePieceProcessor(model_file=str(model_file))

    def encode(self, sentence: str) -> list[str]:
        return self.processor.encode(sentence, out_type=str)

    def decode(self, pieces: list[str]) -> str:
        return self.processor.decode_pieces(pieces).replace("▁", " ").replace("_", " ")


def load_tokenizer(package_path: Path) -> SentencePieceTokenizer:
    """The package's SentencePiece model (every current Argos en/uk/ru package has one)."""
    model = package_path / "sentencepiece.model"
    if not model.exists():
        raise PackageError(f"{package_path.name}: no sentencepiece.model (BPE packages are not supported)")
    return SentencePieceTokenizer(model)
