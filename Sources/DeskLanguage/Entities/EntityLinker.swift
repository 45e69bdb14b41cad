import DeskModel

/// Links entity mentions across one document: a last-name-only mention ("Netanyahu", "Mr. Kishida")
/// takes the key of the full name seen in the same document ("benjamin netanyahu").
enum EntityLinker {
    static func link(_ sentences: inout [Sentence]) {
        // Last name → full-name key, from multi-word person mentions; names shared by two persons are left alone.
        var byLastName: [String: String] = [:]
        var ambiguous: Set<String> = []
        for s in sentences {
            for e in s.entities where e.kind == .person {
                let parts = e.key.split(separator: " ")
                guard parts.count >= 2, let last = parts.last else { continue }
                let l = String(last)
                if let k = byLastName[l], k != e.key { ambiguous.insert(l) } else { byLastName[l] = e.key }
            }
        }
        for l in ambiguous { byLastName[l] = nil }
        guard !byLastName.isEmpty else { return }
        for si in sentences.indices {
            for ei in sentences[si].entities.indices {
                let e = sentences[si].entities[ei]
                guard e.kind == .person || e.kind == .other, !e.text.contains(" ") else { continue }
                if let key = byLastName[e.text.lowercased()] {
                    sentences[si].entities[ei].kind = .person
                    sentences[si].entities[ei].key = key
                }
            }
        }
    }
}
