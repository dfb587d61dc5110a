import ArgumentParser
import PreparationRegistry

/// `catalog lint-rules`: the lint rules, each with its id and why it exists.
struct LintRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint-rules",
        abstract: "List the lint rules that `validate` warns by: id and rationale.",
        discussion: """
            A catalogue switches a rule off in its catalogue.yaml with \
            `lint: {disable: [rule-id]}` (say why in a comment). `validate --strict` turns \
            warnings into errors. With --format json, each rule comes with its examples: \
            documents that trigger it and documents that do not.
            """
    )

    @OptionGroup var options: CatalogueOptions

    @Option(help: "Output format: text or json.")
    var format: DiagnosticFormat = .text

    func run() throws {
        let disabled = try disabledRules()
        switch format {
        case .text:
            var out = ""
            for rule in LintRules.all {
                out += rule.id + (disabled.contains(rule.id) ? "  (disabled in \(try options.selectedName()))" : "") + "\n"
                out += wrap(rule.rationale, width: 88, indent: "    ") + "\n"
            }
            print(out, terminator: "")
        case .json:
            let rules: [DataValue] = LintRules.all.map { rule in
                .object([
                    ("id", .string(rule.id)),
                    ("rationale", .string(rule.rationale)),
                    ("disabled", .bool(disabled.contains(rule.id))),
                    ("triggering", .array(rule.triggeringExamples.map(DataValue.string))),
                    ("nonTriggering", .array(rule.nonTriggeringExamples.map(DataValue.string))),
                ])
            }
            print(DataValue.array(rules).jsonText(pretty: true))
        }
    }

    /// The rules the selected catalogue switches off (for layers, any of them); a catalogue
    /// whose manifest cannot be read (or a folder that is not a catalogue) is an error, as in
    /// every other subcommand.
    private func disabledRules() throws -> [String] {
        try options.loadManifest().disabledLintRules
    }
}

/// `text` in lines of at most `width` characters (words longer than that stay whole), each
/// line starting with `indent`.
func wrap(_ text: String, width: Int, indent: String) -> String {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
        if !line.isEmpty, indent.count + line.count + 1 + word.count > width {
            lines.append(indent + line)
            line = ""
        }
        line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(indent + line) }
    return lines.joined(separator: "\n")
}
