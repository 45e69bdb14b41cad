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
    ]
}
