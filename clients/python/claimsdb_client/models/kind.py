from enum import StrEnum


class Kind(StrEnum):
    ACTOR = "actor"
    CLAIM = "claim"
    PASSAGE = "passage"

    def __str__(self) -> str:
        return str(self.value)
