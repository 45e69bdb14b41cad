import DeskModel
import Foundation

/// Generic web-chrome phrases (English plus cheap multilingual equivalents), each tied to the removal reason
/// it signals. Nothing here names a site: these are the words every CMS prints around an article.
enum BoilerplateLexicon {
    struct Hit {
        var reason: RemovalReason
        /// The line marks the end of the article (share bar, comments, related links, tags, author box).
        var endsArticle: Bool
        /// Nothing after it belongs to the body (share bar, comments, "you may also like", tags): unlike a
        /// "Related" or "Trending" box, these are never printed in the middle of an article.
        var isHardEnd: Bool = false
        /// A one-line interruption printed inside articles (inline "Related:" links, gallery counters): it is
        /// removed but costs the main block little.
        var isInline: Bool = false
    }

    /// Lines up to this many words are matched on any lexicon phrase; longer lines are prose-sized and need
    /// several phrases (an appeal for donations, a cookie notice) before they count as chrome. 15 words is about
    /// one long menu item or prompt; body sentences that mention "share" or "subscribe" are longer.
    static let shortLineWords = 15
    /// Distinct lexicon phrases a long line needs to be treated as chrome.
    static let longLineHits = 2
    /// A line of at most this many words that is only a marker ("Related", "Comments", "Share this:") ends the article.
    static let markerWords = 5

    /// Whole-line markers (normalized: lower-case words joined by one space).
    static let endMarkers: [String: RemovalReason] = {
        var table: [String: RemovalReason] = [:]
        for s in ["share", "share this", "share this article", "share this story", "share this post", "share on", "share via",
                  "share the article", "share article", "spread the word", "like this", "compartir", "compartilhe", "compartilhar",
                  "partager", "teilen", "condividi", "bagikan", "поделиться"] { table[s] = .share }
        for s in ["related", "related articles", "related stories", "related posts", "related news", "related content",
                  "related topics", "related coverage", "you may also like", "you might also like", "you may like", "you might like",
                  "more from", "more stories", "more news", "recommended", "recommended for you", "recommended stories",
                  "read next", "what to read next", "up next", "more on this story", "more on this topic", "trending",
                  "trending now", "most popular", "most read", "popular", "popular posts", "latest", "latest news", "latest stories",
                  "recent posts", "recent", "top stories", "explore further", "further reading", "more to explore", "editor's picks", "editors picks", "don't miss", "also on", "more in",
                  "você pode gostar", "leia também", "veja também", "relacionados", "notícias relacionadas", "posts relacionados",
                  "te puede interesar", "noticias relacionadas", "artículos relacionados", "lo más leído", "articles similaires",
                  "à lire aussi", "lire aussi", "sur le même sujet", "lesen sie auch", "mehr zum thema", "ähnliche artikel",
                  "potrebbe interessarti", "articoli correlati", "leggi anche", "berita terkait", "baca juga", "artikel terkait",
                  "похожие статьи", "читайте также", "похожие новости", "другие новости", "популярное"] { table[s] = .related }
        for s in ["comments", "comment", "leave a comment", "leave a reply", "post a comment", "add a comment", "join the discussion",
                  "join the conversation", "show comments", "view comments", "discussion", "reader comments", "comentários",
                  "comentarios", "deixe um comentário", "commentaires", "kommentare", "commenti", "komentar", "комментарии"] {
            table[s] = .comments
        }
        for s in ["tags", "topics", "filed under", "categories", "category", "about the author", "about the authors",
                  "etiquetas", "tagi", "теги", "темы"] { table[s] = .metadata }
        return table
    }()

    /// Related-content headings that close an article (the inline "Related" box does not).
    static let hardRelated: Set<String> = ["you may also like", "you might also like", "you may like", "you might like",
                                           "recommended for you", "read next", "what to read next", "up next", "more stories",
                                           "você pode gostar", "te puede interesar", "potrebbe interessarti", "more from"]

