import ArgumentParser
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PreparationRegistry
import Synchronization

/// Shell completion (`catalog --generate-completion-script bash|zsh|fish`): what each word
/// that is not a fixed list completes to. Files, folders and plugin ids are written into the
/// script; the words of a catalogue (ids, concerns, conditions, ingredients, indications) are
/// read when TAB is pressed, from the catalogue the command line being completed chooses
/// (`--catalogue`, else `CATALOGUE_PATH`, else the bundled one), so that they are those of
/// that catalogue. A completion never prints an error and never waits long: a catalogue that
/// cannot be read offers nothing (or what could be read of it).
enum Completions {
    /// Catalogue and preparation files (folders offered too): `validate`, `add`, `new -o`.
    static let yamlFiles = CompletionKind.file(extensions: ["yaml", "yml"])

    /// The area plugins' ids: `course AREA`, `new --area`.
    static let areas = CompletionKind.list(pluginIDs)

    /// `show ID`: the ids of the catalogue's preparations.
    static let preparationIDs = custom(ids(_:))

    /// `course --concern`: the indications the plugin of the area typed plans with the
    /// catalogue (`catalog plugins`, "plans:"); every indication when no known area is typed.
    static let concerns = custom(concerns(_:))

    /// `--condition`: the conditions of the catalogue's vocabulary.
    static let conditions = custom(conditions(_:))

    /// `course --region`: the regions of the plugin of the area typed; every region when no
    /// known area is typed.
    static let courseRegions = custom(courseRegions(_:))

    /// `query --ingredient`, `course --allergy`: the catalogue's ingredient names and classes.
    static let ingredients = custom(ingredients(_:))

    /// `query --indication`: the indications of the catalogue's vocabulary.
    static let indications = custom(indications(_:))

    /// The options of `course` that take no value, and those that take values up to the next
    /// option: what finding its AREA among the words typed needs.
    static let courseFlags: Set<String> = ["--explain", "-h", "--help", "--version"]
    static let courseLists: Set<String> = ["--condition", "--allergy"]

    /// The seconds a completion may spend reading a catalogue before it gives up and offers
    /// nothing (a folder on a stalled network drive, say).
    static let deadline = 3.0

    // MARK: One routine per word kind

    /// The ids of the catalogue's preparations (those that could be read).
    static func ids(_ line: CompletionLine) -> [String] {
        catalogue(line)?.preparations.map(\.id) ?? []
    }

    /// The concerns `course` may plan: those the chosen plugin plans with the catalogue, or
    /// every indication of the vocabulary (read from the manifest alone) without a known area.
    static func concerns(_ line: CompletionLine) -> [String] {
        guard let plugin = plugin(line) else { return vocabulary(line).map { Array($0.indications.keys) } ?? [] }
        return catalogue(line)?.plannableIndications(for: plugin) ?? []
    }

    /// The conditions of the vocabulary (the manifest alone is read).
    static func conditions(_ line: CompletionLine) -> [String] {
        vocabulary(line).map { Array($0.conditions.keys) } ?? []
    }

    /// The indications of the vocabulary (the manifest alone is read).
    static func indications(_ line: CompletionLine) -> [String] {
        vocabulary(line).map { Array($0.indications.keys) } ?? []
    }

    /// The regions `course` may treat: the chosen plugin's, else every region. The catalogue
    /// is not read: regions are fixed by the format.
    static func courseRegions(_ line: CompletionLine) -> [String] {
        (plugin(line)?.regions ?? Region.allCases).map(\.rawValue)
    }

    /// The ingredient classes of the vocabulary, then every ingredient name and class the
    /// catalogue's preparations give.
    static func ingredients(_ line: CompletionLine) -> [String] {
        guard let catalogue = catalogue(line) else { return [] }
        var words = Array(catalogue.manifest.vocabulary.ingredientClasses.keys)
        for preparation in catalogue.preparations {
            for ingredient in preparation.ingredients {
                words.append(ingredient.name)
                if let ingredientClass = ingredient.ingredientClass { words.append(ingredientClass) }
            }
        }
        return words
    }

    // MARK: Reading the chosen catalogue

    /// The ids of the standard plugins, in their order.
    static let pluginIDs: [String] = (try? StandardPlugins.host().ids) ?? []

    /// The plugin of `course`'s AREA as typed, when it names one.
    static func plugin(_ line: CompletionLine) -> (any CoursePlugin)? {
        guard let area = line.positionals(of: "course", flags: courseFlags, lists: courseLists).first,
              let host = try? StandardPlugins.host() else { return nil }
        return try? host.resolve(area)
    }

    /// The catalogue as read for completion: its manifest in force and the preparations that
    /// could be read.
    struct Catalogue: Sendable {
        var manifest: Manifest
        var preparations: [Preparation]
        var registry: Registry?

