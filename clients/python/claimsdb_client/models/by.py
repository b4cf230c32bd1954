from enum import StrEnum


class By(StrEnum):
    HOLDER = "holder"
    SOURCE = "source"

    def __str__(self) -> str:
        return str(self.value)
