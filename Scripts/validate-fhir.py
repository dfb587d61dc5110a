#!/usr/bin/env python3
"""Validate what `catalog` prints as FHIR with fhir.resources: courses, preparations, definitions.

Usage: validate-fhir.py [--release R4|R4B] FILE ...   (or `-` for standard input)

Reads each file as a FHIR Bundle of type `collection`, as printed by `catalog course --format
fhir` (a CarePlan and ServiceRequests), `catalog show/query --format fhir` (PlanDefinitions and
ActivityDefinitions) or `catalog fhir-definitions` (StructureDefinitions and a CodeSystem).
`--release R4` (the default) uses fhir.resources 6.4.0, whose models are FHIR 4.0.1 (install
Scripts/requirements-r4.txt); `--release R4B` uses the `R4B` package (FHIR 4.3.0) of
fhir.resources 8.3.0 (Scripts/requirements.txt). Each resource is parsed by its own model class
(types, cardinalities, required elements); then the checks the models leave out: the bundle's
shape, codes of the required value sets, full URLs (`urn:uuid:` for a course, the canonical URL
for a definition) and the references and canonicals that must resolve in the bundle, UCUM on
every Quantity, and the shapes section 6 of the format promises. Exit 0 when every file passes.
"""
import json
import re
import sys

import validator_cli  # beside this script

RELEASE = "R4"
if sys.argv[1:2] == ["--release"] and len(sys.argv) > 2:
    RELEASE = sys.argv[2]
    del sys.argv[1:3]
if RELEASE == "R4":
    import fhir.resources as models
    if models.__fhir_version__ != "4.0.1":
        sys.exit(f"fhir.resources {models.__version__} has FHIR {models.__fhir_version__}, not R4 4.0.1: "
                 "install Scripts/requirements-r4.txt")
elif RELEASE == "R4B":
    import fhir.resources.R4B as models
else:
    sys.exit(f"unknown release {RELEASE!r}: R4 or R4B")

