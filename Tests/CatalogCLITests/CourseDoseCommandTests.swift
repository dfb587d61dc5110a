import Foundation
import Testing

/// `catalog course` with several regions, surfaces, doses and visits (format 1.1).
@Suite("catalog course: regions, doses and visits", .serialized)
struct CourseDoseCommandTests {
    @Test("json: the dose of each region and of the session, exactly as section 6 shapes it")
    func doseJSON() throws {
        let run = try runCatalog(["course", "face", "--concern", "double-chin", "--region", "Submental:60cm2",
                                  "--start", "2026-01-05", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
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
        #expect(object["rules"] as? [String] == ["submental-jaw-line"])
        #expect((object["warnings"] as? [String])?.first == "the session could take up to 12 ml, more than the 10 ml one session may take: one session may cover at most 50 cm² (50 points of 0.2 ml, 1 cm apart)")
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

    @Test("plugins lists each rule with its rationale and source")
    func pluginsRules() throws {
        let run = try runCatalog(["plugins"])
        #expect(run.stdout.contains("  rule body-infection-follow-up: Non-tuberculous mycobacterial infection"))
        #expect(run.stdout.contains("    source: Kybella (deoxycholic acid) US prescribing information\n"))
        #expect(run.stdout.contains("    catalog course body --concern localized-fat --region abdomen:400cm2 --region flanks:300cm2 --start 2026-03-02\n"))
    }
}
