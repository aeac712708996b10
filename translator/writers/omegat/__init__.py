"""`S.SRC-L.omegat/`: an OmegaT project beside the CAT files, which a translator opens with every segment filled.

OmegaT (3.6 and newer) reads a project folder: `omegat.project` (languages, folders; sentence segmentation off,
as the units already are sentences), the document to translate in `source/`, translation memories in `tm/`, and
glossaries in `glossary/`. Each of those is a file written here by its own writer, in its own module:

- `source/S.SRC-L.xlf`: the document's sentence units (those of `S.SRC-L.xlf`) as XLIFF whose `<target>` copies
  the `<source>`, the form OmegaT's XLIFF filter translates;
- `tm/auto/S.SRC-L.machine.tmx`: the machine translation, source sentence → machine text. OmegaT puts the
  translations of a TMX in `tm/auto` into the segments it matches exactly when it opens the project, so every
  segment is pre-filled (and `omegat --mode=console-translate` writes them into `target/`);
- `tm/enforce/S.SRC-L.approved.tmx`: the approved corrections. A TMX in `tm/enforce` overwrites what a segment
  holds unconditionally, so a correction outranks the machine text (OmegaT manual, "Translation memories":
  `tm/auto` and `tm/enforce`);
- `glossary/S.SRC-L.txt`: the glossary terms the run met, in OmegaT's tab-separated form: source, target,
  comment, UTF-8.

The project's XLIFF and TMX hold plain text: OmegaT 3.6 turns the XLIFF's inline tags and the TMX's `<bpt>`/`<ept>`
into tags of its own that do not match each other, so a tagged sentence would find no match (a cue's tags are in
`S.SRC-L.xlf` and `S.SRC-L.tmx` for Trados and memoQ).

OmegaT keeps its own work (`omegat/project_save.tmx`, `target/`) in the same folder; a run never writes there.
"""
