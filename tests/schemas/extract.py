#!/usr/bin/env python3
"""Extract standalone JSON Schema (draft 2020-12) files from the PingOne OpenAPI spec.

Provenance
    repository: https://github.com/patrickcping/pingone-go-sdk-v2 (community SDK, not official)
    path:       management/generate/pingone-management.yml  (OpenAPI 3.0.0, info.version 2023-06-29)
    commit:     4a884deb5b2812afdea4475d71e55913b36cf2a5
    sha256:     4a37a97be37d486f5f45d1b82f44074d418e9d9d5ad0fdf364404f0d9e121471

The MFA spec of the same repository and commit (mfa/generate/pingone-mfa.yml, sha256
f5f1fe5d…328b) gives UserMFAEnabled.

Rerun (from the repository root; needs python3 and PyYAML: `pip install pyyaml`):
    python3 tests/schemas/extract.py /path/to/pingone-management.yml [/path/to/pingone-mfa.yml]

It writes User.json, EntityArray.json, P1Error.json, Group.json, GroupMembership.json and
Population.json next to this script, and UserMFAEnabled.json when the MFA spec is given. Each file
holds one component schema at the top level and every schema it references
(transitively) under "$defs", so validators need no remote or file $ref resolution.

Conversion from the OpenAPI 3.0 schema dialect (see README.md next to this file):
  * '#/components/schemas/X' refs become '#/$defs/X' (a ref to the root becomes '#');
  * siblings of "$ref" are ignored by OpenAPI 3.0: annotations are kept, anything
    else is dropped with a warning;
  * nullable: true adds "null" to "type" (and null to "enum"); without "type" it has
    no effect in OpenAPI 3.0.3, so it is dropped with a warning;
  * boolean exclusiveMinimum/exclusiveMaximum become the numeric form;
  * discriminator, xml, externalDocs, example and x-* extensions are dropped.
"""

import hashlib
import json
import sys
from pathlib import Path

import yaml

EXPECTED_SHA256 = "4a37a97be37d486f5f45d1b82f44074d418e9d9d5ad0fdf364404f0d9e121471"
SOURCE = ("patrickcping/pingone-go-sdk-v2 management/generate/pingone-management.yml "
          "@ 4a884deb5b2812afdea4475d71e55913b36cf2a5")
ROOTS = ["User", "EntityArray", "P1Error", "Group", "GroupMembership", "Population"]
MFA_SOURCE = ("patrickcping/pingone-go-sdk-v2 mfa/generate/pingone-mfa.yml "
              "@ 4a884deb5b2812afdea4475d71e55913b36cf2a5")
MFA_ROOTS = ["UserMFAEnabled"]
DRAFT = "https://json-schema.org/draft/2020-12/schema"
REF_PREFIX = "#/components/schemas/"

DROPPED = {"discriminator", "xml", "externalDocs", "example", "nullable"}
REF_ANNOTATIONS = {"description", "title", "readOnly", "writeOnly", "deprecated", "default"}
SCHEMA_MAPS = {"properties"}                          # name -> schema
SCHEMA_VALUES = {"items", "additionalProperties", "not"}  # schema (or boolean)
SCHEMA_LISTS = {"allOf", "anyOf", "oneOf"}            # [schema]


def warn(msg):
    print(f"warning: {msg}", file=sys.stderr)


def ref_name(ref):
    if not ref.startswith(REF_PREFIX):
        sys.exit(f"unsupported $ref {ref!r}")
    return ref[len(REF_PREFIX):]


class Converter:
    def __init__(self, root):
        self.root = root
        self.refs = set()  # component names referenced so far

    def ref(self, schema, where):
        name = ref_name(schema["$ref"])
        self.refs.add(name)
        out = {"$ref": "#" if name == self.root else f"#/$defs/{name}"}
        for key, value in schema.items():
            if key in REF_ANNOTATIONS:
                out[key] = value
            elif key != "$ref":
                warn(f"{where}: dropped {key!r} beside $ref (ignored by OpenAPI 3.0)")
        return out

    def convert(self, schema, where):
        if not isinstance(schema, dict):  # e.g. additionalProperties: true
            return schema
        if "$ref" in schema:
            return self.ref(schema, where)
        out = {}
        for key, value in schema.items():
            if key in DROPPED or key.startswith("x-"):
                continue
            if key in SCHEMA_MAPS:
                out[key] = {k: self.convert(v, f"{where}/{key}/{k}") for k, v in value.items()}
            elif key in SCHEMA_VALUES:
                out[key] = self.convert(value, f"{where}/{key}")
            elif key in SCHEMA_LISTS:
                out[key] = [self.convert(v, f"{where}/{key}/{i}") for i, v in enumerate(value)]
            else:
                out[key] = value
        for bound, limit in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
            if isinstance(out.get(bound), bool):
                if out.pop(bound) and limit in out:
                    out[bound] = out.pop(limit)
        if schema.get("nullable") is True:
            if "type" in out:
                out["type"] = [out["type"], "null"]
                if "enum" in out and None not in out["enum"]:
                    out["enum"] = out["enum"] + [None]
            else:
                warn(f"{where}: nullable without type has no effect in OpenAPI 3.0; dropped")
        return out


def extract(schemas, root, sha256, source=SOURCE):
    conv = Converter(root)
    doc = {
        "$schema": DRAFT,
        "$comment": f"Generated by tests/schemas/extract.py from {source} (sha256 {sha256}). "
                    "Do not edit by hand.",
        "title": root,
    }
    doc.update(conv.convert(schemas[root], root))
    defs, done = {}, {root}
    while conv.refs - done:
        for name in sorted(conv.refs - done):
            done.add(name)
            defs[name] = conv.convert(schemas[name], name)
    if defs:
        doc["$defs"] = dict(sorted(defs.items()))
    return doc


def write(doc, root):
    path = Path(__file__).resolve().parent / f"{root}.json"
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(doc.get('$defs', {}))} $defs)")


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(f"usage: {sys.argv[0]} path/to/pingone-management.yml [path/to/pingone-mfa.yml]")
    if len(sys.argv) == 3:
        raw = Path(sys.argv[2]).read_bytes()
        mfa = yaml.safe_load(raw.decode("utf-8"))["components"]["schemas"]
        for root in MFA_ROOTS:
            write(extract(mfa, root, hashlib.sha256(raw).hexdigest(), MFA_SOURCE), root)
    raw = Path(sys.argv[1]).read_bytes()
    sha256 = hashlib.sha256(raw).hexdigest()
    if sha256 != EXPECTED_SHA256:
        warn(f"spec sha256 is {sha256}, expected {EXPECTED_SHA256}; update the provenance")
    # Line 1704 holds a TAB inside a plain scalar, which strict YAML parsers reject.
    spec = yaml.safe_load(raw.decode("utf-8").replace("\t", " "))
    schemas = spec["components"]["schemas"]
    for root in ROOTS:
        write(extract(schemas, root, sha256), root)


if __name__ == "__main__":
    main()
