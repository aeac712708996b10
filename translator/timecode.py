"""Subtitle timestamps as text, shared by the subtitle readers (repair messages) and writers."""

from __future__ import annotations


def format_timestamp(ms: int, separator: str) -> str:
    """`HH:MM:SS,mmm` (SRT, separator ",") or `HH:MM:SS.mmm` (WebVTT, separator ".")."""
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"
