from enum import StrEnum


class Certainty(StrEnum):
    CERTAIN = "certain"
    POSSIBLE = "possible"
    PROBABLE = "probable"

    def __str__(self) -> str:
        return str(self.value)
