/// A place in a source file: the file's path as given to the reader, and a 1-based line and column.
///
/// Columns count characters (Unicode scalars), not bytes, as libyaml does.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path of the file, as the caller named it.
    public package(set) var file: String
    /// The line, from 1.
    public package(set) var line: Int
    /// The column, from 1.
    public package(set) var column: Int

    /// Creates a location.
    package init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and compilers use.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        return lhs.column < rhs.column
    }
}

/// A place a message names, with what is there (`first defined here`): a note of a diagnostic
/// (`Diagnostic.Note`), the related place of a reader's error (`YAMLError.related`).
public struct SourceNote: Sendable, Hashable {
    /// Where it is.
    public package(set) var location: SourceLocation
    /// What is there, without the location: `first given here`.
    public package(set) var message: String

    /// Creates a note.
    package init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }
}
