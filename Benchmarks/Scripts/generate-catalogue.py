#!/usr/bin/env python3
"""Generate a synthetic catalogue for the loader benchmarks.

Writes a catalogue directory (CATALOGUE-FORMAT.md, section 1):

    OUT/catalogue.yaml                 manifest with its own vocabulary (section 5)
    OUT/preparations/all.yaml          --layout single: one multi-document file
    OUT/preparations/<area>/<id>.yaml  --layout files: one preparation per file

Every preparation is valid per section 2 and about 1 KB of YAML. The output is
deterministic: the same --seed and --count give the same bytes, and both layouts hold the
same preparations, so the two layouts can be compared with each other.

    python3 generate-catalogue.py --layout single --out /tmp/cat-single
    python3 generate-catalogue.py --layout files --count 10000 --out /tmp/cat-files
"""

import argparse
import json
import os
import random
import re
import shutil
import sys

# --- Vocabulary (section 5) -----------------------------------------------------------------

CONDITIONS = {
    "pregnancy": "Pregnancy",
    "breastfeeding": "Breastfeeding",
    "anticoagulant-therapy": "Anticoagulants, including aspirin and ibuprofen",
    "coagulation-disorder": "Clotting disorders",
    "autoimmune-disease": "Autoimmune disease or immunosuppression",
    "active-infection": "Active infection or inflammation at the site",
    "herpes-flare": "Active herpes",
    "keloid-tendency": "Tendency to keloids or hypertrophic scars",
    "active-cancer": "Active cancer",
    "skin-cancer": "Skin cancer",
    "epilepsy": "Epilepsy",
    "insulin-dependent-diabetes": "Insulin-dependent diabetes",
    "heart-medication": "Heart-disease medication",
    "stroke-history": "History of stroke",
    "recent-surgery": "Surgery at the site in the last weeks",
    "hyaluronic-acid-allergy": "Hypersensitivity to hyaluronic acid",
    "component-allergy": "Allergy to a component of the preparation",
}

# slug -> (description, scar, areas the indication usually goes with)
INDICATIONS = {
    "dehydration": ("Dehydrated, dull skin", False, ["face", "body"]),
    "fine-lines": ("Fine lines and wrinkles", False, ["face"]),
    "laxity": ("Loss of firmness and laxity", False, ["face", "body"]),
    "dullness": ("Dull, uneven skin tone", False, ["face"]),
    "hyperpigmentation": ("Discolouration and dark spots", False, ["face", "body"]),
    "dark-circles": ("Dark circles under the eyes", False, ["face"]),
    "photoageing": ("Sun-damaged skin", False, ["face", "body"]),
    "androgenic-alopecia": ("Androgenic hair loss", False, ["scalp"]),
    "diffuse-alopecia": ("Diffuse hair loss", False, ["scalp"]),
    "alopecia-areata": ("Patchy hair loss", False, ["scalp"]),
    "hair-thinning": ("Thinning, weak hair", False, ["scalp"]),
    "cellulite": ("Cellulite", False, ["body"]),
    "localized-fat": ("Localized fat deposits", False, ["body", "face"]),
    "crepey-skin": ("Thin, crepey skin", False, ["body"]),
    "acne-scars": ("Acne scars", True, ["face", "body"]),
    "atrophic-scars": ("Atrophic scars", True, ["face", "body"]),
    "hypertrophic-scars": ("Hypertrophic scars", True, ["face", "body"]),
    "keloids": ("Keloids", True, ["body"]),
    "stretch-marks": ("Stretch marks (striae)", True, ["body"]),
}

INGREDIENT_CLASSES = {
    "hyaluronic-acid": "Hyaluronic acid, non-crosslinked or crosslinked",
    "vitamin": "Vitamins (A, B, C, E, K)",
    "amino-acid": "Amino acids",
    "peptide": "Peptides and growth factors",
    "antioxidant": "Antioxidants",
    "mineral": "Minerals and microelements (Zn, Co, Mg, Se)",
    "organic-silicon": "Organic silicon",
    "plant-extract": "Plant extracts",
    "coenzyme": "Coenzymes",
    "nucleotide": "Nucleotides and DNA fragments",
    "lipolytic": "Fat-dissolving agents",
    "enzyme": "Enzymes",
    "organic-acid": "Organic acids",
    "hormone-modulator": "Hormone modulators",
    "anaesthetic": "Local anaesthetics",
}

