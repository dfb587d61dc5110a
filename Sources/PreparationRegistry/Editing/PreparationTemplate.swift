import YAMLReader
/// The commented template of a new preparation that `catalog new` writes: the schema line,
/// every key of the format in order, each required value left empty and marked
/// `# FILL IN: ...` (an empty required value is an error, so an unfilled template never
/// validates), each optional key empty (which counts as absent) with what it takes, and the
/// words the catalogue's vocabulary allows. `dosing` comes with its keys as commented
/// example lines, to uncomment.
package enum PreparationTemplate {
    /// The mark on every value an editor must fill in.
    package static let fillInMark = "# FILL IN"

    /// The folders `catalog new --area` accepts: the areas, and `scar`.
    package static let areas: [String] = Area.allCases.map(\.rawValue) + ["scar"]

    /// Why a template cannot be made.
    package enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// The id is not a slug of at most 64 characters.
        case badID(String)
        /// The area is not one of ``PreparationTemplate/areas``.
        case unknownArea(String)

        /// The reason, for a person.
        package var description: String {
            switch self {
            case .badID(let id):
                return "id '\(id)' is not a slug of at most 64 characters: lower-case letters and digits, in words joined by single hyphens, such as 'hyaluronic-hydration'"
            case .unknownArea(let area):
                return UnknownValue(kind: "area", value: area, known: PreparationTemplate.areas).description
            }
        }
    }

    /// The template for preparation `id` in `area` (case-insensitive, as every catalogue word:
    /// `Face` is `face`), with `vocabulary`'s words in its comments. Its first line points the
    /// YAML language server at `schema` (see ``PreparationSchema/modeline(schema:)``); by
    /// default at a catalogue's schema as seen from `preparations/<area>/`.
    package static func text(id: String, area written: String, vocabulary: Vocabulary = BundledCatalogue.vocabulary,
                            schema: String? = nil) throws(Problem) -> String
    {
        guard isSlug(id), id.utf8.count <= maxIDLength else { throw .badID(id) }
        let area = written.lowercased()
        guard areas.contains(area) else { throw .unknownArea(written) }
        let scar = area == "scar"
        let regions = scar ? Region.allCases : Area(rawValue: area).map(\.regions) ?? []
        let indications = vocabulary.indications.filter { $0.value.isScar == scar }.map(\.key)
        let techniques = Technique.allCases.map { "\($0.rawValue) (\($0.usualDepth))" }

        var lines: [String] = [
            schema.map(PreparationSchema.modeline(schema:)) ?? PreparationSchema.modeline,
            "#",
            "# New preparation '\(id)' (\(scar ? "scar indications, any region" : "area: \(area)")).",
            "# Fill in every value marked FILL IN; an empty one is an error. Optional keys left",
            "# empty count as absent: fill them in or delete them. Then:",
            "#   catalog validate --catalogue CATALOGUE THIS-FILE    # check it",
            "#   catalog add --catalogue CATALOGUE THIS-FILE         # it goes to preparations/\(area)/\(id).yaml",
            "# The format is described in docs/catalogue-format.md; `catalog lint-rules` lists the warnings.",
            "",
            // A slug YAML would read as another type (`null`, `true`, `123`, `no`) is quoted:
            // `id: null` read back as no id (outside editor review).
            "id: " + (YAMLEmitter.needsQuotes(id) ? "\"\(id)\"" : id),
            "name:               \(fillInMark): display name",
            "summary:            # optional: one line",
            "",
            "# A name, or {name, class, concentration}; concentration: a number and %, mg/ml, ug/ml or IU/ml.",
        ]
        lines += commentList("ingredient classes", Array(vocabulary.ingredientClasses.keys))
        lines += [
            "ingredients:        \(fillInMark): a list, such as [{name: Hyaluronic acid, class: hyaluronic-acid, concentration: 1.35 %}]",
            "",
        ]
        lines += commentList(scar ? "regions (scar indications are served in any region)" : "regions of the \(area) area",
                             regions.map(\.rawValue))
        lines.append("regions:            \(fillInMark): a list, such as [\(regions.first?.rawValue ?? "face")]")
        lines += commentList(scar ? "scar indications" : "indications", indications)
        lines.append("indications:        \(fillInMark): a list, such as [\(indications.first ?? "dehydration")]")
        lines += commentList("techniques and their usual depths", techniques)
        lines += [
            "techniques:         \(fillInMark): a list, such as [nappage]",
            "depth:              \(fillInMark): where the product is deposited, such as 0.5-2 mm",
            "residence:          \(fillInMark): how long the substances stay active, such as 3 days - 1 month",
            "",
            "# Phases run in order; interval is the gap between sessions (and from the previous phase).",
            "protocol:",
            "  - phase: induction",
            "    sessions:       \(fillInMark): how many sessions, such as 4-6",
            "    interval:       \(fillInMark): such as 2-3 weeks",
            "  - phase: maintenance",
            "    sessions: 1",
            "    interval:       \(fillInMark): such as 3-6 months",
            "    repeat: true",
            "",
            "session-time:       # optional: such as 30-60 minutes",
            "dosing:             # optional: uncomment the lines below and give a source's figures",
            "#   per-point: 0.1-0.2 ml         # volume at one point, in ml",
            "#   spacing: 1-2 cm               # between neighbouring points, in mm or cm",
            "#   max-per-session: 10 ml        # optional: the most one session may inject",
        ]
        lines += commentList("conditions", Array(vocabulary.conditions.keys))
        lines += [
            "contraindications:  # optional: a list of conditions (list those whose ingredients it holds, such as hyaluronic-acid-hypersensitivity)",
            "side-effects:       # optional: a list of strings, or {effect, lasts, frequency: common, uncommon, rare or very-rare}",
            "aftercare:          # optional: a list of strings, or {instruction, for}",
            "avoid-seasons:      # optional: a list of spring, summer, autumn, winter (then add sun-protection aftercare)",
            "sources:            \(fillInMark): a list of where the figures come from",
            "evidence:           # optional: label, trial, consensus or practice",
            "notes:              # optional",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `# Known NAME: a, b, c` comment lines, wrapped.
    private static func commentList(_ name: String, _ words: [String]) -> [String] {
        var lines: [String] = []
        var line = "# \(name.prefix(1).uppercased() + name.dropFirst()):"
        for (index, word) in words.enumerated() {
            let item = " " + word + (index < words.count - 1 ? "," : "")
            if line.count + item.count > 96 {
                lines.append(line)
                line = "#  "
            }
            line += item
        }
        lines.append(line)
        return lines
    }
}
