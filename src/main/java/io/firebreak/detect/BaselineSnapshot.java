package io.firebreak.detect;

import java.util.Map;
import java.util.TreeMap;

/** Every brand's baseline at one moment: what {@link BaselineStore} saves and loads, plain data for Jackson. */
public record BaselineSnapshot(Map<String, BrandBaseline> brands) {

    public BaselineSnapshot {
        brands = Map.copyOf(new TreeMap<>(brands));
    }

    public static BaselineSnapshot empty() {
        return new BaselineSnapshot(Map.of());
    }
}
