import Foundation

/// The one spelling of a URL that entry identity uses: scheme and host lower-cased, default port and
/// fragment dropped, and the tracking parameters that marketing tools append (utm_*, fbclid, gclid …)
/// removed, so the same article shared through two campaigns is one entry.
public enum URLCanonicalizer {
    /// Query parameters that only say how a reader arrived, never which resource they get. Exact names,
    /// from the click identifiers of the large ad and mail platforms.
    static let trackingNames: Set<String> = [
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
        "igshid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsctatracking", "mkt_tok",
        "oly_anon_id", "oly_enc_id", "rb_clickid", "s_cid", "vero_conv", "vero_id", "wickedid", "_ga", "_gl",
        "ref_src", "ref_url", "cmpid", "ncid", "ito", "sr_share", "at_medium", "at_campaign", "spm", "scid",
    ]
    /// Parameter name prefixes of campaign-tagging schemes (Google Analytics utm_*, Piwik/Matomo pk_*/mtm_*).
    static let trackingPrefixes = ["utm_", "pk_", "mtm_", "itm_", "at_"]

    public static func isTracking(_ name: String) -> Bool {
        let lower = name.lowercased()
        return trackingNames.contains(lower) || trackingPrefixes.contains { lower.hasPrefix($0) }
    }

    /// The canonical form of `raw` (resolved against `base` when relative); nil when it is not an http(s) URL.
    public static func canonical(_ raw: String, base: URL? = nil) -> String? {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty,
              let url = URL(string: trimmed, relativeTo: base) ?? URL(string: trimmed.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? "", relativeTo: base),
              var parts = URLComponents(url: url.absoluteURL, resolvingAgainstBaseURL: true),
              let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = parts.host, !host.isEmpty else { return nil }
        parts.scheme = scheme
        parts.host = host.lowercased()
        if (scheme == "http" && parts.port == 80) || (scheme == "https" && parts.port == 443) { parts.port = nil }
        parts.fragment = nil
        if parts.path.isEmpty { parts.path = "/" }
        if let items = parts.percentEncodedQueryItems {
            let kept = items.filter { !isTracking($0.name) }
            parts.percentEncodedQueryItems = kept.isEmpty ? nil : kept
        }
        return parts.string
    }

    /// Resolves a possibly relative link against `base`, without removing anything: for links kept as given.
    public static func resolve(_ raw: String, base: URL?) -> String? {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, let url = URL(string: trimmed, relativeTo: base) else { return nil }
        return url.absoluteString
    }
}
