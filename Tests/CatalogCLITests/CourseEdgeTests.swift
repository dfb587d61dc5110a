import Foundation
import Testing

/// The QA pass's edge fixture of the PlanningTests target: odd names, mixed units, repeats.
let edgesFixture = packageRoot.appendingPathComponent("Tests/PlanningTests/Fixtures/edges").path

/// `catalog course` on input its authors had not seen: today's time zone, impossible dates,
/// odd names in the calendar and the table, an invalid catalogue for `plugins`.
@Suite("catalog course: edge cases", .serialized)
struct CourseEdgeTests {
    static let oddCourse = ["course", "face", "--catalogue", edgesFixture, "--concern", "dehydration",
                            "--region", "decolletage", "--start", "2026-01-05"]

    /// The `start` the json output gives for the default start, at `epoch` in time zone `tz`
    /// (a process: Foundation reads its own `TZ`).
    private func defaultStart(epoch: String, tz: String) throws -> String? {
        let run = try runCatalogProcess(["course", "face", "--concern", "dehydration", "--format", "json"],
                                        environment: ["SOURCE_DATE_EPOCH": epoch, "TZ": tz])
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return object?["start"] as? String
    }

    @Test("the default start is today in the local time zone (TZ), at SOURCE_DATE_EPOCH when set")
    func todayIsLocal() throws {
        // 2025-11-25 00:00 UTC is still the 24th in Los Angeles.
        #expect(try defaultStart(epoch: "1764028800", tz: "UTC") == "2025-11-25")
        #expect(try defaultStart(epoch: "1764028800", tz: "America/Los_Angeles") == "2025-11-24")
        // 2025-11-24 22:00 UTC is already the 25th in Sydney.
        #expect(try defaultStart(epoch: "1764021600", tz: "UTC") == "2025-11-24")
        #expect(try defaultStart(epoch: "1764021600", tz: "Australia/Sydney") == "2025-11-25")
    }

    @Test("a SOURCE_DATE_EPOCH beyond the calendar, or not a number, is ignored with a warning, never a malformed DTSTAMP",
          arguments: ["99999999999999", "yesterday", "-1"])
    func stampOutOfRange(_ epoch: String) throws {
        let run = try runCatalog(Self.oddCourse + ["--format", "ics"], environment: ["SOURCE_DATE_EPOCH": epoch])
        #expect(run.status == 0)
        #expect(run.stderr == "warning: SOURCE_DATE_EPOCH '\(epoch)' is not a whole number of seconds from 0 to 253402300799 (9999-12-31): the clock is used\n")
        let stamps = run.stdout.components(separatedBy: "\r\n").filter { $0.hasPrefix("DTSTAMP:") }
        #expect(stamps.count == 2)
        #expect(stamps.allSatisfy { $0.wholeMatch(of: /DTSTAMP:\d{8}T\d{6}Z/) != nil })
    }

    @Test("--start: a day the calendar does not have is named as such", arguments: [
        ("2026-02-30", "error: --start '2026-02-30' is not a day of the calendar: 2026-02 has no day 30\n"),
        ("2025-02-29", "error: --start '2025-02-29' is not a day of the calendar: 2025-02 has no day 29\n"),
        ("2026-13-01", "error: --start '2026-13-01' is not a day of the calendar: there is no month 13\n"),
        ("0000-01-01", "error: --start '0000-01-01' is not a day of the calendar: years run from 0001 to 9999\n"),
        ("2026-1-05", "error: --start '2026-1-05' is not a date of the form YYYY-MM-DD\n"),
        ("today", "error: --start 'today' is not a date of the form YYYY-MM-DD\n"),
    ])
    func impossibleStart(start: String, message: String) throws {
        let run = try runCatalog(["course", "face", "--concern", "dehydration", "--start", start])
        #expect(run.status == 2)
        #expect(run.stderr == message)
    }

    @Test("--horizon: negative or bare numbers are refused; 0 days plans the first pass only")
    func horizonText() throws {
        for bad in ["-1 days", "12", "1e3 days", "nan days"] {
            let run = try runCatalog(["course", "face", "--concern", "dehydration", "--start", "2026-01-05", "--horizon=\(bad)"])
            #expect(run.status == 2, "\(bad)")
            #expect(run.stderr == "error: --horizon '\(bad)' is not a duration such as '12 months', '26 weeks' or '90 days' (units: minute, hour, day, week, month, year)\n")
        }
        let zero = try runCatalog(["course", "face", "--catalogue", edgesFixture, "--concern", "laxity", "--region", "face",
                                   "--start", "2026-01-05", "--horizon", "0 days", "--format", "json"])
        #expect(zero.status == 0, "\(zero.stderr)")
        #expect(zero.stdout.contains("\"warnings\": [\n    \"phase 'pairs' repeats, but no whole pass of it falls within the horizon (2026-01-05): it is not planned\"\n  ]"))
    }

