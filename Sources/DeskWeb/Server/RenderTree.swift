import Foundation
import Mustache

/// A view turned into dictionaries and arrays once, before rendering. Mustache looks up each `{{name}}` in every
/// object of its context stack, and for a plain struct that lookup reflects the whole struct (`Mirror`) each
/// time: on the story page that reflection was two thirds of the web desk's CPU under load (perf, 1M-article
/// desk). A dictionary answers the same lookup directly.
///
/// The tree keeps Mustache's meaning: a nil optional is left out (a lookup of it falls through to the enclosing
/// objects, as it did), arrays stay sequences, and values that render themselves (strings, numbers, dates,
/// enums, anything `CustomStringConvertible`, lambdas and Mustache's own protocols) are kept as they are.
enum RenderTree {
    static func make(_ value: Any) -> Any? {
        if value is MustacheParent || value is MustacheLambda || value is MustacheCustomRepresentation { return value }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return nil }
            return make(wrapped)
        case .collection:
            return mirror.children.compactMap { make($0.value) }
        case .struct, .class:
            if value is CustomStringConvertible || value is NSObject { return value }
            var out: [String: Any] = [:]
            out.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label, let v = make(child.value) else { continue }
                out[label] = v
            }
            return out
        default:
            return value
        }
    }
}
