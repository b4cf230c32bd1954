from enum import StrEnum


class MentionOrigin(StrEnum):
    CURATED = "curated"
    DERIVED = "derived"

    def __str__(self) -> str:
        return str(self.value)
