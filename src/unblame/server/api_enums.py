"""Choices as API types with names of their own in the OpenAPI description.

django-ninja describes each schema on its own and merges their enums into
one table of components by bare class name, so `ActionItem.Status` and the
incident's `Status` (or `TimelineEvent.Kind` and `ActionItem.Kind`) were
both published as `Status` (`Kind`), the last one described winning: /api/docs
then offered an action item's statuses for an incident. Every choices type
the API reads or writes goes through `Named`, which gives its component a
name that says whose it is; nothing changes in the models or stored values.

    IncidentStatus = Annotated[Status, Named("IncidentStatus")]
"""

from __future__ import annotations

from enum import Enum

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

# Component name -> the choices published under it; a second type under a
# name already taken is a programming error, caught when the module loads.
_NAMED: dict[str, type[Enum]] = {}


class Named:
    """Annotated marker: validate as the str choices type, publish it as component `name`."""

    def __init__(self, name: str) -> None:
        if not name.isidentifier():
            raise ValueError(f"{name!r} is not a usable component name.")
        self.name = name

    def __get_pydantic_core_schema__(
        self, source: type[Enum], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        _claim(self.name, source)
        # The same validation pydantic gives a str enum, under our reference:
        # pydantic names the component after the reference, not the class.
        return core_schema.enum_schema(
            source, list(source.__members__.values()), sub_type="str", ref=self.name
        )

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        handler.resolve_ref_schema(json_schema)["title"] = self.name
        return json_schema


def _claim(name: str, choices: type[Enum]) -> None:
    if not (isinstance(choices, type) and issubclass(choices, str) and issubclass(choices, Enum)):
        raise TypeError(f"{name} names {choices!r}, which is not a str choices type.")
    taken = _NAMED.setdefault(name, choices)
    if taken is not choices:
        raise TypeError(f"{name} already names {taken.__qualname__}, not {choices.__qualname__}.")


def named_choices() -> dict[str, type[Enum]]:
    """Every component name given so far, with the choices type it stands for."""
    return dict(_NAMED)