# --- Regions (section 3) and techniques (section 4) ----------------------------------------

REGIONS = {
    "face": ["face", "periorbital", "submental", "neck", "decolletage"],
    "scalp": ["scalp"],
    "body": ["arms", "hands", "abdomen", "flanks", "back", "buttocks", "thighs", "knees"],
}

# technique -> usual depth in mm (min, max)
TECHNIQUES = {
    "epidermal": (0.0, 1.0),
    "nappage": (0.5, 4.0),
    "micropapules": (1.0, 2.0),
    "point-by-point": (2.0, 4.0),
    "linear-retrograde": (1.0, 4.0),
    "subcutaneous": (4.0, 13.0),
}

TECHNIQUES_BY_AREA = {
    "face": ["epidermal", "nappage", "micropapules", "point-by-point", "linear-retrograde"],
    "scalp": ["nappage", "micropapules", "point-by-point", "epidermal"],
    "body": ["nappage", "point-by-point", "linear-retrograde", "subcutaneous", "micropapules"],
}

# --- Ingredients (section 2.1) ---------------------------------------------------------------

# name, class, concentration forms (number, unit) to pick from
INGREDIENTS = [
    ("Non-crosslinked hyaluronic acid", "hyaluronic-acid", [("1.35", " %"), ("1.5", "%"), ("20", " mg/ml")]),
    ("Lightly crosslinked hyaluronic acid", "hyaluronic-acid", [("12", " mg/ml"), ("2", " %")]),
    ("Sodium hyaluronate", "hyaluronic-acid", [("0.5", " %"), ("10", " mg/ml")]),
    ("Ascorbic acid", "vitamin", [("5", " %"), ("200", " mg/ml")]),
    ("Retinol", "vitamin", [("0.01", "%"), ("50", " ug/ml")]),
    ("Tocopherol", "vitamin", [("0.05", " %")]),
    ("Biotin", "vitamin", [("0.5", " mg/ml"), ("250", " µg/ml")]),
    ("Dexpanthenol", "vitamin", [("2", " %"), ("250", " mg/ml")]),
    ("Cyanocobalamin", "vitamin", [("100", " ug/ml")]),
    ("Glycine", "amino-acid", [("0.3", " %")]),
    ("L-proline", "amino-acid", [("0.2", " %"), ("2", "mg/ml")]),
    ("L-lysine", "amino-acid", [("0.15", " %")]),
    ("Glutathione", "antioxidant", [("0.6", " %"), ("50", " mg/ml")]),
    ("Alpha-lipoic acid", "antioxidant", [("0.1", " %")]),
    ("Copper tripeptide-1", "peptide", [("0.01", " %"), ("2", " mg/ml")]),
    ("Acetyl hexapeptide-8", "peptide", [("0.05", " %")]),
    ("Epidermal growth factor", "peptide", [("1", " ug/ml")]),
    ("Zinc sulphate", "mineral", [("0.02", " %")]),
    ("Magnesium chloride", "mineral", [("0.1", " %")]),
    ("Organic silicon", "organic-silicon", [("0.5", " %"), ("5", " mg/ml")]),
    ("Centella asiatica extract", "plant-extract", [("1", " %")]),
    ("Ginkgo biloba extract", "plant-extract", [("0.5", " %")]),
    ("Artichoke extract", "plant-extract", [("2", " %")]),
    ("Coenzyme Q10", "coenzyme", [("0.1", " %")]),
    ("NADH", "coenzyme", [("0.05", "%")]),
    ("Polydeoxyribonucleotide", "nucleotide", [("5.625", " mg/ml"), ("0.75", " %")]),
    ("Deoxycholic acid", "lipolytic", [("10", " mg/ml"), ("1", " %")]),
    ("Phosphatidylcholine", "lipolytic", [("50", " mg/ml"), ("5", " %")]),
    ("L-carnitine", "lipolytic", [("20", " %")]),
    ("Hyaluronidase", "enzyme", [("150", " IU/ml"), ("1500", " iu/ml")]),
    ("Collagenase", "enzyme", [("200", " IU/ml")]),
    ("Mandelic acid", "organic-acid", [("1", " %")]),
    ("Dutasteride", "hormone-modulator", [("0.01", " %"), ("0.05", " mg/ml")]),
    ("Finasteride", "hormone-modulator", [("1", " mg/ml")]),
    ("Lidocaine", "anaesthetic", [("0.3", " %"), ("2", " %")]),
]

