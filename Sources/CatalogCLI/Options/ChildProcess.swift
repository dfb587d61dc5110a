#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs another program and waits for it, through `posix_spawn` (Foundation's `Process` would
/// link all of Foundation, 6.8 MiB resident at every start, for this one use; FoundationEssentials
/// has none). As `Process` ran it: a process group of its own, no file descriptor of this
/// process but the three it is given, the environment given and no other.
enum ChildProcess {
    /// Runs `command` (its first word a path to the program, the rest its arguments) with
    /// `environment`, its standard input read from the file `input` and its standard output and
    /// error written to the files `output` and `error` (created, or emptied). Returns its exit
    /// status (the signal's number when a signal ended it, as `Process.terminationStatus`),
    /// or nil when it cannot be started.
    static func run(_ command: [String], environment: [String: String], input: String, output: String,
                    error: String) -> Int32? {
        guard let program = command.first else { return nil }
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        guard posix_spawn_file_actions_init(&actions) == 0 else { return nil }
        defer { posix_spawn_file_actions_destroy(&actions) }
        guard posix_spawnattr_init(&attributes) == 0 else { return nil }
        defer { posix_spawnattr_destroy(&attributes) }
        let created = O_WRONLY | O_CREAT | O_TRUNC
        guard posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, input, O_RDONLY, 0) == 0,
              posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, output, created, 0o600) == 0,
              posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, error, created, 0o600) == 0,
              closeOthers(&actions),
              posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP)) == 0,
              posix_spawnattr_setpgroup(&attributes, 0) == 0
        else { return nil }
        let arguments = command.map { strdup($0) }
        let variables = environment.map { strdup("\($0.key)=\($0.value)") }
        defer {
            arguments.forEach { free($0) }
            variables.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, program, &actions, &attributes, arguments + [nil], variables + [nil])
        guard spawned == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return nil }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which are C macros Swift cannot call.
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : signal
    }

    /// Closes, in the child, every file descriptor of this process from 3 up, as `Process`
    /// did (glibc's `posix_spawn_file_actions_addclosefrom_np` is not visible to Swift): those
    /// `/proc/self/fd` lists, else the first 1,024.
    #if canImport(Darwin)
    private static func closeOthers(_ actions: inout posix_spawn_file_actions_t?) -> Bool {
        true  // POSIX_SPAWN_CLOEXEC_DEFAULT would be the way; the tool is built for Linux.
    }
    #else
    private static func closeOthers(_ actions: inout posix_spawn_file_actions_t) -> Bool {
        var open: [Int32] = []
        if let folder = opendir("/proc/self/fd") {
            while let entry = readdir(folder) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if let fd = Int32(name), fd > 2 { open.append(fd) }
            }
            closedir(folder)  // its own descriptor, listed too, is closed by then: closing it again does nothing
        } else {
            open = Array(3..<1024)
        }
        // A descriptor that is not open when the child closes it is no error (glibc).
        return open.allSatisfy { posix_spawn_file_actions_addclose(&actions, $0) == 0 }
    }
    #endif
}
