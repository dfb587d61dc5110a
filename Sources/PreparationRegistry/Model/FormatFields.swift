/// A key of a mapping in the catalogue format: its name, whether it is required, and what it
/// holds. The loader checks documents against these tables, and the format's other
/// descriptions are generated from them, so they cannot drift apart.
package struct FieldSpec: Sendable, Hashable {
    /// The key.
    package var key: String
    /// Whether a document must give it.
    package var required: Bool
    /// What the value is, for people.
    package var summary: String

    /// Creates a field.
    package init(_ key: String, required: Bool = false, _ summary: String) {
        self.key = key
        self.required = required
        self.summary = summary
    }
}

/// The keys of each mapping of the catalogue format.
package enum FormatFields {
    /// A preparation document (besides `x-` extension keys).
    package static let preparation: [FieldSpec] = [
        FieldSpec("id", required: true, "unique slug, at most 64 characters"),
        FieldSpec("name", required: true, "display name"),
        FieldSpec("summary", "one-line summary"),
        FieldSpec("ingredients", required: true, "list of ingredients: a name, or {name, class, concentration}"),
        FieldSpec("regions", required: true, "list of regions"),
        FieldSpec("indications", required: true, "list of indication slugs from the vocabulary"),
        FieldSpec("techniques", required: true, "list of techniques"),
        FieldSpec("depth", required: true, "length range in mm"),
        FieldSpec("residence", required: true, "duration range: how long the substances stay active"),
        FieldSpec("protocol", required: true, "list of phases: {phase, sessions, interval, repeat}"),
        FieldSpec("session-time", "duration range: how long one session takes"),
        FieldSpec("dosing", "{per-point, spacing, max-per-session}: how much is injected, where, and the most a session may take (1.1)"),
        FieldSpec("contraindications", "list of condition slugs from the vocabulary"),
        FieldSpec("side-effects", "list of side effects: a string, or {effect, lasts, frequency}"),
        FieldSpec("aftercare", "list of instructions: a string, or {instruction, for}"),
        FieldSpec("avoid-seasons", "list of seasons in which sessions should not fall"),
        FieldSpec("sources", "list of strings: where the facts come from"),
        FieldSpec("evidence", "label, trial, consensus or practice"),
        FieldSpec("deprecated", "{since, because, replaced-by}: kept for reference, never chosen"),
        FieldSpec("notes", "free text"),
    ]

    /// An ingredient written as a mapping.
    package static let ingredient: [FieldSpec] = [
        FieldSpec("name", required: true, "ingredient name"),
        FieldSpec("class", "ingredient class slug from the vocabulary"),
        FieldSpec("concentration", "a number and %, mg/ml, ug/ml or IU/ml"),
    ]

    /// A protocol phase.
    package static let phase: [FieldSpec] = [
        FieldSpec("phase", required: true, "phase name, a slug"),
        FieldSpec("sessions", required: true, "count range: how many sessions"),
        FieldSpec("interval", "duration range between consecutive sessions"),
        FieldSpec("repeat", "true when the phase repeats until the course's horizon"),
    ]

    /// A side effect written as a mapping.
    package static let sideEffect: [FieldSpec] = [
        FieldSpec("effect", required: true, "what happens"),
        FieldSpec("lasts", "duration range"),
        FieldSpec("frequency", "common, uncommon, rare or very-rare"),
    ]

    /// An aftercare instruction written as a mapping.
    package static let aftercare: [FieldSpec] = [
        FieldSpec("instruction", required: true, "what to do or avoid"),
        FieldSpec("for", "duration range"),
    ]

    /// A deprecation.
    package static let deprecation: [FieldSpec] = [
        FieldSpec("since", "date, YYYY-MM-DD"),
        FieldSpec("because", required: true, "why"),
        FieldSpec("replaced-by", "id of the preparation to use instead"),
    ]

    /// A preparation's dosing (1.1).
    package static let dosing: [FieldSpec] = [
        FieldSpec("per-point", required: true, "volume range in ml: what is injected at one point"),
        FieldSpec("spacing", required: true, "length range in mm or cm: the distance between neighbouring points"),
        FieldSpec("max-per-session", "one volume in ml: the most one session may inject, all regions together"),
    ]

    /// A range written as a mapping.
    package static let range: [FieldSpec] = [
        FieldSpec("min", required: true, "lower bound, a number"),
        FieldSpec("max", required: true, "upper bound, a number"),
        FieldSpec("unit", "unit of both bounds (not for counts)"),
    ]

    /// The manifest, `catalogue.yaml`.
    package static let manifest: [FieldSpec] = [
        FieldSpec("name", "catalogue name"),
        FieldSpec("version", "catalogue version"),
        FieldSpec("vocabulary", "{conditions, indications, ingredient-classes}"),
        FieldSpec("lint", "{disable: [rule-id, ...]}"),
        FieldSpec("replaces", "(1.1) {preparations, conditions, indications, ingredient-classes}: what this catalogue, as a later layer, replaces on purpose"),
    ]

    /// The manifest's `replaces` mapping (1.1).
    package static let replaces: [FieldSpec] = [
        FieldSpec("preparations", "list of preparation ids"),
        FieldSpec("conditions", "list of condition slugs"),
        FieldSpec("indications", "list of indication slugs"),
        FieldSpec("ingredient-classes", "list of ingredient-class slugs"),
    ]

    /// The manifest's vocabulary.
    package static let vocabulary: [FieldSpec] = [
        FieldSpec("conditions", "slug: description, or slug: {description, code, ingredients}"),
        FieldSpec("indications", "slug: description, or slug: {description, scar, code}"),
        FieldSpec("ingredient-classes", "slug: description, or slug: {description, code}"),
    ]

    /// An indication written as a mapping.
    package static let indication: [FieldSpec] = [
        FieldSpec("description", required: true, "what the indication is"),
        FieldSpec("scar", "true when the scar plugin serves it"),
        FieldSpec("code", "SYSTEM|CODE, a concept of another terminology (1.1)"),
    ]

    /// A condition written as a mapping (1.1).
    package static let condition: [FieldSpec] = [
        FieldSpec("description", required: true, "what the condition is"),
        FieldSpec("code", "SYSTEM|CODE, a concept of another terminology"),
        FieldSpec("ingredients", "ingredient classes or names the condition makes unsafe"),
    ]

    /// An ingredient class written as a mapping (1.1).
    package static let ingredientClass: [FieldSpec] = [
        FieldSpec("description", required: true, "what the class holds"),
        FieldSpec("code", "SYSTEM|CODE, a concept of another terminology"),
    ]

    /// The manifest's `lint` mapping.
    package static let lint: [FieldSpec] = [
        FieldSpec("disable", "list of lint rule ids"),
    ]
}
