import DeskPipeline
import Foundation

/// A story's activity over time as an SVG drawn on the server: a bar per day for articles, a dot per day for
/// new facts, both on one count axis. No script; text escaped.
enum ActivityPlot {
    static let width = 640.0, height = 200.0
    static let left = 36.0, right = 12.0, top = 16.0, bottom = 36.0
    /// Days drawn at most (the latest): beyond this, bars get thinner than a pixel or two.
    static let maxDays = 120

    static func svg(_ days: [StoryView.ActivityDay], title: String) -> String {
        let shown = Array(days.suffix(maxDays))
        let peak = max(1, shown.map { max($0.articles, $0.updates) }.max() ?? 1)
        let plotW = width - left - right, plotH = height - top - bottom
        let slot = plotW / Double(max(1, shown.count))
        func y(_ v: Int) -> Double { top + plotH - plotH * Double(v) / Double(peak) }
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="\(HTMLText.escape(title))">
        <title>\(HTMLText.escape(title))</title>
        <rect x="0" y="0" width="\(Int(width))" height="\(Int(height))" fill="#ffffff"/>
        <line x1="\(left)" y1="\(top + plotH)" x2="\(width - right)" y2="\(top + plotH)" stroke="#444"/>
        <line x1="\(left)" y1="\(top)" x2="\(left)" y2="\(top + plotH)" stroke="#444"/>
        <text x="\(left - 4)" y="\(top + 4)" font-size="10" text-anchor="end" font-family="sans-serif">\(peak)</text>
        <text x="\(left - 4)" y="\(top + plotH)" font-size="10" text-anchor="end" font-family="sans-serif">0</text>

        """
        var dots: [String] = []
        for (i, d) in shown.enumerated() {
            let x = left + Double(i) * slot
            let barW = max(1, slot * 0.7)
            out += "<rect class=\"articles\" x=\(q(x + (slot - barW) / 2)) y=\(q(y(d.articles))) width=\(q(barW)) height=\(q(top + plotH - y(d.articles))) fill=\"#7aa6d8\"><title>\(d.day): \(d.articles) articles, \(d.updates) new facts</title></rect>\n"
            dots.append("\(f(x + slot / 2)),\(f(y(d.updates)))")
            out += "<circle class=\"updates\" cx=\(q(x + slot / 2)) cy=\(q(y(d.updates))) r=\"3\" fill=\"#c0392b\"/>\n"
        }
        if dots.count > 1 { out += "<polyline points=\"\(dots.joined(separator: " "))\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"1.5\"/>\n" }
        if let first = shown.first {
            out += "<text x=\"\(left)\" y=\"\(height - 20)\" font-size=\"10\" font-family=\"sans-serif\">\(first.day)</text>\n"
        }
        if let last = shown.last, shown.count > 1 {
            out += "<text x=\"\(width - right)\" y=\"\(height - 20)\" font-size=\"10\" text-anchor=\"end\" font-family=\"sans-serif\">\(last.day)</text>\n"
        }
        out += "<rect x=\"\(left)\" y=\"\(height - 12)\" width=\"10\" height=\"8\" fill=\"#7aa6d8\"/><text x=\"\(left + 14)\" y=\"\(height - 4)\" font-size=\"10\" font-family=\"sans-serif\">articles per day</text>\n"
        out += "<circle cx=\"\(left + 130)\" cy=\"\(height - 8)\" r=\"3\" fill=\"#c0392b\"/><text x=\"\(left + 138)\" y=\"\(height - 4)\" font-size=\"10\" font-family=\"sans-serif\">new facts per day</text>\n"
        if shown.isEmpty {
            out += "<text x=\"\(width / 2)\" y=\"\(height / 2)\" font-size=\"12\" text-anchor=\"middle\" font-family=\"sans-serif\">no activity yet</text>\n"
        }
        return out + "</svg>\n"
    }

    static func f(_ v: Double) -> String { String(format: "%.1f", v) }
    static func q(_ v: Double) -> String { "\"\(f(v))\"" }
}
