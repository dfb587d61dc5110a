@testable import CatalogCLI
import Foundation
import Testing

/// `ChildProcess.run` (`posix_spawn`, in place of Foundation's `Process` for `git`): the files
/// given as standard streams, the environment given and no other, no other descriptor of this
/// process, the exit status or the signal's number.
@Suite struct ChildProcessTests {
    @Test("a child reads and writes the files given, sees only the environment given, inherits no descriptor")
    func streamsAndEnvironment() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("child-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in").path, output = folder.appendingPathComponent("out").path
        let error = folder.appendingPathComponent("err").path
        try Data("given\n".utf8).write(to: URL(fileURLWithPath: input))
        try Data("old contents, longer than the new\n".utf8).write(to: URL(fileURLWithPath: output))
        let script = #"cat; echo "$ONLY ${HOME-no home}"; ls /proc/self/fd >&2; exit 3"#
        let status = ChildProcess.run(["/bin/sh", "-c", script], environment: ["ONLY": "this"], input: input,
                                      output: output, error: error)
        #expect(status == 3)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "given\nthis no home\n")
        // 0-2, and 3: the folder `ls` itself opened.
        #expect(try String(contentsOfFile: error, encoding: .utf8) == "0\n1\n2\n3\n")
    }

    @Test("a child ended by a signal gives the signal's number; a program that is not there gives nil")
    func signalAndMissingProgram() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("child-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out").path, error = folder.appendingPathComponent("err").path
        #expect(ChildProcess.run(["/bin/sh", "-c", "kill -9 $$"], environment: [:], input: "/dev/null",
                                 output: output, error: error) == 9)
        #expect(ChildProcess.run(["/nonexistent/program"], environment: [:], input: "/dev/null",
                                 output: output, error: error) == nil)
    }
}
