package org.uapispec.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Java program of this jar in a JVM of its own, timed from before the JVM starts to its exit. */
final class Subprocess {
    /** Standard output lines and the wall time, JVM start included. */
    record Output(List<String> lines, long nanos) {
    }

    private Subprocess() {
    }

    static Output java(List<String> jvmArgs, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        long start = System.nanoTime();
        try {
            Process process = builder.start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            }
            int exit = process.waitFor();
            long nanos = System.nanoTime() - start;
            if (exit != 0) {
                throw new IllegalStateException(mainClass + " exited with " + exit);
            }
            return new Output(lines, nanos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
