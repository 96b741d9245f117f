package io.firebreak.statement;

import io.firebreak.enrich.ChineseText;
import io.firebreak.enrich.HanText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one-line summary of a wave ("{issue}" in a statement), taken from what people in the wave keep
 * saying: the longest phrase that recurs across several of its posts, grown word by word from the
 * strongest recurring pair or triple ("emergency landing" becomes "emergency landing on flight AC417"),
 * preferring phrases that hold the wave's crisis terms. A phrase never starts or ends on a function word,
 * never holds a handle, link or hashtag, and keeps the writers' own capitals. Nothing recurs: no phrase,
 * and the statement uses the category's own wording. A list of single terms is never a summary.
 *
 * <p>Chinese has no spaces: its posts are cut into words by the segmenter ({@link HanText}, Simplified
 * characters), Weibo's [emoji] codes, #topics# and @users left out, and the phrase is written without
 * spaces ("牛奶检出致癌物"). A phrase does not start or end on a particle or a single character.
 */
public final class IssuePhrase {

    static final int MIN_WORDS = 2;
    static final int MAX_WORDS = 8;
    private static final int SEED_MAX = 3;
    private static final int MAX_SEEDS = 20;

    /** Words a phrase may hold inside but not start or end with. */
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "from", "by", "as",
            "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
            "i", "me", "my", "mine", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its",
            "they", "them", "their", "this", "that", "these", "those", "there", "here", "so", "just", "not", "no",
            "very", "really", "all", "any", "some", "what", "who", "why", "how", "when", "where", "which", "if",
            "then", "than", "too", "again", "now", "after", "before", "about", "into", "over", "out", "up", "off",
            "can", "could", "will", "would", "should", "may", "might", "must", "get", "got", "im", "dont",
            "rt", "via", "amp", "lol", "omg", "wtf", "pls", "please", "thanks", "thank",
            // Chinese words of two characters that carry no issue (single characters never start or end one)
            "我们", "你们", "他们", "大家", "自己", "这个", "那个", "什么", "怎么", "为什么", "就是", "还是", "已经",
            "一直", "真的", "不是", "没有", "还有", "到底", "可以", "今天", "现在", "一下", "一个", "这么", "那么",
            "因为", "所以", "但是", "可是", "而且", "如果", "虽然", "转发", "微博");

    private static final Pattern CLAUSE = Pattern.compile("[.!?;:()\\[\\]\"“”|\\n]+|\\s[-–—]\\s|,\\s");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final Pattern NOT_A_WORD = Pattern.compile("(?:https?://|www\\.)\\S*|[@#][\\p{L}\\p{N}_]+");
    /** Weibo's emoji codes ([怒], [哭]) and the ends of its #topics#. */
    private static final Pattern WEIBO_MARKUP = Pattern.compile("\\[[\\p{L}\\p{N}]{1,8}]|#");

    private IssuePhrase() {}

    /**
     * The phrase, or null when no phrase recurs in at least two posts.
     *
     * @param texts  the wave's posts, most shared first (duplicates and reshares count once)
     * @param terms  the wave's crisis terms and significant words: a phrase holding one is preferred
     * @param avoid  words a phrase must not be made of alone, such as the brand's names
     * @param maxChars the longest phrase the statement has room for
     */
    public static String of(List<String> texts, List<String> terms, Set<String> avoid, int maxChars) {
        List<List<Word>> clauses = new ArrayList<>();
        Set<String> seenTexts = new HashSet<>();
        int posts = 0;
        for (String text : texts) {
            List<List<Word>> own = text == null ? List.of() : clauses(text, posts);
            // a reshare ("RT @someone: ...") or a copy says nothing new: each text counts once
            StringBuilder key = new StringBuilder();
            own.forEach(c -> c.forEach(w -> key.append(w.folded()).append(' ')));
            if (!own.isEmpty() && seenTexts.add(key.toString())) {
                clauses.addAll(own);
                posts++;
            }
        }
        if (posts < 2) {
            return null;
        }
        Set<String> strong = new HashSet<>();
        for (String t : terms) {
            for (String w : fold(t).split("\\s+")) {
                if ((w.length() > 2 || w.length() == 2 && ChineseText.hasHan(w)) && !isFunction(w)) {
                    strong.add(w.replace("*", ""));
                }
            }
        }
        Set<String> avoided = new HashSet<>();
        for (String a : avoid) {
            avoided.addAll(List.of(fold(a).split("\\s+")));
            if (ChineseText.hasHan(a)) {
                // as the segmenter cuts it in the posts: 鲜丰乳业 is 鲜丰 + 乳业
                HanText.of(a).indexWords().forEach(w -> avoided.add(fold(w)));
                avoided.add(fold(ChineseText.simplified(a)));
            }
        }

        List<Candidate> seeds = new ArrayList<>();
        for (int n = MIN_WORDS; n <= SEED_MAX; n++) {
            for (Map.Entry<String, Set<Integer>> e : shingles(clauses, n).entrySet()) {
                List<String> words = List.of(e.getKey().split(" "));
                if (e.getValue().size() >= 2 && words.stream().anyMatch(w -> !isFunction(w) && !avoided.contains(w))) {
                    seeds.add(new Candidate(words, e.getValue().size(), strength(words, strong)));
                }
            }
        }
        seeds.sort((a, b) -> a.beats(b) ? -1 : b.beats(a) ? 1 : String.join(" ", a.words).compareTo(String.join(" ", b.words)));
        // a seed may start or end on a function word ("smoke in the"): growing it gives the phrase its ends
        for (Candidate seed : seeds.subList(0, Math.min(seeds.size(), MAX_SEEDS))) {
            List<String> grown = grow(seed.words, clauses, seed.posts, avoided);
            if (grown != null) {
                return original(grown, clauses, maxChars);
            }
        }
        return null;
    }

    private record Word(String folded, String original, int post) {}

    private record Candidate(List<String> words, int posts, int strength) {
        /** More posts first, then crisis terms, then longer. */
        boolean beats(Candidate other) {
            if (strength > 0 != other.strength > 0) {
                return strength > 0;
            }
            if (posts != other.posts) {
                return posts > other.posts;
            }
            if (strength != other.strength) {
                return strength > other.strength;
            }
            return words.size() > other.words.size();
        }
    }

    private static List<List<Word>> clauses(String text, int post) {
        if (ChineseText.hasHan(text)) {
            return hanClauses(text, post);
        }
        String cleaned = NOT_A_WORD.matcher(text).replaceAll(" | ");
        List<List<Word>> out = new ArrayList<>();
        for (String clause : CLAUSE.split(cleaned)) {
            List<Word> words = new ArrayList<>();
            var m = WORD.matcher(clause);
            while (m.find()) {
                String original = m.group().replace('’', '\'');
                if (!original.equalsIgnoreCase("rt")) {
                    words.add(new Word(fold(original), original, post));
                }
            }
            if (words.size() >= MIN_WORDS) {
                out.add(words);
            }
        }
        return out;
    }

    /** A Chinese post's clauses: the segmenter's words, cut at its punctuation (which it writes as ","). */
    private static List<List<Word>> hanClauses(String text, int post) {
        String cleaned = NOT_A_WORD.matcher(text).replaceAll("，");
        cleaned = WEIBO_MARKUP.matcher(cleaned).replaceAll("，");
        List<List<Word>> out = new ArrayList<>();
        List<Word> clause = new ArrayList<>();
        for (String w : HanText.of(cleaned).words()) {
            if (!Character.isLetterOrDigit(w.codePointAt(0))) {
                if (clause.size() >= MIN_WORDS) {
                    out.add(clause);
                }
                clause = new ArrayList<>();
            } else {
                clause.add(new Word(fold(w), w, post));
            }
        }
        if (clause.size() >= MIN_WORDS) {
            out.add(clause);
        }
        return out;
    }

    /** Each n-word run, with the posts it appears in. */
    private static Map<String, Set<Integer>> shingles(List<List<Word>> clauses, int n) {
        Map<String, Set<Integer>> out = new HashMap<>();
        for (List<Word> clause : clauses) {
            for (int i = 0; i + n <= clause.size(); i++) {
                StringBuilder key = new StringBuilder();
                for (int j = i; j < i + n; j++) {
                    key.append(j == i ? "" : " ").append(clause.get(j).folded());
                }
                out.computeIfAbsent(key.toString(), k -> new HashSet<>()).add(clause.get(i).post());
            }
        }
        return out;
    }

    /**
     * Grows the phrase one word at a time, left or right, while it still recurs in at least two posts and
     * in at least half of the posts the seed was in; the longest that starts and ends on a content word,
     * or null when none does.
     */
    private static List<String> grow(List<String> seed, List<List<Word>> clauses, int seedPosts, Set<String> avoided) {
        int need = Math.max(2, (seedPosts + 1) / 2);
        List<String> phrase = new ArrayList<>(seed);
        List<String> bestEnding = allowed(seed, avoided) ? new ArrayList<>(seed) : null;
        while (phrase.size() < MAX_WORDS) {
            Map<String, Set<Integer>> right = new HashMap<>();
            Map<String, Set<Integer>> left = new HashMap<>();
            for (List<Word> clause : clauses) {
                for (int i = 0; i + phrase.size() <= clause.size(); i++) {
                    if (!matches(clause, i, phrase)) {
                        continue;
                    }
                    int post = clause.get(i).post();
                    if (i + phrase.size() < clause.size()) {
                        right.computeIfAbsent(clause.get(i + phrase.size()).folded(), k -> new HashSet<>()).add(post);
                    }
                    if (i > 0) {
                        left.computeIfAbsent(clause.get(i - 1).folded(), k -> new HashSet<>()).add(post);
                    }
                }
            }
            Map.Entry<String, Set<Integer>> r = most(right);
            Map.Entry<String, Set<Integer>> l = most(left);
            boolean takeRight = r != null && r.getValue().size() >= need
                    && (l == null || r.getValue().size() >= l.getValue().size());
            boolean takeLeft = !takeRight && l != null && l.getValue().size() >= need;
            if (takeRight) {
                phrase.add(r.getKey());
            } else if (takeLeft) {
                phrase.add(0, l.getKey());
            } else {
                break;
            }
            if (allowed(phrase, avoided)) {
                bestEnding = new ArrayList<>(phrase);
            }
        }
        return bestEnding;
    }

    private static Map.Entry<String, Set<Integer>> most(Map<String, Set<Integer>> next) {
        Map.Entry<String, Set<Integer>> best = null;
        for (Map.Entry<String, Set<Integer>> e : next.entrySet()) {
            if (best == null || e.getValue().size() > best.getValue().size()
                    || e.getValue().size() == best.getValue().size() && e.getKey().compareTo(best.getKey()) < 0) {
                best = e;
            }
        }
        return best;
    }

    private static boolean matches(List<Word> clause, int at, List<String> phrase) {
        for (int j = 0; j < phrase.size(); j++) {
            if (!clause.get(at + j).folded().equals(phrase.get(j))) {
                return false;
            }
        }
        return true;
    }

    /** Starts and ends on a content word, and is not made only of the brand's names and function words. */
    private static boolean allowed(List<String> words, Set<String> avoided) {
        if (isFunction(words.get(0)) || isFunction(words.get(words.size() - 1))) {
            return false;
        }
        if (avoided.contains(words.get(0)) || avoided.contains(words.get(words.size() - 1))) {
            return false;
        }
        return words.stream().anyMatch(w -> !isFunction(w) && !avoided.contains(w));
    }

    /** A word a phrase may hold but not start or end with: a function word, or one Chinese character (的, 了, 被). */
    private static boolean isFunction(String word) {
        return FUNCTION_WORDS.contains(word) || word.codePointCount(0, word.length()) == 1 && ChineseText.hasHan(word);
    }

    private static int strength(List<String> words, Set<String> strong) {
        int n = 0;
        for (String w : words) {
            for (String s : strong) {
                if (w.startsWith(s) || s.startsWith(w) && w.length() > 3) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /** The phrase as its first writer spelled it, cut at a word to fit. */
    private static String original(List<String> phrase, List<List<Word>> clauses, int maxChars) {
        for (List<Word> clause : clauses) {
            for (int i = 0; i + phrase.size() <= clause.size(); i++) {
                if (matches(clause, i, phrase)) {
                    List<String> words = new ArrayList<>();
                    for (int j = i; j < i + phrase.size(); j++) {
                        words.add(clause.get(j).original());
                    }
                    return fit(words, maxChars);
                }
            }
        }
        return null;
    }

    private static String fit(List<String> words, int maxChars) {
        List<String> kept = new ArrayList<>(words);
        while (kept.size() >= MIN_WORDS) {
            String text = join(kept);
            if (text.length() <= maxChars && !isFunction(fold(kept.get(kept.size() - 1)))) {
                return text;
            }
            kept.remove(kept.size() - 1);
        }
        return null;
    }

    /** Words as written: a space between two words only where neither side is Chinese. */
    private static String join(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (!out.isEmpty() && !ChineseText.hasHan(out.substring(out.length() - 1)) && !ChineseText.hasHan(w.substring(0, 1))) {
                out.append(' ');
            }
            out.append(w);
        }
        return out.toString();
    }

    static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return n.toLowerCase(Locale.ROOT).replace('’', '\'').replace("'", "");
    }
}
