import ArgumentParser

/// `catalog`: the command-line tool of the mesotherapy preparation catalogue.
@main
struct Catalog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "A catalogue of mesotherapy preparations: validate it, look things up, plan courses.",
        discussion: """
            The catalogue is a folder of YAML files (see docs/catalogue-format.md). Every \
            subcommand reads the catalogue named by --catalogue, else by the CATALOGUE_PATH \
            environment variable, else the bundled catalogue built into this tool.

            Nothing this tool prints is medical advice: a practitioner decides.
            """,
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, QueryCommand.self, ShowCommand.self, CourseCommand.self, PluginsCommand.self,
            AddCommand.self, NewCommand.self, SchemaCommand.self, LintRulesCommand.self,
        ]
    )
}
