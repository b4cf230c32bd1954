from enum import StrEnum


class ClaimType(StrEnum):
    CAUSAL = "causal"
    EVALUATION = "evaluation"
    FACTUAL = "factual"
    HISTORICAL = "historical"
    PREDICTION = "prediction"
    RECOMMENDATION = "recommendation"

    def __str__(self) -> str:
        return str(self.value)
