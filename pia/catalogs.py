"""The message catalogs' tooling: extract the `pia` domain, update the translations, compile them (Babel).

Run as `python -m pia.i18n extract|update|compile|check` by developers, and by the build (`setup.py` loads this
file by path and calls `compile_catalogs`). Babel is imported inside the functions: the runtime reads the
compiled `.mo` files with the standard library only. This module imports nothing from `pia`, so the build can
load it before the package's dependencies are installed.
"""
from __future__ import annotations

import ast
import inspect
import io
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
LOCALE_DIR = PACKAGE_DIR / "locale"
DOMAIN = "pia"
TRANSLATED = ("zh",)
POT_FILE = LOCALE_DIR / f"{DOMAIN}.pot"
# Python: `_()`, `ngettext()` (singular, plural), `N_()` (marked, translated later) and `L_()` (a sentence kept
# with its values, English now and translated at render); templates: Jinja2's
# gettext calls and `{% trans %}` blocks (newstyle: `%(name)s` placeholders filled by the extension).
PYTHON_KEYWORDS: dict[str, Any] = {"_": None, "ngettext": (1, 2), "N_": None, "L_": None}
JINJA_KEYWORDS: dict[str, Any] = {"_": None, "gettext": None, "ngettext": (1, 2)}
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True",
                 "newstyle_gettext": "True"}
TEMPLATE_SUFFIXES = (".j2",)
# Headers that change on every run: left out so that the same sources give byte-identical catalogs.
VOLATILE_HEADERS = ("POT-Creation-Date", "PO-Revision-Date", "Generated-By")
PROJECT = "pia"
VERSION = "0.1.0"
HEADER = ("# Messages of the pia kit (domain `pia`): made by `python -m pia.i18n extract|update`, not by hand,\n"
          "# except for the translations (msgstr).")


def sources(package_dir: Path = PACKAGE_DIR) -> Iterator[tuple[str, Path]]:
    """(method, file) for every file messages are extracted from, in a fixed order."""
    for path in sorted(package_dir.rglob("*.py")):
        if "locale" not in path.relative_to(package_dir).parts:
            yield "python", path
    for path in sorted((package_dir / "data" / "report").rglob("*")):
        if path.suffix in TEMPLATE_SUFFIXES:
            yield "jinja2.ext:babel_extract", path


# click's help texts: the docstring of a function decorated with `command`/`group` and the `help=` (`short_help=`,
# `epilog=`) of click's decorators, as click shows them (`inspect.cleandoc`); `pia.commands.help` translates them
# when it renders help.
CLICK_COMMANDS = ("command", "group")
CLICK_PARAMETERS = ("option", "argument", "version_option", "help_option", "confirmation_option", "password_option")
CLICK_TEXT_ARGS = ("help", "short_help", "epilog")


def _callee(node: ast.expr) -> str | None:
    """The name a decorator or call ends with (`click.option(...)` -> `option`)."""
    node = node.func if isinstance(node, ast.Call) else node
    return node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else None


