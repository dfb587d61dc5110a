/// A request no plugin can plan because a word in it is wrong: an unknown area, concern,
/// region or condition (with the nearest known word suggested), or a region the plugin does
/// not serve.
public struct CourseRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message, without a `error:` prefix.
    public var message: String

    /// Creates an error with its message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }

    /// `unknown area 'fase'; did you mean 'face'? (known: face, scalp, body, scar)`.
    public static func unknownWord(_ kind: String, _ word: String, known: [String]) -> CourseRequestError {
        var text = "unknown \(kind) '\(word)'"
        if let suggestion = Suggestions.nearest(to: word, in: known) { text += "; did you mean '\(suggestion)'?" }
        if !known.isEmpty, known.count <= 20 { text += " (known: \(known.joined(separator: ", ")))" }
        return CourseRequestError(text)
    }
}
