import Foundation
import Testing

/// The planning fixture catalogue of the PlanningTests target.
let planningFixture = packageRoot.appendingPathComponent("Tests/PlanningTests/Fixtures/planning").path

/// A fixed DTSTAMP moment, so that the calendar output can be compared byte for byte.
let fixedStamp: [String: String?] = ["SOURCE_DATE_EPOCH": "1764028800"]

@Suite("catalog course and catalog plugins", .serialized)
struct CourseCommandTests {
    static let faceCourse = ["course", "face", "--concern", "dehydration", "--start", "2026-01-05"]

    @Test("every format prints the same bytes on a second run", arguments: ["table", "json", "ics", "fhir"])
    func sameBytes(format: String) throws {
        let args = Self.faceCourse + ["--format", format, "--allergy", "plant-extract", "--condition", "dilated-capillaries"]
        let first = try runCatalog(args, environment: fixedStamp)
        let second = try runCatalog(args, environment: fixedStamp)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(!first.stdout.isEmpty)
    }

    @Test("json holds the keys of section 6")
    func json() throws {
        let run = try runCatalog(Self.faceCourse + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["plugin"] as? String == "face")
        #expect(object["preparation"] as? String == "lightly-crosslinked-ha-booster")
        #expect(object["technique"] as? String == "micropapules")
        let sessions = try #require(object["sessions"] as? [[String: Any]])
        #expect(sessions.map { $0["date"] as? String } == ["2026-01-05", "2026-02-02", "2026-03-02"])
        #expect(sessions.map { $0["number"] as? Int } == [1, 2, 3])
        #expect(sessions.allSatisfy { $0["phase"] as? String == "induction" && $0["earliest"] is String && $0["latest"] is String })
        #expect(object["complete"] as? Bool == true)
        #expect(object["aftercare"] is [[String: Any]])
        #expect(object["warnings"] as? [String] == [])
        let excluded = try #require(object["excluded"] as? [[String: Any]])
        #expect(excluded.allSatisfy { $0["preparation"] is String && $0["reason"] is String })
        #expect(run.stdout.hasPrefix("{\n  \"plugin\": \"face\",\n  \"concern\": \"dehydration\",\n"))
    }

