extension Diagnostic {
    /// The stable codes of the diagnostics that are not lint warnings (a lint warning's code
    /// is its rule's id), as ``Diagnostic/code`` gives them: lower-case words joined by
    /// hyphens, naming the kind of problem, not its words; the reader's own errors start with
    /// `yaml-`. Each is listed, with what it means, in `docs/diagnostic-codes.md` (a test
    /// keeps the two in step). A code, once published, keeps its meaning.
    package enum Code: String, CaseIterable, Sendable, Hashable {
        // MARK: YAML (the reader)
        case yamlIO = "yaml-io"
        case yamlEncoding = "yaml-encoding"
        case yamlSyntax = "yaml-syntax"
        case yamlLimit = "yaml-limit"
        case yamlTag = "yaml-tag"
        case yamlDuplicateKey = "yaml-duplicate-key"
        case yamlComplexKey = "yaml-complex-key"
        case yamlUnknownAlias = "yaml-unknown-alias"
        case yamlMerge = "yaml-merge"

        // MARK: Loading and structure
        case unreadable = "unreadable"
        case notACatalogue = "not-a-catalogue"
        case manifestUnreadable = "manifest-unreadable"
        case notARegularFile = "not-a-regular-file"
        case upperCaseExtension = "upper-case-extension"
        case notAFolder = "not-a-folder"
        case noPreparationsFolder = "no-preparations-folder"
        case linkOutside = "link-outside"
        case brokenLink = "broken-link"
        case emptyFile = "empty-file"
        case extraDocument = "extra-document"

        // MARK: Fields and values
        case wrongType = "wrong-type"
        case unknownKey = "unknown-key"
        case missingKey = "missing-key"
        case missingValue = "missing-value"
        case emptyText = "empty-text"
        case emptyList = "empty-list"
        case repeatedItem = "repeated-item"
        case notFinite = "not-finite"
        case unknownWord = "unknown-word"
        case notASlug = "not-a-slug"
        case tooLong = "too-long"
        case notOneLine = "not-one-line"
        case invalidDate = "invalid-date"
        case invalidConcentration = "invalid-concentration"
        case missingInterval = "missing-interval"
        case numberTooLarge = "number-too-large"
        case inexactNumber = "inexact-number"
        case invalidRange = "invalid-range"
        case missingUnit = "missing-unit"
        case unknownUnit = "unknown-unit"
        case unitNotAllowed = "unit-not-allowed"
        case outOfRange = "out-of-range"
        case reversedRange = "reversed-range"
        case notAWholeNumber = "not-a-whole-number"

        // MARK: The manifest
        case unknownLintRule = "unknown-lint-rule"
        case listedTwice = "listed-twice"
        case vagueIngredient = "vague-ingredient"
        case invalidConceptCode = "invalid-concept-code"

        // MARK: Across files and layers
        case duplicateID = "duplicate-id"
        case unknownReplacement = "unknown-replacement"
        case replacementCircle = "replacement-circle"
        case repeatedLayer = "repeated-layer"
        case layerClash = "layer-clash"
        case replacesNothing = "replaces-nothing"

        // MARK: add and add --replace
        case noFiles = "no-files"
        case namedTwice = "named-twice"
        case notAPreparationFile = "not-a-preparation-file"
        case insideCatalogue = "inside-catalogue"
        case severalPreparations = "several-preparations"
        case beyondDefaultLimits = "beyond-default-limits"
        case catalogueHasErrors = "catalogue-has-errors"
        case destinationExists = "destination-exists"
        case changedMeanwhile = "changed-meanwhile"
        case nothingToReplace = "nothing-to-replace"
        case replaceBelow = "replace-below"
        case cannotReplace = "cannot-replace"
        case wouldHaveErrors = "would-have-errors"
    }
}
