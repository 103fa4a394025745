#!/usr/bin/env python3
"""Translation files of free text (docs/response-format.md, "Translations of free text").

  scripts/free-text-translations.py convert EDITION.toml...
      Moves the translations written under a showcase edition's entries as
      TOML comments ("# en: ..." under an entry for its comment, "# en
      (answer): ..." for a free-text answer's own text) into the translation
      file beside it, EDITION.en.toml, with the digest of each source text,
      and takes the comment lines out of the edition.

  scripts/free-text-translations.py digest TEXT
      The digest a translation records of its source text.

The digest is "sha256:" and the first 16 hex digits of the SHA-256 of the
text's UTF-8 bytes, as the engine computes it (load/free_text.h).
"""
import hashlib
import re
import sys
import tomllib
from pathlib import Path

COMMENT_LINE = re.compile(r"^# ([a-z]{2,3}(?:-[A-Za-z0-9]+)*)( \(answer\))?: (.*)$")
TABLE_HEADER = re.compile(r"^\[([A-Za-z0-9_.\-]+)\]\s*$")
KEY_LINE = re.compile(r'^([A-Za-z0-9_\-]+|"[^"]+")\s*=')


def digest(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped + '"'


def source_text(data: dict, table: str, key: str, which: str) -> str:
    node = data
    for part in table.split("."):
        node = node[part]
    value = node[key.strip('"')]
    if which == "answer":
        return value if isinstance(value, str) else value["answer"]
    return value["comment"]


def convert(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    kept, table, key = [], "", None
    by_language: dict[str, dict[str, list[tuple[str, str, str]]]] = {}
    for line in text.split("\n"):
        if m := TABLE_HEADER.match(line):
            table, key = m.group(1), None
        elif m := KEY_LINE.match(line):
            key = m.group(1)
        elif (m := COMMENT_LINE.match(line)) and key is not None:
            language, which = m.group(1), "answer" if m.group(2) else "comment"
            source = source_text(data, table, key, which)
            entries = by_language.setdefault(language, {}).setdefault(table, [])
            entries.append((f"{key}.{which}", m.group(3), digest(source)))
            continue
        kept.append(line)
    if not by_language:
        sys.exit(f"{path}: no '# LANG:' translation lines under its entries")
    for language, tables in by_language.items():
        out = [
            f"# Translations of the free texts of {path.name} into '{language}' (docs/response-format.md,",
            "# \"Translations of free text\"). Each entry mirrors the key of its source text; `source`",
            "# is the digest of the text it translates, written by scripts/free-text-translations.py.",
        ]
        for name, entries in tables.items():
            out += ["", f"[{name}]"]
            out += [f"{k} = {{ text = {toml_string(t)}, source = \"{d}\" }}" for k, t, d in entries]
        target = path.with_name(f"{path.stem}.{language}.toml")
        target.write_text("\n".join(out) + "\n", encoding="utf-8")
        tomllib.loads(target.read_text(encoding="utf-8"))  # what was written reads back
        print(f"{target}: {sum(len(e) for e in tables.values())} translation(s)")
    path.write_text("\n".join(kept), encoding="utf-8")


def main() -> None:
    if len(sys.argv) >= 3 and sys.argv[1] == "convert":
        for name in sys.argv[2:]:
            convert(Path(name))
    elif len(sys.argv) == 3 and sys.argv[1] == "digest":
        print(digest(sys.argv[2]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
