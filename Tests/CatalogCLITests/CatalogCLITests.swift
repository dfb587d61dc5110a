import Foundation
import Testing

/// The package root, from this file's place in it.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `catalog` executable: next to the test bundle (the same build folder), else
/// `.build/debug/catalog` in the package.
let catalogExecutable: URL? = {
    var folders: [URL] = []
    if let first = CommandLine.arguments.first {
        let url = URL(fileURLWithPath: first).standardizedFileURL
        folders += [url.deletingLastPathComponent(), url.deletingLastPathComponent().deletingLastPathComponent()]
    }
    let bundle = Bundle.main.bundleURL
    folders += [bundle, bundle.deletingLastPathComponent()]
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        folders.append(bundle.bundleURL.deletingLastPathComponent())
    }
    folders.append(packageRoot.appendingPathComponent(".build/debug"))
    for folder in folders {
        let candidate = folder.appendingPathComponent("catalog")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
           FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
    }
    return nil
}()

struct RunResult: Equatable {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built `catalog` (or `executable`) as a process with `arguments`; `environment`
/// entries are added to (or, when nil, removed from) this process's environment. For what
/// only a process shows: the binary itself, a working directory, `TZ`, signals, system calls,
/// terminals; ``runCatalog(_:environment:)`` runs the rest in process.
func runCatalogProcess(_ arguments: [String], environment: [String: String?] = [:], in directory: URL? = nil,
                       executable: URL? = nil) throws -> RunResult {
    let executable = try #require(executable ?? catalogExecutable, "the catalog executable was not found")
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["CATALOGUE_PATH"] = nil
    env["FORCE_COLOR"] = nil  // a test names the colour it wants
    for (key, value) in environment { env[key] = value }
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return RunResult(status: process.terminationStatus,
                     stdout: try String(contentsOf: outURL, encoding: .utf8),
                     stderr: try String(contentsOf: errURL, encoding: .utf8))
}

/// A valid preparation document.
func preparation(_ id: String, depth: String = "0.5-2 mm") -> String {
    """
    id: \(id)
    name: Preparation \(id)
    ingredients: [glycerol]
    regions: [face]
    indications: [dehydration]
    techniques: [nappage]
    depth: \(depth)
    residence: 3-30 days
    protocol:
      - phase: induction
        sessions: 1
    sources: [Test source]

    """
}

/// A catalogue folder in a temporary directory: `files` below `preparations/`.
func makeCatalogue(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("cli-catalogue-\(UUID().uuidString)")
    for (relative, text) in files {
        let url = root.appendingPathComponent("preparations").appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return root
}

var summaryLine: Regex<(Substring, Substring, Substring, Substring, Substring)> { /(\d+) preparations? in (\d+) files?: (\d+) errors?, (\d+) warnings?/ }

@Suite("catalog validate", .serialized)
struct ValidateCommandTests {
    @Test("the executable is found")
    func executable() throws {
        let url = try #require(catalogExecutable)
        #expect(url.lastPathComponent == "catalog")
    }

    @Test("validate with no arguments checks the bundled catalogue and exits 0")
    func bundled() throws {
        let run = try runCatalog(["validate"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        let last = try #require(lines.dropLast().last)
        let match = try #require(try summaryLine.wholeMatch(in: String(last)))
        #expect(match.output.1 == "21")
        #expect(match.output.2 == "22")
        #expect(match.output.3 == "0")
        #expect(match.output.4 == "0")
        #expect(lines.count == 2, "only the summary line: \(run.stdout)")
    }

    @Test("a broken catalogue exits 1 and prints path:line:column: error: message, the line and a caret")
    func broken() throws {
        let root = try makeCatalogue(["bad.yaml": preparation("bad", depth: "3-1 mm")])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try runCatalog(["validate", root.path])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let path = root.path + "/preparations/bad.yaml"
        let index = try #require(lines.firstIndex { $0.hasPrefix(path + ":") })
        #expect(lines[index] == "\(path):7:8: error: range '3-1 mm' has its lower bound above its upper bound")
        #expect(lines[index + 1] == "depth: 3-1 mm")
        #expect(lines[index + 2] == "       ^")
        let summary = try #require(lines.last)
        let match = try #require(try summaryLine.wholeMatch(in: summary))
        #expect(match.output.3 == "1")
    }

    @Test("a syntax error is located and exits 1")
    func syntax() throws {
        let root = try makeCatalogue(["bad.yaml": "id: x\nname: [unclosed\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try runCatalog(["validate", root.path])
        #expect(run.status == 1)
        let path = root.path + "/preparations/bad.yaml"
        let first = try #require(run.stdout.split(separator: "\n").first)
        #expect(try /.+:\d+:\d+: error: .+/.wholeMatch(in: String(first)) != nil)
        #expect(first.hasPrefix(path + ":"))
    }

    @Test("warnings do not fail validation")
    func warningsExitZero() throws {
        var text = preparation("deep", depth: "6-10 mm")
        text = text.replacingOccurrences(of: "techniques: [nappage]", with: "techniques: [epidermal]")
        let root = try makeCatalogue(["deep.yaml": text])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try runCatalog(["validate", root.path])
        #expect(run.status == 0)
        #expect(run.stdout == """
            \(root.path)/preparations/deep.yaml:7:8: warning: depth 6-10 mm lies outside the usual depth of every technique listed (epidermal 0-1 mm) [depth-outside-techniques]
            depth: 6-10 mm
                   ^
            1 preparation in 1 file: 0 errors, 1 warning

            """)
    }

    @Test("an empty file's diagnostic has no source line to show: no blank line and lone caret under it")
    func emptyFileHasNoCaret() throws {
        let root = try makeCatalogue(["empty.yaml": ""])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try runCatalog(["validate", root.path])
        #expect(run.stdout == """
            \(root.path)/preparations/empty.yaml:1:1: warning: the file holds no preparation
            0 preparations in 1 file: 0 errors, 1 warning

            """)
    }

    @Test("--format json parses and has valid, errors, warnings and diagnostics")
    func json() throws {
        let root = try makeCatalogue(["bad.yaml": preparation("bad", depth: "3-1 mm"), "good.yaml": preparation("good")])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try runCatalog(["validate", root.path, "--format", "json"])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == false)
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 0)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        let first = try #require(diagnostics.first)
        #expect(first["file"] as? String == root.path + "/preparations/bad.yaml")
        #expect(first["line"] as? Int == 7)
        #expect(first["column"] as? Int == 8)
        #expect(first["severity"] as? String == "error")
        #expect(first["message"] as? String == "range '3-1 mm' has its lower bound above its upper bound")

        let bundled = try runCatalog(["validate", "--format", "json"])
        #expect(bundled.status == 0)
        let good = try #require(try JSONSerialization.jsonObject(with: Data(bundled.stdout.utf8)) as? [String: Any])
        #expect(good["valid"] as? Bool == true)
        #expect(good["errors"] as? Int == 0)
        #expect(good["warnings"] as? Int == 0)
        #expect((good["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test("CATALOGUE_PATH is honoured")
    func environment() throws {
        let root = try makeCatalogue(["bad.yaml": preparation("bad", depth: "3-1 mm")])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try runCatalog(["validate"], environment: ["CATALOGUE_PATH": root.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains(root.path + "/preparations/bad.yaml:7:8: error: "))
    }

    @Test("--catalogue wins over CATALOGUE_PATH")
    func optionWins() throws {
        let bad = try makeCatalogue(["bad.yaml": preparation("bad", depth: "3-1 mm")])
        let good = try makeCatalogue(["good.yaml": preparation("good")])
        defer {
            try? FileManager.default.removeItem(at: bad)
            try? FileManager.default.removeItem(at: good)
        }
        let run = try runCatalog(["validate", "--catalogue", good.path], environment: ["CATALOGUE_PATH": bad.path])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.hasSuffix("1 preparation in 1 file: 0 errors, 0 warnings\n"))
        let reverse = try runCatalog(["validate", "--catalogue", bad.path], environment: ["CATALOGUE_PATH": good.path])
        #expect(reverse.status == 1)
    }

    @Test("an empty CATALOGUE_PATH means the bundled catalogue")
    func emptyEnvironment() throws {
        let run = try runCatalog(["validate"], environment: ["CATALOGUE_PATH": ""])
        #expect(run.status == 0)
    }

    @Test("works from another working directory")
    func otherDirectory() throws {
        let run = try runCatalogProcess(["validate"], in: URL(fileURLWithPath: "/tmp"))
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasSuffix(" 0 errors, 0 warnings\n"))
        let reference = try runCatalogProcess(["validate"], in: packageRoot)
        #expect(run.stdout == reference.stdout)
    }

    @Test("a single file is checked against the bundled vocabulary")
    func singleFile() throws {
        let root = try makeCatalogue(["one.yaml": preparation("one"), "two.yaml": preparation("two", depth: "2-1 mm")])
        defer { try? FileManager.default.removeItem(at: root) }
        let one = try runCatalog(["validate", root.path + "/preparations/one.yaml"])
        #expect(one.status == 0)
        #expect(one.stdout == "1 preparation in 1 file: 0 errors, 0 warnings\n")
        let two = try runCatalog(["validate", root.path + "/preparations/two.yaml"])
        #expect(two.status == 1)
    }

    @Test("a single file's replaced-by may name a preparation of the chosen catalogue")
    func singleFileReplacement() throws {
        let root = try makeCatalogue(["one.yaml": preparation("one")])
        defer { try? FileManager.default.removeItem(at: root) }
        let old = root.appendingPathComponent("old.yaml").path
        try (preparation("old") + "deprecated: {because: Superseded, replaced-by: one}\n")
            .write(toFile: old, atomically: true, encoding: .utf8)
        let against = try runCatalog(["validate", "--catalogue", root.path, old])
        #expect(against.status == 0, "\(against.stdout)\(against.stderr)")
        #expect(against.stdout == "1 preparation in 1 file: 0 errors, 0 warnings\n")
        // Against the bundled catalogue, which has no 'one'.
        let bundled = try runCatalog(["validate", old])
        #expect(bundled.status == 1)
        #expect(bundled.stdout.hasPrefix("\(old):13:48: error: 'replaced-by' names 'one', which is not a preparation in the catalogue; did you mean 'old'?\n"))
    }

    @Test("single files checked against a catalogue whose folder or manifest is broken: its problems are reported, not a silent fall-back to the bundled vocabulary")
    func singleFileBrokenCatalogue() throws {
        let root = try makeCatalogue(["one.yaml": preparation("one")])
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("new.yaml").path
        try preparation("new").write(toFile: file, atomically: true, encoding: .utf8)
        let missing = root.appendingPathComponent("no-such-folder").path
        let typo = try runCatalog(["validate", file], environment: ["CATALOGUE_PATH": missing])
        #expect(typo.status == 1)
        #expect(typo.stdout == "\(missing):1:1: error: no catalogue folder here\n1 preparation in 1 file: 1 error, 0 warnings\n")
        try "- not a mapping\n".write(toFile: root.appendingPathComponent("catalogue.yaml").path, atomically: true, encoding: .utf8)
        let broken = try runCatalog(["validate", "--catalogue", root.path, file])
        #expect(broken.status == 1)
        #expect(broken.stdout == """
            \(root.path)/catalogue.yaml:1:1: error: the manifest must be a mapping, not a list
            - not a mapping
            ^
            1 preparation in 1 file: 1 error, 0 warnings

            """)
        // A catalogue whose preparations have problems: those are not reported here.
        try FileManager.default.removeItem(atPath: root.appendingPathComponent("catalogue.yaml").path)
        try preparation("bad", depth: "3-1 mm").write(toFile: root.appendingPathComponent("preparations/bad.yaml").path,
                                                      atomically: true, encoding: .utf8)
        let fine = try runCatalog(["validate", "--catalogue", root.path, file])
        #expect(fine.status == 0)
        #expect(fine.stdout == "1 preparation in 1 file: 0 errors, 0 warnings\n")
    }

    @Test("validate /dev/stdin reads a small piped file, not refused as too large")
    func standardInput() throws {
        let executable = try #require(catalogExecutable)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["validate", "/dev/stdin"]
        var env = ProcessInfo.processInfo.environment
        env["CATALOGUE_PATH"] = nil
        process.environment = env
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(preparation("piped", depth: "3-1 mm").utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(text == """
            /dev/stdin:7:8: error: range '3-1 mm' has its lower bound above its upper bound
            depth: 3-1 mm
                   ^
            0 preparations in 1 file: 1 error, 0 warnings

            """)
    }

    @Test("a missing catalogue folder exits 1 with a located error")
    func missingFolder() throws {
        let path = "/tmp/no-such-catalogue-\(UUID().uuidString)"
        let run = try runCatalog(["validate", "--catalogue", path])
        #expect(run.status == 1)
        #expect(run.stdout == "\(path):1:1: error: no catalogue folder here\n0 preparations in 0 files: 1 error, 0 warnings\n")
        #expect(run.stderr == "")
    }

    @Test("the same command prints the same bytes")
    func deterministic() throws {
        let root = try makeCatalogue(["b.yaml": preparation("b", depth: "3-1 mm"), "a.yaml": preparation("a", depth: "x")])
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try runCatalog(["validate", root.path, "--format", "json"])
        let second = try runCatalog(["validate", root.path, "--format", "json"])
        #expect(first.stdout == second.stdout)
        #expect(first.status == 1)
    }
}

@Suite("Output that cannot be written")
struct OutputFailureTests {
    @Test("a full disk is an error, exit 74, never exit 0 with the output lost", arguments: [
        ["schema"], ["course", "face", "--concern", "dehydration", "--start", "2026-01-05", "--format", "ics"],
        ["query", "--format", "json"],
    ])
    func fullDisk(_ arguments: [String]) throws {
        let executable = try #require(catalogExecutable)
        guard FileManager.default.isWritableFile(atPath: "/dev/full") else { return }
        let command = ([executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let run = try runCatalogProcess(["-c", command + " > /dev/full"], executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr == "error: cannot write to the standard output: No space left on device\n")
    }
}
