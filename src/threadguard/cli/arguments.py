"""Command-line values that are not UTF-8 text, refused for every command in one place.

On Linux an argument is bytes; Python reads the bytes that are no UTF-8 (``$'\\xff'``, a
Latin-1 terminal's ``Jos\\xe9``) as lone surrogates, which no later step can encode:
``keys create --name``, ``user add --password`` and ``db audit --actor`` each ended with a
``UnicodeEncodeError`` line and exit 1, some after writing to the store. Here each option
and argument of every command is checked once it is parsed, before the command runs:
``error: Invalid value for '--name': '\\xff' is not UTF-8 text``, exit 2.

File names are bytes too, and a few of them legitimately are not UTF-8. Most of the
commands' file names go further than the file system, though: into a database URL
(``--data-dir``), Dask and Arrow (``batch --out``), a report, the audit log, a line on
standard output; those are refused alike. A parameter annotated with :data:`ANY_BYTES`
takes any bytes: a file the command only reads, whose name it shows on standard error
only (``scan FILE``, ``score INPUT``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import PurePath
from typing import Annotated, Any, Final, get_args, get_origin

import typer
from typer.core import TyperGroup

from threadguard.validation import lone_surrogate


class _Mark:
    """A parameter's ``Annotated`` metadata for this check."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


#: The parameter's value may be any bytes (a file name the command only reads):
#: ``Annotated[Path, typer.Argument(...), ANY_BYTES]``.
ANY_BYTES: Final = _Mark("ANY_BYTES")
#: The parameter's value is a secret (a password): a refusal names the option, never the
#: value, which would end up on a screen or in a log.
SECRET: Final = _Mark("SECRET")

Callback = Callable[[Any, Any, Any], Any]


def shown(text: str) -> str:
    """``text`` quoted, each byte that is not UTF-8 written ``\\xNN`` (the bytes given)."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no byte decodes to (not from argv or environ)
        raw = text.encode("utf-8", "surrogatepass")
    return "'" + raw.decode("utf-8", "backslashreplace") + "'"


def _texts(value: object) -> list[str]:
    """The strings in a parsed value: itself, a path's name, a list's or tuple's items."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, PurePath):
        return [str(value)]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _texts(item)]
    return []


class _TextOnly:
    """A parameter callback that refuses a value that is not UTF-8 text (quoted, unless
    ``secret``), then runs the parameter's own callback (if any)."""

    def __init__(self, callback: Callback | None, secret: bool) -> None:
        self.callback = callback
        self.secret = secret

    def __call__(self, ctx: Any, param: Any, value: Any) -> Any:
        for text in _texts(value):
            if lone_surrogate(text) is not None:
                what = "the value" if self.secret else shown(text)
                raise typer.BadParameter(f"{what} is not UTF-8 text", ctx=ctx, param=param)
        return value if self.callback is None else self.callback(ctx, param, value)


def _marked(command: Any, mark: _Mark) -> set[str]:
    """The names of ``command``'s parameters annotated with ``mark``."""
    if command.callback is None:
        return set()
    # as Typer reads them (the modules' annotations are strings until evaluated)
    signature = inspect.signature(command.callback, eval_str=True)
    return {
        name
        for name, parameter in signature.parameters.items()
        if get_origin(parameter.annotation) is Annotated
        and any(meta is mark for meta in get_args(parameter.annotation)[1:])
    }


def require_text(command: Any) -> None:
    """Make every parameter of ``command`` and of its subcommands, all the way down, refuse
    a value that is not UTF-8 text, except those annotated :data:`ANY_BYTES`."""
    exempt, secret = _marked(command, ANY_BYTES), _marked(command, SECRET)
    for param in command.params:
        if param.name not in exempt and not isinstance(param.callback, _TextOnly):
            param.callback = _TextOnly(param.callback, param.name in secret)
    for sub in getattr(command, "commands", {}).values():
        require_text(sub)


class TextArgumentsGroup(TyperGroup):
    """The root command: its tree of commands refuses values that are not UTF-8 text
    (:func:`require_text`) however it is run -- ``main()``, Typer's test runner."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        require_text(self)
        return super().main(*args, **kwargs)
