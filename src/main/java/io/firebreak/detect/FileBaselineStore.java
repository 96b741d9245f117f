package io.firebreak.detect;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/** A {@link BaselineStore} in one JSON file, replaced atomically so a crash mid-write keeps the old one. */
public final class FileBaselineStore implements BaselineStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public FileBaselineStore(Path file) {
        this.file = file;
    }

    @Override
    public synchronized Map<String, BrandBaseline> load() {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            return JSON.readValue(file.toFile(), BaselineSnapshot.class).brands();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read baseline " + file, e);
        }
    }

    @Override
    public synchronized void save(Map<String, BrandBaseline> changed) {
        Map<String, BrandBaseline> all = new HashMap<>(load());
        all.putAll(changed);
        BaselineSnapshot snapshot = new BaselineSnapshot(all);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            JSON.writeValue(tmp.toFile(), snapshot);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write baseline " + file, e);
        }
    }
}
