@testable import CatalogCLI
import Foundation
import Testing

/// An outside review against the contract (CATALOGUE-FORMAT.md 1.1) and the README alone: failing
/// tests that pin the expected behaviour; no fixes here.
let reviewOutsiderFixtures = packageRoot.appendingPathComponent("Tests/CatalogCLITests/Fixtures/review-outsider").path

@Suite("outside review")
struct ReviewOutsiderTests {
    static let hostileVocabulary = "\(reviewOutsiderFixtures)/hostile-vocabulary"

    /// A scratch folder whose name holds `name`, removed by the caller.
    func scratch(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("review-outsider-\(UUID().uuidString)")
            .appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    // Contract section 2: `summary` is a one-line string. README ("The format in short"): lines are
    // counted as libyaml counts them, NEL, U+2028 and U+2029 ending a line too; docs section 11 refuses
    // a line break inside a summary. A summary holding one of these is two lines, yet it is accepted
    // (a CR, LF or a literal block is refused, at 13:10, as expected).
    @Test("validate: a summary holding NEL, U+2028 or U+2029 is not one line",
          arguments: ["nel", "ls", "ps"])
    func summaryWithUnicodeLineBreak(kind: String) throws {
        let file = "\(reviewOutsiderFixtures)/summary-breaks/summary-\(kind).yaml"
        let run = try runCatalog(["validate", file])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("\(file):13:10: error: 'summary' must be one line; put longer text in 'notes'\n"))
        let json = try runCatalog(["validate", file, "--format", "json"])
        #expect(json.stdout.contains("\"code\": \"not-one-line\""))
    }

    // README ("Looking things up", --format table): "Catalogue text is printed with its control
    // characters escaped (`\u{1B}`), never raw: a catalogue cannot drive the terminal". The course
    // table's header prints the concern's vocabulary description with its ESC and BEL raw: the
    // fixture's OSC sequence sets the terminal's title.
    @Test("course: the concern's description in the table header is printed escaped, never raw")
    func courseEscapesTheConcernDescription() throws {
        let run = try runCatalog(["course", "face", "--concern", "evil-ind", "--start", "2026-01-05",
                                  "--catalogue", Self.hostileVocabulary])
        #expect(run.status == 0)
        #expect(!run.stdout.contains("\u{1B}"))
        #expect(!run.stdout.contains("\u{7}"))
        #expect(run.stdout.contains("Plugin: face; concern: evil-ind (Evil \\u{1B}]0;title\\u{7} description)\n"))
    }