def click_help_texts(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of every click help text in a Python file: commands' docstrings and `help=` strings."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) \
                and any(_callee(d) in CLICK_COMMANDS for d in node.decorator_list):
            explicit = any(isinstance(d, ast.Call) and any(k.arg == "help" for k in d.keywords)
                           for d in node.decorator_list if _callee(d) in CLICK_COMMANDS)
            doc = ast.get_docstring(node, clean=True)
            if doc and not explicit:
                yield node.body[0].lineno, doc.partition("\f")[0]
        elif isinstance(node, ast.Call) and _callee(node) in CLICK_COMMANDS + CLICK_PARAMETERS:
            for kw in node.keywords:
                if kw.arg in CLICK_TEXT_ARGS and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
                    text = inspect.cleandoc(kw.value.value)
                    yield kw.value.lineno, text.partition("\f")[0] if kw.arg == "help" else text


def extract(package_dir: Path = PACKAGE_DIR) -> Any:
    """The catalog of every message marked in the package's code and report templates (a Babel `Catalog`)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_file

    catalog = Catalog(project=PROJECT, version=VERSION, charset="utf-8", fuzzy=False, header_comment=HEADER)
    root = package_dir.parent
    for method, path in sources(package_dir):
        jinja = method != "python"
        for lineno, message, comments, context in extract_from_file(
                method, path, keywords=JINJA_KEYWORDS if jinja else PYTHON_KEYWORDS, comment_tags=("i18n:",),
                options=JINJA_OPTIONS if jinja else {}, strip_comment_tags=True):
            catalog.add(message, None, [(path.relative_to(root).as_posix(), lineno)], auto_comments=comments,
                        context=context)
        if not jinja:
            for lineno, text in click_help_texts(path):
                catalog.add(text, None, [(path.relative_to(root).as_posix(), lineno)],
                            auto_comments=["click help text (pia --help)"])
    return catalog


def _stable(catalog: Any) -> Any:
    """The catalog without the headers that change on every run (dates, Babel's version), in .po and .mo alike."""
    from babel.messages.catalog import Catalog

    class StableCatalog(Catalog):
        def _get_mime_headers(self) -> list[tuple[str, str]]:
            return [(k, v) for k, v in super()._get_mime_headers() if k not in VOLATILE_HEADERS]

        mime_headers = property(_get_mime_headers, Catalog._set_mime_headers)

    catalog.__class__ = StableCatalog
    return catalog


def _po_bytes(catalog: Any, **kwargs: Any) -> bytes:
    """A catalog as PO text without the headers that change on every run."""
    from babel.messages.pofile import write_po

    buf = io.BytesIO()
    # No line numbers and messages grouped by file: small diffs when code moves, and merges of two branches
    # that mark messages in different modules touch different parts of the file.
    write_po(buf, _stable(catalog), width=110, include_lineno=False, sort_by_file=True, **kwargs)
    return buf.getvalue()


def _read_po(path: Path, locale: str | None = None) -> Any:
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        return _stable(read_po(fh, locale=locale, domain=DOMAIN))


def po_path(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    """The translation file of `lang`."""
    return locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` to `path` unless it already holds exactly that; whether it wrote."""
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def extract_pot(package_dir: Path = PACKAGE_DIR) -> Path:
    """Write `pia/locale/pia.pot`, the template of every translation."""
    catalog = extract(package_dir)
    pot = package_dir / "locale" / f"{DOMAIN}.pot"
    write_if_changed(pot, _po_bytes(catalog))
    return pot


def update(langs: Sequence[str] = TRANSLATED, package_dir: Path = PACKAGE_DIR,
           merge: Sequence[Path] = ()) -> list[Path]:
    """Merge the template into each language's `.po`: new messages added empty, changed ones fuzzy, gone ones dropped.

    `merge`: other `.po` files of the same language (another branch's catalog, after a merge conflict) whose
    translations fill the messages this catalog has no translation for, or only a fuzzy one.
    """
    from babel.messages.catalog import Catalog

    template = extract(package_dir)
    written = []
    for lang in langs:
        path = po_path(lang, package_dir / "locale")
        catalog = _read_po(path, lang) if path.exists() else Catalog(
            locale=lang, project=PROJECT, version=VERSION, charset="utf-8", fuzzy=False, header_comment=HEADER)
        for other in merge:
            _fill_from(catalog, _read_po(Path(other), lang))
        catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
        catalog.obsolete.clear()  # a message no longer in the code goes; git keeps its history
        write_if_changed(path, _po_bytes(catalog, ignore_obsolete=True))
        written.append(path)
    return written


def _fill_from(catalog: Any, other: Any) -> None:
    """Copy into `catalog` the translations of `other` for messages `catalog` lacks or has only fuzzy or empty."""
    for message in other:
        if not message.id or message.fuzzy or not _translated(message):
            continue
        mine = catalog.get(message.id, message.context)
        if mine is None:
            catalog.add(message.id, message.string, message.locations, flags=message.flags - {"fuzzy"},
                        context=message.context)
        elif mine.fuzzy or not _translated(mine):
            mine.string = message.string
            mine.flags.discard("fuzzy")


def _translated(message: Any) -> bool:
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return all(s and s.strip() for s in strings)


def mo_bytes(po: Path, lang: str) -> bytes:
    """The compiled `.mo` of a `.po` (fuzzy translations left out, as gettext does); deterministic."""
    from babel.messages.mofile import write_mo

    catalog = _read_po(po, lang)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def compile_catalogs(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Compile every `<lang>/LC_MESSAGES/pia.po` under `locale_dir` into its `.mo` (rewritten only if changed)."""
    out = []
    for po in sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        mo = po.with_suffix(".mo")
        write_if_changed(mo, mo_bytes(po, po.parent.parent.name))
        out.append(mo)
    return out


def problems(package_dir: Path = PACKAGE_DIR, langs: Sequence[str] = TRANSLATED) -> list[str]:
    """What keeps the catalogs from covering the code: one line per message untranslated, fuzzy or stale.

    A message marked in the code but absent from a `.po`, a missing, empty or fuzzy translation, a placeholder
    (`{name}` or `%(name)s`) that differs between the message and its translation, and a `.mo` that is not the
    compilation of its `.po`.
    """
    template = extract(package_dir)
    out = []
    for lang in langs:
        path = po_path(lang, package_dir / "locale")
        if not path.exists():
            out.append(f"{path}: no catalog for {lang}")
            continue
        catalog = _read_po(path, lang)
        for message in template:
            if not message.id:
                continue
            where = ", ".join(f for f, _ in message.locations[:2])
            found = catalog.get(message.id, message.context)
            label = message.id if isinstance(message.id, str) else message.id[0]
            if found is None:
                out.append(f"{path.name} [{lang}]: not in the catalog: {label!r} ({where})")
                continue
            strings = found.string if isinstance(found.string, (list, tuple)) else [found.string]
            if found.fuzzy or not all(s and s.strip() for s in strings):
                out.append(f"{path.name} [{lang}]: {'fuzzy' if found.fuzzy else 'untranslated'}: {label!r} ({where})")
                continue
            ids = message.id if isinstance(message.id, (list, tuple)) else [message.id]
            wanted = set().union(*(placeholders(i) for i in ids))
            for s in strings:
                if placeholders(s) != wanted:
                    out.append(f"{path.name} [{lang}]: placeholders {sorted(placeholders(s))} in the translation "
                               f"of {label!r}, the message has {sorted(wanted)}")
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != mo_bytes(path, lang):
            out.append(f"{mo}: stale or missing: run `python -m pia.i18n compile`")
    return out


_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:[:!][^{}]*)?\}|%\([A-Za-z_][A-Za-z0-9_]*\)[sd]")


def placeholders(text: str) -> set[str]:
    """The `{name}` (str.format) and `%(name)s` (Jinja2 newstyle gettext) fields of a message."""
    return set(_PLACEHOLDER.findall(text or ""))


def main(argv: Sequence[str] | None = None) -> int:
    """The tooling's command line: `extract`, `update [--merge OTHER.po ...]`, `compile`, `check`.

    `extract` writes the .pot; `update` the .po files from the code (translations of other catalogs filling the
    gaps with `--merge`); `compile` the .mo files; `check` lists what is untranslated or stale (exit 1).
    """
    args = list(sys.argv[1:] if argv is None else argv)
    commands = ("extract", "update", "compile", "check")
    merge = [Path(p) for p in args[2:]] if args[:1] == ["update"] and args[1:2] == ["--merge"] else []
    if not args or args[0] not in commands or len(args) != 1 + (len(merge) + 1 if merge else 0):
        print(f"usage: python -m pia.i18n {{{'|'.join(commands)}}}  (update --merge OTHER.po ... fills gaps from "
              "other catalogs)", file=sys.stderr)
        return 2
    if args[0] in ("extract", "update"):
        print(extract_pot())
    if args[0] == "update":
        print("\n".join(map(str, update(merge=merge))))
    if args[0] == "compile":
        print("\n".join(map(str, compile_catalogs())))
    if args[0] == "check":
        found = problems()
        print("\n".join(found) or "catalogs complete")
        return 1 if found else 0
    return 0


__all__ = ["compile_catalogs", "extract", "extract_pot", "main", "mo_bytes", "placeholders", "problems", "update"]
