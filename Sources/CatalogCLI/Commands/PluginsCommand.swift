import ArgumentParser
import PreparationRegistry

/// `catalog plugins`: the area plugins and what they plan.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the area plugins, their regions, what they plan from the catalogue, and their examples."
    )

    @OptionGroup var options: CatalogueOptions

    func run() throws {
        let host = try StandardPlugins.host()
        // An invalid catalogue is an error, as in every other subcommand: never a silent
        // listing without the `plans:` lines.
        let registry = try options.loadRegistry()
        let examplesNote = try options.selectedLayers() == [.bundled] ? "" : " (on the bundled catalogue)"
        var out = ""
        for plugin in host.plugins {
            out += "\(plugin.id): \(plugin.summary)\n"
            out += "  regions: \(plugin.regions.map(\.rawValue).joined(separator: ", "))\(plugin.needsRegion ? " (--region required)" : "")\n"
            out += "  session counts: the \(plugin.sessionCounts == .fewest ? "lower" : "upper") bound of each phase's range\n"
            let indications = plugin.plannableIndications(in: registry)
            out += "  plans: \(indications.isEmpty ? "nothing in this catalogue" : indications.joined(separator: ", "))\n"
            for line in plugin.particulars { out += "  note: \(line)\n" }
            for rule in plugin.rules {
                out += "  rule \(rule.id): \(rule.rationale)\n    source: \(rule.source)\n"
            }
            for example in plugin.examples {
                var command = "catalog course \(plugin.id) --concern \(example.request.concern)"
                for treated in example.request.regions { command += " --region \(treated.argument)" }
                if !example.request.conditions.isEmpty { command += " --condition " + example.request.conditions.joined(separator: " ") }
                if !example.request.allergies.isEmpty { command += " --allergy " + example.request.allergies.joined(separator: " ") }
                command += " --start \(example.request.start)"
                if example.request.horizon != CourseRequest.defaultHorizon { command += " --horizon '\(example.request.horizon)'" }
                out += "  example\(examplesNote): \(example.title)\n    \(command)\n"
                out += "    expects: \(example.expectedPreparation.map { "\($0), \(example.expectedDates.count) session\(example.expectedDates.count == 1 ? "" : "s")" } ?? "no preparation qualifies")\n"
            }
            out += "\n"
        }
        out += "Nothing this tool prints is medical advice: a practitioner decides.\n"
        print(out, terminator: "")
    }
}
