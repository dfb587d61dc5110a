/// A request no plugin can plan because a word in it is wrong: an unknown area, concern,
/// region or condition (with the nearest known word suggested, as every command does, through
/// ``UnknownValue``), a region the plugin does not serve, or an allergy too vague to screen with.
public struct CourseRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message (what ``description`` shows).
    package let message: String
    /// The unknown word, when that is what is wrong.
    package var unknownValue: UnknownValue?

    /// Creates an error with its message.
    package init(_ message: String) { self.message = message }

    /// The error for an unknown word: its message is the word's ``UnknownValue/description``.
    package init(_ unknown: UnknownValue) {
        message = unknown.description
        unknownValue = unknown
    }

    /// The message, without an `error:` prefix: `unknown area 'fase'; did you mean 'face'?`.
    public var description: String { message }

    /// `unknown area 'fase'; did you mean 'face'?`: an ``UnknownValue`` of `kind`.
    package static func unknownWord(_ kind: String, _ word: String, known: [String]) -> CourseRequestError {
        CourseRequestError(UnknownValue(kind: kind, value: word, known: known))
    }
}
