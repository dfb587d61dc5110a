import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PreparationRegistry

/// `catalog`: the command-line tool of the mesotherapy preparation catalogue.
@main
struct Catalog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "A catalogue of mesotherapy preparations: validate it, look things up, plan courses.",
        discussion: """
            The catalogue is a folder of YAML files (see docs/catalogue-format.md). Every \
            subcommand reads the catalogue named by --catalogue, else by the CATALOGUE_PATH \
            environment variable, else the bundled catalogue built into this tool. Several \
            --catalogue options (or CATALOGUE_PATH=a:b) layer catalogues: each adds \
            preparations and vocabulary words to those before it; the word 'bundled' names \
            the bundled catalogue.

            Nothing this tool prints is medical advice: a practitioner decides.
            """,
        version: Catalog.versionText,
        subcommands: [
            ValidateCommand.self, QueryCommand.self, ShowCommand.self, CourseCommand.self, PluginsCommand.self,
            AddCommand.self, NewCommand.self, SchemaCommand.self, FHIRDefinitionsCommand.self, LintRulesCommand.self,
            VocabularyCommand.self, DiffCommand.self,
        ]
    )

    /// Runs the command line; an unknown subcommand is an error with the nearest one suggested
    /// (argument-parser would only say "Unexpected argument"), exit 64 as other usage errors.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = usageProblem(arguments) {
            printError(problem)
            exitProcess(64)
        }
        run(arguments)
    }

    /// Parses and runs `arguments` as argument-parser's `main` does, but writes its error
    /// messages through ``printError(_:)``: a usage error quotes the value typed
    /// (`--color $'\e[2J'`), which must not reach the terminal raw. Help, version and
    /// completion answers (exit 0) go to the standard output unchanged.
    static func run(_ arguments: [String]) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            exitProcess(0)
        } catch {
            let code = exitCode(for: error)
            let message = quotingOneLine(fullMessage(for: error), arguments: arguments)
            if !message.isEmpty {
                if code == .success { print(message) } else { printError(message) }
            }
            exitProcess(code.rawValue)
        }
    }

    /// argument-parser's `message`, where it quotes a value typed (`The value 'a\nb' is
    /// invalid`), with the value's line breaks written `\n`, so that the value cannot print a
    /// line of its own; the message's own lines (the usage after the error) stay.
    static func quotingOneLine(_ message: String, arguments: [String]) -> String {
        var message = message
        for argument in arguments where argument.contains(where: \.isNewline) {
            message = message.replacingEvery(argument, with: Diagnostic.escaped(argument))
        }
        return message
    }

    /// The most arguments a command line may have: argument-parser's time grows with the square
    /// of the values an array option or argument collects (each value merges the set of places
    /// of those before it: 8,000 paths took 3.7 s, 8,000 `--indication`s 9.4 s), so a
    /// longer list, most likely a script's mistake, is refused at once. A catalogue is
    /// validated by its folder, not by listing its files.
    static let maximumArguments = 4_096

    /// The usage error (exit 64) that `arguments` have before argument-parser reads them: too
    /// many arguments, an unknown subcommand, or a single-valued option given twice; nil when
    /// there is none.
    static func usageProblem(_ arguments: [String]) -> String? {
        if arguments.count > maximumArguments {
            return "error: \(arguments.count) arguments; catalog reads at most \(maximumArguments) (name a catalogue folder rather than its files, or split the list: xargs -n \(maximumArguments - 96))"
        }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        if let first = arguments.first, !first.hasPrefix("-"), !names.contains(first) {
            let hint = Suggestions.suggestion(for: first, in: names).map { "; did you mean '\($0)'?" } ?? ""
            return "error: unknown subcommand '\(first)'\(hint) (subcommands: \(names.dropLast().joined(separator: ", ")))"
        }
        if let first = arguments.first, let repeated = repeatedOption(arguments.dropFirst(), of: first) {
            return "error: \(repeated) is given more than once; give it once"
        }
        return nil
    }

    /// The options of each subcommand that take one value: argument-parser keeps the last of
    /// several silently, and `--concern a --concern b` planned for `b` without a word.
    static let singleValued: [String: Set<String>] = [
        "course": ["--concern", "--start", "--hemisphere", "--horizon", "--format", "--patient", "--bundle"],
        "query": ["--format", "--color", "--sort"],
        "show": ["--format", "--color"],
        "validate": ["--format", "--color"],
        "new": ["--area", "--output"],
        "vocabulary": ["--format"],
        "diff": ["--format"],
        "lint-rules": ["--format"],
    ]

    /// The first single-valued option of `subcommand` that `arguments` give twice, if any
    /// (`--name value` and `--name=value` alike; nothing after `--` counts).
    static func repeatedOption(_ arguments: ArraySlice<String>, of subcommand: String) -> String? {
        let options = (singleValued[subcommand] ?? []).union(["--max-file-size", "--max-depth", "--max-aliases"])
        var seen = Set<String>()
        for argument in arguments {
            if argument == "--" { break }
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            guard options.contains(name) else { continue }
            if !seen.insert(name).inserted { return name }
        }
        return nil
    }

    /// The tool's own version.
    static let toolVersion = "0.2.0"

    /// `catalog --version`: the tool, the format and the bundled catalogue.
    static var versionText: String {
        "catalog \(toolVersion) (catalogue format \(BundledCatalogue.formatVersion); bundled catalogue "
            + "\(BundledCatalogue.identity.version ?? "without version"))"
    }
}

/// Ends the process with `status` through the C library's `exit` (within a `ParsableCommand`,
/// `exit` names argument-parser's `exit(withError:)`). The standard output is flushed first:
/// output that could not be written (a full disk, a closed descriptor) is an error, exit
/// ``outputFailureStatus`` where the command had succeeded, never a silent exit 0 with the
/// output lost.
/// The exit status when the output could not be written (sysexits' `EX_IOERR`).
let outputFailureStatus: Int32 = 74

private func exitProcess(_ status: Int32) -> Never {
    var status = status
    if let failure = StandardOutput.shared.flush() {
        printError("error: cannot write to the standard output: " + String(cString: strerror(failure)))
        if status == 0 { status = outputFailureStatus }
    }
    #if canImport(Glibc)
    Glibc.exit(status)
    #elseif canImport(Musl)
    Musl.exit(status)
    #else
    Darwin.exit(status)
    #endif
}
