/// What a clinician asks a plugin for: a concern, perhaps a region, the patient's conditions
/// and allergies, and when and where the course runs.
public struct CourseRequest: Sendable, Hashable {
    /// The indication slug to treat.
    public var concern: String
    /// The regions treated together in each session, each with its surface when given (format
    /// 1.1: `--region R[:SURFACE]`, repeatable); a preparation qualifies only when it is used
    /// in every one. Required by some plugins (body), optional for others; each region once.
    public var regions: [TreatedRegion]
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

    /// The ingredients the given conditions name in the vocabulary (format 1.1: screened as if
    /// the patient were allergic to them), with the condition naming each; filled for the
    /// planning rules (`Candidates.rulesView`), empty as a request is made. A rule that reads
    /// the allergies for a product (a local anaesthetic) reads these too: `--condition
    /// la-allergy`, whose ingredients are `[lidocaine]`, left a "Lignocaine" entry in while
    /// `--allergy lidocaine` left it out (outside clinician review).
    package var conditionIngredients: [ConditionIngredient] = []

    /// An ingredient a condition names.
    package struct ConditionIngredient: Sendable, Hashable {
        /// The condition's slug.
        package var condition: String
        /// The ingredient (a name or a class), as the vocabulary writes it.
        package var ingredient: String
    }

    /// The default horizon: 12 months.
    package static let defaultHorizon = Quantity<DurationUnit>(12, .month)

    /// Creates a request. The concern and conditions are vocabulary slugs, which are lower-case,
    /// so they are lower-cased here (`Dehydration` is `dehydration`); allergies are kept as
    /// written, since matching folds them (`IngredientTerm`). A condition or allergy given
    /// twice is kept once, where first given.
    ///
    /// A list typed as one text is read as its items, since screening it as one phrase would
    /// match nothing and screen nothing: a condition is split at `,` `;` `/` `+` `&`, spaces and
    /// the word `and` (`"pregnancy, herpes"`, `"pregnancy and herpes"`), an allergy at `,` `;` `/` `+` `&` and the word `and`
    /// (`"glycerol, lidocaine"`, `"glycerol and lidocaine"`).
    public init(concern: String, regions: [TreatedRegion] = [], conditions: [String] = [], allergies: [String] = [],
                start: CalendarDate, hemisphere: Hemisphere = .north,
                horizon: Quantity<DurationUnit> = Quantity(12, .month)) {
        self.concern = concern.lowercased()
        self.regions = regions
        self.conditions = CourseRequest.once(conditions.flatMap(CourseRequest.splitConditions).map { $0.lowercased() })
        self.allergies = CourseRequest.once(allergies.flatMap(CourseRequest.splitAllergies))
        self.start = start
        self.hemisphere = hemisphere
        self.horizon = horizon
    }

