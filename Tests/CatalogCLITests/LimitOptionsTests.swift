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
                          ["--max-file-size", "-1"], ["--max-depth", "0"], ["--max-depth", "1001"],
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
        #expect(depth.stderr.hasPrefix("Error: --max-depth must be from 1 to 1000, not -5\n"))
        let aliases = try runCatalog(["validate", "--max-aliases", "-5"])
        #expect(aliases.stderr.hasPrefix("Error: --max-aliases must be from 0 to 100000000, not -5\n"))
        let horizon = try runCatalog(["course", "face", "--concern", "dehydration", "--horizon", "-1 month"])
        #expect(horizon.status == 2)
        #expect(horizon.stderr.hasPrefix("error: --horizon '-1 month' is not a duration such as '12 months'"))
    }

    // Outside review: aliases of aliases (`&a2 [[*a1]]`) built a value 1,020 levels deep from a
    // file 62 levels deep as written, and with raised limits one deep enough to overflow the
    // stack of the recursive decoders (exit 139).
    @Test("the depth limit counts the levels aliases expand to")
    func aliasedDepth() throws {
        let text = try String(contentsOfFile: Self.face, encoding: .utf8)
        let nested = "x-a1: &a1 [[[[[1]]]]]\nx-a2: &a2 [[[[[*a1]]]]]\nx-a3: [[[[[*a2]]]]]\n"
        let folder = try Self.catalogue(["face/a.yaml": text + nested])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runCatalog(["validate", folder.path, "--max-depth", "12"])
        #expect(run.status == 1)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count + 2  // x-a3's
        #expect(run.stdout.contains("/a.yaml:\(line):12: error: nesting is deeper than the limit of 12 levels once alias '*a2' is expanded\n"),
                "\(run.stdout)")
        #expect(try runCatalog(["validate", folder.path, "--max-depth", "16"]).status == 0)
    }

    @Test("a value 1000 levels deep, the most --max-depth allows, goes through every command of the real binary")
    func deepestValue() throws {
        let text = try String(contentsOfFile: Self.face, encoding: .utf8)
        let value = String(repeating: "[", count: 999) + "1" + String(repeating: "]", count: 999)
        let folder = try Self.catalogue(["face/a.yaml": text + "x-deep: \(value)\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let id = "noncrosslinked-ha-hydration"
        for arguments in [["validate", folder.path], ["query", "--catalogue", folder.path, "--format", "json"],
                          ["query", "--catalogue", folder.path, "--format", "yaml"], ["show", id, "--catalogue", folder.path],
                          ["diff", folder.path, folder.path]] {
            let run = try runCatalogProcess(arguments + ["--max-depth", "1000"])
            #expect(run.status == 0, "\(arguments): \(run.stderr.prefix(300))")
        }
    }

    // Outside review: `add --max-depth 100` wrote a file nested 70 levels deep, and every later
    // command on the catalogue then failed on it under the format's default 64.
    @Test("add warns of a file only its raised limits let in; --strict refuses it")
    func addBeyondTheDefaults() throws {
        let text = try String(contentsOfFile: Self.face, encoding: .utf8)
        let folder = try Self.catalogue([:])
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("preparations"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let draft = folder.deletingLastPathComponent().path + "/\(folder.lastPathComponent)-deep.yaml"
        defer { try? FileManager.default.removeItem(atPath: draft) }
        let nested = String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
        try (text + "x-deep: \(nested)\n").write(toFile: draft, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let message = "\(draft):\(line):72: warning: loads only with this run's raised limits: by the format's defaults, nesting is deeper than the limit of 64 levels; "
            + "every later command on the catalogue will need the same --max-depth, --max-aliases or --max-file-size\n"
        let strict = try runCatalog(["add", "--strict", "--catalogue", folder.path, "--max-depth", "100", draft])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains(message.replacingOccurrences(of: ": warning: ", with: ": error: ")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/preparations").isEmpty)
        let added = try runCatalog(["add", "--catalogue", folder.path, "--max-depth", "100", draft])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stderr.contains(message))
        let other = packageRoot.appendingPathComponent("Catalogue/preparations/face/lightly-crosslinked-ha-booster.yaml").path
        let within = try runCatalog(["add", "--catalogue", folder.path, "--max-depth", "100", other])
        #expect(within.status == 0, "\(within.stderr)")
        #expect(!within.stderr.contains("raised limits"))
    }
}
