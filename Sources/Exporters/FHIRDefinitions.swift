import PreparationRegistry

/// `catalog fhir-definitions`: what the FHIR exports use besides FHIR itself, as one FHIR R4
/// `Bundle` of type `collection`, so that a validator or a FHIR server can load it.
///
/// - A `StructureDefinition` for each extension (`FHIRNames/depthExtension`,
///   `FHIRNames/windowExtension`): `kind` `complex-type`, `derivation` `constraint`, `type`
///   `Extension` on the base Extension of FHIR 4.0.1, a differential that fixes
///   `Extension.url`, forbids nested extensions and restricts `Extension.value[x]` to one
///   type. The injection depth may stand on a `ServiceRequest` (a course's sessions) and on an
///   `ActivityDefinition` (a preparation's activity, `catalog show --format fhir`); the
///   session window on a `ServiceRequest` only. Their `version` is the catalogue format's.
/// - A `CodeSystem` of the catalogue's preparation ids (`FHIRNames/preparationCodeSystem`):
///   `version` the catalogue manifest's, `content` `complete`, `caseSensitive`, one concept
///   per preparation (code the id, display the name, definition the summary), deprecated
///   ones with the standard `status` property `deprecated`.
///
/// Every entry's `fullUrl` is the resource's canonical URL; the same catalogue gives the same
/// bytes.
package enum FHIRDefinitions {
    /// The version of the extension definitions: the catalogue format they belong to.
    package static let definitionsVersion = BundledCatalogue.formatVersion

    /// One extension the exports use: what its StructureDefinition says.
    package struct Extension: Sendable, Hashable {
        /// The canonical URL (one of `FHIRNames`).
        package var url: String
        /// The resource `id`, the URL's last segment.
        package var id: String
        /// The machine name (`InjectionDepth`).
        package var name: String
        /// The human title.
        package var title: String
        /// What it means.
        package var description: String
        /// The resource types it may stand on.
        package var contexts: [String]
        /// The one FHIR type of its value (`Range`, `Period`).
        package var valueType: String
    }

    /// The extensions of the exports, in the order the bundle lists them.
    package static let extensions: [Extension] = [
        Extension(
            url: FHIRNames.depthExtension, id: "injection-depth", name: "InjectionDepth", title: "Injection depth",
            description: "Where the product is deposited under the skin surface, as a Range of lengths in UCUM mm: "
                + "on a ServiceRequest, the depth of one mesotherapy session; on an ActivityDefinition, the depth of "
                + "the preparation's activity.",
            contexts: ["ServiceRequest", "ActivityDefinition"], valueType: "Range"),
        Extension(
            url: FHIRNames.windowExtension, id: "session-window", name: "SessionWindow", title: "Session window",
            description: "The dates a mesotherapy session may move between without breaking its protocol (each session "
                + "lies within its phase's interval of the one before); the request's occurrence is the planned date.",
            contexts: ["ServiceRequest"], valueType: "Period"),
    ]

    /// The definitions for a catalogue's preparations, as a `Bundle` (pretty-printed JSON, with
    /// a final newline).
    package static func render(preparations: [Preparation], catalogue: CatalogueIdentity) -> String {
        FHIRText.json(bundle(preparations: preparations, catalogue: catalogue)) + "\n"
    }

    /// The definitions as a JSON value: the bundle ``render(preparations:catalogue:)`` prints.
    package static func bundle(preparations: [Preparation], catalogue: CatalogueIdentity) -> DataValue {
        var entries = extensions.map { ext in
            DataValue.object([("fullUrl", .string(ext.url)), ("resource", structureDefinition(ext))])
        }
        entries.append(.object([
            ("fullUrl", .string(FHIRNames.preparationCodeSystem)),
            ("resource", codeSystem(preparations: preparations, catalogue: catalogue)),
        ]))
        return .object([
            ("resourceType", .string("Bundle")),
            ("id", .string("fhir-definitions")),
            ("type", .string("collection")),
            ("entry", .array(entries)),
        ])
    }

    /// The StructureDefinition of one extension. Its differential elements have a `path` and
    /// no `id` (optional in R4): fhir.resources' R4B models type `Element.id` as a FHIR `id`,
    /// whose pattern refuses the `[x]` of `Extension.value[x]`.
    package static func structureDefinition(_ ext: Extension) -> DataValue {
        let valueKey = "Extension.value[x]"
        return .object([
            ("resourceType", .string("StructureDefinition")),
            ("id", .string(ext.id)),
            ("url", .string(ext.url)),
            ("version", .string(definitionsVersion)),
            ("name", .string(ext.name)),
            ("title", .string(ext.title)),
            ("status", .string("active")),
            ("experimental", .bool(false)),
            ("publisher", .string(publisher)),
            ("description", .string(ext.description)),
            ("fhirVersion", .string("4.0.1")),
            ("kind", .string("complex-type")),
            ("abstract", .bool(false)),
            ("context", .array(ext.contexts.map { .object([("type", .string("element")), ("expression", .string($0))]) })),
            ("type", .string("Extension")),
            ("baseDefinition", .string("http://hl7.org/fhir/StructureDefinition/Extension")),
            ("derivation", .string("constraint")),
            ("differential", .object([("element", .array([
                .object([
                    ("path", .string("Extension")),
                    ("short", .string(ext.title)), ("definition", .string(ext.description)),
                    ("min", .int(0)), ("max", .string("1")),
                ]),
                .object([("path", .string("Extension.extension")), ("max", .string("0"))]),
                .object([("path", .string("Extension.url")), ("fixedUri", .string(ext.url))]),
                .object([
                    ("path", .string(valueKey)), ("min", .int(1)),
                    ("type", .array([.object([("code", .string(ext.valueType))])])),
                ]),
            ]))])),
        ])
    }

    /// The CodeSystem of the preparation ids of a catalogue.
    package static func codeSystem(preparations: [Preparation], catalogue: CatalogueIdentity) -> DataValue {
        let sorted = preparations.sorted { $0.id < $1.id }
        var members: [(String, DataValue)] = [
            ("resourceType", .string("CodeSystem")),
            ("id", .string("preparation")),
            ("url", .string(FHIRNames.preparationCodeSystem)),
        ]
        if let version = catalogue.version { members.append(("version", .string(version))) }
        members += [
            ("name", .string("MesotherapyPreparation")),
            ("title", .string("Mesotherapy preparations" + (catalogue.name.map { " of the \($0)" } ?? ""))),
            ("status", .string("active")),
            ("experimental", .bool(false)),
            ("publisher", .string(publisher)),
            ("description", .string("The ids of the preparations of a mesotherapy catalogue (\(catalogue.text)): "
                + "code the preparation's id, display its name. Versioned with the catalogue.")),
            ("caseSensitive", .bool(true)),
            ("content", .string("complete")),
            ("count", .int(sorted.count)),
        ]
        if sorted.contains(where: \.isDeprecated) {
            members.append(("property", .array([.object([
                ("code", .string("status")),
                ("uri", .string("http://hl7.org/fhir/concept-properties#status")),
                ("description", .string("deprecated: kept for reference, never chosen for a course")),
                ("type", .string("code")),
            ])])))
        }
        if !sorted.isEmpty {
            members.append(("concept", .array(sorted.map(concept))))
        }
        return .object(members)
    }

    /// One preparation as a concept of the code system.
    static func concept(_ p: Preparation) -> DataValue {
        var members: [(String, DataValue)] = [("code", .string(p.id)), ("display", .string(p.name))]
        if let summary = p.summary { members.append(("definition", .string(summary))) }
        if p.isDeprecated {
            members.append(("property", .array([.object([("code", .string("status")), ("valueCode", .string("deprecated"))])])))
        }
        return .object(members)
    }

    /// Who publishes the definitions: the tool, on behalf of the catalogue's editors.
    static let publisher = "mesotherapy-catalogue (catalog)"
}
