#!/usr/bin/env python3
"""Check YAML preparation files against a JSON Schema with an independent validator.

usage: check-schema.py SCHEMA FILE...

Each YAML document of each FILE (empty documents skipped) is read as YAML 1.2 core schema,
the way the catalogue's own loader reads it (so `on`, `no` and `2024-01-01` stay strings),
turned into plain JSON data, and validated with the `jsonschema` package (draft-07). One line
per document, tab-separated:

    FILE  INDEX  ok
    FILE  INDEX  invalid  JSON-PATH: MESSAGE        (the most relevant error)
    FILE  -      unreadable  REASON                 (not YAML, or not representable as JSON)

The exit status is 0 when every document is valid, 1 otherwise, 2 on a usage error and 3
when PyYAML or jsonschema is missing (`pip install pyyaml jsonschema`).
"""

import json
import re
import sys

try:
    import jsonschema
    import yaml
except ImportError as error:  # pragma: no cover
    print(f"check-schema.py: {error}; run: python3 -m pip install pyyaml jsonschema", file=sys.stderr)
    sys.exit(3)


class CoreSchemaLoader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema instead of YAML 1.1's resolvers:
    only true/false, null/~, integers and floats are resolved; everything else is a string.
    Explicit tags other than the standard ones are refused by the safe constructor."""


CoreSchemaLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+0123456789.")),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", ["<"]),
]:
    CoreSchemaLoader.add_implicit_resolver(tag, re.compile(pattern), first)


def construct_core_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def construct_core_bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


CoreSchemaLoader.add_constructor("tag:yaml.org,2002:int", construct_core_int)
CoreSchemaLoader.add_constructor("tag:yaml.org,2002:bool", construct_core_bool)


def finite(value):
    """The document with every non-finite float (.nan, .inf, -.inf) as its YAML text: JSON has
    no such numbers, and the loader takes them as text where text is expected (a name) and
    refuses them where a number is (a range bound), as a string there is refused too."""
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return ".nan" if value != value else (".inf" if value > 0 else "-.inf")
    if isinstance(value, list):
        return [finite(item) for item in value]
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    return value


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    all_valid = True
    for path in argv[1:]:
        try:
            with open(path, encoding="utf-8") as handle:
                documents = [d for d in yaml.load_all(handle, Loader=CoreSchemaLoader) if d is not None]
            documents = [json.loads(json.dumps(finite(d), allow_nan=False)) for d in documents]
        except (yaml.YAMLError, ValueError, TypeError) as error:
            all_valid = False
            reason = " ".join(str(error).split())
            print(f"{path}\t-\tunreadable\t{reason}")
            continue
        for index, document in enumerate(documents):
            first = jsonschema.exceptions.best_match(validator.iter_errors(document))
            if first is not None:
                all_valid = False
                where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first.absolute_path)
                message = " ".join(first.message.split())
                if len(message) > 300:
                    message = message[:300] + "..."
                print(f"{path}\t{index}\tinvalid\t{where}: {message}")
            else:
                print(f"{path}\t{index}\tok")
    return 0 if all_valid else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
