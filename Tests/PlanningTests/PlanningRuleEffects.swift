import PreparationRegistry

/// What each triggering example of a planning rule does, exactly (``ruleEffect(_:of:on:in:)``):
/// for each rule id, each example's title and its effect, line by line. A request has no text
/// to mark a place in (as lint examples do), so the rule's examples are pinned by their whole
/// effect: which preparation it leaves out with which reason, the holds it puts, the warnings,
/// notes and visits it adds. The non-triggering examples have none.
let planningRuleEffects: [String: [String: [String]]] = [
    "periorbital-superficial-only": [
        "Periorbital lines: polynucleotides, planned with micropapules": [
            "leaves out hyaluronidase-filler-correction: not superficial enough for the periorbital region: lists none of epidermal, nappage, micropapules (lists point-by-point, linear-retrograde); deposited at 1-4 mm, reaching deeper than 2 mm (superficial intradermal work, papules the deepest, goes 1-2 mm deep) [periorbital-superficial-only]",
            "warns: periorbital: superficial intradermal injection only, with micropapules; no booster in the lower lid with oedema or thin skin [periorbital-superficial-only]",
        ],
        "Filler correction around the eyes: hyaluronidase is injected point by point, too deep for the periorbital rule": [
            "refuses instead of planning hyaluronidase-filler-correction",
            "leaves out hyaluronidase-filler-correction: not superficial enough for the periorbital region: lists none of epidermal, nappage, micropapules (lists point-by-point, linear-retrograde); deposited at 1-4 mm, reaching deeper than 2 mm (superficial intradermal work, papules the deepest, goes 1-2 mm deep) [periorbital-superficial-only]",
        ],
    ],
    "submental-jaw-line": [
        "Double chin under the chin": [
            "warns: submental: do not inject above the jaw line or within 1-1.5 cm below it (marginal mandibular nerve) [submental-jaw-line]",
        ],
    ],
    "scalp-assessment-visits": [
        "Pattern hair loss: assessments at the first session, 3 and 6 months": [
            "visit assessment 2026-09-07 (2026-09-07 to 2026-09-07): standardised photos and trichoscopy: the baseline, before the first session",
            "visit assessment 2026-12-07 (2026-11-23 to 2026-12-21): standardised photos and trichoscopy at about 3 months: the response to the course",
            "visit assessment 2027-03-07 (2027-02-21 to 2027-03-21): standardised photos and trichoscopy at about 6 months: the response to the course",
        ],
        "Patchy hair loss: maintenance plasma after the 3-month assessment": [
            "holds maintenance from 2026-12-07: maintenance starts only after the 3-month assessment (2026-12-07)",
            "note on session 4: decision point: maintenance starts only if the 3-month assessment (2026-12-07) shows a response [scalp-assessment-visits]",
            "visit assessment 2026-09-07 (2026-09-07 to 2026-09-07): standardised photos and trichoscopy: the baseline, before the first session",
            "visit assessment 2026-12-07 (2026-11-23 to 2026-12-21): standardised photos and trichoscopy at about 3 months: the response to the course; maintenance continues only if hair loss has responded",
            "visit assessment 2027-03-07 (2027-02-21 to 2027-03-21): standardised photos and trichoscopy at about 6 months: the response to the course",
        ],
    ],
    "body-infection-follow-up": [
        "Fat on the abdomen: a follow-up after each session": [
            "visit follow-up 2026-03-23 (2026-03-23 to 2026-03-30): check the sites of session 1 for a late infection (non-tuberculous mycobacteria: median onset about 28 days after injection)",
            "visit follow-up 2026-04-20 (2026-04-20 to 2026-04-27): check the sites of session 2 for a late infection (non-tuberculous mycobacteria: median onset about 28 days after injection)",
            "visit follow-up 2026-05-18 (2026-05-18 to 2026-05-25): check the sites of session 3 for a late infection (non-tuberculous mycobacteria: median onset about 28 days after injection)",
            "visit follow-up 2026-06-15 (2026-06-15 to 2026-06-22): check the sites of session 4 for a late infection (non-tuberculous mycobacteria: median onset about 28 days after injection)",
        ],
    ],
    "scalp-plasma-nsaid-hold": [
        "Patchy hair loss: plasma": [
            "warns: autologous plasma: the patient holds non-steroidal anti-inflammatory drugs (NSAIDs) for 48 hours before each session, since they blunt the platelets it relies on (relative) [scalp-plasma-nsaid-hold]",
        ],
    ],
    "scalp-plasma-limits": [
        "Pattern hair loss with a clotting disorder: the plasma entry that does not list it is left out": [
            "refuses instead of planning plasma-example",
            "leaves out plasma-example: autologous plasma is left out with a platelet, clotting or bleeding disorder or an infection at the site: the condition 'clotting-disorder' [scalp-plasma-limits]",
            "leaves out prp-scalp: autologous plasma is left out with a platelet, clotting or bleeding disorder or an infection at the site: the condition 'clotting-disorder' [scalp-plasma-limits]",
        ],
        "Pattern hair loss, 100 cm²: plasma at 0.3 ml a point, 20 ml a session": [
            "warns: autologous plasma at up to 0.3 ml/cm² (0.3 ml a point, 1 cm apart): practice gives 0.05-0.1 ml/cm² [scalp-plasma-limits]",
            "warns: autologous plasma: this session may take up to 30 ml, beyond the 5-7 ml a session of practice [scalp-plasma-limits]",
        ],
    ],
    "body-lipolysis-assessment": [
        "Fat on the abdomen: phosphatidylcholine and deoxycholate": [
            "visit assessment 2026-07-20 (2026-07-20 to 2026-07-20): assess the result 8 weeks after the last session (session 4), before planning more",
        ],
    ],
    "body-lipolysis-limits": [
        "Fat on the abdomen: phosphatidylcholine and deoxycholate, with the limits stated": [
            "leaves out phosphatidylcholine-multicomponent-lipolysis: beyond the published limits of injection lipolysis: sessions 2-3 weeks apart (at least 4 weeks) [body-lipolysis-limits]",
            "warns: injection lipolysis (phosphatidylcholine and deoxycholate): at most 0.3 ml a point, at least 4 weeks between sittings [body-lipolysis-limits]",
        ],
    ],
    "submental-deoxycholic-label": [
        "Double chin: the labelled deoxycholic acid, with the label's limits stated": [
            "warns: deoxycholic acid (label, 10 mg/ml): 0.2 ml (2 mg) a site 1 cm apart, at most 10 ml (100 mg) a session, at most 6 sessions at least 1 month apart [submental-deoxycholic-label]",
        ],
    ],
    "body-anaesthetic-surface": [
        "Abdomen and flanks, 700 cm² in all": [
            "warns: the treated surface (700 cm²) is more than lidocaine-prilocaine cream may cover in an adult (600 cm², at most 60 g): numb the regions in turns or plan another anaesthesia [body-anaesthetic-surface]",
        ],
    ],
    "scar-assessment-each-session": [
        "Stretch marks on the thighs": [
            "visit assessment 2026-10-05 (2026-10-05 to 2026-10-05): assess the scar before session 1 (Vancouver Scar Scale or POSAS) and record it",
            "visit assessment 2026-10-19 (2026-10-19 to 2026-10-19): assess the scar before session 2 (Vancouver Scar Scale or POSAS) and record it",
            "visit assessment 2026-11-02 (2026-11-02 to 2026-11-02): assess the scar before session 3 (Vancouver Scar Scale or POSAS) and record it",
            "visit assessment 2026-11-16 (2026-11-16 to 2026-11-16): assess the scar before session 4 (Vancouver Scar Scale or POSAS) and record it",
            "visit assessment 2027-01-16 (2027-01-16 to 2027-01-16): assess the scar before session 5 (Vancouver Scar Scale or POSAS) and record it",
            "visit assessment 2027-03-16 (2027-03-16 to 2027-03-16): assess the scar before session 6 (Vancouver Scar Scale or POSAS) and record it",
            "visit assessment 2027-05-16 (2027-05-16 to 2027-05-16): assess the scar before session 7 (Vancouver Scar Scale or POSAS) and record it",
            "visit assessment 2027-07-16 (2027-07-16 to 2027-07-16): assess the scar before session 8 (Vancouver Scar Scale or POSAS) and record it",
            "visit assessment 2027-09-16 (2027-09-16 to 2027-09-16): assess the scar before session 9 (Vancouver Scar Scale or POSAS) and record it",
        ],
    ],
    "scar-keloid-tendency": [
        "Keloids in a patient prone to them": [
            "warns: the patient tends to form keloids: needling outside the scar can provoke new lesions; inject only within it [scar-keloid-tendency]",
        ],
    ],
    "local-anaesthetic-allergy": [
        "Cellulite, allergic to local anaesthetics: a cocktail with lidocaine is left out": [
            "leaves out lidocaine-cocktail-example: the allergy 'local anaesthetic' names a local anaesthetic, and it holds 'Lidocaine', a local anaesthetic [local-anaesthetic-allergy]",
            "no longer leaves out lidocaine-cocktail-example: qualifies, but ranked below 'cellulite-cocktail': 'cellulite-cocktail' has stronger evidence ('practice' against 'none given')",
            "no longer warns: the allergy 'local anaesthetic' matches no ingredient name or class in the catalogue (names are matched as written or by the other names this tool lists, not in other languages or by every brand: check each ingredient against it)",
        ],
    ],
    "scar-corticosteroid-limits": [
        "Keloid on the back: triamcinolone 40 mg/ml weekly, 100 cm²": [
            "warns: intralesional corticosteroid: 1-20 mg/cm², at most 80 mg a session, usually every 4 weeks [scar-corticosteroid-limits]",
            "warns: the session could take up to 10 ml, more than the 2 ml (80 mg at 40 mg/ml) published for a session of intralesional corticosteroid: one session may cover at most 20 cm² (20 points of 0.1 ml, 1 cm apart) [scar-corticosteroid-limits]",
            "warns: sessions 1 week apart: intralesional corticosteroid is usually given every 4 weeks [scar-corticosteroid-limits]",
        ],
        "Keloid on the back: triamcinolone at 1 ml a point, beyond 20 mg/cm²": [
            "refuses instead of planning triamcinolone-keloid-example",
            "leaves out triamcinolone-keloid-example: beyond the published limits of intralesional corticosteroid: 40 mg/cm² (1 ml a point at 40 mg/ml, 1 cm apart; at most 20 mg/cm²) [scar-corticosteroid-limits]",
        ],
    ],
    "corticosteroid-allergy": [
        "Keloid, allergic to corticosteroids: triamcinolone (class drug) is left out": [
            "refuses instead of planning triamcinolone-keloid-example",
            "leaves out triamcinolone-keloid-example: the allergy 'corticosteroid' names a corticosteroid, and it holds 'Triamcinolone acetonide', a corticosteroid [corticosteroid-allergy]",
        ],
    ],
]
