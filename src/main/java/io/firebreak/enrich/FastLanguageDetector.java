package io.firebreak.enrich;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Language detection that stays cheap on the ingest path: decisive scripts (Hangul, kana, Arabic...) and
 * clear function-word evidence for the common Latin-script languages answer directly; everything else
 * goes to Lingua (low-accuracy mode, restricted languages), which alone manages about 10,000 tweets/s
 * on one core: too slow for every mention.
 */
public final class FastLanguageDetector implements LanguageDetector {

    private static final String[] LANGS = {"en", "es", "fr", "de", "it", "pt", "nl"};

    // frequent function words; a word in several lists votes for each of them
    private static final String[][] FUNCTION_WORDS = {
        {"the", "and", "to", "of", "is", "are", "was", "were", "you", "my", "your", "for", "it", "it's", "this",
            "that", "with", "have", "has", "not", "just", "be", "i", "i'm", "me", "we", "they", "what", "when",
            "why", "how", "will", "can", "get", "from", "but", "so", "been", "had", "would", "could", "should",
            "don't", "can't", "there", "their", "our", "about", "if", "or", "an", "at", "by", "all", "any", "still",
            "now", "thanks", "please", "really", "did", "do", "you're", "we're", "they're", "he", "she", "him",
            "her", "his", "who", "which", "than", "then", "being", "am", "after", "again", "no", "yes", "thank",
            "thx", "ok", "okay", "great", "love", "hate", "good", "bad", "best", "worst", "well", "very", "much",
            "time", "back", "help", "need", "want", "know", "out", "up", "one", "only", "over", "hours", "hour",
            "day", "today", "tomorrow", "tonight", "where", "here", "some", "going", "again", "never", "ever",
            "because", "into", "more", "other", "people", "service", "customer", "another", "every", "since",
            "doesn't", "didn't", "isn't", "won't", "i've", "i'll", "you've", "that's", "what's", "let", "like",
            "make", "made", "think", "see", "look", "way", "new", "said", "say", "tell", "told", "give", "call",
            "guys", "nice", "awesome", "amazing", "terrible", "horrible", "worse", "better", "thanks!", "cool",
            "sure", "yet", "why", "hi", "hello", "hey", "please", "sorry", "lol", "omg", "wtf", "fyi", "btw",
            // short words other languages write too, in English's list alone: they keep "as a whole, the player
            // works" from a tie with Portuguese, whose list has "a" and "as"; listed in French and Italian as
            // well, "a" would halve the margin of "il a perdu ma valise"; "in" stays out (Swedish, German, Dutch)
            "a", "as", "also", "too", "off", "down", "got", "went", "these", "those", "us", "such",
            "while", "before", "through", "most", "first", "last", "both", "each", "few", "many", "same", "own",
            // how posts spell English: without apostrophes, abbreviated; "im", "on" and "plus" are German, French
            // and French words too, so they vote for both and decide nothing alone
            "im", "ive", "dont", "cant", "wont", "didnt", "doesnt", "isnt", "wasnt", "thats", "whats", "u", "ur",
            "pls", "plz", "thnx", "tho", "gonna", "wanna", "gotta", "yeah", "yep", "nope", "on", "plus", "its"},
        {"el", "la", "los", "las", "que", "de", "del", "y", "en", "un", "una", "es", "por", "para", "con", "no",
            "se", "lo", "mi", "muy", "pero", "como", "más", "está", "esta", "gracias", "su", "al", "ya", "hay",
            "yo", "sin", "también", "porque", "todo", "nos", "fue", "son", "tu", "le", "me", "qué", "hola",
            "buenos", "buenas", "vuelo"},
        {"le", "la", "les", "des", "du", "de", "et", "est", "un", "une", "que", "qui", "pour", "pas", "dans",
            "sur", "avec", "je", "vous", "nous", "il", "elle", "ce", "c'est", "mais", "ne", "très", "merci", "au",
            "aux", "mon", "ma", "mes", "j'ai", "été", "sont", "ça", "tout", "plus", "en", "bonjour", "salut",
            "vol", "on"},
        {"der", "die", "das", "und", "ist", "nicht", "ich", "sie", "es", "ein", "eine", "mit", "für", "auf",
            "den", "dem", "zu", "von", "im", "auch", "wir", "du", "sehr", "aber", "noch", "wie", "bei", "nach",
            "mein", "danke", "kein", "schon", "sind", "war", "haben", "hat", "wird", "oder", "uns", "was", "hallo",
            "flug"},
        {"il", "lo", "la", "di", "che", "e", "è", "per", "non", "un", "una", "con", "sono", "mi", "del", "della",
            "le", "gli", "ma", "anche", "molto", "questo", "grazie", "ho", "ci", "come", "più", "si", "da", "io",
            "ciao", "volo"},
        {"o", "a", "os", "as", "de", "do", "da", "dos", "das", "que", "e", "é", "um", "uma", "para", "com",
            "não", "em", "no", "na", "por", "mais", "muito", "obrigado", "obrigada", "meu", "minha", "você",
            "mas", "se", "eu", "foi", "está", "estou", "isso", "ao", "olá", "oi", "voo"},
        {"de", "het", "een", "en", "van", "is", "niet", "ik", "je", "dat", "die", "op", "te", "met", "voor",
            "zijn", "er", "maar", "ook", "wel", "bij", "nog", "naar", "dank", "heel", "geen", "wat", "mijn", "was",
            "hoi", "vlucht"},
    };

