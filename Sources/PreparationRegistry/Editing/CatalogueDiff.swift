/// What changed between two catalogues, per preparation and per vocabulary word, in the
/// catalogue's own terms: what `catalog diff` and `catalog add --replace` print.
///
/// Loaded values are compared, never text: layout, key order, comments, quoting, a plain
/// string against its mapping form (`- glycerol` and `- {name: glycerol}`) or `2-3 weeks`
/// against `2 weeks - 3 weeks` are no change. A value whose loaded form differs is one, even
/// when it means the same (`1 cm` against `10 mm` in `spacing`, `1 month` against `30 days`),
/// and so is a new order of a list (`regions: [face, neck]` against `[neck, face]`).
///
/// Each ``Change`` names its field by a path (``Change/field``): the key of section 2 of the
/// format (`depth`, `contraindications`), a key inside a mapping after a dot
/// (`dosing.max-per-session`, `deprecated.because`), and an item of `ingredients`,
/// `side-effects`, `aftercare` or `protocol` by its name, effect, instruction or phase in
/// brackets (`protocol[induction].interval`, `ingredients[Glycerol].concentration`; a `]` or
/// `\` in it written `\]`, `\\`; the second item of the same name `name#2`). Lists of words
/// (`regions`, `indications`, `techniques`, `contraindications`, `avoid-seasons`, `sources`,
/// a condition's `ingredients`, the manifest's `lint.disable`) change item by item: an item
/// added has no old value, one removed no new value; the same items in another order are one
/// change of the whole list. So are the items of `protocol` and the other lists of mappings,
/// in the order of their names.
package struct CatalogueDiff: Sendable, Equatable {
    /// Whether a preparation or a word was added, removed, or is in both catalogues and changed.
    package enum Kind: String, Sendable, Hashable {
        /// Only in the new catalogue.
        case added
        /// Only in the old catalogue.
        case removed
        /// In both, with at least one change.
        case changed
    }

    /// One changed field.
    package struct Change: Sendable, Equatable {
        /// The field's path, see ``CatalogueDiff``: `depth`, `dosing.max-per-session`,
        /// `protocol[induction].interval`.
        package var field: String
        /// The field as a person reads it: `interval of phase induction`.
        package var label: String
        /// The old value as canonical JSON (the form of `catalog show --format json`); nil when
        /// there was none (an item or optional field added).
        package var old: DataValue?
        /// The new value as canonical JSON; nil when there is none (removed).
        package var new: DataValue?
        /// The old value as the catalogue writes it, on one line (`2-3 weeks`).
        package var oldText: String?
        /// The new value as the catalogue writes it, on one line.
        package var newText: String?
        /// True when the change is the order of a list: ``old`` and ``new`` are the whole list
        /// (a list of mappings as their names).
        package var isReorder = false

        /// `added` (no old value), `removed` (no new value), `reordered` or `changed`.
        package var kind: String {
            isReorder ? "reordered" : old == nil ? "added" : new == nil ? "removed" : "changed"
        }

        /// `interval of phase induction: 2-3 weeks -> 1-2 weeks`, `contraindications: +
        /// pregnancy`, `contraindications: - herpes`.
        package var line: String { DiffText.line(label, old: oldText, new: newText) }
    }

    /// What changed about one preparation.
    package struct PreparationDifference: Sendable, Equatable {
        /// The preparation's id.
        package var id: String
        /// Added, removed or changed.
        package var kind: Kind
        /// Its name (the new one when it changed).
        package var name: String
        /// True when the old catalogue's preparation was not deprecated and the new one is.
        package var newlyDeprecated: Bool
        /// True when the old catalogue's preparation was deprecated and the new one is not.
        package var noLongerDeprecated: Bool
        /// The changed fields, in the order of the format's table; empty for one added or removed.
        package var changes: [Change]
        /// The whole preparation, as canonical JSON, when it was added or removed.
        package var whole: DataValue?
        /// True when the preparation added or removed is deprecated.
        var wholeIsDeprecated = false

        /// The difference between two versions of one preparation (their ids are not compared).
        package init(from old: Preparation, to new: Preparation) {
            id = new.id
            kind = .changed
            name = new.name
            newlyDeprecated = !old.isDeprecated && new.isDeprecated
            noLongerDeprecated = old.isDeprecated && !new.isDeprecated
            changes = FieldDiffer.preparation(old, new)
        }

        /// A preparation only one catalogue has.
        init(only preparation: Preparation, kind: Kind) {
            id = preparation.id
            self.kind = kind
            name = preparation.name
            newlyDeprecated = false
            noLongerDeprecated = false
            changes = []
            whole = PreparationJSON.value(of: preparation)
            wholeIsDeprecated = preparation.isDeprecated
        }

        /// What `catalog diff` prints for it: `changed ID` (with `(newly deprecated)` or `(no
        /// longer deprecated)`), then each change indented by two spaces; `added ID: NAME` or
        /// `removed ID: NAME` (with `(deprecated)`) alone. Lines are not made terminal-safe.
        package var lines: [String] {
            switch kind {
            case .added, .removed:
                return ["\(kind.rawValue) \(id): \(DiffText.scalar(name))" + (wholeIsDeprecated ? " (deprecated)" : "")]
            case .changed:
                let mark = newlyDeprecated ? " (newly deprecated)" : noLongerDeprecated ? " (no longer deprecated)" : ""
                return ["changed \(id)\(mark)"] + changes.map { "  " + $0.line }
            }
        }
    }

    /// What changed about one vocabulary word.
    package struct WordDifference: Sendable, Equatable {
        /// `conditions`, `indications` or `ingredient-classes`.
        package var section: String
        /// The word.
        package var slug: String
        /// Added, removed or changed.
        package var kind: Kind
        /// Its fields (`description`, `code`, `ingredients`, `scar`) that changed; empty for a
        /// word added or removed.
        package var changes: [Change]
        /// The whole word when it was added or removed: `{"slug", "description", "code"}` and,
        /// for a condition `"ingredients"`, for an indication `"scar"`, as `catalog vocabulary
        /// --format json` prints it.
        package var whole: DataValue?
        /// The description, for the line of a word added or removed.
        var description = ""

        /// `added condition pregnancy: Pregnancy`, or `changed indication acne-scars` and its
        /// changes indented by two spaces.
        package var lines: [String] {
            let noun = section == "ingredient-classes" ? "ingredient class" : String(section.dropLast())
            switch kind {
            case .added, .removed: return ["\(kind.rawValue) \(noun) \(slug): \(DiffText.scalar(description))"]
            case .changed: return ["changed \(noun) \(slug)"] + changes.map { "  " + $0.line }
            }
        }
    }

    /// The preparations that differ, by id.
    package var preparations: [PreparationDifference]
    /// The vocabulary words that differ, by section (conditions, indications, ingredient
    /// classes) then slug.
    package var vocabulary: [WordDifference]
    /// The manifest's own fields that changed (`name`, `version`, `lint.disable`, `x-` keys).
    package var manifest: [Change]
    /// How many preparations are in both catalogues, unchanged.
    package var unchangedCount: Int

    /// The difference from the catalogue `old` to the catalogue `new`.
    package init(from old: Registry, to new: Registry) {
        var differences: [PreparationDifference] = []
        var unchanged = 0
        var newByID: [String: Preparation] = [:]
        for preparation in new.preparations { newByID[preparation.id] = preparation }
        var oldIDs = Set<String>()
        for before in old.preparations {
            oldIDs.insert(before.id)
            guard let after = newByID[before.id] else {
                differences.append(PreparationDifference(only: before, kind: .removed))
                continue
            }
            let difference = PreparationDifference(from: before, to: after)
            if difference.changes.isEmpty { unchanged += 1 } else { differences.append(difference) }
        }
        for after in new.preparations where !oldIDs.contains(after.id) {
            differences.append(PreparationDifference(only: after, kind: .added))
        }
        preparations = differences.sorted { $0.id < $1.id }
        unchangedCount = unchanged
        vocabulary = FieldDiffer.vocabulary(old.vocabulary, new.vocabulary)
        manifest = FieldDiffer.manifest(old.manifest, new.manifest)
    }

    /// True when the two catalogues hold the same preparations, vocabulary and manifest.
    package var isEmpty: Bool { preparations.isEmpty && vocabulary.isEmpty && manifest.isEmpty }

    /// How many preparations were added, removed, changed, and newly deprecated.
    package func count(_ kind: Kind) -> Int { preparations.count { $0.kind == kind } }

    /// How many changed preparations are newly deprecated.
    package var newlyDeprecatedCount: Int { preparations.count(where: \.newlyDeprecated) }

    /// The last line of `catalog diff`, as git's `diff --stat` ends: `3 preparations changed,
    /// 1 added, 1 removed`, then `, 1 newly deprecated` when there are, `; vocabulary: 2 words
    /// changed, 1 added, 0 removed` when any word differs, and `; manifest: 1 field changed`
    /// when its own fields do; `no changes (21 preparations)` when the catalogues are equal.
    package var summary: String {
        guard !isEmpty else { return "no changes (\(plural(unchangedCount, "preparation")))" }
        var text = "\(plural(count(.changed), "preparation")) changed, \(count(.added)) added, \(count(.removed)) removed"
        if newlyDeprecatedCount > 0 { text += ", \(newlyDeprecatedCount) newly deprecated" }
        if !vocabulary.isEmpty {
            let changed = vocabulary.count { $0.kind == .changed }
            text += "; vocabulary: \(plural(changed, "word")) changed, \(vocabulary.count { $0.kind == .added }) added, "
                + "\(vocabulary.count { $0.kind == .removed }) removed"
        }
        if !manifest.isEmpty { text += "; manifest: \(plural(manifest.count, "field")) changed" }
        return text
    }

    /// Everything `catalog diff` prints, one line each: the preparations, the vocabulary words,
    /// the manifest (`changed manifest` and its changes), then ``summary``. Lines are not made
    /// terminal-safe: a command line tool does that as it prints.
    package var lines: [String] {
        var out = preparations.flatMap(\.lines) + vocabulary.flatMap(\.lines)
        if !manifest.isEmpty { out += ["changed manifest"] + manifest.map { "  " + $0.line } }
        return out + [summary]
    }

    /// What `catalog diff --format json` prints:
    ///
    /// ```
    /// {"equal": false,
    ///  "summary": {"changed": 3, "added": 1, "removed": 1, "newly-deprecated": 1, "unchanged": 16,
    ///              "vocabulary": {"changed": 1, "added": 0, "removed": 0}, "manifest": 0},
    ///  "preparations": [{"id", "kind": "added" | "removed" | "changed", "newly-deprecated": bool,
    ///                    "changes": [{"field", "kind", "old", "new"}], "old" | "new": <preparation>}],
    ///  "vocabulary": [{"section", "slug", "kind", "changes": [...], "old" | "new": <word>}],
    ///  "manifest": [{"field", "kind", "old", "new"}]}
    /// ```
    ///
    /// `old` and `new` of a change are canonical JSON, `null` when absent; its `kind` is `added`
    /// (no old value: a list item or optional field added), `removed`, `changed` or
    /// `reordered` (the same items in another order: `old` and `new` are the whole lists, a
    /// list of mappings as their names). A preparation or word added has its whole value under
    /// `new`, one removed under `old`.
    package var json: DataValue {
        func change(_ c: Change) -> DataValue {
            .object([("field", .string(c.field)), ("kind", .string(c.kind)), ("old", c.old ?? .null), ("new", c.new ?? .null)])
        }
        func whole(_ kind: Kind, _ value: DataValue?) -> [(String, DataValue)] {
            guard let value, kind != .changed else { return [] }
            return [(kind == .added ? "new" : "old", value)]
        }
        let summary: DataValue = .object([
            ("changed", .int(count(.changed))), ("added", .int(count(.added))), ("removed", .int(count(.removed))),
            ("newly-deprecated", .int(newlyDeprecatedCount)), ("unchanged", .int(unchangedCount)),
            ("vocabulary", .object([Kind.changed, .added, .removed].map { kind in
                (kind.rawValue, .int(vocabulary.count { $0.kind == kind }))
            })),
            ("manifest", .int(manifest.count)),
        ])
        return .object([
            ("equal", .bool(isEmpty)),
            ("summary", summary),
            ("preparations", .array(preparations.map { p in
                .object([("id", .string(p.id)), ("kind", .string(p.kind.rawValue)),
                         ("newly-deprecated", .bool(p.newlyDeprecated)), ("changes", .array(p.changes.map(change)))]
                        + whole(p.kind, p.whole))
            })),
            ("vocabulary", .array(vocabulary.map { w in
                .object([("section", .string(w.section)), ("slug", .string(w.slug)), ("kind", .string(w.kind.rawValue)),
                         ("changes", .array(w.changes.map(change)))] + whole(w.kind, w.whole))
            })),
            ("manifest", .array(manifest.map(change))),
        ])
    }
}

/// `1 preparation`, `2 preparations`.
private func plural(_ count: Int, _ word: String) -> String {
    "\(count) \(word)\(count == 1 ? "" : "s")"
}
