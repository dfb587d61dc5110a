import Foundation
import Testing

/// Issue 16: the loader's bounds (format section 1.1's defaults) can be changed for one run,
/// on every command that loads.
@Suite("--max-file-size, --max-depth, --max-aliases")
struct LimitOptionsTests {
    static let face = packageRoot.appendingPathComponent("Catalogue/preparations/face/noncrosslinked-ha-hydration.yaml").path

    static func catalogue(_ files: [String: String]) throws -> URL { try makeCatalogue(files) }

    @Test("--max-file-size takes bytes or a unit; a file above it is an error at the file")
    func fileSize() throws {
        let text = try String(contentsOfFile: Self.face, encoding: .utf8)
        let folder = try Self.catalogue(["face/a.yaml": text])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.path + "/preparations/face/a.yaml"
        let small = try runCatalog(["validate", folder.path, "--max-file-size", "1KiB"])
        #expect(small.status == 1)
        #expect(small.stdout == "\(file):1:1: error: file is \(text.utf8.count) bytes, larger than the limit of 1024 bytes\n"
            + "0 preparations in 1 file: 1 error, 0 warnings\n")
        for size in ["4 KiB", "4k", "4096", "1MB", "2GiB"] {
            let run = try runCatalog(["validate", folder.path, "--max-file-size", size])
            #expect(run.status == 0, "\(size)")
        }
        // query and show take it too.
        let query = try runCatalog(["query", "--catalogue", folder.path, "--max-file-size=1K"])
        #expect(query.stderr.hasPrefix("warning: \(folder.path) has 1 error in 1 file"))
    }

    @Test("--max-depth and --max-aliases")
    func depthAndAliases() throws {
        let folder = try Self.catalogue(["face/a.yaml": try String(contentsOfFile: Self.face, encoding: .utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let deep = folder.path + "/deep.yaml", alias = folder.path + "/alias.yaml"
        try "id: x\nname: [[[[1]]]]\n".write(toFile: deep, atomically: true, encoding: .utf8)
        try "id: &a x\nname: *a\n".write(toFile: alias, atomically: true, encoding: .utf8)
        let depth = try runCatalog(["validate", deep, "--max-depth", "3"])
        #expect(depth.stdout.hasPrefix("\(deep):2:9: error: nesting is deeper than the limit of 3 levels\n"))
        let aliases = try runCatalog(["validate", alias, "--max-aliases", "0"])
        #expect(aliases.stdout.hasPrefix("\(alias):2:7: error: aliases expand to more than 0 nodes in this document (alias '*a')\n"))
        let defaults = try runCatalog(["validate", alias])
        #expect(!defaults.stdout.contains("aliases expand"))
    }

    @Test("a value out of range, unreadable or given twice is a usage error, exit 64")
    func badValues() throws {
        for arguments in [["--max-file-size", "3GiB"], ["--max-file-size", "0"], ["--max-file-size", "12 parsecs"],
                          ["--max-file-size", "-1"], ["--max-depth", "0"], ["--max-depth", "10001"],
                          ["--max-aliases", "-1"], ["--max-depth", "4", "--max-depth", "5"]] {
            let run = try runCatalog(["validate"] + arguments)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.stdout == "", "\(arguments)")
        }
    }

    @Test("a negative value is refused with its reason, not taken for a missing value")
    func negativeValues() throws {
        let depth = try runCatalog(["validate", "--max-depth", "-5"])
        #expect(depth.status == 64)
        #expect(depth.stderr.hasPrefix("Error: --max-depth must be from 1 to 10000, not -5\n"))
        let aliases = try runCatalog(["validate", "--max-aliases", "-5"])
        #expect(aliases.stderr.hasPrefix("Error: --max-aliases must be from 0 to 100000000, not -5\n"))
        let horizon = try runCatalog(["course", "face", "--concern", "dehydration", "--horizon", "-1 month"])
        #expect(horizon.status == 2)
        #expect(horizon.stderr.hasPrefix("error: --horizon '-1 month' is not a duration such as '12 months'"))
    }
}
