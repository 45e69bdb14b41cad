import Testing
@testable import DeskLanguage

@Suite struct TokenizerTests {
    @Test func wordsKeepInnerApostrophes() {
        #expect(Tokenizer.words("Don't stop: week's end, 2023!").map(String.init) == ["Don't", "stop", "week's", "end", "2023"])
    }

    @Test func contentTermsAreLowercasedStemmedWithoutStopwords() {
        #expect(Tokenizer.contentTerms("The attacks killed three soldiers") == ["attack", "kill", "thre", "soldier"])
        #expect(Tokenizer.contentTerms("Israel's countries") == ["israel", "countri"])
        #expect(Tokenizer.contentTerms("It’s Israel’s call, don't wait") == ["israel", "call", "wait"])
    }

    @Test(arguments: [
        ("killed", "kill"), ("kills", "kill"), ("killing", "kill"), ("stopped", "stop"), ("stopping", "stop"),
        ("countries", "countri"), ("country", "countri"), ("announced", "announc"), ("announce", "announc"),
        ("drones", "dron"), ("drone", "dron"), ("agreed", "agre"), ("agree", "agre"), ("news", "news"), ("bus", "bus"), ("analysis", "analysis"),
        ("king", "king"), ("sing", "sing"), ("class", "class"), ("plans", "plan"), ("planned", "plan"),
    ])
    func stemmer(_ pair: (String, String)) {
        #expect(LightStemmer.stem(pair.0) == pair.1)
    }
}
