import YAMLReader

/// The messages about a catalogue's structure: its folder, its files, links and YAML
/// (``CatalogueLoader``, ``CatalogueWalker``, ``LoadSession``).
extension Diagnostic.Message {
    // MARK: YAML

    /// A reader error, its code from its kind: `yaml-syntax`, `yaml-duplicate-key`, ...
    static func yaml(_ error: YAMLError) -> Self {
        let code: Diagnostic.Code = switch error.kind {
        case .io: .yamlIO
        case .encoding: .yamlEncoding
        case .syntax: .yamlSyntax
        case .limit: .yamlLimit
        case .tag: .yamlTag
        case .duplicateKey: .yamlDuplicateKey
        case .complexKey: .yamlComplexKey
        case .unknownAlias: .yamlUnknownAlias
        case .merge: .yamlMerge
        }
        return Self(code, error.message, notes: error.related.map { [$0] } ?? [])
    }

    // MARK: The catalogue folder

    /// `cannot read folder: REASON`.
    static func cannotReadFolder(_ reason: String) -> Self {
        Self(.unreadable, "cannot read folder: \(reason)")
    }

    /// `cannot read: REASON` (an entry of a folder).
    static func cannotRead(_ reason: String) -> Self {
        Self(.unreadable, "cannot read: \(reason)")
    }

    /// `cannot reach the catalogue folder: REASON`, or `no catalogue folder here`.
    static func noCatalogueFolder(unreachable reason: String?) -> Self {
        Self(.notACatalogue, reason.map { "cannot reach the catalogue folder: \($0)" } ?? "no catalogue folder here")
    }

    /// `not a catalogue folder; ...` (a file given as a catalogue).
    static var notACatalogueFolder: Self {
        Self(.notACatalogue, "not a catalogue folder; a catalogue is a folder with '\(CatalogueLoader.manifestName)' and '\(CatalogueLoader.preparationsFolder)/'")
    }

    /// `not a catalogue: this folder has neither 'catalogue.yaml' nor 'preparations/'`.
    static var notACatalogue: Self {
        Self(.notACatalogue, CatalogueLoader.notACatalogueMessage)
    }

    /// `cannot resolve the catalogue folder`.
    static var unresolvableFolder: Self {
        Self(.unreadable, "cannot resolve the catalogue folder")
    }

    /// `the manifest could not be read, so the preparations are checked against FALLBACK: ...`.
    static func manifestUnreadable(fallback: String) -> Self {
        Self(.manifestUnreadable, "the manifest could not be read, so the preparations are checked against \(fallback): an unknown word in them may be one this manifest defines")
    }

    /// `'catalogue.yaml' is a folder; the manifest must be a file` (or `is not a regular file`).
    static func manifestNotAFile(_ what: String) -> Self {
        Self(.notARegularFile, "'\(CatalogueLoader.manifestName)' is \(what); the manifest must be a file")
    }

    /// `the catalogue has no 'preparations' folder, so no preparations`.
    static var noPreparationsFolder: Self {
        Self(.noPreparationsFolder, "the catalogue has no '\(CatalogueLoader.preparationsFolder)' folder, so no preparations")
    }

    /// `'preparations' is not a folder; ...`.
    static var preparationsNotAFolder: Self {
        Self(.notAFolder, "'\(CatalogueLoader.preparationsFolder)' is not a folder; it must be the folder of the preparation files")
    }

    // MARK: Links and files

    /// `symbolic link leads outside the catalogue`, with `, to 'TARGET'` when known.
    static func linkOutside(to target: String? = nil) -> Self {
        Self(.linkOutside, "symbolic link leads outside the catalogue" + (target.map { ", to '\($0)'" } ?? ""))
    }

    /// `symbolic link leads nowhere (its target does not exist)`.
    static var linkNowhere: Self {
        Self(.brokenLink, "symbolic link leads nowhere (its target does not exist)")
    }

    /// `symbolic link leads into a loop of links, never to a file or folder`.
    static var linkLoop: Self {
        Self(.brokenLink, "symbolic link leads into a loop of links, never to a file or folder")
    }

    /// `is a named pipe, not a regular file; ...`.
    static var namedPipe: Self {
        Self(.notARegularFile, "is a named pipe, not a regular file; a preparation file must be a regular file, so it was not read")
    }

    /// `is not read: preparation files end in .yaml or .yml, in lower case; rename it to 'NAME'`.
    static func upperCaseExtension(renamed name: String) -> Self {
        Self(.upperCaseExtension, "is not read: preparation files end in .yaml or .yml, in lower case; rename it to '\(name)'")
    }

    /// `is a device or a socket, not a regular file; ...`.
    static var deviceOrSocket: Self {
        Self(.notARegularFile, "is a device or a socket, not a regular file; a preparation file must be a regular file, so it was not read")
    }

    /// `the file holds no preparation`.
    static var noPreparation: Self {
        Self(.emptyFile, "the file holds no preparation")
    }

    /// `the manifest holds one document only` (at its second document).
    static var secondManifestDocument: Self {
        Self(.extraDocument, "the manifest holds one document only")
    }
}
