from enum import StrEnum


class AliasKind(StrEnum):
    ABBREVIATION = "abbreviation"
    METONYM = "metonym"
    NAME = "name"
    TRANSLITERATION = "transliteration"

    def __str__(self) -> str:
        return str(self.value)
