package org.uapispec.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.uapispec.api.Errno;

/**
 * The behaviours of the DRM GEM uAPI that specs cite by {@code catalogue [...]}, read from
 * {@code catalogue.json} beside this class. An entry is cited by its number ({@code 18}) or its key
 * ({@code FLINK-BASIC}); both name the one entry. The file is checked as it is read: numbers and
 * keys unique, every errno one the api knows, every field present.
 */
public final class Catalogue {
    /** Where the kernel enforces a behaviour: a source file and a function in it. */
    public record Source(String file, String function) {
        public Source {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(function, "function");
        }
    }

    /**
     * One behaviour.
     *
     * @param id         its number, as specs cite it
     * @param key        its key, the same entry by name
     * @param area       the part of the uAPI it belongs to ({@code A.2 flink, open and auth})
     * @param title      the rule in one line
     * @param summary    the behaviour in a few sentences
     * @param errnos     what its failing calls return
     * @param enforced   where the kernel enforces it
     * @param eras       how it changed between kernel eras, one note each
     * @param igt        the IGT subtests ({@code test@subtest}) that check it
     * @param confidence {@code read} when read in the kernel source or a test, {@code inferred} when reasoned
     */
    public record Entry(int id, String key, String area, String title, String summary, List<Errno> errnos,
            List<Source> enforced, List<String> eras, List<String> igt, String confidence) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(summary, "summary");
            errnos = List.copyOf(errnos);
            enforced = List.copyOf(enforced);
            eras = List.copyOf(eras);
            igt = List.copyOf(igt);
            if (!confidence.equals("read") && !confidence.equals("inferred")) {
                throw new IllegalArgumentException("entry " + id + ": confidence is 'read' or 'inferred', not '"
                        + confidence + "'");
            }
        }

        /** {@code 18 FLINK-BASIC}: how a message names the entry. */
        public String label() {
            return id + " " + key;
        }
    }

    /** The file's shape: its entries, in order of number. */
    private record File(List<Entry> entries) {
    }

    private static final Catalogue STANDARD = read(Catalogue.class.getResourceAsStream("catalogue.json"),
            "catalogue.json");

    private final List<Entry> entries;
    private final Map<Integer, Entry> byId = new HashMap<>();
    private final Map<String, Entry> byKey = new LinkedHashMap<>();

    private Catalogue(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry entry : entries) {
            if (byId.put(entry.id(), entry) != null) {
                throw new IllegalArgumentException("catalogue number " + entry.id() + " is given twice");
            }
            if (byKey.put(entry.key(), entry) != null) {
                throw new IllegalArgumentException("catalogue key " + entry.key() + " is given twice");
            }
        }
    }

    /** The project's catalogue. */
    public static Catalogue standard() {
        return STANDARD;
    }

    /** A catalogue read from JSON of the same shape as {@code catalogue.json}. */
    static Catalogue read(InputStream json, String name) {
        if (json == null) {
            throw new IllegalStateException(name + " is missing from the class path");
        }
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
        try (json) {
            return new Catalogue(mapper.readValue(json, File.class).entries());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name + ": " + e.getMessage(), e);
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entry a citation names: its number ({@code 18}) or its key ({@code FLINK-BASIC}). */
    public Optional<Entry> resolve(String citation) {
        Entry entry = byKey.get(citation);
        if (entry == null && !citation.isEmpty() && citation.chars().allMatch(c -> c >= '0' && c <= '9')
                && citation.length() <= 9) {
            entry = byId.get(Integer.parseInt(citation));
        }
        return Optional.ofNullable(entry);
    }

    public Optional<Entry> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every key, in order of number: what a did-you-mean draws from. */
    public List<String> keys() {
        return Collections.unmodifiableList(new ArrayList<>(byKey.keySet()));
    }

    /** The lowest and highest number. */
    public int firstId() {
        return entries.stream().mapToInt(Entry::id).min().orElse(0);
    }

    public int lastId() {
        return entries.stream().mapToInt(Entry::id).max().orElse(0);
    }
}
