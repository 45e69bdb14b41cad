/// Attribute names common on web pages (the HTML standard's index of attributes, ARIA's most used, microdata,
/// the usual lazy-loading `data-` names): the tokenizer hands out these strings instead of decoding each name
/// it reads again. Any other name is decoded as before; the list only saves work, it changes no result.
enum HTMLAttributeNames {
    static let common = [
        "accept", "accept-charset", "accesskey", "action", "align", "allow", "allowfullscreen", "alt",
        "aria-controls", "aria-describedby", "aria-expanded", "aria-haspopup", "aria-hidden", "aria-label",
        "aria-labelledby", "aria-live", "as", "async", "autocomplete", "autofocus", "autoplay", "bgcolor", "border",
        "cellpadding", "cellspacing", "charset", "checked", "cite", "class", "clip-rule", "color", "cols", "colspan",
        "content", "contenteditable", "controls", "coords", "crossorigin", "cx", "cy", "d", "data", "data-id",
        "data-original", "data-src", "data-srcset", "datetime", "decoding", "default", "defer", "dir", "disabled",
        "download", "draggable", "enctype", "fetchpriority", "fill", "fill-rule", "focusable", "for", "form",
        "frameborder", "headers", "height", "hidden", "href", "hreflang", "http-equiv", "id", "integrity", "itemid",
        "itemprop", "itemref", "itemscope", "itemtype", "label", "lang", "list", "loading", "loop", "max",
        "maxlength", "media", "method", "min", "minlength", "multiple", "muted", "name", "nonce", "novalidate",
        "onclick", "onerror", "onload", "open", "pattern", "placeholder", "playsinline", "points", "poster",
        "preload", "property", "r", "readonly", "referrerpolicy", "rel", "required", "rev", "role", "rows",
        "rowspan", "rx", "sandbox", "scope", "scrolling", "selected", "shape", "size", "sizes", "slot", "span",
        "spellcheck", "src", "srcdoc", "srclang", "srcset", "start", "step", "stroke", "stroke-width", "style",
        "summary", "tabindex", "target", "title", "transform", "translate", "type", "usemap", "valign", "value",
        "version", "viewbox", "width", "wrap", "x", "xml:lang", "xmlns", "xmlns:xlink", "xlink:href", "y",
    ]

    static let table = ByteWordTable(common.map { ($0, $0) })
}
