from enum import StrEnum


class ReviewStatus(StrEnum):
    ACCEPTED = "accepted"
    CANDIDATE = "candidate"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
