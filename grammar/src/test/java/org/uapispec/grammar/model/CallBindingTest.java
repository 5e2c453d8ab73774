package org.uapispec.grammar.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Ioctl;

/**
 * The bindings of the call table, run against a site that records what they ask. The compiler
 * checks that each binding builds real api records; these tests check what it cannot: that a
 * binding reads exactly its entry's parameters, and that every ioctl of the api has its entry.
 */
class CallBindingTest {

    private static RecordingSite run(Operation op) {
        RecordingSite site = new RecordingSite();
        assertThat(op.call(site).isOk()).as(op.languageName()).isFalse();
        return site;
    }

    @Test
    void eachBindingReadsExactlyTheParametersOfItsEntry() {
        for (Operation op : Operation.values()) {
            assertThat(run(op).read).as(op.languageName())
                    .containsExactlyInAnyOrderElementsOf(op.params().stream().map(Param::name).toList());
        }
    }

    @Test
    void anEntryBuildsItsRequestFromTheStepsArguments() {
        assertThat(run(Operation.GEM_CREATE).requests).containsExactly(new I915Ioctl.GemCreate(0));
        assertThat(run(Operation.GEM_CLOSE).requests).containsExactly(new DrmIoctl.GemClose(new Handle(1), 0));
        assertThat(run(Operation.MMAP).requests).isEmpty();
    }

    @Test
    void anIoctlRunsOnItsFileParameter() {
        for (Operation op : Operation.values()) {
            for (String file : run(op).files) {
                assertThat(op.param(file).orElseThrow().types()).as(op.languageName())
                        .containsAnyOf(ValueType.FILE, ValueType.DMABUF);
            }
        }
    }

    @Test
    void everyIoctlOfTheApiIsTheCallOfExactlyOneEntry() {
        Map<Class<?>, List<Operation>> askedBy = new HashMap<>();
        for (Operation op : Operation.values()) {
            for (Ioctl<?> request : run(op).requests) {
                askedBy.computeIfAbsent(request.getClass(), c -> new ArrayList<>()).add(op);
            }
        }
        List<Class<?>> records = new ArrayList<>();
        collectRecords(Ioctl.class, records);
        assertThat(records).isNotEmpty();
        assertThat(askedBy.keySet()).as("the ioctl records the call table builds (an api ioctl without an"
                + " Operation entry is missing here)").containsExactlyInAnyOrderElementsOf(records);
        askedBy.forEach((type, ops) -> assertThat(ops).as(type.getSimpleName()).hasSize(1));
    }

    /** The records that implement the sealed {@code type}, through its sealed sub-interfaces. */
    private static void collectRecords(Class<?> type, List<Class<?>> records) {
        if (type.isRecord()) {
            records.add(type);
            return;
        }
        for (Class<?> sub : type.getPermittedSubclasses()) {
            collectRecords(sub, records);
        }
    }
}
