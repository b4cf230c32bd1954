"""Tables and their request/response models, split by what they are for:

- ``common``: column lengths, string types, closed vocabularies, constraint helpers
- ``tables``: the tables (never a request body or a response)
- ``stored``: the read model's tables (stored bodies, kept counts)
- ``writes``: what writes send (``...Create``, ``...Update``, span inputs)
- ``responses``: what responses are built from (``...Public``, pages)
- ``changes``: the audit log's records as the API shows them
- ``annotations``: a source's spans as a reader highlights them
- ``provenance``: a span as responses show it, with its W3C selectors
- ``views``: the analyst views' shapes
- ``seed_metadata``: what the seed files say beyond the rows, for the round trip

Everything is importable from ``app.models``.
"""

from app.models.annotations import *  # noqa: F403
from app.models.changes import *  # noqa: F403
from app.models.common import *  # noqa: F403
from app.models.provenance import *  # noqa: F403
from app.models.responses import *  # noqa: F403
from app.models.seed_metadata import *  # noqa: F403
from app.models.stored import *  # noqa: F403
from app.models.tables import *  # noqa: F403
from app.models.views import *  # noqa: F403
from app.models.writes import *  # noqa: F403
