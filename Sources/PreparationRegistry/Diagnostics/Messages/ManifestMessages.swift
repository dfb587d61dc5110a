import YAMLReader

/// The messages about the manifest's own fields: its vocabulary, `lint` and `replaces`
/// (``ManifestDecoder``).
extension Diagnostic.Message {
    /// `unknown lint rule 'RULE'` and the hint.
    static func unknownLintRule(_ rule: String, hint: String) -> Self {
        Self(.unknownLintRule, "unknown lint rule '\(rule)'" + hint)
    }

    /// `each entry of 'replaces: SECTION' must be a slug, not KIND`.
    static func replacesEntryNotASlug(_ section: String, _ kind: String) -> Self {
        Self(.wrongType, "each entry of 'replaces: \(section)' must be a slug, not \(kind)")
    }

    /// `'replaces: SECTION' lists 'SLUG', which is not a slug: ...`.
    static func replacesNotASlug(_ section: String, _ slug: String) -> Self {
        Self(.notASlug, "'replaces: \(section)' lists '\(slug)', which is not a slug: lower-case letters and digits, in words joined by single hyphens")
    }

    /// `'SLUG' is listed twice under 'replaces: SECTION' (first at FIRST); list it once`, with
    /// a note at the first.
    static func listedTwice(_ slug: String, section: String, firstAt first: SourceLocation) -> Self {
        Self(.listedTwice, "'\(slug)' is listed twice under 'replaces: \(section)' (first at \(first)); list it once",
             notes: [Diagnostic.Note(first, "first listed here")])
    }

    /// `'WHAT' must be a mapping of slugs to descriptions, not KIND`.
    static func notAVocabularyMapping(_ what: String, _ kind: String) -> Self {
        Self(.wrongType, "'\(what)' must be a mapping of slugs to descriptions, not \(kind)")
    }

    /// A vague ingredient named by a condition (``IngredientTerm/vaguenessProblem(as:)``).
    static func vagueIngredient(_ problem: String) -> Self {
        Self(.vagueIngredient, problem)
    }

    /// `'code' must be written SYSTEM|CODE, ... not 'TEXT'`.
    static func invalidConceptCode(_ text: String) -> Self {
        Self(.invalidConceptCode, "'code' must be written SYSTEM|CODE, one '|' between a system (an absolute URI) and a code and no spaces (for example 'http://snomed.info/sct|77386006'), not '\(text)'")
    }

    /// `vocabulary word 'WORD' is not a slug: ...`.
    static func vocabularyWordNotASlug(_ word: String) -> Self {
        Self(.notASlug, "vocabulary word '\(word)' is not a slug: lower-case letters and digits, in words joined by single hyphens")
    }
}
