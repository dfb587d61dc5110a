import YAMLReader

/// A file, line and column (from 1): where a preparation, a node or a diagnostic is.
public typealias SourceLocation = YAMLReader.SourceLocation

/// The bounds that protect loading against hostile files: nesting depth, alias expansion and
/// file size. Settable on ``CatalogueLoader``.
package typealias YAMLLimits = YAMLReader.YAMLLimits
