import Foundation
import Testing

/// The bundled face course for a double chin on 60 cm² of submental skin, from 2026-01-05,
/// in `format`; it must exit 0. Its dose is over what one session may take.
func submentalCourse(format: String, region: String = "submental:60cm2") throws -> RunResult {
    let run = try runCatalog(["course", "face", "--concern", "double-chin", "--region", region,
                              "--start", "2026-01-05", "--format", format])
    #expect(run.status == 0, "\(run.stderr)")
    return run
}

/// `catalog course` with several regions, surfaces, doses and visits (format 1.1).
@Suite("catalog course: regions, doses and visits", .serialized)
struct CourseDoseCommandTests {
    @Test("json: the dose of each region and of the session, exactly as section 6 shapes it")
    func doseJSON() throws {
        let run = try submentalCourse(format: "json", region: "Submental:60cm2")
        #expect(run.stdout.contains("""
              "dose": {
                "regions": [
                  {
                    "region": "submental",
                    "surface": {
                      "value": 60,
                      "unit": "cm2"
                    },
                    "points": {
                      "min": 60,
                      "max": 60
                    },
                    "volume": {
                      "min": {
                        "value": 12,
                        "unit": "ml"
                      },
                      "max": {
                        "value": 12,
                        "unit": "ml"
                      }
                    }
                  }
                ],
            """))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["rules"] as? [String] == ["submental-jaw-line", "submental-deoxycholic-label"])
        #expect((object["warnings"] as? [String])?.first == "the session could take up to 12 ml, more than the 10 ml one session may take: one session may cover at most 50 cm² (50 points of 0.2 ml, 1 cm apart)")
    }

    @Test("an entry without max-per-session says its session total is checked against nothing, in every format (a surface typed 100 times too large)")
    func noMaximumSaysTheTotalIsUnchecked() throws {
        let warning = "'lightly-crosslinked-ha-booster' gives no most a session (max-per-session): nothing here checks the session's up to 4000 ml against a limit; check the surfaces given and judge the total"
        for format in ["table", "json", "ics", "fhir"] {
            let run = try runCatalog(["course", "face", "--concern", "dehydration", "--region", "face:20000cm2",
                                      "--start", "2026-12-01", "--format", format])
            #expect(run.status == 0, "\(run.stderr)")
            let shown = format == "ics" ? run.stdout.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\\,", with: ",").replacingOccurrences(of: "\\;", with: ";") : run.stdout
            #expect(shown.contains(warning), "\(format)")
        }
        let within = try runCatalog(["course", "face", "--concern", "double-chin", "--region", "submental:40cm2", "--start", "2026-01-05"])
        #expect(!within.stdout.contains("gives no most a session"), "an entry with max-per-session: \(within.stdout)")
    }

    @Test("table: regions with surfaces, the dose lines, and the visits")
    func table() throws {
        let run = try runCatalog(["course", "body", "--concern", "localized-fat", "--region", "abdomen:400cm2",
                                  "--region", "flanks:15x20cm", "--start", "2026-03-02"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Regions: abdomen (400 cm²), flanks (300 cm²)\n"))
        #expect(run.stdout.contains("""
            Dose (by the surfaces given):
              - abdomen (400 cm²): 45-100 points, 4.5-20 ml
              - flanks (300 cm²): 34-75 points, 3.4-15 ml
              - each session, in all (700 cm²): 79-175 points, 7.9-35 ml

            Visits besides the sessions:
              - follow-up on 2026-03-23 (window 2026-03-23 - 2026-03-30): check the sites of session 1 for a late infection (non-tuberculous mycobacteria: median onset about 28 days after injection)

            """))
    }

    @Test("ics: each visit is its own event, with a UID that stays when the course is printed again")
    func icsVisits() throws {
        let args = ["course", "scalp", "--concern", "patchy-hair-loss", "--start", "2026-09-07", "--format", "ics"]
        let run = try runCatalog(args, environment: fixedStamp)
        #expect(run.status == 0)
        let unfolded = run.stdout.replacingOccurrences(of: "\r\n ", with: "")
        let summaries = unfolded.components(separatedBy: "\r\n").filter { $0.hasPrefix("SUMMARY:") }
        #expect(summaries.filter { $0.hasSuffix(": assessment visit") }.count == 3)
        let uids = unfolded.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == uids.count)
        let again = try runCatalog(args, environment: fixedStamp)
        #expect(again.stdout == run.stdout)
        #expect(unfolded.contains("\\nNote: decision point: maintenance starts only if the 3-month assessment (2026-12-07) shows a response [scalp-assessment-visits]"))
    }

    @Test("a region written wrong exits 2 with what was expected", arguments: [
        ("face:300", "error: --region 'face:300': '300' is not a surface; write it in square centimetres, above zero, as 300cm2, 300 cm² or 15x20cm\n"),
        ("face:0cm2", "error: --region 'face:0cm2': '0cm2' is not a surface; write it in square centimetres, above zero, as 300cm2, 300 cm² or 15x20cm\n"),
        ("fase:300cm2", "error: unknown region 'fase'; did you mean 'face'?\n"),
    ])
    func badRegion(_ region: String, _ message: String) throws {
        let run = try runCatalog(["course", "face", "--concern", "dehydration", "--region", region])
        #expect(run.status == 2)
        #expect(run.stderr == message)
    }

    static func deoxycholic(_ ingredient: String, perPoint: String) -> String {
        """
        id: dca
        name: Deoxycholic acid entry
        ingredients: [{name: "\(ingredient)", class: lipolytic}]
        regions: [submental]
        indications: [double-chin]
        techniques: [subcutaneous]
        depth: 4-13 mm
        residence: 1-3 days
        protocol: [{phase: treatment, sessions: 1-6, interval: 1-2 months}]
        dosing: {per-point: \(perPoint), spacing: 1 cm}
        contraindications: [active-infection]
        sources: [Test source]

        """
    }

    @Test("deoxycholic acid without max-per-session is held to the label's 10 ml a session, as section 2.6 words it")
    func deoxycholicWithoutMaximum() throws {
        let catalogue = try makeCatalogue(["dca.yaml": Self.deoxycholic("Deoxycholic acid", perPoint: "0.2 ml")])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let run = try runCatalog(["course", "face", "--concern", "double-chin", "--region", "submental:100cm2",
                                  "--start", "2026-01-31", "--format", "json", "--catalogue", catalogue.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"the session could take up to 20 ml, more than the 10 ml the deoxycholic acid label allows a session: one session may cover at most 50 cm² (50 points of 0.2 ml, 1 cm apart) [submental-deoxycholic-label]\""), "\(run.stdout)")
        let within = try runCatalog(["course", "face", "--concern", "double-chin", "--region", "submental:40cm2",
                                     "--start", "2026-01-31", "--format", "json", "--catalogue", catalogue.path])
        #expect(within.status == 0 && !within.stdout.contains("the session could take"), "\(within.stdout)")
    }

    @Test("deoxycholic acid named by its brand is held to the label", arguments: ["Kybella (ATX-101)", "Belkyra"])
    func deoxycholicBrand(_ name: String) throws {
        let catalogue = try makeCatalogue(["dca.yaml": Self.deoxycholic(name, perPoint: "0.5 ml")])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let run = try runCatalog(["course", "face", "--concern", "double-chin", "--start", "2026-01-31", "--catalogue", catalogue.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("beyond the deoxycholic acid label: 0.5 ml a point (at most 0.2 ml) [submental-deoxycholic-label]"), "\(run.stderr)")
    }

    @Test("table: a rule that plans another technique than the first lists the first among the others")
    func periorbitalTechniqueLine() throws {
        let catalogue = try makeCatalogue(["eyes.yaml": """
            id: eye-booster
            name: Eye booster
            ingredients: [Sodium hyaluronate]
            regions: [face, periorbital]
            indications: [wrinkles]
            techniques: [point-by-point, micropapules, linear-retrograde]
            depth: 0.5-1 mm
            residence: 1-2 weeks
            protocol:
              - phase: induction
                sessions: 2
                interval: 2 weeks

            """])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let run = try runCatalog(["course", "face", "--catalogue", catalogue.path, "--concern", "wrinkles",
                                  "--region", "periorbital", "--start", "2026-01-05"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Technique: micropapules (also listed: point-by-point, linear-retrograde)\n"))
        let face = try runCatalog(["course", "face", "--catalogue", catalogue.path, "--concern", "wrinkles",
                                   "--region", "face", "--start", "2026-01-05"])
        #expect(face.stdout.contains("Technique: point-by-point (also listed: micropapules, linear-retrograde)\n"))
    }

    @Test("fhir and ics: a follow-up visit reads 'Follow-up visit', not 'Follow-Up visit'")
    func followUpWording() throws {
        let args = ["course", "body", "--concern", "localized-fat", "--region", "abdomen", "--start", "2026-03-02"]
        let fhir = try runCatalog(args + ["--format", "fhir"])
        #expect(fhir.status == 0, "\(fhir.stderr)")
        #expect(fhir.stdout.contains("\"text\": \"Follow-up visit: check the sites of session 1 for a late infection (non-tuberculous mycobacteria: median onset about 28 days after injection)\""))
        #expect(!fhir.stdout.contains("Follow-Up"))
        let ics = try runCatalog(args + ["--format", "ics"], environment: fixedStamp)
        let unfolded = ics.stdout.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DESCRIPTION:Follow-up visit: check the sites of session 1 for a late infection"))
        #expect(!unfolded.contains("Follow-Up"))
    }

    @Test("ics and fhir: visits of one rule on one day (sessions 0 days apart) keep identifiers of their own")
    func sameDayVisitsDistinctIdentifiers() throws {
        let catalogue = try makeCatalogue(["same-day.yaml": """
            id: same-day-scar
            name: Same-day scar
            ingredients: [Hyaluronic acid]
            regions: [abdomen]
            indications: [atrophic-scars]
            techniques: [micropapules]
            depth: 1-2 mm
            residence: 1-2 weeks
            protocol:
              - phase: induction
                sessions: 3
                interval: 0 days

            """])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let args = ["course", "scar", "--catalogue", catalogue.path, "--concern", "atrophic-scars", "--region", "abdomen",
                    "--start", "2026-01-05"]
        let ics = try runCatalog(args + ["--format", "ics"], environment: fixedStamp)
        #expect(ics.status == 0, "\(ics.stderr)")
        let lines = ics.stdout.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        let uids = lines.filter { $0.hasPrefix("UID:") }
        // 3 sessions, 3 scar assessments, 3 infection follow-ups (the abdomen is the body's).
        #expect(uids.count == 9)
        #expect(Set(uids).count == 9, "\(uids)")
        #expect(lines.filter { $0.hasSuffix(": assessment visit") }.count == 3)
        let again = try runCatalog(args + ["--format", "ics"], environment: fixedStamp)
        #expect(again.stdout == ics.stdout)
        let fhir = try runCatalog(args + ["--format", "fhir"])
        #expect(fhir.status == 0, "\(fhir.stderr)")
        let bundle = try #require(try JSONSerialization.jsonObject(with: Data(fhir.stdout.utf8)) as? [String: Any])
        let urls = try #require(bundle["entry"] as? [[String: Any]]).compactMap { $0["fullUrl"] as? String }
        #expect(urls.count == 10)
        #expect(Set(urls).count == 10, "\(urls)")
        // The calendar's UIDs are the bundle's UUIDs: the same visit, the same identifier.
        #expect(Set(uids.map { "urn:uuid:" + $0.dropFirst(4).replacingOccurrences(of: "@mesotherapy-catalogue", with: "") })
                == Set(urls.dropFirst()))
    }

    @Test("plugins lists each rule with its rationale and source")
    func pluginsRules() throws {
        let run = try runCatalog(["plugins"])
        #expect(run.stdout.contains("  rule body-infection-follow-up: Non-tuberculous mycobacterial infection"))
        #expect(run.stdout.contains("    source: Kybella (deoxycholic acid) US prescribing information\n"))
        #expect(run.stdout.contains("    catalog course body --concern localized-fat --region abdomen:400cm2 --region flanks:300cm2 --start 2026-03-02\n"))
    }
}

@Suite("catalog course --format ics: every warning of the course on the calendar")
struct CourseICSWarningTests {
    @Test("a dose over what one session may take and a region's caution are on every session's event")
    func courseWarnings() throws {
        let run = try submentalCourse(format: "ics")
        // Unfolded (RFC 5545: a line break and one space continue the line), then unescaped.
        let text = run.stdout.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\\,", with: ",")
            .replacingOccurrences(of: "\\;", with: ";").replacingOccurrences(of: "\\n", with: "\n")
        let sessions = text.components(separatedBy: "BEGIN:VEVENT").dropFirst().filter { $0.contains("Preparation: ") }
        #expect(sessions.count >= 1)
        for event in sessions {
            #expect(event.components(separatedBy: "\nWarning: the session could take up to 12 ml, more than the 10 ml one "
                + "session may take: one session may cover at most 50 cm² (50 points of 0.2 ml, 1 cm apart)\n").count == 2)
            #expect(event.components(separatedBy: "\nWarning: submental: do not inject above the jaw line or within "
                + "1-1.5 cm below it (marginal mandibular nerve) [submental-jaw-line]\n").count == 2)
        }
    }
}
