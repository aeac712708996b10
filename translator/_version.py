"""The release number, in a module that imports nothing, so any module can name it without a cycle."""

__version__ = "0.1.0"