PLAIN_INGREDIENTS = [
    "Autologous plasma", "Microelement complex", "Vitamin cocktail", "Amino acid complex",
    "Caffeine", "Niacinamide", "Sodium DNA", "Coenzyme complex", "Mannitol", "Taurine",
    "Buffered saline", "Procaine", "Plant stem-cell extract", "Glucosamine",
]

AREA_INGREDIENT_CLASSES = {
    "face": ["hyaluronic-acid", "vitamin", "amino-acid", "peptide", "antioxidant", "nucleotide",
             "organic-silicon", "plant-extract", "coenzyme", "organic-acid", "anaesthetic"],
    "scalp": ["vitamin", "amino-acid", "peptide", "mineral", "hormone-modulator", "plant-extract",
              "coenzyme", "organic-silicon"],
    "body": ["lipolytic", "plant-extract", "organic-silicon", "hyaluronic-acid", "amino-acid",
             "vitamin", "enzyme", "mineral", "peptide"],
}

# --- Text -------------------------------------------------------------------------------------

NAME_FIRST = ["Hydra", "Revita", "Lumi", "Derma", "Capilla", "Silhouette", "Nucleo", "Vita",
              "Aqua", "Fibro", "Contour", "Radiance", "Restora", "Bio", "Tricho", "Lipo", "Cica"]
NAME_SECOND = ["Boost", "Complex", "Plus", "Forte", "Balance", "Renew", "Essence", "Repair",
               "Lift", "Serum", "Cocktail", "Matrix", "Active", "Pure", "Intense"]
SUMMARY_START = ["Restores", "Improves", "Supports", "Softens", "Evens", "Strengthens", "Reduces",
                 "Rebuilds", "Refreshes", "Firms"]
SUMMARY_OBJECT = {
    "face": ["hydration and glow of tired facial skin", "elasticity of the face and neck",
             "the texture and tone of the complexion", "fine lines around the eyes",
             "firmness of the jawline and neck"],
    "scalp": ["hair density on a thinning scalp", "the growth phase of weak hair follicles",
              "microcirculation in the scalp", "hair shaft thickness and shine"],
    "body": ["skin firmness on the thighs and buttocks", "the look of cellulite and dimpling",
             "localized fat on the abdomen and flanks", "tone of crepey skin on the arms",
             "texture of stretch marks and scars"],
}

SIDE_EFFECTS = ["Redness", "Swelling", "Bruising", "Itching", "Small papules at injection points",
                "Tenderness", "Mild burning", "Transient headache"]
RARE_SIDE_EFFECTS = ["Infection", "Allergic reaction", "Granuloma", "Panniculitis",
                     "Hyperpigmentation", "Non-tuberculous mycobacterial infection"]
AFTERCARE = [
    "Avoid sun exposure and use SPF 30 or higher",
    "Drink two litres of water on the day",
    "No make-up on the treated area",
    "No sauna, swimming pool or hot bath",
    "No intense exercise",
    "Do not massage the treated area",
    "Avoid alcohol",
    "Do not wash the hair",
]
SOURCES = [
    "Italian Society of Mesotherapy consensus, 2021",
    "Hertz-Kleptow 2019, CCID",
    "Duteil 2023, J Clin Aesthet Dermatol",
    "Moftah 2013, JEADV",
    "Thomas 2018, phosphatidylcholine-deoxycholate, 1,269 patients",
    "Kybella prescribing information",
    "Dermatol Surg 2008, double-blind trial",
    "Manufacturer's instructions for use",
    "Clinic protocol, internal",
    "Complications review, 2022",
]
EVIDENCE = ["label", "trial", "consensus", "practice"]
SEASONS = ["spring", "summer", "autumn", "winter"]

PLAIN_SAFE = re.compile(r"^[A-Za-z0-9µ(][^:#\n]*$")


def s(text):
    """A YAML scalar for a string: plain when that reads back as the same string, else quoted."""
    if PLAIN_SAFE.match(text) and not text.endswith(" ") and text.lower() not in (
            "true", "false", "null", "yes", "no", "on", "off") and not re.match(r"^[0-9.+-]+$", text):
        return text
    return json.dumps(text, ensure_ascii=False)


def num(x):
    """A number as written by a person: 2 rather than 2.0."""
    return ("%g" % x)


