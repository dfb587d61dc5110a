import YAMLReader

extension Diagnostic {
    /// Another place a diagnostic speaks of, with what it is (`first defined here`): the
    /// reader's `SourceNote`, so that a reader's error passes its related place on
    /// as it is.
    public typealias Note = SourceNote

    /// What a diagnostic says: its code, its text and its notes. Built by the named
    /// constructors beside the others of their kind (`Diagnostics/Messages/`), one per problem,
    /// so that a message's words are found, and changed, in one place:
    /// `.unknownKey(key, hint: ...)`, `.duplicateID(id, firstDefinedAt: location)`.
    package struct Message: Sendable, Hashable {
        /// The stable code.
        package var code: Code
        /// The sentence printed, which names the notes' places where it speaks of them.
        package var text: String
        /// The places the sentence speaks of, as data.
        package var notes: [Note]

        package init(_ code: Code, _ text: String, notes: [Note] = []) {
            self.code = code
            self.text = text
            self.notes = notes
        }
    }
}