    /// The allergies an allergy text names: split at `,` `;` `/` `+` `&` and the word `and`
    /// (any case, standing alone), each part trimmed of spaces and otherwise as written (a
    /// control character inside is still refused). Splitting errs on the safe side: each part
    /// is screened on its own (more is left out, or a part too vague to screen with is
    /// refused), where the whole phrase would have matched no ingredient. A text with no part
    /// left (`","`) is kept as written, to be refused as too vague rather than dropped.
    package static func splitAllergies(_ text: String) -> [String] {
        let separators: Set<Character> = [",", ";", "/", "+", "&"]
        var parts: [Substring] = []
        // A strength's slash (`tranexamic acid 4 mg/ml`, `100 mg/2 ml`) and decimal comma
        // (`caffeine 2,5%`) are not a list's: an outside review saw `ml` and `5%` refused as
        // allergies too vague to screen with.
        var pieces: [Substring] = []
        var pieceStart = text.startIndex
        for index in text.indices where separators.contains(text[index]) {
            let before = text[..<index], after = text[text.index(after: index)...]
            if text[index] == "/", isStrength(before: before, after: after) { continue }
            if text[index] == ",", before.last?.isNumber == true, after.first?.isNumber == true { continue }
            pieces.append(text[pieceStart..<index])
            pieceStart = text.index(after: index)
        }
        pieces.append(text[pieceStart...])
        for piece in pieces where !piece.isEmpty {
            // Cut the piece at each word `and`: the text between cuts is kept as written.
            var partStart = piece.startIndex, index = piece.startIndex
            while index < piece.endIndex {
                guard !piece[index].isWhitespace else {
                    index = piece.index(after: index)
                    continue
                }
                let wordEnd = piece[index...].firstIndex(where: \.isWhitespace) ?? piece.endIndex
                if piece[index..<wordEnd].lowercased() == "and" {
                    parts.append(piece[partStart..<index])
                    partStart = wordEnd
                }
                index = wordEnd
            }
            parts.append(piece[partStart...])
        }
        let trimmed = parts.map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }.filter { !$0.isEmpty }
        return trimmed.isEmpty || trimmed.count == 1 && parts.count == 1 ? [text] : trimmed
    }

    /// True when a slash between `before` and `after` is a strength's: a figure ends `before`
    /// (`4mg`, `4 mg`, `2%`), and `after` is a unit standing alone, a figure before it allowed
    /// (`ml`, `2 ml`, `cm²`). Not `biotin/L-carnitine`: no figure before, and `L` is followed
    /// by a hyphen (an outside re-check saw the carnitine allergy dropped that way).
    private static func isStrength(before: Substring, after: Substring) -> Bool {
        let words = before.split(whereSeparator: \.isWhitespace)
        guard let last = words.last else { return false }
        let figured = last.contains(where: \.isNumber) || (words.count > 1 && words[words.count - 2].contains(where: \.isNumber))
        guard figured else { return false }
        let rest = after.drop { $0 == " " || $0.isNumber || $0 == "." }.drop { $0 == " " }
        let word = rest.prefix { $0.isLetter || $0.isNumber || $0 == "²" }
        let next = rest.dropFirst(word.count).first
        guard next == nil || next == " " || next == "," || next == ";" || next == ")" else { return false }
        return ["ml", "l", "dl", "g", "kg", "cm2", "cm²", "m2", "m²", "dose", "vial", "amp", "ampoule"].contains(word.lowercased())
    }

    /// The conditions a condition text names: split at `,` `;` `/` `+` `&` and white space
    /// (slugs hold none), the word `and` dropped; kept as written when no part is left.
    package static func splitConditions(_ text: String) -> [String] {
        // The separators of an allergy list too (`pregnancy/herpes`, `pregnancy & herpes`), and
        // the word `and` between two conditions: no condition slug is `and`.
        let separators: Set<Character> = [",", ";", "/", "+", "&"]
        let parts = text.split(whereSeparator: { separators.contains($0) || $0.isWhitespace }).map(String.init)
            .filter { $0.lowercased() != "and" }
        return parts.isEmpty ? [text] : parts
    }

    private static func once(_ words: [String]) -> [String] {
        var seen = Set<String>()
        return words.filter { seen.insert($0).inserted }
    }

    /// A request for one region (or none), without a surface.
    package init(concern: String, region: Region?, conditions: [String] = [], allergies: [String] = [],
                start: CalendarDate, hemisphere: Hemisphere = .north,
                horizon: Quantity<DurationUnit> = CourseRequest.defaultHorizon) {
        self.init(concern: concern, regions: region.map { [TreatedRegion($0)] } ?? [], conditions: conditions,
                  allergies: allergies, start: start, hemisphere: hemisphere, horizon: horizon)
    }

    /// The first region given, if any (the only one of a one-region request).
    package var region: Region? { regions.first?.region }

    /// True when the request names `region` among its regions.
    package func treats(_ region: Region) -> Bool { regions.contains { $0.region == region } }

    /// The last day on which a repeating phase may still place a session.
    package var horizonEnd: CalendarDate { start.adding(horizon) }
}
