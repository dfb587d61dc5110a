import ArgumentParser
import PreparationRegistry
import Synchronization

/// `--catalogue PATH`, shared by every subcommand; given several times (or `CATALOGUE_PATH`
/// with folders separated by `:`), layered catalogues (format 1.1, section 6).
struct CatalogueOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A catalogue folder, or 'bundled' for the bundled catalogue; give it several times to layer catalogues, each adding to those before it (default: $CATALOGUE_PATH, folders separated by ':', else the bundled catalogue).",
        valueName: "path"), completion: .directory)
    var catalogue: [String] = []

    /// `--max-file-size`, `--max-depth`, `--max-aliases`.
    @OptionGroup var limits: LimitOptions

    /// The environment variable naming the catalogue when `--catalogue` is not given.
    static let environmentVariable = "CATALOGUE_PATH"

    /// True when `--catalogue` or `CATALOGUE_PATH` names the catalogue.
    var isChosen: Bool { !catalogue.isEmpty || Self.environmentValue != nil }

    private static var environmentValue: String? {
        guard let value = CommandContext.environment[environmentVariable], !value.isEmpty else { return nil }
        return value
    }

    /// The layers chosen, in order: one per `--catalogue`, else the folders `CATALOGUE_PATH`
    /// lists, else the bundled catalogue. A `CATALOGUE_PATH` with an empty element (`a::b`,
    /// `:a`, `a:`) is a usage error (exit 64): most often a variable that was not set
    /// (`$BASE:clinic`), which would otherwise drop a layer without a word.
    func selectedLayers() throws -> [CatalogueLayer] {
        if !catalogue.isEmpty {
            // An empty path (`--catalogue ''`, `--catalogue "$UNSET"`) names no folder: a usage
            // error, not a folder read as the current one or printed as nothing.
            guard !catalogue.contains(where: \.isEmpty) else {
                printErrorLine("error: --catalogue '' names no catalogue: give a catalogue folder, or '\(CatalogueLayer.bundledWord)' for the bundled catalogue")
                throw ExitCode(64)
            }
            return catalogue.map(CatalogueLayer.init(argument:))
        }
        guard let value = Self.environmentValue else { return [.bundled] }
        let elements = value.split(separator: ":", omittingEmptySubsequences: false)
        guard !elements.contains(where: \.isEmpty) else {
            printErrorLine("error: \(Self.environmentVariable) '\(value)' has an empty element (two ':' together, or one at either end); separate the catalogue folders with single ':'")
            throw ExitCode(64)
        }
        return elements.map { CatalogueLayer(argument: String($0)) }
    }

    /// How the selected catalogue is named in messages: its folder, `the bundled catalogue`, or
    /// `the layered catalogue (bundled, ./clinic)`.
    func selectedName() throws -> String {
        Self.name(of: try selectedLayers())
    }

    static func name(of layers: [CatalogueLayer]) -> String {
        if layers.count > 1 { return "the layered catalogue (\(layers.map(\.description).joined(separator: ", ")))" }
        if case .folder(let path) = layers.first { return path }
        return "the bundled catalogue"
    }

    /// The `--catalogue` options that name the selected layers again (for a command to
    /// suggest), each path in single quotes for a POSIX shell: ` --catalogue PATH` when
    /// none is chosen (`add` needs one: the bundled catalogue cannot change).
    func catalogueArguments() throws -> String {
        let layers = try selectedLayers()
        guard layers != [.bundled] else { return " --catalogue PATH" }
        return layers.map { layer in
            if case .folder(let path) = layer { return " --catalogue \(shellQuoted(path, always: true))" }
            return " --catalogue \(CatalogueLayer.bundledWord)"
        }.joined()
    }

    /// Loads the selected catalogue as a registry, doing `work` (by default what looking up
    /// and planning need: no lint, source lines for errors only); when it has errors, prints
    /// them to the standard error and exits with status 1.
    func loadRegistry(work: LoadWork = .lookUp) throws -> Registry {
        try loadRegistry(try load(work: work))
    }

    private func loadRegistry(_ result: CatalogueLoadResult) throws -> Registry {
        guard let registry = result.registry else {
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                printError(diagnostic.rendered)
            }
            printErrorLine("error: \(try selectedName()) has \(plural(result.errorCount, "error")); `catalog validate` lists them")
            throw ExitCode(1)
        }
        return registry
    }

    /// Loads the selected catalogue for looking things up (`query`, `show`): when it has errors
    /// that lie only in preparation files, prints a warning naming those files to the standard
    /// error and returns the registry of the other files (with what was left out); when it
    /// has others (its folder, its manifest), prints them and exits with status 1, as
    /// ``loadRegistry(work:)`` does. `work`: by default ``LoadWork/lookUp``; without the query
    /// indexes for a look-up by id.
    func loadRegistryForLookUp(work: LoadWork = .lookUp) throws -> (registry: Registry, part: ValidPart?) {
        let result = try load(work: work)
        if let registry = result.registry { return (registry, nil) }
        guard let part = result.validPart() else { return (try loadRegistry(result), nil) }
        let shown = part.brokenFiles.prefix(3).map(Diagnostic.escaped).joined(separator: ", ")  // one line
        let more = part.brokenFiles.count > 3 ? " and \(part.brokenFiles.count - 3) more" : ""
        // Preparations of the other files left out all the same: their id is in doubt (defined
        // twice, or also in a broken file), so the warning says so rather than only counting.
        let broken = Set(part.brokenFiles)
        let doubtful = result.preparations.filter { !broken.contains($0.location.file) && part.registry[$0.id] == nil }.map(\.id)
        let inDoubt = doubtful.isEmpty ? "" : ", leaving out \(doubtful.count) more whose id is in doubt (" +
            doubtful.prefix(3).joined(separator: ", ") + (doubtful.count > 3 ? " and \(doubtful.count - 3) more" : "") + ")"
        printError("warning: \(try selectedName()) has \(plural(result.errorCount, "error")) in " +
                   "\(plural(part.brokenFiles.count, "file")) (\(shown)\(more)); answering from the " +
                   "\(plural(part.registry.preparations.count, "preparation")) of the other files\(inDoubt); " +
                   "`catalog validate` lists the errors")
        return (part.registry, part)
    }

    /// The vocabulary of the selected catalogue (its manifests only, merged for layers; the
    /// bundled vocabulary for the bundled catalogue or a catalogue without manifest); when a
    /// manifest has errors, prints them to the standard error and exits with status 1.
    func loadVocabulary() throws -> Vocabulary {
        try loadManifest().vocabulary
    }

    /// The manifest of the selected catalogue (merged for layers, the bundled one for a folder
    /// without one); when it has errors (a folder that is not a catalogue, a manifest that
    /// cannot be read, two layers that clash), prints them to the standard error and exits
    /// with status 1.
    func loadManifest() throws -> Manifest {
        let result = limits.loader.loadManifest(layers: try selectedLayers())
        if result.errorCount > 0 {
            for diagnostic in result.diagnostics { printError(diagnostic.rendered) }
            throw ExitCode(1)
        }
        return result.manifest
    }

    /// Loads the selected catalogue, doing `work` (``LoadWork``; by default all of it). Run
    /// as `catalog`, the result is kept until the process exits (``LoadKeeper``).
    func load(work: LoadWork = .all) throws -> CatalogueLoadResult {
        var loader = limits.loader
        loader.work = work
        return LoadKeeper.keep(loader.load(layers: try selectedLayers()))
    }
}

