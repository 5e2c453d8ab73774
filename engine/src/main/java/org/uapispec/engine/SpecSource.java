package org.uapispec.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.uapispec.grammar.source.SourceFile;
import org.uapispec.grammar.source.SourcePos;

/** Where a spec file comes from: a classpath resource or a file, with the test sources IDEs navigate. */
sealed interface SpecSource {
    String RESOURCE_SEGMENT = "resource";
    String FILE_SEGMENT = "file";

    /** The spec's unique-id segment ({@code [resource:specs/gem.uapi]}). */
    UniqueId.Segment segment();

    /** The name diagnostics and messages print for the file. */
    String displayName();

    /** The file as report links name it: the resource name, or the path. */
    String linkTarget();

    /**
     * The file as test names give it: unique among the specs of a run, so that flat reports
     * (Surefire's XML, JUnit XML dashboards) never take two tests for one. The resource name, or the
     * path relative to the working directory when the file lies below it.
     */
    String testName();

    /** The text, or empty when the source cannot be read (reported as a broken spec). */
    Optional<SourceFile> read();

    /** The test source at a position in the file, for IDE navigation. */
    TestSource at(SourcePos pos);

    /** The test source of the whole file. */
    TestSource whole();

    /** The source a unique-id segment names; empty for another kind of segment or a malformed one. */
    static Optional<SpecSource> fromSegment(UniqueId.Segment segment) {
        switch (segment.getType()) {
            case RESOURCE_SEGMENT:
                return Optional.of(new Resource(segment.getValue()));
            case FILE_SEGMENT:
                try {
                    return Optional.of(new File(Path.of(URI.create(segment.getValue()))));
                } catch (IllegalArgumentException | FileSystemNotFoundException e) {
                    return Optional.empty(); // not a file URI: a selector of no spec
                }
            default:
                return Optional.empty();
        }
    }

    /** A spec on the classpath, read through the context class loader. */
    record Resource(String name) implements SpecSource {
        public Resource {
            name = name.startsWith("/") ? name.substring(1) : name;
        }

        @Override
        public UniqueId.Segment segment() {
            return UniqueId.root(RESOURCE_SEGMENT, name).getLastSegment();
        }

        @Override
        public String displayName() {
            return name;
        }

        @Override
        public String linkTarget() {
            return name;
        }

        @Override
        public String testName() {
            return name;
        }

        @Override
        public Optional<SourceFile> read() {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try (InputStream in = loader.getResourceAsStream(name)) {
                return in == null ? Optional.empty() : Optional.of(SourceFile.fromBytes(name, in.readAllBytes()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public TestSource at(SourcePos pos) {
            return ClasspathResourceSource.from(name, FilePosition.from(pos.line(), pos.column()));
        }

        @Override
        public TestSource whole() {
            return ClasspathResourceSource.from(name);
        }
    }

    /** A spec file on disk, named in ids by its absolute URI so that ids do not depend on the cwd. */
    record File(Path path) implements SpecSource {
        public File {
            path = path.toAbsolutePath().normalize();
        }

        @Override
        public UniqueId.Segment segment() {
            return UniqueId.root(FILE_SEGMENT, path.toUri().toString()).getLastSegment();
        }

        @Override
        public String displayName() {
            return path.getFileName().toString();
        }

        @Override
        public String linkTarget() {
            return path.toString();
        }

        @Override
        public String testName() {
            Path cwd = Path.of("").toAbsolutePath();
            Path shown = path.startsWith(cwd) ? cwd.relativize(path) : path;
            return shown.toString().replace(java.io.File.separatorChar, '/');
        }

        @Override
        public Optional<SourceFile> read() {
            try {
                return Optional.of(SourceFile.fromBytes(path.toString(), Files.readAllBytes(path)));
            } catch (IOException | UncheckedIOException e) {
                return Optional.empty();
            }
        }

        @Override
        public TestSource at(SourcePos pos) {
            return FileSource.from(path.toFile(), FilePosition.from(pos.line(), pos.column()));
        }

        @Override
        public TestSource whole() {
            return FileSource.from(path.toFile());
        }
    }
}
