import YAMLReader

/// The characters a terminal acts on instead of showing them: the one list, kept in YAMLReader
/// (whose YAML emitter uses it too) and named here for the package's other modules.
package typealias TerminalScalars = YAMLReader.TerminalScalars
