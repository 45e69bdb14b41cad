import Foundation
import Mustache

/// A view turned into dictionaries and arrays once, before rendering. Mustache looks up each `{{name}}` in every
/// object of its context stack, and for a plain struct that lookup reflects the whole struct (`Mirror`) each
/// time: on the story page that reflection was two thirds of the web desk's CPU under load (perf, 1M-article
/// desk). A dictionary answers the same lookup directly.
///
/// `Encodable` values (every view the API also serves) are turned by their own `encode(to:)` (`TreeEncoder`);
/// the rest by reflection.
///
/// The tree keeps Mustache's meaning: a nil optional is left out (a lookup of it falls through to the enclosing
/// objects, as it did), arrays stay sequences, and values that render themselves (strings, numbers, dates,
/// enums, anything `CustomStringConvertible`, lambdas and Mustache's own protocols) are kept as they are.
enum RenderTree {
    /// What a value's type is to the tree, decided once per type: the protocol checks behind it cost more than the
    /// rest of the conversion when repeated for every string and number of a page.
    enum Kind { case leaf, optional, collection, record }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var kinds: [ObjectIdentifier: Kind] = [:]

    static func make(_ value: Any) -> Any? {
        switch value {
        case is String, is Int, is Int64, is Double, is Bool: return value
        default: break
        }
        let kind = self.kind(of: value)
        if kind == .leaf { return value }
        if let encodable = value as? any Encodable { return TreeEncoder.tree(encodable) }
        return reflect(value, kind)
    }

    /// The tree of a value by reflection (`Mirror`), for values that are not `Encodable`.
    static func reflect(_ value: Any, _ kind: Kind) -> Any? {
        let mirror = Mirror(reflecting: value)
        switch kind {
        case .leaf:
            return value
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return nil }
            return make(wrapped)
        case .collection:
            return mirror.children.compactMap { make($0.value) }
        case .record:
            var out: [String: Any] = [:]
            out.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label, let v = make(child.value) else { continue }
                out[label] = v
            }
            return out
        }
    }

    /// The kind of a value's type, classified on first sight and remembered.
    static func kind(of value: Any) -> Kind { kind(ObjectIdentifier(Swift.type(of: value)), value) }

    /// The kind of `T` (a concrete type), with `value` as its sample on first sight.
    static func kind<T>(ofType: T.Type, _ value: T) -> Kind { kind(ObjectIdentifier(T.self), value) }

    private static func kind(_ type: ObjectIdentifier, _ value: @autoclosure () -> Any) -> Kind {
        lock.lock()
        let known = kinds[type]
        lock.unlock()
        if let known { return known }
        let sample = value()
        let kind = classify(sample, Mirror(reflecting: sample))
        lock.lock()
        kinds[type] = kind
        lock.unlock()
        return kind
    }

    static func classify(_ value: Any, _ mirror: Mirror) -> Kind {
        if value is MustacheParent || value is MustacheLambda || value is MustacheCustomRepresentation { return .leaf }
        switch mirror.displayStyle {
        case .optional: return .optional
        case .collection: return .collection
        case .struct, .class: return value is CustomStringConvertible || value is NSObject ? .leaf : .record
        default: return .leaf
        }
    }
}
