import Foundation
import Testing

/// `catalog validate` with a signal interrupting its reads of a file (EINTR), injected by
/// strace on the file's own system calls only (`-P`): a read so interrupted is made again, and
/// what validate says does not change.
@Suite("reading again after EINTR", .serialized, .enabled(if: straceWorks))
struct ReadRetryTests {
    /// What `catalog validate FILE` prints when its file holds `bytes`, without injection and
    /// with `injection` on the file's system calls; the file's folder is written `DIR`.
    func outputs(_ bytes: [UInt8], _ injection: String) throws -> (plain: RunResult, injected: RunResult) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("eintr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("input.yaml").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data(bytes)))
        let executable = try #require(catalogExecutable)
        var plain = try runCatalogProcess(["validate", file])
        let syscall = String(injection.prefix { $0 != ":" })
        var injected = try runCatalogProcess(["-f", "-o", "/dev/null", "-P", file, "-e", "trace=" + syscall, "-e", "inject=" + injection,
                                              executable.path, "validate", file],
                                             executable: URL(fileURLWithPath: "/usr/bin/strace"))
        for run in [\RunResult.stdout, \RunResult.stderr] {
            plain[keyPath: run] = plain[keyPath: run].replacingOccurrences(of: folder.path, with: "DIR")
            injected[keyPath: run] = injected[keyPath: run].replacingOccurrences(of: folder.path, with: "DIR")
        }
        return (plain, injected)
    }

    @Test("the first pread (the byte order mark) interrupted: a UTF-16 file is still told it is UTF-16")
    func byteOrderMark() throws {
        let (plain, injected) = try outputs([0xFF, 0xFE, 0x69, 0x00, 0x64, 0x00], "pread64:error=EINTR:when=1")
        #expect(plain.stdout == """
            DIR/input.yaml:1:1: error: file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8
            \u{FFFD}\u{FFFD}i\u{FFFD}d\u{FFFD}
            ^
            0 preparations in 1 file: 1 error, 0 warnings

            """)
        #expect(injected.stdout == plain.stdout)
        #expect(injected.status == plain.status)
    }

    @Test("the pread that locates an encoding error interrupted: the same line and column")
    func encodingErrorPlace() throws {
        let (plain, injected) = try outputs(Array("id: x\nname: ok\nnotes: caf".utf8) + [0xE9, 0x0A], "pread64:error=EINTR:when=2")
        #expect(plain.stdout == """
            DIR/input.yaml:3:11: error: incomplete UTF-8 octet sequence
            notes: caf\u{FFFD}
                      ^
            0 preparations in 1 file: 1 error, 0 warnings

            """)
        #expect(injected.stdout == plain.stdout)
    }

    @Test("a read of the file interrupted")
    func read() throws {
        let (plain, injected) = try outputs(Array("id: x\nname: ok\nnotes: caf".utf8) + [0xE9, 0x0A], "read:error=EINTR:when=1")
        #expect(injected.stderr == plain.stderr)
        #expect(injected.stdout == plain.stdout)
    }
}
