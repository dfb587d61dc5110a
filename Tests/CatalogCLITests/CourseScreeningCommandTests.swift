import Foundation
import Testing

let screeningFixture = packageRoot.appendingPathComponent("Tests/PlanningTests/Fixtures/screening").path

/// What a course says it decided (format 1.1): what to screen for, the catalogue, evidence,
/// the candidates left out, and words in any case.
@Suite("catalog course: screening and what it decided", .serialized)
struct CourseScreeningCommandTests {
    @Test("the table says what it decided, and words are case-insensitive")
    func table() throws {
        let run = try runCatalog(["course", "FACE", "--catalogue", screeningFixture, "--concern", "Dehydration",
                                  "--condition", "HA-Hypersensitivity", "--allergy", "Amino Acid", "--start", "2026-01-05"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            Course: Caféine drainante (b-cafeine)
            Plugin: face; concern: dehydration (Dehydrated skin)
            Region: any region of the face plugin (the preparation's: face, neck)
            Conditions: ha-hypersensitivity
            Allergies: Amino Acid
            Technique: nappage
            Depth: 0.5-1 mm
            Evidence: trial (published clinical trials)
            Catalogue: Screening fixture 1.1-test
            Start: 2026-01-05; hemisphere: north; horizon: 12 months (until 2027-01-05)
            Protocol: induction 3 sessions every 2 weeks

              #  phase      date        window (earliest - latest)
              1  induction  2026-01-05  start date
              2  induction  2026-01-19  2026-01-19
              3  induction  2026-02-02  2026-02-02

            Screen before each session (this preparation's contraindications; the conditions given (ha-hypersensitivity) left out what they contraindicate, the others have not been ruled out):
              - caffeine-intolerance: Intolerance of caffeine (named by the condition's ingredients: contains 'Caféine')
            Ask about allergy to each ingredient before each session: the allergies given left out what they match by name (an ingredient named in another language or by a brand this tool does not list may not match them: compare each ingredient listed here); others have not been ruled out. Ingredients: Caféine.

            Aftercare:
              (none recorded)

            Left out (candidates that treat 'dehydration'):
              - a-sodium-hyaluronate: contains 'Sodium hyaluronate' (class hyaluronic-acid), which the condition 'ha-hypersensitivity' makes unsafe (it names the ingredient 'hyaluronic-acid')
              - c-amino: contains 'Amino acids', matching the allergy 'Amino Acid'
              - d-vitamins: qualifies, but ranked below 'b-cafeine': 'b-cafeine' has stronger evidence ('trial' against 'practice')
              and 1 other candidate that does not treat 'dehydration' (--explain lists it with the reasons)

            Not medical advice: this plan restates the catalogue's figures; a practitioner decides for each patient.

            """)
    }

    @Test("--explain lists every candidate left out, each reason on its own line")
    func explain() throws {
        let run = try runCatalog(["course", "face", "--catalogue", screeningFixture, "--concern", "dehydration",
                                  "--condition", "ha-hypersensitivity", "--allergy", "amino acid", "--start", "2026-01-05", "--explain"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("""

            Left out:
              - a-sodium-hyaluronate: contains 'Sodium hyaluronate' (class hyaluronic-acid), which the condition 'ha-hypersensitivity' makes unsafe (it names the ingredient 'hyaluronic-acid')
              - c-amino: contains 'Amino acids', matching the allergy 'amino acid'
              - d-vitamins: qualifies, but ranked below 'b-cafeine': 'b-cafeine' has stronger evidence ('trial' against 'practice')
              - e-neck-only:
                  - does not treat 'dehydration' (treats laxity)
                  - contains 'Glycine' (class amino-acid), matching the allergy 'amino acid'

            """))
    }

    @Test("json carries the catalogue, the evidence and the contraindications to screen for")
    func json() throws {
        let run = try runCatalog(["course", "face", "--concern", "dehydration", "--start", "2026-01-05", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["catalogue"] as? [String: String] == ["name": "Bundled catalogue", "version": "2026.11"])
        #expect(object["evidence"] as? String == "trial")
        let contraindications = try #require(object["contraindications"] as? [[String: Any]])
        #expect(contraindications.first?["condition"] as? String == "pregnancy")
        #expect(contraindications.first?["description"] as? String == "Pregnancy")
        #expect(contraindications.contains { $0["condition"] as? String == "hyaluronic-acid-hypersensitivity"
            && $0["ingredients"] as? [String] == ["Lightly crosslinked hyaluronic acid (cohesive polydensified gel)"] })
        #expect(object["screening"] as? String
                == "Screen for each contraindication before each session: no condition was given, so none has been ruled out.")
    }

    @Test("a refusal in json carries the catalogue and the not-medical-advice note")
    func refusalJSON() throws {
        let run = try runCatalog(["course", "face", "--catalogue", screeningFixture, "--concern", "dehydration",
                                  "--condition", "ha-hypersensitivity", "--allergy", "vitamin", "--allergy", "amino",
                                  "--allergy", "cafeine", "--format", "json"])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["preparation"] is NSNull)
        #expect(object["catalogue"] as? [String: String] == ["name": "Screening fixture", "version": "1.1-test"])
        #expect(object["note"] as? String
                == "Not medical advice: this plan restates the catalogue's figures; a practitioner decides for each patient.")
        #expect(run.stderr == """
            error: no preparation qualifies for 'dehydration' (the face plugin):
              a-sodium-hyaluronate: contains 'Sodium hyaluronate' (class hyaluronic-acid), which the condition 'ha-hypersensitivity' makes unsafe (it names the ingredient 'hyaluronic-acid')
              b-cafeine: contains 'Caféine' (class lipolytic), matching the allergy 'cafeine'
              c-amino: contains 'Vitamin C' (class vitamin), matching the allergy 'vitamin'; contains 'Amino acids', matching the allergy 'amino'
              d-vitamins: contains 'Vitamins A and E' (class vitamin), matching the allergy 'vitamin'
              e-neck-only: does not treat 'dehydration' (treats laxity); contains 'Glycine' (class amino-acid), matching the allergy 'amino'
            Not medical advice: this plan restates the catalogue's figures; a practitioner decides for each patient.

            """)
    }

    @Test("a vague allergy is refused with exit 2", arguments: ["a", "c", "and", "of the"])
    func vagueAllergy(_ allergy: String) throws {
        let run = try runCatalog(["course", "face", "--concern", "dehydration", "--allergy", allergy])
        #expect(run.status == 2)
        #expect(run.stderr == "error: the allergy '\(allergy)' is too vague to screen with: it needs a word of three letters or more that is not a stop word (such as 'and', 'the', 'with'); name the ingredient or its class, for example 'vitamin c' or 'hyaluronic-acid'\n")
    }

    @Test("an allergy holding a control character is refused with exit 2, not left to match nothing",
          arguments: ["hyaluronic\u{1B}[31m", "hyaluronic\u{1}", "hyaluronic\u{202E}", "hyaluronic\u{2028}acid"])
    func controlInAllergy(_ allergy: String) throws {
        let run = try runCatalog(["course", "face", "--concern", "dehydration", "--allergy", allergy])
        #expect(run.status == 2)
        let shown = allergy.unicodeScalars.map { $0.value < 0x20 || (0x2028...0x202E).contains($0.value) ? "\\u{\(String($0.value, radix: 16, uppercase: true))}" : String($0) }.joined()
        #expect(run.stderr == "error: the allergy '\(shown)' holds a control character, which no ingredient's name has: type the allergy without it\n")
    }

    // Outside review: `--allergy 'glycerol, lidocaine'` was screened as one phrase, matched
    // nothing, and the glycerol booster was planned (only a warning said so).
    @Test("a list of allergies typed as one text is screened item by item, and shown so",
          arguments: ["glycerol, lidocaine", "glycerol and lidocaine", "Glycerol; lidocaine", "glycerol / lidocaine", "glycerol & lidocaine"])
    func allergyList(_ allergies: String) throws {
        let run = try runCatalog(["course", "face", "--concern", "dehydration", "--allergy", allergies, "--start", "2026-01-05", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["preparation"] as? String == "noncrosslinked-ha-hydration")
        let allergy = (object["allergies"] as? [String])?.first
        #expect((object["allergies"] as? [String])?.count == 2 && allergy?.lowercased() == "glycerol", "\(object["allergies"] ?? "")")
        let excluded = object["excluded"] as? [[String: Any]] ?? []
        #expect(excluded.contains { ($0["preparation"] as? String) == "lightly-crosslinked-ha-booster" })
    }

    // Outside review: a pregnant, anticoagulated patient got a course from an entry listing no
    // contraindication, and the table said her conditions "left out what they contraindicate".
    @Test("a condition the chosen entry does not list is named in a warning, in every format", arguments: ["table", "json", "fhir"])
    func unlistedCondition(_ format: String) throws {
        let run = try runCatalog(["course", "body", "--concern", "localized-fat", "--region", "abdomen", "--condition", "herpes",
                                  "--start", "2026-03-02", "--format", format])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("'phosphatidylcholine-deoxycholate-lipolysis' does not list 'herpes' among its contraindications: the catalogue says nothing of it for this preparation; check it against the product's own information"))
    }

    @Test("a list of conditions typed as one text is read item by item",
          arguments: ["pregnancy, herpes", "pregnancy and herpes", "pregnancy/herpes", "pregnancy & herpes", "pregnancy + herpes"])
    func conditionList(_ text: String) throws {
        let list = try runCatalog(["course", "face", "--concern", "dehydration", "--condition", text, "--start", "2026-01-05"])
        let apart = try runCatalog(["course", "face", "--concern", "dehydration", "--condition", "pregnancy", "herpes", "--start", "2026-01-05"])
        #expect(list.status == apart.status)
        #expect(list.stdout == apart.stdout && list.stderr == apart.stderr)
        #expect(list.stdout.contains("Conditions: pregnancy, herpes\n") || list.stderr.contains("pregnancy"), "\(list.stdout)\(list.stderr)")
    }

    @Test("every word of a request may be written in any case")
    func caseInsensitive() throws {
        let upper = try runCatalog(["course", "SCALP", "--concern", "Androgenic-Alopecia", "--region", "Scalp",
                                    "--hemisphere", "South", "--start", "2026-01-05", "--format", "json"])
        let lower = try runCatalog(["course", "scalp", "--concern", "androgenic-alopecia", "--region", "scalp",
                                    "--hemisphere", "south", "--start", "2026-01-05", "--format", "json"])
        #expect(upper.status == 0, "\(upper.stderr)")
        #expect(upper.stdout == lower.stdout)
    }

    @Test("an unknown condition is suggested by a word of it")
    func conditionByWord() throws {
        let run = try runCatalog(["course", "face", "--concern", "dehydration", "--condition", "diabetes"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: unknown condition 'diabetes'; did you mean 'insulin-dependent-diabetes'?\n")
        // A word of three letters too (an outside review was given all 28 conditions for `soy`).
        let soy = try runCatalog(["course", "face", "--concern", "dehydration", "--condition", "soy"])
        #expect(soy.stderr == "error: unknown condition 'soy'; did you mean 'soy-allergy'?\n")
    }

    @Test("control characters a person typed never reach the terminal: not in the table, not on the standard error")
    func controlCharacters() throws {
        // An allergy holding a control character is refused (it would match nothing), its
        // message escaped (the sequence's ';' splits it as a list: its first item is refused).
        let typed = try runCatalog(["course", "face", "--catalogue", screeningFixture, "--concern", "dehydration",
                                    "--allergy", "glyc\u{1B}]0;x\u{07}erol", "--start", "2026-01-05"])
        #expect(typed.status == 2)
        #expect(typed.stderr == "error: the allergy 'glyc\\u{1B}]0' holds a control character, which no ingredient's name has: type the allergy without it\n")
        let unknown = try runCatalog(["course", "face", "--concern", "dehy\u{1B}[2Jdration"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: unknown concern 'dehy\\u{1B}[2Jdration'; did you mean 'dehydration'?\n")
        let asTyped = try runCatalog(["course", "face", "--concern", "Dehydration", "--condition", "Pregnancy", "--condition", "Pregnancyy"])
        #expect(asTyped.status == 2)
        #expect(asTyped.stderr == "error: unknown condition 'Pregnancyy'; did you mean 'pregnancy'?\n", "the word as typed")
        let concern = try runCatalog(["course", "face", "--concern", "DEHYDRATOIN"])
        #expect(concern.stderr == "error: unknown concern 'DEHYDRATOIN'; did you mean 'dehydration'?\n")
        let refused = try runCatalog(["course", "face", "--catalogue", screeningFixture, "--concern", "dehydration",
                                      "--condition", "ha-hypersensitivity", "--allergy", "vitamin", "--allergy", "amino",
                                      "--allergy", "cafeine"])
        #expect(refused.status == 1)
        #expect(refused.stderr == #"""
            error: no preparation qualifies for 'dehydration' (the face plugin):
              a-sodium-hyaluronate: contains 'Sodium hyaluronate' (class hyaluronic-acid), which the condition 'ha-hypersensitivity' makes unsafe (it names the ingredient 'hyaluronic-acid')
              b-cafeine: contains 'Caféine' (class lipolytic), matching the allergy 'cafeine'
              c-amino: contains 'Vitamin C' (class vitamin), matching the allergy 'vitamin'; contains 'Amino acids', matching the allergy 'amino'
              d-vitamins: contains 'Vitamins A and E' (class vitamin), matching the allergy 'vitamin'
              e-neck-only: does not treat 'dehydration' (treats laxity); contains 'Glycine' (class amino-acid), matching the allergy 'amino'
            Not medical advice: this plan restates the catalogue's figures; a practitioner decides for each patient.

            """#)
        #expect(!refused.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}

@Suite("catalog course: allergy to a component")
struct CourseAllergyNoteTests {
    @Test("without --allergy, every format says no allergy was ruled out and names the ingredients", arguments: ["table", "json", "ics", "fhir"])
    func noAllergyGiven(_ format: String) throws {
        let run = try runCatalog(["course", "face", "--concern", "dehydration", "--start", "2026-01-05", "--format", format])
        #expect(run.status == 0, "\(run.stderr)")
        // (The calendar folds its lines and escapes its commas.)
        let text = format == "ics"
            ? run.stdout.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\\,", with: ",") : run.stdout
        #expect(text.contains("Ask about allergy to each ingredient before each session: no allergy was given, so none has been ruled out. Ingredients: Lightly crosslinked hyaluronic acid (cohesive polydensified gel), Glycerol."), "\(format)")
    }
}