    /// Phrases that mark a line as chrome wherever they occur in it (word-bounded, lower-case).
    static let phrases: [(String, RemovalReason)] = {
        var list: [(String, RemovalReason)] = []
        func add(_ reason: RemovalReason, _ items: [String]) { list += items.map { ($0, reason) } }
        add(.paywall, ["you have read", "articles this month", "free articles", "free article", "article limit", "subscribe to continue",
                       "to continue reading", "continue reading with", "already a subscriber", "subscriber only", "subscribers only",
                       "for subscribers", "unlock this", "unlimited access", "premium content", "paywall",
                       "assine", "suscríbete", "abonnez vous", "abonnieren", "abbonati"])
        add(.registration, ["register to", "register for", "please register", "full access", "sign in", "sign up", "log in", "login", "log out", "logout", "register", "registration",
                            "create an account", "create a free account", "my account", "manage my account", "entrar", "iniciar sesión",
                            "connexion", "anmelden", "accedi", "masuk", "войти", "регистрация"])
        add(.donation, ["donate", "donating", "donation", "support us", "your support", "contribution", "become a member",
                        "become a patron", "support our journalism", "support independent", "our mission", "readers like you",
                        "count on your support", "doar", "faire un don", "spenden", "пожертвовать"])
        add(.newsletter, ["newsletter", "newsletters", "subscribe", "subscribed", "subscriber", "subscribers", "subscription",
                          "your inbox", "email address", "e mail address", "sign up for", "get the best stories", "never miss",
                          "breaking news updates", "notifications", "notify me", "rss", "inscreva se", "boletín", "abonnez",
                          "рассылка", "подписаться", "berlangganan"])
        add(.share, ["share this", "share on", "share via", "click to share", "click to email", "click to print", "opens in new window",
                     "share your thoughts", "share on facebook", "share on twitter", "follow us", "follow the", "like us on",
                     "pin it", "copy link", "facebook", "twitter", "reddit", "email", "e mail", "tumblr", "linkedin",
                     "whatsapp", "print", "pinterest", "telegram", "instagram", "youtube", "flipboard", "messenger",
                     "vkontakte", "odnoklassniki", "pocket", "tweet", "shares", "google", "buffer", "pin", "sms", "send to email", "email this", "print this"])
        add(.comments, ["comments", "comment", "responses to", "reply", "replies", "discussion", "comentários",
                        "commentaires", "kommentare", "commenti", "komentar", "комментарии", "bloggers like this", "responses"])
        add(.advertising, ["advertisement", "advertising", "sponsored", "paid content", "paid post", "paid program", "promoted",
                           "ad feedback", "supported by", "publicidade", "publicidad", "anuncio", "publicité", "anzeige",
                           "pubblicità", "iklan", "реклама", "partner content", "brandvoice", "affiliate"])
        add(.legal, ["cookie", "cookies", "privacy policy", "privacy", "terms of use", "terms of service", "terms and conditions",
                     "term of use", "all rights reserved", "copyright", "©", "gdpr", "ad choices", "adchoices", "do not sell",
                     "política de privacidade", "política de privacidad", "mentions légales", "datenschutz", "impressum",
                     "todos os direitos reservados", "todos los derechos reservados", "tous droits réservés",
                     "alle rechte vorbehalten", "tutti i diritti riservati", "hak cipta", "все права защищены"])
        add(.related, ["related", "read more", "read also", "also read", "see also", "more from", "recommended", "you may also like",
                       "you might also like", "most popular", "most read", "trending", "editor's picks", "read next",
                       "leia também", "leia mais", "veja também", "você pode gostar", "lea también", "leer más", "lire aussi",
                       "lire la suite", "lesen sie auch", "weiterlesen", "leggi anche", "baca juga", "читайте также", "подробнее"])
        add(.navigation, ["skip to", "main menu", "menu", "search", "back to top", "site index", "go to home page", "home page",
                          "homepage", "breadcrumb", "navigation", "toggle", "sections", "today's paper", "contact us", "about us",
                          "site map", "sitemap", "close", "×", "»", "«", "next article", "previous article", "next post",
                          "previous post", "buscar", "pesquisar", "rechercher", "suche", "cari", "поиск"])
        add(.boilerplate, ["continue reading", "loading", "javascript", "click here", "tap here", "enable", "your browser",
                           "download the app", "get the app", "app store", "google play", "watch live", "listen to this",
                           "all the latest", "what you need to know", "this article", "this story", "image", "video",
                           "photo gallery", "view gallery", "more photos", "caption", "hide caption", "toggle caption",
                           "enlarge this image", "play video", "audio"])
        return list
    }()

    /// Single generic words that are chrome only when they are (nearly) the whole line: "Menu", "Search".
    static let tinyLineWords = 4
    static let tinyOnly: Set<String> = ["menu", "search", "close", "sections", "image", "video", "audio", "caption", "related",
                                        "comments", "comment", "reply", "replies", "discussion", "trending", "recommended",
                                        "loading", "enable", "privacy", "register", "registration", "login", "rss", "promoted",
                                        "sponsored", "advertising", "subscriber", "subscribers", "subscription", "subscribed",
                                        "notifications", "navigation", "toggle", "homepage", "affiliate", "responses", "donation",
                                        "contribution", "buscar", "pesquisar", "rechercher", "suche", "cari", "поиск", "entrar",
                                        "masuk", "connexion", "anmelden", "accedi", "iklan", "doar", "dona", "this article", "this story",
                                        "facebook", "twitter", "reddit", "email", "e mail", "tumblr", "linkedin", "whatsapp", "print",
                                        "pinterest", "telegram", "instagram", "youtube", "flipboard", "messenger", "vkontakte",
                                        "odnoklassniki", "pocket", "tweet", "shares", "google", "buffer", "pin", "sms"]

    /// The phrases with the spaces that make them match whole words, built once.
    static let paddedPhrases: [(String, String, RemovalReason)] = phrases.map { ($0.0, " " + $0.0 + " ", $0.1) }
    /// The words of each phrase. A phrase can only occur in a line when all of its words are words of the line
    /// (both are space-delimited after `normalized`), so a set lookup rules most phrases out before the costly
    /// substring search.
    static let phraseWords: [[Substring]] = phrases.map { $0.0.split(separator: " ") }

