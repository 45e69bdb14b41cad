/// Hand-written country aliases the generated table lacks (common press forms), lower-cased → ISO code.
enum CountryAliases {
    static let names: [String: String] = [
        "u.s.": "US", "u.s.a.": "US", "us": "US", "usa": "US", "america": "US", "united states": "US",
        "u.k.": "GB", "uk": "GB", "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
        "wales": "GB", "northern ireland": "GB", "burma": "MM", "holland": "NL", "ivory coast": "CI",
        "czech republic": "CZ", "the netherlands": "NL", "gaza": "PS", "west bank": "PS", "taiwan": "TW",
        "vatican": "VA", "uae": "AE", "drc": "CD", "dprk": "KP", "prc": "CN", "soviet union": "SU",
        "ussr": "SU", "u.s.s.r.": "SU", "e.u.": "EU",
    ]
    static let demonyms: [String: String] = [
        "english": "GB", "scottish": "GB", "welsh": "GB", "soviet": "SU", "emirati": "AE",
        "filipino": "PH", "saudi": "SA", "kiwi": "NZ",
    ]

    /// Country code of a lower-cased name or alias.
    static func countryCode(name: String) -> String? {
        names[name] ?? Countries.names[name]
    }

    static func countryCode(demonym: String) -> String? {
        demonyms[demonym] ?? Countries.demonyms[demonym]
    }
}
