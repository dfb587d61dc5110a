#!/usr/bin/env python3
"""Validate `catalog course --format fhir` output against FHIR R4 with fhir.resources.

Usage: validate-fhir.py FILE ...   (or `-` for standard input)

Needs `pip install -r Scripts/requirements.txt` (fhir.resources 7.1.0: its `R4B` subpackage,
FHIR 4.3, whose Bundle, CarePlan and ServiceRequest are those of R4). Each resource is parsed
by its own model class (types, cardinalities, required elements); then the checks the
models leave out: the bundle's shape, codes of the required value sets, `urn:uuid:` full URLs
that the references resolve to, and UCUM on every Quantity. Exit 0 when every file passes.
"""
import json
import re
import sys

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

import validator_cli  # beside this script

REQUEST_STATUS = {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"}
REQUEST_INTENT = {"proposal", "plan", "directive", "order", "original-order", "reflex-order",
                  "filler-order", "instance-order", "option"}
CARE_PLAN_INTENT = {"proposal", "plan", "order", "option"}
REQUEST_PRIORITY = {"routine", "urgent", "asap", "stat"}
UUID_URL = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UCUM = "http://unitsofmeasure.org"


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


def check(text):
    problems = []
    data = json.loads(text)
    Bundle.parse_obj(data)  # the bundle itself
    if data.get("type") not in ("collection", "transaction"):
        problems.append(f"Bundle.type is {data.get('type')!r}, not 'collection' or 'transaction'")
    if data.get("id") in {entry.get("fullUrl", "").removeprefix("urn:uuid:") for entry in data.get("entry", [])}:
        problems.append("Bundle.id is the id of one of its entries")
    entries = data.get("entry", [])
    urls = set()
    kinds = []
    for index, entry in enumerate(entries):
        resource = entry["resource"]
        kind = resource["resourceType"]
        kinds.append(kind)
        get_fhir_model_class(kind).parse_obj(resource)  # each resource by its own class
        url = entry.get("fullUrl", "")
        if data.get("type") == "transaction" and entry.get("request") != {"method": "POST", "url": kind}:
            problems.append(f"entry {index}: request {entry.get('request')!r} does not POST a {kind}")
        if not UUID_URL.match(url):
            problems.append(f"entry {index}: fullUrl {url!r} is not a urn:uuid")
        if url in urls:
            problems.append(f"entry {index}: fullUrl {url} twice")
        urls.add(url)
        where = f"entry {index} ({kind})"
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
        else:
            problems.append(f"{where}: unexpected resource type")
        for quantity in quantities(resource):
            if quantity.get("system") != UCUM or "code" not in quantity:
                problems.append(f"{where}: quantity {quantity} is not in UCUM")
    if kinds.count("CarePlan") != 1:
        problems.append(f"{kinds.count('CarePlan')} CarePlans, not 1")
    if kinds.count("ServiceRequest") < 1:
        problems.append("no ServiceRequest")
    references = re.findall(r'"reference":\s*"([^"]+)"', text)
    for reference in references:
        # A patient is named from outside the bundle (--patient): Patient/ID or a URL to one.
        if reference not in urls and not PATIENT.match(reference):
            problems.append(f"reference {reference} resolves to no entry")
    return problems, kinds.count("ServiceRequest")


def main(paths):
    return validator_cli.run(paths, __doc__.strip().splitlines()[2], read_binary=False, check=check,
                             describe=lambda n: f"valid FHIR R4 Bundle: 1 CarePlan, {n} ServiceRequests")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
