"""The translation of one document's units, one module per job; `translator.pipeline` runs them in order.

- `plan`: what each leg (source language → target) needs and what the memory already holds of it;
- `steps`: the engine's work on a leg, in steps each stored in the memory as soon as it is done;
- `placement`: glossary terms restored in the engine's output, units spread back over their cues, and the
  result put on the document's segments;
- `hit_spans`: which cue of a unit each glossary hit's characters landed in;
- `approvals`: reviewers' corrections replacing machine output;
- `memory_view`: the little of the translation memory all of these use (`MemoryView`).
"""
