import Foundation
import Testing

/// Section 1 of the format (1.1): every command refuses a folder with neither `catalogue.yaml`
/// nor `preparations/`, named by `--catalogue` or `CATALOGUE_PATH`, rather than read it as an
/// empty catalogue ("No preparation matches.", exit 0).
@Suite("a folder that is not a catalogue, for every command", .serialized)
struct NotACatalogueCommandTests {
    /// An empty folder, and one holding other things (a project's root), each removed after.
    static func folders() throws -> [URL] {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("cli-not-a-catalogue-\(UUID().uuidString)")
        let empty = base.appendingPathComponent("empty"), other = base.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: other.appendingPathComponent("Sources"), withIntermediateDirectories: true)
        try "# A project\n".write(to: other.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try preparation("stray").write(to: other.appendingPathComponent("stray.yaml"), atomically: true, encoding: .utf8)
        return [empty, other]
    }

    static func message(_ path: String) -> String {
        "\(path):1:1: error: not a catalogue: this folder has neither 'catalogue.yaml' nor 'preparations/'\n"
    }

    @Test("query, show, course and plugins exit 1 with the error, and print nothing else")
    func registryCommands() throws {
        let folders = try Self.folders()
        defer { try? FileManager.default.removeItem(at: folders[0].deletingLastPathComponent()) }
        for folder in folders {
            let expected = Self.message(folder.path) + "error: \(folder.path) has 1 error; `catalog validate` lists them\n"
            for arguments in [["query"], ["query", "--area", "face", "--format", "json"], ["show", "stray"],
                              ["course", "face", "--concern", "dehydration", "--start", "2026-01-05"], ["plugins"]] {
                let run = try runCatalog(arguments + ["--catalogue", folder.path])
                #expect(run.status == 1, "\(arguments) \(folder.lastPathComponent)")
                #expect(run.stdout == "", "\(arguments) \(folder.lastPathComponent)")
                #expect(run.stderr == expected, "\(arguments) \(folder.lastPathComponent)")
            }
            let fromEnvironment = try runCatalog(["query"], environment: ["CATALOGUE_PATH": folder.path])
            #expect(fromEnvironment.status == 1)
            #expect(fromEnvironment.stdout == "")
            #expect(fromEnvironment.stderr == expected)
        }
    }

    @Test("validate: the folder named by --catalogue, CATALOGUE_PATH or as PATH is an error, exit 1")
    func validate() throws {
        let folders = try Self.folders()
        defer { try? FileManager.default.removeItem(at: folders[0].deletingLastPathComponent()) }
        for folder in folders {
            let expected = Self.message(folder.path) + "0 preparations in 0 files: 1 error, 0 warnings\n"
            for run in [try runCatalog(["validate", "--catalogue", folder.path]),
                        try runCatalog(["validate"], environment: ["CATALOGUE_PATH": folder.path]),
                        try runCatalog(["validate", folder.path])] {
                #expect(run.status == 1, "\(folder.lastPathComponent)")
                #expect(run.stdout == expected, "\(folder.lastPathComponent)")
            }
        }
    }

    @Test("add refuses it and writes nothing")
    func add() throws {
        let folders = try Self.folders()
        defer { try? FileManager.default.removeItem(at: folders[0].deletingLastPathComponent()) }
        let draft = folders[0].deletingLastPathComponent().appendingPathComponent("new.yaml")
        try preparation("new-one").write(to: draft, atomically: true, encoding: .utf8)
        for folder in folders {
            let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            let run = try runCatalog(["add", "--catalogue", folder.path, draft.path])
            #expect(run.status == 1)
            #expect(run.stdout == "")
            #expect(run.stderr == Self.message(folder.path) + "catalog add: nothing added: 1 problem\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
        }
    }

    @Test("schema, new and lint-rules, which read only the manifest, refuse it too")
    func manifestCommands() throws {
        let folders = try Self.folders()
        defer { try? FileManager.default.removeItem(at: folders[0].deletingLastPathComponent()) }
        for folder in folders {
            for arguments in [["schema"], ["new", "fresh", "--area", "face"], ["lint-rules"]] {
                let run = try runCatalog(arguments + ["--catalogue", folder.path])
                #expect(run.status == 1, "\(arguments) \(folder.lastPathComponent)")
                #expect(run.stdout == "", "\(arguments) \(folder.lastPathComponent)")
                #expect(run.stderr == Self.message(folder.path), "\(arguments) \(folder.lastPathComponent)")
            }
        }
    }

    @Test("a folder with only preparations/ is still a catalogue")
    func preparationsOnly() throws {
        let root = try makeCatalogue(["face/one.yaml": preparation("one")])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try runCatalog(["query", "--catalogue", root.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"id\": \"one\""))
    }
}
