"""`S.SRC-L.omegat/omegat.project`: the project file (OmegaT's own layout): default folders, the two languages,
and sentence segmentation off, so each unit of the source XLIFF is one segment that matches the TMX whole."""

from __future__ import annotations

from lxml import etree

from translator.document import Document
from translator.writers.language import source_language
from translator.writers.views import Views

DEFAULT = "__DEFAULT__"


def render(doc: Document, lang: str, views: Views) -> bytes:
    root = etree.Element("omegat")
    project = etree.SubElement(root, "project", {"version": "1.0"})
    fields = [
        ("source_dir", DEFAULT), ("target_dir", DEFAULT), ("tm_dir", DEFAULT),
        ("glossary_dir", DEFAULT), ("glossary_file", DEFAULT), ("dictionary_dir", DEFAULT),
        ("source_lang", source_language(doc)), ("target_lang", lang), ("sentence_seg", "false"),
        ("support_default_translations", "true"), ("remove_tags", "false"),
    ]
    for name, value in fields:
        etree.SubElement(project, name).text = value
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=False) + b"\n"
