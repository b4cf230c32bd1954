from enum import StrEnum


class Role(StrEnum):
    MENTIONED = "mentioned"
    OBJECT = "object"
    SUBJECT = "subject"

    def __str__(self) -> str:
        return str(self.value)