    @Test("ics: commas, semicolons, backslashes and newlines of a name escaped, control characters dropped")
    func icsEscaping() throws {
        let run = try runCatalog(Self.oddCourse + ["--format", "ics"], environment: fixedStamp)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.components(separatedBy: "\r\n")
        for line in lines {
            #expect(line.utf8.count <= 75, "\(line)")
            #expect(!line.unicodeScalars.contains { $0.value < 32 && $0 != "\t" || $0.value == 127 }, "\(line)")
        }
        let unfolded = run.stdout.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("\r\nSUMMARY:Odd\\, name\\; with \\\\ backslash and a second line bell — ß日本 😀: session 1 of 2\\, induction\r\n"))
        #expect(unfolded.contains("\\nAftercare:\\n- No make-up\\, no sauna\\; no sport\\nfor a day \\\\ really\\n- Éviter le soleil — протокол 日本語 😀\\, et les UV (for 2 weeks)\\n"))
        // Folds fall between characters: every continuation line is valid UTF-8 on its own.
        let raw = Array(run.stdout.utf8)
        var start = 0
        for (index, byte) in raw.enumerated() where byte == 10 {
            #expect(String(validating: raw[start..<index], as: UTF8.self) != nil)
            start = index + 1
        }
    }

    @Test("table: a multi-line name or instruction stays inside its item; no control character reaches the terminal")
    func tableIndents() throws {
        let run = try runCatalog(Self.oddCourse)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Course: Odd, name; with \\ backslash\n  and a second line \\u{7}bell — ß日本 😀 (odd-name)\n"))
        #expect(run.stdout.contains("\nAftercare:\n  - No make-up, no sauna; no sport\n    for a day \\ really\n  - Éviter"))
        #expect(!run.stdout.unicodeScalars.contains("\u{07}"))
    }

    @Test("a course cut at 500 sessions says so: 'complete' in json, a line under the table")
    func cutCourse() throws {
        let args = ["course", "face", "--catalogue", edgesFixture, "--concern", "laxity", "--region", "periorbital",
                    "--start", "2026-01-05"]
        let cut = try runCatalog(args + ["--horizon", "100000mo"])
        #expect(cut.status == 0, "\(cut.stderr)")
        #expect(cut.stdout.contains("""
              500  pairs (repeat 250)  2027-05-19  2027-05-18 - 2027-06-01

            Incomplete: the course was cut (see Warnings)

            Screen before each session
            """))
        #expect(cut.stdout.contains("\nWarnings:\n  - the course was cut at 500 sessions\n"))
        let json = try runCatalog(args + ["--horizon", "100000mo", "--format", "json"])
        #expect(json.stdout.contains("\n  ],\n  \"complete\": false,\n  \"dose\": null,\n  \"visits\": [],\n  \"rules\": [\n    \"periorbital-superficial-only\"\n  ],\n  \"contraindications\": []"))
        let whole = try runCatalog(args + ["--format", "json"])
        #expect(whole.stdout.contains("\n  ],\n  \"complete\": true,\n  \"dose\": null,\n  \"visits\": [],\n  \"rules\": [\n    \"periorbital-superficial-only\"\n  ],\n  \"contraindications\": []"))
        let table = try runCatalog(args)
        #expect(!table.stdout.contains("Incomplete"))
        // Every session's FHIR request says so too, as every calendar event does (an outside
        // review found the requests silent on it).
        let fhir = try runCatalog(args + ["--horizon", "100000mo", "--format", "fhir"])
        #expect(fhir.stdout.components(separatedBy: "\"text\": \"Incomplete: the course was cut at 500 sessions").count - 1 == 500)
        let ics = try runCatalog(args + ["--horizon", "100000mo", "--format", "ics"])
        #expect(ics.stdout.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\\nIncomplete: the course was cut at 500 sessions").count - 1 == 500)
    }

    @Test("without --region, every export says where the course is given, as the table does")
    func regionsWithoutRegion() throws {
        let args = ["course", "face", "--concern", "dehydration", "--start", "2026-01-05"]
        let table = try runCatalog(args)
        let line = "any region of the face plugin (the preparation's: face, neck)"
        #expect(table.stdout.contains("\nRegion: \(line)\n"))
        let ics = try runCatalog(args + ["--format", "ics"])
        #expect(ics.stdout.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\\nRegions: any region of the face plugin (the preparation's: face\\, neck)\\n").count - 1 == 3)
        let fhir = try runCatalog(args + ["--format", "fhir"])
        #expect(fhir.stdout.components(separatedBy: "\"text\": \"Regions: \(line)\"").count - 1 == 3)
    }

    @Test("plugins: an invalid catalogue is an error, not a listing without what the plugins plan")
    func pluginsInvalidCatalogue() throws {
        let missing = packageRoot.appendingPathComponent("Tests/PlanningTests/Fixtures/no-such-catalogue").path
        let run = try runCatalog(["plugins", "--catalogue", missing])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == "\(missing):1:1: error: no catalogue folder here\nerror: \(missing) has 1 error; `catalog validate` lists them\n")
        let other = try runCatalog(["plugins", "--catalogue", edgesFixture])
        #expect(other.status == 0)
        #expect(other.stdout.contains("\nscar: Scar and stretch-mark courses, in any region\n  regions: "))
        #expect(other.stdout.contains("  plans: nothing in this catalogue\n"))
        #expect(other.stdout.contains("  example (on the bundled catalogue): Keloids"))
    }

    // Outside review: at the calendar's end, DTEND equalled DTSTART (RFC 5545 3.8.2.2 wants it
    // later) and visits were dated 9999-12-31, the day date arithmetic stops at, not theirs.
    @Test("at 9999-12-31: no DTEND on the last day, and visits beyond the calendar left out with a warning")
    func endOfTheCalendar() throws {
        let ics = try runCatalog(["course", "face", "--concern", "dehydration", "--start", "9999-12-31", "--format", "ics"])
        #expect(ics.status == 0)
        #expect(ics.stdout.contains("DTSTART;VALUE=DATE:99991231\r\n"))
        #expect(!ics.stdout.contains("DTEND"))
        let json = try runCatalog(["course", "scalp", "--concern", "androgenic-alopecia", "--start", "9999-11-01", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let visits = try #require(object["visits"] as? [[String: Any]])
        #expect(!visits.contains { $0["date"] as? String == "9999-12-31" })
        let warnings = try #require(object["warnings"] as? [String])
        #expect(warnings.contains { $0.hasPrefix("2 visits (assessment: ") && $0.hasSuffix(
            ") would fall on or after 9999-12-31, the last day the calendar holds: left out; plan them by hand") })
    }

    @Test("a horizon longer than the calendar is refused, exit 2, rather than printed as inf days")
    func horizonBeyondTheCalendar() throws {
        for horizon in ["10001 years", "120013 months", String(repeating: "9", count: 400) + " days"] {
            let run = try runCatalog(["course", "face", "--concern", "dehydration", "--horizon", horizon])
            #expect(run.status == 2)
            #expect(run.stderr == "error: --horizon '\(horizon)' is longer than the calendar holds: give at most 10000 years\n")
        }
        #expect(try runCatalog(["course", "face", "--concern", "dehydration", "--horizon", "10000 years"]).status == 0)
    }

    // Outside re-check: the hints for words written for another reached catalogue files only;
    // the command line still suggested 'scalp' for `scar`, 'epidermal' for `subdermal`.
    @Test("the command line gives the same hints as catalogue files for words written for another")
    func commandLineSlips() throws {
        let region = try runCatalog(["course", "scar", "--concern", "keloids", "--region", "scar"])
        #expect(region.status == 2)
        #expect(region.stderr.hasPrefix("error: unknown region 'scar'; scars are not a region (format section 3)"), "\(region.stderr)")
        let technique = try runCatalog(["query", "--technique", "subdermal"])
        #expect(technique.stderr.hasPrefix("error: unknown technique 'subdermal'; did you mean 'subcutaneous' (4-13 mm)?"), "\(technique.stderr)")
        let concern = try runCatalog(["course", "face", "--concern", "face"])
        #expect(concern.stderr.hasPrefix("error: unknown concern 'face'; 'face' is a region, not an indication"), "\(concern.stderr)")
    }
}
