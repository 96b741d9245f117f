package io.firebreak.enrich;

/** Tells which language a text is written in; implementations are thread-safe. */
public interface LanguageDetector {

    /** BCP 47 for "undetermined": there are words, but not enough to tell the language. */
    String UNDETERMINED = "und";

    /** BCP 47 for "no linguistic content": only emoji, emoticons, numbers, handles or links. */
    String NO_LINGUISTIC_CONTENT = "zxx";

    /** An ISO 639-1 code such as "en", or {@link #UNDETERMINED} / {@link #NO_LINGUISTIC_CONTENT}. */
    String detect(String text);
}