    /// Chrome that is also a plausible body word only counts on short lines: "share", "comment" etc.
    static let shortOnly: Set<String> = ["comments", "comment", "reply", "replies", "discussion", "register", "registration",
                                         "privacy", "close", "menu", "search", "sections", "related", "this article", "this story",
                                         "image", "video", "audio", "caption", "enable", "loading", "trending", "recommended",
                                         "donation", "contribution", "subscriber", "subscribers", "subscription", "subscribed",
                                         "notifications", "doar", "advertising", "promoted", "affiliate", "responses",
                                         "sponsored", "rss", "»", "«", "×", "login", "entrar", "masuk", "cari",
                                         "follow the",
                                         "what you need to know", "all the latest", "supported by", "copyright", "cookie", "cookies"]

    /// Labels that introduce a link to another article on one line ("Related: ...").
    static let inlineLinkLabels: Set<String> = ["related", "read more", "read also", "also read", "see also", "also", "more",
                                                "watch", "listen", "more on this", "read next", "don't miss", "recommended",
                                                "leia também", "leia mais", "veja também", "veja", "lea también", "lee también",
                                                "lire aussi", "à lire aussi", "lesen sie auch", "mehr dazu", "leggi anche",
                                                "baca juga", "читайте также", "по теме", "смотрите также"]
    static let maxInlineLinkWords = 30
    /// All-capitals subheads run to five or six words; promo headlines are longer.
    static let shoutingMinWords = 8

    /// The lower-cased label before a colon at the start of a line ("Related: x" -> "related").
    static func compactPrefix(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: "[( "))
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let label = trimmed[..<colon].lowercased().replacingOccurrences(of: "’", with: "'")
        return label.count <= 20 ? label.trimmingCharacters(in: .whitespaces) : nil
    }

    static func isCounter(_ compact: String) -> Bool {
        let words = compact.split(separator: " ")
        if let i = words.firstIndex(of: "of"), i > 0, i < words.count - 1, Int(words[i - 1]) != nil, Int(words[i + 1]) != nil { return true }
        if words.count >= 2, words[0] == "view", words[1] == "all" { return true }
        return false
    }

    static func isShouting(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        guard letters.count >= 20 else { return false }
        return letters.filter(\.isUppercase).count * 10 >= letters.count * 9
    }

    static func classify(_ line: ScrapeLine) -> Hit? {
        let norm = " " + normalized(line.text) + " "
        let compact = norm.trimmingCharacters(in: .whitespaces)
        if line.wordCount <= markerWords {
            if let reason = endMarkers[compact] {
                return Hit(reason: reason, endsArticle: true, isHardEnd: reason != .related || hardRelated.contains(compact))
            }
        }
        // "Related: Other headline", "READ MORE: ...": an inline link to another article.
        if line.wordCount <= maxInlineLinkWords, let colon = compactPrefix(line.text), inlineLinkLabels.contains(colon) {
            return Hit(reason: .related, endsArticle: false, isInline: true)
        }
        // "1 of 6", "Image 2 of 4", "View all (23)": gallery and list counters.
        if line.wordCount <= tinyLineWords, isCounter(compact) { return Hit(reason: .navigation, endsArticle: false, isInline: true) }
        // A long all-capitals line is a promo headline ("GET THE APP BY CLICKING HERE"); subheads are shorter.
        if line.wordCount >= shoutingMinWords, isShouting(line.text) { return Hit(reason: .related, endsArticle: false, isInline: true) }
        var hits: [RemovalReason] = []
        var distinct = Set<String>()
        let lineWords = Set(norm.split(separator: " "))
        for (i, (phrase, padded, reason)) in paddedPhrases.enumerated() {
            guard phraseWords[i].allSatisfy({ lineWords.contains($0) }) else { continue }
            if norm.contains(padded) {
                if line.wordCount > shortLineWords && shortOnly.contains(phrase) { continue }
                if line.wordCount > tinyLineWords && tinyOnly.contains(phrase) { continue }
                hits.append(reason)
                distinct.insert(phrase)
            }
        }
        guard let first = hits.first else { return nil }
        if line.wordCount > shortLineWords && distinct.count < longLineHits { return nil }
        // The most frequent reason wins; ties go to the order of the lexicon (paywall before navigation).
        var counts: [RemovalReason: Int] = [:]
        for r in hits { counts[r, default: 0] += 1 }
        let top = hits.max { counts[$0]! < counts[$1]! } ?? first
        let best = counts[first]! == counts[top]! ? first : top
        return Hit(reason: best, endsArticle: false)
    }

    /// Lower-case, punctuation reduced to spaces except the few marks the lexicon spells (© ' » « ×).
    static func normalized(_ text: String) -> String {
        var out = ""
        var lastSpace = true
        for ch in text.lowercased() {
            let keep = ch.isLetter || ch.isNumber || "©'»«×’".contains(ch)
            let c: Character = ch == "’" ? "'" : ch
            if keep {
                out.append(c)
                lastSpace = false
            } else if !lastSpace {
                out.append(" ")
                lastSpace = true
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