    @Test("table is a readable plan with the medical-advice note")
    func table() throws {
        let run = try runCatalog(["course", "face", "--concern", "pigmentation", "--start", "2026-05-04", "--hemisphere", "south"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Course: Tranexamic acid brightening microinjections (tranexamic-acid-brightening)\n"))
        #expect(run.stdout.contains("  2   intensive  2026-05-11  2026-05-11\n"))
        #expect(run.stdout.contains("Technique: micropapules"))
        #expect(run.stdout.contains("Depth: 0.5-1.5 mm"))
        #expect(!run.stdout.contains("Warnings:"))  // June is winter in the south
        #expect(run.stdout.hasSuffix("\nNot medical advice: this plan restates the catalogue's figures; a practitioner decides for each patient.\n"))
        let north = try runCatalog(["course", "face", "--concern", "pigmentation", "--start", "2026-05-04"])
        #expect(north.stdout.contains("  - 8 sessions fall in a season this preparation avoids (northern hemisphere): sessions 5 (2026-06-01), 6 (2026-06-08), 7 (2026-06-15), 8 (2026-06-22), 9 (2026-06-29), 10 (2026-07-06), 11 (2026-07-13) and 12 (2026-07-20) in summer\n"))
        #expect(north.stdout.contains("  #   phase      date        window (earliest - latest)  avoided season\n"))
        #expect(north.stdout.contains("  4   intensive  2026-05-25  2026-05-25\n"))
        #expect(north.stdout.contains("  5   intensive  2026-06-01  2026-06-01                  * summer\n"))
    }

    @Test("ics: CRLF, folded at 75 octets on character boundaries, one all-day event per session, stable UIDs")
    func ics() throws {
        let args = ["course", "face", "--catalogue", planningFixture, "--concern", "dehydration", "--region", "face",
                    "--start", "2026-01-05", "--format", "ics"]
        let run = try runCatalog(args, environment: fixedStamp)
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = Array(run.stdout.utf8)
        // No bare LF: every LF follows a CR.
        for (index, byte) in bytes.enumerated() where byte == 10 { #expect(index > 0 && bytes[index - 1] == 13) }
        let lines = run.stdout.components(separatedBy: "\r\n")
        #expect(lines.last == "")
        for line in lines { #expect(line.utf8.count <= 75, "\(line)") }
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 13)
        #expect(lines.filter { $0.hasPrefix("DTSTART;VALUE=DATE:") }.first == "DTSTART;VALUE=DATE:20260105")
        #expect(lines.filter { $0.hasPrefix("DTSTAMP:") }.allSatisfy { $0 == "DTSTAMP:20251125T000000Z" })
        // Unfolded, the summary names the preparation and the session, with TEXT escaping.
        let unfolded = run.stdout.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:Alpha two-phase: crème hydratante à l'acide hyaluronique\\, réservée au visage et au cou — ✓ sérum: session 1 of 13\\, induction\r\n"))
        #expect(unfolded.contains("Technique: micropapules\\nDepth: 0.5-1.5 mm\\nAftercare:\\n- No make-up until the next morning\\n- Avoid sun\\; use SPF 50\\, even on cloudy days (for 48 hours)"))
        let uids = lines.filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == 13)
        // The same course later in the horizon keeps its UIDs; another start date changes them.
        let shorter = try runCatalog(args + ["--horizon", "3 months"], environment: fixedStamp)
        let shorterUIDs = shorter.stdout.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        #expect(shorterUIDs == Array(uids.prefix(4)))
        var moved = args
        moved[moved.firstIndex(of: "2026-01-05")!] = "2026-01-06"
        let other = try runCatalog(moved, environment: fixedStamp)
        #expect(other.stdout.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }.first != uids.first)
    }

    @Test("fhir: a collection Bundle with a CarePlan and one ServiceRequest per session")
    func fhir() throws {
        let run = try runCatalog(Self.faceCourse + ["--format", "fhir"])
        #expect(run.status == 0)
        let bundle = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(bundle["resourceType"] as? String == "Bundle")
        #expect(bundle["type"] as? String == "collection")
        let entries = try #require(bundle["entry"] as? [[String: Any]])
        let resources = entries.compactMap { $0["resource"] as? [String: Any] }
        #expect(resources.map { $0["resourceType"] as? String } == ["CarePlan", "ServiceRequest", "ServiceRequest", "ServiceRequest"])
        #expect(resources.dropFirst().map { $0["occurrenceDateTime"] as? String } == ["2026-01-05", "2026-02-02", "2026-03-02"])
        #expect(entries.allSatisfy { ($0["fullUrl"] as? String)?.hasPrefix("urn:uuid:") == true })
        #expect(run.stdout.contains("\"system\": \"http://unitsofmeasure.org\""))
    }

    // Outside review: the CarePlan's period ended at the last session, before its follow-ups.
    @Test("fhir: the CarePlan's period holds every session and visit")
    func fhirPeriodHoldsVisits() throws {
        let run = try runCatalog(["course", "body", "--concern", "localized-fat", "--region", "abdomen", "--start", "2026-03-02",
                                  "--format", "fhir"])
        #expect(run.status == 0)
        let bundle = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let resources = try #require(bundle["entry"] as? [[String: Any]]).compactMap { $0["resource"] as? [String: Any] }
        let period = try #require(resources.first?["period"] as? [String: String])
        let dates = resources.compactMap { $0["occurrenceDateTime"] as? String }.sorted()
        #expect(period["start"] == dates.first)
        #expect(period["end"] == dates.last)
    }

    @Test("no preparation qualifies: exit 1, every candidate's reasons")
    func refusal() throws {
        let run = try runCatalog(["course", "face", "--catalogue", planningFixture, "--concern", "dehydration", "--region", "face",
                                  "--condition", "pregnancy", "herpes", "--start", "2026-01-05"])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == """
            error: no preparation qualifies for 'dehydration' (the face plugin in region 'face'):
              alpha-two-phase: contraindicated with 'pregnancy'
              beta-summer-averse: contraindicated with 'herpes'
              delta-neck-trial: not used in region 'face' (used in neck)
              gamma-deprecated: deprecated since 2025-01-01: Withdrawn by its maker (replaced by 'alpha-two-phase')
            Not medical advice: this plan restates the catalogue's figures; a practitioner decides for each patient.

            """)
    }

    @Test("no preparation qualifies, in json: the exclusions on standard output too")
    func refusalJSON() throws {
        let run = try runCatalog(["course", "scalp", "--concern", "androgenic-alopecia", "--condition", "pregnancy", "--format", "json"])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["preparation"] is NSNull)
        let excluded = try #require(object["excluded"] as? [[String: Any]])
        #expect(excluded.map { $0["preparation"] as? String } == ["dutasteride-scalp", "hair-revitalising-cocktail", "peptide-growth-factor-hair", "prp-scalp"])
        #expect(excluded.allSatisfy { $0["reason"] as? String == "contraindicated with 'pregnancy'" })
        #expect(run.stderr == """
            error: no preparation qualifies for 'androgenic-alopecia' (the scalp plugin):
              dutasteride-scalp: contraindicated with 'pregnancy'
              hair-revitalising-cocktail: contraindicated with 'pregnancy'
              peptide-growth-factor-hair: contraindicated with 'pregnancy'
              prp-scalp: contraindicated with 'pregnancy'
            Not medical advice: this plan restates the catalogue's figures; a practitioner decides for each patient.

            """)
    }

    @Test("unknown words exit 2 with the nearest known word", arguments: [
        (["course", "fase", "--concern", "dehydration"], "error: unknown area 'fase'; did you mean 'face'?\n"),
        (["course", "body", "--concern", "localized-fat", "--region", "abdomn"],
         "error: unknown region 'abdomn'; did you mean 'abdomen'?\n"),
        (["course", "face", "--concern", "dehydration", "--start", "2026-02-30"], "error: --start '2026-02-30' is not a day of the calendar: 2026-02 has no day 30\n"),
        (["course", "face", "--concern", "dehydration", "--horizon", "a year"],
         "error: --horizon 'a year' is not a duration such as '12 months', '26 weeks' or '90 days' (units: minute, hour, day, week, month, year)\n"),
    ])
    func unknownWords(arguments: [String], message: String) throws {
        let run = try runCatalog(arguments)
        #expect(run.status == 2)
        #expect(run.stderr == message)
    }

    @Test("an unknown concern or condition names the nearest known one")
    func unknownConcern() throws {
        let concern = try runCatalog(["course", "scalp", "--concern", "androgenic-alopecai"])
        #expect(concern.status == 2)
        #expect(concern.stderr == "error: unknown concern 'androgenic-alopecai'; did you mean 'androgenic-alopecia'?\n")
        let condition = try runCatalog(["course", "scalp", "--concern", "androgenic-alopecia", "--condition", "pregnacy"])
        #expect(condition.status == 2)
        #expect(condition.stderr == "error: unknown condition 'pregnacy'; did you mean 'pregnancy'?\n")
    }

    @Test("plugins lists the four area plugins with their examples")
    func plugins() throws {
        let run = try runCatalog(["plugins"])
        #expect(run.status == 0)
        for id in ["face", "scalp", "body", "scar"] { #expect(run.stdout.contains("\n\(id): ") || run.stdout.hasPrefix("\(id): ")) }
        #expect(run.stdout.contains("  plans: acne-scars, atrophic-scars, hypertrophic-scars, keloids, stretch-marks\n"))
        #expect(run.stdout.contains("regions: arms, hands, abdomen, flanks, back, buttocks, thighs, knees (--region required)"))
        #expect(run.stdout.hasSuffix("Nothing this tool prints is medical advice: a practitioner decides.\n"))
    }
}