    /**
     * Lingua's low-accuracy mode is, in its author's words, much less accurate below 120 characters; on the
     * shared airline tweets and review sentences it called 40 % of the short English texts it was asked about
     * Tagalog, Romanian, Indonesian and the like, at a hundred times the cost of the fast path.
     */
    static final int LINGUA_MIN_CHARS = 120;

    private final WordMasks votes;
    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;
    private final String shortTextLanguage;
    private final LongAdder fallbacks = new LongAdder();

    private FastLanguageDetector(WordMasks votes, com.github.pemistahl.lingua.api.LanguageDetector lingua,
                                 String shortTextLanguage) {
        this.votes = votes;
        this.lingua = lingua;
        this.shortTextLanguage = shortTextLanguage;
    }

    /**
     * Loads Lingua's models for a set of widely used languages (about 20 MB of heap, under a second).
     * {@code englishVocabulary} (the sentiment lexicon's words) also votes English: short posts like
     * "@united hilarious" have no function word, and Lingua guesses poorly on two words.
     */
    public static FastLanguageDetector create(Set<String> englishVocabulary) {
        return create(englishVocabulary, "en");
    }

    /**
     * @param shortTextLanguage the language of a short post in plain ASCII letters in which no other language's
     *                          function words occur ("Plane lands without nose gear in Houston", "barely worked."):
     *                          Lingua guesses poorly there, and a stream of such posts is written in the language
     *                          the deployment watches; {@link #UNDETERMINED} sends them to no scorer instead
     */
    public static FastLanguageDetector create(Set<String> englishVocabulary, String shortTextLanguage) {
        return new FastLanguageDetector(votes(englishVocabulary), LanguageDetectorBuilder.fromLanguages(
                        Language.ENGLISH, Language.SPANISH, Language.FRENCH, Language.GERMAN, Language.ITALIAN,
                        Language.PORTUGUESE, Language.DUTCH, Language.SWEDISH, Language.DANISH, Language.BOKMAL,
                        Language.POLISH, Language.CZECH, Language.ROMANIAN, Language.TURKISH, Language.INDONESIAN,
                        Language.TAGALOG, Language.RUSSIAN, Language.UKRAINIAN, Language.GREEK, Language.ARABIC,
                        Language.HEBREW, Language.HINDI, Language.THAI, Language.CHINESE, Language.JAPANESE,
                        Language.KOREAN)
                .withLowAccuracyMode()
                .withPreloadedLanguageModels()
                .build(), shortTextLanguage);
    }

    @Override
    public String detect(String text) {
        Scan scan = new Scan(text, votes);
        if (scan.letters == 0) {
            return NO_LINGUISTIC_CONTENT;
        }
        String byScript = scan.decisiveScript();
        if (byScript != null) {
            return byScript;
        }
        String byWords = scan.clearFunctionWordWinner();
        if (byWords != null) {
            return byWords;
        }
        if (scan.shortPlainWithoutOtherEvidence()) {
            return shortTextLanguage;
        }
        fallbacks.increment();
        Language language = lingua.detectLanguageOf(withoutHandlesAndLinks(text));
        if (language == Language.UNKNOWN) {
            return UNDETERMINED;
        }
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    /** How many texts so far the fast path left to Lingua, which costs a hundred times more per text. */
    public long fallbacks() {
        return fallbacks.sum();
    }

    /** Lingua reads "@united" and link paths as words of some language; only the few texts it sees pay for this. */
    private static String withoutHandlesAndLinks(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String token : text.split("\\s+")) {
            if (!token.isEmpty() && !isHandleOrLink(token, 0, token.length())) {
                out.append(out.length() > 0 ? " " : "").append(token);
            }
        }
        return out.toString();
    }

    private static boolean isHandleOrLink(String text, int from, int to) {
        char first = text.charAt(from);
        return first == '@' || text.startsWith("http://", from) || text.startsWith("https://", from)
                || text.startsWith("www.", from) || (first == '#' && to - from > 1);
    }