        func plannableIndications(for plugin: any CoursePlugin) -> [String] {
            plugin.plannableIndications(in: registry ?? Registry(manifest: manifest, preparations: preparations))
        }
    }

    /// The whole catalogue `line` chooses, or nil when it is not a catalogue that can be read
    /// (missing, not a folder, not a catalogue, unreadable) or takes longer than ``deadline``.
    static func catalogue(_ line: CompletionLine) -> Catalogue? {
        withinDeadline {
            guard let options = options(line), let layers = try? options.selectedLayers(),
                  let result = try? options.load() else { return nil }
            guard isReadable(result, layers: layers) else { return nil }
            return Catalogue(manifest: result.manifest, preparations: result.preparations, registry: result.registry)
        }
    }

    /// The vocabulary of the catalogue `line` chooses, from its manifest alone (the bundled
    /// vocabulary for the bundled catalogue or one without manifest), or nil as for
    /// ``catalogue(_:)``.
    static func vocabulary(_ line: CompletionLine) -> Vocabulary? {
        withinDeadline {
            guard let options = options(line), let layers = try? options.selectedLayers() else { return nil }
            guard layers != [.bundled] else { return BundledCatalogue.vocabulary }
            let result = CatalogueLoader().loadManifest(layers: layers)
            return isReadable(result, layers: layers) ? result.manifest.vocabulary : nil
        }
    }

    /// The catalogue options the words typed give (`--catalogue` as `CatalogueOptions` reads
    /// it; `CATALOGUE_PATH` and the bundled catalogue when there is none), or nil when they do
    /// not parse.
    static func options(_ line: CompletionLine) -> CatalogueOptions? {
        try? CatalogueOptions.parse(line.values(of: "--catalogue").map { "--catalogue=\($0)" })
    }

    /// False when a folder of `layers` could not be read as a catalogue at all: the loader
    /// then reports an error on the folder itself and falls back to the bundled manifest,
    /// whose words are not this catalogue's.
    static func isReadable(_ result: CatalogueLoadResult, layers: [CatalogueLayer]) -> Bool {
        let folders = Set(layers.compactMap { layer -> String? in
            if case .folder(let path) = layer { return path }
            return nil
        })
        return !result.diagnostics.contains { $0.severity == .error && folders.contains($0.location.file) }
    }

    // MARK: Running and answering

    /// A custom completion running `routine` on the words typed, its answer made safe to offer.
    static func custom(_ routine: @escaping @Sendable (CompletionLine) -> [String]) -> CompletionKind {
        .custom { words, index, _ in
            silenceStandardError()
            return offerable(routine(CompletionLine(words: words, index: index)))
        }
    }

    /// `candidates` without duplicates and without those a shell could not take literally:
    /// the generated bash script hands candidates to `compgen -W`, which expands `$(…)`,
    /// `$VAR`, back quotes, braces, process substitutions (`<(…)`, `>(…)`: it runs them) and a
    /// leading `~` and removes quotes and backslashes, so a
    /// word of a catalogue could run a command. Such words (never slugs, at most an odd
    /// ingredient name) are left out, as are empty words, words with control characters (a
    /// line feed would split one candidate into two) and words starting with `-` (read back
    /// as an option).
    static func offerable(_ candidates: [String]) -> [String] {
        let special = Set("$`\\'\"{}<>".unicodeScalars)
        var seen = Set<String>()
        return candidates.filter { candidate in
            !candidate.isEmpty && !candidate.hasPrefix("~") && !candidate.hasPrefix("-")
                && candidate.unicodeScalars.allSatisfy { scalar in
                    scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) && !special.contains(scalar)
                }
                && seen.insert(candidate).inserted
        }
    }

    /// Sends the standard error to /dev/null: a completion prints candidates or nothing.
    static func silenceStandardError() {
        let null = open("/dev/null", O_WRONLY)
        guard null >= 0 else { return }
        dup2(null, STDERR_FILENO)
        close(null)
    }

    /// `body`'s answer, or nil when it takes longer than ``deadline`` seconds (it then runs on
    /// in the background until the process ends, right after the completion is printed).
    static func withinDeadline<T: Sendable>(_ body: @escaping @Sendable () -> T?) -> T? {
        let answer = Answer<T>()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            answer.value = body()
            done.signal()
        }
        return done.wait(timeout: .now() + deadline) == .success ? answer.value : nil
    }

    /// The answer of ``withinDeadline(_:)``'s body, handed over between threads.
    private final class Answer<T: Sendable>: Sendable {
        private let stored = Mutex<T?>(nil)
        var value: T? {
            get { stored.withLock { $0 } }
            set { stored.withLock { $0 = newValue } }
        }
    }
}
