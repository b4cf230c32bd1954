from enum import StrEnum


class Genre(StrEnum):
    ANALYSIS = "analysis"
    BLOG = "blog"
    FORUM = "forum"
    NEWS = "news"
    OPINION = "opinion"
    REFERENCE = "reference"

    def __str__(self) -> str:
        return str(self.value)