    // The same README sentence: escaped as `\u{1B}`. The course table drops the control characters of
    // the catalogue's name instead (`Catalogue: Clinic [2J 1`), where show, query and vocabulary escape
    // them; nothing raw reaches the terminal, so only the spelling differs from the README's.
    @Test("course: control characters in the catalogue's name are escaped as in query and show")
    func courseEscapesTheCatalogueName() throws {
        let run = try runCatalog(["course", "face", "--concern", "evil-ind", "--start", "2026-01-05",
                                  "--catalogue", Self.hostileVocabulary])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Catalogue: Clinic \\u{1B}[2J 1\n"))
    }

    // README: "Catalogue text is printed with its control characters escaped (`\u{1B}`), never raw:
    // a catalogue cannot drive the terminal, and neither can a value typed on the command line".
    // `add` prints the file named on the command line and the catalogue's path raw in its
    // `added ID: PATH (from FILE)` line and its count line (`add --replace` escapes the first).
    @Test("add: the file and catalogue paths it prints are escaped, never raw")
    func addEscapesItsPaths() throws {
        let folder = try scratch("cat\u{1B}[1m")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let preparations = folder.appendingPathComponent("preparations/face")
        try FileManager.default.createDirectory(at: preparations, withIntermediateDirectories: true)
        try preparation("a").write(to: preparations.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        let file = folder.deletingLastPathComponent().appendingPathComponent("new\u{1B}[2J.yaml")
        try preparation("b").write(to: file, atomically: true, encoding: .utf8)

        let run = try runCatalog(["add", "--catalogue", folder.path, file.path])
        #expect(run.status == 0)
        #expect(FileManager.default.fileExists(atPath: preparations.appendingPathComponent("b.yaml").path))
        #expect(!run.stdout.contains("\u{1B}"), "\(run.stdout.debugDescription)")
        #expect(!run.stderr.contains("\u{1B}"), "\(run.stderr.debugDescription)")
        let base = folder.deletingLastPathComponent().path
        #expect(run.stdout.contains("added b: \(base)/cat\\u{1B}[1m/preparations/face/b.yaml (from \(base)/new\\u{1B}[2J.yaml)\n"))
        #expect(run.stdout.contains("\(base)/cat\\u{1B}[1m: 2 preparations in 2 files: 0 errors, 0 warnings\n"))
    }

    // Contract 2.6 (dose: points × per-point summed over regions) and the project's rule that hostile
    // input never crashes. A valid catalogue (validate: 0 errors) whose per-point volume is 10^150 ml
    // crashes `course` with a surface of 100 cm² (25-100 points): "Fatal error: Range requires
    // lowerBound <= upperBound" in SessionDose.init (Planning/Dose.swift:69), exit 132 (SIGILL), in every
    // format; with 1 cm² (one point) it plans. From about 10^126 ml a point on. Run as a process: in
    // process the trap would end the test runner.
    // The same trap with a spacing of 1e-70 cm (from about 1e-65 cm on): README ("Dose") says "a
    // region's points stop at 10^15 (a catalogue may give any spacing)".
    @Test("course: a valid catalogue's huge per-point volume or tiny spacing is planned, never a crash",
          arguments: ["huge-dose", "tiny-spacing"])
    func hugeDoseDoesNotCrash(fixture: String) throws {
        let catalogue = "\(reviewOutsiderFixtures)/\(fixture)"
        let validate = try runCatalog(["validate", catalogue])
        #expect(validate.status == 0)
        for format in ["table", "json"] {
            let run = try runCatalogProcess(["course", "face", "--concern", "dehydration", "--region", "face:100cm2",
                                             "--start", "2026-01-05", "--catalogue", catalogue, "--format", format])
            #expect(run.status == 0, "\(format): \(run.stderr.prefix(300))")
            #expect(!run.stderr.contains("Fatal error"), "\(format)")
        }
    }

    // README ("How a course is planned", Months): "an interval whose two bounds are whole numbers of
    // months (`1-2 months`) is added as calendar months, keeping the day of the month"; contract
    // section 6: every later session lies within its phase's interval of the one before. With
    // `1-200000 months` the second session after 2026-01-05 is planned on 2026-02-04 (30 days, a
    // month counted as 30.44 days), one day before a calendar month has passed; `1-119987 months`
    // (whose end stays within 9999-12-31) gives 2026-02-05. The upper bound's size changes where
    // the lower bound puts the session.
    @Test("course: a whole-month interval is added as calendar months whatever its upper bound")
    func wholeMonthIntervalWithAFarUpperBound() throws {
        let run = try runCatalog(["course", "face", "--concern", "dehydration", "--start", "2026-01-05",
                                  "--catalogue", "\(reviewOutsiderFixtures)/long-month-interval", "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let sessions = try #require(object["sessions"] as? [[String: Any]])
        #expect(sessions.count == 2)
        #expect(sessions.last?["date"] as? String == "2026-02-05")
        #expect(sessions.last?["earliest"] as? String == "2026-02-05")
        #expect(sessions.last?["latest"] as? String == "9999-12-31")
    }

    // README ("Limits", Diagnostics kept): "at most 1,000 of one file and 10,000 in all; the first
    // ones of each file are kept exactly, the rest counted", validate's JSON giving an `omitted`
    // array. Duplicate ids escape both caps: a file of 1,100 copies of one preparation lists all
    // 1,099 `duplicate-id` errors and no `omitted` (a folder of 13 such files listed 17,399).
    @Test("validate: duplicate ids count against the 1,000 diagnostics kept of one file")
    func duplicateIDsAreCapped() throws {
        let text = Array(repeating: preparation("twice"), count: 1100).joined(separator: "---\n")
        let catalogue = try makeCatalogue(["face/bulk.yaml": text])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let run = try runCatalog(["validate", catalogue.path, "--format", "json"])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 1099)
        #expect((object["diagnostics"] as? [Any])?.count == 1000)
        let omitted = object["omitted"] as? [[String: Any]]
        #expect(omitted?.count == 1)
        #expect(omitted?.first?["errors"] as? Int == 99)
        let text2 = try runCatalog(["validate", catalogue.path])
        #expect(text2.stdout.contains(": note: and 99 more errors in this file (not listed)\n"))
    }

    // README ("A catalogue with broken files"): query and show answer from the sound files after a
    // warning that names the broken files; README ("The format in short"): a diagnostic is one line,
    // line breaks quoted from a file escaped. The warning escapes a CR of a file name (`\u{D}`) and
    // validate escapes its LF (`\n`), but the warning prints the LF raw: the line is cut in two.
    @Test("query and show: the warning naming a broken file stays one line when the file name holds a line break")
    func partialCatalogueWarningIsOneLine() throws {
        let catalogue = try makeCatalogue(["face/a.yaml": preparation("a"), "face/b\nc.yaml": preparation("b") + "bogus: 1\n"])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let validate = try runCatalog(["validate", catalogue.path])
        #expect(validate.stdout.hasPrefix("\(catalogue.path)/preparations/face/b\\nc.yaml:13:1: error: unknown key 'bogus'\n"))
        for arguments in [["query"], ["show", "a"]] {
            let run = try runCatalog(arguments + ["--catalogue", catalogue.path])
            #expect(run.status == 0, "\(arguments)")
            #expect(run.stderr.hasPrefix("warning: \(catalogue.path) has 1 error in 1 file ("), "\(arguments)")
            #expect(!run.stderr.contains("b\nc.yaml"), "\(arguments): \(run.stderr.debugDescription)")
            #expect(run.stderr.filter { $0 == "\n" }.count == 1, "\(arguments): \(run.stderr.debugDescription)")
        }
    }

    // The outside review's leftover: `query --catalogue ''` printed an empty catalogue path
    // (`'' has ...`). An empty path names nothing: a usage error (64) saying so, on every command.
    @Test("an empty catalogue path, PATH or FILE is a usage error, never read as a place",
          arguments: [["query", "--catalogue", ""], ["show", "x", "--catalogue", ""], ["validate", "--catalogue", ""],
                      ["course", "face", "--concern", "dehydration", "--catalogue", ""], ["validate", ""],
                      ["add", "", "--catalogue", "/nonexistent"]])
    func emptyPathIsAUsageError(arguments: [String]) throws {
        let run = try runCatalog(arguments)
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(run.stdout.isEmpty)
        let expected = arguments.first == "add" ? "Error: an empty FILE names no file: give the preparation files to add\n"
            : arguments.dropLast().last == "--catalogue" ? "error: --catalogue '' names no catalogue: give a catalogue folder, or 'bundled' for the bundled catalogue\n"
            : "error: an empty PATH names no file or folder; give a catalogue folder, a preparation file, or - for the standard input\n"
        #expect(run.stderr.hasPrefix(expected), "\(arguments): \(run.stderr)")
    }

    // The outside review's leftover: 500,000 unknown `--indication`s took 19 s; the time is
    // argument-parser's, and grows with the square of the values collected (8,000 paths: 3.7 s).
    // Past `Catalog.maximumArguments`, the command line is refused at once.
    @Test("a command line of more than 4,096 arguments is a usage error, answered at once")
    func tooManyArguments() throws {
        let many = ["query"] + Array(repeating: ["--indication", "nothing"], count: 2_048).joined()
        let run = try runCatalog(many)
        #expect(run.status == 64)
        #expect(run.stderr == "error: 4097 arguments; catalog reads at most 4096 (name a catalogue folder rather than its files, or split the list: xargs -n 4000)\n")
        // 4,096 are read (not run here: argument-parser takes seconds over them in a debug build).
        #expect(Catalog.usageProblem(["validate"] + Array(repeating: "/nonexistent.yaml", count: 4_095)) == nil)
    }

    // README: bidirectional overrides are escaped like control characters on the terminal. The
    // calendar is read by calendar programs that honour U+202E: there the override and the C1 CSI
    // are dropped with the other controls, so the name cannot show reordered.
    @Test("course --format ics: bidirectional overrides and C1 controls of a name are dropped")
    func calendarDropsBidiOverrides() throws {
        let run = try runCatalog(["course", "face", "--concern", "dehydration", "--start", "2026-01-05",
                                  "--format", "ics", "--catalogue", "\(reviewOutsiderFixtures)/bidi-name"])
        #expect(run.status == 0)
        for scalar in ["\u{202E}", "\u{202C}", "\u{9B}"] { #expect(!run.stdout.contains(scalar)) }
        #expect(run.stdout.contains("SUMMARY:Booster  lm 5  with 2J glycerol: session 1 of 1\\, induction\r\n"))
        let table = try runCatalog(["course", "face", "--concern", "dehydration", "--start", "2026-01-05",
                                    "--catalogue", "\(reviewOutsiderFixtures)/bidi-name"])
        #expect(table.stdout.hasPrefix("Course: Booster \\u{202E} lm 5 \\u{202C} with \\u{9B}2J glycerol (bidi)\n"))
    }

    // Guide: nothing raw on the terminal. A line break typed in a value was echoed as it is, so
    // `--concern $'INJ\nerror: fake'` printed a forged `error: fake` line of its own.
    @Test("a line break typed in a value is escaped in the error that quotes it",
          arguments: [["course", "face", "--concern", "INJ\nerror: fake"],
                      ["course", "face", "--concern", "dehydration", "--horizon", "1\nerror: fake"],
                      ["query", "--area", "fa\nerror: fake"],
                      ["validate", "--max-depth", "1\nerror: fake"]])
    func typedLineBreak(arguments: [String]) throws {
        let run = try runCatalog(arguments)
        #expect(run.status != 0)
        #expect(!run.stderr.contains("\nerror: fake"), "\(run.stderr)")
        #expect(run.stderr.contains("\\nerror: fake"), "\(run.stderr)")
    }

    // Outside review: `add -` said "-:1:1: error: cannot open file", as if '-' were a file name.
    @Test("add - is a usage error that says add takes files")
    func addFromStandardInput() throws {
        let run = try runCatalog(["add", "--catalogue", "\(reviewOutsiderFixtures)/hostile-vocabulary", "-"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: add takes files, not the standard input ('-'): save it to a file, check it with `catalog validate FILE`, then add that file\n"))
    }
}
