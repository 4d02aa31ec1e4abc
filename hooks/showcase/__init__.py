"""The showcase core: cases, vocabulary, validation, indexes and exports.

Plain Python with no MkDocs imports, so it can be tested on its own, run from
the command line (`python -m showcase`) and moved to another site engine.
"""