REQUEST_STATUS = {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"}
REQUEST_INTENT = {"proposal", "plan", "directive", "order", "original-order", "reflex-order",
                  "filler-order", "instance-order", "option"}
CARE_PLAN_INTENT = {"proposal", "plan", "order", "option"}
REQUEST_PRIORITY = {"routine", "urgent", "asap", "stat"}
PUBLICATION_STATUS = {"draft", "active", "retired", "unknown"}
UNITS_OF_TIME = {"s", "min", "h", "d", "wk", "mo", "a"}
UUID_URL = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UCUM = "http://unitsofmeasure.org"
BASE = "http://mesotherapy-catalogue.example.org/fhir/"
DEFINITIONS = {"StructureDefinition", "CodeSystem", "PlanDefinition", "ActivityDefinition"}


def parse(model, data):
    """Parses with the model (pydantic 1 in fhir.resources 6, pydantic 2 in 8)."""
    return model.model_validate(data) if hasattr(model, "model_validate") else model.parse_obj(data)


PATIENT = re.compile(r"^(Patient/[A-Za-z0-9\-.]{1,64}|https?://\S+/Patient/[A-Za-z0-9\-.]{1,64}|urn:uuid:[0-9a-fA-F-]{36})$")


def quantities(value):
    """Every object that looks like a FHIR Quantity (has value and unit or code)."""
    if isinstance(value, dict):
        if "value" in value and ("unit" in value or "code" in value):
            yield value
        for item in value.values():
            yield from quantities(item)
    elif isinstance(value, list):
        for item in value:
            yield from quantities(item)


def check_course_resource(kind, resource, where, problems):
    if kind == "CarePlan":
        if resource.get("status") not in REQUEST_STATUS:
            problems.append(f"{where}: status {resource.get('status')!r} not in request-status")
        if resource.get("intent") not in CARE_PLAN_INTENT:
            problems.append(f"{where}: intent {resource.get('intent')!r} not in care-plan-intent")
        if "subject" not in resource:
            problems.append(f"{where}: no subject")
    elif kind == "ServiceRequest":
        for key in ("status", "intent", "subject", "code", "occurrenceDateTime"):
            if key not in resource:
                problems.append(f"{where}: no {key}")
        if resource.get("status") not in REQUEST_STATUS:
            problems.append(f"{where}: status {resource.get('status')!r} not in request-status")
        if resource.get("intent") not in REQUEST_INTENT:
            problems.append(f"{where}: intent {resource.get('intent')!r} not in request-intent")
        if "priority" in resource and resource["priority"] not in REQUEST_PRIORITY:
            problems.append(f"{where}: priority {resource['priority']!r} not in request-priority")
        if not DATE.match(resource.get("occurrenceDateTime", "")):
            problems.append(f"{where}: occurrenceDateTime is not a date")


def check_plan(resource, where, canonicals, problems):
    if resource.get("status") not in PUBLICATION_STATUS:
        problems.append(f"{where}: status {resource.get('status')!r} not in publication-status")
    codes = [c.get("code") for c in resource.get("type", {}).get("coding", [])]
    if codes != ["clinical-protocol"]:
        problems.append(f"{where}: type is {codes}, not clinical-protocol")
    seen = []
    for index, action in enumerate(resource.get("action", [])):
        at = f"{where} action {index}"
        repeat = action.get("timingTiming", {}).get("repeat")
        if repeat is None:
            problems.append(f"{at}: no timingTiming.repeat")
        else:
            if "period" in repeat and repeat.get("periodUnit") not in UNITS_OF_TIME:
                problems.append(f"{at}: periodUnit {repeat.get('periodUnit')!r} not in units-of-time")
            if repeat.get("periodMax", repeat.get("period", 0)) < repeat.get("period", 0):
                problems.append(f"{at}: periodMax below period")
            if repeat.get("countMax", repeat.get("count", 0)) < repeat.get("count", 0):
                problems.append(f"{at}: countMax below count")
        related = action.get("relatedAction", [])
        if index > 0 and len(related) != 1:
            problems.append(f"{at}: a later phase needs one relatedAction, has {len(related)}")
        for link in related:
            if link.get("actionId") != (seen[-1] if seen else None) or link.get("relationship") != "after-end":
                problems.append(f"{at}: relatedAction {link.get('actionId')!r} {link.get('relationship')!r} "
                                "is not after-end of the previous action")
            offset = link.get("offsetRange", {})
            if offset.get("low", {}).get("code") != offset.get("high", {}).get("code"):
                problems.append(f"{at}: offsetRange bounds in different units")
        for condition in action.get("condition", []):
            expression = condition.get("expression", {})
            if condition.get("kind") != "applicability" or expression.get("language") != "text/plain":
                problems.append(f"{at}: a condition is not a text/plain applicability condition")
        if action.get("definitionCanonical") not in canonicals.get("ActivityDefinition", set()):
            problems.append(f"{at}: definitionCanonical {action.get('definitionCanonical')!r} is no ActivityDefinition "
                            "of the bundle")
        seen.append(action.get("id"))
    if len(set(seen)) != len(seen) or None in seen:
        problems.append(f"{where}: action ids missing or repeated: {seen}")


def check_definition_resource(kind, resource, where, canonicals, problems):
    if resource.get("status") not in PUBLICATION_STATUS:
        problems.append(f"{where}: status {resource.get('status')!r} not in publication-status")
    if kind == "PlanDefinition":
        check_plan(resource, where, canonicals, problems)
    elif kind == "ActivityDefinition":
        if resource.get("kind") != "ServiceRequest":
            problems.append(f"{where}: kind {resource.get('kind')!r}, not ServiceRequest")
        for ext in resource.get("extension", []):
            if ext.get("url", "").startswith(BASE) and ext["url"] != BASE + "StructureDefinition/injection-depth":
                problems.append(f"{where}: extension {ext['url']} is not defined for ActivityDefinition")
    elif kind == "StructureDefinition":
        elements = resource.get("differential", {}).get("element", [])
        fixed = [e.get("fixedUri") for e in elements if e.get("path") == "Extension.url"]
        if fixed != [resource.get("url")]:
            problems.append(f"{where}: Extension.url is not fixed to the definition's url")
        values = [e for e in elements if e.get("path") == "Extension.value[x]"]
        if len(values) != 1 or len(values[0].get("type", [])) != 1:
            problems.append(f"{where}: Extension.value[x] is not restricted to one type")
        if resource.get("fhirVersion") != "4.0.1" or resource.get("derivation") != "constraint":
            problems.append(f"{where}: not a constraint on FHIR 4.0.1")
    elif kind == "CodeSystem":
        concepts = resource.get("concept", [])
        codes = [c.get("code") for c in concepts]
        if resource.get("content") != "complete" or resource.get("caseSensitive") is not True:
            problems.append(f"{where}: not a complete, case-sensitive code system")
        if len(set(codes)) != len(codes) or resource.get("count") != len(codes):
            problems.append(f"{where}: codes repeated, or count {resource.get('count')} is not {len(codes)}")


def check(text):
    problems = []
    data = json.loads(text)
    parse(models.get_fhir_model_class("Bundle"), data)  # the bundle itself
    if data.get("type") not in ("collection", "transaction"):
        problems.append(f"Bundle.type is {data.get('type')!r}, not 'collection' or 'transaction'")
    if data.get("id") in {entry.get("fullUrl", "").removeprefix("urn:uuid:") for entry in data.get("entry", [])}:
        problems.append("Bundle.id is the id of one of its entries")
    entries = data.get("entry", [])
    urls, kinds, canonicals = set(), [], {}
    for entry in entries:
        resource = entry["resource"]
        if "url" in resource:
            canonicals.setdefault(resource["resourceType"], set()).add(resource["url"])
    for index, entry in enumerate(entries):
        resource = entry["resource"]
        kind = resource["resourceType"]
        kinds.append(kind)
        parse(models.get_fhir_model_class(kind), resource)  # each resource by its own class
        if data.get("type") == "transaction" and entry.get("request") != {"method": "POST", "url": kind}:
            problems.append(f"entry {index}: request {entry.get('request')!r} does not POST a {kind}")
        where = f"entry {index} ({kind})"
        url = entry.get("fullUrl", "")
        if kind in DEFINITIONS:
            if url != resource.get("url") or not url.endswith(f"/{kind}/{resource.get('id')}"):
                problems.append(f"{where}: fullUrl {url!r} is not the canonical url ending in {kind}/id")
            check_definition_resource(kind, resource, where, canonicals, problems)
        elif kind in ("CarePlan", "ServiceRequest"):
            if not UUID_URL.match(url):
                problems.append(f"{where}: fullUrl {url!r} is not a urn:uuid")
            check_course_resource(kind, resource, where, problems)
        else:
            problems.append(f"{where}: unexpected resource type")
        if url in urls:
            problems.append(f"{where}: fullUrl {url} twice")
        urls.add(url)
        for quantity in quantities(resource):
            if quantity.get("system") != UCUM or "code" not in quantity:
                problems.append(f"{where}: quantity {quantity} is not in UCUM")
    if "CarePlan" in kinds or "ServiceRequest" in kinds:
        if kinds.count("CarePlan") != 1:
            problems.append(f"{kinds.count('CarePlan')} CarePlans, not 1")
        if kinds.count("ServiceRequest") < 1:
            problems.append("no ServiceRequest")
    if kinds.count("PlanDefinition") != kinds.count("ActivityDefinition"):
        problems.append("not one ActivityDefinition per PlanDefinition")
    for reference in re.findall(r'"reference":\s*"([^"]+)"', text):
        # A patient is named from outside the bundle (--patient): Patient/ID or a URL to one.
        if reference not in urls and not PATIENT.match(reference):
            problems.append(f"reference {reference} resolves to no entry")
    counts = {kind: kinds.count(kind) for kind in dict.fromkeys(kinds)}
    return problems, ", ".join(f"{n} {kind}" for kind, n in counts.items()) or "no entry"


def main(paths):
    return validator_cli.run(paths, __doc__.strip().splitlines()[2], read_binary=False, check=check,
                             describe=lambda s: f"valid FHIR {RELEASE} Bundle ({s})")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
