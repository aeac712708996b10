"""translator: offline interview and subtitle translation between English, Ukrainian and Russian."""

__version__ = "0.1.0"
