import Foundation

/// Charset labels as pages and servers write them, mapped to the decoder that reads them. Follows the
/// WHATWG Encoding Standard's label table where it matters: labels that name a subset are read with the
/// superset browsers use (iso-8859-1 and ascii as windows-1252, gb2312/gbk as GB18030, euc-kr as
/// windows-949, shift_jis as windows-31j, big5 as Big5-HKSCS, iso-8859-9 as windows-1254).
enum Charset: Equatable, Sendable {
    case utf8
    case utf16LE
    case utf16BE
    case windows1252
    /// Any other legacy charset, by its iconv name.
    case iconv(String)

    /// A readable name for notes and tests.
    var name: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .windows1252: return "windows-1252"
        case .iconv(let name): return Self.displayNames[name] ?? name
        }
    }

    /// The names people know for the supersets the decoder uses.
    private static let displayNames = ["CP932": "Shift_JIS", "CP949": "EUC-KR", "BIG5-HKSCS": "Big5", "CP1251": "windows-1251"]

    static let shiftJIS = Charset.iconv("CP932")
    static let eucJP = Charset.iconv("EUC-JP")
    static let eucKR = Charset.iconv("CP949")
    static let gb18030 = Charset.iconv("GB18030")
    static let big5 = Charset.iconv("BIG5-HKSCS")
    static let windows1251 = Charset.iconv("CP1251")
    static let koi8R = Charset.iconv("KOI8-R")

    /// The charset a label names, or nil for a label this reader does not know.
    init?(label raw: String) {
        let label = raw.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'")))
            .lowercased()
        if let known = Self.labels[label] {
            self = known
            return
        }
        // windows-125x and cp125x, iso-8859-x and iso8859-x / iso_8859-x, spelled as pages spell them.
        if let n = Self.number(after: ["windows-", "cp", "x-cp"], in: label), (1250...1258).contains(n) {
            self = n == 1252 ? .windows1252 : .iconv("CP\(n)")
            return
        }
        if let n = Self.number(after: ["iso-8859-", "iso8859-", "iso_8859-", "iso8859_", "iso_8859_", "iso-ir-8859-"], in: label),
           (1...16).contains(n), n != 12 {
            switch n {
            case 1: self = .windows1252
            case 9: self = .iconv("CP1254")
            case 11: self = .iconv("CP874")
            default: self = .iconv("ISO-8859-\(n)")
            }
            return
        }
        return nil
    }

    private static func number(after prefixes: [String], in label: String) -> Int? {
        for prefix in prefixes where label.hasPrefix(prefix) {
            let rest = label.dropFirst(prefix.count).prefix { $0.isNumber }
            if let n = Int(rest) { return n }
        }
        return nil
    }

    private static let labels: [String: Charset] = {
        var table: [String: Charset] = [:]
        func add(_ charset: Charset, _ names: [String]) { for name in names { table[name] = charset } }
        add(.utf8, ["utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8"])
        // A page cannot declare UTF-16 in its own bytes (it would not be ASCII-readable); browsers read UTF-8.
        add(.utf8, ["utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2"])
        add(.windows1252, ["us-ascii", "ascii", "ansi_x3.4-1968", "latin1", "latin-1", "l1", "iso-ir-100",
                           "iso88591", "cp819", "ibm819", "csisolatin1", "x-user-defined", "windows-1252"])
        add(.iconv("ISO-8859-2"), ["latin2", "l2", "iso-ir-101", "csisolatin2", "iso88592"])
        add(.iconv("ISO-8859-5"), ["cyrillic", "iso-ir-144", "csisolatincyrillic", "iso88595"])
        add(.iconv("ISO-8859-7"), ["greek", "greek8", "iso-ir-126", "ecma-118", "elot_928", "csisolatingreek", "iso88597"])
        add(.iconv("CP1254"), ["latin5", "l5", "iso-ir-148", "csisolatin5", "iso88599"])
        add(.iconv("ISO-8859-15"), ["latin9", "l9", "latin-9", "iso885915", "csisolatin9"])
        add(.koi8R, ["koi8-r", "koi8r", "koi8", "koi", "cskoi8r"])
        add(.iconv("KOI8-U"), ["koi8-u", "koi8-ru"])
        add(shiftJIS, ["shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "ms932", "windows-31j", "csshiftjis", "cp932"])
        add(eucJP, ["euc-jp", "eucjp", "x-euc-jp", "cseucpkdfmtjapanese"])
        add(.iconv("ISO-2022-JP"), ["iso-2022-jp", "csiso2022jp"])
        add(eucKR, ["euc-kr", "euckr", "cseuckr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601",
                    "korean", "iso-ir-149", "csksc56011987", "windows-949", "cp949", "uhc"])
        add(gb18030, ["gb18030", "gbk", "gb2312", "gb_2312", "gb_2312-80", "chinese", "csgb2312", "x-gbk",
                      "iso-ir-58", "csiso58gb231280", "cp936", "ms936", "windows-936", "euc-cn", "euccn"])
        add(big5, ["big5", "big-5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950"])
        add(.iconv("CP874"), ["tis-620", "windows-874", "dos-874", "iso-8859-11"])
        add(.iconv("MACINTOSH"), ["macintosh", "mac", "x-mac-roman", "csmacintosh"])
        add(.iconv("IBM866"), ["ibm866", "cp866", "866", "csibm866"])
        return table
    }()
}
