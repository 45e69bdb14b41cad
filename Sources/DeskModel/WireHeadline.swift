/// A headline with its wire-service markers taken off: "UPDATE 2-Storm hits coast" is the marker
/// `update 2` on the headline "Storm hits coast", so later versions of one wire story can be matched.
public struct WireHeadline: Codable, Sendable, Hashable {
    public struct Marker: Codable, Sendable, Hashable {
        public enum Kind: String, Codable, Sendable {
            /// "UPDATE 2-", "Update:", "UPDATED:" (a later version of a running story).
            case update
            /// "REFILE-", "RPT-", "REPEAT-" (sent again, usually for a fix of form).
            case refile
            /// "CORRECTED-", "CORRECTION-", "Correction:" (a fix of fact).
            case correction
            /// "WRAPUP 1-" (a round-up of several stories).
            case wrapup
            /// Any other desk label: "EXCLUSIVE-", "ANALYSIS-", "FACTBOX-", "BREAKING:".
            case label
        }
        public var kind: Kind
        /// The marker as written, without its separator ("UPDATE 2").
        public var text: String
        /// The version number of "UPDATE 2" / "WRAPUP 1".
        public var number: Int?
        public init(kind: Kind, text: String, number: Int? = nil) {
            self.kind = kind
            self.text = text
            self.number = number
        }
    }

    /// Markers in the order they were written ("CORRECTED-UPDATE 1-": correction, then update 1).
    public var markers: [Marker]
    /// The headline without the markers.
    public var headline: String

    public init(markers: [Marker], headline: String) {
        self.markers = markers
        self.headline = headline
    }

    public var isCorrection: Bool { markers.contains { $0.kind == .correction } }
    /// The highest "UPDATE N" number, if any.
    public var updateNumber: Int? { markers.filter { $0.kind == .update }.compactMap(\.number).max() }
}
