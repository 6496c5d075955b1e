"""Analyzer configuration: from `[tool.unblame]` in pyproject.toml or `.unblame.toml`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .finding import Severity

CONFIG_FILES = (".unblame.toml", "pyproject.toml")


class ConfigError(ValueError):
    """A configuration file or value that cannot be used; the message names it."""


@dataclass(frozen=True)
class Config:
    """What to check and how loudly.

    `select` and `ignore` hold codes or code prefixes (`UB1` selects UB101…UB199).
    An empty `select` means every rule. `severity` overrides a rule's default
    severity by code. `names` are people's names that count as persons.
    """

    names: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    lint_quotes: bool = False

    def is_enabled(self, code: str) -> bool:
        if self.select and not any(code.startswith(p) for p in self.select):
            return False
        return not any(code.startswith(p) for p in self.ignore)

    def with_overrides(self, **changes: object) -> Config:
        return replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def from_mapping(cls, data: Mapping[str, object], *, origin: str = "config") -> Config:
        """Build a Config from a TOML table, rejecting unknown keys and bad values."""
        known = {"names", "select", "ignore", "severity", "lint-quotes", "lint_quotes"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(f"{origin}: unknown key {unknown[0]!r} in [tool.unblame]")
        severity = {}
        raw_sev = data.get("severity", {})
        if not isinstance(raw_sev, Mapping):
            raise ConfigError(f"{origin}: 'severity' must be a table of CODE = level")
        for code, level in raw_sev.items():
            try:
                severity[str(code).upper()] = Severity(str(level).lower())
            except ValueError:
                raise ConfigError(
                    f"{origin}: severity for {code} must be error, warning or info, not {level!r}"
                ) from None
        lint_quotes = data.get("lint-quotes", data.get("lint_quotes", False))
        if not isinstance(lint_quotes, bool):
            raise ConfigError(f"{origin}: 'lint-quotes' must be true or false")
        return cls(
            names=_strings(data, "names", origin),
            select=tuple(s.upper() for s in _strings(data, "select", origin)),
            ignore=tuple(s.upper() for s in _strings(data, "ignore", origin)),
            severity=severity,
            lint_quotes=lint_quotes,
        )

    @classmethod
    def load(cls, path: Path) -> Config:
        """Read one config file; a pyproject.toml without `[tool.unblame]` gives defaults."""
        import tomllib  # here: a run with no config file never needs the TOML parser

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read config: {exc}") from None
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("unblame", {})
        return cls.from_mapping(data, origin=str(path))

    @classmethod
    def discover(cls, start: Path) -> tuple[Config, Path | None]:
        """Find the nearest config file at or above `start`; defaults when there is none."""
        start = start.resolve()
        for folder in (start, *start.parents):
            for name in CONFIG_FILES:
                candidate = folder / name
                if candidate.is_file() and _has_unblame_table(candidate):
                    return cls.load(candidate), candidate
        return cls(), None


def _has_unblame_table(path: Path) -> bool:
    if path.name != "pyproject.toml":
        return True
    import tomllib

    try:
        return "unblame" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def _strings(data: Mapping[str, object], key: str, origin: str) -> tuple[str, ...]:
    value = data.get(key, ())
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ConfigError(f"{origin}: {key!r} must be a list of strings")
    items = tuple(value)
    if not all(isinstance(item, str) for item in items):
        raise ConfigError(f"{origin}: {key!r} must be a list of strings")
    return items
