/// What a clinician asks a plugin for: a concern, perhaps a region, the patient's conditions
/// and allergies, and when and where the course runs.
public struct CourseRequest: Sendable, Hashable {
    /// The indication slug to treat.
    public var concern: String
    /// The region to treat; required by some plugins (body), optional for others.
    public var region: Region?
    /// The patient's condition slugs, from the vocabulary's `conditions`.
    public var conditions: [String]
    /// Ingredient names or class slugs the patient is allergic to.
    public var allergies: [String]
    /// The day of the first session.
    public var start: CalendarDate
    /// Where the patient lives, for seasons.
    public var hemisphere: Hemisphere
    /// How far ahead repeating phases are planned, counted from the start.
    public var horizon: Quantity<DurationUnit>

    /// The default horizon: 12 months.
    public static let defaultHorizon = Quantity<DurationUnit>(12, .month)

    /// Creates a request. The concern and conditions are vocabulary slugs, which are lower-case,
    /// so they are lower-cased here (`Dehydration` is `dehydration`); allergies are kept as
    /// written, since matching folds them (``IngredientTerm``). A condition or allergy given
    /// twice is kept once, where first given.
    public init(concern: String, region: Region? = nil, conditions: [String] = [], allergies: [String] = [],
                start: CalendarDate, hemisphere: Hemisphere = .north,
                horizon: Quantity<DurationUnit> = CourseRequest.defaultHorizon) {
        self.concern = concern.lowercased()
        self.region = region
        self.conditions = CourseRequest.once(conditions.map { $0.lowercased() })
        self.allergies = CourseRequest.once(allergies)
        self.start = start
        self.hemisphere = hemisphere
        self.horizon = horizon
    }

    private static func once(_ words: [String]) -> [String] {
        var seen = Set<String>()
        return words.filter { seen.insert($0).inserted }
    }

    /// The last day on which a repeating phase may still place a session.
    public var horizonEnd: CalendarDate { start.adding(horizon) }
}
