from enum import StrEnum


class GetExportsActorsFormatSort(StrEnum):
    ID = "id"
    KIND = "kind"
    NAME = "name"
    VALUE_3 = "-id"
    VALUE_4 = "-name"
    VALUE_5 = "-kind"

    def __str__(self) -> str:
        return str(self.value)
