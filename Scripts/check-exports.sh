#!/usr/bin/env bash
# Plans a few courses from the bundled catalogue (one per plugin, and a long repeating one)
# and from the test fixtures (odd names, 500 sessions), exports each as FHIR and iCalendar,
# and checks them with validate-fhir.py and validate-ics.py.
# Usage: Scripts/check-exports.sh [PYTHON]   (default: python3; the Python needs
# Scripts/requirements.txt installed). Builds `catalog` first if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${1:-python3}"
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
i=0
for course in "${courses[@]}"; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    "$catalog" course $course --format fhir >"$out/course-$i.fhir.json"
    # shellcheck disable=SC2086
    "$catalog" course $course --format ics >"$out/course-$i.ics"
done
"$python" Scripts/validate-fhir.py "$out"/*.fhir.json
"$python" Scripts/validate-ics.py "$out"/*.ics