    /** One pass over the text without its handles and links: letters per script and function-word votes. */
    private static final class Scan {
        final WordMasks votesByWord;
        int letters;
        int latin;
        int hangul;
        int kana;
        int han;
        int greek;
        int hebrew;
        int thai;
        int devanagari;
        final int[] votes = new int[LANGS.length];
        int words;
        int nonAsciiLetters;
        int chars;

        Scan(String text, WordMasks votesByWord) {
            this.votesByWord = votesByWord;
            int n = text.length();
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                int end = i;
                while (end < n && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                if (!isHandleOrLink(text, i, end)) {
                    token(text, i, end);
                    chars += end - i + 1;
                }
                i = end;
            }
        }

        private void token(String text, int from, int to) {
            int wordStart = -1;
            for (int i = from; i <= to; i++) {
                int cp = i < to ? text.codePointAt(i) : ' ';
                boolean wordChar = i < to && (Character.isLetter(cp) || cp == '\'' || cp == '’');
                if (wordChar && Character.isLetter(cp)) {
                    countScript(cp);
                }
                if (wordChar && wordStart < 0) {
                    wordStart = i;
                } else if (!wordChar && wordStart >= 0) {
                    words++;
                    vote(votesByWord.get(text, wordStart, i));
                    wordStart = -1;
                }
                if (i < to && Character.isSupplementaryCodePoint(cp)) {
                    i++;
                }
            }
        }

        private void countScript(int cp) {
            letters++;
            nonAsciiLetters += cp >= 0x80 ? 1 : 0;
            if (cp < 0x250) {
                latin++;
                return;
            }
            switch (Character.UnicodeScript.of(cp)) {
                case LATIN -> latin++;
                case HANGUL -> hangul++;
                case HIRAGANA, KATAKANA -> kana++;
                case HAN -> han++;
                case GREEK -> greek++;
                case HEBREW -> hebrew++;
                case THAI -> thai++;
                case DEVANAGARI -> devanagari++;
                default -> { }
            }
        }

        private void vote(int mask) {
            for (int l = 0; l < LANGS.length; l++) {
                if ((mask & (1 << l)) != 0) {
                    votes[l]++;
                }
            }
        }

        /**
         * Under {@link #LINGUA_MIN_CHARS} without handles and links, letters all plain ASCII (an "é", "ñ" or "ß" is
         * evidence Lingua can use), and no other language with more function-word votes than English: "Thanks.
         * UA1121, DEN, 40 min on tarmac" is English although "den" is German, "Club in Denver is dope" although
         * "is" is Dutch, "um where's the mango emoji" although "um" is German. Lingua's guess on so few words is
         * worse than a tie going to the deployment's short-text language.
         */
        boolean shortPlainWithoutOtherEvidence() {
            if (chars >= LINGUA_MIN_CHARS || nonAsciiLetters > 0) {
                return false;
            }
            for (int l = 1; l < LANGS.length; l++) {
                if (votes[l] > votes[0]) {
                    return false;
                }
            }
            return true;
        }

        /** A script that only one supported language writes in, when most letters are in it. */
        String decisiveScript() {
            int half = letters / 2;
            if (kana > 0 && kana + han > half) {
                return "ja";
            }
            if (hangul > half) {
                return "ko";
            }
            if (han > half) {
                return "zh";
            }
            if (greek > half) {
                return "el";
            }
            if (hebrew > half) {
                return "he";
            }
            if (thai > half) {
                return "th";
            }
            if (devanagari > half) {
                return "hi";
            }
            return null;
        }

        /**
         * The language with at least twice the function-word votes of any other, in Latin script; one vote is enough only
         * for a very short text, where n-gram models guess no better.
         */
        String clearFunctionWordWinner() {
            if (latin * 10 < letters * 9) {
                return null;
            }
            int best = -1;
            int bestVotes = 0;
            int second = 0;
            for (int l = 0; l < LANGS.length; l++) {
                if (votes[l] > bestVotes) {
                    second = bestVotes;
                    bestVotes = votes[l];
                    best = l;
                } else if (votes[l] > second) {
                    second = votes[l];
                }
            }
            boolean enough = bestVotes >= 2 || (bestVotes == 1 && words <= 4);
            return enough && bestVotes >= 2 * second ? LANGS[best] : null;
        }
    }

    private static WordMasks votes(Set<String> englishVocabulary) {
        Map<String, Integer> votes = new HashMap<>();
        for (int l = 0; l < FUNCTION_WORDS.length; l++) {
            for (String w : FUNCTION_WORDS[l]) {
                votes.merge(w, 1 << l, (a, b) -> a | b);
            }
        }
        // a lexicon word that is also another language's function word ("die", "pain") decides nothing
        for (String w : englishVocabulary) {
            votes.putIfAbsent(w, 1);
        }
        return new WordMasks(votes);
    }
}
