/// The work a load does beyond reading, decoding and checking the preparations: what a caller
/// that does not need some of it (a look-up prints no lint warning; a check runs no query)
/// leaves out, to load faster. Every error is found whatever the work; what differs is
/// whether warnings of lint are gathered, which diagnostics carry their source lines, and
/// when the registry's query indexes are built.
///
/// The default, ``all``, does everything, as a library user expects of
/// ``CatalogueLoader/init(limits:work:)``; ``validation`` is what `catalog validate` does and
/// ``lookUp`` what `catalog query`, `show` and `course` do.
package struct LoadWork: OptionSet, Sendable, Hashable {
    /// The bits of the work: one for each kind.
    package let rawValue: Int

    /// Creates a set of work from its raw value.
    package init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Runs the lint rules, whose warnings join the diagnostics. Without it, the lint rules run
    /// only when the load finds an error: their warnings then count against the caps on the
    /// diagnostics kept (`CatalogueLoader.diagnosticsPerFile`), so that the errors kept are
    /// those a full load keeps.
    package static let lint = LoadWork(rawValue: 1 << 0)
    /// Gives every diagnostic the line of the source it points at (`Diagnostic.sourceLine`).
    package static let sourceLines = LoadWork(rawValue: 1 << 1)
    /// Gives the errors, not the warnings, their source lines: what a caller that prints only
    /// errors needs. Implied by ``sourceLines``.
    package static let errorSourceLines = LoadWork(rawValue: 1 << 2)
    /// Builds the registry's query indexes during the load (for a large catalogue, on a second
    /// thread while the catalogue is checked). Without it, the registry builds them on its
    /// first query (``Registry/preparations(matching:)``), or never for a caller that only
    /// looks preparations up by id.
    package static let queryIndexes = LoadWork(rawValue: 1 << 3)

    /// Everything: lint, the source lines of every diagnostic and the query indexes.
    package static let all: LoadWork = [.lint, .sourceLines, .queryIndexes]
    /// What checking a catalogue needs: lint and the source lines of every diagnostic, no
    /// query indexes.
    package static let validation: LoadWork = [.lint, .sourceLines]
    /// What looking preparations up or planning from them needs: the query indexes and the
    /// source lines of errors; no lint (see ``lint``).
    package static let lookUp: LoadWork = [.queryIndexes, .errorSourceLines]
    /// What planning a course needs: the source lines of errors. The planner looks
    /// preparations up by id and scans them all; the query indexes, which it needs only to
    /// suggest an ingredient name for an allergy that matches none, are then built on that
    /// first use. Building them during the load cost `course` 80 M instructions (3.99 G against
    /// 3.91 G) and half a MiB of its peak on the 10,000 preparations of Benchmarks/commands.sh.
    package static let planning: LoadWork = [.errorSourceLines]

    /// Whether a diagnostic of this severity gets its source line.
    func wantsSourceLine(_ severity: Diagnostic.Severity) -> Bool {
        contains(.sourceLines) || (severity == .error && contains(.errorSourceLines))
    }
}
