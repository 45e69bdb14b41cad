import Foundation

/// The libFuzzer target for the feed parsers (`scripts/fuzz.sh feed`): RSS 0.9x/1.0/2.0, Atom and JSON Feed
/// through `FeedParser` (charset sniffing, XML cleaning, entity refusal) and OPML. Any bytes must come back as a
/// feed or a `FeedError`, never a crash or a hang. DeskSources is not in DeskExtract's `FuzzTargets` (it sits
/// to its right), so the fuzz script compiles the parsing files of DeskSources apart (its `feed_files`), with this entry point;
/// `FeedFuzzCorpusTests` replays `Fuzz/seeds/feed` and `Fuzz/corpus/feed` through it.
public enum FeedFuzzTarget {
    public static func run(_ bytes: UnsafeRawBufferPointer) {
        let data = Data(bytes)
        let base = URL(string: "https://example.org/feeds/main.xml")
        _ = try? FeedParser.parse(data, url: base)
        _ = try? FeedParser.parse(data, contentType: "application/rss+xml; charset=iso-8859-1", url: base)
        _ = FeedParser.looksLikeFeed(data, contentType: nil)
        _ = try? OPML.parse(data)
    }
}
