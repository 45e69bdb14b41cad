/// Turns an `Encodable` view into the dictionaries and arrays of a `RenderTree` through its own `encode(to:)`:
/// the compiler writes that code per type, so it costs a fraction of reflecting each value with `Mirror`
/// (which was a fifth of the web desk's CPU on the largest story page of a 1M-article desk, perf).
///
/// It keeps `RenderTree`'s meaning: nil is left out (of a record and of an array), values that render
/// themselves (`RenderTree.Kind.leaf`: dates, enums, URLs, anything `CustomStringConvertible`) are kept as they
/// are, not as their encoded form.
final class TreeEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    private var slot: Slot = .empty

    private enum Slot {
        case empty
        case value(Any?)
        case record(RecordBox)
        case list(ListBox)
    }

    /// The tree of one value.
    static func tree<T: Encodable>(_ value: T) -> Any? {
        if T.self == String.self || T.self == Int.self || T.self == Int64.self || T.self == Double.self || T.self == Bool.self {
            return value
        }
        if RenderTree.kind(ofType: T.self, value) == .leaf { return value }
        let encoder = TreeEncoder()
        do { try value.encode(to: encoder) } catch { return nil }
        return encoder.result
    }

    var result: Any? {
        switch slot {
        case .empty: return nil
        case .value(let v): return v
        case .record(let box): return box.finish()
        case .list(let box): return box.finish()
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .record(let box) = slot { return KeyedEncodingContainer(RecordContainer(box: box)) }
        let box = RecordBox()
        slot = .record(box)
        return KeyedEncodingContainer(RecordContainer(box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .list(let box) = slot { return ListContainer(box: box) }
        let box = ListBox()
        slot = .list(box)
        return ListContainer(box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { ValueContainer(encoder: self) }

    fileprivate func set(_ value: Any?) { slot = .value(value) }

    // MARK: storage

    fileprivate final class RecordBox {
        var fields: [String: Any] = [:]
        /// Containers and encoders handed out for a key (never by synthesized code), read at the end.
        var nested: [String: TreeEncoder] = [:]

        func finish() -> [String: Any] {
            for (key, encoder) in nested { fields[key] = encoder.result }
            return fields
        }
    }

    fileprivate final class ListBox {
        var items: [Any] = []
        var nested: [(index: Int, encoder: TreeEncoder)] = []

        func finish() -> [Any] {
            guard !nested.isEmpty else { return items }
            var out: [Any?] = items.map { $0 }
            for (index, encoder) in nested { out[index] = encoder.result }
            return out.compactMap { $0 }
        }
    }

    /// Stands in a list for a nested container's value until `finish`.
    private struct Placeholder {}

    // MARK: containers

    private struct RecordContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: RecordBox
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) {}
        mutating func encode(_ value: Bool, forKey key: Key) { box.fields[key.stringValue] = value }
        mutating func encode(_ value: String, forKey key: Key) { box.fields[key.stringValue] = value }
        mutating func encode(_ value: Double, forKey key: Key) { box.fields[key.stringValue] = value }
        mutating func encode(_ value: Int, forKey key: Key) { box.fields[key.stringValue] = value }
        mutating func encode(_ value: Int64, forKey key: Key) { box.fields[key.stringValue] = value }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) {
            if let tree = TreeEncoder.tree(value) { box.fields[key.stringValue] = tree }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            nestedEncoder(key.stringValue).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            nestedEncoder(key.stringValue).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { nestedEncoder("super") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { nestedEncoder(key.stringValue) }

        private func nestedEncoder(_ key: String) -> TreeEncoder {
            let encoder = TreeEncoder()
            box.nested[key] = encoder
            return encoder
        }
    }

    private struct ListContainer: UnkeyedEncodingContainer {
        let box: ListBox
        var codingPath: [any CodingKey] { [] }
        var count: Int { box.items.count }

        mutating func encodeNil() {}
        mutating func encode(_ value: Bool) { box.items.append(value) }
        mutating func encode(_ value: String) { box.items.append(value) }
        mutating func encode(_ value: Double) { box.items.append(value) }
        mutating func encode(_ value: Int) { box.items.append(value) }
        mutating func encode(_ value: Int64) { box.items.append(value) }
        mutating func encode<T: Encodable>(_ value: T) {
            if let tree = TreeEncoder.tree(value) { box.items.append(tree) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            nestedEncoder().container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { nestedEncoder().unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { nestedEncoder() }

        private func nestedEncoder() -> TreeEncoder {
            let encoder = TreeEncoder()
            box.nested.append((box.items.count, encoder))
            box.items.append(Placeholder())
            return encoder
        }
    }

    private struct ValueContainer: SingleValueEncodingContainer {
        let encoder: TreeEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() { encoder.set(nil) }
        mutating func encode(_ value: Bool) { encoder.set(value) }
        mutating func encode(_ value: String) { encoder.set(value) }
        mutating func encode(_ value: Double) { encoder.set(value) }
        mutating func encode(_ value: Int) { encoder.set(value) }
        mutating func encode(_ value: Int64) { encoder.set(value) }
        mutating func encode<T: Encodable>(_ value: T) { encoder.set(TreeEncoder.tree(value)) }
    }
}
