#!/usr/bin/env python3
"""Every .xml and .json file of every golden output tree parses with a real parser.

    check.py SITES_DIR                  each SITES_DIR/*/expected/ tree: exit 1 naming each
                                        ill-formed file, or when there is no file to check
    check.py --ill-formed DIR           the parsers' own test: every .xml and .json file under
                                        DIR must be refused (exit 1 if one is accepted)

The golden test (tests/unit/golden_test.cpp) holds every fixture's build to its expected/
tree, so an ill-formed feed, sitemap or search index a build writes fails here.
"""
import json
import pathlib
import sys
import xml.etree.ElementTree as ElementTree


def refusal(path):
    """Why `path` is ill-formed, or None when it parses."""
    data = path.read_bytes()
    if path.suffix == ".xml":
        try:
            ElementTree.fromstring(data)  # expat: XML 1.0 characters, UTF-8, nesting
        except ElementTree.ParseError as e:
            line, column = e.position
            return f"{path}:{line}:{column + 1}: {e}"
        return None
    try:
        # Strict: raw control characters in strings, NaN and Infinity are not JSON.
        json.loads(data.decode("utf-8"), parse_constant=lambda name: (_ for _ in ()).throw(ValueError(name)))
    except UnicodeDecodeError as e:
        return f"{path}: invalid UTF-8 at byte {e.start}"
    except json.JSONDecodeError as e:
        return f"{path}:{e.lineno}:{e.colno}: {e.msg}"
    except ValueError as e:
        return f"{path}: {e} is not JSON"
    return None


def files_under(root):
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".xml", ".json"))


def main(argv):
    if len(argv) == 3 and argv[1] == "--ill-formed":
        files = files_under(pathlib.Path(argv[2]))
        accepted = [str(p) for p in files if refusal(p) is None]
        for p in accepted:
            print(f"{p}: ill-formed, yet accepted", file=sys.stderr)
        return 1 if accepted or not files else 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    files = [f for tree in sorted(pathlib.Path(argv[1]).glob("*/expected")) for f in files_under(tree)]
    problems = [r for r in map(refusal, files) if r]
    for p in problems:
        print(p, file=sys.stderr)
    if not files:
        print(f"no .xml or .json file under {argv[1]}/*/expected/", file=sys.stderr)
    print(f"{len(files)} files, {len(problems)} ill-formed")
    return 1 if problems or not files else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
