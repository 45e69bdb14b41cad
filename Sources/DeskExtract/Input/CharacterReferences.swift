/// Named character references (`&nbsp;`, `&eacute;` …) for readers outside the HTML parser: feed XML
/// uses HTML's names although XML defines only five.
public enum CharacterReferences {
    /// The character an HTML named reference stands for (name without `&` and `;`), or nil when unknown.
    public static func scalar(named name: String) -> Unicode.Scalar? {
        NamedEntities.table[name].flatMap { Unicode.Scalar($0.scalar) }
    }
}
