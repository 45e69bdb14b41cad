import DeskModel
/// The page furniture and notes the revision generator writes: time stamps and counters as news sites
/// print them, datelines as wire services write them, and correction notes in the wording of newsroom
/// correction policies (some in wordings the classifier's phrase list does not hold, so its recall is tested).
enum RevisionTemplates {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]
    static let shortMonths = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let zones = ["GMT", "UTC", "ET", "EST", "BST", "CET", "PT"]
    static let cities = ["WASHINGTON", "LONDON", "NEW YORK", "PARIS", "BRUSSELS", "TOKYO", "NAIROBI", "SYDNEY",
                         "BERLIN", "SAO PAULO", "NEW DELHI", "MEXICO CITY"]
    static let agencies = ["(Reuters)", "(AP)", "(AFP)", "(Bloomberg)", ""]

    /// One kind of time-stamp or counter line; `render` draws fresh values each call.
    enum Furniture: CaseIterable {
        case age, lastUpdated, publishedUpdated, longStamp, comments, shares, views, commentsParen, stampAndCount

        func render(_ r: inout SeededRandom) -> String {
            let hour = Int.random(in: 0...23, using: &r), minute = Int.random(in: 0...59, using: &r)
            let clock = "\(hour):\(minute < 10 ? "0" : "")\(minute)"
            let day = Int.random(in: 1...28, using: &r), year = Int.random(in: 2018...2026, using: &r)
            let month = months.randomElement(using: &r)!, zone = zones.randomElement(using: &r)!
            switch self {
            case .age:
                let n = Int.random(in: 1...59, using: &r)
                return ["Updated \(n) minutes ago", "Updated \(n % 23 + 1) hours ago", "\(n) min ago",
                        "Posted \(n % 6 + 1) days ago"].randomElement(using: &r)!
            case .lastUpdated:
                return "Last updated: \(clock) \(zone)"
            case .publishedUpdated:
                return "Published \(day) \(month) \(year), \(clock) \(zone) | Updated \(day) \(month) \(year), \(clock) \(zone)"
            case .longStamp:
                let wd = weekdays.randomElement(using: &r)!
                return "Updated \(wd), \(shortMonths.randomElement(using: &r)!). \(day), \(year) at \(hour % 12 + 1):\(minute < 10 ? "0" : "")\(minute) \(Bool.random(using: &r) ? "a.m." : "p.m.") \(zone)"
            case .comments:
                return "\(Int.random(in: 0...900, using: &r)) comments"
            case .shares:
                return "\(Int.random(in: 1...9, using: &r)).\(Int.random(in: 0...9, using: &r))k shares"
            case .views:
                let n = Int.random(in: 1000...99_999, using: &r)
                return "\(n / 1000),\(String(n % 1000 + 1000).dropFirst()) views"
            case .commentsParen:
                return "Comments (\(Int.random(in: 0...400, using: &r)))"
            case .stampAndCount:
                return "Updated \(clock) \(zone) · \(Int.random(in: 2...300, using: &r)) comments"
            }
        }
    }

    static func dateline(_ r: inout SeededRandom, city: String, agency: String) -> String {
        let month = shortMonths.randomElement(using: &r)!, day = Int.random(in: 1...28, using: &r)
        return agency.isEmpty ? "\(city), \(month) \(day) — " : "\(city), \(month) \(day) \(agency) - "
    }

    /// Correction notes; `subject` names what was wrong ("the number of people hurt").
    static func correctionNote(_ r: inout SeededRandom) -> String {
        let subject = ["the number of people injured", "the date of the vote", "the name of the company",
                       "the size of the budget", "the title of an official", "the location of the meeting",
                       "the age of the victim", "the amount of the fine"].randomElement(using: &r)!
        return [
            "An earlier version of this article misstated \(subject).",
            "This story has been corrected to show \(subject).",
            "Correction: A previous version of this report gave the wrong figure for \(subject).",
            "A previous version of this article incorrectly stated \(subject).",
            "(Corrects \(subject) in paragraph \(Int.random(in: 2...9, using: &r)))",
            "This article was amended to correct \(subject).",
            "Editors' note: \(subject.prefix(1).uppercased() + subject.dropFirst()) was wrong in an earlier edition and has been fixed.",
            "Clarification: This article has been updated to make clear \(subject).",
        ].randomElement(using: &r)!
    }

    /// Word swaps an editor makes; both ways where the swap reads both ways.
    static let synonyms: [String: String] = [
        "said": "stated", "says": "states", "told": "informed", "big": "large", "large": "big", "began": "started",
        "started": "began", "begin": "start", "start": "begin", "help": "assist", "buy": "purchase", "show": "indicate",
        "shows": "indicates", "about": "around", "many": "numerous", "quickly": "rapidly", "important": "key",
        "major": "significant", "announced": "unveiled", "increase": "rise", "expected": "anticipated",
        "attempt": "bid", "small": "little", "new": "fresh", "people": "individuals", "very": "highly",
        "after": "following", "before": "ahead of", "because": "since", "but": "yet", "also": "additionally",
        "get": "obtain", "make": "create", "made": "created", "think": "believe", "want": "wish", "use": "employ",
        "used": "employed", "need": "require", "needs": "requires", "often": "frequently", "however": "though",
        "country": "nation", "city": "town", "government": "administration", "leader": "chief", "job": "post",
    ]
    static let clauses = [
        ", officials said", ", according to a statement", ", a spokesperson said", ", sources told reporters",
        ", the report said", ", in a move that surprised many", ", as expected", ", police said",
    ]
    static let insertions = ["reportedly", "also", "now", "still", "already", "later", "initially", "formally"]
}
