from enum import StrEnum


class ActorKind(StrEnum):
    GROUP = "group"
    MEDIA = "media"
    ORGANIZATION = "organization"
    OTHER = "other"
    PERSON = "person"
    STATE = "state"

    def __str__(self) -> str:
        return str(self.value)
