/// One attribute of an element: lower-cased name, value as written (character references decoded).
/// A struct rather than a `(name:value:)` tuple: arrays of tuples are destroyed element by element through the
/// runtime's generic tuple witnesses, which was a visible share of freeing a parsed page.
struct HTMLAttribute {
    var name: String
    var value: String
}
