/// Hand-written place names that the country table lacks: US states (with their press abbreviations)
/// and large or newsworthy cities that are not national capitals. Lower-cased.
enum Places {
    /// US states and the District of Columbia → USPS code.
    static let usStates: [String: String] = [
        "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA", "colorado": "CO",
        "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID",
        "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
        "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI", "minnesota": "MN",
        "mississippi": "MS", "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV",
        "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM", "new york": "NY", "north carolina": "NC",
        "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA",
        "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN", "texas": "TX",
        "utah": "UT", "vermont": "VT", "virginia": "VA", "washington state": "WA", "west virginia": "WV",
        "wisconsin": "WI", "wyoming": "WY", "district of columbia": "DC", "d.c.": "DC",
        "ala.": "AL", "ariz.": "AZ", "ark.": "AR", "calif.": "CA", "colo.": "CO", "conn.": "CT", "del.": "DE",
        "fla.": "FL", "ga.": "GA", "ill.": "IL", "ind.": "IN", "kan.": "KS", "ky.": "KY", "la.": "LA", "md.": "MD",
        "mass.": "MA", "mich.": "MI", "minn.": "MN", "miss.": "MS", "mo.": "MO", "mont.": "MT", "neb.": "NE",
        "nev.": "NV", "n.h.": "NH", "n.j.": "NJ", "n.m.": "NM", "n.y.": "NY", "n.c.": "NC", "n.d.": "ND",
        "okla.": "OK", "ore.": "OR", "pa.": "PA", "r.i.": "RI", "s.c.": "SC", "s.d.": "SD", "tenn.": "TN",
        "va.": "VA", "vt.": "VT", "wash.": "WA", "w.va.": "WV", "wis.": "WI", "wyo.": "WY",
    ]

    /// Cities that are not national capitals → ISO country code.
    static let cities: [String: String] = [
        "new york city": "US", "los angeles": "US", "chicago": "US", "houston": "US", "philadelphia": "US",
        "phoenix": "US", "san antonio": "US", "san diego": "US", "dallas": "US", "san francisco": "US",
        "boston": "US", "miami": "US", "atlanta": "US", "seattle": "US", "detroit": "US", "denver": "US",
        "las vegas": "US", "new orleans": "US", "baltimore": "US", "pittsburgh": "US", "cleveland": "US",
        "minneapolis": "US", "st. louis": "US", "buffalo": "US", "sacramento": "US", "portland": "US",
        "honolulu": "US", "austin": "US", "nashville": "US", "memphis": "US", "milwaukee": "US", "brooklyn": "US",
        "manhattan": "US", "silicon valley": "US", "wall street": "US", "toronto": "CA", "montreal": "CA",
        "vancouver": "CA", "sydney": "AU", "melbourne": "AU", "brisbane": "AU", "perth": "AU", "auckland": "NZ",
        "shanghai": "CN", "hong kong": "HK", "shenzhen": "CN", "guangzhou": "CN", "wuhan": "CN", "chengdu": "CN",
        "osaka": "JP", "kyoto": "JP", "yokohama": "JP", "hiroshima": "JP", "fukushima": "JP", "okinawa": "JP",
        "busan": "KR", "mumbai": "IN", "bombay": "IN", "kolkata": "IN", "calcutta": "IN", "bangalore": "IN",
        "chennai": "IN", "madras": "IN", "karachi": "PK", "lahore": "PK", "istanbul": "TR", "izmir": "TR",
        "tel aviv": "IL", "haifa": "IL", "gaza city": "PS", "hebron": "PS", "jenin": "PS", "nablus": "PS",
        "bethlehem": "PS", "dubai": "AE", "jeddah": "SA", "mecca": "SA", "medina": "SA", "basra": "IQ",
        "mosul": "IQ", "aleppo": "SY", "homs": "SY", "alexandria": "EG", "benghazi": "LY", "casablanca": "MA",
        "lagos": "NG", "johannesburg": "ZA", "cape town": "ZA", "durban": "ZA", "mombasa": "KE", "st. petersburg": "RU",
        "saint petersburg": "RU", "novosibirsk": "RU", "kharkiv": "UA", "odesa": "UA", "odessa": "UA",
        "lviv": "UA", "donetsk": "UA", "luhansk": "UA", "mariupol": "UA", "crimea": "UA", "munich": "DE",
        "hamburg": "DE", "frankfurt": "DE", "cologne": "DE", "milan": "IT", "naples": "IT", "venice": "IT",
        "florence": "IT", "turin": "IT", "barcelona": "ES", "seville": "ES", "valencia": "ES", "marseille": "FR",
        "lyon": "FR", "nice": "FR", "geneva": "CH", "zurich": "CH", "davos": "CH", "rotterdam": "NL",
        "antwerp": "BE", "manchester": "GB", "liverpool": "GB", "birmingham": "GB", "glasgow": "GB",
        "edinburgh": "GB", "belfast": "GB", "oxford": "GB", "cambridge": "GB", "sao paulo": "BR",
        "são paulo": "BR", "rio de janeiro": "BR", "guadalajara": "MX", "monterrey": "MX", "tijuana": "MX",
        "medellin": "CO", "medellín": "CO", "ho chi minh city": "VN", "saigon": "VN", "gdansk": "PL",
        "krakow": "PL", "kraków": "PL",
    ]

    /// Key of a place name: "us-state:NY", "city:tel aviv".
    static func key(_ lower: String) -> String? {
        if let s = usStates[lower] { return "us-state:" + s }
        if cities[lower] != nil { return "city:" + lower }
        return nil
    }
}
