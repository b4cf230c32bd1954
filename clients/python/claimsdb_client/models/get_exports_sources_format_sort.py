from enum import StrEnum


class GetExportsSourcesFormatSort(StrEnum):
    ID = "id"
    PUBLISHED_ON = "published_on"
    TITLE = "title"
    VALUE_3 = "-id"
    VALUE_4 = "-title"
    VALUE_5 = "-published_on"

    def __str__(self) -> str:
        return str(self.value)
