/// Function words that carry no topic.
public enum Stopwords {
    public static let english: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
        "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "he", "she",
        "they", "we", "you", "i", "his", "her", "their", "our", "your", "my", "him", "them", "us", "me", "not", "no",
        "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must",
        "so", "than", "then", "there", "here", "what", "which", "who", "whom", "when", "where", "why", "how", "all",
        "any", "some", "more", "most", "also", "about", "into", "over", "after", "before", "up", "down", "out", "off",
        "said", "says", "say", "new", "one", "two", "s", "t", "just", "now", "only", "very", "such", "other",
        "don't", "doesn't", "didn't", "won't", "can't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't",
        "hadn't", "wouldn't", "couldn't", "shouldn't", "it's", "he's", "she's", "they're", "we're", "i'm", "you're",
        "that's", "there's", "they've", "we've", "i've", "i'd", "he'd", "she'd", "they'd", "we'll", "they'll", "i'll",
    ]
}
