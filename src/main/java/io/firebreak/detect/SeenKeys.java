package io.firebreak.detect;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * The mention keys one brand has counted, for as many event-time minutes as its windows keep: a
 * re-delivered mention (a client retry, a re-imported file) is counted once. Keys are kept as 64-bit
 * fingerprints with the minute they were counted in (about 30 bytes each); when a minute leaves the
 * ring its keys are forgotten with it, so memory follows the mentions of the last hour, not all ever seen.
 * O(1) per mention: one lookup, one insert, one later removal.
 */
final class SeenKeys {

    private final int ringMinutes;
    private final Long2LongOpenHashMap minuteOf = new Long2LongOpenHashMap();
    private final long[] slotMinute;
    private final LongArrayList[] slotKeys;

    SeenKeys(int ringMinutes) {
        this.ringMinutes = ringMinutes;
        slotMinute = new long[ringMinutes];
        slotKeys = new LongArrayList[ringMinutes];
        java.util.Arrays.fill(slotMinute, Long.MIN_VALUE);
        minuteOf.defaultReturnValue(Long.MIN_VALUE);
    }

    /**
     * Records the key as counted in {@code minute}; false when it was already counted in a minute the
     * ring still holds (a re-delivery, whatever timestamp the copy carries).
     */
    boolean add(String source, String id, long minute) {
        long fingerprint = fingerprint(source, id);
        long seenIn = minuteOf.get(fingerprint);
        if (seenIn != Long.MIN_VALUE && seenIn > minute - ringMinutes && seenIn < minute + ringMinutes) {
            return false;
        }
        int slot = (int) Math.floorMod(minute, (long) ringMinutes);
        if (slotMinute[slot] != minute) {
            recycle(slot);
            slotMinute[slot] = minute;
        }
        minuteOf.put(fingerprint, minute);
        slotKeys[slot].add(fingerprint);
        return true;
    }

    /** Keys held now, for memory figures. */
    int size() {
        return minuteOf.size();
    }

    private void recycle(int slot) {
        LongArrayList keys = slotKeys[slot];
        if (keys == null) {
            slotKeys[slot] = new LongArrayList();
            return;
        }
        long old = slotMinute[slot];
        for (int i = 0; i < keys.size(); i++) {
            long fingerprint = keys.getLong(i);
            if (minuteOf.get(fingerprint) == old) {
                minuteOf.remove(fingerprint);
            }
        }
        keys.clear();
        keys.trim(1024); // a burst minute must not pin its large list for good
        if (minuteOf.isEmpty()) {
            minuteOf.trim();
        }
    }

    /**
     * A 64-bit hash of the mention key {@code source:id} (multiply-xorshift mixing), computed without
     * building the key: collisions are ~n²/2⁶⁵, negligible here.
     */
    static long fingerprint(String source, String id) {
        long h = mix(0x9E3779B97F4A7C15L ^ source.length(), source);
        h = (h ^ ':') * 0xBF58476D1CE4E5B9L;
        h = mix(h ^ (h >>> 31), id);
        h *= 0x94D049BB133111EBL;
        return h ^ (h >>> 32);
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h;
    }
}
