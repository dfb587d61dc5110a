/// A located problem found while reading YAML.
package struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is.
    package enum Kind: String, Sendable, Hashable {
        /// The file could not be opened or read.
        case io
        /// The bytes are not UTF-8, or hold characters YAML forbids.
        case encoding
        /// libyaml could not scan or parse the text.
        case syntax
        /// A bound of ``YAMLLimits`` was exceeded.
        case limit
        /// A tag other than the standard ones, or a standard tag on a value it cannot describe.
        case tag
        /// A key given twice in one mapping.
        case duplicateKey
        /// A mapping key that is not a scalar.
        case complexKey
        /// An alias to an anchor that is not defined before it.
        case unknownAlias
        /// A merge key (`<<`) whose value is not a mapping or a list of mappings.
        case merge
    }

    /// The kind of problem.
    package var kind: Kind
    /// Where it is.
    package var location: SourceLocation
    /// A sentence for a person, without the location.
    package var message: String
    /// Another place the message names, with what is there: where a key given twice was
    /// first given, or the construct libyaml was parsing when it failed.
    package var related: Related?

    /// A place an error's message names, as data.
    package typealias Related = SourceNote

    /// Creates an error.
    package init(_ kind: Kind, at location: SourceLocation, _ message: String, related: Related? = nil) {
        self.kind = kind
        self.location = location
        self.message = message
        self.related = related
    }

    /// `file:line:column: error: message`.
    package var description: String { "\(location): error: \(message)" }
}