/// Keeps what a command loaded until the process exits: the command's own values are freed
/// when its `run()` returns, and freeing a large catalogue (every preparation, its strings and
/// arrays) costs time just before `exit`, which needs none of it. Run in process (a test's
/// ``CommandContext``), nothing is kept: the test's process lives on.
enum LoadKeeper {
    private static let kept = Mutex<[CatalogueLoadResult]>([])

    /// `result`, kept until the process exits when run as `catalog`.
    static func keep(_ result: CatalogueLoadResult) -> CatalogueLoadResult {
        guard CommandContext.current == nil else { return result }
        kept.withLock { $0.append(result) }
        return result
    }
}

/// The output format of `validate`.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Writes a line to the standard error. Control characters other than the line feed and the
/// tab (an escape, a bell, a carriage return), which a message may carry from what a person
/// typed (`--allergy $'\e[2J'`, `--concern $'fa\ace'`), are written escaped (`\u{1B}`), so
/// that they never reach the terminal as they are.
func printError(_ line: String) {
    CommandContext.writeError(terminalSafe(line) + "\n")
}

/// Writes a one-line message to the standard error with its line breaks escaped too (`\n`,
/// `\r`, as in diagnostics: `Diagnostic.escaped`), so that a value typed with one
/// (`--concern $'a\nerror: b'`) cannot print a line of its own.
func printErrorLine(_ line: String) {
    // A one-line message has no source line to align a caret with, so a tab in it (a word as
    // typed: `--allergy $'a\tb'`) is written `\t` too, unlike in a diagnostic's source line.
    let escaped = Diagnostic.escaped(line)
    guard escaped.contains("\t") else { return CommandContext.writeError(escaped + "\n") }
    var out = ""
    for character in escaped { if character == "\t" { out += "\\t" } else { out.append(character) } }
    CommandContext.writeError(out + "\n")
}

/// `text` with the characters a terminal would act on written escaped as `\u{XX}`: C0 controls
/// but the line feed and the tab, DEL, C1 controls and the bidirectional overrides
/// (`TerminalScalars.acts`), as diagnostics escape them, the line and paragraph separators
/// (U+2028, U+2029), which some terminals take for a line break, and the invisible characters
/// (`TerminalScalars.isInvisible`: a soft hyphen, a zero-width space), so that a name reads as it is.
func terminalSafe(_ text: String) -> String {
    func unsafe(_ scalar: Unicode.Scalar) -> Bool {
        (TerminalScalars.acts(scalar) && scalar != "\n" && scalar != "\t") || TerminalScalars.separatesLines(scalar)
            || TerminalScalars.isInvisible(scalar)
    }
    guard text.unicodeScalars.contains(where: unsafe) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        if unsafe(scalar) {
            out.append(contentsOf: TerminalScalars.escaped(scalar).unicodeScalars)
        } else {
            out.append(scalar)
        }
    }
    return String(out)
}

/// `word` as a POSIX shell reads it back: as it is when made only of letters, digits and
/// `_ . / : @ % + = , -` (unless `always`), else in single quotes (a quote inside written
/// `'\''`).
func shellQuoted(_ word: String, always: Bool = false) -> String {
    let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:@%+=,-".unicodeScalars)
    if !always, !word.isEmpty, word.unicodeScalars.allSatisfy(plain.contains) { return word }
    return "'" + word.replacingEvery("'", with: "'\\''") + "'"
}
