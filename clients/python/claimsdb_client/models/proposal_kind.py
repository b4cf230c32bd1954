from enum import StrEnum


class ProposalKind(StrEnum):
    MENTION = "mention"
    STANCE = "stance"

    def __str__(self) -> str:
        return str(self.value)
