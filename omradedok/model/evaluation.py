"""The evaluation plan (evalueringsplan); its indicator matrix comes from the goals."""

from __future__ import annotations

from pydantic import Field

from .base import Base, Text, Year
from .enums import EvaluationType, EvaluatorKind


class EvaluationPoint(Base):
    type: EvaluationType
    year: Year
    description: Text = ""


class ResultChain(Base):
    """Programme theory: input → activity → result → effect."""

    inputs: list[Text] = Field(default_factory=list)
    activities: list[Text] = Field(default_factory=list)
    results: list[Text] = Field(default_factory=list)
    effects: list[Text] = Field(default_factory=list)


class Reporting(Base):
    to: Text = Field(min_length=1)
    frequency: Text = ""
    form: Text = ""


class EvaluationPlan(Base):
    purpose: Text = ""
    users: list[Text] = Field(default_factory=list)
    evaluator_kind: EvaluatorKind | None = None
    evaluator: Text = ""
    schedule: list[EvaluationPoint] = Field(default_factory=list)
    questions: list[Text] = Field(default_factory=list)
    result_chain: ResultChain = Field(default_factory=ResultChain)
    reporting: list[Reporting] = Field(default_factory=list)
