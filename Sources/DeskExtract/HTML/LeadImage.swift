import DeskModel
import Foundation

/// The article's lead picture as the page's metadata names it, with its caption and credit: the
/// article's JSON-LD `image` (an ImageObject with `caption`, `creditText`, `copyrightHolder`), else the
/// `og:image` / `twitter:image` found in the page inside a `<figure>` with a caption. Only a picture
/// with a caption is returned; a bare address says nothing to a reader.
enum LeadImage {
    static func find(root: Node, article: [String: Any]?, metaImage: String?) -> Caption? {
        if let object = imageObject(article?["image"]), let caption = caption(of: object) { return caption }
        guard let address = metaImage ?? imageURL(article?["image"]) else { return nil }
        return figureCaption(root: root, imageURL: address)
    }

    /// The first ImageObject of an `image` value (an object or an array of objects or addresses).
    static func imageObject(_ value: Any?) -> [String: Any]? {
        switch value {
        case let o as [String: Any]: return o
        case let a as [Any]: return a.lazy.compactMap { $0 as? [String: Any] }.first
        default: return nil
        }
    }

    static func imageURL(_ value: Any?) -> String? {
        switch value {
        case let s as String: return s
        case let o as [String: Any]: return JSONLD.string(o["url"]) ?? JSONLD.string(o["contentUrl"])
        case let a as [Any]: return a.lazy.compactMap { imageURL($0) }.first
        default: return nil
        }
    }

    static func caption(of object: [String: Any]) -> Caption? {
        guard let raw = JSONLD.string(object["caption"]) ?? JSONLD.string(object["description"]) else { return nil }
        let text = Text.collapse(raw)
        guard !text.isEmpty else { return nil }
        let credit = [object["creditText"], object["copyrightHolder"], object["author"]].lazy
            .compactMap { JSONLD.string($0) }.map(Text.collapse).first { !$0.isEmpty }
        if let credit { return Caption(text: text, credit: credit) }
        return CaptionExtractor.split(text)
    }

    /// The caption of the `<figure>` holding an `<img>` of the same file (sizes and query strings differ
    /// between the meta address and the page's).
    static func figureCaption(root: Node, imageURL: String) -> Caption? {
        let file = fileName(imageURL)
        guard !file.isEmpty else { return nil }
        for img in root.elements(["img", "source"]) {
            let sources = ["src", "data-src", "srcset", "data-srcset", "data-original"].compactMap { img.attribute($0) }
            guard sources.contains(where: { Text.contains($0, file) }) else { continue }
            var node = img.parent
            while let n = node, n.tagID != .body {
                if n.tagID == .figure {
                    guard let captionNode = n.descendants().first(where: { $0.isElement && CaptionExtractor.isCaption($0) }),
                          let caption = CaptionExtractor.caption(captionNode), !caption.text.isEmpty else { return nil }
                    return caption
                }
                node = n.parent
            }
        }
        return nil
    }

    /// The last path component of an address, without its query.
    static func fileName(_ address: String) -> String {
        let path = address.split(separator: "?").first.map(String.init) ?? address
        return path.split(separator: "/").last.map(String.init) ?? ""
    }
}
