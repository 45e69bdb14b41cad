/// Where one paged section of a page stands: page n of m, and the links to the pages either side
/// (nil at the ends). The links keep the other sections' pages as they are.
public struct SectionPage: Codable, Sendable, Hashable {
    public var page: Int
    public var pages: Int
    public var total: Int
    public var previous: String?
    public var next: String?
    /// True when there is more than one page (the template shows the links only then).
    public var paged: Bool

    /// `link(n)` is the address of page n of this section.
    init(page: Int, perPage: Int, total: Int, link: (Int) -> String) {
        self.page = page
        self.total = total
        pages = max(1, (total + perPage - 1) / perPage)
        previous = page > 1 ? link(min(page - 1, pages)) : nil
        next = page < pages ? link(page + 1) : nil
        paged = pages > 1
    }
}
