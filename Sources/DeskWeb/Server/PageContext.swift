import Mustache

/// What a page template renders against: the view (as a `RenderTree`), plus `csrf` (the visitor's CSRF token,
/// empty when none) for the forms.
enum PageContext {
    static func make(view: Any, csrf: String) -> [String: Any] {
        var tree = RenderTree.make(view) as? [String: Any] ?? [:]
        tree["csrf"] = csrf
        return tree
    }
}
