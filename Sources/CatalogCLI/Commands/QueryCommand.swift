import ArgumentParser
import Exporters
import PreparationRegistry

/// `catalog query`: the preparations that match every filter given.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "List the preparations that match every filter given.",
        discussion: """
            Filters combine with AND; a filter given several times matches any of its values \
            (--region neck --region decolletage). Without a filter, every preparation is \
            listed. Results are sorted by id, or with --text by relevance: a preparation whose \
            words are found in its name first, then in its summary, then in an ingredient's \
            name, then in its notes, ties by id (--sort id|relevance chooses). Deprecated \
            preparations are listed and marked. A word the catalogue does not know is an \
            error naming the nearest known word.
            """
    )

    @OptionGroup var options: CatalogueOptions

    @Option(help: ArgumentHelp("An area: face, scalp or body.", valueName: "area"),
            completion: .list(Area.allCases.map(\.rawValue)))
    var area: [String] = []

    @Option(help: ArgumentHelp("A region (face, periorbital, neck, scalp, abdomen, ...).", valueName: "region"),
            completion: .list(Region.allCases.map(\.rawValue)))
    var region: [String] = []

    @Option(help: ArgumentHelp("An indication slug of the catalogue's vocabulary.", valueName: "indication"),
            completion: Completions.indications)
    var indication: [String] = []

    @Option(help: ArgumentHelp("An ingredient's name or class, case-insensitive.", valueName: "name-or-class"),
            completion: Completions.ingredients)
    var ingredient: [String] = []

    @Option(help: ArgumentHelp("A technique (nappage, micropapules, point-by-point, ...).", valueName: "technique"),
            completion: .list(Technique.allCases.map(\.rawValue)))
    var technique: [String] = []

    @Option(help: ArgumentHelp(
        "Words that must each start a word of the name, summary, ingredient names or notes (case- and accent-insensitive).",
        valueName: "words"))
    var text: [String] = []

    @Option(help: ArgumentHelp("A patient condition: leave out the preparations it contraindicates.", valueName: "condition"),
            completion: Completions.conditions)
    var condition: [String] = []

    @Option(help: ArgumentHelp(
        "Sort by id, or by relevance to --text (where its words are found: name, summary, ingredients, notes); default: relevance with --text, else id.",
        valueName: "order"))
    var sort: Query.Order?

    @Option(help: "Output format: table, csv (RFC 4180, for spreadsheets), json, jsonl (one JSON object a line), yaml or fhir (FHIR R4 PlanDefinitions and ActivityDefinitions).")
    var format: QueryFormat = .table

    @OptionGroup var colour: ColourOptions

    func run() throws {
        let registry = try options.loadRegistryForLookUp().registry
        var unknown: [UnknownValue] = []
        func parse<T>(_ words: [String], _ read: (String) throws(UnknownValue) -> T) -> [T] {
            words.compactMap { word in
                do throws(UnknownValue) { return try read(word) } catch { unknown.append(error); return nil }
            }
        }
        var query = Query()
        query.areas = parse(area, Query.area(named:))
        query.regions = parse(region, Query.region(named:))
        query.techniques = parse(technique, Query.technique(named:))
        query.indications = indication
        query.ingredients = ingredient
        query.texts = text
        query.excludedConditions = condition
        query.order = sort ?? (text.isEmpty ? .id : .relevance)
        unknown += registry.unknownValues(in: query)
        if !unknown.isEmpty {
            for problem in unknown { printErrorLine("error: \(problem)") }
            throw ExitCode(2)
        }
        let found = registry.preparations(matching: query)
        switch format {
        case .csv: PreparationCSV.write(found) { print($0, terminator: "") }
        case .jsonl: for preparation in found { print(PreparationJSON.value(of: preparation).jsonText(pretty: false)) }
        case .table, .json, .yaml, .fhir:
            guard let shared = format.shared else { return }
            try printPreparations(found, format: shared, single: false, registry: registry, colour: colour.choice)
        }
    }
}

extension Query.Order: ExpressibleByArgument {}

