from enum import StrEnum


class Attribution(StrEnum):
    ANONYMOUS = "anonymous"
    AUTHOR = "author"
    PARAPHRASED = "paraphrased"
    QUOTED = "quoted"
    REPORTED = "reported"

    def __str__(self) -> str:
        return str(self.value)
