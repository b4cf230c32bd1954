from enum import StrEnum


class GetExportsStancesFormatSort(StrEnum):
    CLAIM_ID = "claim_id"
    ID = "id"
    POSITION = "position"
    VALUE_3 = "-id"
    VALUE_4 = "-position"
    VALUE_5 = "-claim_id"

    def __str__(self) -> str:
        return str(self.value)
