import Mustache

/// What a page template renders against: the view, plus `csrf` (the visitor's CSRF token, empty when none)
/// for the forms. Names the view lacks are looked up there by Mustache's own rules (stored properties).
struct PageContext: MustacheParent {
    let view: Any
    let csrf: String

    func child(named name: String) -> Any? {
        if name == "csrf" { return csrf }
        guard let value = Mirror(reflecting: view).children.first(where: { $0.label == name })?.value else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
