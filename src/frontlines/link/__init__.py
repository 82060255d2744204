"""Stage `link`: each mention to what it names. Actors to knowledge-base records (valid on the
publication date, in the report's country) or to discovered actors; references ("the militia",
"his forces") to the actor they point at (`coref`); place names to one gazetteer entry, chosen
among namesakes by the report's country focus, the words around the name (`country_words`)
and the places named with it (`place_context`).
"""

from frontlines.link.linker import LinkedActor, LinkedDocument, LinkedPlace, link, warm

__all__ = ["LinkedActor", "LinkedDocument", "LinkedPlace", "link", "warm"]
