import Foundation
import Testing

/// Catalogue strings never drive the user's terminal: `show` and `query` print their control
/// characters escaped, as diagnostics do.
@Suite("terminal output: control characters escaped", .serialized)
struct TerminalSafetyTests {
    static let preparation = """
        id: ctl
        name: "Bad \\e]0;title\\a name \\e[2J"
        summary: "x\\u0007y"
        ingredients: ["a\\u001bb"]
        regions: [face]
        indications: [dehydration]
        techniques: [nappage]
        depth: 1 mm
        residence: 1 day
        protocol: [{phase: a, sessions: 1}]
        notes: "n\\u0000o\\u009bte"
        sources: [x]
        x-tag: "\\e[31mred"

        """

    @Test("a tab typed in a word comes back escaped in a one-line error (outside review)")
    func tabInAnErrorLine() throws {
        let allergy = try runCatalog(["course", "face", "--concern", "dehydration", "--allergy", "sodium\thyaluronate",
                                      "--start", "2026-01-05"])
        #expect(allergy.status == 2)
        #expect(allergy.stderr == "error: the allergy 'sodium\\thyaluronate' holds a control character, which no ingredient's name has: type the allergy without it\n")
        let patient = try runCatalog(["course", "face", "--concern", "dehydration", "--patient", "Patient/1\t2", "--format", "fhir",
                                      "--start", "2026-01-05"])
        #expect(patient.status == 2)
        #expect(!patient.stderr.contains("\t") && patient.stderr.contains("'Patient/1\\t2'"))
    }

    @Test("show and query print no raw control character")
    func escaped() throws {
        let catalogue = try makeCatalogue(["ctl.yaml": Self.preparation])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let show = try runCatalog(["show", "ctl", "--catalogue", catalogue.path])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Name:              Bad \\u{1B}]0;title\\u{7} name \\u{1B}[2J\n"))
        #expect(show.stdout.contains("Notes:             n\\u{0}o\\u{9B}te\n"))
        let query = try runCatalog(["query", "--catalogue", catalogue.path])
        #expect(query.stdout.contains("Bad \\u{1B}]0;title\\u{7} name \\u{1B}[2J"))
        for output in [show.stdout, query.stdout] {
            #expect(!output.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
        }
    }

    @Test("the FHIR exports drop the control characters FHIR's string type does not allow")
    func fhir() throws {
        let catalogue = try makeCatalogue(["ctl.yaml": Self.preparation])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let show = try runCatalog(["show", "ctl", "--catalogue", catalogue.path, "--format", "fhir"])
        let course = try runCatalog(["course", "face", "--concern", "dehydration", "--start", "2026-01-05",
                                     "--catalogue", catalogue.path, "--format", "fhir"])
        #expect(show.status == 0 && course.status == 0, "\(show.stderr)\(course.stderr)")
        #expect(show.stdout.contains("\"title\": \"Bad ]0;title name [2J\""), "\(show.stdout)")
        #expect(course.stdout.contains("Bad ]0;title name [2J"), "\(course.stdout)")
        for output in [show.stdout, course.stdout] {
            // JSON writes a control character as an escape: none below U+0020 but \t, \n, \r.
            #expect(output.firstMatch(of: /\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u00[89][0-9a-fA-F]/) == nil)
        }
    }

    // Outside review: U+FFFE and U+FFFF are not characters to XML 1.0, and a name holding them
    // made the narrative's XHTML ill-formed.
    @Test("the FHIR exports drop U+FFFE and U+FFFF, which XML does not allow")
    func fhirNoncharacters() throws {
        let text = Self.preparation.replacingOccurrences(of: "name: ", with: "name: \"Non\\uFFFEchar\\uFFFFs\" # ")
        let catalogue = try makeCatalogue(["nc.yaml": text])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let show = try runCatalog(["show", "ctl", "--catalogue", catalogue.path, "--format", "fhir"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("\"title\": \"Nonchars\""), "\(show.stdout.prefix(600))")
        #expect(!show.stdout.unicodeScalars.contains { $0.value == 0xFFFE || $0.value == 0xFFFF })
    }

    // Outside review: a name of 1.2 million characters (within the 16 MiB file limit) went
    // into FHIR strings as is; R4 caps a string at 1024*1024 characters.
    @Test("a FHIR string is cut at 1024*1024 characters, saying how much more there was")
    func fhirLongString() throws {
        let long = String(repeating: "é", count: 1_200_000)
        let text = Self.preparation.replacingOccurrences(of: "name: ", with: "name: \(long) # ")
        let catalogue = try makeCatalogue(["long.yaml": text])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let show = try runCatalog(["show", "ctl", "--catalogue", catalogue.path, "--format", "fhir"])
        #expect(show.status == 0, "\(show.stderr.prefix(300))")
        let title = try #require(show.stdout.firstMatch(of: /"title": "(é+… \[cut: (\d+) more characters\])"/))
        #expect(title.1.unicodeScalars.count == 1 << 20)
        #expect(Int(title.2).map { $0 + title.1.unicodeScalars.filter { $0 == "é" }.count } == 1_200_000)  // kept and cut
    }
}

/// Bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) reorder what a terminal
/// shows, so that a name could read as another ("Trojan Source"): they are printed escaped like
/// the control characters, in tables, diagnostics and messages quoting what was typed.
@Suite("terminal output: bidirectional overrides escaped", .serialized)
struct BidiOverrideTests {
    static let preparation = """
        id: rlo
        name: "Lidocaine \\u202Eenon\\u202C free \\u2067x\\u2069"
        summary: "\\u200Fmark kept\\u200E"
        ingredients: ["a"]
        regions: [face]
        indications: [dehydration]
        techniques: [nappage]
        depth: 1 mm
        residence: 1 day
        protocol: [{phase: a, sessions: 1}]
        sources: [x]

        """

