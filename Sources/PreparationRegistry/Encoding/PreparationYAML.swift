import YAMLReader

/// A failure of libyaml's emitter.
package typealias YAMLEmitterError = YAMLReader.YAMLEmitterError

/// Preparations as YAML, written with libyaml's emitter: what `catalog query --format yaml`
/// and `catalog show --format yaml` print.
///
/// Each preparation is one YAML document holding the same keys, in the same order, as its
/// canonical JSON (``PreparationJSON``), except that ranges, quantities and concentrations are
/// written in the catalogue's own text forms (`0.5-2 mm`, `3 days - 1 month`, `4-6`, `10 ml`,
/// `1.35 %`). So the
/// output is itself a valid catalogue file: saved under `preparations/`, it reads back through
/// ``CatalogueLoader`` as the same preparations. Strings that would read back as another type
/// (`"true"`, `"2025-06-01"`) are quoted.
package enum PreparationYAML {
    /// The preparations as a YAML stream, one document each (`---` between them); an empty
    /// list gives an empty string.
    package static func encode(_ preparations: [Preparation]) throws(YAMLEmitterError) -> String {
        try emitter.emit(documents: preparations.map(document(of:)))
    }

    /// One preparation as a YAML document.
    package static func encode(_ preparation: Preparation) throws(YAMLEmitterError) -> String {
        try encode([preparation])
    }

    static func document(of preparation: Preparation) -> DataValue {
        PreparationDocument.value(of: preparation, style: .catalogue)
    }

    /// The emitter of preparations: lists of scalars, none longer than 40 characters, on one line.
    static let emitter = YAMLEmitter(flow: .scalarItems(maxStringLength: 40))
}