# --- Range forms (section 2.2) ----------------------------------------------------------------

def length_range(rng, lo, hi):
    """Length range text or mapping for [lo, hi] mm."""
    form = rng.random()
    if lo == hi or form < 0.12:
        return f"{num(hi)} mm"
    if form < 0.55:
        return f"{num(lo)}-{num(hi)} mm"
    if form < 0.72:
        return f"{num(lo)}–{num(hi)}mm"
    if form < 0.85:
        return f"{num(lo)} to {num(hi)} mm"
    return f"{{min: {num(lo)}, max: {num(hi)}, unit: mm}}"


DURATION_WORDS = {
    "minute": ["minutes", "min", "minute"],
    "hour": ["hours", "h", "hour"],
    "day": ["days", "d", "day"],
    "week": ["weeks", "wk", "week"],
    "month": ["months", "mo", "month"],
}


def unit_word(rng, unit, plural):
    words = DURATION_WORDS[unit]
    if rng.random() < 0.8:
        return words[0] if plural else unit
    return words[1]


def duration_range(rng, lo, hi, unit):
    """Duration range text or mapping, same unit on both bounds."""
    form = rng.random()
    if lo == hi:
        return f"{lo} {unit_word(rng, unit, lo != 1)}"
    if form < 0.5:
        return f"{lo}-{hi} {unit_word(rng, unit, True)}"
    if form < 0.68:
        return f"{lo}–{hi} {unit_word(rng, unit, True)}"
    if form < 0.84:
        return f"{lo} to {hi} {unit_word(rng, unit, True)}"
    if form < 0.92:
        return f"{lo}-{hi}{DURATION_WORDS[unit][1]}"
    return f"{{min: {lo}, max: {hi}, unit: {unit_word(rng, unit, True)}}}"


RESIDENCE_FORMS = [
    # (text form chooser); mixed units where min <= max holds. Every lower bound is at most a
    # week, the shortest first-phase interval, so that no preparation trips the lint rule
    # first-interval-below-residence: the catalogue is as clean as a real one.
    lambda r: duration_range(r, r.choice([2, 3, 5]), r.choice([14, 21, 30]), "day"),
    lambda r: f"{r.choice([3, 5, 7])} days - 1 month",
    lambda r: f"{r.choice([6, 12, 24])} to {r.choice([48, 72])} hours",
    lambda r: duration_range(r, 1, r.choice([3, 4, 6]), "week"),
    lambda r: f"1 week - {r.choice([2, 3])} months",
    lambda r: f"{r.choice([5, 7])} days - {r.choice([2, 3, 6])} months",
]


def sessions_range(rng, lo, hi):
    if lo == hi:
        return str(lo)
    return rng.choice([f"{lo}-{hi}", f"{lo}–{hi}", f"{lo} to {hi}"])


# --- One preparation --------------------------------------------------------------------------

