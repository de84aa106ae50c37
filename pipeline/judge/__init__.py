"""Judgement, as an assessor would make it, from text alone (pure functions, no I/O but rules/).

Per document (`analysis`): normalised text (`normalize`), facts (`facts`: type, number, year,
region, draft or signed), indicator links (`matching`) and level cues (`levels`). Per folder
(`decide`): flags (`flags`), levels per indicator, claims (`claims`), the index (`scoring`) and the
gaps it costs (`gaps`). `accuracy` measures a judgement against labels.

May import: pipeline.model, pipeline.rules, pipeline.privacy.
"""
