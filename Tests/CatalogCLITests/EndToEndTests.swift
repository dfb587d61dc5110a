import Foundation
import Testing

/// The built binary, once for each subcommand and for what `main` and argument-parser do
/// around them (`--version`, help, usage errors, an unknown subcommand, a repeated option):
/// each smoke run exits as expected and prints, byte for byte, what the same command prints
/// run in process. That agreement is what lets the other suites run their commands in process
/// (``runCatalog(_:environment:)``); the suites that need a process (strace fault injection,
/// signals and concurrent adds, terminals, shell completion, working directories, `TZ`) run
/// the binary themselves.
@Suite("the binary, once per subcommand, agrees with the in-process runs", .serialized)
struct EndToEndTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var environment: [String: String] = [:]
        var status: Int32
        var testDescription: String { (environment.map { "\($0)=\($1) " }.sorted().joined()) + arguments.joined(separator: " ") }
    }

    static let clinical = packageRoot.appendingPathComponent("Tests/PreparationRegistryTests/Fixtures/diff/clinical").path
    static let epoch = ["SOURCE_DATE_EPOCH": "1764028800"]

    static let cases: [Case] = [
        Case(arguments: ["--version"], status: 0),
        Case(arguments: ["--help"], status: 0),
        Case(arguments: ["help", "course"], status: 0),
        Case(arguments: ["query", "--help"], environment: ["COLUMNS": "60"], status: 0),
        Case(arguments: ["querry"], status: 64),
        Case(arguments: ["course", "face", "--concern", "a", "--concern", "b"], status: 64),
        Case(arguments: ["course", "face"], status: 64),
        Case(arguments: ["query", "--format", "xml"], status: 64),
        Case(arguments: ["validate"], status: 0),
        Case(arguments: ["validate", "--format", "json", "--catalogue", clinical + "/new"], status: 0),
        Case(arguments: ["validate", "--catalogue", "/nonexistent/catalogue"], status: 1),
        Case(arguments: ["query", "--area", "face"], status: 0),
        Case(arguments: ["query", "--area", "face"], environment: ["COLUMNS": "70", "FORCE_COLOR": "1"], status: 0),
        Case(arguments: ["query", "--text", "hyaluronic", "--format", "csv"], status: 0),
        Case(arguments: ["query", "--indication", "dehydratoin"], status: 2),
        Case(arguments: ["show", "lightly-crosslinked-ha-booster", "--color", "always"], status: 0),
        Case(arguments: ["show", "lightly-crosslinked-ha-booster"], environment: ["CATALOGUE_PATH": clinical + "/old"], status: 2),
        Case(arguments: ["course", "face", "--concern", "dehydration", "--start", "2026-01-05"], status: 0),
        Case(arguments: ["course", "body", "--concern", "localized-fat", "--region", "abdomen:400cm2", "--start", "2026-03-02",
                         "--format", "ics"], environment: epoch, status: 0),
        Case(arguments: ["course", "face", "--concern", "dehydration", "--format", "fhir"], environment: epoch, status: 0),
        Case(arguments: ["course", "face", "--concern", "dehydration", "--allergy", "hyaluronic-acid", "--start", "2026-01-05"],
             status: 1),
        Case(arguments: ["plugins"], status: 0),
        Case(arguments: ["new", "fresh", "--area", "face"], status: 0),
        Case(arguments: ["schema"], status: 0),
        Case(arguments: ["fhir-definitions"], status: 0),
        Case(arguments: ["lint-rules", "--format", "json"], status: 0),
        Case(arguments: ["vocabulary", "conditions"], status: 0),
        Case(arguments: ["diff", clinical + "/old", clinical + "/new"], status: 1),
        Case(arguments: ["--generate-completion-script", "bash"], status: 0),
    ]

    @Test("exit status and output, the binary against in process", arguments: cases)
    func agrees(_ smoke: Case) throws {
        // The binary gets this process's environment without what the commands read.
        var environment: [String: String?] = [:]
        for name in ["CATALOGUE_PATH", "NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS", "LINES", "SOURCE_DATE_EPOCH"] {
            environment[name] = .some(nil)
        }
        for (name, value) in smoke.environment { environment[name] = value }
        let binary = try runCatalogProcess(smoke.arguments, environment: environment)
        #expect(binary.status == smoke.status, "\(binary.stderr)")
        #expect(!(binary.stdout + binary.stderr).isEmpty)
        let inProcess = try runCatalog(smoke.arguments, environment: smoke.environment.mapValues { $0 })
        #expect(inProcess == binary)
    }

    @Test("add, the binary against in process: the same output and the same files")
    func add() throws {
        let incoming = try makeCatalogue(["new.yaml": preparation("new")])
        defer { try? FileManager.default.removeItem(at: incoming) }
        let file = incoming.appendingPathComponent("preparations/new.yaml").path
        var results: [RunResult] = []
        var files: [[String]] = []
        for inProcess in [false, true] {
            let root = try makeCatalogue(["face/one.yaml": preparation("one")])
            defer { try? FileManager.default.removeItem(at: root) }
            let arguments = ["add", "--catalogue", root.path, file]
            var run = try inProcess ? runCatalog(arguments) : runCatalogProcess(arguments)
            run.stdout = run.stdout.replacingOccurrences(of: root.path, with: "ROOT")
            results.append(run)
            files.append(try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted())
        }
        #expect(results[0] == RunResult(status: 0, stdout: """
            added new: ROOT/preparations/face/new.yaml (from \(file))
            ROOT: 2 preparations in 2 files: 0 errors, 0 warnings

            """, stderr: ""))
        #expect(results[1] == results[0])
        #expect(files[0] == ["preparations", "preparations/face", "preparations/face/new.yaml", "preparations/face/one.yaml"])
        #expect(files[1] == files[0])
    }
}