    static func hasOverride(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
    }

    @Test("show, query and a diagnostic print the overrides escaped; direction marks stay")
    func escaped() throws {
        let catalogue = try makeCatalogue(["rlo.yaml": Self.preparation])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let show = try runCatalog(["show", "rlo", "--catalogue", catalogue.path])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Name:              Lidocaine \\u{202E}enon\\u{202C} free \\u{2067}x\\u{2069}\n"))
        #expect(show.stdout.contains("Summary:           \u{200F}mark kept\u{200E}\n"))
        let query = try runCatalog(["query", "--catalogue", catalogue.path])
        #expect(query.stdout.contains("Lidocaine \\u{202E}enon\\u{202C} free"))
        let typed = try runCatalog(["query", "--area", "fa\u{202E}ce", "--catalogue", catalogue.path])
        #expect(typed.status == 2)
        #expect(typed.stderr.contains("'fa\\u{202E}ce'"), "\(typed.stderr)")
        for output in [show.stdout, query.stdout, typed.stderr] { #expect(!Self.hasOverride(output)) }
    }

    @Test("a diagnostic quoting a value, and its source line, carry no override")
    func diagnostic() throws {
        let catalogue = try makeCatalogue(["rlo.yaml": Self.preparation.replacingOccurrences(
            of: "regions: [face]", with: "regions: [fa\u{202E}ce]")])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let run = try runCatalog(["validate", "--catalogue", catalogue.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("'fa\\u{202E}ce'"), "\(run.stdout)")
        #expect(!Self.hasOverride(run.stdout))
    }

    @Test("JSON, YAML and diff write the overrides as escapes that read back as the same text")
    func formats() throws {
        let catalogue = try makeCatalogue(["rlo.yaml": Self.preparation])
        let old = try makeCatalogue(["rlo.yaml": Self.preparation.replacingOccurrences(of: "\\u202Eenon\\u202C", with: "none")])
        defer { for url in [catalogue, old] { try? FileManager.default.removeItem(at: url) } }
        let json = try runCatalog(["show", "rlo", "--catalogue", catalogue.path, "--format", "json"])
        #expect(json.stdout.contains("\"name\": \"Lidocaine \\u202eenon\\u202c free \\u2067x\\u2069\""))
        let yaml = try runCatalog(["show", "rlo", "--catalogue", catalogue.path, "--format", "yaml"])
        #expect(yaml.stdout.contains("name: \"Lidocaine \\u202Eenon\\u202C free \\u2067x\\u2069\"\n"))
        #expect(yaml.stdout.contains("summary: \u{200F}mark kept\u{200E}\n"), "direction marks stay")
        let diff = try runCatalog(["diff", old.path, catalogue.path])
        #expect(diff.stdout.contains("  name: \"Lidocaine none free \\u2067x\\u2069\" -> \"Lidocaine \\u202eenon\\u202c free \\u2067x\\u2069\"\n"), "\(diff.stdout)")
        for output in [json.stdout, yaml.stdout, diff.stdout] { #expect(!Self.hasOverride(output)) }
    }
}

/// Wrapping a very long word for a narrow terminal measures it once (it was measured again for
/// every line it was cut into: a 256 KiB name took 13 s).
@Suite("terminal output: long words", .serialized)
struct LongWordTests {
    @Test("a 256 KiB name wraps for an 80-column terminal in a bounded time")
    func longName() throws {
        let name = String(repeating: "x", count: 262_144)
        let catalogue = try makeCatalogue(["long.yaml": """
            id: long
            name: \(name)
            ingredients: [glycerol]
            regions: [face]
            indications: [dehydration]
            techniques: [nappage]
            depth: 1 mm
            residence: 1 day
            protocol: [{phase: a, sessions: 1}]
            sources: [x]

            """])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let start = ContinuousClock.now
        let run = try runCatalog(["show", "long", "--catalogue", catalogue.path], environment: ["COLUMNS": "80"])
        let elapsed = ContinuousClock.now - start
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").count == 4307)
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }
}

/// Colour follows the usual conventions (`--color`, `FORCE_COLOR`, `NO_COLOR` only when not
/// empty, `TERM=dumb`).
@Suite("terminal output: colour conventions", .serialized)
struct ColourTests {
    static let bold = "\u{1B}[1m"

    @Test("--color always and FORCE_COLOR colour a pipe; --color never and NO_COLOR do not")
    func conventions() throws {
        #expect(try runCatalog(["query", "--area", "scalp", "--color", "always"]).stdout.contains(Self.bold))
        #expect(try runCatalog(["query", "--area", "scalp"], environment: ["FORCE_COLOR": "1"]).stdout.contains(Self.bold))
        #expect(try !runCatalog(["query", "--area", "scalp"], environment: ["FORCE_COLOR": "0"]).stdout.contains(Self.bold))
        #expect(try !runCatalogOnTerminal(["query", "--area", "scalp", "--color", "never"], columns: 100).contains(Self.bold))
        #expect(try !runCatalogOnTerminal(["query", "--area", "scalp"], columns: 100, environment: ["TERM": "dumb"]).contains(Self.bold))
        #expect(try runCatalogOnTerminal(["query", "--area", "scalp"], columns: 100, environment: ["NO_COLOR": ""]).contains(Self.bold))
        #expect(try !runCatalogOnTerminal(["query", "--area", "scalp"], columns: 100, environment: ["NO_COLOR": "1"]).contains(Self.bold))
    }
}
