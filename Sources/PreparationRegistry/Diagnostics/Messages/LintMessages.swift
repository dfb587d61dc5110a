extension LintRule {
    /// What a lint warning says. Built by the named constructors below, one per rule's
    /// problem, beside the other diagnostics' messages (``Diagnostic/Message``), so that a
    /// warning's words are found, and changed, in one place. A lint warning's code is its
    /// rule's id, so the message is its text alone.
    package struct Message: Sendable, Hashable {
        /// The sentence printed.
        package var text: String

        package init(_ text: String) {
            self.text = text
        }
    }
}

/// The messages of the lint rules (``LintRules``).
extension LintRule.Message {
    /// `depth D lies outside the usual depth of every technique listed (T BAND, ...)`.
    static func depthOutsideTechniques(_ depth: LengthRange, techniques: [Technique]) -> Self {
        let bands = techniques.map { "\($0.rawValue) \($0.usualDepth)" }.joined(separator: ", ")
        return Self("depth \(depth) lies outside the usual depth of every technique listed (\(bands))")
    }

    /// `the first phase ('NAME') has sessions INTERVAL apart, less than the residence time's
    /// lower bound (MIN): ...`.
    static func firstIntervalBelowResidence(phase: String, interval: DurationRange,
                                            residence: Quantity<DurationUnit>) -> Self {
        Self("the first phase ('\(phase)') has sessions \(interval) apart, less than the residence time's lower bound (\(residence)): the next session would fall while the substances are still active")
    }

    /// `phase 'NAME' looks like maintenance but neither repeats nor ends the protocol (phase N
    /// of M); ...`.
    static func maintenanceNeitherRepeatsNorEnds(phase: String, number: Int, of count: Int) -> Self {
        Self("phase '\(phase)' looks like maintenance but neither repeats nor ends the protocol (phase \(number) of \(count)); add 'repeat: true' or move it last")
    }

    /// `'KEY' holds an invisible character, U+XXXX, in 'TEXT' (shown escaped); ...`.
    static func invisibleCharacter(_ key: String, scalar: Unicode.Scalar, in text: String) -> Self {
        var shown = ""
        for s in text.unicodeScalars {
            shown += s.properties.isDefaultIgnorableCodePoint ? TerminalScalars.escaped(s) : String(s)
        }
        return Self("'\(key)' holds an invisible character, \(TerminalScalars.codePoint(scalar.value)), in '\(shown)': it reads as text it is not; remove it")
    }

    /// `preparation 'ID' names no sources; ...`.
    static func noSources(_ id: String) -> Self {
        Self("preparation '\(id)' names no sources; add 'sources' saying where its figures come from")
    }

    /// `preparation avoids SEASON, ... but no aftercare instruction mentions sun protection`.
    static func avoidSeasonsWithoutSunProtection(_ seasons: [Season]) -> Self {
        let names = seasons.map(\.rawValue).joined(separator: ", ")
        return Self("preparation avoids \(names) but no aftercare instruction mentions sun protection")
    }

    /// `ingredient 'NAME' is named by the condition 'C' (its ingredient 'TERM'), which leaves
    /// this preparation out; list 'C' among its contraindications`.
    static func ingredientConditionNotListed(_ ingredient: String, condition: String, term: String) -> Self {
        Self("ingredient '\(ingredient)' is named by the condition '\(condition)' (its ingredient "
            + "'\(term)'), which leaves this preparation out; list '\(condition)' among its contraindications")
    }
}
