import DeskModel
import DeskPipeline
import Foundation

/// A watch as the browser's form sends it (and as the API's body gives it), checked: a name, a query in
/// the `WatchQuery` grammar, entity keys and sources (comma-separated in the form), an optional http(s) webhook.
struct WatchForm {
    var name: String
    var query: String
    var entities: [String]
    var sources: [String]
    var webhookURL: String?

    init(name: String, query: String?, entities: [String]?, sources: [String]?, webhookURL: String?) throws {
        self.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !self.name.isEmpty, self.name.count <= 200 else { throw WebError(.badRequest, "\"name\" must be 1 to 200 characters") }
        self.query = query ?? ""
        do { _ = try WatchQuery.parse(self.query) } catch let e as WatchQuery.ParseError { throw WebError(.badRequest, e.message) }
        self.entities = (entities ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        self.sources = (sources ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let url = webhookURL?.trimmingCharacters(in: .whitespaces)
        self.webhookURL = (url?.isEmpty ?? true) ? nil : url
        if let url = self.webhookURL, SafeURL.http(url) == nil || URL(string: url)?.host == nil {
            throw WebError(.badRequest, "\"webhookURL\" must be an http(s) URL")
        }
    }

    /// From a urlencoded form: lists are comma-separated.
    init(fields f: [String: String]) throws {
        func list(_ key: String) -> [String] { (f[key] ?? "").split(separator: ",").map(String.init) }
        try self.init(name: f["name"] ?? "", query: f["query"], entities: list("entities"), sources: list("sources"), webhookURL: f["webhookURL"])
    }
}
