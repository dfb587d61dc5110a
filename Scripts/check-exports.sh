#!/usr/bin/env bash
# Plans a few courses from the bundled catalogue (one per plugin, and a long repeating one)
# and from the test fixtures (odd names, 500 sessions), exports each as FHIR and iCalendar,
# prints every bundled preparation with `show --format fhir` and the definitions with
# `fhir-definitions`, and checks them all:
# - validate-fhir.py with fhir.resources' FHIR R4 (4.0.1) models and with its R4B models;
# - pyfhircheck (native R4 engine, offline), loading the definitions `fhir-definitions` prints:
#   the extensions must be defined and used in their context, the preparation codes must be in
#   the CodeSystem; and, as a check of the check, a course without the definitions must fail;
# - validate-ics.py: icalendar, vobject (validating) and, where installed, calcurse's import.
# Usage: Scripts/check-exports.sh [PYTHON [PYTHON_R4]]   (default: python3 for both; PYTHON
# needs Scripts/requirements.txt, PYTHON_R4 Scripts/requirements-r4.txt). Builds `catalog`
# first if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${1:-python3}"
python_r4="${2:-python3}"
swift build --product catalog >/dev/null
catalog="$(swift build --show-bin-path)/catalog"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
courses=(
    "face --concern dehydration --start 2026-01-05"
    "face --concern pigmentation --start 2026-05-04 --hemisphere south"
    "scalp --concern androgenic-alopecia --start 2026-09-07 --horizon 24mo"
    "body --concern localized-fat --region abdomen --condition soy-allergy --start 2026-03-02"
    "scar --concern stretch-marks --region thighs --start 2026-10-05"
    # Format 1.1: several regions with surfaces (a dose on each request), visits, rules.
    "body --concern localized-fat --region abdomen:400cm2 --region flanks:15x20cm --start 2026-03-02"
    "face --concern double-chin --region submental:60cm2 --start 2026-01-05"
    "face --concern wrinkles --region periorbital:8cm2 --start 2026-01-05"
    "face --concern dehydration --region face:300cm2 --region neck:150cm2 --start 2026-01-05"
    "scar --concern keloids --condition keloid-tendency --region face:12cm2 --start 2026-10-05"
    "scalp --concern patchy-hair-loss --region scalp:150cm2 --allergy amino --start 2026-09-07"
    # With a patient, and as a transaction for a server.
    "face --concern dehydration --patient Patient/example-1 --start 2026-01-05"
    "body --concern localized-fat --region thighs:250cm2 --patient Patient/example-2 --bundle transaction --start 2026-03-02"
    # Catalogues the plugins were not written against: odd names (escaping, folding, control
    # characters), and a course cut at the session limit.
    "face --catalogue Tests/PlanningTests/Fixtures/edges --concern dehydration --region decolletage --start 2026-01-05"
    "face --catalogue Tests/PlanningTests/Fixtures/edges --concern laxity --region periorbital --start 2024-02-29 --horizon 100mo"
    "face --catalogue Tests/PlanningTests/Fixtures/planning --concern dehydration --region face --start 2026-01-31"
)
# Files for pyfhircheck, by catalogue: $out/group-N/{catalogue,all/}.
group_of() {
    local catalogue="" name
    [[ "$1" =~ (--catalogue [^ ]+) ]] && catalogue="${BASH_REMATCH[1]}"
    name="group-$(printf '%s' "$catalogue" | cksum | cut -d ' ' -f 1)"
    if [ ! -d "$out/$name" ]; then
        mkdir -p "$out/$name/all"
        printf '%s' "$catalogue" >"$out/$name/catalogue"
    fi
    echo "$out/$name"
}
i=0
for course in "${courses[@]}"; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    "$catalog" course $course --format fhir >"$out/course-$i.fhir.json"
    cp "$out/course-$i.fhir.json" "$(group_of "$course")/all/"
    # shellcheck disable=SC2086
    "$catalog" course $course --format ics >"$out/course-$i.ics"
done
# Every bundled preparation as a PlanDefinition, and the definitions.
"$catalog" query --format json | "$python" -c 'import json, sys; print("\n".join(p["id"] for p in json.load(sys.stdin)))' \
    >"$out/ids"
while read -r id; do
    "$catalog" show "$id" --format fhir >"$out/show-$id.fhir.json"
done <"$out/ids"
"$catalog" fhir-definitions >"$out/definitions.fhir.json"
cp "$out"/show-*.fhir.json "$(group_of "")/all/"
echo "== fhir.resources, FHIR R4 4.0.1 models"
"$python_r4" Scripts/validate-fhir.py --release R4 "$out"/*.fhir.json
echo "== fhir.resources, FHIR R4B models"
"$python" Scripts/validate-fhir.py --release R4B "$out"/*.fhir.json
echo "== pyfhircheck, with the definitions of catalog fhir-definitions"
# One run per catalogue: a course's preparation codes are checked against the CodeSystem of
# its own catalogue's definitions.
pyfhircheck="$(dirname "$python")/pyfhircheck"
for group in "$out"/group-*; do
    catalogue="$(cat "$group/catalogue")"
    # shellcheck disable=SC2086
    "$catalog" fhir-definitions $catalogue >"$group/definitions.json"
    mkdir "$group/definitions"
    "$python" - "$group/definitions.json" "$group/definitions" <<'PY'
import json, sys
bundle = json.load(open(sys.argv[1]))
for entry in bundle["entry"]:  # pyfhircheck loads resources from files, not from a Bundle
    resource = entry["resource"]
    with open(f"{sys.argv[2]}/{resource['resourceType']}-{resource['id']}.json", "w") as file:
        json.dump(resource, file)
PY
    cp "$group/definitions.json" "$group/all/"
    cat >"$group/pyfhircheck.json" <<JSON
{"fhirVersion": "4.0.1", "localPackagePaths": ["$group/definitions"], "terminology": {"mode": "local"},
 "evidenceOutputDir": "$out/evidence", "packageCacheDir": "$out/packages"}
JSON
    echo "-- ${catalogue:-bundled catalogue}: $(ls "$group/all" | wc -l) bundles"
    "$pyfhircheck" folder "$group/all" -c "$group/pyfhircheck.json" --max-issues 20 | grep -vE '^(Run|Hash|Evidence|Input):'
done
echo '{"fhirVersion": "4.0.1", "terminology": {"mode": "local"}, "evidenceOutputDir": "'"$out"'/evidence"}' >"$out/bare.json"
if "$pyfhircheck" bundle "$out/course-1.fhir.json" -c "$out/bare.json" >"$out/bare.txt"; then
    echo "pyfhircheck accepts the course's extensions without their definitions: the check above proves nothing" >&2
    exit 1
fi
grep -q 'extension.unknown' "$out/bare.txt"
echo "pyfhircheck refuses a course without the definitions (extension.unknown), as it should"
echo "== iCalendar: icalendar, vobject, calcurse"
"$python" Scripts/validate-ics.py "$out"/*.ics
