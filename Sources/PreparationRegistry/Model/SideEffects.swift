/// A possible side effect of a preparation.
public struct SideEffect: Sendable, Hashable {
    /// How often a side effect occurs.
    public enum Frequency: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// Common.
        case common
        /// Uncommon.
        case uncommon
        /// Rare.
        case rare
        /// Very rare (`very-rare`).
        case veryRare = "very-rare"

        /// The frequency's word, as the catalogue writes it (`very-rare`).
        public var description: String { rawValue }
    }

    /// What happens.
    public package(set) var effect: String
    /// How long it lasts.
    public package(set) var lasts: DurationRange?
    /// How often.
    public package(set) var frequency: Frequency?

    /// Creates a side effect.
    package init(effect: String, lasts: DurationRange? = nil, frequency: Frequency? = nil) {
        self.effect = effect
        self.lasts = lasts
        self.frequency = frequency
    }
}

/// An instruction for the patient after a session.
public struct AftercareInstruction: Sendable, Hashable {
    /// What to do or avoid.
    public package(set) var instruction: String
    /// For how long.
    public package(set) var duration: DurationRange?

    /// Creates an instruction.
    package init(instruction: String, duration: DurationRange? = nil) {
        self.instruction = instruction
        self.duration = duration
    }
}

/// Why a preparation is kept for reference only.
public struct Deprecation: Sendable, Hashable {
    /// The day it was deprecated, `YYYY-MM-DD`.
    public package(set) var since: String?
    /// Why.
    public package(set) var because: String
    /// The preparation to use instead.
    public package(set) var replacedBy: String?

    /// Creates a deprecation.
    package init(since: String? = nil, because: String, replacedBy: String? = nil) {
        self.since = since
        self.because = because
        self.replacedBy = replacedBy
    }
}
