from enum import StrEnum


class Label(StrEnum):
    NEUTRAL = "neutral"
    OPPOSES = "opposes"
    QUESTIONS = "questions"
    SUPPORTS = "supports"

    def __str__(self) -> str:
        return str(self.value)
