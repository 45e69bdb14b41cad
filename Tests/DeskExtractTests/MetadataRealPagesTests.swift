import DeskModel
import Foundation
import Testing
@testable import DeskExtract

/// Metadata of real pages from the shared extraction set (skipped when the set is not beside the
/// project): what a person reads on each page, and where each date was found.
@Suite("Metadata on real pages")
struct MetadataRealPagesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/eval/extraction/html")

    static func article(_ prefix: String) throws -> Article? {
        guard let name = try? FileManager.default.contentsOfDirectory(atPath: folder.path).first(where: { $0.hasPrefix(prefix) }) else {
            return nil
        }
        let packed = try Data(contentsOf: folder.appendingPathComponent(name))
        let html = try TextDecoding.decode(try Gzip.decompress(packed, limit: 50 << 20))
        return HTMLExtractor().extract(html, id: prefix)
    }

    static func day(_ date: Date?) -> String? {
        guard let date else { return nil }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        return f.string(from: date)
    }

    static func instant(_ date: Date?) -> String? {
        date.map { ISO8601DateFormatter().string(from: $0) }
    }

    @Test func opinionColumnTitleDropsTheSectionLabel() throws {
        guard let a = try Self.article("04a6711c") else { return }
        #expect(a.title == "Republicans Are Following Trump to Nowhere")
        #expect(a.byline == "Jamelle Bouie")
        #expect(Self.instant(a.published?.value) == "2019-11-19T11:00:09Z")
        #expect(a.published?.from == "meta[property=article:published]")
        #expect(a.canonicalURL == "https://www.nytimes.com/2019/11/19/opinion/republicans-elections-impeachment.html")
        #expect(a.language == "en")
        #expect(a.tags.contains("Impeachment"))
        #expect(a.tags.contains("Elections, Governors"))
    }

    @Test func jsonLDPersonOverPublisherInAuthorMeta() throws {
        guard let a = try Self.article("2f42ef1d") else { return }
        #expect(a.title == "The Future of Banking Is … You're Broke")
        #expect(a.byline == "Molly Wood")  // meta author says "Condé Nast", the publisher
        #expect(Self.instant(a.published?.value) == "2019-11-14T14:00:00Z")
        #expect(a.published?.from == "json-ld datePublished")
        #expect(Self.instant(a.modified?.value) == "2019-11-14T17:41:38Z")
        #expect(a.tags == ["banks", "money", "ideas"])  // not "_no-apple-news"
    }

    @Test func organisationAuthorGivesWayToTheBylineBox() throws {
        guard let a = try Self.article("92101975") else { return }
        #expect(a.title == "Jose Mourinho agrees deal to replace Mauricio Pochettino as Tottenham manager")
        #expect(a.byline == "Tom Gillespie")  // JSON-LD author is the Organization "Sky"
        #expect(Self.instant(a.published?.value) == "2019-11-20T06:37:00Z")
        #expect(a.published?.from == "json-ld datePublished")
        #expect(a.language == "en")
    }

    @Test func agencyBylineListsItsReporters() throws {
        guard let a = try Self.article("82b6d780") else { return }
        #expect(a.title == "Unpredictable Sondland faces questions about Trump, Ukraine")
        #expect(a.byline == "LISA MASCARO, MARY CLARE JALONICK, ERIC TUCKER")
        #expect(a.published?.from == "meta[property=article:published_time]")
        #expect(Self.instant(a.published?.value) == "2019-11-20T10:52:20Z")
        guard let b = try Self.article("e7994d55") else { return }
        #expect(b.byline == "DANICA KIRKA, JILL LAWLESS")  // not "… Associated Press"
    }

    @Test func placeholderDatesAreRefusedAndTheVisibleDateServes() throws {
        guard let a = try Self.article("776a1c04") else { return }
        // JSON-LD says 0001-01-01 (refused); the page shows "Published 10:02 AM EST Nov 19, 2019", which is
        // more precise than the /2019/11/19/ in its address.
        #expect(Self.instant(a.published?.value) == "2019-11-19T15:02:00Z")
        #expect(a.published?.from == "div.publish.date text")
        #expect(a.modified == nil)
        #expect(a.byline == "Lisa Kaczke, Trevor J. Mitchell")
        guard let b = try Self.article("c58aa507") else { return }
        #expect(b.byline == "Kevin Johnson, Kevin McCoy")  // not "… USA TODAY"
        // "Published 7:07 PM EST Nov 19, 2019" is the next day in UTC.
        #expect(Self.instant(b.published?.value) == "2019-11-20T00:07:00Z")
    }

    @Test func rolesAfterTheNameAreDropped() throws {
        guard let a = try Self.article("eecd2575") else { return }
        #expect(a.byline == "GREG BEACHAM")  // "GREG BEACHAM, AP Sports Writer"
        #expect(a.title == "LeBron sets triple-double mark, Lakers hold off OKC 112-107")
        guard let b = try Self.article("9ebb3af6") else { return }
        #expect(b.byline == "Paul Takahashi")  // "Paul Takahashi, Staff writer"
    }

    @Test func staffAndSiteNamesAreNoByline() throws {
        guard let a = try Self.article("f344ca5f") else { return }
        #expect(a.byline == "Lisa Kubota")  // meta says "HNN Staff"; the page prints her name
        #expect(a.published?.from == "meta[name=date]")
        #expect(Self.day(a.published?.value) == "2019-11-19")
        for prefix in ["7916ecca", "dc7ccccc", "961bd85c", "e1c7023e"] {  // "Al Jazeera", "Al-Bawaba", "Staff Reports", "Science X staff"
            guard let page = try Self.article(prefix) else { return }
            #expect(page.byline == nil, "\(prefix): \(page.byline ?? "")")
        }
    }

    @Test func guardianTagsAreSplitAndTheDateKept() throws {
        guard let a = try Self.article("5fa3154e") else { return }
        #expect(a.title == "The Guardian view on Hong Kong: a city on the brink")
        #expect(a.tags.starts(with: ["Hong Kong", "Protest", "Asia Pacific", "Communism", "Xi Jinping", "China", "World news"]))
        #expect(!a.tags.contains { $0.contains(",") })
        #expect(Self.instant(a.published?.value) == "2019-11-18T18:54:53Z")
        #expect(a.canonicalURL == "https://www.theguardian.com/commentisfree/2019/nov/18/the-guardian-view-on-hong-kong-a-city-on-the-brink")
    }

    @Test func aDayOnlyDateYieldsToATimeOnThatDay() throws {
        guard let a = try Self.article("7dfc3e35") else { return }
        // dc.date says "2019-11-19"; dcterms.created (and JSON-LD) give 07:43:27 -05:00 that day.
        #expect(Self.instant(a.published?.value) == "2019-11-19T12:43:27Z")
        #expect(a.published?.from == "meta[name=dcterms.created]")
        #expect(a.byline == "Andy Sahadeo")
        #expect(a.title == "James Van Der Beek eliminated from 'Dancing with the Stars' after announcing wife suffered miscarriage")
    }

    @Test func dateFromAHiddenValueNotTheModifiedOne() throws {
        guard let a = try Self.article("14cc2a0c") else { return }
        // <input class="published_date" value="2019-11-18 23:41:18">, after a modified_date input.
        #expect(Self.instant(a.published?.value) == "2019-11-18T23:41:18Z")
        #expect(a.published?.from == "input[value].published.date")
        #expect(a.title == "NASA Just Confirmed There Are Water Plumes Above The Surface of Jupiter's Moon Europa")
    }

    @Test func voxDatesAndByline() throws {
        guard let a = try Self.article("16c30add") else { return }
        #expect(a.title == "The law that’s helping fuel Delhi’s deadly air pollution")
        #expect(a.byline == "Umair Irfan")
        #expect(Self.instant(a.published?.value) == "2019-11-08T20:30:00Z")
        #expect(Self.instant(a.modified?.value) == "2019-11-13T15:28:18Z")
        #expect(a.modified?.from == "meta[property=article:modified_time]")
    }

    @Test func russianPageLanguageAndTags() throws {
        guard let a = try Self.article("3c6d3381") else { return }
        #expect(a.language == "ru")
        #expect(a.title?.hasPrefix("Самые популярные кулинарные блоги") == true)
        #expect(a.tags.contains("кулинария"))
        #expect(a.published?.from == "meta[itemprop=datePublished]")
        #expect(Self.day(a.published?.value) == "2018-09-24")
    }

    @Test func siteSuffixAndEscapedTags() throws {
        guard let a = try Self.article("aadb38e5") else { return }
        #expect(a.title == "Lexus wants you to go topless with 2020 LC500 Convertible")  // not "… - Auto News"
        guard let b = try Self.article("d0382c0d") else { return }
        #expect(b.title == "PG&E begins new mass power shutoff over fire danger")
        #expect(b.byline == "JANIE HAR")
        #expect(b.tags.contains("PG&E"))
        #expect(!b.tags.contains { $0.hasSuffix("&") || $0.contains("&amp") })
        guard let c = try Self.article("87438a0d") else { return }
        #expect(c.tags.contains("Dear Abby"))
        #expect(!c.tags.contains { $0.hasPrefix("@") })
    }

    @Test func indonesianBlog() throws {
        guard let a = try Self.article("21486419") else { return }
        #expect(a.language == "id")
        #expect(a.title == "Jangan Membenci Satu Kaum Secara Berlebihan")
        #expect(a.canonicalURL == "https://kabarislamia.com/2015/03/30/jangan-membenci-satu-kaum-secara-berlebihan/")
        #expect(Self.instant(a.published?.value) == "2015-03-30T02:40:29Z")
    }

    static func metadata(_ prefix: String) throws -> PageMetadata? {
        guard let name = try? FileManager.default.contentsOfDirectory(atPath: folder.path).first(where: { $0.hasPrefix(prefix) }) else {
            return nil
        }
        let html = try TextDecoding.decode(try Gzip.decompress(try Data(contentsOf: folder.appendingPathComponent(name)), limit: 50 << 20))
        return MetadataExtractor(root: GumboTree.parse(html), url: nil).extract()
    }

    @Test func leadImageFromJSONLDImageObject() throws {
        guard let md = try Self.metadata("7f93c194") else { return }
        #expect(md.leadImage?.text.hasPrefix("A stock image of a woman holding a joint.") == true)
        #expect(md.leadImage?.credit == "Getty")
    }

    @Test func leadImageFromTheFigureOfTheOpenGraphImage() throws {
        guard let md = try Self.metadata("ac1bfdd4") else { return }
        #expect(md.leadImage?.text.hasPrefix("The Doobie Brothers will unite with former frontman Michael McDonald") == true)
        #expect(md.leadImage?.credit == "Photo by Jason Kempin/Getty Images")
        guard let aj = try Self.metadata("42aad16b") else { return }
        #expect(aj.leadImage?.text.hasPrefix("This illustration of SpaceX's concept for a commercial lunar lander") == true)
    }

    @Test func noLeadImageWithoutACaption() throws {
        guard let md = try Self.metadata("2f42ef1d") else { return }  // og:image, but no caption printed for it
        #expect(md.leadImage == nil)
    }
}
