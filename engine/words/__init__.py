"""The words a user reads, one module per language (`en` today; French and Spanish to come).

Engine modules and renderers take every word, title and sentence template a reader sees from
here, so that a translation is one new module with the same names.  Ids, vocabulary words and
JSON keys are not words a reader reads: they stay in the data and code.
"""
