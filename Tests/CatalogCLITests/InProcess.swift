import ArgumentParser
@testable import CatalogCLI
import Foundation
import Testing

/// Runs `catalog arguments` in this process, as swift-argument-parser's own tests run their
/// commands: the checks `catalog`'s `main` makes first (``Catalog/usageProblem(_:)``), then
/// `Catalog.parseAsRoot` and the command's `run()`, inside a ``CommandContext`` that keeps
/// what it writes and gives it `environment` (entries with a value; nothing of this process's
/// environment). An error ends the run as argument-parser's `exit(withError:)` ends the
/// process: its message (the help on the standard output, anything else on the standard
/// error) and its exit code (`ExitCode(n)`: n; a `ValidationError` or a parse error: 64).
///
/// The standard output is no terminal, as in a test that runs the binary with its output in a
/// file. What a process alone shows is left to ``runCatalogProcess(_:environment:in:executable:)``:
/// a working directory, `TZ` (Foundation reads the process's own), answering a shell's
/// completion request (it silences the process's standard error).
func runCatalog(_ arguments: [String], environment: [String: String?] = [:]) throws -> RunResult {
    let values = environment.compactMapValues { $0 }
    if values["TZ"] != nil || arguments.contains(where: { $0.hasPrefix("---completion") }) {
        Issue.record("TZ and shell completion need a process of their own: use runCatalogProcess")
    }
    let context = CommandContext(environment: values)
    let status = context.run { () -> Int32 in
        if let problem = Catalog.usageProblem(arguments) {
            printError(problem)
            return 64
        }
        do {
            var command = try Catalog.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            // argument-parser lays out its messages to COLUMNS, else to the terminal's width,
            // else to 80 columns: no terminal here.
            let text = Catalog.quotingOneLine(Catalog.fullMessage(for: error, columns: values["COLUMNS"].flatMap { Int($0) } ?? 80),
                                              arguments: arguments)
            let code = Catalog.exitCode(for: error)
            if !text.isEmpty {
                if code == .success {
                    CommandContext.writeOutput(text + "\n")
                } else {
                    printError(text)  // escaped, as Catalog.run writes it
                }
            }
            return code.rawValue
        }
    }
    return RunResult(status: status, stdout: context.standardOutput, stderr: context.standardError)
}
