import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The clinic fixture catalogue of the library's client tests: one nobody wrote the CLI for.
let clinicCatalogue = packageRoot.appendingPathComponent("Tests/RegistryClientTests/Fixtures/clinic").path

/// Runs `catalog` with its standard output on a pseudo-terminal `columns` wide; returns what
/// it printed there.
func runCatalogOnTerminal(_ arguments: [String], columns: UInt16, environment: [String: String?] = [:]) throws -> String {
    let executable = try #require(catalogExecutable)
    var master: Int32 = 0, slave: Int32 = 0
    var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    #expect(openpty(&master, &slave, nil, nil, &size) == 0)
    defer { close(master) }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["CATALOGUE_PATH"] = nil
    env["NO_COLOR"] = nil
    env["COLUMNS"] = nil
    env["FORCE_COLOR"] = nil
    env["TERM"] = "xterm-256color"  // a terminal that shows colour, whatever the one running the tests
    for (key, value) in environment { env[key] = value }
    process.environment = env
    process.standardOutput = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    close(slave)
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = read(master, &buffer, buffer.count)
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
}

@Suite("catalog query and show", .serialized)
struct QueryCommandTests {
    @Test("query --area face lists the face preparations in a table, from any working directory")
    func areaFace() throws {
        let run = try runCatalogProcess(["query", "--area", "face"], in: FileManager.default.temporaryDirectory)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("ID ") == true)
        #expect(lines.first?.contains("SESSIONS") == true)
        #expect(lines.contains { $0.hasPrefix("noncrosslinked-ha-hydration ") })
        #expect(!lines.contains { $0.hasPrefix("prp-scalp") })
        #expect(lines.suffix(2) == ["10 preparations", ""])
        #expect(!run.stdout.contains("\u{1B}["), "no colour when not on a terminal")
    }

    @Test("each filter, on a catalogue of its own")
    func filters() throws {
        func found(_ arguments: [String]) throws -> [String] {
            let run = try runCatalog(["query", "--catalogue", clinicCatalogue, "--format", "json"] + arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            let array = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
            return array.compactMap { $0["id"] as? String }
        }
        #expect(try found([]) == ["eclat-glow", "old-body-fat", "scalp-plain"])
        #expect(try found(["--area", "face"]) == ["eclat-glow"])
        #expect(try found(["--region", "abdomen", "--region", "scalp"]) == ["old-body-fat", "scalp-plain"])
        #expect(try found(["--indication", "androgenic-alopecia"]) == ["scalp-plain"])
        #expect(try found(["--ingredient", "Phosphatidylcholine"]) == ["old-body-fat"])
        #expect(try found(["--ingredient", "vitamin"]) == ["eclat-glow"])
        #expect(try found(["--technique", "point-by-point"]) == ["scalp-plain"])
        #expect(try found(["--text", "eclat"]) == ["eclat-glow"])
        #expect(try found(["--condition", "pregnancy"]) == ["scalp-plain"])
        #expect(try found(["--area", "face", "--technique", "subcutaneous"]) == [])
    }

    @Test("unknown values exit non-zero with the nearest known word")
    func unknown() throws {
        let region = try runCatalog(["query", "--region", "elbow"])
        #expect(region.status == 2)
        #expect(region.stdout.isEmpty)
        #expect(region.stderr == "error: unknown region 'elbow'; known regions: face, periorbital, submental, neck, decolletage, scalp, arms, hands, abdomen, flanks, back, buttocks, thighs, knees\n")
        let several = try runCatalog(["query", "--region", "nek", "--technique", "napage", "--indication", "dehydratoin"])
        #expect(several.status == 2)
        #expect(several.stderr == """
            error: unknown region 'nek'; did you mean 'neck'?
            error: unknown technique 'napage'; did you mean 'nappage'?
            error: unknown indication 'dehydratoin'; did you mean 'dehydration'?

            """)
        let show = try runCatalog(["show", "noncrosslinked-ha-hydratoin"])
        #expect(show.status == 2)
        #expect(show.stderr == "error: no preparation 'noncrosslinked-ha-hydratoin' in the catalogue; did you mean 'noncrosslinked-ha-hydration'?\n")
        let clinic = try runCatalog(["show", "eclat-glwo", "--catalogue", clinicCatalogue])
        #expect(clinic.stderr == "error: no preparation 'eclat-glwo' in the catalogue; did you mean 'eclat-glow'?\n")
    }

    @Test("--format json prints the same bytes every run; show prints one object")
    func json() throws {
        let first = try runCatalog(["query", "--format", "json"])
        let second = try runCatalog(["query", "--format", "json"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.hasPrefix("[\n  {\n    \"id\": \"atrophic-scar-ha-amino-acid\",\n"))
        let show = try runCatalog(["show", "eclat-glow", "--catalogue", clinicCatalogue, "--format", "json"])
        let expected = try String(contentsOf: packageRoot.appendingPathComponent("Tests/RegistryClientTests/Fixtures/eclat-glow.json"), encoding: .utf8)
        #expect(show.stdout == expected)
        let deprecated = try runCatalog(["show", "phosphatidylcholine-multicomponent-lipolysis", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(deprecated.stdout.utf8)) as? [String: Any])
        let mark = try #require(object["deprecated"] as? [String: Any])
        #expect(mark["replaced-by"] as? String == "phosphatidylcholine-deoxycholate-lipolysis")
    }

    @Test("--format yaml prints catalogue documents that validate")
    func yaml() throws {
        let run = try runCatalog(["query", "--catalogue", clinicCatalogue, "--format", "yaml"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("id: eclat-glow\nname: Éclat glow cocktail\n"))
        #expect(run.stdout.contains("\n---\nid: old-body-fat\n"))
        #expect(run.stdout.contains("  since: \"2025-06-01\"\n"))
        let root = try makeCatalogue(["all.yaml": run.stdout])
        defer { try? FileManager.default.removeItem(at: root) }
        let check = try runCatalog(["validate", root.path])
        #expect(check.status == 0, "\(check.stdout)")
        let again = try runCatalog(["query", "--catalogue", root.path, "--format", "yaml"])
        #expect(again.stdout == run.stdout)
        let empty = try runCatalog(["query", "--area", "scalp", "--technique", "subcutaneous", "--format", "yaml"])
        #expect(empty.status == 0)
        #expect(empty.stdout == "")
    }

    @Test("show prints the whole entry; deprecated entries are marked")
    func show() throws {
        let run = try runCatalog(["show", "phosphatidylcholine-multicomponent-lipolysis"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "phosphatidylcholine-multicomponent-lipolysis (deprecated)")
        #expect(lines.contains { $0.hasPrefix("Status:            DEPRECATED since 2025-06-01: ") })
        #expect(lines.contains("Depth:             4-13 mm"))
        #expect(lines.contains("Protocol:          1. treatment: 4-6 sessions, 2-3 weeks apart"))
        let query = try runCatalog(["query", "--area", "body"])
        #expect(query.stdout.contains("(older multi-component formula) (deprecated)"))
        #expect(query.stdout.hasSuffix("10 preparations (1 deprecated)\n"))
    }

    @Test("show prints dosing on one line after the session time, and nothing for a preparation without it")
    func showDosing() throws {
        let clinic = try runCatalog(["show", "eclat-glow", "--catalogue", clinicCatalogue])
        #expect(clinic.status == 0, "\(clinic.stderr)")
        let lines = clinic.stdout.split(separator: "\n").map(String.init)
        let time = try #require(lines.firstIndex { $0.hasPrefix("Session time:") })
        #expect(lines[time + 1] == "Dosing:            0.02-0.05 ml a point, points 5 mm - 1 cm apart, at most 2 ml a session")
        let bundled = try runCatalog(["show", "deoxycholic-acid-submental"])
        #expect(bundled.stdout.contains("\nDosing:            0.2 ml a point, points 1 cm apart, at most 10 ml a session\n"))
        let without = try runCatalog(["show", "scalp-plain", "--catalogue", clinicCatalogue])
        #expect(without.status == 0)
        #expect(!without.stdout.contains("Dosing:"))
    }

    @Test("on a terminal: columns fit its width, colour unless NO_COLOR is set")
    func terminal() throws {
        let narrow = try runCatalogOnTerminal(["query", "--area", "face"], columns: 100)
        #expect(narrow.contains("\u{1B}[1mID"))
        let plain = narrow.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
        for line in plain.split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
        #expect(plain.contains("noncrosslinked-ha-hydration"))
        let noColour = try runCatalogOnTerminal(["query", "--area", "face"], columns: 100, environment: ["NO_COLOR": "1"])
        #expect(!noColour.contains("\u{1B}["))
        #expect(noColour == plain)
        let wide = try runCatalog(["query", "--area", "face"], environment: ["COLUMNS": "70"])
        for line in wide.stdout.split(separator: "\n") { #expect(line.count <= 70, "\(line)") }
    }

    @Test("query and show take a relative CATALOGUE_PATH, and --catalogue before it; a catalogue without catalogue.yaml")
    func cataloguePath() throws {
        let fixtures = packageRoot.appendingPathComponent("Tests/RegistryClientTests/Fixtures")
        let env = try runCatalogProcess(["query", "--text", "spaced"], environment: ["CATALOGUE_PATH": "awkward"], in: fixtures)
        #expect(env.status == 0, "\(env.stderr)")
        #expect(env.stdout.hasPrefix("ID ") && env.stdout.contains("\nawkward-long ") && env.stdout.hasSuffix("\n1 preparation\n"))
        let option = try runCatalogProcess(["show", "cjk", "--catalogue", "wide", "--format", "json"], environment: ["CATALOGUE_PATH": "awkward"], in: fixtures)
        #expect(option.status == 0, "\(option.stderr)")
        #expect(option.stdout.hasPrefix("{\n  \"id\": \"cjk\",\n  \"name\": \"中文名字的制剂\",\n"))
        let unknown = try runCatalogProcess(["query", "--indication", "dehydratoin"], environment: ["CATALOGUE_PATH": "awkward"], in: fixtures)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: unknown indication 'dehydratoin'; did you mean 'dehydration'?\n", "the bundled vocabulary")
    }

    @Test("wide characters (CJK, emoji) count as two columns, so the columns stay aligned")
    func wideCharacters() throws {
        let wide = packageRoot.appendingPathComponent("Tests/RegistryClientTests/Fixtures/wide").path
        let run = try runCatalog(["query", "--catalogue", wide])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            ID     NAME            REGIONS  TECHNIQUES  DEPTH  SESSIONS
            cjk    中文名字的制剂  face     nappage     1 mm   1
            latin  Émoji 😀 name   face     nappage     1 mm   1

            2 preparations

            """)
        let narrow = try runCatalog(["query", "--catalogue", wide], environment: ["COLUMNS": "24"])
        let lines = narrow.stdout.split(separator: "\n").map(String.init)
        let cjk = try #require(lines.firstIndex { $0.hasPrefix("cjk") })
        #expect(Array(lines[cjk ..< cjk + 3]) == ["cjk    中文  face  napp  1 mm  1", "       名字        age", "       的制"])
    }

    @Test("a narrow terminal: query and show fit 40 columns, list items in show included")
    func narrow() throws {
        for arguments in [["query"], ["show", "prp-scalp"], ["show", "hair-revitalising-cocktail"]] {
            let run = try runCatalog(arguments, environment: ["COLUMNS": "40"])
            #expect(run.status == 0)
            for line in run.stdout.split(separator: "\n") { #expect(line.count <= 40, "\(arguments): \(line)") }
        }
        let extensions = try runCatalog(["show", "awkward-long", "--catalogue",
                                         packageRoot.appendingPathComponent("Tests/RegistryClientTests/Fixtures/awkward").path],
                                        environment: ["COLUMNS": "40"])
        for line in extensions.stdout.split(separator: "\n") { #expect(line.count <= 40, "\(line)") }
        #expect(extensions.stdout.hasSuffix("""
            x-a-rather-long-extension-key:
                               some value that is
                               long enough to wrap
                               on a narrow terminal

            """), "a label too long for its column has a line of its own")
        let show = try runCatalog(["show", "prp-scalp"], environment: ["COLUMNS": "40"])
        let lines = show.stdout.split(separator: "\n").map(String.init)
        let sideEffects = try #require(lines.firstIndex { $0.hasPrefix("Side effects:") })
        #expect(lines[sideEffects].dropFirst(19).hasPrefix("- "))
        #expect(lines[sideEffects + 1].hasPrefix(String(repeating: " ", count: 21)), "a wrapped item is indented under its text")
    }
}

@Suite("catalog query: regions written with their accents")
struct RegionAccentTests {
    @Test("'décolletage', as catalog plugins writes it, is the region decolletage")
    func accented() throws {
        let plain = try runCatalog(["query", "--region", "decolletage"])
        let accented = try runCatalog(["query", "--region", "Décolletage"])
        #expect(plain.status == 0 && accented.status == 0, "\(accented.stderr)")
        #expect(accented.stdout == plain.stdout)
        let course = try runCatalog(["course", "face", "--concern", "laxity", "--region", "décolletage", "--start", "2026-01-05"])
        #expect(course.status != 2, "\(course.stderr)")
    }
}
