from enum import StrEnum


class ListClaimsSort(StrEnum):
    CLAIM_TYPE = "claim_type"
    ID = "id"
    STANCE_COUNT = "stance_count"
    TEXT = "text"
    VALUE_4 = "-id"
    VALUE_5 = "-text"
    VALUE_6 = "-claim_type"
    VALUE_7 = "-stance_count"

    def __str__(self) -> str:
        return str(self.value)
