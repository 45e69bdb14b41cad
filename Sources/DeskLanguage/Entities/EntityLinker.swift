import DeskModel

/// Links entity mentions across one document: a last-name-only mention ("Netanyahu", "Mr. Kishida")
/// takes the key of the full name seen in the same document ("benjamin netanyahu"), and an acronym
/// introduced in brackets after a name ("World Health Organization (WHO)") takes that name's key.
enum EntityLinker {
    static func link(_ sentences: inout [Sentence]) {
        linkAcronyms(&sentences)
        linkLastNames(&sentences)
    }

    /// Acronym → key of the name it was introduced with.
    static func linkAcronyms(_ sentences: inout [Sentence]) {
        var byAcronym: [String: (key: String, kind: EntityMention.Kind)] = [:]
        for s in sentences {
            let es = s.entities
            for k in es.indices.dropLast() {
                let name = es[k], short = es[k + 1]
                guard name.text.contains(" "), s.text.contains(name.text + " (" + short.text + ")"),
                      initials(of: name.text) == short.text.uppercased() else { continue }
                byAcronym[short.text] = (name.key, name.kind)
            }
        }
        guard !byAcronym.isEmpty else { return }
        for si in sentences.indices {
            for ei in sentences[si].entities.indices {
                if let target = byAcronym[sentences[si].entities[ei].text] {
                    sentences[si].entities[ei].key = target.key
                    sentences[si].entities[ei].kind = target.kind
                }
            }
        }
    }

    /// Initials of the capitalised words of a name ("World Health Organization" → "WHO").
    static func initials(of name: String) -> String {
        String(name.split(separator: " ").compactMap { w in w.first.flatMap { $0.isUppercase ? $0 : nil } })
    }

    static func linkLastNames(_ sentences: inout [Sentence]) {
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
                // A one-word mention the tagger typed otherwise still links when it is not a known place.
                guard !e.text.contains(" "), !e.key.contains(":") else { continue }
                if let key = byLastName[e.text.lowercased()] {
                    sentences[si].entities[ei].kind = .person
                    sentences[si].entities[ei].key = key
                }
            }
        }
    }
}
