/// Words the time tagger recognises, with their calendar meaning.
enum TimeLexicon {
    /// Month names and abbreviations (lower-cased, without the period) → month number.
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
        "december": 12, "dec": 12,
    ]
    /// Month names that are also common words: only taken with a day, a year or a cue word.
    static let ambiguousMonths: Set<String> = ["may", "march", "mar", "jan", "jun", "dec", "sep"]
    /// Words before a bare month that make it a month ("in May", "last March").
    static let monthCues: Set<String> = [
        "in", "of", "since", "until", "till", "by", "last", "next", "this", "early", "late", "mid", "from", "through",
        "during", "before", "after", "between", "and", "to", "each", "every",
    ]

    /// Weekday names → ISO weekday (1 = Monday).
    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
        "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
    ]
    /// Abbreviated weekday forms that need a capital and a period to count ("Sun." not "sun").
    static let weekdayAbbreviations: Set<String> = ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]

    /// Parts of the day → TIMEX3 suffix.
    static let partsOfDay: [String: String] = [
        "morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "overnight": "TNI",
    ]

    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "dozen": 12,
        "couple": 2,
    ]
    /// Vague quantities: the duration gets an X ("several years" → PXY).
    static let vagueQuantities: Set<String> = ["several", "few", "many", "some", "numerous", "coming", "recent"]

    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    ]

    /// Duration units → (TIMEX3 letter, needs the "T" time designator, granularity of the unit).
    struct Unit: Sendable {
        var letter: String
        var isTime: Bool
        var granularity: TimePoint.Granularity?
        var multiplier: Int = 1
    }
    static let units: [String: Unit] = [
        "second": Unit(letter: "S", isTime: true, granularity: nil),
        "minute": Unit(letter: "M", isTime: true, granularity: nil),
        "hour": Unit(letter: "H", isTime: true, granularity: nil),
        "day": Unit(letter: "D", isTime: false, granularity: .day),
        "night": Unit(letter: "D", isTime: false, granularity: .day),
        "week": Unit(letter: "W", isTime: false, granularity: .week),
        "fortnight": Unit(letter: "W", isTime: false, granularity: .week, multiplier: 2),
        "month": Unit(letter: "M", isTime: false, granularity: .month),
        "quarter": Unit(letter: "Q", isTime: false, granularity: .quarter),
        "year": Unit(letter: "Y", isTime: false, granularity: .year),
        "decade": Unit(letter: "Y", isTime: false, granularity: .decade, multiplier: 10),
        "century": Unit(letter: "Y", isTime: false, granularity: .century, multiplier: 100),
    ]

    /// A unit word, singular or plural → its singular key.
    static func unitKey(_ w: String) -> String? {
        if units[w] != nil { return w }
        if w == "centuries" { return "century" }
        if w.hasSuffix("s"), units[String(w.dropLast())] != nil { return String(w.dropLast()) }
        if w == "hrs" || w == "hr" { return "hour" }
        if w == "mins" || w == "min" { return "minute" }
        if w == "yrs" || w == "yr" { return "year" }
        return nil
    }

    /// Calendar units for "this/last/next X".
    static let calendarUnits: [String: TimePoint.Granularity] = [
        "day": .day, "week": .week, "weekend": .weekend, "month": .month, "quarter": .quarter, "year": .year,
        "decade": .decade, "century": .century,
    ]

    static let seasons: [String: Int] = ["spring": 0, "summer": 1, "fall": 2, "autumn": 2, "winter": 3]

    /// Adverbs of frequency → SET value. "quarterly" and "annually" are left out: in news they mostly
    /// qualify reports and payments ("quarterly earnings") rather than state a recurrence.
    static let frequencyAdverbs: [String: String] = [
        "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M", "hourly": "PT1H",
    ]
    /// Frequency adverbs that are usually adjectives in news ("a weekly magazine") — still a SET in TimeML.
    static let setQuantifiers: Set<String> = ["every", "each", "per"]

    /// Single words with a reference value. "soon" and "previously" are left out: annotators rarely
    /// tag them (they are vague about the time, not about its reference).
    static let referenceWords: [String: String] = [
        "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "presently": "PRESENT_REF",
        "recently": "PAST_REF", "lately": "PAST_REF",
    ]

    /// Span modifiers kept inside the tag (TIMEX3 `mod`), value unchanged.
    static let innerModifiers: Set<String> = ["early", "late", "mid", "earlier", "later"]

    /// Cue words before an expression that point to the future (weekday and month resolution).
    static let futureCues: Set<String> = [
        "will", "shall", "ll", "scheduled", "expected", "plans", "planned", "upcoming", "next", "tomorrow",
        "await", "awaits", "awaiting", "effective",
    ]
    /// Modals that put a whole clause in the future (month and date resolution look back to the sentence start).
    static let futureModals: Set<String> = ["will", "shall", "ll", "would"]
    /// How many tokens back a future modal may stand, within the sentence.
    static let modalCueWindow = 20
    /// How many tokens back a future cue may stand.
    static let futureCueWindow = 6

    /// Holidays with a fixed date → (month, day).
    static let fixedHolidays: [String: (Int, Int)] = [
        "christmas": (12, 25), "halloween": (10, 31), "valentine": (2, 14),
    ]
}
