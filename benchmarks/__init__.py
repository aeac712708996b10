"""Speed and memory of `translator run` against argostranslate and raw CTranslate2 (issue #6).

Run from the repository root: `python -m benchmarks.run`. (pysbd installs an unrelated top-level package
also named `benchmarks`; this one wins because the repository root comes first on sys.path there.)
"""
