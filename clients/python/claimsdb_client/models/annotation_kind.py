from enum import StrEnum


class AnnotationKind(StrEnum):
    MENTION = "mention"
    STANCE = "stance"

    def __str__(self) -> str:
        return str(self.value)
