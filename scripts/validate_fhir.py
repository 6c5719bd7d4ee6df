"""Validates the FHIR export with an independent FHIR R5 implementation
(fhir.resources, whose pydantic models reject invalid resources).

    cargo run -p lems-content -- export --format fhir > bundle.json
    python3 scripts/validate_fhir.py bundle.json
"""
import collections
import json
import sys

from fhir.resources import get_fhir_model_class
from fhir.resources.bundle import Bundle


def main(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    Bundle.model_validate(doc)
    counts = collections.Counter()
    ids = set()
    for entry in doc["entry"]:
        resource = entry["resource"]
        kind = resource["resourceType"]
        get_fhir_model_class(kind).model_validate(resource)
        counts[kind] += 1
        # R5: every entry of a collection has a fullUrl; references use it.
        full_url = entry.get("fullUrl")
        if not full_url:
            sys.exit(f"{kind}/{resource['id']}: entry without fullUrl")
        if full_url in ids:
            sys.exit(f"fullUrl {full_url} appears twice")
        ids.add(full_url)
        if next(iter(resource)) != "resourceType":
            sys.exit(f"{kind}/{resource['id']}: resourceType is not written first")
    # Every reference inside the bundle points at a resource in the bundle.
    dangling = []

    def walk(value):
        if isinstance(value, dict):
            ref = value.get("reference")
            if isinstance(ref, str) and ref not in ids:
                dangling.append(ref)
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(doc)
    if dangling:
        sys.exit(f"references to resources not in the bundle: {sorted(set(dangling))}")
    print("FHIR R5 bundle valid (fhir.resources):", dict(sorted(counts.items())))


if __name__ == "__main__":
    main(sys.argv[1])
