import Testing
@testable import DeskLanguage
import DeskModel

@Suite struct SentenceSplitterTests {
    let splitter = SentenceSplitter()

    @Test(arguments: [
        "On Sept. 27, it ratified a free trade agreement with South Korea.",
        "Tokyo plans to deploy Israeli- and U.S.-made attack drones.",
        "Mr. Smith met Dr. Jones at No. 10 Downing Street.",
        "Inflation rose 3.5% in the quarter.",
        "The Lord of the Rings was written by J. R. R. Tolkien in England.",
        "Apple Inc. reported results at 9 a.m. on Monday.",
        "The U.S. Embassy in Nairobi was bombed.",
        "Sen. Warren and Gov. Newsom spoke at St. Paul's on Jan. 5.",
    ])
    func keepsOneSentence(_ text: String) {
        #expect(splitter.split(text) == [text])
    }

    @Test func splitsAfterClosingQuote() {
        let text = "\"We will not give up,\" he said. Then he left the room."
        #expect(splitter.split(text) == ["\"We will not give up,\" he said.", "Then he left the room."])
    }

    @Test func splitsWhenQuoteEndsTheSentence() {
        let text = "She said: \"It is over.\" The crowd cheered. (Later they went home.) Nobody stayed."
        #expect(splitter.split(text) == ["She said: \"It is over.\"", "The crowd cheered.", "(Later they went home.)", "Nobody stayed."])
    }

    @Test func splitsOnQuestionExclamationAndEllipsis() {
        #expect(splitter.split("Why now? Nobody knows! We waited… Then it came.")
                == ["Why now?", "Nobody knows!", "We waited…", "Then it came."])
    }

    @Test func splitsBeforeOpeningQuote() {
        #expect(splitter.split("He left. \"Goodbye,\" he wrote.") == ["He left.", "\"Goodbye,\" he wrote."])
    }

    @Test func questionInsideQuoteBeforeLowercaseDoesNotSplit() {
        #expect(splitter.split("\"Why?\" he asked.") == ["\"Why?\" he asked."])
    }

    @Test func splitsAfterAbbreviationWhenASentenceOpenerFollows() {
        #expect(splitter.split("He moved to the U.S. The family followed.") == ["He moved to the U.S.", "The family followed."])
        #expect(splitter.split("Shares of Apple Inc. rose. It was a good day.") == ["Shares of Apple Inc. rose.", "It was a good day."])
    }

    @Test func rangesAreScalarOffsets() {
        let text = "Café opened. Then it closed."
        #expect(splitter.sentenceRanges(text) == [0..<12, 13..<28])
    }
}
