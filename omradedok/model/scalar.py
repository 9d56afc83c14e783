"""The pydantic hook shared by the model's own value types (When, Amount, Count).

Each reads what a clerk writes with ``parse`` and writes back its input form with ``key``, so
a model dumps to the same YAML/JSON it was read from; only their JSON Schemas differ.
"""

from __future__ import annotations

from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema


class ParsedScalar:
    """A value validated by ``cls.parse`` and serialised by ``self.key()``."""

    @classmethod
    def parse(cls, value: Any) -> Any:
        raise NotImplementedError

    def key(self) -> Any:
        raise NotImplementedError

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda value: value.key(), when_used="always"
            ),
        )
