import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Two real `catalog add` processes at once, and what a killed add leaves behind.
@Suite("catalog add, concurrent and after a crash", .serialized)
struct ConcurrentAddTests {
    /// A preparation of id `id` in `region` (face and scalp go to different area folders).
    func twin(_ id: String, region: String) -> String {
        preparation(id).replacingOccurrences(of: "regions: [face]", with: "regions: [\(region)]")
    }

    /// Runs `catalog add` twice at once, into `catalogue`, from `first` and `second`. A shell
    /// starts the two processes back to back (Foundation's `Process` starts them too slowly
    /// for them to overlap), and prints their exit statuses.
    func addTogether(_ catalogue: String, _ first: String, _ second: String) throws -> [RunResult] {
        let executable = try #require(catalogExecutable)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("together-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let script = """
            cd "$4" || exit 9
            "$0" add --catalogue "$1" "$2" >out0 2>err0 & first=$!
            "$0" add --catalogue "$1" "$3" >out1 2>err1; second=$?
            wait $first; echo $? $second
            """
        let shell = try runCatalogProcess(["-c", script, executable.path, catalogue, first, second, scratch.path],
                                          executable: URL(fileURLWithPath: "/bin/sh"))
        let statuses = shell.stdout.split(whereSeparator: \.isWhitespace).compactMap { Int32($0) }
        try #require(statuses.count == 2, "\(shell)")
        return try (0..<2).map { index in
            RunResult(status: statuses[index],
                      stdout: try String(contentsOf: scratch.appendingPathComponent("out\(index)"), encoding: .utf8),
                      stderr: try String(contentsOf: scratch.appendingPathComponent("err\(index)"), encoding: .utf8))
        }
    }

    @Test("two adds of one id into different folders at once: always one added, the other refused, the id once")
    func sameIDTwoFolders() throws {
        let incoming = FileManager.default.temporaryDirectory.appendingPathComponent("incoming-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: incoming) }
        let face = incoming.appendingPathComponent("face.yaml").path
        let scalp = incoming.appendingPathComponent("scalp.yaml").path
        try twin("twin", region: "face").write(toFile: face, atomically: false, encoding: .utf8)
        try twin("twin", region: "scalp").write(toFile: scalp, atomically: false, encoding: .utf8)
        let rounds = 25
        var meanwhile = 0
        for _ in 0..<rounds {
            let root = try makeCatalogue(["face/one.yaml": preparation("one")])
            defer { try? FileManager.default.removeItem(at: root) }
            let runs = try addTogether(root.path, face, scalp)
            #expect(runs.map(\.status).sorted() == [0, 1], "\(runs)")
            #expect(runs.count { $0.stdout.hasPrefix("added twin: ") } == 1, "\(runs)")
            let loserIndex = try #require(runs.firstIndex { $0.status == 1 })
            let (loser, loserFile) = (runs[loserIndex], [face, scalp][loserIndex])
            let winnerFolder = loserIndex == 0 ? "scalp" : "face"
            let winnerID = "\(root.path)/preparations/\(winnerFolder)/twin.yaml:1:5"
            let meanwhileText = """
                \(loserFile):1:5: error: duplicate id 'twin': added to the catalogue meanwhile, by another add, at \(winnerID)
                id: twin
                    ^
                catalog add: nothing added: 1 problem

                """
            let alreadyText = """
                \(loserFile):1:5: error: duplicate id 'twin'; already in the catalogue at \(winnerID); to replace that preparation, use add --replace
                id: twin
                    ^
                catalog add: nothing added: 1 problem

                """
            // The loser may have waited for the winner's lock, and said so first.
            let waited = "waiting for another change to \(root.path) to finish (at most 30 s)...\n"
            let refusal = loser.stderr.hasPrefix(waited) ? String(loser.stderr.dropFirst(waited.count)) : loser.stderr
            #expect(refusal == meanwhileText || refusal == alreadyText, "\(loser.stderr)")
            if refusal == meanwhileText { meanwhile += 1 }
            let validate = try runCatalog(["validate", root.path])
            #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
            let added = ["face", "scalp"].filter {
                FileManager.default.fileExists(atPath: root.path + "/preparations/\($0)/twin.yaml")
            }
            #expect(added.count == 1, "\(added)")
        }
        print("concurrent add: \(rounds) rounds, \(meanwhile) refused as added meanwhile")
    }

    @Test("a temporary left by a killed add breaks neither validate nor the next add, which removes it")
    func staleTemporary() throws {
        let root = try makeCatalogue(["face/one.yaml": preparation("one")])
        defer { try? FileManager.default.removeItem(at: root) }
        // What SIGKILL leaves between writing a temporary and renaming it: half a file.
        let stale = root.path + "/preparations/face/.two.yaml.99999-1.tmp"
        try "id: two\nname: [unfinished".write(toFile: stale, atomically: false, encoding: .utf8)
        let validate = try runCatalog(["validate", root.path])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        #expect(validate.stdout.hasSuffix("1 preparation in 1 file: 0 errors, 0 warnings\n"), "\(validate.stdout)")

        let incoming = FileManager.default.temporaryDirectory.appendingPathComponent("two-\(UUID().uuidString).yaml")
        try preparation("two").write(to: incoming, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: incoming) }
        let add = try runCatalog(["add", "--catalogue", root.path, incoming.path])
        #expect(add.status == 0, "\(add.stdout)\(add.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stale))
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path + "/preparations/face").sorted()
        #expect(names == ["one.yaml", "two.yaml"])
    }

    // Outside review: an add waiting for another's lock printed nothing for up to 30 s.
    @Test("an add that waits for another change's lock says so")
    func waitingIsSaid() throws {
        let catalogue = try makeCatalogue(["one.yaml": preparation("one")])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let incoming = FileManager.default.temporaryDirectory.appendingPathComponent("waiting-\(UUID().uuidString).yaml")
        try preparation("two").write(to: incoming, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: incoming) }
        // Held here (flock locks belong to the open file, so the same process conflicts too),
        // released from another thread after a moment.
        let fd = open(catalogue.path, O_RDONLY | O_DIRECTORY)
        try #require(fd >= 0 && flock(fd, LOCK_EX) == 0)
        let release = Thread { usleep(300_000); close(fd) }
        release.start()
        let run = try runCatalog(["add", "--catalogue", catalogue.path, incoming.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("waiting for another change to \(catalogue.path) to finish (at most 30 s)...\n"))
    }
}