def make_preparation(rng, index, area, earlier_ids):
    prep_id_base = f"{rng.choice(NAME_FIRST)}-{rng.choice(NAME_SECOND)}".lower()
    prep_id = f"{area}-{prep_id_base}-{index:05d}"
    name = f"{prep_id_base.replace('-', ' ').title()} {area.title()} {index}"
    lines = [f"id: {prep_id}", f"name: {s(name)}"]
    lines.append(f"summary: {s(rng.choice(SUMMARY_START) + ' ' + rng.choice(SUMMARY_OBJECT[area]))}")

    # ingredients: 3-6, a mix of plain names and mappings with class and concentration
    count = rng.randint(3, 6)
    classes = AREA_INGREDIENT_CLASSES[area]
    candidates = [ing for ing in INGREDIENTS if ing[1] in classes]
    chosen = rng.sample(candidates, min(count, len(candidates)))
    lines.append("ingredients:")
    plain_used = set()
    for k, (ing_name, ing_class, concentrations) in enumerate(chosen):
        style = rng.random()
        if k > 0 and style < 0.25:
            plain = rng.choice(PLAIN_INGREDIENTS)
            if plain not in plain_used:
                plain_used.add(plain)
                lines.append(f"  - {s(plain)}")
                continue
        number, unit = rng.choice(concentrations)
        if style < 0.45:
            lines.append(f"  - name: {s(ing_name)}")
            lines.append(f"    class: {ing_class}")
            lines.append(f"    concentration: {number}{unit}")
        elif style < 0.8:
            lines.append(f"  - {{name: {s(ing_name)}, class: {ing_class}, concentration: {number}{unit}}}")
        else:
            lines.append(f"  - {{name: {s(ing_name)}, class: {ing_class}}}")

    # regions of the area (a scar preparation may also list a second area's region)
    regions = rng.sample(REGIONS[area], rng.randint(1, min(3, len(REGIONS[area]))))
    indications_pool = [slug for slug, (_, _, areas) in INDICATIONS.items() if area in areas]
    indications = rng.sample(indications_pool, rng.randint(1, 3))
    if any(INDICATIONS[i][1] for i in indications) and area != "scalp" and rng.random() < 0.3:
        other = "body" if area == "face" else "face"
        regions.append(rng.choice(REGIONS[other]))
    if rng.random() < 0.5:
        lines.append(f"regions: [{', '.join(regions)}]")
    else:
        lines.append("regions:")
        lines.extend(f"  - {r}" for r in regions)
    lines.append(f"indications: [{', '.join(indications)}]")

    # techniques, and a depth that overlaps the first technique's usual depth
    techniques = rng.sample(TECHNIQUES_BY_AREA[area], rng.randint(1, 3))
    lines.append(f"techniques: [{', '.join(techniques)}]")
    tmin, tmax = TECHNIQUES[techniques[0]]
    steps = [x / 2 for x in range(int(tmin * 2), int(tmax * 2) + 1)]
    lo = rng.choice(steps[:-1]) if len(steps) > 1 else steps[0]
    hi = rng.choice([x for x in steps if x >= lo])
    if lo == 0:
        lo = 0.2
        hi = max(hi, lo)
    lines.append(f"depth: {length_range(rng, lo, hi)}")
    lines.append(f"residence: {rng.choice(RESIDENCE_FORMS)(rng)}")

    # protocol: 2-3 phases; interval when sessions can exceed 1 and on every later phase
    phases = []
    first_single = rng.random() < 0.15
    if first_single:
        phases.append(("induction", "1", None))
    else:
        lo_s = rng.choice([3, 4, 6])
        phases.append((rng.choice(["induction", "intensive"]), sessions_range(rng, lo_s, lo_s + rng.choice([0, 2, 3])),
                       duration_range(rng, rng.choice([1, 2]), rng.choice([2, 3, 4]), "week")))
    if rng.random() < 0.5:
        phases.append(("regeneration", sessions_range(rng, 1, rng.choice([3, 5])),
                       rng.choice(["1-6 months", "4–8 weeks", "1 month - 3 months", "{min: 4, max: 8, unit: weeks}"])))
    phases.append(("maintenance", "1", duration_range(rng, 2, rng.choice([4, 6]), "month")))
    lines.append("protocol:")
    for p, (phase, sessions, interval) in enumerate(phases):
        lines.append(f"  - phase: {phase}")
        lines.append(f"    sessions: {sessions}")
        if interval is not None:
            lines.append(f"    interval: {interval}")
        if p == len(phases) - 1 and rng.random() < 0.6:
            lines.append("    repeat: true")

    if rng.random() < 0.85:
        lines.append(f"session-time: {rng.choice(['30-60 minutes', '20–40 min', '45 minutes', '10-15 min', '15 to 30 minutes', '{min: 30, max: 45, unit: minutes}'])}")

    contraindications = rng.sample(sorted(CONDITIONS), rng.randint(1, 3))
    lines.append(f"contraindications: [{', '.join(contraindications)}]")

    lines.append("side-effects:")
    plain_effect, effect = rng.sample(SIDE_EFFECTS, 2)
    lines.append(f"  - {s(plain_effect)}")
    lasts = rng.choice(["6-72 hours", "1–3 days", "2 to 7 days", "{min: 1, max: 2, unit: days}"])
    lines.append(f"  - {{effect: {s(effect)}, lasts: {lasts}, frequency: common}}")
    if rng.random() < 0.4:
        lines.append(f"  - effect: {s(rng.choice(RARE_SIDE_EFFECTS))}")
        lines.append(f"    frequency: {rng.choice(['rare', 'very-rare', 'uncommon'])}")

    avoids_seasons = rng.random() < 0.25
    lines.append("aftercare:")
    picks = rng.sample(AFTERCARE, 2)
    if avoids_seasons and picks[0] != AFTERCARE[0]:
        # sun protection first, as the lint rule asks of seasonal preparations
        picks = [AFTERCARE[0], picks[0]]
    lines.append(f"  - {s(picks[0])}")
    if rng.random() < 0.6:
        lines.append(f"  - instruction: {s(picks[1])}")
        lines.append(f"    for: {rng.choice(['48 hours', '2 days', '8 h', '1-2 days', '24 to 48 hours'])}")

    if avoids_seasons:
        lines.append(f"avoid-seasons: [{', '.join(rng.sample(SEASONS[:2], rng.randint(1, 2)))}]")
    lines.append("sources:")
    for src in rng.sample(SOURCES, 1 if rng.random() < 0.75 else 2):
        lines.append(f"  - {s(src)}")
    lines.append(f"evidence: {rng.choice(EVIDENCE)}")
    if rng.random() < 0.1:
        lines.append("notes: >-")
        lines.append("  Inject slowly; reserve two or three days without social plans for patients who")
        lines.append("  bruise easily.")
    if rng.random() < 0.08:
        lines.append(f"x-internal-code: {s('SKU-%06d' % rng.randint(0, 999999))}")
    if earlier_ids and rng.random() < 0.01:
        lines.append("deprecated:")
        lines.append(f"  since: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        lines.append("  because: Reformulated by the manufacturer")
        lines.append(f"  replaced-by: {rng.choice(earlier_ids)}")
    return prep_id, "\n".join(lines) + "\n"


def make_manifest():
    lines = ["# Synthetic catalogue generated by Benchmarks/Scripts/generate-catalogue.py",
             "name: Synthetic benchmark catalogue", "version: 2026.11", "vocabulary:", "  conditions:"]
    lines += [f"    {slug}: {s(text)}" for slug, text in CONDITIONS.items()]
    lines.append("  indications:")
    for slug, (text, scar, _) in INDICATIONS.items():
        if scar:
            lines.append(f"    {slug}: {{description: {s(text)}, scar: true}}")
        else:
            lines.append(f"    {slug}: {s(text)}")
    lines.append("  ingredient-classes:")
    lines += [f"    {slug}: {s(text)}" for slug, text in INGREDIENT_CLASSES.items()]
    return "\n".join(lines) + "\n"


def generate(count, seed):
    """Yields (area, id, document text) for `count` preparations."""
    rng = random.Random(seed)
    areas = ["face"] * 5 + ["scalp"] * 2 + ["body"] * 3
    ids = []
    for index in range(count):
        area = rng.choice(areas)
        prep_id, text = make_preparation(rng, index, area, ids[-500:])
        ids.append(prep_id)
        yield area, prep_id, text


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--layout", choices=["single", "files"], required=True,
                        help="single: preparations/all.yaml with every document; files: one file per preparation")
    parser.add_argument("--count", type=int, default=10000, help="number of preparations (default 10000)")
    parser.add_argument("--out", required=True, help="catalogue directory to write (replaced if it exists)")
    parser.add_argument("--seed", type=int, default=20261123, help="random seed (default 20261123)")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")

    out = os.path.abspath(args.out)
    if os.path.exists(out):
        if not os.path.isfile(os.path.join(out, "catalogue.yaml")) and os.listdir(out):
            sys.exit(f"refusing to replace {out}: it is not empty and holds no catalogue.yaml")
        shutil.rmtree(out)
    preparations = os.path.join(out, "preparations")
    os.makedirs(preparations)
    with open(os.path.join(out, "catalogue.yaml"), "w", encoding="utf-8") as f:
        f.write(make_manifest())

    total = 0
    if args.layout == "single":
        with open(os.path.join(preparations, "all.yaml"), "w", encoding="utf-8") as f:
            for _, _, text in generate(args.count, args.seed):
                f.write("---\n")
                f.write(text)
                total += len(text.encode("utf-8")) + 4
    else:
        for area in REGIONS:
            os.makedirs(os.path.join(preparations, area))
        for area, prep_id, text in generate(args.count, args.seed):
            with open(os.path.join(preparations, area, prep_id + ".yaml"), "w", encoding="utf-8") as f:
                f.write(text)
            total += len(text.encode("utf-8"))
    print(f"wrote {args.count} preparations ({total / args.count:.0f} bytes each on average, "
          f"{total / 1048576:.1f} MiB) to {out} ({args.layout} layout)")


if __name__ == "__main__":
    main()