/// `catalog show ID`: one preparation, whole.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one preparation, whole.",
        discussion: "An unknown ID is an error naming the nearest known id."
    )

    @OptionGroup var options: CatalogueOptions

    @Argument(help: ArgumentHelp("The preparation's id.", valueName: "id"), completion: Completions.preparationIDs)
    var id: String

    @Option(help: "Output format: table, json, yaml or fhir (FHIR R4 PlanDefinitions and ActivityDefinitions).")
    var format: OutputFormat = .table

    @OptionGroup var colour: ColourOptions

    func run() throws {
        // A look-up by id needs no query index.
        let (registry, part) = try options.loadRegistryForLookUp(work: .errorSourceLines)
        let preparation: Preparation
        do {
            preparation = try registry.preparation(id: id)
        } catch {
            // The one asked for may be left out of a catalogue with errors, rather than unknown:
            // in a broken file named after it (one file a preparation, named after its id),
            // defined twice, in a document with errors of a file named otherwise, or replaced by a
            // layer whose replacement did not load.
            if let part, part.leftOutIDs.contains(id.lowercased()) {
                if let file = part.brokenFiles.first(where: { ValidPart.stem(of: $0)?.lowercased() == id.lowercased() }) {
                    printErrorLine("error: no valid preparation '\(id)': its file \(file) has errors; `catalog validate` lists them")
                } else {
                    printErrorLine("error: no valid preparation '\(id)': the catalogue's errors concern it (a document "
                               + "with this id has errors, it is defined twice, or it is replaced by a layer whose replacement did not load); `catalog validate` lists them")
                }
                throw ExitCode(1)
            }
            printErrorLine("error: \(error)")
            throw ExitCode(2)
        }
        try printPreparations([preparation], format: format, single: true, registry: registry, colour: colour.choice)
    }
}

/// Prints preparations in `format`; `single` prints one object (JSON) or the detailed view
/// (table); FHIR is one Bundle either way, versioned with `registry`'s manifest.
func printPreparations(_ preparations: [Preparation], format: OutputFormat, single: Bool, registry: Registry,
                       colour: Terminal.ColourChoice = .auto) throws {
    switch format {
    case .fhir:
        print(PreparationFHIR.render(preparations, catalogue: CatalogueIdentity(registry.manifest),
                                     vocabulary: registry.vocabulary), terminator: "")
    case .json where registry.isLayered:
        // (1.1) A layered catalogue adds each preparation's `layer`, after its keys.
        func value(_ p: Preparation) -> DataValue {
            guard case .object(let members) = PreparationJSON.value(of: p) else { return PreparationJSON.value(of: p) }
            return DataValue.object(members + [("layer", .string(registry.layer(of: p.id)?.description ?? ""))])
        }
        writeJSON(preparations, single: single && preparations.count == 1, value)
    case .json:
        writeJSON(preparations, single: single && !preparations.isEmpty, PreparationJSON.value(of:))
    case .yaml:
        do {
            // One document at a time: the stream's documents after the first start with `---`.
            for (index, p) in preparations.enumerated() {
                let text = try PreparationYAML.encode(p)
                CommandContext.writeOutput(index == 0 ? text : "---\n" + text)
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
    case .table:
        let terminal = Terminal.standardOutput(colour: colour)
        let layer = registry.isLayered ? { (p: Preparation) in registry.layer(of: p.id)?.description ?? "" } : nil
        if single, let only = preparations.first {
            print(PreparationDetail(preparation: only, terminal: terminal, layer: layer?(only)).text, terminator: "")
        } else {
            PreparationTable(preparations: preparations, terminal: terminal, layer: layer).write(to: CommandContext.writeOutput)
        }
    }
}

/// Writes `preparations` as a pretty JSON array (or, `single`, the first as one object), then a
/// newline: the bytes of the whole value's `jsonText(pretty: true)`, handed over in chunks as
/// they are formed (``OutputBuffer``), so that no preparation's text, however large its `x-`
/// values, is held whole.
func writeJSON(_ preparations: [Preparation], single: Bool, _ value: (Preparation) -> DataValue) {
    if preparations.isEmpty { return CommandContext.writeOutput("[]\n") }
    var out = OutputBuffer()
    let flush = { (text: inout String) in OutputBuffer.handOver(&text, to: CommandContext.writeOutput) }
    if single {
        value(preparations[0]).writeJSON(pretty: true, into: &out.text, flush: flush)
        out.text += "\n"
        return out.flush(to: CommandContext.writeOutput)
    }
    out.text += "["
    for (index, p) in preparations.enumerated() {
        out.text += index == 0 ? "\n  " : ",\n  "
        value(p).writeJSON(pretty: true, indent: 1, into: &out.text, flush: flush)
        out.flushIfFull(to: CommandContext.writeOutput)
    }
    out.text += "\n]\n"
    out.flush(to: CommandContext.writeOutput)
}

extension Terminal.ColourChoice: ExpressibleByArgument {}

/// `--color auto|always|never`, for the commands that print tables.
struct ColourOptions: ParsableArguments {
    @Option(name: .customLong("color"), help: ArgumentHelp(
        "When to colour: auto (on a terminal, unless NO_COLOR is set and not empty or TERM=dumb; FORCE_COLOR forces it), always or never.",
        valueName: "when"))
    var choice: Terminal.ColourChoice = .auto
}
