from enum import StrEnum


class Scope(StrEnum):
    ADMIN = "admin"
    CURATE = "curate"
    READ = "read"

    def __str__(self) -> str:
        return str(self.value)
