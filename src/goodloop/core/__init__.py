"""Pure domain rules of goodloop: plain data in, plain data out, no Django, no other layer.

rules (defaults and vocabularies), calendar (business days), cadence (rhythm), strength
(tie strength), ledger (reciprocity), guard (over-asking), trust (stages and the gate),
followup (3B7), loops (thank/report due dates), agenda (Today ranking), needs (gives),
drafts (ready-to-send texts), coach (+ coach_detect, coach_lexicon: the ask coach).
"""
