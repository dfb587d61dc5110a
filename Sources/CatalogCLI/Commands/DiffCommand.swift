import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PreparationRegistry

/// The output format of `diff`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// `catalog diff OLD NEW`: what changed from one catalogue to another, per preparation, in the
/// catalogue's terms; exit 0 when equal, 1 when not.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two catalogues, per preparation; exit 0 when equal, 1 when not.",
        discussion: """
            OLD and NEW are catalogue folders, 'bundled' (the bundled catalogue), or git \
            revisions: REV:PATH is the folder PATH as committed in REV (origin/main:Catalogue), \
            and a revision alone (main, HEAD~1, v1.0) is, at that revision, the folder the other \
            side names when it is a folder of the same repository, else the current folder. An \
            existing folder wins over a revision of the same name. Loaded values are compared: \
            layout, key order and comments alone are no change. Each change prints as \
            'field: old -> new', 'field: + added' or 'field: - removed', values as the catalogue \
            writes them; a last line sums up. Exit 1 also when either side has errors (they are \
            printed), 2 when a side is neither a folder nor a revision. A clinic's layer is             compared on top of the layers below it: --below bundled (repeatable, lowest first).
            """
    )

    @Argument(help: ArgumentHelp("The catalogue before: a folder, 'bundled', or a git revision (REV or REV:PATH).", valueName: "old"), completion: .directory)
    var old: String

    @Argument(help: ArgumentHelp("The catalogue after: a folder, 'bundled', or a git revision (REV or REV:PATH).", valueName: "new"), completion: .directory)
    var new: String

    /// `--max-file-size`, `--max-depth`, `--max-aliases`, for both sides.
    @OptionGroup var limits: LimitOptions

    @Option(name: .customLong("below"), help: ArgumentHelp(
        "A layer below both sides (a folder or 'bundled'; repeatable, lowest first): OLD and NEW are then each compared as the last layer on top of these.",
        valueName: "layer"), completion: .directory)
    var below: [String] = []

    @Option(help: "Output format: table or json.")
    var format: DiffFormat = .table

    func run() throws {
        // Ctrl-C, SIGTERM and SIGHUP wait until the scratch folder is removed, then end the
        // process as they would have.
        let signals = SignalDeferral.begin()
        let scratch = ScratchFolder()
        let status = compare(scratch: scratch, signals: signals)
        scratch.remove()
        signals.end()
        if status != 0 { throw ExitCode(status) }
    }

    /// Resolves, loads, compares and prints; the exit status.
    private func compare(scratch: ScratchFolder, signals: SignalDeferral) -> Int32 {
        var sides: [DiffSide] = []
        for (index, (word, other)) in [(old, new), (new, old)].enumerated() {
            do throws(DiffSide.Unknown) {
                sides.append(try DiffSide.resolve(word, other: other, scratch: scratch, index: index,
                                                  sizeLimit: limits.maxFileSize.bytes))
            } catch {
                if signals.caught != nil { return 1 }
                printErrorLine("error: \(error.message)")
                return 2
            }
        }
        if signals.caught != nil { return 1 }
        let loader = limits.loader
        var registries: [Registry] = []
        var failed = false
        // A layer whose manifest adds its own words does not load on its own (an outside
        // review could not compare two versions of a clinic's layer): --below names the rest.
        if below.contains(where: \.isEmpty) {
            printErrorLine("error: --below '' names no layer: give a catalogue folder, or '\(CatalogueLayer.bundledWord)'")
            return 64
        }
        let layersBelow = below.map(CatalogueLayer.init(argument:))
        for side in sides {
            let top: CatalogueLayer = side.isBundled ? .bundled : .folder(side.folder)
            let result = layersBelow.isEmpty ? (side.isBundled ? loader.loadBundled() : loader.load(catalogueAt: side.folder))
                : loader.load(layers: layersBelow + [top])
            if let registry = result.registry {
                registries.append(registry)
                continue
            }
            failed = true
            for diagnostic in result.diagnostics where diagnostic.severity == .error { printError(side.shown(diagnostic).rendered) }
            printError("error: \(side.name) has \(plural(result.errorCount, "error")); `catalog validate` lists them")
        }
        if failed || signals.caught != nil { return 1 }
        let diff = CatalogueDiff(from: registries[0], to: registries[1])
        switch format {
        case .table:
            print(diff.lines.map(terminalSafe).joined(separator: "\n"))
        case .json:
            guard case .object(let members) = diff.json else { return 1 }
            print(DataValue.object([("old", .string(sides[0].name)), ("new", .string(sides[1].name))] + members).jsonText(pretty: true))
        }
        return diff.isEmpty ? 0 : 1
    }
}

/// A private folder (`mkdtemp`) for the catalogues of revisions, made when first needed and
/// removed with everything in it.
final class ScratchFolder {
    private(set) var url: URL?
    private var failed = false

    /// The folder, made now if not yet; nil when it cannot be made.
    func make() -> URL? {
        if url == nil, !failed {
            var template = Array(FileManager.default.temporaryDirectory.appendingPathComponent("catalog-diff-XXXXXX").path.utf8CString)
            if let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) {
                url = URL(fileURLWithPath: String(cString: made))
            } else {
                failed = true
            }
        }
        return url
    }

    func remove() {
        if let url { try? FileManager.default.removeItem(at: url) }
        url = nil
    }
}
