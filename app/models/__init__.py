"""Tables and their request/response models, split by what they are for:

- ``common``: column lengths, string types, closed vocabularies, constraint helpers
- ``tables``: the tables (never a request body or a response)
- ``writes``: what writes send (``...Create``, ``...Update``, span inputs)
- ``responses``: what responses are built from (``...Public``, provenance, pages)
- ``views``: the analyst views' shapes
- ``seed_metadata``: what the seed files say beyond the rows, for the round trip

Everything is importable from ``app.models``.
"""

from app.models.common import *  # noqa: F403
from app.models.responses import *  # noqa: F403
from app.models.seed_metadata import *  # noqa: F403
from app.models.tables import *  # noqa: F403
from app.models.views import *  # noqa: F403
from app.models.writes import *  # noqa: F403
