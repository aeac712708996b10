"""Every output that names the program that wrote it names the release too, and S.json states its layout."""

from __future__ import annotations

import io
import json
import re

import docx
from lxml import etree

from tests.test_writers_review import sample_doc
from translator import __version__
from translator.writers import WRITERS

STAMP = f"translator {__version__}"


def _render(name: str) -> bytes:
    return WRITERS[name].render(sample_doc(), "en" if name == "json" else "uk")


def test_s_json_states_its_schema_and_generator() -> None:
    result = json.loads(_render("json"))
    assert result["schema"] == 1 and isinstance(result["schema"], int)
    assert result["generator"] == STAMP


def test_html_docx_tmx_and_xliff_carry_the_release() -> None:
    html = _render("html").decode("utf-8")
    assert re.search(rf'<meta name="generator" content="{re.escape(STAMP)}">', html)
    properties = docx.Document(io.BytesIO(_render("docx"))).core_properties
    assert properties.author == "translator" and properties.comments == f"written by {STAMP}"
    tmx_header = etree.fromstring(_render("tmx")).find("header")
    assert tmx_header is not None
    assert (tmx_header.get("creationtool"), tmx_header.get("creationtoolversion")) == ("translator", __version__)
    tool = next(e for e in etree.fromstring(_render("xlf")).iter() if e.tag.endswith("}tool"))
    assert (tool.get("tool-name"), tool.get("tool-version")) == ("translator", __version__)
